import type { StoredAbstract } from './storedAbstract';
import type { BibliographicFields } from './bibliographic';
import type { PaperDate } from './dates';
import type { CorpusFormat, CorpusProblem, RecordCounts } from '../formats/parse';

/** A file of abstracts, shown under a readable name rather than its file name. */
export interface Collection {
  /** Stable id: the file's URI or path. */
  readonly id: string;
  readonly name: string;
  readonly format: CorpusFormat;
  /** Entries this file contributed, duplicates included. */
  readonly entries: number;
  /** For a filtered source (the arXiv snapshot): records read, kept by the filter, and skipped as bad. */
  readonly records?: RecordCounts;
}

/** One distinct paper: every file that listed it is one of its collections. */
export interface Paper {
  /** Stable across reloads: derived from the title, or from the abstract when there is none. */
  readonly id: string;
  readonly title?: string;
  /** The title, or a short label made from the abstract for untitled papers. */
  readonly label: string;
  /** As in the file, TeX included. */
  readonly abstract: string;
  /** Set when the abstract is kept on disk (a paper of the arXiv snapshot): `abstract` reads it from there. */
  readonly storedAbstract?: StoredAbstract;
  readonly collections: readonly string[];
  readonly authors?: number;
  readonly organization?: string;
  readonly date?: PaperDate;
  readonly upvotes?: number;
  /** `https:` and `http:` links found in the abstract, in order. */
  readonly links: readonly string[];
  /** The abstract links a code repository. */
  readonly hasCode: boolean;
  /** Authors, ids, categories…: each field from the first file that had it. */
  readonly bibliographic?: BibliographicFields;
  /**
   * The key to cite it by: its file's own (`bibliographic.citationKey`), or for a paper from a file without keys
   * one generated in the common style (`vaswani2017attention`), unique in the library.
   */
  readonly citationKey: string;
}

export interface FileProblem extends CorpusProblem {
  /** The collection (file) the problem is in. */
  readonly collection: string;
}

/**
 * The library: every paper loaded from every corpus file, merged, and what was wrong with the files.
 * "Library" means this throughout the code: core/library builds it, the host's LibraryService loads and
 * indexes it, and the side bar's Library view lists it by group (the side bar as a whole is `sideBar`).
 */
/** Papers looked up by id: a `Map`, or the library's own table (`library/papersById.ts`). */
export interface PaperLookup {
  readonly size: number;
  get(id: string): Paper | undefined;
  has(id: string): boolean;
}

export interface Library {
  readonly papers: readonly Paper[];
  readonly collections: readonly Collection[];
  readonly byId: PaperLookup;
  /** Entries read from all files, before duplicates were merged. */
  readonly entryCount: number;
  readonly untitledCount: number;
  readonly problems: readonly FileProblem[];
  /**
   * Names the library's content when every file it was merged from has a `contentKey`: two libraries with one key
   * have the same papers. The index cache is keyed by it, so loading the cache hashes no paper.
   */
  readonly key?: string;
}
