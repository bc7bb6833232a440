import type { Library, Paper } from '../../model/paper';
import { decodeIndexCacheSteps, encodeIndexCache, indexCacheKeySteps } from './indexCache';
import { INDEX_SETTINGS_KEY, indexTerms, PaperIndexer } from './indexer';
import { parseQuery, inRange, phraseKey, type ParsedQuery, type QueryWord } from '../query';
import { rerank } from '../rank';
import { runSteps, runStepsAsync, type CancellationFlag } from '../../util/steps';
import type { Scored, TermIndex, TermMatch, WordMatches } from './termIndex';
import { topK } from '../../util/topK';
import type { WorkerUpdate } from './indexWorkerProtocol';
import { buildCacheInWorker } from './workerBuild';

export { INDEX_SETTINGS_KEY, indexTerms } from './indexer';

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

export interface BuildOptions {
  readonly token?: CancellationFlag;
  readonly onProgress?: (done: number, total: number) => void;
  /**
   * The bundled index worker (`dist/indexWorker.js`). With it the index is
   * built on a worker thread; without it, or if the worker cannot run, on
   * this thread in slices.
   */
  readonly workerScript?: string;
  /** Told why the worker could not build the index, before this thread builds it instead. */
  readonly onWorkerError?: (error: unknown) => void;
}

/** How much a match counts by field: a title match is worth three abstract matches. */
const TITLE_BOOST = 3;
const FIELD_BOOST = { any: [TITLE_BOOST, 1], title: [TITLE_BOOST, 0], abstract: [0, 1] } as const;
/** Relative weight of a prefix completion and of a typo match, as in MiniSearch. */
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;
/** Completions a prefix expands to, most frequent first: enough for any intent, bounded for 1-letter prefixes. */
const MAX_PREFIX_TERMS = 40;
const MAX_SHORT_PREFIX_TERMS = 12;
/** A single letter stands for too many words to guess from: its few most frequent completions are enough to start. */
const MAX_ONE_LETTER_PREFIX_TERMS = 6;
/** Typo matches kept per word. */
const MAX_FUZZY_TERMS = 20;
/** Results considered for re-ranking; the rest are beyond any list a person reads. */
const RERANK_DEPTH = 200;
/** An update tokenizes at most one paper in this many; beyond that, tokenizing is most of the work anyway, and a build does it on the worker. */
const MAX_CHANGED_SHARE = 3;
/** Papers tokenized in one step of a build on this thread: a few milliseconds of work. */
const BUILD_CHUNK = 200;
/** Terms of a paper that stand for it when looking for related papers. */
const RELATED_TERMS = 16;

/**
 * The search index over a library: a compact inverted index with MiniSearch's
 * radix tree as its dictionary, BM25F scoring, the query syntax, and the
 * re-ranking that makes a paper's own name win.
 */
export class PaperIndex {
  private constructor(
    readonly library: Library,
    readonly terms: TermIndex,
    /** The key its cache is stored under: index settings and a digest of the corpus. */
    readonly cacheKey: string,
    /** Papers tokenized to make it, and papers whose postings it took over from a previous index; none of either when it was loaded from a cache. */
    readonly indexed: IndexedCounts,
    /** The cache bytes it was loaded from, which its arrays are views of. */
    private readonly cache?: Uint8Array,
  ) {}

  /** The papers a query matched, with every word and with some: allocated at the first search. */
  private matchBuffers: { readonly all: Uint32Array; readonly some: Uint32Array } | undefined;

  /** The completions kept for each one- and two-letter prefix typed so far (at most a few thousand small lists). */
  private readonly shortPrefixes = new Map<string, readonly number[]>();

  static build(library: Library): PaperIndex {
    return runSteps(PaperIndex.buildSteps(library));
  }

