import { rm } from 'node:fs/promises';
import { homedir } from 'node:os';
import * as vscode from 'vscode';
import { isReadable, mergeLibrarySteps } from '../core/library/merge';
import { decodeMergePlan, encodeMergePlan, type MergePlan } from '../core/library/mergePlan';
import { ReloadTracker, type ReadFile } from '../core/library/reloadTracker';
import { notificationSafe, problemsNotification } from '../core/render/notification';
import type { FileProblem, Library } from '../core/model/paper';
import { COLLECTION_NAMES_FILE, readCorpusLocations, type LocalFileReader } from '../core/formats/sources';
import type { ArxivFilter } from '../core/formats/arxiv/filter';
import { readInWorker } from '../core/formats/readInWorker';
import { staleKeptRecords } from '../core/formats/keptRecords/keptRecordsFile';
import { readCorpusSource, type ReadProgress } from '../core/formats/readSource';
import { nodeFileSource } from '../core/formats/nodeFileSource';
import { describeReadProgress } from '../core/formats/readProgress';
import { arxivFilterSetting } from './arxivSettings';
import { SettingIds, Views } from './ids';
import { debounce } from '../core/util/debounce';
import { documentBibliographyLocations, resolveCorpusLocations } from './corpusLocations';
import { updateIndexAsync, loadIndexAsync, type PaperIndex } from '../core/search/engine';
import type { LibrarySnapshot } from '../core/library/snapshot';
import { Disposable } from './disposable';
import { runStepsAsync } from '../core/util/steps';
import { workspaceFileSystem } from './workspaceFileSystem';

/** Saving a file often fires several events; one reload answers them all. */
const RELOAD_DELAY_MS = 300;
/** In the extension's global storage: the index of the last library, and the plan of its merge (`MergePlan`). */
const INDEX_CACHE_FILE = 'index-cache.bin';
const MERGE_PLAN_FILE = 'merge-plan.bin';
/** A file read for longer than this shows its progress in a notification, where it can be cancelled. */
const NOTIFY_AFTER_MS = 1000;

/**
 * Loads the corpus and keeps the index. Loading is lazy (the first view or
 * command that needs papers starts it) and a reload replaces the snapshot only
 * once the new one is complete, so a failed load never leaves a half-built index.
 */
export class LibraryService extends Disposable {
  private readonly changed = this._register(new vscode.EventEmitter<LibrarySnapshot>());
  /** Fires when a new snapshot replaces the current one. */
  readonly onDidChange = this.changed.event;

