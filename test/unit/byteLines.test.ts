import * as assert from 'node:assert/strict';
import { ByteLineSplitter } from '../../src/core/formats/byteLines';

interface Split {
  lines: { text: string; line: number }[];
  long: { length: number; line: number }[];
  copiedBytes: number;
}

/** Splits `bytes` pushed in chunks cut at `cuts` (byte offsets), decoding each line as it comes. */
function split(bytes: Uint8Array, cuts: readonly number[], maxLineBytes?: number): Split {
  const out: Split = { lines: [], long: [], copiedBytes: 0 };
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const splitter = new ByteLineSplitter(
    {
      line: (b, line) => out.lines.push({ text: decoder.decode(b), line }),
      longLine: (length, line) => out.long.push({ length, line }),
    },
    maxLineBytes === undefined ? {} : { maxLineBytes },
  );
  let start = 0;
  for (const cut of [...cuts, bytes.length]) {
    splitter.push(bytes.subarray(start, cut));
    start = cut;
  }
  splitter.end();
  out.copiedBytes = splitter.copiedBytes;
  return out;
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const texts = (s: Split) => s.lines.map((l) => l.text);

describe('ByteLineSplitter', () => {
  it('gives the same lines wherever the chunks are cut', () => {
    const bytes = utf8('first\nsecond line\n\nfourth');
    const whole = split(bytes, []);
    assert.deepEqual(texts(whole), ['first', 'second line', '', 'fourth']);
    for (let cut = 1; cut < bytes.length; cut++) {
      assert.deepEqual(split(bytes, [cut]).lines, whole.lines, `cut at ${cut}`);
    }
    assert.deepEqual(split(bytes, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]).lines, whole.lines);
  });

  it('joins a UTF-8 character cut between two chunks', () => {
    const bytes = utf8('Balázs 😀\nnext');
    const at = bytes.indexOf(0xc3) + 1;
    const emoji = bytes.indexOf(0xf0);
    const s = split(bytes, [at, emoji + 1, emoji + 3]);
    assert.deepEqual(texts(s), ['Balázs 😀', 'next']);
  });

  it('ends a line at CRLF, with the CR cut from it even when the chunks part the two', () => {
    const bytes = utf8('one\r\ntwo\r\nthree');
    assert.deepEqual(texts(split(bytes, [])), ['one', 'two', 'three']);
    assert.deepEqual(texts(split(bytes, [4])), ['one', 'two', 'three']);
  });

  it('hands over a last line that has no line break (a truncated download), and no line after a final one', () => {
    assert.deepEqual(texts(split(utf8('{"id":"1"}\n{"id":"2'), [])), ['{"id":"1"}', '{"id":"2']);
    assert.deepEqual(texts(split(utf8('a\nb\n'), [])), ['a', 'b']);
    assert.deepEqual(texts(split(utf8(''), [])), []);
  });

  it('numbers lines from 1, empty lines included', () => {
    const s = split(utf8('a\n\n\nd'), [2]);
    assert.deepEqual(
      s.lines.map((l) => l.line),
      [1, 2, 3, 4],
    );
  });

  it('copies a 10 MB line across chunks in work proportional to its length', () => {
    const chunk = 64 * 1024;
    const work = (length: number) => {
      const bytes = new Uint8Array(length + 4).fill(0x61);
      bytes[length] = 0x0a;
      const cuts = [];
      for (let at = chunk; at < bytes.length; at += chunk) {
        cuts.push(at);
      }
      const s = split(bytes, cuts);
      assert.equal(s.lines[0].text.length, length);
      return s.copiedBytes;
    };
    const small = work(2.5 * 1024 * 1024);
    const large = work(10 * 1024 * 1024);
    assert.ok(large <= 2 * 10 * 1024 * 1024 + 2 * chunk, `copied ${large} bytes for a 10 MB line`);
    assert.ok(large <= 4.1 * small, `4× the line, ${(large / small).toFixed(2)}× the copying`);
  });

  it('drops a line over the limit without keeping it, and reads the lines after it', () => {
    const bytes = utf8(`short\n${'x'.repeat(1000)}\r\nafter\n`);
    const cuts = [10, 100, 500, 900];
    const s = split(bytes, cuts, 100);
    assert.deepEqual(texts(s), ['short', 'after']);
    assert.deepEqual(s.long, [{ length: 1000, line: 2 }]);
    assert.ok(s.copiedBytes < 300, `copied ${s.copiedBytes} bytes of a line it drops`);
    assert.deepEqual(split(utf8(`${'x'.repeat(100)}\r\n`), [50, 101], 100).lines.length, 1);
  });
});
