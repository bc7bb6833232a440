import { mkdirSync, statSync, utimesSync } from 'node:fs';
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
import type { CorpusProblem, ParsedEntry } from './parse';
import { readCorpusSource } from './readSource';
import type { KeptRecordsLocation, ReadWorkerAck, ReadWorkerReply, ReadWorkerRequest } from './readWorkerProtocol';

/**
 * Entries a message (and a segment of kept records) carries. Five hundred take about a millisecond to decode on the
 * receiving thread, two at the 90th percentile; a thousand took 2 and 12, and with its collections a turn that took
 * one in held the extension host for up to 35 ms at 300,000 papers (21 with five hundred).
 */
const ENTRIES_PER_MESSAGE = 500;
/** Batches sent before the receiver acknowledges one: it always has the next, and never a backlog to take in at once. */
const BATCHES_AHEAD = 2;
/** Progress is posted at most this often. */
const PROGRESS_MS = 100;

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

/**
 * The read worker (bundled as `dist/readWorker.js`): streams one local file from disk and reads it off the
 * extension host's thread, where decoding and parsing hundreds of megabytes would hold up the editor. With a
 * kept-records folder, what a read of the arXiv snapshot keeps is written there, abstracts included, and the next
 * read of the same file with the same filter sends that instead of reading the snapshot again.
 */
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
    touch(location.path);
    return sendKept(request, existing, { ...location, reused: true }, pacer);
  }
  const sink = location && new StoringAbstracts(location);
  let file = await readFile(request, pacer, sink);
  let saveError = sink?.failed;
  if (!saveError && sink?.writer && location && file && isReadable(file) && file.parsed.format === 'arxiv') {
    try {
      const records = keep(file, sink.writer, location);
      if (request.handOverKept) {
        records.close();
        pacer.post({ keptWritten: true });
        return;
      }
      return sendKept(request, records, { ...location, reused: false }, pacer);
    } catch (error) {
      saveError = error;
    }
  }
  sink?.writer?.abandon();
  let notSaved: CorpusProblem | undefined;
  if (saveError !== undefined) {
    // A full disk, say: the snapshot is read again with its abstracts in memory, and so at the next start.
    notSaved = {
      line: 1,
      message: `the records it keeps could not be saved in ${request.keptRecordsDir} (${reasonOf(saveError)}), so it is read again at every start`,
    };
    file = await readFile(request, pacer, undefined);
  }
  if (!file || !isReadable(file)) {
    pacer.post({ file: file ?? { id: request.id, problem: { line: 1, message: 'reading the file was cancelled' } } });
    return;
  }
  const { entries, ...rest } = file.parsed;
  for (let start = 0; start < entries.length; start += ENTRIES_PER_MESSAGE) {
    await pacer.postBatch({ entries: JSON.stringify(entries.slice(start, start + ENTRIES_PER_MESSAGE)) });
  }
  const problems = notSaved ? [notSaved, ...rest.problems] : rest.problems;
  pacer.post({ file: { ...file, parsed: { ...rest, problems, entries: [] } } });
}

/** Reads the file; with a sink, each arXiv record kept has its abstract written to the kept-records file as it is read. */
async function readFile(
  request: ReadWorkerRequest,
  pacer: Pacer,
  sink: StoringAbstracts | undefined,
): Promise<LibraryFile | UnreadableFile | undefined> {
  let lastProgress = 0;
  try {
    return await readCorpusSource(
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
    if (sink?.failed) {
      // Not the file's fault: the caller reads it again without saving.
      return undefined;
    }
    return { id: request.id, problem: { line: 1, message: `the file cannot be read (${reasonOf(error)})` } };
  }
}

/** Writes the segments and the footer after the abstracts, and opens the finished file to send from. */
function keep(
  file: LibraryFile,
  writer: KeptRecordsWriter,
  location: Omit<KeptRecordsLocation, 'reused'>,
): KeptRecords {
  const { entries, counts, problems } = file.parsed;
  for (let start = 0; start < entries.length; start += ENTRIES_PER_MESSAGE) {
    const batch = entries.slice(start, start + ENTRIES_PER_MESSAGE);
    writer.addSegment(encodeKeptSegment(batch), batch.length);
  }
  writer.finish({
    key: location.key,
    counts: counts ?? { read: entries.length, kept: entries.length, bad: 0 },
    problems,
  });
  const written = openKeptRecords(location.path, location.key);
  if (!written) {
    throw new Error(`${location.path} cannot be read back`);
  }
  return written;
}

/** Marks a kept-records file as used now: unused files are deleted after a while (`staleKeptRecords`). */
function touch(file: string): void {
  const now = new Date();
  try {
    utimesSync(file, now, now);
  } catch {
    // Read-only storage: the file is used all the same, and may be deleted as unused in a month.
  }
}

function reasonOf(error: unknown): string {
  return (error as { code?: string }).code ?? (error as Error).message;
}

function keptRecordsLocation(request: ReadWorkerRequest): Omit<KeptRecordsLocation, 'reused'> | undefined {
  let stat;
  try {
    stat = statSync(request.path);
  } catch {
    // Read as usual, which says why the file cannot be read.
    return undefined;
  }
  const key = keptRecordsKey(request.path, stat, request.arxivFilter);
  return { key, path: path.join(request.keptRecordsDir!, keptRecordsFileName(key)) };
}

/**
 * Each kept record's abstract goes to the kept-records file (opened with the first), and its merge keys are worked
 * out here rather than on the extension host.
 */
class StoringAbstracts {
  writer: KeptRecordsWriter | undefined;
  /** Why writing failed, once it has: the read stops, and is made again without saving. */
  failed: unknown;
  private readonly file: NodeAbstractFile;

  constructor(private readonly location: Omit<KeptRecordsLocation, 'reused'>) {
    this.file = new NodeAbstractFile(location.key, location.path);
  }

  keep(entry: ParsedEntry): ParsedEntry {
    const { abstract, ...fields } = entry;
    let range;
    try {
      if (!this.writer) {
        mkdirSync(path.dirname(this.location.path), { recursive: true });
        this.writer = new KeptRecordsWriter(this.location.path);
      }
      range = this.writer.keepAbstract(abstract);
    } catch (error) {
      this.failed = error;
      throw error;
    }
    const stored = new StoredAbstract(this.file, range.offset, range.byteLength, abstract.length);
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