  /**
   * The index of `library`, derived from `previous` (the index of the library
   * it replaces) where that is less work than a build: papers with the same
   * id, title and abstract keep their postings, renumbered to their new place,
   * and only new and edited papers are tokenized. With no previous index, or
   * when more than a third of the papers are new or edited, it is `buildAsync`.
   * Either way the index and its cache key are those a build would give, and
   * like a build it runs on the worker thread when `workerScript` is given.
   */
  static async updateAsync(
    previous: PaperIndex | undefined,
    library: Library,
    options: BuildOptions = {},
  ): Promise<PaperIndex | undefined> {
    const sources = previous && (await runStepsAsync(carriedFromSteps(previous, library), options.token));
    if (options.token?.isCancellationRequested) {
      return undefined;
    }
    if (!previous || !sources || sources.tokenized * MAX_CHANGED_SHARE > library.papers.length) {
      return PaperIndex.buildAsync(library, options);
    }
    const indexed = { tokenized: sources.tokenized, carried: library.papers.length - sources.tokenized };
    // Posting the previous index's 80 MB to the worker would copy them in one go; shared, it reads them in place.
    const shared = options.workerScript
      ? await runStepsAsync(sharedSteps(previous.toCache()), options.token)
      : undefined;
    const index =
      shared &&
      (await PaperIndex.inWorker(library, options, indexed, {
        previous: shared,
        previousKey: previous.cacheKey,
        from: sources.from,
      }));
    if (index || options.token?.isCancellationRequested) {
      return index;
    }
    return runStepsAsync(
      PaperIndex.buildSteps(library, options.onProgress, { previous: previous.terms, from: sources.from }),
      options.token,
    );
  }

  /**
   * Builds the index without holding up the event loop for long: on a worker
   * thread when `workerScript` is given (then loaded from the cache bytes the
   * worker returns), otherwise, or if the worker fails, in slices on this
   * thread. Undefined once cancelled.
   */
  static async buildAsync(library: Library, options: BuildOptions = {}): Promise<PaperIndex | undefined> {
    const index = await PaperIndex.inWorker(library, options, { tokenized: library.papers.length, carried: 0 });
    if (index || options.token?.isCancellationRequested) {
      return index;
    }
    return runStepsAsync(PaperIndex.buildSteps(library, options.onProgress), options.token);
  }

  /** Built (or updated) on the worker thread and loaded from the bytes it returns; undefined without a worker, if it fails (`onWorkerError` is told why), or once cancelled. */
  private static async inWorker(
    library: Library,
    options: BuildOptions,
    indexed: IndexedCounts,
    update?: WorkerUpdate,
  ): Promise<PaperIndex | undefined> {
    if (!options.workerScript) {
      return undefined;
    }
    try {
      const built = await buildCacheInWorker(options.workerScript, library.papers, options, update);
      // The worker digested these very papers for the key: hashing them again here would only repeat it, on this thread.
      return built && (await PaperIndex.loadAsync(library, built.cache, indexed, options.token, built.key));
    } catch (error) {
      options.onWorkerError?.(error);
      return undefined;
    }
  }

  /** The index as cache bytes, under its key. */
  toCache(): Uint8Array {
    return this.cache ?? encodeIndexCache(this.terms, this.cacheKey);
  }

  /**
   * The index of `library` from a cache file, or undefined if the file is for
   * another corpus or other settings, or damaged: the caller then builds anew.
   */
  static fromCacheAsync(
    library: Library,
    bytes: Uint8Array,
    token?: CancellationFlag,
  ): Promise<PaperIndex | undefined> {
    return PaperIndex.loadAsync(library, bytes, { tokenized: 0, carried: 0 }, token);
  }

  /** The index of `library` from cache bytes, checked against `knownKey` if given (the key of exactly this library), else against the library's key. */
  private static async loadAsync(
    library: Library,
    bytes: Uint8Array,
    indexed: IndexedCounts,
    token?: CancellationFlag,
    knownKey?: string,
  ): Promise<PaperIndex | undefined> {
    // Aligned once here, so that the index's arrays are views of the very bytes it keeps for `toCache`.
    const aligned = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
    return runStepsAsync(
      (function* () {
        const key = knownKey ?? (yield* indexCacheKeySteps(library, INDEX_SETTINGS_KEY));
        const terms = yield* decodeIndexCacheSteps(aligned, key);
        return terms && terms.docCount === library.papers.length
          ? new PaperIndex(library, terms, key, indexed, aligned)
          : undefined;
      })(),
      token,
    );
  }

