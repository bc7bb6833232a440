import { decodeCorpusBytes } from './decode';
import type { LibraryFile, UnreadableFile } from './library';
import { parseCorpus } from './parse';

/** Files above this size are not read: no abstracts file comes near it, and reading one would stall the host. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** Decodes and parses one file's bytes; a file that cannot be decoded says why. */
export function readCorpusFile(id: string, name: string, bytes: Uint8Array): LibraryFile | UnreadableFile {
  const decoded = decodeCorpusBytes(bytes);
  if (!decoded.ok) {
    return { id, problem: { line: 1, message: decoded.reason } };
  }
  return { id, name, parsed: parseCorpus(decoded.text) };
}
