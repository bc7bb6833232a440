import * as assert from 'node:assert/strict';
import { TermIndexBuilder, type TermIndex, type WordMatches } from '../../src/core/search/engine/termIndex';
import { FIELD_BOOST } from '../../src/core/search/engine/settings';

/** More documents than several of `score`'s blocks hold, so that every word's postings span blocks. */
const DOCS = 30_000;
const VOCABULARY = ['con', 'context', 'contrast', 'control', 'convex', 'graph', 'rare', 'title', 'model', 'data'];

/** Documents whose terms come from a small vocabulary, some common and some rare, the same at every run. */
function index(): TermIndex {
  let seed = 42;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const builder = new TermIndexBuilder();
  for (let doc = 0; doc < DOCS; doc++) {
    const pick = (count: number) =>
      Array.from({ length: count }, () => VOCABULARY[Math.floor(next() ** 2 * (VOCABULARY.length - 1))]);
    const abstract = pick(5 + Math.floor(next() * 20));
    // One document in a thousand has the rare word: too few for a pass over the whole library to find them.
    builder.add([pick(1 + Math.floor(next() * 4)), doc % 1000 === 7 ? [...abstract, 'rare'] : abstract]);
  }
  return builder.finish();
}

function word(terms: TermIndex, names: readonly string[], fuzzy = false): WordMatches {
  return {
    terms: names.map((name, i) => ({ termId: terms.termId(name)!, weight: 1 / (i + 1), ...(fuzzy && { fuzzy }) })),
    fieldBoost: FIELD_BOOST.any,
  };
}

describe('scoring the postings of a query', () => {
  const terms = index();

  it('adds up each document’s terms in the terms’ order, block after block, as scoring each alone and summing does', () => {
    const names = ['context', 'contrast', 'control', 'convex', 'con'];
    const alone = names.map((name, i) => {
      const scored = terms.score([{ ...word(terms, [name]), terms: [word(terms, names).terms[i]] }]);
      const scores = new Map(Array.from(scored.docs, (doc) => [doc, scored.score(doc)]));
      terms.reset(scored);
      return scores;
    });
    const scored = terms.score([word(terms, names)]);
    try {
      assert.ok(scored.docs.length > DOCS / 2);
      for (const doc of scored.docs) {
        // The same floating point additions in the same order give the very same sum, not just a close one.
        const expected = alone.reduce((sum, scores) => sum + (scores.get(doc) ?? 0), 0);
        assert.equal(scored.score(doc), expected, `document ${doc}`);
      }
    } finally {
      terms.reset(scored);
    }
  });

  it('lists the matched documents in ascending order, whether a few (sorted) or most of the library (one pass)', () => {
    for (const names of [['rare'], ['context', 'data', 'model']]) {
      const scored = terms.score([word(terms, names)]);
      try {
        const expected = new Set<number>();
        for (const name of names) {
          const id = terms.termId(name)!;
          for (let p = terms.data.offsets[id]; p < terms.data.offsets[id + 1]; p++) {
            expected.add(terms.data.docs[p]);
          }
        }
        assert.deepEqual(
          Array.from(scored.docs),
          [...expected].sort((a, b) => a - b),
          names.join(' '),
        );
      } finally {
        terms.reset(scored);
      }
    }
  });

  it('marks which words each document matched, and by a typo or not, and forgets it all at reset', () => {
    const words = [word(terms, ['graph']), word(terms, ['convex'], true)];
    const scored = terms.score(words);
    const graph = terms.termId('graph')!;
    const convex = terms.termId('convex')!;
    for (const doc of scored.docs) {
      const mask = (terms.contains(graph, doc) ? 1 : 0) | (terms.contains(convex, doc) ? 2 : 0);
      assert.equal(scored.mask(doc), mask);
      assert.equal(scored.exactMask(doc), mask & 1);
    }
    const rare = terms.termId('rare')!;
    const other = scored.docs.find((doc) => !terms.contains(rare, doc))!;
    terms.reset(scored);
    const again = terms.score([word(terms, ['rare'])]);
    try {
      for (const doc of again.docs) {
        assert.equal(again.mask(doc), 1);
        assert.equal(again.score(doc) > 0, true);
      }
      assert.equal(again.mask(other), 0);
      assert.equal(again.score(other), 0);
    } finally {
      terms.reset(again);
    }
  });
});