  /** Indexes the papers a chunk at a time; with `update`, a paper that has a document in the previous index to carry over is not tokenized. */
  private static *buildSteps(
    library: Library,
    onProgress?: (done: number, total: number) => void,
    update?: { readonly previous: TermIndex; readonly from: Int32Array },
  ): Generator<void, PaperIndex> {
    const indexer = new PaperIndexer(update && (yield* update.previous.byDocumentSteps()));
    const papers = library.papers;
    let carried = 0;
    for (let start = 0; start < papers.length; start += BUILD_CHUNK) {
      const end = Math.min(start + BUILD_CHUNK, papers.length);
      for (let doc = start; doc < end; doc++) {
        const from = update ? update.from[doc] : -1;
        if (from >= 0) {
          indexer.carry(papers[doc], from);
          carried++;
        } else {
          indexer.add([papers[doc]]);
        }
      }
      onProgress?.(end, papers.length);
      yield;
    }
    const { terms, key } = yield* indexer.finishSteps();
    return new PaperIndex(library, terms, key, { tokenized: papers.length - carried, carried });
  }

  get size(): number {
    return this.terms.docCount;
  }

  search(input: string, options: SearchOptions = {}): SearchResults {
    const limit = options.limit ?? 50;
    const query = parseQuery(input);
    const accept = this.filter(query);
    if (query.words.length === 0) {
      return this.browse(query, accept, limit);
    }
    const { words, scored, full } = this.score(query);
    const { scores, masks } = scored;
    try {
      // Views of reused buffers: a one-letter prefix can match most papers, and a list of them per keystroke is garbage.
      const { all: allBuffer, some: someBuffer } = (this.matchBuffers ??= {
        all: new Uint32Array(this.size),
        some: new Uint32Array(this.size),
      });
      let allCount = 0;
      let someCount = 0;
      const matched = scored.docs;
      for (let i = 0; i < matched.length; i++) {
        const doc = matched[i];
        if (!accept || accept(doc)) {
          if (masks[doc] === full) {
            allBuffer[allCount++] = doc;
          } else {
            someBuffer[someCount++] = doc;
          }
        }
      }
      const all = allBuffer.subarray(0, allCount);
      const some = someBuffer.subarray(0, someCount);
      // Papers with every word first; only when there are too few of them, papers with some.
      const ranked = rerank(
        topK(all, (doc) => scores[doc], RERANK_DEPTH).map((doc) => this.hit(doc, scores[doc], words)),
        query,
      );
      let total = all.length;
      if (all.length < limit && words.length > 1) {
        const partial = topK(some, (doc) => popCount(masks[doc]) * 1e6 + scores[doc], limit - all.length);
        ranked.push(...partial.map((doc) => this.hit(doc, scores[doc], words)));
        total += some.length;
      }
      return { query, hits: ranked.slice(0, limit), total };
    } finally {
      this.terms.reset(scored);
    }
  }

  /**
   * Every paper a query matches, in library order, unranked: what a filter
   * keeps. Unlike `search`, a paper must have every word, a word that is in
   * the index matches only itself (no completions, no typos), and there is no limit.
   */
  matching(input: string): Paper[] {
    const query = parseQuery(input);
    const accept = this.filter(query);
    const papers = this.library.papers;
    if (query.words.length === 0) {
      return accept ? papers.filter((_, doc) => accept(doc)) : [...papers];
    }
    const { scored, full } = this.score(query, true);
    try {
      const kept = scored.docs.filter((doc) => scored.masks[doc] === full && (!accept || accept(doc))).sort();
      return Array.from(kept, (doc) => papers[doc]);
    } finally {
      this.terms.reset(scored);
    }
  }

