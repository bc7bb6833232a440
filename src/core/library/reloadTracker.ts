import { isReadable, type LibraryFile, type UnreadableFile } from './merge';

/** A corpus file as one load found it: parsed, or what kept it from being read. */
export type ReadFile = LibraryFile | UnreadableFile;

/** One load's share of the pending changes: what it must read, and what it may take as last read. */
export interface ReadRound {
  /** Every file is read again. */
  readonly all: boolean;
  /** Files a watcher reported as changed before this load began. */
  readonly changed: ReadonlySet<string>;
  /** The file as last read, when this load may take it unchanged; undefined when it must be read. */
  unchanged(id: string): ReadFile | undefined;
}

/** What a load ends with: the files to build the library from and how many of them were read anew. */
export interface ReadResult {
  readonly files: ReadFile[];
  /** Files read from disk; a file whose kept records were taken as an earlier read left them is not. */
  readonly read: number;
  /** A file was caught half-written and kept its last papers: read it again once the writer is done. */
  readonly readAgainSoon: boolean;
}

/**
 * The bookkeeping behind incremental reloads: which files changed since the last load, which to read again,
 * and which to take as they were last read. A load takes the pending changes with `begin`, and either
 * `finish`es with what it read or `giveBack`s the changes (cancelled, failed) to the next load.
 *
 * A file whose records are kept on disk (the arXiv snapshot: `formats/keptRecords`) is not held between loads:
 * its entries are most of the extension host's heap after the papers (about 220 bytes a paper), and the next load
 * takes them from the kept records again in a second or two, without reading the file itself.
 */
export class ReloadTracker {
  /** Each file as last read, by id, but for files with kept records. */
  private lastRead = new Map<string, ReadFile>();
  private readonly pending = new Set<string>();
  /** Nothing has been read yet, so the first load reads everything. */
  private pendingAll = true;
  /** Changed files that read as empty and kept their last good papers, to be read once more. */
  private readonly heldBack = new Set<string>();

  /** A watcher reported a change, a creation or a deletion of this file. */
  fileChanged(id: string): void {
    this.pending.add(id);
  }

  /** Settings changed, a names file changed, or the user asked: the next load reads every file. */
  rereadAll(): void {
    this.pendingAll = true;
  }

  begin(): ReadRound {
    const all = this.pendingAll;
    const changed = new Set(this.pending);
    this.pending.clear();
    this.pendingAll = false;
    const lastRead = this.lastRead;
    return { all, changed, unchanged: (id) => (all || changed.has(id) ? undefined : lastRead.get(id)) };
  }

  /** The load did not finish: its changes are the next load's. */
  giveBack(round: ReadRound): void {
    round.changed.forEach((id) => this.pending.add(id));
    this.pendingAll ||= round.all;
  }

  /**
   * Ends a load with every file it found, read or taken unchanged. A save often truncates a file before
   * writing it, and a watcher event can come in between: a changed file that had papers and now reads as
   * empty keeps its last good papers and is read once more (`readAgainSoon`); empty then too, it is empty.
   */
  finish(round: ReadRound, fresh: readonly ReadFile[]): ReadResult {
    const read = fresh.filter(
      (f) =>
        (round.all || round.changed.has(f.id) || !this.lastRead.has(f.id)) && !(isReadable(f) && f.keptRecords?.reused),
    ).length;
    let readAgainSoon = false;
    const files = fresh.map((file) => {
      const previous = this.lastRead.get(file.id);
      const wasHeld = this.heldBack.delete(file.id);
      if (!round.changed.has(file.id) || wasHeld || !previous || !hasEntries(previous) || hasEntries(file)) {
        return file;
      }
      this.heldBack.add(file.id);
      this.pending.add(file.id);
      readAgainSoon = true;
      return previous;
    });
    this.lastRead = new Map(files.filter((f) => !(isReadable(f) && f.keptRecords)).map((f) => [f.id, f]));
    return { files, read, readAgainSoon };
  }
}

function hasEntries(file: ReadFile): boolean {
  return isReadable(file) && file.parsed.entries.length > 0;
}
