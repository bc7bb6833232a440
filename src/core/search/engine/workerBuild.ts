import { Worker } from 'node:worker_threads';
import type { IndexedText } from './indexCache';
import type { CancellationFlag } from '../../util/steps';
import type { IndexWorkerReply, IndexWorkerRequest, WorkerUpdate } from './indexWorkerProtocol';

/** Papers a message to the worker carries: a millisecond or two of copying on this thread. */
const PAPERS_PER_MESSAGE = 1000;
/** Messages sent ahead of the worker, so it never waits for papers and never holds the whole corpus in its queue. */
const MESSAGES_AHEAD = 2;
/** How often a cancellation is noticed while the worker runs. */
const CANCEL_POLL_MS = 50;

export interface WorkerBuildOptions {
  readonly token?: CancellationFlag;
  readonly onProgress?: (done: number, total: number) => void;
}

/** An index the worker built: its cache bytes and the cache key of the papers it was sent. */
export interface WorkerBuilt {
  readonly cache: Uint8Array;
  readonly key: string;
}

/**
 * Builds the index of `papers` in a worker thread running `script` (with
 * `update`, from a previous index, tokenizing only the papers it has not
 * got) and resolves to it once the worker has exited, or to undefined once
 * cancelled (the worker is terminated). With `libraryKey` (`Library.key`), the
 * cache is keyed by it instead of a digest of the papers. Rejects if the worker cannot start or fails.
 */
export function buildCacheInWorker(
  script: string,
  papers: readonly IndexedText[],
  options: WorkerBuildOptions = {},
  update?: WorkerUpdate,
  libraryKey?: string,
): Promise<WorkerBuilt | undefined> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script);
    let sent = 0;
    let settled = false;
    const settle = (finish: () => void, when: 'now' | 'exited' = 'now') => {
      if (!settled) {
        settled = true;
        clearInterval(poll);
        const exited = worker.terminate();
        if (when === 'exited') {
          void exited.then(finish, finish);
        } else {
          finish();
        }
      }
    };
    const sendNext = () => {
      if (sent < papers.length) {
        const slice = papers.slice(sent, sent + PAPERS_PER_MESSAGE).map((paper): IndexedText => {
          const { id, title, abstract, bibliographic } = paper;
          const text = paper.storedAbstract
            ? { id, title, abstract, storedAbstract: { key: paper.storedAbstract.key } }
            : { id, title, abstract };
          return bibliographic?.authors ? { ...text, bibliographic: { authors: bibliographic.authors } } : text;
        });
        sent += slice.length;
        worker.postMessage({ papers: slice } satisfies IndexWorkerRequest);
      } else if (sent === papers.length) {
        sent++;
        worker.postMessage({ finish: true } satisfies IndexWorkerRequest);
      }
    };
    const poll = setInterval(() => {
      if (options.token?.isCancellationRequested) {
        settle(() => resolve(undefined));
      }
    }, CANCEL_POLL_MS);
    worker.on('message', (reply: IndexWorkerReply) => {
      if ('cache' in reply) {
        // Handed over once the worker is gone: it frees its heap (hundreds of MB at 100,000 abstracts) as it exits, and loading the index here meanwhile blocked this thread twice as long.
        settle(() => resolve({ cache: reply.cache, key: reply.key }), 'exited');
      } else if (!settled) {
        options.onProgress?.(reply.indexed, papers.length);
        sendNext();
      }
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) =>
      settle(() => reject(new Error(`the index worker exited (code ${code}) before it finished`))),
    );
    if (libraryKey !== undefined) {
      worker.postMessage({ libraryKey } satisfies IndexWorkerRequest);
    }
    if (update) {
      worker.postMessage(update satisfies IndexWorkerRequest);
    }
    for (let i = 0; i < MESSAGES_AHEAD; i++) {
      sendNext();
    }
  });
}
