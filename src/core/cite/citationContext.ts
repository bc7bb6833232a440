import type { CitationLanguage } from './citationLanguage';

/** A citation key as written in a citation, with its offsets in the document (end exclusive). */
export interface CitedKey {
  readonly key: string;
  readonly start: number;
  readonly end: number;
}

/**
 * One citation in a document: LaTeX `\cite[…]{a,b}` and its variants, a Pandoc bracket citation `[see @a; @b, p. 3]`,
 * or a Pandoc text citation `@a`.
 */
export interface Citation {
  readonly language: CitationLanguage;
  /** The LaTeX command without its backslash (`citep`, `parencite*`), or Pandoc's `bracket` or `text`. */
  readonly form: string;
  /** The whole citation, from the backslash, `[` or `@` to just after its `}` or `]` (or where an unclosed one stops). */
  readonly start: number;
  readonly end: number;
  /** False while the writer is still typing it: no `}` or `]` yet. */
  readonly closed: boolean;
  /** The keys already there, in order. */
  readonly keys: readonly CitedKey[];
  /**
   * The LaTeX key list (between `{` and `}`) or the Pandoc bracket's content (between `[` and `]`); for a text
   * citation, the key itself.
   */
  readonly bodyStart: number;
  readonly bodyEnd: number;
}

/** What the writer is typing where a key goes: the text to search with, and the span a chosen key replaces. */
export interface TypedKey {
  /** From `start` to the offset: what has been typed so far (LaTeX allows words and spaces: `speculative deco`). */
  readonly prefix: string;
  readonly start: number;
  /** The end of the whole key or typed text around the offset (end exclusive), so a chosen key replaces all of it. */
  readonly end: number;
}

export interface CitationAt {
  readonly citation: Citation;
  /** Present when the offset is where a key is written (not in an optional argument, a prefix or a locator). */
  readonly typed?: TypedKey;
}

/** How far back a citation may start: a long key list fits, and the scan stays bounded in any document. */
const MAX_CITATION_LENGTH = 4000;

/**
 * The citation the offset is in, if any.
 *
 * An offset is in a citation from just after its command or `[` up to and including the position of its closing
 * `}` or `]` (where the cursor sits after typing the last key). Unclosed citations count, so completion works while
 * typing `\cite{spec`. LaTeX comments and Markdown code are not citations.
 *
 * @param offset UTF-16 offset into `text`, 0 … text.length.
 */
export function citationAt(text: string, language: CitationLanguage, offset: number): CitationAt | undefined {
  return language === 'latex' ? latexCitationAt(text, offset) : markdownCitationAt(text, offset);
}

// ---------------------------------------------------------------------------------------------------------------
// LaTeX

/** `\cite`, `\citep`, `\citet`, `\citeauthor`, `\autocite`, `\parencite`, `\textcite`, `\footcite`, `\nocite`, … */
const LATEX_CITE_COMMAND = /\\([A-Za-z]*cite[A-Za-z]*\*?)/g;
const MAX_OPTIONAL_ARGUMENTS = 2;

function latexCitationAt(text: string, offset: number): CitationAt | undefined {
  const from = Math.max(0, offset - MAX_CITATION_LENGTH);
  let found: CitationAt | undefined;
  LATEX_CITE_COMMAND.lastIndex = from;
  for (
    let match = LATEX_CITE_COMMAND.exec(text);
    match && match.index < offset;
    match = LATEX_CITE_COMMAND.exec(text)
  ) {
    const afterCommand = match.index + match[0].length;
    const citation = parseLatexCitation(text, match.index, match[1], afterCommand);
    if (citation && offset > afterCommand && offset <= citation.end - (citation.closed ? 1 : 0)) {
      if (!inLatexComment(text, match.index)) {
        found = { citation, typed: offset >= citation.bodyStart ? latexTypedKey(text, citation, offset) : undefined };
      }
    }
    if (citation) {
      LATEX_CITE_COMMAND.lastIndex = Math.max(LATEX_CITE_COMMAND.lastIndex, citation.end);
    }
  }
  return found;
}

