import { runSteps } from '../../util/steps';
import { dictionarySteps, TermDictionary, validDictionarySteps, type FlatDictionary } from './dictionary';
import { TermList } from './termList';

/**
 * A compact inverted index over numbered documents with two fields (title,
 * abstract). MiniSearch's radix tree (`SearchableMap`) is the term
 * dictionary, so prefix and typo lookups are MiniSearch's own; the postings,
 * like the dictionary (see `dictionary.ts`), live in flat typed arrays instead
 * of MiniSearch's nested Maps, which is what keeps 100,000 abstracts in a
 * fraction of the memory and lets the index be cached as a few binary blocks.
 */

/** The fields every document has, in this order. */
export const FIELD_COUNT = 2;
export const TITLE = 0;
export const ABSTRACT = 1;

/** Term frequencies are stored in a byte; a word repeated more often than this counts the same. */
const MAX_TF = 255;

/** BM25+ parameters, as MiniSearch uses them. */
const K1 = 1.2;
const B = 0.7;
const DELTA = 0.5;
/** Plain BM25's length weight, for title and abstract read as one text. */
const WHOLE_B = 0.75;

/** The arrays an index is made of; what the cache stores. */
export interface TermIndexData {
  readonly docCount: number;
  /** Term id → term, in the order the terms were first seen. */
  readonly terms: TermList;
  /** Term id → first posting; one more entry than terms. */
  readonly offsets: Uint32Array;
  /** Posting → document number, ascending within each term. */
  readonly docs: Uint32Array;
  /** Posting → term frequency in each field (`FIELD_COUNT` bytes a posting). */
  readonly tfs: Uint8Array;
  /** Document → length of each field in terms (`FIELD_COUNT` entries a document). */
  readonly fieldLengths: Uint16Array;
}

/** A term of the dictionary that a query word matched, and how much that match counts. */
export interface TermMatch {
  readonly termId: number;
  readonly weight: number;
  /** A typo of the query word, not the word itself, its compound or a completion of it. */
  readonly fuzzy?: boolean;
}

/** One query word: the terms it matches and the fields it may match in. */
export interface WordMatches {
  readonly terms: readonly TermMatch[];
  /** Per field boost; a field with 0 is not searched. */
  readonly fieldBoost: readonly number[];
  /**
   * The terms sharing the word's stem (`sample`, `samples`, `sampling`), in
   * `score`'s `oneField` mode read as one term, as BM25 over stemmed text
   * reads them: their frequencies add up before saturating. None of them is
   * among `terms`.
   */
  readonly stemTerms?: readonly number[];
  /** The word as typed, if the index has it: the stem weighs its IDF (else that of the papers with any of `stemTerms`). */
  readonly typedTerm?: number;
}

/** An index's postings grouped by document: what carrying a document over into a new index reads. */
export interface DocumentPostings {
  readonly data: TermIndexData;
  /** Document → its first entry; one more entry than documents. */
  readonly starts: Uint32Array;
  /** Entry → term id. */
  readonly terms: Uint32Array;
  /** Entry → posting in `data`. */
  readonly postings: Uint32Array;
}

/**
 * Collects documents' terms; `finish` turns them into a `TermIndex`. Given
 * the postings of a previous index, it keeps that index's term ids and can
 * `carry` its documents over without tokenizing them again.
 */
export class TermIndexBuilder {
  private readonly termIds = new Map<string, number>();
  private readonly termList: string[] = [];
  private postingTerm = new Uint32Array(1 << 16);
  private postingDoc = new Uint32Array(1 << 16);
  private postingTf = new Uint8Array(FIELD_COUNT << 16);
  private postingCount = 0;
  private lengths = new Uint16Array(FIELD_COUNT * 1024);
  private docCount = 0;

  /** Per term: the last document it was seen in, and its slot in that document's term list. */
  private lastDoc = new Int32Array(1 << 16).fill(-1);
  private slot = new Uint32Array(1 << 16);
  /** The current document's distinct terms and their frequencies per field. */
  private docTerms: number[] = [];
  private docTfs = new Uint8Array(FIELD_COUNT * 1024);

