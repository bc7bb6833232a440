import type { BibliographicFields } from '../model/bibliographic';
import type { CorpusProblem } from './parse';

/** One BibTeX entry, RIS record or CSL item, read, before duplicates across files are merged. */
export interface BibliographyEntry {
  /** Unicode, text-mode TeX converted; math kept as `$…$`. Empty when the entry has none. */
  readonly title: string;
  /** As written, TeX included, so the abstract tab can typeset its math. Empty when the entry has none. */
  readonly abstract: string;
  /** 1-based line of the entry's first line (a BibTeX entry's `@`, an RIS record's `TY`, a CSL item's `{`). */
  readonly line: number;
  readonly bibliographic: BibliographicFields;
}

/** What a reader made of one bibliography file: every entry it could read, and what it could not or had to repair. */
export interface BibliographyReading {
  readonly entries: readonly BibliographyEntry[];
  /** Sorted by line; each names the entry's first line and says what is wrong in words. */
  readonly problems: readonly CorpusProblem[];
}
