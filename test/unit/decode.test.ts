import * as assert from 'node:assert/strict';
import { decodeCorpusBytesSteps } from '../../src/core/formats/decode';
import { runSteps } from '../../src/core/util/steps';

const decodeCorpusBytes = (bytes: Uint8Array) => runSteps(decodeCorpusBytesSteps(bytes));

const TEXT = 'Title One\nAn abstract that says something about a paper.';

/** The decoded text as one string and the encoding, or why it could not be decoded. */
function decode(bytes: Uint8Array) {
  const result = decodeCorpusBytes(bytes);
  return result.ok ? { ok: true, encoding: result.encoding, text: result.pieces.join('') } : result;
}

function utf16(text: string, bigEndian: boolean, bom: boolean): Uint8Array {
  const bytes: number[] = bom ? (bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]) : [];
  for (const c of text) {
    const code = c.charCodeAt(0);
    bytes.push(...(bigEndian ? [code >> 8, code & 0xff] : [code & 0xff, code >> 8]));
  }
  return Uint8Array.from(bytes);
}

describe('decodeCorpusBytes', () => {
  it('reads UTF-8 and drops a BOM', () => {
    const result = decode(new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(TEXT)]));
    assert.deepEqual(result, { ok: true, encoding: 'utf-8', text: TEXT });
  });

  for (const bigEndian of [false, true]) {
    for (const bom of [true, false]) {
      it(`reads UTF-16 ${bigEndian ? 'BE' : 'LE'} ${bom ? 'with' : 'without'} a BOM`, () => {
        const result = decode(utf16(TEXT, bigEndian, bom));
        assert.ok(result.ok);
        assert.equal(result.text, TEXT);
      });
    }
  }

  it('reports an empty file', () => {
    assert.deepEqual(decode(new Uint8Array()), { ok: false, reason: 'the file is empty' });
  });

  it('reports a NUL-filled file as binary', () => {
    const result = decode(new Uint8Array(4096));
    assert.equal(result.ok, false);
  });

  it('reports a binary file', () => {
    const bytes = Uint8Array.from({ length: 2048 }, (_, i) => (i * 37) % 256);
    assert.equal(decode(bytes).ok, false);
  });

  it('reports invalid UTF-8 instead of turning it into replacement characters', () => {
    const result = decode(new Uint8Array([...Buffer.from('Caf'), 0xe9, ...Buffer.from(' and more text here')]));
    assert.deepEqual(result, { ok: false, reason: 'the file is not valid UTF-8 text' });
  });

  it('blanks the odd stray control character but keeps the text', () => {
    const result = decode(Buffer.from(`${TEXT}\u0007 more words follow here to make it long enough`));
    assert.ok(result.ok);
    assert.ok(!result.text.includes('\u0007'));
  });

  it('reads a file of several megabytes a chunk at a time, whatever characters straddle the chunks', () => {
    // Every length of character, and a surrogate pair, cut at each of the first three 1 MiB boundaries.
    const text = `${TEXT}\u0007\n${'é€𝛼 Schrödinger-Bellman '.repeat(150_000)}\u0007`;
    const cases: [Uint8Array, 'utf-8' | 'utf-16le'][] = [
      [Buffer.from(text, 'utf8'), 'utf-8'],
      [Buffer.from(`\ufeff${text}`, 'utf16le'), 'utf-16le'],
    ];
    for (const [bytes, encoding] of cases) {
      assert.ok(bytes.length > 3 * 1024 * 1024);
      const result = decode(bytes);
      assert.deepEqual(result, { ok: true, encoding, text: text.replace(/\u0007/g, ' ') }, encoding);
      const pieces = decodeCorpusBytes(bytes);
      assert.ok(pieces.ok && pieces.pieces.length > 3, 'in pieces, never joined into one string');
    }
    const cutShort = Buffer.from(`${text}é`, 'utf8').subarray(0, -1);
    assert.deepEqual(decode(cutShort), { ok: false, reason: 'the file is not valid UTF-8 text' });
  });
});
