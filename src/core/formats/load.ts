import { decodeCorpusBytesSteps } from './decode';
import type { LibraryFile, UnreadableFile } from '../library/merge';
import { parseCorpusSteps } from './parse';

/** Decodes and parses one file's bytes, in slices between which a caller can yield; a file that cannot be decoded says why. */
export function* readCorpusFileSteps(
  id: string,
  name: string,
  bytes: Uint8Array,
): Generator<void, LibraryFile | UnreadableFile> {
  const decoded = yield* decodeCorpusBytesSteps(bytes);
  if (!decoded.ok) {
    return { id, problem: { line: 1, message: decoded.reason } };
  }
  yield;
  return { id, name, parsed: yield* parseCorpusSteps(decoded.pieces) };
}
