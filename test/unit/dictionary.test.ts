import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import SearchableMap from 'minisearch/SearchableMap';
import { dictionarySteps, TermDictionary, validDictionarySteps } from '../../src/core/search/engine/dictionary';
import { runSteps } from '../../src/core/util/steps';

/** Distinct terms from a small alphabet, so that they share prefixes and lie within a typo of each other. */
const terms = fc.uniqueArray(
  fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'é', '𝛼', '2'), minLength: 1, maxLength: 7 }),
  { maxLength: 80 },
);
const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'é', '𝛼', '2'), maxLength: 6 });

/** Term ids that start with a prefix, by SearchableMap walking its own Maps. */
function prefixIds(map: SearchableMap<number>, prefix: string): number[] {
  return [...map.atPrefix(prefix).values()].sort((a, b) => a - b);
}

describe('the flat term dictionary', () => {
  it('answers exact, prefix and typo lookups as MiniSearch’s SearchableMap over its own Maps does', () => {
    fc.assert(
      fc.property(terms, fc.array(word, { maxLength: 8 }), fc.integer({ min: 0, max: 2 }), (list, words, distance) => {
        const map = new SearchableMap<number>();
        list.forEach((term, id) => map.set(term, id));
        const flat = runSteps(dictionarySteps(list, 7));
        assert.ok(runSteps(validDictionarySteps(flat, list.length)));
        const dictionary = new TermDictionary(flat);
        for (const query of [...words, ...list.slice(0, 5)]) {
          assert.equal(dictionary.termId(query), map.get(query), `termId(${query})`);
          assert.deepEqual(
            [...dictionary.prefixTerms(query)].sort((a, b) => a - b),
            prefixIds(map, query),
            `prefixTerms(${query})`,
          );
          assert.deepEqual(
            dictionary.fuzzyTerms(query, distance),
            [...map.fuzzyGet(query, distance).values()],
            `fuzzyTerms(${query}, ${distance})`,
          );
        }
      }),
    );
  });

  it('finds every term by its text, and no other', () => {
    const list = ['graph', 'graphs', 'grapheme', 'gravity', 'xlstm', 'xlstmtime', 'a'];
    const dictionary = new TermDictionary(runSteps(dictionarySteps(list)));
    list.forEach((term, id) => assert.equal(dictionary.termId(term), id, term));
    for (const missing of ['', 'g', 'grap', 'graphe', 'xlst', 'b']) {
      assert.equal(dictionary.termId(missing), undefined, missing);
    }
    assert.deepEqual(
      dictionary
        .prefixTerms('grap')
        .map((id) => list[id])
        .sort(),
      ['graph', 'grapheme', 'graphs'],
    );
  });

  it('refuses arrays that do not make a tree a lookup can walk to its end', () => {
    const flat = runSteps(dictionarySteps(['graph', 'graphs', 'gravity']));
    const valid = (changes: Partial<typeof flat>) => runSteps(validDictionarySteps({ ...flat, ...changes }, 3));
    const changed = (array: Uint32Array, at: number, value: number) => {
      const copy = array.slice();
      copy[at] = value;
      return copy;
    };
    assert.ok(valid({}));
    const last = flat.values.length - 1;
    assert.equal(valid({ values: changed(flat.values, last, 3) }), false, 'a term id beyond the terms');
    assert.equal(valid({ values: changed(flat.values, 0, 0) }), false, 'an edge back to the root');
    assert.equal(
      valid({ values: changed(flat.values, 0, flat.nodeStarts.length) }),
      false,
      'an edge to a node that does not exist',
    );
    assert.equal(valid({ labels: flat.labels.slice(1) }), false, 'labels cut short');
    assert.equal(
      valid({ labelEnds: changed(flat.labelEnds, 0, flat.labels.length + 1) }),
      false,
      'a label past the end',
    );
    assert.equal(
      valid({ nodeStarts: changed(flat.nodeStarts, 1, flat.values.length + 1) }),
      false,
      'a node past the entries',
    );
    assert.equal(valid({ nodeStarts: new Uint32Array(0) }), false, 'no root');
  });
});
