import { Worker } from 'node:worker_threads';
import type { LibraryFile, UnreadableFile } from '../library/merge';
import { isReadable } from '../library/merge';
import type { CancellationFlag } from '../util/steps';
import { CategoryLists } from './arxiv/categoryLists';
import type { PaperDate } from '../model/dates';
import type { ParsedEntry } from './parse';
import type { ReadProgress } from './readSource';
import type { ReadWorkerReply, ReadWorkerRequest } from './readWorkerProtocol';

/** How often a cancellation is noticed while the worker reads. */
const CANCEL_POLL_MS = 50;

export interface ReadInWorkerOptions {
  readonly token?: CancellationFlag;
  readonly onProgress?: (progress: ReadProgress) => void;
}

/**
 * Reads one local file in a worker thread running `script` (`dist/readWorker.js`) and resolves to it, or to
 * undefined once cancelled (the worker is terminated). The entries arrive a batch per message, each taken in
 * its own turn of this thread's event loop. Rejects if the worker cannot start or fails.
 */
export function readInWorker(
  script: string,
  request: ReadWorkerRequest,
  options: ReadInWorkerOptions = {},
): Promise<LibraryFile | UnreadableFile | undefined> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script);
    const entries: ParsedEntry[] = [];
    const shared = new SharedValues();
    let settled = false;
    const settle = (finish: () => void) => {
      if (!settled) {
        settled = true;
        clearInterval(poll);
        // The answer is in (or given up on): a worker that fails to stop has nothing left to say.
        worker.terminate().catch(() => undefined);
        finish();
      }
    };
    const poll = setInterval(() => {
      if (options.token?.isCancellationRequested) {
        settle(() => resolve(undefined));
      }
    }, CANCEL_POLL_MS);
    worker.on('message', (reply: ReadWorkerReply) => {
      if ('progress' in reply) {
        options.onProgress?.(reply.progress);
      } else if ('entries' in reply) {
        for (const entry of reply.entries) {
          entries.push(shared.entry(entry));
        }
      } else {
        const file = reply.file;
        settle(() => resolve(isReadable(file) ? { ...file, parsed: { ...file.parsed, entries } } : file));
      }
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) =>
      settle(() => reject(new Error(`the read worker exited (code ${code}) before it finished`))),
    );
    worker.postMessage(request satisfies ReadWorkerRequest);
  });
}

/**
 * Entries copied from the worker come as separate objects even where the worker shared one (equal category lists,
 * equal dates): at 300,000 papers that costs tens of megabytes, so they are shared again here, in the copies, which
 * are this thread's own.
 */
class SharedValues {
  private readonly lists = new CategoryLists();
  private readonly dates = new Map<string, PaperDate>();

  entry(entry: ParsedEntry): ParsedEntry {
    const mutable = entry as { date?: PaperDate; bibliographic?: { categories?: readonly string[] } };
    if (mutable.bibliographic?.categories) {
      mutable.bibliographic.categories = this.lists.intern(mutable.bibliographic.categories);
    }
    if (mutable.date) {
      const known = this.dates.get(mutable.date.text);
      if (known) {
        mutable.date = known;
      } else {
        this.dates.set(mutable.date.text, mutable.date);
      }
    }
    return entry;
  }
}
