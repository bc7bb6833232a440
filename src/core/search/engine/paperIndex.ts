import type { Library, Paper } from '../../model/paper';
import { encodeIndexCache } from './indexCache';
import { indexTerms } from './indexer';
import { parseQuery, inRange, phraseKey, searchFold, type ParsedQuery, type QueryWord } from '../query';
import { CategoryPostings } from '../categoryPostings';
import { PaperColumns } from '../paperColumns';
import { personName } from '../../cite/paperHover';
import { doiKey, findDoi, parseArxivId } from '../../model/identifiers';
import { IdentifierTable } from './identifierTable';
import { runSteps } from '../../util/steps';
import { rerank } from './rank';
import type { IndexedCounts, SearchHit, SearchOptions, SearchResults } from './results';
import { FIELD_BOOST, FUZZY_WEIGHT, fuzziness, PREFIX_WEIGHT } from './settings';
import type { Scored, TermIndex, TermMatch, WordMatches } from './termIndex';
import { topK, topKByKeys } from '../../util/topK';
import { stem } from '../stem';

/** Completions a prefix expands to, most frequent first: enough for any intent, bounded for 1-letter prefixes. */
const MAX_PREFIX_TERMS = 40;
const MAX_SHORT_PREFIX_TERMS = 12;
/** A single letter stands for too many words to guess from: its few most frequent completions are enough to start. */
const MAX_ONE_LETTER_PREFIX_TERMS = 6;
/** Typo matches kept per word. */
const MAX_FUZZY_TERMS = 20;
/** Queries of more words than this are questions in plain words: no word is required (see `relevance`). */
const SHORT_QUERY_WORDS = 3;
/** How much the share of the query's information a paper has weighs (see `relevance`). */
const COVERAGE_POWER = 2;
/** A paper with none of the query's exact words still ranks among the typo matches, by its score. */
const COVERAGE_FLOOR = 0.02;
/** A stem shorter than this, kept as it is (`use` of `uses`), is not worth grouping words by. */
const MIN_STEM_PREFIX = 3;
/** Results considered for re-ranking; the rest are beyond any list a person reads. */
const RERANK_DEPTH = 200;
/** Terms of a paper that stand for it when looking for related papers. */
const RELATED_TERMS = 16;

/**
 * The search index over a library: a compact inverted index with MiniSearch's
 * radix tree as its dictionary, BM25F scoring, the query syntax, and the
 * re-ranking that makes a paper's own name win.
 */
export class PaperIndex {
  /** Made by `build.ts`, which builds, loads and updates indexes; the rest of the extension gets them from there. */
  constructor(
    readonly library: Library,
    readonly terms: TermIndex,
    /** The key its cache is stored under: index settings and the library's key, or a digest of its papers. */
    readonly cacheKey: string,
    /** Papers tokenized to make it, and papers whose postings it took over from a previous index; none of either when it was loaded from a cache. */
    readonly indexed: IndexedCounts,
    /** The cache bytes it was loaded from, which its arrays are views of. */
    private readonly cache?: Uint8Array,
  ) {}

  /** The papers a query matched, with every word and with some: allocated at the first search. */
  private matchBuffers: MatchBuffers | undefined;

  /** What filters read of every paper, by its place in the library: each column made at the first query that reads it. */
  private paperColumns: PaperColumns | undefined;

  /** The papers of each arXiv category: made at the first `cat:` query. */
  private categoryPostings: CategoryPostings | undefined;

  /** Papers by their arXiv ids, DOIs and citation keys: made at the first search that could be one. */
  private identifierTable: IdentifierTable | undefined;

  /** The completions kept for each one- and two-letter prefix typed so far (at most a few thousand small lists). */
  private readonly shortPrefixes = new Map<string, readonly number[]>();
  /** Query words → the terms sharing their stem (see `stemTerms`). */
  private readonly stemClasses = new Map<string, readonly number[]>();

  private get columns(): PaperColumns {
    return (this.paperColumns ??= new PaperColumns(this.library.papers));
  }

  private get categories(): CategoryPostings {
    return (this.categoryPostings ??= runSteps(CategoryPostings.buildSteps(this.library.papers)));
  }

  private get identifiers(): IdentifierTable {
    return (this.identifierTable ??= runSteps(IdentifierTable.buildSteps(this.library.papers)));
  }

