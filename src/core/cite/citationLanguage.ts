/**
 * The two citation syntaxes the editor features understand: LaTeX's `\cite{…}` family and Pandoc's `[@key]`, which
 * Pandoc Markdown, Quarto and R Markdown share.
 */
export type CitationLanguage = 'latex' | 'markdown';

const LANGUAGES: Readonly<Record<string, CitationLanguage>> = {
  latex: 'latex',
  tex: 'latex',
  markdown: 'markdown',
  pandoc: 'markdown',
  quarto: 'markdown',
  rmd: 'markdown',
  rmarkdown: 'markdown',
};

/** The VS Code language ids whose documents can cite, for document selectors. */
export const CITING_LANGUAGE_IDS: readonly string[] = Object.keys(LANGUAGES);

/** The citation syntax of a VS Code language id, or `undefined` for a language that has none. */
export function citationLanguageOf(languageId: string): CitationLanguage | undefined {
  return Object.hasOwn(LANGUAGES, languageId) ? LANGUAGES[languageId] : undefined;
}
