import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { bytesSource, type ByteSource } from '../../src/core/formats/byteSource';
import { nodeFileSource } from '../../src/core/formats/nodeFileSource';

/** Every chunk copied as it comes (a source may reuse its buffer), and the largest chunk. */
async function collect(source: ByteSource): Promise<{ bytes: Buffer; chunks: number; largest: number }> {
  const copies: Buffer[] = [];
  let largest = 0;
  for await (const chunk of source.chunks()) {
    copies.push(Buffer.from(chunk));
    largest = Math.max(largest, chunk.length);
  }
  return { bytes: Buffer.concat(copies), chunks: copies.length, largest };
}

describe('byte sources', () => {
  let dir: string;
  before(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'papers-source-'));
  });
  after(() => fs.rm(dir, { recursive: true, force: true }));

  it('streams a local file in chunks of at most the chunk size, every byte once, with its size known first', async () => {
    const file = path.join(dir, 'data.bin');
    const data = Buffer.from(Array.from({ length: 3500 }, (_, i) => i % 251));
    await fs.writeFile(file, data);
    const source = await nodeFileSource(file, 1000);
    assert.equal(source.size, 3500);
    const read = await collect(source);
    assert.deepEqual(read.bytes, data);
    assert.equal(read.chunks, 4);
    assert.equal(read.largest, 1000);
  });

  it('reads an empty file as no chunks, and rejects a missing one with its error code', async () => {
    const empty = path.join(dir, 'empty.txt');
    await fs.writeFile(empty, '');
    assert.equal((await collect(await nodeFileSource(empty))).chunks, 0);
    await assert.rejects(nodeFileSource(path.join(dir, 'missing.txt')), { code: 'ENOENT' });
  });

  it('hands out bytes in memory as the same chunks', async () => {
    const data = new Uint8Array(2500).fill(7);
    const read = await collect(bytesSource(data, 1000));
    assert.deepEqual(new Uint8Array(read.bytes), data);
    assert.equal(read.chunks, 3);
  });
});