/** Parses `[opt][opt]{keys}` after a cite command; `undefined` when no key list follows. */
function parseLatexCitation(text: string, start: number, form: string, afterCommand: number): Citation | undefined {
  let i = skipSpaces(text, afterCommand);
  for (let n = 0; n < MAX_OPTIONAL_ARGUMENTS && text[i] === '['; n++) {
    const close = text.indexOf(']', i);
    if (close < 0 || close - i > MAX_CITATION_LENGTH || text.slice(i, close).includes('\n\n')) {
      return undefined;
    }
    i = skipSpaces(text, close + 1);
  }
  if (text[i] !== '{') {
    return undefined;
  }
  const bodyStart = i + 1;
  const limit = Math.min(text.length, bodyStart + MAX_CITATION_LENGTH);
  let j = bodyStart;
  // An unclosed list (still being typed) stops where no key can be: a brace, a command, a comment, a blank line.
  while (j < limit && !'{}\\%'.includes(text[j]) && !(text[j] === '\n' && text[j + 1] === '\n')) {
    j++;
  }
  const closed = text[j] === '}';
  if (!closed) {
    // Still being typed: the list is what is on the command's line, not the rest of the paragraph.
    const lineEnd = text.indexOf('\n', bodyStart);
    j = lineEnd >= 0 && lineEnd < j ? lineEnd : j;
  }
  const keys: CitedKey[] = [];
  let segmentStart = bodyStart;
  for (let k = bodyStart; k <= j; k++) {
    if (k === j || text[k] === ',') {
      const key = trimmedSpan(text, segmentStart, k);
      if (key.start < key.end) {
        keys.push({ key: text.slice(key.start, key.end), start: key.start, end: key.end });
      }
      segmentStart = k + 1;
    }
  }
  return { language: 'latex', form, start, end: closed ? j + 1 : j, closed, keys, bodyStart, bodyEnd: j };
}

/** In LaTeX a key list entry is everything between commas, so a writer may type several words to search with. */
function latexTypedKey(text: string, citation: Citation, offset: number): TypedKey {
  let start = offset;
  while (start > citation.bodyStart && text[start - 1] !== ',') {
    start--;
  }
  // An unclosed list may run into the sentence after it: a chosen key replaces only the word being typed.
  let end = offset;
  while (end < citation.bodyEnd && text[end] !== ',' && (citation.closed || !/\s/.test(text[end]))) {
    end++;
  }
  const span = trimmedSpan(text, start, end);
  const typedStart = Math.min(span.start, offset);
  const typedEnd = Math.max(span.end, offset);
  return { prefix: text.slice(typedStart, offset), start: typedStart, end: typedEnd };
}

/** True when an unescaped `%` earlier on the same line makes `index` part of a comment. */
function inLatexComment(text: string, index: number): boolean {
  const lineStart = text.lastIndexOf('\n', index - 1) + 1;
  for (let i = lineStart; i < index; i++) {
    if (text[i] === '\\') {
      i++;
    } else if (text[i] === '%') {
      return true;
    }
  }
  return false;
}

// ---------------------------------------------------------------------------------------------------------------
// Pandoc Markdown (also Quarto and R Markdown)

const KEY_CHAR = /[\p{L}\p{N}_]/u;
/** Pandoc allows these inside a key when a letter, digit or `_` follows (`doe:99`, `smith-jones`, `a/b`). */
const INTERNAL_PUNCTUATION = ':.#$%&-+?<>~/';
/** A letter or digit before `@` makes it an e-mail address, a `/` or `.` part of a URL: not a citation. */
const NOT_BEFORE_AT = /[\p{L}\p{N}_@/.]/u;