  constructor(private readonly previous?: DocumentPostings) {
    if (previous) {
      // About as many postings as before: doubling arrays of millions of them on the way would block for longer than any step should.
      const size = previous.data.docs.length + (1 << 16);
      this.postingTerm = new Uint32Array(size);
      this.postingDoc = new Uint32Array(size);
      this.postingTf = new Uint8Array(size * FIELD_COUNT);
      this.lengths = new Uint16Array((previous.data.docCount + 1024) * FIELD_COUNT);
      for (let id = 0; id < previous.data.terms.length; id++) {
        this.idOf(previous.data.terms.get(id));
      }
    }
  }

  /** Adds the next document: its terms in each field, as the tokenizer produced them. */
  add(fields: readonly (readonly string[])[]): void {
    const doc = this.nextDoc();
    const docTerms = this.docTerms;
    docTerms.length = 0;
    for (let field = 0; field < fields.length; field++) {
      const terms = fields[field];
      this.lengths[doc * FIELD_COUNT + field] = Math.min(terms.length, 0xffff);
      for (const term of terms) {
        const id = this.idOf(term);
        if (this.lastDoc[id] !== doc) {
          this.lastDoc[id] = doc;
          this.slot[id] = docTerms.length;
          if ((docTerms.length + 1) * FIELD_COUNT > this.docTfs.length) {
            this.docTfs = grow(this.docTfs, this.docTfs.length * 2);
          }
          this.docTfs.fill(0, docTerms.length * FIELD_COUNT, (docTerms.length + 1) * FIELD_COUNT);
          docTerms.push(id);
        }
        const at = this.slot[id] * FIELD_COUNT + field;
        if (this.docTfs[at] < MAX_TF) {
          this.docTfs[at]++;
        }
      }
    }
    for (let i = 0; i < docTerms.length; i++) {
      this.push(docTerms[i], doc, this.docTfs[i * FIELD_COUNT], this.docTfs[i * FIELD_COUNT + 1]);
    }
  }

  /** Adds the next document as a copy of document `from` of the previous index: its postings and field lengths. */
  carry(from: number): void {
    const previous = this.previous;
    if (!previous) {
      throw new Error('carry needs the postings of a previous index');
    }
    const doc = this.nextDoc();
    const { fieldLengths, tfs } = previous.data;
    this.lengths.set(fieldLengths.subarray(from * FIELD_COUNT, from * FIELD_COUNT + FIELD_COUNT), doc * FIELD_COUNT);
    for (let entry = previous.starts[from]; entry < previous.starts[from + 1]; entry++) {
      const p = previous.postings[entry];
      this.push(previous.terms[entry], doc, tfs[p * FIELD_COUNT], tfs[p * FIELD_COUNT + 1]);
    }
  }

  private nextDoc(): number {
    const doc = this.docCount++;
    if (doc * FIELD_COUNT + FIELD_COUNT > this.lengths.length) {
      this.lengths = grow(this.lengths, this.lengths.length * 2);
    }
    return doc;
  }

  private push(termId: number, doc: number, titleTf: number, abstractTf: number): void {
    if (this.postingCount === this.postingTerm.length) {
      const size = this.postingTerm.length * 2;
      this.postingTerm = grow(this.postingTerm, size);
      this.postingDoc = grow(this.postingDoc, size);
      this.postingTf = grow(this.postingTf, size * FIELD_COUNT);
    }
    const i = this.postingCount++;
    this.postingTerm[i] = termId;
    this.postingDoc[i] = doc;
    this.postingTf[i * FIELD_COUNT] = titleTf;
    this.postingTf[i * FIELD_COUNT + 1] = abstractTf;
  }

