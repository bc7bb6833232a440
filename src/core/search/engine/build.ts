import type { Library } from '../../model/paper';
import { sameAbstractText } from '../../model/storedAbstract';
import { runSteps, runStepsAsync, type CancellationFlag } from '../../util/steps';
import { alignedSteps, decodeIndexCacheSteps, indexCacheKeySteps, libraryIndexKey } from './indexCache';
import { INDEX_SETTINGS_KEY, PaperIndexer } from './indexer';
import type { WorkerUpdate } from './indexWorkerProtocol';
import { PaperIndex } from './paperIndex';
import type { IndexedCounts } from './results';
import type { TermIndex } from './termIndex';
import { buildCacheInWorker } from './workerBuild';
import { authorText } from '../authorText';

/**
 * Making an index: building it (on the index worker, or on this thread in
 * slices), loading it from its cache, and updating it from the index of the
 * library it replaces. Querying it is `PaperIndex`'s part.
 */

export interface BuildOptions {
  readonly token?: CancellationFlag;
  readonly onProgress?: (done: number, total: number) => void;
  /**
   * The bundled index worker (`dist/indexWorker.js`). With it the index is
   * built on a worker thread; without it, or if the worker cannot run, on
   * this thread in slices.
   */
  readonly workerScript?: string;
  /** Told why the worker could not build the index, before this thread builds it instead. */
  readonly onWorkerError?: (error: unknown) => void;
}

/** An update tokenizes at most one paper in this many; beyond that, tokenizing is most of the work anyway, and a build does it on the worker. */
const MAX_CHANGED_SHARE = 3;
/** Papers tokenized in one step of a build on this thread: a few milliseconds of work. */
const BUILD_CHUNK = 200;

/** Builds the index of `library` at once, on this thread. */
export function buildIndex(library: Library): PaperIndex {
  return runSteps(buildSteps(library));
}

/**
 * The index of `library`, derived from `previous` (the index of the library
 * it replaces) where that is less work than a build: papers with the same
 * id, title and abstract keep their postings, renumbered to their new place,
 * and only new and edited papers are tokenized. With no previous index, or
 * when more than a third of the papers are new or edited, it is `buildIndexAsync`.
 * Either way the index and its cache key are those a build would give, and
 * like a build it runs on the worker thread when `workerScript` is given.
 */
export async function updateIndexAsync(
  previous: PaperIndex | undefined,
  library: Library,
  options: BuildOptions = {},
): Promise<PaperIndex | undefined> {
  const sources = previous && (await runStepsAsync(carriedFromSteps(previous, library), options.token));
  if (options.token?.isCancellationRequested) {
    return undefined;
  }
  if (!previous || !sources || sources.tokenized * MAX_CHANGED_SHARE > library.papers.length) {
    return buildIndexAsync(library, options);
  }
  const indexed = { tokenized: sources.tokenized, carried: library.papers.length - sources.tokenized };
  // Posting the previous index's 80 MB to the worker would copy them in one go; shared, it reads them in place.
  const shared = options.workerScript ? await runStepsAsync(sharedSteps(previous.toCache()), options.token) : undefined;
  const index =
    shared &&
    (await inWorker(library, options, indexed, {
      previous: shared,
      previousKey: previous.cacheKey,
      from: sources.from,
    }));
  if (index || options.token?.isCancellationRequested) {
    return index;
  }
  return runStepsAsync(
    buildSteps(library, options.onProgress, { previous: previous.terms, from: sources.from }),
    options.token,
  );
}

/**
 * Builds the index without holding up the event loop for long: on a worker
 * thread when `workerScript` is given (then loaded from the cache bytes the
 * worker returns), otherwise, or if the worker fails, in slices on this
 * thread. Undefined once cancelled.
 */
export async function buildIndexAsync(library: Library, options: BuildOptions = {}): Promise<PaperIndex | undefined> {
  const index = await inWorker(library, options, { tokenized: library.papers.length, carried: 0 });
  if (index || options.token?.isCancellationRequested) {
    return index;
  }
  return runStepsAsync(buildSteps(library, options.onProgress), options.token);
}

/** Built (or updated) on the worker thread and loaded from the bytes it returns; undefined without a worker, if it fails (`onWorkerError` is told why), or once cancelled. */
async function inWorker(
  library: Library,
  options: BuildOptions,
  indexed: IndexedCounts,
  update?: WorkerUpdate,
): Promise<PaperIndex | undefined> {
  if (!options.workerScript) {
    return undefined;
  }
  try {
    const built = await buildCacheInWorker(options.workerScript, library.papers, options, update, library.key);
    // The worker digested these very papers for the key: hashing them again here would only repeat it, on this thread.
    return built && (await loadAsync(library, built.cache, indexed, options.token, built.key));
  } catch (error) {
    options.onWorkerError?.(error);
    return undefined;
  }
}

