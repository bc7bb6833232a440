import { createHash } from 'node:crypto';
import { runSteps } from '../../util/steps';
import { FIELD_COUNT, TermIndex } from './termIndex';
import { rising, TermList } from './termList';
import { authorText, type WithAuthors } from '../authorText';

/**
 * The index cache: a term index saved as a few binary blocks, so that loading
 * it is reading a file and wrapping typed arrays around it, not re-tokenizing
 * every abstract. The header names the corpus and the index settings it was
 * built from; a file that does not match, or does not add up, is refused and
 * the caller rebuilds.
 *
 * Layout: `PEIX` · u32 format version · u32 header length · header JSON ·
 * padding to 4 bytes · offsets (u32) · docs (u32) · field lengths (u16) ·
 * padding · term ends, dictionary node starts, values and label ends (u32) ·
 * tfs (u8) · terms and dictionary labels (UTF-8, each one after another).
 */
const MAGIC = 0x58494550; // "PEIX", little-endian
export const CACHE_FORMAT_VERSION = 4;

interface CacheHeader {
  readonly key: string;
  readonly docCount: number;
  readonly termCount: number;
  readonly postingCount: number;
  readonly termsBytes: number;
  readonly nodeCount: number;
  readonly entryCount: number;
  readonly labelsBytes: number;
}

/** What the cache key is made from: a paper's identity and the text that is indexed. */
export interface IndexedText extends WithAuthors {
  readonly id: string;
  readonly title?: string;
  readonly abstract: string;
  /** A stored abstract's key (`StoredAbstract.key`), which names its text: hashed instead of reading the text. */
  readonly storedAbstract?: { readonly key: string };
}

/** Serializes the index's arrays and dictionary under a key that names the corpus and settings it was built from. */
export function encodeIndexCache(index: TermIndex, key: string): Uint8Array {
  const data = index.data;
  const dictionary = index.flatDictionary;
  const encoder = new TextEncoder();
  const terms = encoder.encode(data.terms.text);
  const labels = encoder.encode(dictionary.labels);
  const header: CacheHeader = {
    key,
    docCount: data.docCount,
    termCount: data.terms.length,
    postingCount: data.docs.length,
    termsBytes: terms.length,
    nodeCount: dictionary.nodeStarts.length - 1,
    entryCount: dictionary.values.length,
    labelsBytes: labels.length,
  };
  const headerBytes = encoder.encode(JSON.stringify(header));
  const layout = planLayout(12 + headerBytes.length, header);
  const out = new Uint8Array(layout.total);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, CACHE_FORMAT_VERSION, true);
  view.setUint32(8, headerBytes.length, true);
  out.set(headerBytes, 12);
  out.set(bytesOf(data.offsets), layout.offsets);
  out.set(bytesOf(data.docs), layout.docs);
  out.set(bytesOf(data.fieldLengths), layout.fieldLengths);
  out.set(bytesOf(data.terms.ends), layout.termEnds);
  out.set(bytesOf(dictionary.nodeStarts), layout.nodeStarts);
  out.set(bytesOf(dictionary.values), layout.values);
  out.set(bytesOf(dictionary.labelEnds), layout.labelEnds);
  out.set(data.tfs, layout.tfs);
  out.set(terms, layout.terms);
  out.set(labels, layout.labels);
  return out;
}

/**
 * Reads a cache written by `encodeIndexCache`, or returns undefined if it is
 * for another corpus or settings, or damaged or cut short in any way.
 */
export function decodeIndexCache(bytes: Uint8Array, key: string): TermIndex | undefined {
  return runSteps(decodeIndexCacheSteps(bytes, key));
}