  private idOf(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.termList.length;
      this.termIds.set(term, id);
      this.termList.push(term);
      if (id >= this.lastDoc.length) {
        const size = this.lastDoc.length * 2;
        const lastDoc = new Int32Array(size).fill(-1);
        lastDoc.set(this.lastDoc);
        this.lastDoc = lastDoc;
        this.slot = grow(this.slot, size);
      }
    }
    return id;
  }

  /**
   * Sorts the postings by term (a counting sort, stable, so documents stay in
   * order within each term) in slices; `finish` runs them all, `finishSteps`
   * lets an async caller yield between them. Terms of the previous index that
   * no document has any more are dropped, as a fresh build would not have them.
   */
  *finishSteps(sliceSize = 1 << 19): Generator<void, TermIndex> {
    const counts = new Uint32Array(this.termList.length);
    for (let start = 0; start < this.postingCount; start += sliceSize) {
      const end = Math.min(start + sliceSize, this.postingCount);
      for (let i = start; i < end; i++) {
        counts[this.postingTerm[i]]++;
      }
      yield;
    }
    const terms: string[] = [];
    const newId = new Uint32Array(this.termList.length);
    for (let t = 0; t < this.termList.length; t++) {
      if (counts[t] > 0) {
        newId[t] = terms.length;
        terms.push(this.termList[t]);
      }
    }
    const offsets = new Uint32Array(terms.length + 1);
    for (let t = 0; t < this.termList.length; t++) {
      if (counts[t] > 0) {
        offsets[newId[t] + 1] = offsets[newId[t]] + counts[t];
      }
    }
    const next = offsets.slice(0, terms.length);
    const docs = new Uint32Array(this.postingCount);
    const tfs = new Uint8Array(this.postingCount * FIELD_COUNT);
    for (let start = 0; start < this.postingCount; start += sliceSize) {
      const end = Math.min(start + sliceSize, this.postingCount);
      for (let i = start; i < end; i++) {
        const at = next[newId[this.postingTerm[i]]]++;
        docs[at] = this.postingDoc[i];
        tfs[at * FIELD_COUNT] = this.postingTf[i * FIELD_COUNT];
        tfs[at * FIELD_COUNT + 1] = this.postingTf[i * FIELD_COUNT + 1];
      }
      yield;
    }
    const data: TermIndexData = {
      docCount: this.docCount,
      terms: TermList.from(terms),
      offsets,
      docs,
      tfs,
      fieldLengths: this.lengths.slice(0, this.docCount * FIELD_COUNT),
    };
    return new TermIndex(data, new TermDictionary(yield* dictionarySteps(terms)), yield* lengthNormSteps(data));
  }

  finish(): TermIndex {
    return runSteps(this.finishSteps());
  }
}

function grow<T extends Uint8Array | Uint16Array | Uint32Array>(array: T, size: number): T {
  const bigger = new (array.constructor as new (n: number) => T)(size);
  bigger.set(array);
  return bigger;
}

/**
 * What a query leaves per document, side by side in one record of `DOC_SLOTS` doubles: its score, and its two word
 * masks (as two 32-bit integers in the second double). With the three in separate arrays, a posting of a rare term
 * (which lands far from the previous one) was three cache misses; and every pass over the matched documents after
 * scoring reads or clears only these 16 bytes each, which at 300,000 papers is memory bandwidth, not arithmetic.
 */
const DOC_SLOTS = 2;
const SCORE = 0;
/** The masks' slot, counted in 32-bit integers: the mask, then the exact mask. */
const MASK = 1 * 2;
const EXACT_MASK = MASK + 1;
/** Documents scored a block at a time: their records and length norms (256 KB) fit in a core's second-level cache. */
const SCORE_BLOCK = 1 << 13;
/** Fewer touched documents than the library's 1/SORT_OR_SCAN are sorted; more are found by a pass over the library. */
const SORT_OR_SCAN = 16;

/** Scores and match masks of one query, over every document: views of buffers the next `score` reuses. */
export class Scored {
  constructor(
    /** Matched documents, in ascending order. */
    readonly docs: Uint32Array,
    private readonly slots: Float64Array,
    private readonly bits: Uint32Array,
  ) {}

  score(doc: number): number {
    return this.slots[doc * DOC_SLOTS + SCORE];
  }