  /**
   * Makes ahead, a few milliseconds a step, what the first query of a kind would otherwise make at once: the table
   * of identifiers, the category postings and the filter columns. At 300,000 papers each reads every paper, which
   * held a first `cat:` query up for over 100 ms; the library service runs this once the index is ready.
   */
  *prepareSteps(): Generator<void, void> {
    this.identifierTable ??= yield* IdentifierTable.buildSteps(this.library.papers);
    this.categoryPostings ??= yield* CategoryPostings.buildSteps(this.library.papers);
    yield* this.columns.prepareSteps();
  }

  /** Views of reused buffers: a one-letter prefix or a filter can match most papers, and a list of them per keystroke is garbage. */
  private buffers(): MatchBuffers {
    return (this.matchBuffers ??= {
      all: new Uint32Array(this.size),
      some: new Uint32Array(this.size),
      keys: new Float64Array(this.size),
    });
  }

  /** The index as cache bytes, under its key. */
  toCache(): Uint8Array {
    return this.cache ?? encodeIndexCache(this.terms, this.cacheKey);
  }

  get size(): number {
    return this.terms.docCount;
  }

  search(input: string, options: SearchOptions = {}): SearchResults {
    const results = this.searchText(input, options);
    const named = this.named(input, results.query);
    if (named === undefined) {
      return results;
    }
    // An arXiv id, DOI or citation key typed alone names one paper: it comes first, whatever the words score.
    const others = results.hits.filter((hit) => hit.paper !== named);
    const total = results.total + (others.length === results.hits.length ? 1 : 0);
    const limit = options.limit ?? 50;
    return { ...results, hits: [{ paper: named, score: 0, terms: [] }, ...others].slice(0, limit), total };
  }

  /**
   * The paper an identifier typed on its own names: an arXiv id (`2401.12345`, `arXiv:2401.12345v2`,
   * `hep-th/9901001`), a DOI (bare, `doi:…` or a doi.org link) or a citation key.
   */
  private named(input: string, query: ParsedQuery): Paper | undefined {
    const text = input.trim();
    if (text === '' || /\s/.test(text)) {
      return undefined;
    }
    const arxivId = parseArxivId(text);
    const doi = /^(?:10\.|doi:|https?:\/\/(?:dx\.)?doi\.org\/)/i.test(text) ? findDoi(text) : undefined;
    // A key that is a word and nothing else (`learning`, generated for a paper without authors or year) is a
    // word the user is searching for, not a key; and a query the syntax reads as filters alone (`cat:cs.CL`,
    // `year:2020`) says what it wants.
    const filtersOnly = query.words.length === 0 && query.description.length > 0;
    const key = /[^\p{L}]/u.test(text) && !filtersOnly ? text : undefined;
    return (
      (arxivId !== undefined ? this.identifiers.find('arxiv', arxivId) : undefined) ??
      (doi !== undefined ? this.identifiers.find('doi', doiKey(doi)) : undefined) ??
      (key !== undefined ? this.identifiers.find('key', key) : undefined)
    );
  }

  private searchText(input: string, options: SearchOptions): SearchResults {
    const limit = options.limit ?? 50;
    const query = parseQuery(input);
    const accept = this.filter(query);
    if (query.words.length === 0) {
      return this.browse(query, accept, limit);
    }
    const { words, scored, full } = this.score(query);
    try {
      // A question in plain words is not a list of words every paper must have: see `relevance`.
      const described = words.length > SHORT_QUERY_WORDS;
      const { all, some } = this.sortOut(scored, full, accept, described || words.length === 1);
      const relevance = this.relevance(words, scored, described);
      // Papers with every word first (for a longer question, every paper with any); only when there are too few
      // of them, papers with some.
      // Each key worked out here, where the call is always the same one and compiles to a plain loop.
      const { keys } = this.buffers();
      for (let i = 0; i < all.length; i++) {
        keys[i] = relevance.of(all[i]);
      }
      const ranked = rerank(
        topKByKeys(all, keys, RERANK_DEPTH, byDocument).map((doc) => this.hit(doc, relevance.of(doc), words)),
        query,
      );
      let total = all.length;
      if (all.length < limit && words.length > 1) {
        const partial = topK(
          some,
          (doc) => popCount(scored.mask(doc)) * 1e6 + relevance.of(doc),
          limit - all.length,
          byDocument,
        );
        ranked.push(...partial.map((doc) => this.hit(doc, relevance.of(doc), words)));
        total += some.length;
      }
      return { query, hits: ranked.slice(0, limit), total };
    } finally {
      this.terms.reset(scored);
    }
  }

