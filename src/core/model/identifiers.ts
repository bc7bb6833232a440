/**
 * arXiv ids and DOIs as people write them (in `eprint`, `doi`, `url`, `note`, `number` fields, or typed in a
 * search), brought to one comparable form.
 */

/**
 * New-style ids since April 2007 (`YYMM.NNNN`, five digits since 2015) and old-style ids (`archive/YYMMNNN`,
 * `hep-th/9901001`, `math.AG/0309136`), optionally prefixed `arXiv:` and suffixed with a version.
 * See https://info.arxiv.org/help/arxiv_identifier.html.
 */
const ARXIV_ID = /(?:^|[^\w.])(?:arxiv:\s*)?(\d{4}\.\d{4,5}|[a-z][a-z-]*(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?(?![\w.])/i;
/** The same, and nothing else (an id typed alone). */
const ARXIV_ID_ALONE = /^(?:arxiv:\s*)?(\d{4}\.\d{4,5}|[a-z][a-z-]*(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?$/i;
const ARXIV_URL = /arxiv\.org\/(?:abs|pdf|html)\/([^\s?#]+?)(?:\.pdf)?(?:[?#]|\s|$)/i;
/** arXiv's own DOIs since 2022: `10.48550/arXiv.2401.12345`. */
const ARXIV_DOI = /^10\.48550\/arxiv\.(.+)$/i;
/** A DOI is `10.` + registrant + `/` + suffix (https://www.doi.org/the-identifier/resources/handbook). */
const DOI = /\b(10\.\d{4,9}\/\S+)/;
const DOI_PREFIX = /^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i;

/**
 * The arXiv id in `text` (an id, `arXiv:…`, an arxiv.org URL, or a note such as `arXiv: 2001.00001`), without
 * its version; undefined if there is none.
 */
export function findArxivId(text: string): string | undefined {
  const url = ARXIV_URL.exec(text);
  const match = ARXIV_ID.exec(url ? url[1] : text);
  return match ? match[1] : undefined;
}

/** The arXiv id if `text` is one and nothing else (`2401.12345`, `arXiv:2401.12345v2`, `hep-th/9901001`). */
export function parseArxivId(text: string): string | undefined {
  const match = ARXIV_ID_ALONE.exec(text.trim());
  return match ? match[1] : undefined;
}

/** The DOI in `text` (bare, `doi:…`, or a doi.org URL), trimmed of trailing punctuation; undefined if none. */
export function findDoi(text: string): string | undefined {
  const match = DOI.exec(text.trim().replace(DOI_PREFIX, ''));
  return match ? match[1].replace(/[.,;]+$/, '') : undefined;
}

/** The arXiv id a DOI stands for, when it is one of arXiv's own DOIs. */
export function arxivIdOfDoi(doi: string): string | undefined {
  const match = ARXIV_DOI.exec(doi);
  return match ? parseArxivId(match[1]) : undefined;
}

/** DOIs compare case-insensitively (the DOI handbook, section 2.4). */
export function doiKey(doi: string): string {
  return doi.toLowerCase();
}