  /** Bit i set: the document matched query word i. */
  mask(doc: number): number {
    return this.bits[doc * DOC_SLOTS * 2 + MASK];
  }

  /** Bit i set: the document matched query word i by a term that is not a typo of it (see `TermMatch.fuzzy`). */
  exactMask(doc: number): number {
    return this.bits[doc * DOC_SLOTS * 2 + EXACT_MASK];
  }
}

/**
 * Per document and field, BM25's length normalisation `K1 * (1 - B + B * length / average)`, `sliceSize` entries
 * a step: at 300,000 papers, summing and dividing 600,000 lengths in one go was one of the longest steps of
 * loading the cache.
 */
function* lengthNormSteps(data: TermIndexData, sliceSize = 1 << 17): Generator<void, Float64Array> {
  const lengths = data.fieldLengths;
  const totals = new Float64Array(FIELD_COUNT);
  for (let start = 0; start < lengths.length; start += sliceSize) {
    addLengths(lengths, totals, start, Math.min(start + sliceSize, lengths.length));
    yield;
  }
  const averages = totals.map((total) => (data.docCount > 0 ? Math.max(total / data.docCount, 1) : 1));
  const norms = new Float64Array(lengths.length);
  for (let start = 0; start < norms.length; start += sliceSize) {
    normalise(lengths, averages, norms, start, Math.min(start + sliceSize, norms.length));
    yield;
  }
  return norms;
}

/** Adds `lengths[start..end)` to the total of each one's field; a plain function, which V8 compiles better than a loop inside a generator. */
function addLengths(lengths: Uint16Array, totals: Float64Array, start: number, end: number): void {
  for (let i = start; i < end; i++) {
    totals[i % FIELD_COUNT] += lengths[i];
  }
}

/** `lengthNormSteps` for entries `start` up to `end`. */
function normalise(
  lengths: Uint16Array,
  averages: Float64Array,
  norms: Float64Array,
  start: number,
  end: number,
): void {
  for (let i = start; i < end; i++) {
    norms[i] = K1 * (1 - B + (B * lengths[i]) / averages[i % FIELD_COUNT]);
  }
}

export class TermIndex {
  /** Per document (`DOC_SLOTS` each), what a query's `score` leaves, reused between queries; `bits` is the same memory as 32-bit integers. */
  private readonly slots: Float64Array;
  private readonly bits: Uint32Array;
  /** The documents a query touched; reused, so a query that matches most papers makes no garbage. */
  private readonly touched: Uint32Array;

  constructor(
    readonly data: TermIndexData,
    private readonly dictionary: TermDictionary,
    /** `lengthNormSteps` of `data`: worked out once rather than for every posting of every query. */
    private readonly lengthNorms: Float64Array,
  ) {
    this.slots = new Float64Array(data.docCount * DOC_SLOTS);
    this.bits = new Uint32Array(this.slots.buffer);
    this.touched = new Uint32Array(data.docCount);
  }

  /** An index from cached arrays and its flat dictionary; undefined if the dictionary does not add up. */
  static *fromFlatSteps(data: TermIndexData, dictionary: FlatDictionary): Generator<void, TermIndex | undefined> {
    return (yield* validDictionarySteps(dictionary, data.terms.length))
      ? new TermIndex(data, new TermDictionary(dictionary), yield* lengthNormSteps(data))
      : undefined;
  }

  /** The postings grouped by document (a counting sort by document), in slices. */
  *byDocumentSteps(sliceSize = 1 << 19): Generator<void, DocumentPostings> {
    const { offsets, docs, docCount, terms: termList } = this.data;
    const starts = new Uint32Array(docCount + 1);
    for (let start = 0; start < docs.length; start += sliceSize) {
      const end = Math.min(start + sliceSize, docs.length);
      for (let p = start; p < end; p++) {
        starts[docs[p] + 1]++;
      }
      yield;
    }
    for (let doc = 0; doc < docCount; doc++) {
      starts[doc + 1] += starts[doc];
    }
    const next = starts.slice(0, docCount);
    const terms = new Uint32Array(docs.length);
    const postings = new Uint32Array(docs.length);
    for (let t = 0, sliceEnd = sliceSize; t < termList.length; t++) {
      for (let p = offsets[t]; p < offsets[t + 1]; p++) {
        const at = next[docs[p]]++;
        terms[at] = t;
        postings[at] = p;
      }
      if (offsets[t + 1] >= sliceEnd) {
        sliceEnd = offsets[t + 1] + sliceSize;
        yield;
      }
    }
    return { data: this.data, starts, terms, postings };
  }

