import { citationLookups, type CitationLookups } from '../../core/cite/citationLookups';
import { Disposable } from '../../host/disposable';
import type { LibrarySnapshot } from '../../core/library/snapshot';
import type { LibraryService } from '../../host/libraryService';

/** A library snapshot with the lookups citing needs: by citation key, arXiv id and DOI. */
export interface CitationLibrary extends CitationLookups {
  readonly snapshot: LibrarySnapshot;
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
      this.built = { snapshot, ...citationLookups(snapshot.library.papers) };
    }
    return this.built;
  }
}
