import { doiKey } from '../../model/identifiers';
import type { Paper } from '../../model/paper';

/** The kinds of identifier a paper is found by when it is typed alone. */
export type IdentifierKind = 'arxiv' | 'doi' | 'key';

const KINDS: Readonly<Record<IdentifierKind, number>> = { arxiv: 1, doi: 2, key: 3 };

/** Papers hashed between two yields of `IdentifierTable.buildSteps`. */
const STEP = 20_000;

/**
 * Papers by identifier (arXiv id, DOI in lower case, citation key), for the paper typed alone in the search: an
 * open-addressing table of paper numbers by a 32-bit hash, in typed arrays (about 30 bytes a paper, where a map of
 * identifier strings cost over 200), each hit checked against the paper itself. The first paper in library
 * order with an identifier is the one found.
 */
export class IdentifierTable {
  private constructor(
    private readonly papers: readonly Paper[],
    /** Paper number + 1 for each slot; 0 is empty. */
    private readonly slots: Int32Array,
    /** Which kind of identifier each slot holds (`KINDS`). */
    private readonly kinds: Uint8Array,
  ) {}

  /** The table of `papers`, a few thousand papers a step. */
  static *buildSteps(papers: readonly Paper[]): Generator<void, IdentifierTable> {
    // A power of two with at least twice as many slots as identifiers (three at most a paper) keeps probes short.
    let size = 16;
    while (size < papers.length * 6) {
      size *= 2;
    }
    const table = new IdentifierTable(papers, new Int32Array(size), new Uint8Array(size));
    for (let doc = 0; doc < papers.length; doc++) {
      const paper = papers[doc];
      table.add('key', paper.citationKey, doc);
      const fields = paper.bibliographic;
      if (fields?.arxivId !== undefined) {
        table.add('arxiv', fields.arxivId, doc);
      }
      if (fields?.doi !== undefined) {
        table.add('doi', doiKey(fields.doi), doc);
      }
      if (doc % STEP === STEP - 1) {
        yield;
      }
    }
    return table;
  }

  /** The first paper with this identifier (a DOI in lower case), if any. */
  find(kind: IdentifierKind, value: string): Paper | undefined {
    const found = this.slots[this.slotOf(kind, value)];
    return found === 0 ? undefined : this.papers[found - 1];
  }

  private add(kind: IdentifierKind, value: string, doc: number): void {
    const slot = this.slotOf(kind, value);
    // Taken by the same identifier already: the first paper in library order keeps it.
    if (this.slots[slot] === 0) {
      this.slots[slot] = doc + 1;
      this.kinds[slot] = KINDS[kind];
    }
  }

  /** The slot that holds this identifier, or the empty slot where it would go. */
  private slotOf(kind: IdentifierKind, value: string): number {
    const mask = this.slots.length - 1;
    const code = KINDS[kind];
    for (let slot = hash(code, value) & mask; ; slot = (slot + 1) & mask) {
      const found = this.slots[slot];
      if (found === 0 || (this.kinds[slot] === code && identifier(this.papers[found - 1], kind) === value)) {
        return slot;
      }
    }
  }
}

function identifier(paper: Paper, kind: IdentifierKind): string | undefined {
  const fields = paper.bibliographic;
  switch (kind) {
    case 'key':
      return paper.citationKey;
    case 'arxiv':
      return fields?.arxivId;
    case 'doi':
      return fields?.doi === undefined ? undefined : doiKey(fields.doi);
  }
}

/** FNV-1a over the kind and the value. */
function hash(kind: number, value: string): number {
  let h = Math.imul(0x811c9dc5 ^ kind, 0x01000193);
  for (let i = 0; i < value.length; i++) {
    h = Math.imul(h ^ value.charCodeAt(i), 0x01000193);
  }
  return h >>> 0;
}
