import { createHash } from 'node:crypto';

/**
 * The version of what a library is made from its files: parsing, merging, generated citation keys. A change to any
 * of them changes it, so that nothing keyed by a library's key (the index cache, the merge plan) outlives it.
 */
const LIBRARY_VERSION = 1;

/**
 * The key of the library merged from `files` (`Library.key`): a SHA-256 of each file's id, collection name and
 * `contentKey`, in order. Undefined if a file has no content key (a snapshot read without kept records): its
 * content is then named by nothing short of its papers.
 */
export function libraryKey(
  files: readonly { readonly id: string; readonly name: string; readonly contentKey?: string }[],
): string | undefined {
  if (files.some((f) => f.contentKey === undefined)) {
    return undefined;
  }
  return createHash('sha256')
    .update(JSON.stringify([LIBRARY_VERSION, files.map((f) => [f.id, f.name, f.contentKey])]))
    .digest('hex');
}