  /** Papers most like this one, by the words that distinguish its title and abstract. */
  related(paperId: string, limit = 5): SearchHit[] {
    const doc = this.library.papers.findIndex((p) => p.id === paperId);
    if (doc < 0) {
      return [];
    }
    const paper = this.library.papers[doc];
    const weights = new Map<number, number>();
    const add = (terms: string[], boost: number) => {
      for (const term of terms) {
        const id = this.terms.termId(term);
        if (id !== undefined && this.terms.documentFrequency(id) > 1) {
          weights.set(id, (weights.get(id) ?? 0) + boost);
        }
      }
    };
    add(indexTerms(paper.title ?? ''), 2);
    add(indexTerms(paper.abstract), 1);
    const idf = (id: number) => Math.log(this.size / this.terms.documentFrequency(id));
    const best = [...weights].sort((a, b) => b[1] * idf(b[0]) - a[1] * idf(a[0])).slice(0, RELATED_TERMS);
    const words: WordMatches[] = best.map(([termId, tf]) => ({
      terms: [{ termId, weight: Math.sqrt(tf) }],
      fieldBoost: FIELD_BOOST.any,
    }));
    const scored = this.terms.score(words);
    try {
      const candidates = Array.from(scored.docs.filter((d) => d !== doc));
      const scores = new Map(candidates.map((d) => [d, scored.scores[d]]));
      return topK(candidates, (d) => scores.get(d) ?? 0, limit).map((d) => this.hit(d, scores.get(d) ?? 0, words));
    } finally {
      this.terms.reset(scored);
    }
  }

  /** Scores the query's words; `full` is the mask of a paper that has them all. The caller must `reset` the scores. */
  private score(query: ParsedQuery, exact = false): { words: WordMatches[]; scored: Scored; full: number } {
    const units = toUnits(query.words);
    const words = units.map((_, i) => this.expand(units, i, query.lastIsPrefix && i === units.length - 1, exact));
    return { words, scored: this.terms.score(words), full: words.length === 32 ? 0xffffffff : (1 << words.length) - 1 };
  }

  /**
   * The dictionary terms a query unit stands for, each weighted by how closely
   * it matches: the unit itself, its compound joined (`hawq` and `v2` of
   * `HAWQ-V2` also match `hawqv2`), the unit joined with a neighbour (`sub
   * graph` matches `subgraph`), completions of the word being typed, and
   * typos in proportion to length.
   */
  private expand(units: readonly QueryUnit[], i: number, typing: boolean, exact: boolean): WordMatches {
    const unit = units[i];
    const matches = new Map<number, number>();
    const add = (termId: number | undefined, weight: number) => {
      if (termId !== undefined && weight > (matches.get(termId) ?? 0)) {
        matches.set(termId, weight);
      }
    };
    const before = units[i - 1];
    const after = units[i + 1];
    const joins = [before && before.term + unit.term, after && unit.term + after.term].filter((j): j is string => !!j);
    for (const form of [unit.term, unit.compound, ...joins]) {
      if (form) {
        add(this.terms.termId(form), 1);
      }
    }
    // A filter keeps a word's own papers; completions and typos only stand in when the word itself is not indexed.
    if (exact && matches.size > 0) {
      return this.wordMatches(matches, unit);
    }
    if (typing) {
      this.addPrefixes(unit.term, add);
      if (unit.compound) {
        this.addPrefixes(unit.compound, add);
      } else if (before) {
        this.addPrefixes(before.term + unit.term, add);
      }
    }
    const distance = fuzziness(unit.term);
    if (distance > 0) {
      const fuzzy = this.terms
        .fuzzyTerms(unit.term, distance)
        .filter(([, d]) => d > 0)
        .sort(
          (a, b) =>
            a[1] - b[1] ||
            this.terms.documentFrequency(b[0]) - this.terms.documentFrequency(a[0]) ||
            this.terms.compareTerms(a[0], b[0]),
        )
        .slice(0, MAX_FUZZY_TERMS);
      for (const [termId, d] of fuzzy) {
        add(termId, (FUZZY_WEIGHT * unit.term.length) / (unit.term.length + d));
      }
    }
    return this.wordMatches(matches, unit);
  }

