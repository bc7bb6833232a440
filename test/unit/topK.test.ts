import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { topK, topKByKeys } from '../../src/core/util/topK';

/** Keys from a small range, so that many tie. */
const keyList = fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 60 });

describe('top k', () => {
  it('keeps the k highest keys, best first, ties broken by the order given, as a full sort would', () => {
    fc.assert(
      fc.property(keyList, fc.integer({ min: 0, max: 70 }), (keys, k) => {
        const items = keys.map((_, i) => i);
        const sorted = [...items].sort((a, b) => keys[b] - keys[a] || a - b).slice(0, k);
        assert.deepEqual(
          topK(
            items,
            (i) => keys[i],
            k,
            (a, b) => a - b,
          ),
          sorted,
        );
        assert.deepEqual(
          topKByKeys(Uint32Array.from(items), Float64Array.from(keys), k, (a, b) => a - b),
          sorted,
        );
      }),
    );
  });

  it('chooses among ties the same way whether the keys come from a function or an array', () => {
    fc.assert(
      fc.property(keyList, fc.integer({ min: 0, max: 70 }), (keys, k) => {
        // Items in another order than their numbers and no tie-breaker: which of equal keys are kept depends on the heap's work,
        // which must be the same in both.
        const items = keys.map((_, i) => keys.length - 1 - i);
        const byKey = new Map(items.map((item, i) => [item, keys[i]]));
        assert.deepEqual(
          topKByKeys(items, keys, k),
          topK(items, (item) => byKey.get(item)!, k),
        );
      }),
    );
  });
});
