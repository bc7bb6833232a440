import { citationAt, type Citation } from './citationContext';
import type { CitationLanguage } from './citationLanguage';

/** A replacement of `text[start, end)` by `newText`; `start === end` inserts. */
export interface TextReplacement {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

/** The LaTeX command a new citation uses when none is given. */
export const DEFAULT_LATEX_COMMAND = 'cite';

/**
 * The edit that cites `keys` at `offset`: inside an existing citation the keys it lacks are added at its end
 * (`\cite{a}` → `\cite{a,b}`, `[@a]` → `[@a; @b]`); elsewhere a new citation is inserted (`\cite{a,b}`, `[@a; @b]`).
 *
 * Inside a Pandoc text citation (`@a`) a bracket citation is added after its key (`@a [@b]`), which Pandoc reads as
 * a second citation, so the key under the cursor is never split. Nothing written is changed; a key already cited
 * there is not added twice.
 *
 * @returns `undefined` when the citation already has every key (nothing to do) or `keys` is empty.
 */
export function citationInsertion(
  text: string,
  language: CitationLanguage,
  offset: number,
  keys: readonly string[],
  latexCommand: string = DEFAULT_LATEX_COMMAND,
): TextReplacement | undefined {
  const found = citationAt(text, language, offset);
  const unique = [...new Set(keys)];
  if (!found) {
    return unique.length === 0
      ? undefined
      : { start: offset, end: offset, newText: newCitation(language, unique, latexCommand) };
  }
  const cited = new Set(found.citation.keys.map((k) => k.key));
  const missing = unique.filter((key) => !cited.has(key));
  if (missing.length === 0) {
    return undefined;
  }
  return addToCitation(text, found.citation, missing);
}

/** A new citation of `keys` as the language writes it. */
export function newCitation(
  language: CitationLanguage,
  keys: readonly string[],
  latexCommand = DEFAULT_LATEX_COMMAND,
): string {
  return language === 'latex' ? `\\${latexCommand}{${keys.join(',')}}` : `[${joinKeys(language, keys)}]`;
}

function joinKeys(language: CitationLanguage, keys: readonly string[]): string {
  return language === 'latex' ? keys.join(',') : keys.map((key) => `@${key}`).join('; ');
}

function addToCitation(text: string, citation: Citation, keys: readonly string[]): TextReplacement {
  if (citation.form === 'text') {
    return { start: citation.bodyEnd, end: citation.bodyEnd, newText: ` ${newCitation('markdown', keys)}` };
  }
  // Insert after the last non-space character of the body, so `\cite{a }` and `[@a ]` keep their closing spacing.
  let at = citation.bodyEnd;
  while (at > citation.bodyStart && /\s/.test(text[at - 1])) {
    at--;
  }
  const before = at > citation.bodyStart ? text[at - 1] : '';
  if (citation.language === 'latex') {
    const separator = before === '' || before === ',' ? '' : ',';
    return { start: at, end: at, newText: separator + keys.join(',') };
  }
  const separator = before === '' ? '' : before === ';' ? ' ' : '; ';
  return { start: at, end: at, newText: separator + joinKeys('markdown', keys) };
}
