import type { FileProblem } from '../model/paper';

/**
 * What merging decided for one library (`merge.ts`), so that merging the same files again replays it: every entry's
 * paper, and what made each paper's id, citation key and label, all by number. Replaying skips the lookups that
 * decide them (by title, DOI, arXiv id and abstract, and every citation key taken), which at 300,000 papers are most
 * of a merge's time. A plan is only ever replayed on files with the key it was made for (`Library.key`).
 */
export interface MergePlan {
  /** The key of the library it made. */
  readonly key: string;
  /** The entries of each file, in file order: a plan that does not fit the files is not replayed. */
  readonly entryCounts: readonly number[];
  /** Per entry (every file's entries one after another), the index of its paper in the library. */
  readonly paperOfEntry: Int32Array;
  /**
   * Per paper, how its citation key was made: -1, its file's own key; 0, the generated base as it is; n > 0, the
   * base with the n-th letter suffix (`a` for 1), the first that was free.
   */
  readonly citationKeySuffixes: Int32Array;
  /** Papers whose id is not the title id of the entry that listed them first (untitled, or a title clash). */
  readonly ids: ReadonlyMap<number, string>;
  /** Papers whose label has a number added, `(2)`, so that no two untitled rows read alike. */
  readonly labelNumbers: ReadonlyMap<number, number>;
  /** The notes the merge made (a second paper under a title already taken). */
  readonly notes: readonly FileProblem[];
}

/**
 * The file format:
 *
 *     MAGIC                    8 bytes, `PXMP0001` (the format's version: another is read as absent)
 *     header length            uint32 little-endian
 *     header                   JSON (`Header`), UTF-8, padded with spaces to a multiple of 4 bytes
 *     paper of each entry      int32 little-endian, `entries` of them
 *     citation key suffixes    int32 little-endian, `papers` of them
 */
const MAGIC = 'PXMP0001';

interface Header {
  readonly key: string;
  readonly entryCounts: readonly number[];
  readonly papers: number;
  readonly ids: readonly (readonly [number, string])[];
  readonly labelNumbers: readonly (readonly [number, number])[];
  readonly notes: readonly FileProblem[];
}

export function encodeMergePlan(plan: MergePlan): Uint8Array {
  const header: Header = {
    key: plan.key,
    entryCounts: plan.entryCounts,
    papers: plan.citationKeySuffixes.length,
    ids: [...plan.ids],
    labelNumbers: [...plan.labelNumbers],
    notes: plan.notes,
  };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const headerBytes = Math.ceil(json.length / 4) * 4;
  const start = MAGIC.length + 4 + headerBytes;
  const out = new Uint8Array(start + (plan.paperOfEntry.length + plan.citationKeySuffixes.length) * 4);
  out.set(new TextEncoder().encode(MAGIC));
  new DataView(out.buffer).setUint32(MAGIC.length, headerBytes, true);
  out.set(json, MAGIC.length + 4);
  out.fill(0x20, MAGIC.length + 4 + json.length, start);
  const ints = new Int32Array(out.buffer, start);
  ints.set(plan.paperOfEntry);
  ints.set(plan.citationKeySuffixes, plan.paperOfEntry.length);
  return out;
}

/** The plan in `bytes`, or undefined if they are not one (another version, damaged, cut short). */
export function decodeMergePlan(bytes: Uint8Array): MergePlan | undefined {
  try {
    if (bytes.length < MAGIC.length + 4 || new TextDecoder().decode(bytes.subarray(0, MAGIC.length)) !== MAGIC) {
      return undefined;
    }
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const headerBytes = view.getUint32(MAGIC.length, true);
    const start = MAGIC.length + 4 + headerBytes;
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(MAGIC.length + 4, start))) as Header;
    const entries = header.entryCounts.reduce((sum, n) => sum + n, 0);
    if (
      typeof header.key !== 'string' ||
      !Number.isInteger(entries) ||
      !Number.isInteger(header.papers) ||
      bytes.length !== start + (entries + header.papers) * 4
    ) {
      return undefined;
    }
    // Copied out, so that the numbers are aligned whatever the offset of `bytes` in its buffer (a Node Buffer's
    // `slice` would be a view of it, hence `new Uint8Array`).
    const ints = new Int32Array(new Uint8Array(bytes.subarray(start)).buffer);
    return {
      key: header.key,
      entryCounts: header.entryCounts,
      paperOfEntry: ints.subarray(0, entries),
      citationKeySuffixes: ints.subarray(entries),
      ids: new Map(header.ids),
      labelNumbers: new Map(header.labelNumbers),
      notes: header.notes,
    };
  } catch {
    return undefined;
  }
}