  /** The dictionary's arrays, for the cache. */
  get flatDictionary(): FlatDictionary {
    return this.dictionary.flat;
  }

  get docCount(): number {
    return this.data.docCount;
  }

  get termCount(): number {
    return this.data.terms.length;
  }

  /** Documents that contain the term, in any field. */
  documentFrequency(termId: number): number {
    return this.data.offsets[termId + 1] - this.data.offsets[termId];
  }

  termId(term: string): number | undefined {
    return this.dictionary.termId(term);
  }

  term(termId: number): string {
    return this.data.terms.get(termId);
  }

  /**
   * Orders terms by their text. Term ids are only the order terms were first
   * seen in, which an index updated in place numbers differently from a fresh
   * build: wherever terms tie, their text decides, so results are the same.
   */
  compareTerms(a: number, b: number): number {
    return this.data.terms.compare(a, b);
  }

  /** Terms that start with `prefix` (the prefix itself included), as term ids. */
  prefixTerms(prefix: string): number[] {
    return this.dictionary.prefixTerms(prefix);
  }

  /** Terms within `distance` edits of `term`, with their distances. */
  fuzzyTerms(term: string, distance: number): [number, number][] {
    return this.dictionary.fuzzyTerms(term, distance);
  }

  /** Whether a document contains a term (postings are sorted, so this is a binary search). */
  contains(termId: number, doc: number): boolean {
    const { offsets, docs } = this.data;
    let lo = offsets[termId];
    let hi = offsets[termId + 1] - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (docs[mid] === doc) {
        return true;
      }
      if (docs[mid] < doc) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return false;
  }

  /** Documents that contain any of the terms. */
  documentsWith(termIds: readonly number[]): Set<number> {
    const found = new Set<number>();
    const { offsets, docs } = this.data;
    for (const termId of termIds) {
      for (let p = offsets[termId]; p < offsets[termId + 1]; p++) {
        found.add(docs[p]);
      }
    }
    return found;
  }

