import type { Paper } from '../../model/paper';
import type { ParsedQuery } from '../query';

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

/** How a library's papers were indexed: how many were tokenized, and how many taken over unchanged from a previous index. */
export interface IndexedCounts {
  readonly tokenized: number;
  readonly carried: number;
}