function markdownCitationAt(text: string, offset: number): CitationAt | undefined {
  if (inMarkdownCode(text, offset)) {
    return undefined;
  }
  const at = keyAtBefore(text, offset);
  const bracket = enclosingBracket(text, offset);
  if (bracket === 'link') {
    return undefined;
  }
  if (bracket) {
    const citation = parseBracketCitation(text, bracket);
    if (citation.keys.length > 0 || at !== undefined) {
      const typed = at === undefined ? undefined : markdownTypedKey(text, at, offset);
      return { citation, typed };
    }
  }
  if (at === undefined) {
    return undefined;
  }
  const key = markdownKeyEnd(text, at + 1);
  const typed = markdownTypedKey(text, at, offset);
  const citation: Citation = {
    language: 'markdown',
    form: 'text',
    start: at,
    end: Math.max(key, typed.end),
    closed: true,
    keys: key > at + 1 ? [{ key: text.slice(at + 1, key), start: at + 1, end: key }] : [],
    bodyStart: at + 1,
    bodyEnd: Math.max(key, typed.end),
  };
  return { citation, typed };
}

/** The `@` that starts the key the offset is in or just after, when it is at a word boundary. */
function keyAtBefore(text: string, offset: number): number | undefined {
  let i = offset;
  while (
    i > 0 &&
    offset - i < MAX_CITATION_LENGTH &&
    (KEY_CHAR.test(text[i - 1]) || INTERNAL_PUNCTUATION.includes(text[i - 1]))
  ) {
    i--;
  }
  if (i === 0 || text[i - 1] !== '@') {
    return undefined;
  }
  const at = i - 1;
  if (at > 0 && NOT_BEFORE_AT.test(text[at - 1])) {
    return undefined;
  }
  if (i < offset && !KEY_CHAR.test(text[i])) {
    return undefined;
  }
  return at;
}

/** Where a key that starts at `start` ends: letters, digits, `_`, and punctuation only between them. */
function markdownKeyEnd(text: string, start: number): number {
  let end = start;
  let i = start;
  while (i < text.length && i - start < MAX_CITATION_LENGTH) {
    if (KEY_CHAR.test(text[i])) {
      end = ++i;
    } else if (INTERNAL_PUNCTUATION.includes(text[i]) && end > start) {
      i++;
    } else {
      break;
    }
  }
  return end;
}

function markdownTypedKey(text: string, at: number, offset: number): TypedKey {
  return { prefix: text.slice(at + 1, offset), start: at + 1, end: Math.max(offset, markdownKeyEnd(text, at + 1)) };
}

interface Bracket {
  readonly open: number;
  /** The `]`, or where an unclosed bracket stops. */
  readonly close: number;
  readonly closed: boolean;
}

/** The innermost `[…]` around the offset within its paragraph; `'link'` for a link, an image or a footnote. */
function enclosingBracket(text: string, offset: number): Bracket | 'link' | undefined {
  let open = -1;
  for (let i = offset - 1, depth = 0; i >= 0 && offset - i < MAX_CITATION_LENGTH; i--) {
    const c = text[i];
    if (c === '\n' && text[i - 1] === '\n') {
      break;
    }
    if (c === ']' && !isEscaped(text, i)) {
      depth++;
    } else if (c === '[' && !isEscaped(text, i)) {
      if (depth === 0) {
        open = i;
        break;
      }
      depth--;
    }
  }
  if (open < 0) {
    return undefined;
  }
  if (text[open - 1] === '!' || text[open + 1] === '^') {
    return 'link';
  }
  let close = offset;
  let closed = false;
  for (let depth = 0; close < text.length && close - offset < MAX_CITATION_LENGTH; close++) {
    const c = text[close];
    if (c === '\n' && text[close + 1] === '\n') {
      break;
    }
    if (c === '[' && !isEscaped(text, close)) {
      depth++;
    } else if (c === ']' && !isEscaped(text, close)) {
      if (depth === 0) {
        closed = true;
        break;
      }
      depth--;
    }
  }
  // `[text](url)`, `[text][ref]` and `[ref]: url` are links, whatever their text holds.
  if (closed && close + 1 < text.length && '([:'.includes(text[close + 1])) {
    return 'link';
  }
  return { open, close, closed };
}