  /**
   * BM25F scores for the query words: every document that matched at least
   * one word, with its score and which words it matched. The returned arrays
   * are reused by the next call. With `oneField`, plain BM25 (k1 1.2, b 0.75)
   * over title and abstract read as one text: the field boosts only say which
   * fields a word may match in.
   */
  score(words: readonly WordMatches[], oneField = false): Scored {
    const { offsets, docs, tfs, docCount } = this.data;
    const { slots, bits, touched, lengthNorms } = this;
    const wholeNorms = oneField ? this.wholeLengthNorms() : undefined;
    let touchedCount = 0;
    for (let w = 0; w < words.length; w++) {
      const bit = 1 << w;
      const [titleBoost, abstractBoost] = words[w].fieldBoost;
      const stemTerms = words[w].stemTerms;
      if (wholeNorms !== undefined && stemTerms !== undefined) {
        touchedCount = this.scoreStems(words[w], bit, wholeNorms, touchedCount);
      }
      const terms = words[w].terms;
      const next = new Uint32Array(terms.length);
      const ends = new Uint32Array(terms.length);
      const termWeights = new Float64Array(terms.length);
      const exactBits = new Uint32Array(terms.length);
      terms.forEach(({ termId, weight, fuzzy }, t) => {
        next[t] = offsets[termId];
        ends[t] = offsets[termId + 1];
        const df = ends[t] - next[t];
        const idf = Math.log(1 + (docCount - df + 0.5) / (df + 0.5));
        // `weight * idf * fieldScore` as it was always summed: the product of the first two, then times the third.
        termWeights[t] = weight * idf;
        exactBits[t] = fuzzy ? 0 : bit;
      });
      // The terms' postings a block of documents at a time, each term in turn within the block: each document still
      // adds its terms' scores up in the terms' order, and the block's records stay in the cache while they do.
      for (let blockEnd = SCORE_BLOCK; blockEnd - SCORE_BLOCK < docCount; blockEnd += SCORE_BLOCK) {
        for (let t = 0; t < terms.length; t++) {
          const end = ends[t];
          const termWeight = termWeights[t];
          const exactBit = exactBits[t];
          let p = next[t];
          for (; p < end; p++) {
            const doc = docs[p];
            if (doc >= blockEnd) {
              break;
            }
            const at = doc * DOC_SLOTS;
            // The sum of the fields' BM25 terms, field by field in order (title, abstract), as floating point needs for the same scores every time.
            let fieldScore = 0;
            const titleTf = tfs[p * FIELD_COUNT + TITLE];
            const abstractTf = tfs[p * FIELD_COUNT + ABSTRACT];
            if (wholeNorms !== undefined) {
              const tf = (titleBoost !== 0 ? titleTf : 0) + (abstractBoost !== 0 ? abstractTf : 0);
              fieldScore = tf === 0 ? 0 : (tf * (K1 + 1)) / (tf + wholeNorms[doc]);
            } else {
              if (titleTf !== 0 && titleBoost !== 0) {
                fieldScore +=
                  titleBoost * ((titleTf * (K1 + 1)) / (titleTf + lengthNorms[doc * FIELD_COUNT + TITLE]) + DELTA);
              }
              if (abstractTf !== 0 && abstractBoost !== 0) {
                fieldScore +=
                  abstractBoost *
                  ((abstractTf * (K1 + 1)) / (abstractTf + lengthNorms[doc * FIELD_COUNT + ABSTRACT]) + DELTA);
              }
            }
            if (fieldScore === 0) {
              continue;
            }
            if (bits[at * 2 + MASK] === 0) {
              touched[touchedCount++] = doc;
            }
            bits[at * 2 + MASK] |= bit;
            bits[at * 2 + EXACT_MASK] |= exactBit;
            slots[at + SCORE] += termWeight * fieldScore;
          }
          next[t] = p;
        }
      }
    }
    // Everything after scoring (sorting out who has every word, ranking, `reset`) reads each matched document's
    // record: in the order they were touched, term by term, each read was a cache miss.
    return new Scored(ascending(touched, touchedCount, bits), slots, bits);
  }

  /**
   * Adds one word's BM25 term to the scores of the papers that have any form of its stem, the forms' frequencies
   * added up; returns the new count of touched papers. A method of its own: inside `score`, whose optimized code
   * other queries shaped without this branch ever running, a question's first few searches fell back to the
   * interpreter, about 100 ms each at 300,000 papers (30 ms now, 15 once optimized).
   */
  private scoreStems(word: WordMatches, bit: number, wholeNorms: Float64Array, touchedCount: number): number {
    const { offsets, docs, tfs, docCount } = this.data;
    const { slots, bits, touched } = this;
    const [titleBoost, abstractBoost] = word.fieldBoost;
    const stemTerms = word.stemTerms!;
    const { tfs: stemTfs, docs: stemDocs } = this.stemScratch();
    let stemDocCount = 0;
    // A block at a time, as `score` reads postings, for the same reason: the papers then come grouped by block, and
    // the loop after this one reads each block's records together.
    const next = Uint32Array.from(stemTerms, (termId) => offsets[termId]);
    for (let blockEnd = SCORE_BLOCK; blockEnd - SCORE_BLOCK < docCount; blockEnd += SCORE_BLOCK) {
      for (let t = 0; t < stemTerms.length; t++) {
        const end = offsets[stemTerms[t] + 1];
        let p = next[t];
        for (; p < end && docs[p] < blockEnd; p++) {
          const doc = docs[p];
          const tf =
            (titleBoost !== 0 ? tfs[p * FIELD_COUNT + TITLE] : 0) +
            (abstractBoost !== 0 ? tfs[p * FIELD_COUNT + ABSTRACT] : 0);
          if (tf !== 0) {
            if (stemTfs[doc] === 0) {
              stemDocs[stemDocCount++] = doc;
            }
            stemTfs[doc] += tf;
          }
        }
        next[t] = p;
      }
    }
    // The typed form's own rarity says how telling the word is; its other forms only add to how often a paper says it.
    const typed = word.typedTerm;
    const stemDf = typed !== undefined ? offsets[typed + 1] - offsets[typed] : stemDocCount;
    const idf = Math.log(1 + (docCount - stemDf + 0.5) / (stemDf + 0.5));
    for (let i = 0; i < stemDocCount; i++) {
      const doc = stemDocs[i];
      const tf = stemTfs[doc];
      stemTfs[doc] = 0;
      const at = doc * DOC_SLOTS;
      if (bits[at * 2 + MASK] === 0) {
        touched[touchedCount++] = doc;
      }
      bits[at * 2 + MASK] |= bit;
      bits[at * 2 + EXACT_MASK] |= bit;
      slots[at + SCORE] += idf * ((tf * (K1 + 1)) / (tf + wholeNorms[doc]));
    }
    return touchedCount;
  }