/** `decodeIndexCache` in slices, for a caller that must yield to the event loop between them. */
export function* decodeIndexCacheSteps(bytes: Uint8Array, key: string): Generator<void, TermIndex | undefined> {
  try {
    if (bytes.length < 12) {
      return undefined;
    }
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (view.getUint32(0, true) !== MAGIC || view.getUint32(4, true) !== CACHE_FORMAT_VERSION) {
      return undefined;
    }
    const headerLength = view.getUint32(8, true);
    if (12 + headerLength > bytes.length) {
      return undefined;
    }
    const header = JSON.parse(
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(12, 12 + headerLength)),
    ) as CacheHeader;
    const counts = [
      header.docCount,
      header.termCount,
      header.postingCount,
      header.termsBytes,
      header.nodeCount,
      header.entryCount,
      header.labelsBytes,
    ];
    if (header.key !== key || !counts.every(isCount)) {
      return undefined;
    }
    const layout = planLayout(12 + headerLength, header);
    if (layout.total !== bytes.length) {
      return undefined;
    }
    // Typed arrays need aligned offsets: copy once into an aligned buffer if the file's bytes are not.
    const aligned = yield* alignedSteps(bytes);
    const buffer = aligned.buffer;
    const base = aligned.byteOffset;
    const offsets = new Uint32Array(buffer, base + layout.offsets, header.termCount + 1);
    const docs = new Uint32Array(buffer, base + layout.docs, header.postingCount);
    const fieldLengths = new Uint16Array(buffer, base + layout.fieldLengths, header.docCount * FIELD_COUNT);
    const termEnds = new Uint32Array(buffer, base + layout.termEnds, header.termCount);
    const nodeStarts = new Uint32Array(buffer, base + layout.nodeStarts, header.nodeCount + 1);
    const values = new Uint32Array(buffer, base + layout.values, header.entryCount);
    const labelEnds = new Uint32Array(buffer, base + layout.labelEnds, header.entryCount);
    const tfs = new Uint8Array(buffer, base + layout.tfs, header.postingCount * FIELD_COUNT);
    const text = yield* utf8Steps(aligned.subarray(layout.terms, layout.terms + header.termsBytes));
    const terms = yield* TermList.ofSteps(text, termEnds);
    if (!terms) {
      return undefined;
    }
    const labels = yield* utf8Steps(aligned.subarray(layout.labels, layout.labels + header.labelsBytes));
    if (!(yield* consistent(offsets, docs, header))) {
      return undefined;
    }
    return yield* TermIndex.fromFlatSteps(
      { docCount: header.docCount, terms, offsets, docs, tfs, fieldLengths },
      { nodeStarts, values, labelEnds, labels },
    );
  } catch {
    return undefined;
  }
}

/** Bytes decoded in one step: under a millisecond of work. */
const DECODE_STEP = 1 << 18;
/** Bytes copied in one step: a few milliseconds of work, most of it the first touch of the copy's pages. */
const COPY_STEP = 1 << 20;

/**
 * `bytes` if they start on a 4-byte boundary, else a copy that does, made in slices: a cache of 200 MB (300,000
 * papers) copied at once held the thread for 150 ms.
 */
export function* alignedSteps(bytes: Uint8Array, sliceSize = COPY_STEP): Generator<void, Uint8Array> {
  if (bytes.byteOffset % 4 === 0) {
    return bytes;
  }
  const copy = new Uint8Array(bytes.length);
  for (let start = 0; start < bytes.length; start += sliceSize) {
    copy.set(bytes.subarray(start, start + sliceSize), start);
    yield;
  }
  return copy;
}

/**
 * `bytes` decoded as UTF-8, `sliceSize` bytes a step (a character split between two slices is decoded whole);
 * throws a `TypeError` on bytes that are not UTF-8, as a fatal `TextDecoder` does.
 */
export function* utf8Steps(bytes: Uint8Array, sliceSize = DECODE_STEP): Generator<void, string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const parts: string[] = [];
  for (let start = 0; start < bytes.length; start += sliceSize) {
    const end = Math.min(start + sliceSize, bytes.length);
    parts.push(decoder.decode(bytes.subarray(start, end), { stream: end < bytes.length }));
    yield;
  }
  // One flat string: pieces joined with `+` would be flattened by the first lookup instead, in one go.
  return parts.join('');
}