function parseBracketCitation(text: string, { open, close, closed }: Bracket): Citation {
  const keys: CitedKey[] = [];
  for (let i = open + 1; i < close; i++) {
    if (text[i] === '@' && !NOT_BEFORE_AT.test(text[i - 1]) && KEY_CHAR.test(text[i + 1] ?? '')) {
      const end = Math.min(markdownKeyEnd(text, i + 1), close);
      keys.push({ key: text.slice(i + 1, end), start: i + 1, end });
      i = end - 1;
    }
  }
  return {
    language: 'markdown',
    form: 'bracket',
    start: open,
    end: closed ? close + 1 : close,
    closed,
    keys,
    bodyStart: open + 1,
    bodyEnd: close,
  };
}

function isEscaped(text: string, index: number): boolean {
  let backslashes = 0;
  for (let i = index - 1; i >= 0 && text[i] === '\\'; i--) {
    backslashes++;
  }
  return backslashes % 2 === 1;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/gm;

/**
 * The fenced code blocks that start before `until`, as `[start, end)` offsets, in one regular-expression pass from
 * the top of the document; a block still open at `until` runs to the end of the text.
 */
function fencedBlocks(text: string, until = text.length): [number, number][] {
  const blocks: [number, number][] = [];
  let open: { fence: string; start: number } | undefined;
  FENCE.lastIndex = 0;
  for (let match = FENCE.exec(text); match && match.index < until; match = FENCE.exec(text)) {
    const fence = match[1];
    if (open === undefined) {
      open = { fence, start: match.index };
    } else if (fence[0] === open.fence[0] && fence.length >= open.fence.length) {
      blocks.push([open.start, match.index + match[0].length]);
      open = undefined;
    }
  }
  if (open) {
    blocks.push([open.start, text.length]);
  }
  return blocks;
}

/** True inside an inline code span: an odd number of backticks before `offset` on its line. */
function inCodeSpan(text: string, offset: number): boolean {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let ticks = 0;
  for (let i = lineStart; i < offset; i++) {
    if (text[i] === '`' && !isEscaped(text, i)) {
      ticks++;
    }
  }
  return ticks % 2 === 1;
}

/** True inside a fenced code block or an inline code span, where `@` is code, not a citation. */
function inMarkdownCode(text: string, offset: number): boolean {
  return fencedBlocks(text, offset).some(([start, end]) => start < offset && offset < end) || inCodeSpan(text, offset);
}

// ---------------------------------------------------------------------------------------------------------------
// Every key a document cites

/**
 * Every key the document cites, in order, for checking them against the library: the keys of closed LaTeX
 * citations outside comments, or every Pandoc `@key` (bracket and text citations) outside code.
 */
export function citedKeysIn(text: string, language: CitationLanguage): CitedKey[] {
  const keys: CitedKey[] = [];
  if (language === 'latex') {
    LATEX_CITE_COMMAND.lastIndex = 0;
    for (let match = LATEX_CITE_COMMAND.exec(text); match; match = LATEX_CITE_COMMAND.exec(text)) {
      const citation = parseLatexCitation(text, match.index, match[1], match.index + match[0].length);
      if (citation?.closed && !inLatexComment(text, match.index)) {
        keys.push(...citation.keys);
        LATEX_CITE_COMMAND.lastIndex = citation.end;
      }
    }
    return keys;
  }
  const blocks = fencedBlocks(text);
  let block = 0;
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    while (block < blocks.length && blocks[block][1] <= at) {
      block++;
    }
    const inBlock = block < blocks.length && blocks[block][0] <= at;
    if (inBlock || (at > 0 && NOT_BEFORE_AT.test(text[at - 1])) || !KEY_CHAR.test(text[at + 1] ?? '')) {
      continue;
    }
    if (!inCodeSpan(text, at)) {
      const end = markdownKeyEnd(text, at + 1);
      keys.push({ key: text.slice(at + 1, end), start: at + 1, end });
      at = end - 1;
    }
  }
  return keys;
}

// ---------------------------------------------------------------------------------------------------------------

function skipSpaces(text: string, i: number): number {
  while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) {
    i++;
  }
  return i;
}

function trimmedSpan(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && /\s/.test(text[start])) {
    start++;
  }
  while (end > start && /\s/.test(text[end - 1])) {
    end--;
  }
  return { start, end };
}
