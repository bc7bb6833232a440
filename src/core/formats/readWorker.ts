import { mkdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { parentPort, type MessagePort } from 'node:worker_threads';
import { isReadable, mergeKeys, type LibraryFile, type UnreadableFile } from '../library/merge';
import { StoredAbstract, withStoredAbstract } from '../model/storedAbstract';
import { encodeKeptSegment } from './keptRecords/keptSegment';
import {
  KeptRecordsWriter,
  keptRecordsFileName,
  keptRecordsKey,
  openKeptRecords,
  type KeptRecords,
} from './keptRecords/keptRecordsFile';
import { NodeAbstractFile } from './keptRecords/nodeAbstractFile';
import { nodeFileSource } from './nodeFileSource';
import type { ParsedEntry } from './parse';
import { readCorpusSource } from './readSource';
import type { KeptRecordsLocation, ReadWorkerAck, ReadWorkerReply, ReadWorkerRequest } from './readWorkerProtocol';

/** Entries a message carries: a few milliseconds for the receiving thread to take in. */
const ENTRIES_PER_MESSAGE = 1000;
/** Batches sent before the receiver acknowledges one: it always has the next, and never a backlog to take in at once. */
const BATCHES_AHEAD = 2;
/** Progress is posted at most this often. */
const PROGRESS_MS = 100;

/**
 * The read worker (bundled as `dist/readWorker.js`): streams one local file from disk and reads it off the
 * extension host's thread, where decoding and parsing hundreds of megabytes would hold up the editor. With a
 * kept-records folder, what a read of the arXiv snapshot keeps is written there, abstracts included, and the next
 * read of the same file with the same filter sends that instead of reading the snapshot again.
 */
/** Sends batches no further ahead of the receiver than `BATCHES_AHEAD`. */
class Pacer {
  private inFlight = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly port: MessagePort) {}

  post(reply: ReadWorkerReply): void {
    this.port.postMessage(reply);
  }

  async postBatch(reply: ReadWorkerReply): Promise<void> {
    while (this.inFlight >= BATCHES_AHEAD) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    this.inFlight++;
    this.port.postMessage(reply);
  }

  acked(): void {
    this.inFlight--;
    this.waiting.shift()?.();
  }
}

const port = parentPort;
if (port) {
  const pacer = new Pacer(port);
  port.on('message', (message: ReadWorkerRequest | ReadWorkerAck) => {
    if ('ack' in message) {
      pacer.acked();
    } else {
      void read(message, pacer).then(
        () => port.close(),
        (error: unknown) => {
          throw error;
        },
      );
    }
  });
}

async function read(request: ReadWorkerRequest, pacer: Pacer): Promise<void> {
  const location = request.keptRecordsDir === undefined ? undefined : keptRecordsLocation(request);
  const existing = location && openKeptRecords(location.path, location.key);
  if (location && existing) {
    return sendKept(request, existing, { ...location, reused: true }, pacer);
  }
  let lastProgress = 0;
  const sink = location && new StoringAbstracts(location);
  let file: LibraryFile | UnreadableFile | undefined;
  try {
    file = await readCorpusSource(
      request.id,
      request.name,
      path.basename(request.path),
      await nodeFileSource(request.path),
      {
        ...(request.arxivFilter && { arxivFilter: request.arxivFilter }),
        ...(sink && { keepArxivEntry: (entry: ParsedEntry) => sink.keep(entry) }),
        onProgress: (progress) => {
          const now = performance.now();
          if (now - lastProgress >= PROGRESS_MS) {
            lastProgress = now;
            pacer.post({ progress });
          }
        },
      },
    );
  } catch (error) {
    const reason = (error as { code?: string }).code ?? (error as Error).message;
    file = { id: request.id, problem: { line: 1, message: `the file cannot be read (${reason})` } };
  }
  const writer = sink?.writer;
  if (!file || !isReadable(file)) {
    writer?.abandon();
    pacer.post({ file: file ?? { id: request.id, problem: { line: 1, message: 'reading the file was cancelled' } } });
    return;
  }
  const { entries, ...rest } = file.parsed;
  if (writer && location && rest.format === 'arxiv' && rest.counts) {
    for (let start = 0; start < entries.length; start += ENTRIES_PER_MESSAGE) {
      const batch = entries.slice(start, start + ENTRIES_PER_MESSAGE);
      writer.addSegment(encodeKeptSegment(batch), batch.length);
    }
    writer.finish({ key: location.key, counts: rest.counts, problems: rest.problems });
    const written = openKeptRecords(location.path, location.key);
    if (!written) {
      throw new Error(`the kept-records file ${location.path} cannot be read back`);
    }
    return sendKept(request, written, { ...location, reused: false }, pacer);
  }
  writer?.abandon();
  for (let start = 0; start < entries.length; start += ENTRIES_PER_MESSAGE) {
    await pacer.postBatch({ entries: JSON.stringify(entries.slice(start, start + ENTRIES_PER_MESSAGE)) });
  }
  pacer.post({ file: { ...file, parsed: { ...rest, entries: [] } } });
}

function keptRecordsLocation(request: ReadWorkerRequest): Omit<KeptRecordsLocation, 'reused'> | undefined {
  let stat;
  try {
    stat = statSync(request.path);
  } catch {
    // Read as usual, which says why the file cannot be read.
    return undefined;
  }
  mkdirSync(request.keptRecordsDir!, { recursive: true });
  const key = keptRecordsKey(request.path, stat, request.arxivFilter);
  return { key, path: path.join(request.keptRecordsDir!, keptRecordsFileName(key)) };
}

/**
 * Each kept record's abstract goes to the kept-records file (opened with the first), and its merge keys are worked
 * out here rather than on the extension host.
 */
class StoringAbstracts {
  writer: KeptRecordsWriter | undefined;
  private readonly file: NodeAbstractFile;

  constructor(private readonly location: Omit<KeptRecordsLocation, 'reused'>) {
    this.file = new NodeAbstractFile(location.key, location.path);
  }

  keep(entry: ParsedEntry): ParsedEntry {
    this.writer ??= new KeptRecordsWriter(this.location.path);
    const { abstract, ...fields } = entry;
    const { offset, byteLength } = this.writer.keepAbstract(abstract);
    const stored = new StoredAbstract(this.file, offset, byteLength, abstract.length);
    return Object.assign(withStoredAbstract<ParsedEntry>(stored), { ...fields, mergeKeys: mergeKeys(entry, true) });
  }
}

/** The kept records, a batch at a time, and then the file they make, its entries left out. */
async function sendKept(
  request: ReadWorkerRequest,
  records: KeptRecords,
  location: KeptRecordsLocation,
  pacer: Pacer,
): Promise<void> {
  const { counts, problems, segments } = records.footer;
  pacer.post({ keptRecords: location });
  try {
    for (let i = 0; i < segments.length; i++) {
      await pacer.postBatch({ segment: records.readSegment(i) });
    }
  } finally {
    records.close();
  }
  pacer.post({
    file: { id: request.id, name: request.name, parsed: { format: 'arxiv', entries: [], problems, counts } },
  });
}