  private snapshot: LibrarySnapshot | undefined;
  private loading: Promise<LibrarySnapshot> | undefined;
  private cancelLoad: vscode.CancellationTokenSource | undefined;
  private watchers: vscode.Disposable[] = [];
  // A failed load is logged where it fails, and the snapshot before it stays: nothing is left to handle here.
  private readonly reloadSoon = debounce(() => this.load().catch(() => undefined), RELOAD_DELAY_MS);
  /** What changed since the last load: a reload reads again only the files that did. */
  private readonly tracker = new ReloadTracker();
  /** The bibliography files that open documents name, read beside `papers.corpus.paths`. */
  private documentBibliographies: readonly vscode.Uri[] = [];
  /** The kept-records files the current snapshot's papers read their abstracts from. */
  private keptRecordsInUse: ReadonlySet<string> = new Set();

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly storageUri: vscode.Uri,
    private readonly output: vscode.LogOutputChannel,
  ) {
    super();
    this._register(this.reloadSoon);
    this._register({ dispose: () => this.watchers.forEach((w) => w.dispose()) });
    this._register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (
          this.snapshot &&
          (event.affectsConfiguration(SettingIds.corpusPaths) ||
            event.affectsConfiguration(SettingIds.includeBundled) ||
            event.affectsConfiguration(SettingIds.arxiv))
        ) {
          this.tracker.rereadAll();
          this.reloadSoon();
        }
      }),
    );
    // Trust lets the workspace's own papers.corpus.paths count.
    this._register(
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        this.tracker.rereadAll();
        return this.snapshot && this.reloadSoon();
      }),
    );
  }

  /** The loaded snapshot, if loading has finished. */
  get current(): LibrarySnapshot | undefined {
    return this.snapshot;
  }

  /** The snapshot, loading it first if nothing has been loaded yet. */
  ready(): Promise<LibrarySnapshot> {
    if (this.snapshot) {
      return Promise.resolve(this.snapshot);
    }
    return (this.loading ??= this.load());
  }

  /**
   * Sets the bibliography files that open documents name. They are read and watched as `papers.corpus.paths`
   * files are, each one a collection named after its file; a new set reloads, reading only the files not read yet.
   */
  setDocumentBibliographies(files: readonly vscode.Uri[]): void {
    const same = (a: readonly vscode.Uri[], b: readonly vscode.Uri[]) =>
      a.length === b.length && a.every((uri, i) => uri.toString() === b[i].toString());
    if (same(files, this.documentBibliographies)) {
      return;
    }
    this.documentBibliographies = [...files];
    if (this.snapshot) {
      this.reloadSoon();
    } else if (this.loading) {
      // A reload now would cancel the first load and fail everyone waiting for it: read the files right after it.
      void this.loading.then(this.reloadSoon, this.reloadSoon);
    }
  }

  /**
   * Reads every corpus file again and re-indexes, for changes a watcher cannot
   * see (network drives, symlinks); the current snapshot stays until the new one is complete.
   */
  reload(): Promise<LibrarySnapshot> {
    this.tracker.rereadAll();
    return this.load();
  }

  private load(): Promise<LibrarySnapshot> {
    this.cancelLoad?.cancel();
    return (this.loading = this.loadOnce());
  }

  private async loadOnce(): Promise<LibrarySnapshot> {
    const cancel = new vscode.CancellationTokenSource();
    this.cancelLoad = cancel;
    try {
      const built = await vscode.window.withProgress(
        { location: { viewId: Views.library }, title: 'Indexing papers' },
        () => this.build(cancel.token),
      );
      if (built && !this.isDisposed) {
        this.snapshot = built.snapshot;
        this.changed.fire(built.snapshot);
        this.dropUnusedKeptRecords(built.keptRecords);
        this.prepare(built.snapshot);
      }
      if (!this.snapshot) {
        throw new Error('Loading the papers was cancelled.');
      }
      return this.snapshot;
    } catch (error) {
      this.output.error('Loading the library failed:', error instanceof Error ? error : String(error));
      if (this.snapshot) {
        return this.snapshot;
      }
      throw error;
    } finally {
      cancel.dispose();
      if (this.cancelLoad === cancel) {
        this.cancelLoad = undefined;
        this.loading = undefined;
      }
    }
  }

  private async build(
    token: vscode.CancellationToken,
  ): Promise<{ snapshot: LibrarySnapshot; keptRecords: ReadonlySet<string> } | undefined> {
    const started = performance.now();
    const sources = await resolveCorpusLocations(this.extensionUri, homedir());
    const documents = await documentBibliographyLocations(this.documentBibliographies, sources.locations);
    this.watch([...sources.watch, ...documents.watch]);
    for (const skipped of sources.skipped) {
      this.output.warn(`papers.corpus.paths: skipped ${skipped}`);
    }
    const { filter, problems } = arxivFilterSetting();
    for (const problem of problems) {
      this.output.warn(`papers.arxiv: ${problem}`);
    }
    // Read from disk (off this thread) while the corpus files are: at 300,000 papers it is 200 MB.
    const cacheBytes = this.readStored(INDEX_CACHE_FILE);
    const reading = await this.readFiles([...sources.locations, ...documents.locations], filter, token);
    if (!reading) {
      return undefined;
    }
    const { files, read } = reading;
    const previousPlan = await this.loadMergePlan();
    const merged = await runStepsAsync(mergeLibrarySteps(files, previousPlan), token);
    if (!merged) {
      return undefined;
    }
    const { library, plan, replayed } = merged;
    if (plan && !replayed) {
      this.saveStored(MERGE_PLAN_FILE, encodeMergePlan(plan)).catch((error: unknown) =>
        this.output.warn('Could not save the merge plan:', error instanceof Error ? error.message : String(error)),
      );
    }
    const cached = await this.loadCache(library, await cacheBytes, token);
    const workerScript = vscode.Uri.joinPath(this.extensionUri, 'dist', 'indexWorker.js').fsPath;
    const onWorkerError = (error: unknown) =>
      this.output.warn(
        'The index worker could not run; indexing on the extension host thread instead:',
        error instanceof Error ? error.message : String(error),
      );
    const index =
      cached ?? (await updateIndexAsync(this.snapshot?.index, library, { token, workerScript, onWorkerError }));
    if (!index) {
      return undefined;
    }
    const { tokenized, carried } = index.indexed;
    const how = cached
      ? 'Loaded the index of'
      : carried > 0
        ? `Updated the index (${tokenized} papers indexed, ${carried} carried over) of`
        : 'Indexed';
    this.output.info(
      `${how} ${library.papers.length} papers (${library.entryCount} entries, ${library.collections.length} collections${replayed ? ', merged as the last load of the same files was' : ''}) in ${Math.round(performance.now() - started)} ms.`,
    );
    if (!cached) {
      this.saveStored(INDEX_CACHE_FILE, index.toCache()).catch((error: unknown) =>
        this.output.warn('Could not save the index cache:', error instanceof Error ? error.message : String(error)),
      );
    }
    this.report(library.problems);
    const snapshot: LibrarySnapshot = {
      library,
      index,
      collectionNames: new Map(library.collections.map((c) => [c.id, c.name])),
      files: { read, unchanged: files.length - read },
      mergeReplayed: replayed,
      indexed: index.indexed,
    };
    const keptRecords = new Set(files.flatMap((f) => (isReadable(f) && f.keptRecords ? [f.keptRecords.path] : [])));
    return { snapshot, keptRecords };
  }

  /**
   * Makes what the first query of each kind needs (`PaperIndex.prepareSteps`) in the background, in steps, until the
   * snapshot is replaced.
   */
  private prepare(snapshot: LibrarySnapshot): void {
    const replaced = () => this.snapshot !== snapshot || this.isDisposed;
    runStepsAsync(snapshot.index.prepareSteps(), {
      get isCancellationRequested() {
        return replaced();
      },
    }).catch((error: unknown) =>
      this.output.warn(
        'Preparing the index for queries failed:',
        error instanceof Error ? error.message : String(error),
      ),
    );
  }

  /**
   * Deletes the kept-records files that the snapshot before this one used and this one does not (a snapshot that
   * changed, or whose filter did), and those no window has used for a month (`staleKeptRecords`): another window
   * may be using other files in the same folder.
   */
  private dropUnusedKeptRecords(inUse: ReadonlySet<string>): void {
    const dropped = [...this.keptRecordsInUse].filter((path) => !inUse.has(path));
    const dir = this.keptRecordsDir;
    if (dir) {
      dropped.push(...staleKeptRecords(dir, inUse));
    }
    for (const path of dropped) {
      rm(path, { force: true }).catch((error: unknown) =>
        this.output.warn(`Could not delete ${path}:`, error instanceof Error ? error.message : String(error)),
      );
    }
    this.keptRecordsInUse = inUse;
  }

  /** Where the read worker keeps what reads of the arXiv snapshot keep: only on this machine's disk. */
  private get keptRecordsDir(): string | undefined {
    return this.storageUri.scheme === 'file' ? vscode.Uri.joinPath(this.storageUri, 'kept-records').fsPath : undefined;
  }

  /**
   * Reads the files a watcher reported as changed (or all of them, after a
   * settings change or Reload Library) and takes the others as last read.
   * A cancelled load gives its pending changes back to the next one.
   */
  private async readFiles(
    locations: readonly vscode.Uri[],
    arxivFilter: ArxivFilter | undefined,
    token: vscode.CancellationToken,
  ): Promise<{ files: ReadFile[]; read: number } | undefined> {
    const round = this.tracker.begin();
    try {
      const fresh = await readCorpusLocations(workspaceFileSystem, locations, {
        unchanged: round.unchanged,
        readLocal: this.localReader(arxivFilter, token),
        ...(arxivFilter && { arxivFilter }),
        token,
      });
      // A cancelled read is not a file read: the next load reads it again.
      if (token.isCancellationRequested) {
        this.tracker.giveBack(round);
        return undefined;
      }
      const readNow = fresh.filter((f) => round.all || round.changed.has(f.id));
      const { files, read, readAgainSoon } = this.tracker.finish(round, fresh);
      if (readAgainSoon) {
        this.reloadSoon();
      }
      if (!round.all) {
        this.output.info(`Read ${read} changed file${read === 1 ? '' : 's'} again; ${files.length - read} unchanged.`);
      }
      for (const file of readNow) {
        if (isReadable(file) && file.parsed.counts) {
          const { read: records, kept, bad } = file.parsed.counts;
          this.output.info(
            `${file.name}: ${records.toLocaleString('en-US')} arXiv records read, ${kept.toLocaleString('en-US')} kept, ${bad.toLocaleString('en-US')} bad${file.keptRecords?.reused ? ' (the records kept by an earlier read: the file and the filter are unchanged)' : ''}.`,
          );
        }
      }
      return { files, read };
    } catch (error) {
      this.tracker.giveBack(round);
      throw error;
    }
  }

  /**
   * Reads a local file on a worker thread, streamed from disk, whatever its size; a read that takes a while shows
   * its progress (records read and kept) in a notification whose Cancel cancels the load. If the worker cannot
   * run, the file is read on this thread, a chunk per turn of the event loop.
   */
  private localReader(arxivFilter: ArxivFilter | undefined, token: vscode.CancellationToken): LocalFileReader {
    const script = vscode.Uri.joinPath(this.extensionUri, 'dist', 'readWorker.js').fsPath;
    // Abstracts of the snapshot stay on disk there, and a snapshot read once is not read again while unchanged.
    const keptRecordsDir = this.keptRecordsDir;
    return async (path, id, name) => {
      const fileName = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
      const progress = new NotifiedProgress(fileName, () => this.cancelLoad?.cancel());
      const onProgress = (p: ReadProgress) => progress.report(p);
      try {
        return await readInWorker(
          script,
          { path, id, name, ...(arxivFilter && { arxivFilter }), ...(keptRecordsDir && { keptRecordsDir }) },
          { token, onProgress },
        );
      } catch (error) {
        this.output.warn(
          `The read worker could not run; reading ${fileName} on the extension host thread instead:`,
          error instanceof Error ? error.message : String(error),
        );
        return readCorpusSource(id, name, fileName, await nodeFileSource(path), {
          ...(arxivFilter && { arxivFilter }),
          token,
          onProgress,
        });
      } finally {
        progress.done();
      }
    };
  }

  /** A change to a corpus file reloads the library, reading only that file again; the current snapshot stays until the new one is ready. */
  private watch(patterns: readonly vscode.RelativePattern[]): void {
    this.watchers.forEach((w) => w.dispose());
    const changed = (uri: vscode.Uri) => {
      // A names file renames every collection in its folder.
      if (uri.path.endsWith(`/${COLLECTION_NAMES_FILE}`)) {
        this.tracker.rereadAll();
      }
      this.tracker.fileChanged(uri.toString());
      this.reloadSoon();
    };
    this.watchers = patterns.map((pattern) => {
      const watcher = vscode.workspace.createFileSystemWatcher(pattern);
      watcher.onDidChange(changed);
      watcher.onDidCreate(changed);
      watcher.onDidDelete(changed);
      return watcher;
    });
  }

  /** The cached index, if there is one for exactly this corpus and these settings; anything else means a rebuild. */
  private async loadCache(
    library: Library,
    bytes: Uint8Array | undefined,
    token: vscode.CancellationToken,
  ): Promise<PaperIndex | undefined> {
    if (!bytes) {
      return undefined;
    }
    const index = await loadIndexAsync(library, bytes, token);
    if (!index && !token.isCancellationRequested) {
      this.output.info('The index cache is for another corpus or is damaged; rebuilding it.');
    }
    return index;
  }

  /**
   * The plan of the last merge (`MergePlan`): replayed if the files have the key it was made for, so that a start
   * with unchanged files does not work the merge out again. Absent or unreadable, the merge is worked out.
   */
  private async loadMergePlan(): Promise<MergePlan | undefined> {
    const bytes = await this.readStored(MERGE_PLAN_FILE);
    return bytes && decodeMergePlan(bytes);
  }

  /** A file of the extension's storage (`saveStored`), or undefined if there is none or it cannot be read. */
  private readStored(name: string): Promise<Uint8Array | undefined> {
    return Promise.resolve(vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.storageUri, name))).catch(
      () => undefined,
    );
  }

  /** Written beside, then renamed over the old file, so a crash mid-write never leaves a half file in place. */
  private async saveStored(name: string, bytes: Uint8Array): Promise<void> {
    const target = vscode.Uri.joinPath(this.storageUri, name);
    const partial = vscode.Uri.joinPath(this.storageUri, `${name}.partial`);
    await vscode.workspace.fs.createDirectory(this.storageUri);
    await vscode.workspace.fs.writeFile(partial, bytes);
    await vscode.workspace.fs.rename(partial, target, { overwrite: true });
  }

  /**
   * Problems go to the Output channel in full; the notification names only the
   * first file and line. Corpus text never goes into a notification, where
   * `[text](command:…)` would become a clickable command link.
   */
  private report(problems: readonly FileProblem[]): void {
    for (const p of problems) {
      this.output.warn(`${p.collection}:${p.line}: ${p.message}`);
    }
    const message = problemsNotification(problems);
    if (message) {
      void vscode.window.showWarningMessage(message, 'Show Details').then((choice) => choice && this.output.show(true));
    }
  }
}

/**
 * The progress of one file's read in a notification, opened only once the read has taken a second: most files are
 * read sooner, and a notification for each would be noise.
 */
class NotifiedProgress {
  private readonly started = performance.now();
  private show: ((message: string) => void) | undefined;
  private finish: (() => void) | undefined;
  private finished = false;

  constructor(
    private readonly fileName: string,
    private readonly cancel: () => void,
  ) {}

  report(progress: ReadProgress): void {
    const message = describeReadProgress(notificationSafe(this.fileName), progress);
    if (!this.show && !this.finished && performance.now() - this.started >= NOTIFY_AFTER_MS) {
      void vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'Papers', cancellable: true },
        (reporter, cancelled) =>
          new Promise<void>((resolve) => {
            this.show = (text) => reporter.report({ message: text });
            this.finish = resolve;
            cancelled.onCancellationRequested(() => {
              this.cancel();
              resolve();
            });
            if (this.finished) {
              resolve();
            }
          }),
      );
    }
    this.show?.(message);
  }

  done(): void {
    this.finished = true;
    this.finish?.();
  }
}
