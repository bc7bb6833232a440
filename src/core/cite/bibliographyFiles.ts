import * as path from 'node:path';
import type { CitationLanguage } from './citationLanguage';

/** A bibliography file a document names, where it names it, and the path it resolves to. */
export interface NamedBibliography {
  /** As written (`refs`, `../refs.bib`). */
  readonly name: string;
  /** Offsets of the name in the document (end exclusive). */
  readonly start: number;
  readonly end: number;
  /**
   * A `/`-separated path resolved against the document's folder (`\bibliography{refs}` gains `.bib`, as BibTeX
   * adds it), or the name itself when it is absolute.
   */
  readonly path: string;
}

/** `\bibliography{a,b}` and `\nobibliography{…}` (BibTeX); biblatex's `\addbibresource[…]{…}` and kin. */
const LATEX_BIBLIOGRAPHY =
  /\\(bibliography|nobibliography|addbibresource|addglobalbib|addsectionbib)\s*(\[[^\]]*\])?\s*\{([^}]*)\}/g;
/** Front matter: `---` on the first line, up to the next `---` or `...` line. */
const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/**
 * The bibliography files a document names, in order, each once.
 *
 * LaTeX: `\bibliography{refs,other}` (names without `.bib` gain it), `\addbibresource[options]{refs.bib}`,
 * `\addglobalbib`, `\addsectionbib`; commented-out lines, names made of macros (`\jobname`) and biblatex's remote
 * resources (`location=remote`, URLs) are skipped. Markdown, Pandoc, Quarto and R Markdown: the `bibliography:` key of
 * the YAML front matter, a string or a list (flow `[a.bib, b.bib]` or block `- a.bib`), plain or quoted.
 *
 * @param documentPath the document's `/`-separated path (a URI's path), to resolve relative names against.
 */
export function namedBibliographies(
  text: string,
  language: CitationLanguage,
  documentPath: string,
): readonly NamedBibliography[] {
  const names = language === 'latex' ? latexBibliographyNames(text) : frontMatterBibliographyNames(text);
  const folder = path.posix.dirname(documentPath);
  const seen = new Set<string>();
  const result: NamedBibliography[] = [];
  for (const { name, start, end, addBibExtension } of names) {
    const withExtension = addBibExtension && !name.toLowerCase().endsWith('.bib') ? `${name}.bib` : name;
    const resolved = path.posix.isAbsolute(withExtension) ? withExtension : path.posix.join(folder, withExtension);
    if (!seen.has(resolved)) {
      seen.add(resolved);
      result.push({ name, start, end, path: resolved });
    }
  }
  return result;
}

interface WrittenName {
  readonly name: string;
  readonly start: number;
  readonly end: number;
  readonly addBibExtension: boolean;
}

function latexBibliographyNames(text: string): WrittenName[] {
  const names: WrittenName[] = [];
  for (const match of text.matchAll(LATEX_BIBLIOGRAPHY)) {
    const [whole, command, options, list] = match;
    if (isCommentedOut(text, match.index) || (options !== undefined && /location\s*=\s*remote/.test(options))) {
      continue;
    }
    const listStart = match.index + whole.length - 1 - list.length;
    const bibtex = command === 'bibliography' || command === 'nobibliography';
    // BibTeX takes a comma-separated list; biblatex one resource per command, whose name may contain commas.
    const parts = bibtex ? list.split(',') : [list];
    let offset = listStart;
    for (const part of parts) {
      const name = part.trim();
      const start = offset + part.indexOf(name);
      offset += part.length + 1;
      if (name !== '' && !name.includes('\\') && !/^[a-z][a-z0-9+.-]*:\/\//i.test(name)) {
        names.push({ name, start, end: start + name.length, addBibExtension: bibtex });
      }
    }
  }
  return names;
}

function isCommentedOut(text: string, index: number): boolean {
  const lineStart = text.lastIndexOf('\n', index - 1) + 1;
  return /(^|[^\\])%/.test(text.slice(lineStart, index));
}

/** `bibliography:` at the top level of the front matter, then its value on the line or a block list below. */
const BIBLIOGRAPHY_KEY = /^bibliography[ \t]*:[ \t]*(.*)$/m;
const BLOCK_ITEM = /^[ \t]*-[ \t]+(.*)$/d;

function frontMatterBibliographyNames(text: string): WrittenName[] {
  const frontMatter = FRONT_MATTER.exec(text);
  if (!frontMatter) {
    return [];
  }
  const yaml = frontMatter[1];
  const yamlStart = frontMatter[0].indexOf(yaml);
  const key = BIBLIOGRAPHY_KEY.exec(yaml);
  if (!key) {
    return [];
  }
  const valueStart = yamlStart + key.index + key[0].length - key[1].length;
  const value = withoutComment(key[1]).trimEnd();
  if (value.startsWith('[')) {
    const close = value.indexOf(']');
    return splitScalars(value.slice(1, close < 0 ? undefined : close), valueStart + 1);
  }
  if (value !== '') {
    return splitScalars(value, valueStart, false);
  }
  const names: WrittenName[] = [];
  const afterKey = key.index + key[0].length;
  let lineStart = afterKey + (yaml.startsWith('\r\n', afterKey) ? 2 : 1);
  while (lineStart < yaml.length) {
    const lineEnd = yaml.indexOf('\n', lineStart);
    const item = BLOCK_ITEM.exec(yaml.slice(lineStart, lineEnd < 0 ? yaml.length : lineEnd).replace(/\r$/, ''));
    if (!item) {
      break;
    }
    names.push(...splitScalars(withoutComment(item[1]).trimEnd(), yamlStart + lineStart + item.indices![1][0], false));
    lineStart = lineEnd < 0 ? yaml.length : lineEnd + 1;
  }
  return names;
}

/** YAML scalars separated by commas (in a flow list) or one scalar, plain or quoted, with their offsets. */
function splitScalars(list: string, offset: number, commaSeparated = true): WrittenName[] {
  const names: WrittenName[] = [];
  const parts = commaSeparated ? list.split(',') : [list];
  for (const part of parts) {
    const trimmed = part.trim();
    const quoted = /^(["'])(.*)\1$/.exec(trimmed);
    const name = quoted ? quoted[2] : trimmed;
    const start = offset + part.indexOf(trimmed) + (quoted ? 1 : 0);
    offset += part.length + 1;
    if (name !== '') {
      names.push({ name, start, end: start + name.length, addBibExtension: false });
    }
  }
  return names;
}

/** A YAML comment starts at ` #` outside quotes. */
function withoutComment(value: string): string {
  const quoted = /^\s*(["']).*?\1/.exec(value);
  if (quoted) {
    return quoted[0];
  }
  const hash = value.search(/(^|\s)#/);
  return hash < 0 ? value : value.slice(0, hash);
}
