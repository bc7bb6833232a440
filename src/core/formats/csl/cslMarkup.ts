/**
 * CSL's rich-text markup in titles (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html): italics,
 * bold, super- and subscript, small caps and `nocase` spans. Lists and tabs show plain text, so it is dropped.
 * citation-js writes the same markup when it converts `\emph{…}` or `\textsuperscript{…}` from BibTeX.
 */
const MARKUP = /<\/?(?:i|b|sup|sub|sc)>|<span(?:\s+(?:class|style)=(?:"[^"]*"|'[^']*'))*\s*>|<\/span>/g;

/** `text` without CSL rich-text tags; any other `<` is text and stays. */
export function stripCslMarkup(text: string): string {
  return text.includes('<') ? text.replace(MARKUP, '') : text;
}
