import { doiKey } from '../../model/identifiers';
import type { Paper } from '../../model/paper';
import { StringHashTable } from '../../util/stringHashTable';

/** The kinds of identifier a paper is found by when it is typed alone. */
export type IdentifierKind = 'arxiv' | 'doi' | 'key';

const KINDS: Readonly<Record<IdentifierKind, number>> = { arxiv: 1, doi: 2, key: 3 };
const KIND_NAMES: readonly IdentifierKind[] = ['arxiv', 'doi', 'key'];

/** Papers hashed between two yields of `IdentifierTable.buildSteps`. */
const STEP = 5_000;

/**
 * Papers by identifier (arXiv id, DOI in lower case, citation key), for the paper typed alone in the search: a
 * `StringHashTable` of paper numbers (about 30 bytes a paper, where a map of identifier strings cost over 200), each
 * hit checked against the paper itself. The first paper in library order with an identifier is the one found.
 */
export class IdentifierTable extends StringHashTable {
  private constructor(
    private readonly papers: readonly Paper[],
    identifiers: number,
  ) {
    super(identifiers);
  }

  /** The table of `papers`, a few thousand papers a step. */
  static *buildSteps(papers: readonly Paper[]): Generator<void, IdentifierTable> {
    // Counted first: the table is sized by them, and most papers have two of the three.
    let identifiers = papers.length;
    for (let doc = 0; doc < papers.length; doc++) {
      const fields = papers[doc].bibliographic;
      identifiers += (fields?.arxivId !== undefined ? 1 : 0) + (fields?.doi !== undefined ? 1 : 0);
      if (doc % STEP === STEP - 1) {
        yield;
      }
    }
    const table = new IdentifierTable(papers, identifiers);
    for (let doc = 0; doc < papers.length; doc++) {
      const paper = papers[doc];
      table.add(KINDS.key, paper.citationKey, doc);
      const fields = paper.bibliographic;
      if (fields?.arxivId !== undefined) {
        table.add(KINDS.arxiv, fields.arxivId, doc);
      }
      if (fields?.doi !== undefined) {
        table.add(KINDS.doi, doiKey(fields.doi), doc);
      }
      if (doc % STEP === STEP - 1) {
        yield;
      }
    }
    return table;
  }

  /** The first paper with this identifier (a DOI in lower case), if any. */
  find(kind: IdentifierKind, value: string): Paper | undefined {
    const doc = this.findNumber(KINDS[kind], value);
    return doc < 0 ? undefined : this.papers[doc];
  }

  protected keyOf(doc: number, kind: number): string | undefined {
    return identifier(this.papers[doc], KIND_NAMES[kind - 1]);
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
