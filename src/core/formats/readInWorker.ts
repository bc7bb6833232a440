import { Worker } from 'node:worker_threads';
import type { LibraryFile, UnreadableFile } from '../library/merge';
import { isReadable } from '../library/merge';
import type { CancellationFlag } from '../util/steps';
import { CategoryLists } from './arxiv/categoryLists';
import type { PaperDate } from '../model/dates';
import type { ParsedEntry } from './parse';
import type { ReadProgress } from './readSource';
import type { ReadWorkerAck, ReadWorkerReply, ReadWorkerRequest } from './readWorkerProtocol';
import { KeptSegmentDecoder } from './keptRecords/keptSegment';
import { NodeAbstractFile } from './keptRecords/nodeAbstractFile';
import type { BibliographicFields, PersonName, PublicationDate } from '../model/bibliographic';

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
    let segments: KeptSegmentDecoder | undefined;
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
    const receive = (reply: ReadWorkerReply) => {
      if ('progress' in reply) {
        options.onProgress?.(reply.progress);
      } else if ('keptRecords' in reply) {
        abstracts = new NodeAbstractFile(reply.keptRecords.key, reply.keptRecords.path);
        segments = new KeptSegmentDecoder(abstracts);
        reused = reply.keptRecords.reused;
      } else if ('segment' in reply) {
        if (!segments) {
          throw new Error('a segment of kept records came before where they are kept');
        }
        entries.push(...segments.decode(reply.segment));
        askForMore();
      } else if ('entries' in reply) {
        for (const entry of JSON.parse(reply.entries) as ParsedEntry[]) {
          entries.push(shared.entry(entry));
        }
        askForMore();
      } else {
        const file = reply.file;
        const kept = abstracts && { keptRecords: { path: abstracts.path, reused } };
        settle(() => resolve(isReadable(file) ? { ...file, ...kept, parsed: { ...file.parsed, entries } } : file));
      }
    };
    // Asked for in the next turn: a worker that answers at once would otherwise be drained in this one, with every
    // batch it sends meanwhile.
    const askForMore = () => setImmediate(() => !settled && worker.postMessage({ ack: true } satisfies ReadWorkerAck));
    worker.on('message', (reply: ReadWorkerReply) => {
      try {
        receive(reply);
      } catch (error) {
        settle(() => reject(error instanceof Error ? error : new Error(String(error))));
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
  private readonly days = new Map<string, PublicationDate>();
  private readonly names = new Map<string, PersonName>();

  entry(entry: ParsedEntry): ParsedEntry {
    const mutable = entry as { date?: PaperDate; bibliographic?: Mutable<BibliographicFields> };
    const fields = mutable.bibliographic;
    if (fields?.categories) {
      fields.categories = this.lists.intern(fields.categories);
    }
    if (fields?.authors) {
      const authors = fields.authors as PersonName[];
      for (let i = 0; i < authors.length; i++) {
        const n = authors[i];
        authors[i] = shared(
          this.names,
          `${n.family}\u0000${n.given}\u0000${n.particle}\u0000${n.suffix}\u0000${n.literal}`,
          n,
        );
      }
    }
    if (fields?.issued) {
      const { year, month, day } = fields.issued;
      fields.issued = shared(this.days, `${year}-${month}-${day}`, fields.issued);
    }
    if (mutable.date) {
      mutable.date = shared(this.dates, mutable.date.text, mutable.date);
    }
    return entry;
  }
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The value already known under `key`, or `value`, now known under it. */
function shared<T>(known: Map<string, T>, key: string, value: T): T {
  const found = known.get(key);
  if (found !== undefined) {
    return found;
  }
  known.set(key, value);
  return value;
}
