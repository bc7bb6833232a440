import { Worker } from 'node:worker_threads';
import type { LibraryFile, UnreadableFile } from '../library/merge';
import { isReadable } from '../library/merge';
import type { CancellationFlag } from '../util/steps';
import { CategoryLists } from './arxiv/categoryLists';
import type { PaperDate } from '../model/dates';
import type { ParsedEntry } from './parse';
import type { ReadProgress } from './readSource';
import type { ReadWorkerAck, ReadWorkerReply, ReadWorkerRequest } from './readWorkerProtocol';
import { fromKeptEntryJson, type KeptEntryJson } from './keptRecords/keptEntry';
import { NodeAbstractFile } from './keptRecords/nodeAbstractFile';
import type { PersonName } from '../model/bibliographic';

/** How often a cancellation is noticed while the worker reads. */
const CANCEL_POLL_MS = 50;

export interface ReadInWorkerOptions {
  readonly token?: CancellationFlag;
  readonly onProgress?: (progress: ReadProgress) => void;
}

/**
 * Reads one local file in a worker thread running `script` (`dist/readWorker.js`) and resolves to it, or to
 * undefined once cancelled (the worker is terminated). The entries arrive a batch per message, as JSON, and the
 * next batch is asked for only once one is taken in, so no turn of this thread's event loop takes in more than two.
 * With `request.keptRecordsDir`, the arXiv snapshot's abstracts stay in its kept-records file, and the file says
 * where (`keptRecords`). Rejects if the worker cannot start or fails.
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
    let abstracts: NodeAbstractFile | undefined;
    let reused = false;
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
      } else if ('keptRecords' in reply) {
        abstracts = new NodeAbstractFile(reply.keptRecords.key, reply.keptRecords.path);
        reused = reply.keptRecords.reused;
      } else if ('entries' in reply) {
        for (const json of JSON.parse(reply.entries) as KeptEntryJson[]) {
          entries.push(shared.entry(fromKeptEntryJson(json, abstracts)));
        }
        // Asked for in the next turn: a worker that answers at once would otherwise be drained in this one, with
        // every batch it sends meanwhile.
        setImmediate(() => !settled && worker.postMessage({ ack: true } satisfies ReadWorkerAck));
      } else {
        const file = reply.file;
        const kept = abstracts && { keptRecords: { path: abstracts.path, reused } };
        settle(() => resolve(isReadable(file) ? { ...file, ...kept, parsed: { ...file.parsed, entries } } : file));
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
 * Entries from the worker come as separate objects even where they could share one (equal category lists, equal
 * dates, one person's name on many papers): at 300,000 papers that costs tens of megabytes, so they are shared
 * here, in the copies, which are this thread's own.
 */
class SharedValues {
  private readonly lists = new CategoryLists();
  private readonly dates = new Map<string, PaperDate>();
  private readonly names = new Map<string, PersonName>();

  entry(entry: ParsedEntry): ParsedEntry {
    const mutable = entry as {
      date?: PaperDate;
      bibliographic?: { categories?: readonly string[]; authors?: PersonName[] };
    };
    if (mutable.bibliographic?.categories) {
      mutable.bibliographic.categories = this.lists.intern(mutable.bibliographic.categories);
    }
    const authors = mutable.bibliographic?.authors;
    if (authors) {
      for (let i = 0; i < authors.length; i++) {
        authors[i] = this.name(authors[i]);
      }
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

  private name(name: PersonName): PersonName {
    const key = `${name.family ?? ''}\u0000${name.given ?? ''}\u0000${name.particle ?? ''}\u0000${name.suffix ?? ''}\u0000${name.literal ?? ''}`;
    const known = this.names.get(key);
    if (known) {
      return known;
    }
    this.names.set(key, name);
    return name;
  }
}