/**
 * The index of `library` from a cache file, or undefined if the file is for
 * another corpus or other settings, or damaged: the caller then builds anew.
 */
export function loadIndexAsync(
  library: Library,
  bytes: Uint8Array,
  token?: CancellationFlag,
): Promise<PaperIndex | undefined> {
  return loadAsync(library, bytes, { tokenized: 0, carried: 0 }, token);
}

/** The index of `library` from cache bytes, checked against `knownKey` if given (the key of exactly this library), else against the library's cache key. */
async function loadAsync(
  library: Library,
  bytes: Uint8Array,
  indexed: IndexedCounts,
  token?: CancellationFlag,
  knownKey?: string,
): Promise<PaperIndex | undefined> {
  return runStepsAsync(
    (function* () {
      const key =
        knownKey ??
        (library.key !== undefined
          ? libraryIndexKey(INDEX_SETTINGS_KEY, library.key)
          : yield* indexCacheKeySteps(library, INDEX_SETTINGS_KEY));
      // Aligned once here, so that the index's arrays are views of the very bytes it keeps for `toCache`.
      const aligned = yield* alignedSteps(bytes);
      const terms = yield* decodeIndexCacheSteps(aligned, key);
      if (!terms || terms.docCount !== library.papers.length) {
        return undefined;
      }
      return new PaperIndex(library, terms, key, indexed, aligned);
    })(),
    token,
  );
}

/** Indexes the papers a chunk at a time; with `update`, a paper that has a document in the previous index to carry over is not tokenized. */
function* buildSteps(
  library: Library,
  onProgress?: (done: number, total: number) => void,
  update?: { readonly previous: TermIndex; readonly from: Int32Array },
): Generator<void, PaperIndex> {
  const indexer = new PaperIndexer(update && (yield* update.previous.byDocumentSteps()), library.key);
  const papers = library.papers;
  let carried = 0;
  for (let start = 0; start < papers.length; start += BUILD_CHUNK) {
    const end = Math.min(start + BUILD_CHUNK, papers.length);
    for (let doc = start; doc < end; doc++) {
      const from = update ? update.from[doc] : -1;
      if (from >= 0) {
        indexer.carry(papers[doc], from);
        carried++;
      } else {
        indexer.add([papers[doc]]);
      }
    }
    onProgress?.(end, papers.length);
    yield;
  }
  const { terms, key } = yield* indexer.finishSteps();
  return new PaperIndex(library, terms, key, { tokenized: papers.length - carried, carried });
}

/**
 * Per paper of `library`, the document of the previous index with the same
 * id, title and abstract (the postings depend on nothing else), or -1; and
 * how many papers have none. Undefined if the previous index does not match
 * its own library. In slices: comparing 100,000 abstracts takes a while.
 */
function* carriedFromSteps(
  previous: PaperIndex,
  library: Library,
  sliceSize = 2000,
): Generator<void, { from: Int32Array; tokenized: number } | undefined> {
  const before = previous.library.papers;
  if (previous.size !== before.length) {
    return undefined;
  }
  const docs = new Map<string, number>();
  for (let doc = 0; doc < before.length; doc++) {
    if (!docs.has(before[doc].id)) {
      docs.set(before[doc].id, doc);
    }
    if (doc % sliceSize === sliceSize - 1) {
      yield;
    }
  }
  const papers = library.papers;
  const from = new Int32Array(papers.length).fill(-1);
  let tokenized = 0;
  for (let doc = 0; doc < papers.length; doc++) {
    const paper = papers[doc];
    const old = docs.get(paper.id);
    if (
      old !== undefined &&
      before[old].title === paper.title &&
      sameAbstractText(before[old], paper) &&
      authorText(before[old]) === authorText(paper)
    ) {
      from[doc] = old;
    } else {
      tokenized++;
    }
    if (doc % sliceSize === sliceSize - 1) {
      yield;
    }
  }
  return { from, tokenized };
}

/** The bytes in memory that a worker reads as they are, rather than a copy of them posted to it: copied over in slices. */
function* sharedSteps(bytes: Uint8Array, sliceSize = 1 << 22): Generator<void, Uint8Array> {
  const shared = new Uint8Array(new SharedArrayBuffer(bytes.length));
  for (let start = 0; start < bytes.length; start += sliceSize) {
    shared.set(bytes.subarray(start, start + sliceSize), start);
    yield;
  }
  return shared;
}