  /** A word's terms in the order of their text, which is the order their scores are summed in: floating point addition gives the same sums only in the same order. */
  private wordMatches(matches: ReadonlyMap<number, number>, unit: QueryUnit): WordMatches {
    const terms: TermMatch[] = [...matches]
      .sort((a, b) => this.terms.compareTerms(a[0], b[0]))
      .map(([termId, weight]) => ({ termId, weight }));
    return { terms, fieldBoost: FIELD_BOOST[unit.field ?? 'any'] };
  }

  /**
   * A prefix's most frequent completions. A one- or two-letter prefix has
   * thousands, listed again at every keystroke; the index never changes, so
   * their choice is kept.
   */
  private completions(prefix: string): readonly number[] {
    const short = prefix.length <= 2;
    const known = short ? this.shortPrefixes.get(prefix) : undefined;
    if (known) {
      return known;
    }
    const cap = prefix.length === 1 ? MAX_ONE_LETTER_PREFIX_TERMS : short ? MAX_SHORT_PREFIX_TERMS : MAX_PREFIX_TERMS;
    const all = this.terms.prefixTerms(prefix);
    const kept =
      all.length <= cap
        ? all
        : topK(
            all,
            (id) => this.terms.documentFrequency(id),
            cap,
            (a, b) => this.terms.compareTerms(a, b),
          );
    if (short) {
      this.shortPrefixes.set(prefix, kept);
    }
    return kept;
  }

  /** Adds a prefix's completions, the most frequent ones, weighted down the longer they are than the prefix. */
  private addPrefixes(prefix: string, add: (termId: number, weight: number) => void): void {
    for (const termId of this.completions(prefix)) {
      const extra = this.terms.term(termId).length - prefix.length;
      add(termId, extra === 0 ? 1 : (PREFIX_WEIGHT * prefix.length) / (prefix.length + 0.3 * extra));
    }
  }

  /** A test a paper must pass: the query's filters, exclusions and phrases; undefined when there are none. */
  private filter(query: ParsedQuery): ((doc: number) => boolean) | undefined {
    const { filters } = query;
    const papers = this.library.papers;
    const excluded = this.terms.documentsWith(
      query.excluded.flatMap((w) => [w.joined, ...w.parts]).flatMap((t) => this.terms.termId(t) ?? []),
    );
    const collections = filters.collections.map(
      (name) =>
        new Set(
          this.library.collections.filter((c) => phraseKey(c.name).includes(phraseKey(name).trim())).map((c) => c.id),
        ),
    );
    const checks: ((paper: Paper, doc: number) => boolean)[] = [];
    if (excluded.size > 0) {
      checks.push((_, doc) => !excluded.has(doc));
    }
    if (filters.year) {
      checks.push((p) => inRange(p.date?.year, filters.year));
    }
    if (filters.upvotes) {
      checks.push((p) => inRange(p.upvotes ?? 0, filters.upvotes));
    }
    if (filters.hasCode) {
      checks.push((p) => p.hasCode);
    }
    for (const ids of collections) {
      checks.push((p) => p.collections.some((c) => ids.has(c)));
    }
    if (query.phrases.length > 0) {
      checks.push((p) => {
        const text = phraseKey(`${p.title ?? ''} ${p.abstract}`);
        return query.phrases.every((phrase) => text.includes(phrase));
      });
    }
    return checks.length === 0 ? undefined : (doc) => checks.every((check) => check(papers[doc], doc));
  }

