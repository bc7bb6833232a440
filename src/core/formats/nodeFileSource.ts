import { promises as fs } from 'node:fs';
import { CHUNK_BYTES, type ByteSource } from './byteSource';

/**
 * A local file streamed from disk with Node's `fs`, one buffer reused for every chunk: memory stays at one chunk
 * whatever the file's size (the arXiv snapshot is ~4.5 GB, past Node's largest Buffer and string), and reading
 * makes no garbage. `vscode.workspace.fs` only reads whole files, so this serves `file:` paths only.
 *
 * `size` is the size when the source was made; the file is read to its end as it is then. Errors (`ENOENT`,
 * `EACCES`, `EISDIR`) reject the iteration with Node's error, whose `code` says which.
 */
export async function nodeFileSource(path: string, chunkBytes = CHUNK_BYTES): Promise<ByteSource> {
  const { size } = await fs.stat(path);
  return {
    size,
    async *chunks() {
      const handle = await fs.open(path, 'r');
      try {
        const buffer = new Uint8Array(chunkBytes);
        for (;;) {
          const { bytesRead } = await handle.read(buffer, 0, chunkBytes, null);
          if (bytesRead === 0) {
            return;
          }
          yield buffer.subarray(0, bytesRead);
        }
      } finally {
        await handle.close();
      }
    },
  };
}