  private wholeNorms: Float64Array | undefined;
  private stemBuffers: { tfs: Uint32Array; docs: Uint32Array } | undefined;

  /** Reused between queries: a stem's summed frequency per document, and the documents that have it. */
  private stemScratch(): { tfs: Uint32Array; docs: Uint32Array } {
    return (this.stemBuffers ??= {
      // Sums of byte-sized frequencies: whole numbers, held in half the memory doubles would take.
      tfs: new Uint32Array(this.data.docCount),
      docs: new Uint32Array(this.data.docCount),
    });
  }

  /** Per document, BM25's length normalisation with title and abstract as one field (`score`'s `oneField`), worked out at its first use. */
  private wholeLengthNorms(): Float64Array {
    if (this.wholeNorms === undefined) {
      const { docCount, fieldLengths } = this.data;
      let total = 0;
      for (let i = 0; i < fieldLengths.length; i++) {
        total += fieldLengths[i];
      }
      const average = docCount > 0 ? Math.max(total / docCount, 1) : 1;
      this.wholeNorms = new Float64Array(docCount);
      for (let doc = 0; doc < docCount; doc++) {
        const length = fieldLengths[doc * FIELD_COUNT + TITLE] + fieldLengths[doc * FIELD_COUNT + ABSTRACT];
        this.wholeNorms[doc] = K1 * (1 - WHOLE_B + (WHOLE_B * length) / average);
      }
    }
    return this.wholeNorms;
  }

  /** Clears the per-document scores that `score` left behind. */
  reset(scored: Scored): void {
    const { docs } = scored;
    const { slots, bits } = this;
    for (let i = 0; i < docs.length; i++) {
      const at = docs[i] * DOC_SLOTS;
      slots[at + SCORE] = 0;
      bits[at * 2 + MASK] = 0;
      bits[at * 2 + EXACT_MASK] = 0;
    }
  }
}

/**
 * The first `count` documents of `list`, in ascending order, which reads their records in memory order rather than
 * at random (each a cache miss at 300,000 papers). Few are sorted; when they are a good part of the library, one
 * pass over every document's mask (not 0 for those listed) finds them quicker.
 */
function ascending(list: Uint32Array, count: number, bits: Uint32Array): Uint32Array {
  const docCount = bits.length / (DOC_SLOTS * 2);
  if (count * SORT_OR_SCAN < docCount) {
    return list.subarray(0, count).sort();
  }
  let n = 0;
  for (let doc = 0; doc < docCount; doc++) {
    if (bits[doc * DOC_SLOTS * 2 + MASK] !== 0) {
      list[n++] = doc;
    }
  }
  return list.subarray(0, n);
}
