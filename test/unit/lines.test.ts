import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { splitLinesSteps } from '../../src/core/formats/lines';
import { runSteps } from '../../src/core/util/steps';

const MB = 1 << 20;

/** Runs the splitter to its end and counts its steps (the yields between which it works). */
function countSteps(pieces: readonly string[], maxLength: number) {
  const steps = splitLinesSteps(pieces, maxLength, (text, number) => ({ text, number }));
  for (let count = 0; ; count++) {
    const step = steps.next();
    if (step.done) {
      return { count, ...step.value };
    }
  }
}

/** A file of `before`, one line of `giant` characters and `after`, cut into pieces of a megabyte as the decoder cuts it. */
function fileWithGiantLine(giant: number): string[] {
  const text = `before\n${'giant words '.repeat(Math.ceil(giant / 12)).slice(0, giant)}\nafter`;
  const pieces: string[] = [];
  for (let start = 0; start < text.length; start += MB) {
    pieces.push(text.slice(start, start + MB));
  }
  return pieces;
}

describe('splitLinesSteps', () => {
  it('splits pieces cut anywhere, even inside a CRLF, as String.split splits the whole', () => {
    const token = fc.constantFrom('a', 'word ', 'é', '\n', '\r\n', '\r', '\n\n', 'x'.repeat(9));
    const text = fc.array(token, { maxLength: 30 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, fc.array(fc.nat(), { maxLength: 6 }), fc.nat({ max: 12 }), (whole, cuts, maxLength) => {
        const at = [...new Set(cuts.map((c) => c % (whole.length + 1)))].sort((a, b) => a - b);
        const pieces = [0, ...at].map((start, i) => whole.slice(start, [...at, whole.length][i]));
        const all = whole.split(/\r\n|\r|\n/).map((text, i) => ({ text, number: i + 1 }));
        const { lines, long } = runSteps(splitLinesSteps(pieces, maxLength, (text, number) => ({ text, number })));
        assert.deepEqual(
          lines,
          all.filter((l) => l.text.length <= maxLength),
        );
        assert.deepEqual(
          long,
          all.filter((l) => l.text.length > maxLength).map((l) => ({ number: l.number, length: l.text.length })),
        );
      }),
      { numRuns: 500 },
    );
  });

  it('works in proportion to the length of a giant line, not its square, and does not keep it', () => {
    const short = countSteps(fileWithGiantLine(8 * MB), 30_000);
    const long = countSteps(fileWithGiantLine(32 * MB), 30_000);
    for (const run of [short, long]) {
      assert.deepEqual(
        run.lines.map((l) => l.text),
        ['before', 'after'],
      );
    }
    assert.deepEqual(long.long, [{ number: 2, length: 32 * MB }]);
    // Each step looks at about a megabyte: a line four times longer takes about four times the steps.
    assert.ok(short.count >= 8 && short.count <= 10, `${short.count} steps for 8 MB`);
    assert.ok(long.count <= short.count * 4 + 2, `${long.count} steps for 32 MB against ${short.count} for 8 MB`);
  });

  it('yields every couple of thousand lines, however short they are', () => {
    const { count, lines } = countSteps(['a\n'.repeat(10_000)], 10);
    assert.equal(lines.length, 10_001);
    assert.ok(count >= 5 && count <= 6, `${count} steps`);
  });
});
