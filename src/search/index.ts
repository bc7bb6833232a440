import MiniSearch, { type Query, type SearchResult } from 'minisearch';
import type { Library, Paper } from '../corpus/paper';
import { parseQuery, type ParsedQuery } from './query';
import { rerank } from './rank';
import { processTerm, tokenizeForIndex, type Word } from './tokenize';

/** A paper that matched a query, with what matched so the UI can highlight it. */
export interface SearchHit {
  readonly paper: Paper;
  readonly score: number;
  /** Index terms the paper matched (folded: `xlstm`, `quantization`). */
  readonly terms: readonly string[];
}

export interface SearchResults {
  readonly query: ParsedQuery;
  readonly hits: readonly SearchHit[];
  /** Papers that matched in all, before the limit. */
  readonly total: number;
}

export interface SearchOptions {
  readonly limit?: number;
}

/** The fields a paper is indexed by, and how much a match in each counts. */
const FIELDS = ['title', 'abstract'] as const;
const BOOST = { title: 3, abstract: 1 };

/** MiniSearch settings; a cached index is only valid for the same ones. */
export const INDEX_OPTIONS = {
  fields: [...FIELDS],
  storeFields: [],
  tokenize: tokenizeForIndex,
  processTerm,
  extractField: (paper: Paper, field: string): string =>
    field === 'id' ? paper.id : field === 'title' ? (paper.title ?? '') : paper.abstract,
  // Query leaves are single, already-processed terms (see `toQuery`).
  searchOptions: { tokenize: (term: string) => [term], processTerm: (term: string) => term },
};

/** Papers indexed between two yields to the event loop: a few milliseconds of work. */
const BUILD_CHUNK = 100;

/** Shaped like `vscode.CancellationToken`, so the core needs no `vscode`. */
export interface CancellationFlag {
  readonly isCancellationRequested: boolean;
}

export interface BuildOptions {
  readonly token?: CancellationFlag;
  readonly onProgress?: (done: number, total: number) => void;
}

/** Results considered for re-ranking; the rest are beyond any list a person reads. */
const RERANK_DEPTH = 200;

/**
 * The search index over a library: MiniSearch for term matching and BM25
 * scores, plus the re-ranking that makes a paper's own name win.
 */
export class PaperIndex {
  private constructor(
    private readonly library: Library,
    private readonly search_: MiniSearch<Paper>,
  ) {}

  static build(library: Library): PaperIndex {
    const index = new MiniSearch<Paper>(INDEX_OPTIONS);
    index.addAll(library.papers);
    return new PaperIndex(library, index);
  }

  /**
   * Builds the index in chunks, yielding to the event loop between them so the
   * extension host stays responsive, and stopping early when cancelled.
   */
  static async buildAsync(library: Library, options: BuildOptions = {}): Promise<PaperIndex | undefined> {
    const index = new MiniSearch<Paper>(INDEX_OPTIONS);
    const papers = library.papers;
    for (let start = 0; start < papers.length; start += BUILD_CHUNK) {
      if (options.token?.isCancellationRequested) {
        return undefined;
      }
      index.addAll(papers.slice(start, start + BUILD_CHUNK));
      options.onProgress?.(Math.min(start + BUILD_CHUNK, papers.length), papers.length);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    return new PaperIndex(library, index);
  }

  get size(): number {
    return this.search_.documentCount;
  }

  search(input: string, options: SearchOptions = {}): SearchResults {
    const limit = options.limit ?? 50;
    const query = parseQuery(input);
    if (query.words.length === 0) {
      return { query, hits: [], total: 0 };
    }
    const all = this.search_.search(toQuery(query, 'AND'), { boost: BOOST });
    // Fewer than a page of papers have every word: show those first, then papers with some of them.
    if (all.length < limit && query.words.length > 1) {
      const seen = new Set(all.map((r) => r.id));
      const some = this.search_.search(toQuery(query, 'OR'), { boost: BOOST }).filter((r) => !seen.has(r.id));
      return this.results(query, [...rerankResults(this.library, query, all), ...rerankResults(this.library, query, some)], limit);
    }
    return this.results(query, rerankResults(this.library, query, all), limit);
  }

  private results(query: ParsedQuery, ranked: SearchHit[], limit: number): SearchResults {
    return { query, hits: ranked.slice(0, limit), total: ranked.length };
  }
}

function rerankResults(library: Library, query: ParsedQuery, results: SearchResult[]): SearchHit[] {
  const hits: SearchHit[] = [];
  for (const r of results.slice(0, RERANK_DEPTH)) {
    const paper = library.byId.get(r.id as string);
    if (paper) {
      hits.push({ paper, score: r.score, terms: r.terms });
    }
  }
  return [...rerank(hits, query), ...toHits(library, results.slice(RERANK_DEPTH))];
}

function toHits(library: Library, results: SearchResult[]): SearchHit[] {
  return results.flatMap((r) => {
    const paper = library.byId.get(r.id as string);
    return paper ? [{ paper, score: r.score, terms: r.terms }] : [];
  });
}

/**
 * Builds MiniSearch's query tree: each word must match (or, for `OR`, may),
 * as itself, as its compound joined (`hawqv2`), or joined with a neighbour
 * (`sub graph` finds `subgraph`). Typos are forgiven in proportion to length,
 * and only the word being typed is matched as a prefix.
 */
function toQuery(query: ParsedQuery, combineWith: 'AND' | 'OR'): Query {
  const last = query.words.length - 1;
  return {
    combineWith,
    queries: query.words.map((word, i) => {
      const prefix = i === last && query.lastIsPrefix;
      const alternatives: Query[] = [leaf(word.joined, prefix)];
      if (word.parts.length > 1) {
        alternatives.push({ combineWith: 'AND', queries: word.parts.map((p, j) => leaf(p, prefix && j === word.parts.length - 1)) });
      }
      const pairs: [Word, Word][] = [];
      if (i > 0) {
        pairs.push([query.words[i - 1], word]);
      }
      if (i < last) {
        pairs.push([word, query.words[i + 1]]);
      }
      for (const [a, b] of pairs) {
        alternatives.push(leaf(a.joined + b.joined, query.lastIsPrefix && b === query.words[last]));
      }
      return { combineWith: 'OR', queries: alternatives };
    }),
  };
}

function leaf(term: string, prefix: boolean): Query {
  return { queries: [term], prefix, fuzzy: fuzziness(term) };
}

/** Edits forgiven: none for short words (they would match noise), one from 5 letters, two from 9. */
export function fuzziness(term: string): number {
  if (/^\d+$/.test(term) || term.length < 5) {
    return 0;
  }
  return term.length >= 9 ? 2 : 1;
}
