import { CitationKeyIndex } from '../../core/cite/keyIndex';
import type { HoverTarget } from '../../core/cite/hoverTargets';
import type { Paper } from '../../core/model/paper';
import { doiKey } from '../../core/model/identifiers';
import { Disposable } from '../../host/disposable';
import type { LibrarySnapshot } from '../../core/library/snapshot';
import type { LibraryService } from '../../host/libraryService';

/** A library snapshot with the lookups citing needs: by citation key, arXiv id and DOI. */
export interface CitationLibrary {
  readonly snapshot: LibrarySnapshot;
  readonly keys: CitationKeyIndex<Paper>;
  /** The papers a hover target names: a key's papers, or the papers with that arXiv id or DOI. */
  papersFor(target: HoverTarget): readonly Paper[];
}

/**
 * Builds the lookups once per library snapshot, when first asked (a sort of the keys and one pass over the papers),
 * so completion and hover answer from maps rather than scanning 100,000 papers each time.
 */
export class CitationLookup extends Disposable {
  private built: CitationLibrary | undefined;
  /** Fires when a new library snapshot replaces the one the lookups were built from. */
  readonly onDidChangeLibrary: LibraryService['onDidChange'];

  constructor(private readonly library: LibraryService) {
    super();
    this.onDidChangeLibrary = library.onDidChange;
    this._register(library.onDidChange(() => (this.built = undefined)));
  }

  /** The lookups of the loaded library, or undefined while nothing is loaded (never starts a load). */
  get current(): CitationLibrary | undefined {
    const snapshot = this.library.current;
    return snapshot && this.of(snapshot);
  }

  /** The lookups, loading the library first if needed. */
  async ready(): Promise<CitationLibrary> {
    return this.of(await this.library.ready());
  }

  private of(snapshot: LibrarySnapshot): CitationLibrary {
    if (this.built?.snapshot !== snapshot) {
      this.built = buildLookups(snapshot);
    }
    return this.built;
  }
}

function buildLookups(snapshot: LibrarySnapshot): CitationLibrary {
  const { papers } = snapshot.library;
  const keys = new CitationKeyIndex(papers);
  const byArxivId = new Map<string, Paper[]>();
  const byDoi = new Map<string, Paper[]>();
  const add = (map: Map<string, Paper[]>, id: string, paper: Paper) => {
    const list = map.get(id);
    if (list) {
      list.push(paper);
    } else {
      map.set(id, [paper]);
    }
  };
  for (const paper of papers) {
    const fields = paper.bibliographic;
    if (fields?.arxivId) {
      add(byArxivId, fields.arxivId, paper);
    }
    if (fields?.doi) {
      add(byDoi, doiKey(fields.doi), paper);
    }
  }
  return {
    snapshot,
    keys,
    papersFor(target) {
      switch (target.kind) {
        case 'citationKey':
          return keys.papersWithKey(target.key);
        case 'arxivId':
          return byArxivId.get(target.arxivId) ?? [];
        case 'doi':
          return byDoi.get(doiKey(target.doi)) ?? [];
      }
    },
  };
}
