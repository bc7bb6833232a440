/**
 * Abstracts kept on disk rather than in memory. An arXiv abstract is about a kilobyte: at 300,000 papers, held as
 * strings, the abstracts alone would be 300 MB of the extension host's heap. A paper read from the snapshot keeps
 * where its abstract is instead (a few numbers), and reads it when something shows it: a tab, a hover, a snippet.
 */

/** A file of abstracts written one after another as UTF-8, read back by byte range. */
export interface AbstractFile {
  /** Names the file's content: two files with one id hold the same bytes. */
  readonly id: string;
  /**
   * The text of `byteLength` bytes at `offset`. Synchronous, from the page cache in practice (microseconds).
   * If the file can no longer be read, a sentence saying so, never an exception: it is shown where an abstract is.
   */
  read(offset: number, byteLength: number): string;
}

/** Where one abstract is: its byte range in its file, and its length in UTF-16 code units, known without reading it. */
export class StoredAbstract {
  constructor(
    readonly file: AbstractFile,
    readonly offset: number,
    readonly byteLength: number,
    readonly length: number,
  ) {}

  text(): string {
    return this.file.read(this.offset, this.byteLength);
  }

  /** Identifies the text without reading it (the file's content id and the range), for cache keys. */
  get key(): string {
    return `${this.file.id}@${this.offset}+${this.byteLength}`;
  }
}

/**
 * An entry or paper whose abstract is stored: `abstract` is a getter of its prototype that reads it, so every reader
 * of `abstract` works unchanged, and the object itself holds only `storedAbstract`.
 */
export class WithStoredAbstract {
  constructor(readonly storedAbstract: StoredAbstract) {}

  get abstract(): string {
    return this.storedAbstract.text();
  }
}
Object.freeze(WithStoredAbstract.prototype);

/** A new object whose `abstract` reads `stored`; the caller sets its other fields. */
export function withStoredAbstract<T extends object>(stored: StoredAbstract): T & { storedAbstract: StoredAbstract } {
  return new WithStoredAbstract(stored) as unknown as T & { storedAbstract: StoredAbstract };
}

/** The length of an abstract, in UTF-16 code units, without reading a stored one. */
export function abstractLength(entry: { readonly abstract: string; readonly storedAbstract?: StoredAbstract }): number {
  return entry.storedAbstract ? entry.storedAbstract.length : entry.abstract.length;
}

/**
 * Whether two papers' abstracts are the same text: two stored at the same place are, without reading them; any
 * other pair is compared as text.
 */
export function sameAbstractText(
  a: { readonly abstract: string; readonly storedAbstract?: StoredAbstract },
  b: { readonly abstract: string; readonly storedAbstract?: StoredAbstract },
): boolean {
  if (a.storedAbstract && b.storedAbstract && a.storedAbstract.key === b.storedAbstract.key) {
    return true;
  }
  return abstractLength(a) === abstractLength(b) && a.abstract === b.abstract;
}

/** The same object with other fields changed, its stored abstract (if any) kept: a spread would drop the getter. */
export function withFields<T extends { readonly storedAbstract?: StoredAbstract }>(object: T, fields: Partial<T>): T {
  return Object.assign(Object.create(Object.getPrototypeOf(object) as object) as T, object, fields);
}
