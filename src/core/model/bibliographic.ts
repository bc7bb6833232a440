/**
 * What bibliography files (BibTeX, RIS, CSL-JSON) and the arXiv metadata snapshot say about a paper, beyond its
 * title and abstract. Every reader fills the same shape, so the library, the search and the citing features
 * never care which format a paper came from.
 *
 * Text is Unicode: text-mode TeX (`{\"o}`, `\&`, `--`) is converted, braces that only protect case are gone,
 * and math in titles stays as `$…$` for KaTeX. Abstracts are not here: they stay as written, TeX included.
 */

/** A person's name as bibliographies keep it (the shape of a CSL name object). */
export interface PersonName {
  readonly family?: string;
  readonly given?: string;
  /** `van`, `de la`: the particle that stands before the family name. */
  readonly particle?: string;
  /** `Jr.`, `III`. */
  readonly suffix?: string;
  /** A name kept whole: a corporate author (`Google Research`) or one that could not be split. */
  readonly literal?: string;
}

/** Publication date as far as it is known: a year, perhaps a month, perhaps a day. */
export interface PublicationDate {
  readonly year: number;
  /** 1–12. */
  readonly month?: number;
  /** 1–31. */
  readonly day?: number;
}

export interface BibliographicFields {
  /** The file's own citation key (`vaswani2017attention`), as written. */
  readonly citationKey?: string;
  /** The BibTeX entry type in lower case (`article`, `inproceedings`, `misc`), or its nearest equivalent. */
  readonly entryType?: string;
  /** Authors in the file's order; editors are not authors. */
  readonly authors?: readonly PersonName[];
  readonly issued?: PublicationDate;
  /** Journal, book title (proceedings) or arXiv's journal reference. */
  readonly venue?: string;
  /** Without `https://doi.org/` or `doi:`, as written otherwise (DOIs compare case-insensitively). */
  readonly doi?: string;
  /** New style `2401.12345` or old style `hep-th/9901001`, without `arXiv:` and without a version. */
  readonly arxivId?: string;
  readonly url?: string;
  readonly keywords?: readonly string[];
  /** arXiv categories, primary first (`cs.LG`, `stat.ML`). */
  readonly categories?: readonly string[];
}
