/**
 * The search engine: a compact inverted index over a library's papers, with
 * MiniSearch's radix tree as its term dictionary, postings in typed arrays,
 * BM25F scoring, a binary cache and a worker that builds it off the editor's
 * thread. Why it exists rather than MiniSearch used directly: README.md here.
 * Everything outside this folder imports it from here, and only what is here.
 */
export { buildIndex, buildIndexAsync, loadIndexAsync, updateIndexAsync, type BuildOptions } from './build';
export type { PaperIndex } from './paperIndex';
export type { IndexedCounts, SearchHit, SearchOptions, SearchResults } from './results';
export { FUZZY_WEIGHT, fuzziness, PREFIX_WEIGHT, TITLE_BOOST } from './settings';
