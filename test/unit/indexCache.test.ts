import * as assert from 'node:assert/strict';
import { buildLibrary } from '../../src/core/library/merge';
import { parseCorpus } from '../../src/core/formats/parse';
import { loadIndexAsync, type PaperIndex } from '../../src/core/search/engine';
import fc from 'fast-check';
import {
  alignedSteps,
  CorpusDigest,
  decodeIndexCache,
  decodeIndexCacheSteps,
  encodeIndexCache,
  utf8Steps,
  type IndexedText,
} from '../../src/core/search/engine/indexCache';
import { TermIndexBuilder } from '../../src/core/search/engine/termIndex';
import { runSteps } from '../../src/core/util/steps';
import { TermList } from '../../src/core/search/engine/termList';
import { bundledCorpus } from './helpers';

/** Where the posting documents and the dictionary's entry values start in cache bytes (see the layout in indexCache.ts). */
function blocks(bytes: Uint8Array) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getUint32(8, true);
  const counts = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + headerLength))) as Record<
    'termCount' | 'postingCount' | 'docCount' | 'nodeCount' | 'entryCount' | 'termsBytes' | 'labelsBytes',
    number
  >;
  const align = (n: number) => Math.ceil(n / 4) * 4;
  const docs = align(12 + headerLength) + (counts.termCount + 1) * 4;
  const values =
    align(docs + counts.postingCount * 4 + counts.docCount * 4) + counts.termCount * 4 + (counts.nodeCount + 1) * 4;
  return { counts, docs, values };
}

const QUERIES = [
  'xLSTM',
  'landmark atten',
  'quantizaton',
  'sub-graph',
  'graph neural network',
  'title:hawq',
  'has:code year:2023',
  'tr',
];