  /** A query of filters only (`has:code year:2024`): every paper that passes, newest and most upvoted first. */
  private browse(query: ParsedQuery, accept: ((doc: number) => boolean) | undefined, limit: number): SearchResults {
    if (!accept) {
      return { query, hits: [], total: 0 };
    }
    const docs = this.library.papers.map((_, doc) => doc).filter(accept);
    const key = (doc: number) => {
      const p = this.library.papers[doc];
      return (
        (p.date?.year ?? 9999) * 1e6 +
        (p.date ? p.date.month * 100 + p.date.day : 0) * 1e2 +
        Math.min(p.upvotes ?? 0, 99)
      );
    };
    return {
      query,
      hits: topK(docs, key, limit).map((doc) => ({ paper: this.library.papers[doc], score: 0, terms: [] })),
      total: docs.length,
    };
  }

  private hit(doc: number, score: number, words: readonly WordMatches[]): SearchHit {
    const terms = new Set<string>();
    for (const word of words) {
      for (const { termId } of word.terms) {
        if (this.terms.contains(termId, doc)) {
          terms.add(this.terms.term(termId));
        }
      }
    }
    return { paper: this.library.papers[doc], score, terms: [...terms] };
  }
}

/** How a library's papers were indexed: how many were tokenized, and how many taken over unchanged from a previous index. */
export interface IndexedCounts {
  readonly tokenized: number;
  readonly carried: number;
}

/**
 * Per paper of `library`, the document of the previous index with the same
 * id, title and abstract (the postings depend on nothing else), or -1; and
 * how many papers have none. Undefined if the previous index does not match
 * its own library. In slices: comparing 100,000 abstracts takes a while.
 */
function* carriedFromSteps(
  previous: PaperIndex,
  library: Library,
  sliceSize = 2000,
): Generator<void, { from: Int32Array; tokenized: number } | undefined> {
  const before = previous.library.papers;
  if (previous.size !== before.length) {
    return undefined;
  }
  const docs = new Map<string, number>();
  for (let doc = 0; doc < before.length; doc++) {
    if (!docs.has(before[doc].id)) {
      docs.set(before[doc].id, doc);
    }
    if (doc % sliceSize === sliceSize - 1) {
      yield;
    }
  }
  const papers = library.papers;
  const from = new Int32Array(papers.length).fill(-1);
  let tokenized = 0;
  for (let doc = 0; doc < papers.length; doc++) {
    const paper = papers[doc];
    const old = docs.get(paper.id);
    if (old !== undefined && before[old].title === paper.title && before[old].abstract === paper.abstract) {
      from[doc] = old;
    } else {
      tokenized++;
    }
    if (doc % sliceSize === sliceSize - 1) {
      yield;
    }
  }
  return { from, tokenized };
}

/** The bytes in memory that a worker reads as they are, rather than a copy of them posted to it: copied over in slices. */
function* sharedSteps(bytes: Uint8Array, sliceSize = 1 << 22): Generator<void, Uint8Array> {
  const shared = new Uint8Array(new SharedArrayBuffer(bytes.length));
  for (let start = 0; start < bytes.length; start += sliceSize) {
    shared.set(bytes.subarray(start, start + sliceSize), start);
    yield;
  }
  return shared;
}

/** One term the query must match: a word, or one part of a compound word. */
interface QueryUnit {
  readonly term: string;
  /** The whole compound this unit is a part of, joined (`hawqv2`). */
  readonly compound?: string;
  readonly field?: QueryWord['field'];
}

/** Splits compound words into their parts, each of which must match (as itself or as the joined compound). */
function toUnits(words: readonly QueryWord[]): QueryUnit[] {
  return words.flatMap((w) =>
    w.parts.length > 1
      ? w.parts.map((term) => ({ term, compound: w.joined, field: w.field }))
      : [{ term: w.joined, field: w.field }],
  );
}

/** Edits forgiven: none for short words (they would match noise), one from 5 letters, two from 9. */
export function fuzziness(term: string): number {
  if (/^\d+$/.test(term) || term.length < 5) {
    return 0;
  }
  return term.length >= 9 ? 2 : 1;
}

function popCount(mask: number): number {
  let n = 0;
  for (let m = mask; m !== 0; m &= m - 1) {
    n++;
  }
  return n;
}
