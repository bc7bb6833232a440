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
      } else if ('keptRecords' in reply) {
        abstracts = new NodeAbstractFile(reply.keptRecords.key, reply.keptRecords.path);
        segments = new KeptSegmentDecoder(abstracts, shared);
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