describe('the index cache', () => {
  it('gives back an index that answers exactly like the one it was made from', async () => {
    const { library, index } = await bundledCorpus();
    const restored = await loadIndexAsync(library, index.toCache());
    assert.ok(restored);
    for (const q of QUERIES) {
      const strip = (r: ReturnType<PaperIndex['search']>) =>
        r.hits.map((h) => [h.paper.id, h.score.toFixed(6), [...h.terms].sort().join()]);
      assert.deepEqual(strip(restored.search(q)), strip(index.search(q)), q);
    }
  });

  it('is refused for another corpus', async () => {
    const { index } = await bundledCorpus();
    const other = buildLibrary([
      {
        id: 'x',
        name: 'x',
        parsed: parseCorpus('A Title\nAn abstract that is long enough to read as one, with words in it.'),
      },
    ]);
    assert.equal(await loadIndexAsync(other, index.toCache()), undefined);
  });

  it('is refused when damaged, cut short, empty or random', async () => {
    const { library, index } = await bundledCorpus();
    const bytes = index.toCache();
    const key = index.cacheKey;
    const damaged: Uint8Array[] = [
      new Uint8Array(),
      bytes.subarray(0, 11),
      bytes.subarray(0, bytes.length - 1),
      bytes.subarray(0, bytes.length >> 1),
      Uint8Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256),
      new Uint8Array([...bytes, 0]),
    ];
    const flipped = bytes.slice();
    flipped[4] ^= 0xff;
    damaged.push(flipped);
    const header = bytes.slice();
    header[20] = 0x7b;
    damaged.push(header);
    const { counts, docs, values } = blocks(bytes);
    // A posting of a document that does not exist.
    const posting = bytes.slice();
    new DataView(posting.buffer).setUint32(docs, 0xffffffff, true);
    damaged.push(posting);
    // A dictionary entry (the last one ends a term) naming a term that does not exist.
    const dictionary = bytes.slice();
    new DataView(dictionary.buffer).setUint32(values + (counts.entryCount - 1) * 4, counts.termCount, true);
    damaged.push(dictionary);
    // An edge of the root (its first entry) leading back to the root: a lookup would go round forever.
    const cycle = bytes.slice();
    new DataView(cycle.buffer).setUint32(values, 0, true);
    damaged.push(cycle);
    for (const [i, b] of damaged.entries()) {
      assert.equal(decodeIndexCache(b, key), undefined, `case ${i}`);
      assert.equal(await loadIndexAsync(library, b), undefined, `case ${i}`);
    }
  });

  it('reads a cache whose bytes do not start on a 4-byte boundary', async () => {
    const { library, index } = await bundledCorpus();
    const bytes = index.toCache();
    const shifted = new Uint8Array(bytes.length + 1).subarray(1);
    shifted.set(bytes);
    assert.ok(decodeIndexCache(shifted, index.cacheKey));
    assert.ok(await loadIndexAsync(library, shifted));
  });

  it('is keyed by each paper’s id, title and abstract, and by where one abstract ends and the next begins', () => {
    const keyOf = (papers: IndexedText[]) => {
      const digest = new CorpusDigest();
      digest.add(papers.slice(0, 1));
      digest.add(papers.slice(1));
      return digest.key('settings');
    };
    const base: IndexedText[] = [
      { id: 'a', title: 'First', abstract: 'one two' },
      { id: 'b', abstract: 'three' },
    ];
    const variants: IndexedText[][] = [
      [
        { id: 'a', title: 'First', abstract: 'one tw' },
        { id: 'b', abstract: 'othree' },
      ],
      [
        { id: 'a', title: 'First', abstract: 'one two' },
        { id: 'b', abstract: 'three', title: '' },
      ],
      [
        { id: 'a', title: 'Firs', abstract: 'tone two' },
        { id: 'b', abstract: 'three' },
      ],
      [
        { id: 'a', title: 'First', abstract: 'one two' },
        { id: 'c', abstract: 'three' },
      ],
      [
        { id: 'b', abstract: 'three' },
        { id: 'a', title: 'First', abstract: 'one two' },
      ],
      [
        { id: 'a', title: 'First', abstract: 'one twö' },
        { id: 'b', abstract: 'three' },
      ],
    ];
    assert.equal(keyOf(base), keyOf(base.map((p) => ({ ...p }))));
    const keys = new Set([keyOf(base), ...variants.map(keyOf)]);
    // An empty title and none are the same text to index: only that variant may share the key.
    assert.equal(keys.size, variants.length);
    assert.equal(keyOf(variants[1]), keyOf(base));
  });

  it('packs its terms into one string that reads back as the same list, in the same order', () => {
    const term = fc.string({ unit: fc.constantFrom('a', 'b', 'é', '€', '𝛼', '-', '0'), maxLength: 5 });
    fc.assert(
      fc.property(fc.array(term, { maxLength: 30 }), (list) => {
        const packed = TermList.from(list);
        assert.deepEqual(
          Array.from({ length: packed.length }, (_, id) => packed.get(id)),
          list,
        );
        for (let a = 0; a < list.length; a++) {
          for (let b = 0; b < list.length; b++) {
            assert.equal(
              packed.compare(a, b),
              list[a] < list[b] ? -1 : list[a] > list[b] ? 1 : 0,
              `${list[a]} vs ${list[b]}`,
            );
          }
        }
        const text = new TextDecoder().decode(new TextEncoder().encode(packed.text));
        // Two ends a step, so that a list of a few terms is checked across several steps.
        const of = (t: string, ends: Uint32Array) => runSteps(TermList.ofSteps(t, ends, 2));
        assert.deepEqual(of(text, packed.ends.slice()), packed);
        assert.equal(of(`${text}x`, packed.ends), undefined, 'text longer than its terms');
        if (text.length > 0) {
          assert.equal(of(text.slice(1), packed.ends), undefined, 'text shorter than its terms');
        }
        for (let id = 1; id < list.length; id++) {
          if (packed.ends[id - 1] > 0) {
            const ends = packed.ends.slice();
            ends[id] = ends[id - 1] - 1;
            assert.equal(of(text, ends), undefined, `ends that go back at term ${id}`);
          }
        }
      }),
    );
  });

  it('decodes UTF-8 a slice at a time as a fatal TextDecoder decodes it whole, characters split between slices included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.integer({ min: 1, max: 9 }), (text, slice) => {
        const bytes = new TextEncoder().encode(text);
        assert.deepEqual(stepsOf(utf8Steps(bytes, slice)), { value: text, yields: Math.ceil(bytes.length / slice) });
      }),
    );
    const invalid = [[0x80], [0x61, 0xe2, 0x82], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xff, 0x61]];
    for (const bytes of invalid) {
      for (const slice of [1, 2, 4]) {
        assert.throws(() => runSteps(utf8Steps(Uint8Array.from(bytes), slice)), TypeError, `${bytes} by ${slice}`);
      }
    }
  });

  it('copies bytes that are not on a 4-byte boundary a slice at a time, and takes those that are as they are', () => {
    const bytes = Uint8Array.from({ length: 1001 }, (_, i) => (i * 31) % 256);
    const shifted = new Uint8Array(bytes.length + 1).subarray(1);
    shifted.set(bytes);
    const copied = stepsOf(alignedSteps(shifted, 100));
    assert.equal(copied.value.byteOffset % 4, 0);
    assert.deepEqual(copied, { value: bytes, yields: 11 });
    const taken = stepsOf(alignedSteps(bytes, 100));
    assert.equal(taken.value, bytes);
    assert.equal(taken.yields, 0);
  });

  it('loads a large cache in many steps: its terms, labels, postings and documents each checked or decoded in slices', () => {
    // 200,000 documents of three title words each, among 150,000 distinct words: most parts span several slices.
    const builder = new TermIndexBuilder();
    for (let doc = 0; doc < 200_000; doc++) {
      builder.add([[0, 1, 2].map((k) => `word${(doc * 7919 + k * 50_000) % 150_000}`), []]);
    }
    const bytes = encodeIndexCache(builder.finish(), 'key');
    const { value, yields } = stepsOf(decodeIndexCacheSteps(bytes, 'key'));
    assert.equal(value?.docCount, 200_000);
    const { counts } = blocks(bytes);
    // A step for each slice of each part, at the decode's slice sizes: were any part done in one go, there would be fewer.
    const slices = (n: number, size: number) => Math.ceil(n / size);
    const least =
      slices(counts.termsBytes, 1 << 18) +
      slices(counts.termCount, 1 << 16) +
      slices(counts.labelsBytes, 1 << 18) +
      slices(counts.termCount + 1, 1 << 19) +
      slices(counts.postingCount, 1 << 19) +
      slices(counts.nodeCount, 1 << 15) +
      2 * slices(counts.docCount * 2, 1 << 17);
    assert.ok(yields >= least, `${yields} yields, ${least} slices`);
  });
});

/** Runs steps to their end: what they return, and how many times they yielded on the way. */
function stepsOf<T>(steps: Generator<void, T>): { value: T; yields: number } {
  let yields = 0;
  for (;;) {
    const step = steps.next();
    if (step.done) {
      return { value: step.value, yields };
    }
    yields++;
  }
}
