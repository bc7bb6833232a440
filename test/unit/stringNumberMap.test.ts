import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { StringNumberMap } from '../../src/core/util/stringNumberMap';

describe('StringNumberMap', () => {
  it('answers as a Map of kind and key does, for any sets and gets', () => {
    const operation = fc.record({
      key: fc.constantFrom('', 'a', 'b', 'ab', 'ba', 'paper', 'papera', '2401.00001', '10.1/x'),
      kind: fc.integer({ min: 0, max: 3 }),
      value: fc.option(fc.integer({ min: -5, max: 1_000_000 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 60 }), (operations) => {
        const map = new StringNumberMap(operations.length);
        const expected = new Map<string, number>();
        for (const { key, kind, value } of operations) {
          if (value === undefined) {
            assert.equal(map.get(key, kind), expected.get(`${kind}:${key}`));
            assert.equal(map.has(key, kind), expected.has(`${kind}:${key}`));
          } else {
            map.set(key, value, kind);
            expected.set(`${kind}:${key}`, value);
          }
        }
        assert.equal(map.size, expected.size);
      }),
    );
  });

  it('holds as many keys as it was made for, and says so past them without losing one', () => {
    const map = new StringNumberMap(100_000);
    for (let i = 0; i < 100_000; i++) {
      map.set(`key${i}`, i);
    }
    map.set('key7', -7);
    assert.throws(() => map.set('one more', 1), RangeError);
    assert.equal(map.size, 100_000);
    assert.equal(map.get('key7'), -7);
    assert.equal(map.get('key99999'), 99_999);
    assert.equal(map.get('one more'), undefined);
  });
});
