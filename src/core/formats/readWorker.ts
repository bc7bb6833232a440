import * as path from 'node:path';
import { parentPort } from 'node:worker_threads';
import { isReadable } from '../library/merge';
import { nodeFileSource } from './nodeFileSource';
import { readCorpusSource } from './readSource';
import type { ReadWorkerReply, ReadWorkerRequest } from './readWorkerProtocol';

/** Entries a message carries: a few milliseconds for the receiving thread to take in. */
const ENTRIES_PER_MESSAGE = 2000;
/** Progress is posted at most this often. */
const PROGRESS_MS = 100;

/**
 * The read worker (bundled as `dist/readWorker.js`): streams one local file from disk and reads it off the
 * extension host's thread, where decoding and parsing hundreds of megabytes would hold up the editor.
 */
const port = parentPort;
if (port) {
  port.once('message', (request: ReadWorkerRequest) => {
    void read(request).then(
      () => port.close(),
      (error: unknown) => {
        throw error;
      },
    );
  });
}

async function read(request: ReadWorkerRequest): Promise<void> {
  const send = (reply: ReadWorkerReply) => port!.postMessage(reply);
  let lastProgress = 0;
  let file;
  try {
    file = await readCorpusSource(
      request.id,
      request.name,
      path.basename(request.path),
      await nodeFileSource(request.path),
      {
        ...(request.arxivFilter && { arxivFilter: request.arxivFilter }),
        onProgress: (progress) => {
          const now = performance.now();
          if (now - lastProgress >= PROGRESS_MS) {
            lastProgress = now;
            send({ progress });
          }
        },
      },
    );
  } catch (error) {
    const reason = (error as { code?: string }).code ?? (error as Error).message;
    file = { id: request.id, problem: { line: 1, message: `the file cannot be read (${reason})` } };
  }
  if (!file || !isReadable(file)) {
    send({ file: file ?? { id: request.id, problem: { line: 1, message: 'reading the file was cancelled' } } });
    return;
  }
  const { entries, ...rest } = file.parsed;
  for (let start = 0; start < entries.length; start += ENTRIES_PER_MESSAGE) {
    send({ entries: entries.slice(start, start + ENTRIES_PER_MESSAGE) });
  }
  send({ file: { ...file, parsed: { ...rest, entries: [] } } });
}
