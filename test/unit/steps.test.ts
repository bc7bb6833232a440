import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { runSteps, sortSteps } from '../../src/core/util/steps';

describe('sortSteps', () => {
  it('sorts as a stable Array.prototype.sort does', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ key: fc.integer({ min: 0, max: 20 }), at: fc.nat() })), (items) => {
        const compare = (a: { key: number }, b: { key: number }) => a.key - b.key;
        assert.deepEqual(runSteps(sortSteps(items, compare)), [...items].sort(compare));
      }),
    );
  });

  it('yields as it goes: a long sort is many short steps', () => {
    const items = Array.from({ length: 100_000 }, (_, i) => (i * 7919) % 100_003);
    const steps = sortSteps(items, (a, b) => a - b);
    let yields = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) {
      yields++;
    }
    assert.deepEqual(
      step.value,
      [...items].sort((a, b) => a - b),
    );
    // Seventeen passes of 100,000 moves, a yield every 20,000.
    assert.ok(yields >= 17 * 4, `${yields} yields`);
  });
});