  /**
   * The papers a query matched that pass its filters, those with every word apart from those with some; with
   * `anyWord`, every one counts as having every word (a question in plain words, or a query of one word).
   */
  private sortOut(
    scored: Scored,
    full: number,
    accept: ((doc: number) => boolean) | undefined,
    anyWord: boolean,
  ): { all: Uint32Array; some: Uint32Array } {
    const matched = scored.docs;
    const { all, some } = this.buffers();
    if (!accept && anyWord) {
      // No test to run and nothing to sort out: a prefix's hundreds of thousands of papers are not copied.
      return { all: matched, some: some.subarray(0, 0) };
    }
    let allCount = 0;
    let someCount = 0;
    for (let i = 0; i < matched.length; i++) {
      const doc = matched[i];
      if (!accept || accept(doc)) {
        if (anyWord || scored.mask(doc) === full) {
          all[allCount++] = doc;
        } else {
          some[someCount++] = doc;
        }
      }
    }
    return { all: all.subarray(0, allCount), some: some.subarray(0, someCount) };
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
      const kept = scored.docs.filter((doc) => scored.mask(doc) === full && (!accept || accept(doc)));
      return Array.from(kept, (doc) => papers[doc]);
    } finally {
      this.terms.reset(scored);
    }
  }

  /** Papers most like this one, by the words that distinguish its title and abstract, each weighed by how rare it is. */
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
    // Each term weighs its IDF again on the query side, as well as in the score: a shared distinctive term
    // (`block-encoding`, `hamiltonian`) counts for much more than a shared common one (`block`, `efficient`).
    const words: WordMatches[] = best.map(([termId, tf]) => ({
      terms: [{ termId, weight: Math.sqrt(tf) * idf(termId) }],
      fieldBoost: FIELD_BOOST.any,
    }));
    const scored = this.terms.score(words);
    try {
      const candidates = Array.from(scored.docs.filter((d) => d !== doc));
      const scores = new Map(candidates.map((d) => [d, scored.score(d)]));
      return topK(candidates, (d) => scores.get(d) ?? 0, limit).map((d) => this.hit(d, scores.get(d) ?? 0, words));
    } finally {
      this.terms.reset(scored);
    }
  }

  /**
   * A paper's score for a query: its BM25F score times the square of the
   * share of the query's information it has, each word weighing its IDF. A
   * word counts only where the paper has it as typed (or completed): a typo
   * match counts only for a word the library does not have, so a paper that
   * says `Gemma` outranks papers that only say `gamma`, however often, and
   * typos fill the list after it. A question in plain words is scored as
   * BM25 with OR semantics over word stems (see `score`): no word is
   * required, and each counts by its IDF, so common words do not decide.
   */
  private relevance(words: readonly WordMatches[], scored: Scored, described: boolean): Relevance {
    if (described) {
      return new Relevance(scored);
    }
    let exactWords = 0;
    const idfs = words.map((word, i) => {
      const exact = word.terms.filter((t) => !t.fuzzy);
      if (exact.length > 0) {
        exactWords |= 1 << i;
      }
      const candidates = exact.length > 0 ? exact : word.terms;
      if (candidates.length === 0) {
        return 0;
      }
      // The word itself, or its closest match: the term with the highest weight, the rarer on a tie.
      const best = candidates.reduce((a, b) =>
        b.weight > a.weight ||
        (b.weight === a.weight && this.terms.documentFrequency(b.termId) < this.terms.documentFrequency(a.termId))
          ? b
          : a,
      );
      return Math.log(1 + this.size / this.terms.documentFrequency(best.termId));
    });
    const total = idfs.reduce((a, b) => a + b, 0);
    if (total === 0) {
      return new Relevance(scored);
    }
    // A short query has at most `SHORT_QUERY_WORDS` words, so a paper has one of a few sets of them: each set's
    // factor is worked out once here, not again for each of the hundreds of thousands of papers a prefix matches.
    const factors = new Float64Array(1 << words.length);
    for (let has = 0; has < factors.length; has++) {
      let share = 0;
      for (let i = 0; i < idfs.length; i++) {
        if (has & (1 << i)) {
          share += idfs[i];
        }
      }
      factors[has] = (COVERAGE_FLOOR + share / total) ** COVERAGE_POWER;
    }
    return new Relevance(scored, factors, exactWords);
  }

  /** Scores the query's words; `full` is the mask of a paper that has them all. The caller must `reset` the scores. */
  private score(query: ParsedQuery, exact = false): { words: WordMatches[]; scored: Scored; full: number } {
    const units = toUnits(query.words);
    // A question in plain words describes what a paper does, which its abstract says as much as its title: both are
    // read as one text, as plain BM25 reads them, rather than the title's few words outweighing the rest; and it
    // says it in its own word forms (`sampling` for a paper that says `samples`), so each word stands for its stem.
    const described = !exact && units.length > SHORT_QUERY_WORDS && !units.some((u) => u.field);
    const words = units.map((_, i) =>
      this.expand(units, i, query.lastIsPrefix && i === units.length - 1, exact, described),
    );
    return {
      words,
      scored: this.terms.score(words, described),
      full: words.length === 32 ? 0xffffffff : (1 << words.length) - 1,
    };
  }

  /**
   * The dictionary terms a query unit stands for, each weighted by how closely
   * it matches: the unit itself, its compound joined (`hawq` and `v2` of
   * `HAWQ-V2` also match `hawqv2`), the unit joined with a neighbour (`sub
   * graph` matches `subgraph`), completions of the word being typed, and
   * typos in proportion to length.
   */
  private expand(
    units: readonly QueryUnit[],
    i: number,
    typing: boolean,
    exact: boolean,
    described: boolean,
  ): WordMatches {
    const unit = units[i];
    const matches = new Map<number, number>();
    const fuzzyIds = new Set<number>();
    const add = (termId: number | undefined, weight: number, fuzzy = false) => {
      if (termId !== undefined && weight > (matches.get(termId) ?? 0)) {
        matches.set(termId, weight);
        if (fuzzy) {
          fuzzyIds.add(termId);
        } else {
          fuzzyIds.delete(termId);
        }
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
      return this.wordMatches(matches, fuzzyIds, unit);
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
        add(termId, (FUZZY_WEIGHT * unit.term.length) / (unit.term.length + d), true);
      }
    }
    const stemTerms = described ? this.stemTerms(unit.term) : [];
    if (stemTerms.length === 0) {
      return this.wordMatches(matches, fuzzyIds, unit);
    }
    for (const termId of stemTerms) {
      matches.delete(termId);
    }
    return { ...this.wordMatches(matches, fuzzyIds, unit), stemTerms, typedTerm: this.terms.termId(unit.term) };
  }

  /**
   * The dictionary's terms with the same stem as a word, in the order of
   * their text. A word's stem-mates share all but the last letters of its
   * stem (`studi` of `studies` → `study`), so only the completions of that
   * shorter prefix are stemmed; the index never changes, so each answer is kept.
   */
  private stemTerms(term: string): readonly number[] {
    let found = this.stemClasses.get(term);
    if (found === undefined) {
      const wanted = stem(term);
      let common = 0;
      while (common < wanted.length && wanted[common] === term[common]) {
        common++;
      }
      const prefix = term.slice(0, Math.max(common - 1, MIN_STEM_PREFIX));
      const candidates = common - 1 >= MIN_STEM_PREFIX ? this.terms.prefixTerms(prefix) : [];
      const own = this.terms.termId(term);
      found = candidates
        .filter((id) => id === own || stem(this.terms.term(id)) === wanted)
        .sort((a, b) => this.terms.compareTerms(a, b));
      if (found.length === 0 && own !== undefined) {
        found = [own];
      }
      this.stemClasses.set(term, found);
    }
    return found;
  }

  /** A word's terms in the order of their text, which is the order their scores are summed in: floating point addition gives the same sums only in the same order. */
  private wordMatches(
    matches: ReadonlyMap<number, number>,
    fuzzyIds: ReadonlySet<number>,
    unit: QueryUnit,
  ): WordMatches {
    const terms: TermMatch[] = [...matches]
      .sort((a, b) => this.terms.compareTerms(a[0], b[0]))
      .map(([termId, weight]) => (fuzzyIds.has(termId) ? { termId, weight, fuzzy: true } : { termId, weight }));
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
    // The checks of numbers by paper first: a query of filters only runs them for every paper.
    const checks: ((paper: Paper, doc: number) => boolean)[] = [];
    if (excluded.size > 0) {
      checks.push((_, doc) => !excluded.has(doc));
    }
    if (filters.year) {
      const years = this.columns.years;
      checks.push((_, doc) => !Number.isNaN(years[doc]) && inRange(years[doc], filters.year));
    }
    if (filters.upvotes) {
      const upvotes = this.columns.upvotes;
      checks.push((_, doc) => inRange(upvotes[doc], filters.upvotes));
    }
    if (filters.hasCode) {
      const hasCode = this.columns.hasCode;
      checks.push((_, doc) => hasCode[doc] === 1);
    }
    for (const wanted of filters.categories ?? []) {
      const marked = this.categories.marked(wanted);
      checks.push((_, doc) => marked[doc] === 1);
    }
    for (const name of filters.authors ?? []) {
      checks.push((p) =>
        (p.bibliographic?.authors ?? []).some((author) => searchFold(personName(author)).includes(name)),
      );
    }
    for (const venue of filters.venues ?? []) {
      checks.push((p) => p.bibliographic?.venue !== undefined && searchFold(p.bibliographic.venue).includes(venue));
    }
    if (filters.key !== undefined) {
      checks.push((p) => p.citationKey === filters.key);
    }
    if (filters.doi !== undefined) {
      checks.push((p) => p.bibliographic?.doi !== undefined && doiKey(p.bibliographic.doi) === filters.doi);
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
    if (checks.length <= 1) {
      const [check] = checks;
      return check && ((doc) => check(papers[doc], doc));
    }
    return (doc) => checks.every((check) => check(papers[doc], doc));
  }

  /** A query of filters only (`has:code year:2024`): every paper that passes, newest and most upvoted first. */
  private browse(query: ParsedQuery, accept: ((doc: number) => boolean) | undefined, limit: number): SearchResults {
    if (!accept) {
      return { query, hits: [], total: 0 };
    }
    // One pass that keeps only what passes, into a reused buffer: no array of every paper's number (300,000 at arXiv scale).
    const { all } = this.buffers();
    let total = 0;
    for (let doc = 0; doc < this.library.papers.length; doc++) {
      if (accept(doc)) {
        all[total++] = doc;
      }
    }
    const newest = this.columns.newest;
    return {
      query,
      hits: topK(all.subarray(0, total), (doc) => newest[doc], limit, byDocument).map((doc) => ({
        paper: this.library.papers[doc],
        score: 0,
        terms: [],
      })),
      total,
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

/** The papers a query matched, with every word and with some, and the keys they are ranked by: reused by every query. */
interface MatchBuffers {
  readonly all: Uint32Array;
  readonly some: Uint32Array;
  /** A key for each paper of `all`, at the same place. */
  readonly keys: Float64Array;
}

/** A paper's relevance to a query (see `PaperIndex.relevance`): its score, times, for a short query, the factor of the words it has. */
class Relevance {
  constructor(
    private readonly scored: Scored,
    /** By the words a paper has (a mask), its factor. */
    private readonly factors?: Float64Array,
    /** The words that count only where a paper has them as typed or completed, not by a typo. */
    private readonly exactWords = 0,
  ) {}

  of(doc: number): number {
    const { scored, factors, exactWords } = this;
    const score = scored.score(doc);
    return factors === undefined
      ? score
      : score * factors[(scored.exactMask(doc) & exactWords) | (scored.mask(doc) & ~exactWords)];
  }
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

/** Papers that score the same rank in library order. */
function byDocument(a: number, b: number): number {
  return a - b;
}

function popCount(mask: number): number {
  let n = 0;
  for (let m = mask; m !== 0; m &= m - 1) {
    n++;
  }
  return n;
}

/** `arxiv:ID`, `doi:doi-in-lower-case` and `key:KEY` → the first paper that has it. */
