/**
 * Bytes that arrive in chunks: a local file streamed from disk, or bytes already in memory (a file a virtual
 * workspace could only read whole). Every streamable format reads from one, so none of them needs to know which.
 */
export interface ByteSource {
  /** The number of bytes in all, when known beforehand (progress estimates use it). */
  readonly size?: number;
  /**
   * The bytes in order, a chunk at a time. A chunk is only valid until the next one is asked for: the source may
   * reuse its buffer, so a reader copies what it keeps.
   */
  chunks(): AsyncIterable<Uint8Array>;
}

/** A chunk of about a megabyte: large enough that reading costs little per byte, small enough to yield often. */
export const CHUNK_BYTES = 1 << 20;

/** Bytes already in memory, handed out in chunks of `chunkBytes` as a file would be. */
export function bytesSource(bytes: Uint8Array, chunkBytes = CHUNK_BYTES): ByteSource {
  return {
    size: bytes.length,
    async *chunks() {
      for (let start = 0; start < bytes.length; start += chunkBytes) {
        yield bytes.subarray(start, start + chunkBytes);
      }
    },
  };
}