/** Offsets rise from 0 to the posting count and every posting names a real document; `sliceSize` of each a step. */
function* consistent(
  offsets: Uint32Array,
  docs: Uint32Array,
  header: CacheHeader,
  sliceSize = 1 << 19,
): Generator<void, boolean> {
  if (offsets[0] !== 0 || offsets[header.termCount] !== header.postingCount) {
    return false;
  }
  for (let start = 0; start < offsets.length; start += sliceSize) {
    if (!rising(offsets, start, Math.min(start + sliceSize, offsets.length))) {
      return false;
    }
    yield;
  }
  for (let start = 0; start < docs.length; start += sliceSize) {
    if (largest(docs, start, Math.min(start + sliceSize, docs.length)) >= header.docCount) {
      return false;
    }
    yield;
  }
  return true;
}

/** The largest of `array[start..end)`; a plain function, which V8 compiles better than a loop inside a generator. */
function largest(array: Uint32Array, start: number, end: number): number {
  let max = 0;
  for (let i = start; i < end; i++) {
    if (array[i] > max) {
      max = array[i];
    }
  }
  return max;
}

function planLayout(start: number, header: CacheHeader) {
  const offsets = align(start, 4);
  const docs = offsets + (header.termCount + 1) * 4;
  const fieldLengths = docs + header.postingCount * 4;
  const termEnds = align(fieldLengths + header.docCount * FIELD_COUNT * 2, 4);
  const nodeStarts = termEnds + header.termCount * 4;
  const values = nodeStarts + (header.nodeCount + 1) * 4;
  const labelEnds = values + header.entryCount * 4;
  const tfs = labelEnds + header.entryCount * 4;
  const terms = tfs + header.postingCount * FIELD_COUNT;
  const labels = terms + header.termsBytes;
  return {
    offsets,
    docs,
    fieldLengths,
    termEnds,
    nodeStarts,
    values,
    labelEnds,
    tfs,
    terms,
    labels,
    total: labels + header.labelsBytes,
  };
}

function align(n: number, to: number): number {
  return Math.ceil(n / to) * to;
}

function isCount(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 && n < 2 ** 32;
}

function bytesOf(array: Uint16Array | Uint32Array): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

/**
 * The digest of a corpus that its cache key names: every paper's identity and
 * text, in order (document numbers in the cache are positions in it), fed a
 * slice of papers at a time.
 */
export class CorpusDigest {
  /** Every abstract, one after another. */
  private readonly abstracts = createHash('sha256');
  /** Per paper its id, title, authors and the length of its abstract (which tells where each ends in the other digest), or a stored abstract's key. */
  private readonly heads = createHash('sha256');

  add(papers: readonly IndexedText[]): void {
    let heads = '';
    for (const paper of papers) {
      // Abstracts are most of the bytes: hashed as they are, never copied into a longer string first. A stored one
      // is named by its key with the rest of its paper, so a start from the cache reads no abstract from disk.
      const stored = paper.storedAbstract;
      if (stored) {
        heads += `${paper.id}\u0000${paper.title ?? ''}\u0000${authorText(paper)}\u0000@${stored.key}\u0001`;
      } else {
        this.abstracts.update(paper.abstract);
        heads += `${paper.id}\u0000${paper.title ?? ''}\u0000${authorText(paper)}\u0000${paper.abstract.length}\u0001`;
      }
    }
    this.heads.update(heads);
  }

  /** The cache key: the index settings and the digest. Ends the digest. */
  key(settings: string): string {
    const corpus = createHash('sha256').update(this.heads.digest()).update(this.abstracts.digest()).digest('hex');
    return `${settings} v${CACHE_FORMAT_VERSION} corpus=${corpus}`;
  }
}

/**
 * The cache key of a library that has a key of its own (`Library.key`, which names its files' content): no paper is
 * hashed for it.
 */
export function libraryIndexKey(settings: string, libraryKey: string): string {
  return `${settings} v${CACHE_FORMAT_VERSION} library=${libraryKey}`;
}

/** The cache key of a library without a key of its own, hashed from its papers in slices. */
export function* indexCacheKeySteps(
  library: { readonly papers: readonly IndexedText[] },
  settings: string,
  sliceSize = 500,
): Generator<void, string> {
  const digest = new CorpusDigest();
  const papers = library.papers;
  for (let start = 0; start < papers.length; start += sliceSize) {
    digest.add(papers.slice(start, start + sliceSize));
    yield;
  }
  return digest.key(settings);
}
