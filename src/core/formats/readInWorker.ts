import { Worker } from 'node:worker_threads';
import type { LibraryFile, UnreadableFile } from '../library/merge';
import { isReadable } from '../library/merge';
import type { CancellationFlag } from '../util/steps';
import type { ParsedEntry } from './parse';
import type { ReadProgress } from './readSource';
import type { ReadWorkerAck, ReadWorkerReply, ReadWorkerRequest } from './readWorkerProtocol';
import { KeptSegmentDecoder } from './keptRecords/keptSegment';
import { NodeAbstractFile } from './keptRecords/nodeAbstractFile';
import { SharedValues } from './sharedValues';

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
 * where (`keptRecords`). A snapshot read anew is handed over (`handOverKept`): the worker that read it writes the
 * kept records and exits, and a fresh worker sends them, so that the first one's heap, the whole read, is freed
 * before any record is taken in here (freed meanwhile, it made this thread's collections wait: 42 ms at 300,000
 * papers). Rejects if a worker cannot start or fails.
 */
export function readInWorker(
  script: string,
  request: ReadWorkerRequest,
  options: ReadInWorkerOptions = {},
): Promise<LibraryFile | UnreadableFile | undefined> {
  return new Promise((resolve, reject) => {
    const entries: ParsedEntry[] = [];
    const shared = new SharedValues();
    let abstracts: NodeAbstractFile | undefined;
    let segments: KeptSegmentDecoder | undefined;
    let reused = false;
    /** Whether the kept records were written by a worker of this read, which then handed them over. */
    let handedOver = false;
    let worker: Worker;
    /** The worker whose messages and exit count: not one that handed over and is exiting. */
    let listening: Worker | undefined;
    let settled = false;
    const settle = (finish: () => void, when: 'now' | 'exited' = 'now') => {
      if (!settled) {
        settled = true;
        clearInterval(poll);
        // The answer is in (or given up on): a worker that fails to stop has nothing left to say.
        const exited = worker.terminate();
        if (when === 'exited') {
          void exited.then(finish, finish);
        } else {
          exited.catch(() => undefined);
          finish();
        }
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
      } else if ('keptWritten' in reply) {
        handedOver = true;
        listening = undefined;
        const startFresh = () => !settled && start({ ...request, handOverKept: false });
        void worker.terminate().then(startFresh, startFresh);
      } else if ('keptRecords' in reply) {
        abstracts = new NodeAbstractFile(reply.keptRecords.key, reply.keptRecords.path);
        segments = new KeptSegmentDecoder(abstracts, shared);
        // Written by this read's first worker, the records were read, not reused, whatever the second finds.
        reused = reply.keptRecords.reused && !handedOver;
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
        // The kept records' key names the snapshot and the filter, hence the entries they hold.
        const kept = abstracts && { keptRecords: { path: abstracts.path, reused }, contentKey: `kept:${abstracts.id}` };
        // Handed over once the worker is gone: a worker that read the snapshot frees hundreds of megabytes as it
        // exits, and merging here meanwhile had this thread's collections wait on it (75 ms at 300,000 papers).
        settle(
          () => resolve(isReadable(file) ? { ...file, ...kept, parsed: { ...file.parsed, entries } } : file),
          'exited',
        );
      }
    };
    // Asked for in the next turn: a worker that answers at once would otherwise be drained in this one, with every
    // batch it sends meanwhile.
    const askForMore = () => setImmediate(() => !settled && worker.postMessage({ ack: true } satisfies ReadWorkerAck));
    const start = (workerRequest: ReadWorkerRequest) => {
      const started = new Worker(script);
      worker = listening = started;
      started.on('message', (reply: ReadWorkerReply) => {
        if (listening !== started) {
          return;
        }
        try {
          receive(reply);
        } catch (error) {
          settle(() => reject(error instanceof Error ? error : new Error(String(error))));
        }
      });
      started.on('error', (error) => listening === started && settle(() => reject(error)));
      started.on(
        'exit',
        (code) =>
          listening === started &&
          settle(() => reject(new Error(`the read worker exited (code ${code}) before it finished`))),
      );
      started.postMessage(workerRequest satisfies ReadWorkerRequest);
    };
    start({ ...request, handOverKept: true });
  });
}
