import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArxivFilter } from '../../src/core/formats/arxiv/filter';
import {
  KeptRecordsWriter,
  keptRecordsFileName,
  keptRecordsKey,
  openKeptRecords,
  staleKeptRecords,
} from '../../src/core/formats/keptRecords/keptRecordsFile';
import { KeptSegmentDecoder, encodeKeptSegment } from '../../src/core/formats/keptRecords/keptSegment';
import { NodeAbstractFile } from '../../src/core/formats/keptRecords/nodeAbstractFile';
import { SharedValues } from '../../src/core/formats/sharedValues';
import { paperDate } from '../../src/core/model/dates';
import { StoredAbstract, withStoredAbstract, type AbstractFile } from '../../src/core/model/storedAbstract';
import type { ParsedEntry } from '../../src/core/formats/parse';
import { readInWorker } from '../../src/core/formats/readInWorker';
import { buildLibrary, isReadable, type LibraryFile, type UnreadableFile } from '../../src/core/library/merge';
import { buildIndex, loadIndexAsync, updateIndexAsync } from '../../src/core/search/engine';
import { indexCacheKeySteps } from '../../src/core/search/engine/indexCache';
import { runSteps } from '../../src/core/util/steps';
import { ROOT } from './helpers';

const READ_WORKER = path.join(ROOT, 'out', 'src', 'core', 'formats', 'readWorker.js');

function record(n: number, categories: string, abstract: string): string {
  return JSON.stringify({
    id: `2401.${String(n).padStart(5, '0')}`,
    authors: 'A. Okafor',
    title: `Paper number ${n} on ${categories}`,
    'journal-ref': null,
    doi: null,
    categories,
    abstract: `  ${abstract}\n`,
    versions: [{ version: 'v1', created: 'Tue, 9 Jan 2024 10:00:00 GMT' }],
    update_date: '2024-01-10',
    authors_parsed: [['Okafor', 'A.', '']],
  });
}

function readOk(file: LibraryFile | UnreadableFile | undefined): LibraryFile {
  assert.ok(file && isReadable(file), file && !isReadable(file) ? file.problem.message : 'cancelled');
  return file;
}

/** Abstracts with characters of one to four UTF-8 bytes, so that ranges in bytes and lengths in code units differ. */
const ABSTRACTS = [
  'Plain ASCII text about tokenizers.',
  'Zürich and Kraków: accents of two bytes.',
  '注意力机制 and three-byte characters.',
  'A mathematical 𝔽 and an emoji 🙂 of four bytes.',
];

describe('kept records (the arXiv snapshot, read once, its abstracts on disk)', () => {
  let dir: string;
  before(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kept-records-'));
  });
  after(() => fs.rm(dir, { recursive: true, force: true }));

  it('writes abstracts and segments, and reads them back by byte range', () => {
    const file = path.join(dir, 'roundtrip.records');
    const writer = new KeptRecordsWriter(file);
    const long = 'x'.repeat(3 << 20);
    const ranges = [...ABSTRACTS, long, ...ABSTRACTS].map((text) => ({ text, ...writer.keepAbstract(text) }));
    writer.addSegment('[{"title":"a"}]', 1);
    writer.addSegment('[{"title":"b"},{"title":"c"}]', 2);
    writer.finish({ key: 'k1', counts: { read: 9, kept: 3, bad: 0 }, problems: [{ line: 4, message: 'bad' }] });
    const records = openKeptRecords(file, 'k1');
    assert.ok(records);
    assert.deepEqual(records.footer.counts, { read: 9, kept: 3, bad: 0 });
    assert.deepEqual(records.footer.problems, [{ line: 4, message: 'bad' }]);
    assert.deepEqual(
      records.footer.segments.map((_, i) => records.readSegment(i)),
      ['[{"title":"a"}]', '[{"title":"b"},{"title":"c"}]'],
    );
    records.close();
    const abstracts = new NodeAbstractFile('k1', file);
    for (const { text, offset, byteLength } of ranges) {
      assert.equal(abstracts.read(offset, byteLength), text);
    }
    assert.equal(openKeptRecords(file, 'another key'), undefined, 'a file for another key is not this one');
  });

  it('reads abstracts in file order a window at a time, and says so in the text when the file is gone', async () => {
    const file = path.join(dir, 'window.records');
    const writer = new KeptRecordsWriter(file);
    const texts = Array.from({ length: 200 }, (_, i) => `${ABSTRACTS[i % ABSTRACTS.length]} (${i})`);
    const ranges = texts.map((text) => writer.keepAbstract(text));
    writer.finish({ key: 'k', counts: { read: 200, kept: 200, bad: 0 }, problems: [] });
    const abstracts = new NodeAbstractFile('k', file);
    assert.deepEqual(
      ranges.map((r) => abstracts.read(r.offset, r.byteLength)),
      texts,
    );
    assert.equal(abstracts.reads, 2, 'two hundred short abstracts in order: a page, then one large window');
    const elsewhere = new NodeAbstractFile('k', file);
    assert.equal(elsewhere.read(ranges[150].offset, ranges[150].byteLength), texts[150]);
    assert.equal(elsewhere.read(ranges[10].offset, ranges[10].byteLength), texts[10]);
    assert.equal(elsewhere.reads, 2, 'two abstracts far apart, out of order: a page each');
    await fs.rm(file);
    const gone = new NodeAbstractFile('k', file);
    assert.match(gone.read(ranges[0].offset, ranges[0].byteLength), /cannot be read from .*window\.records: ENOENT/);
  });

  it('takes a damaged or unfinished file as absent', async () => {
    const file = path.join(dir, 'damaged.records');
    const writer = new KeptRecordsWriter(file);
    writer.keepAbstract('text');
    writer.finish({ key: 'k', counts: { read: 1, kept: 1, bad: 0 }, problems: [] });
    const whole = await fs.readFile(file);
    await fs.writeFile(file, whole.subarray(0, whole.length - 3));
    assert.equal(openKeptRecords(file, 'k'), undefined, 'cut short');
    await fs.writeFile(file, Buffer.concat([whole.subarray(0, 8), Buffer.from('garbage'), whole.subarray(8)]));
    assert.equal(openKeptRecords(file, 'k'), undefined, 'bytes inserted');
    const unfinished = new KeptRecordsWriter(path.join(dir, 'unfinished.records'));
    unfinished.keepAbstract('text');
    unfinished.abandon();
    assert.deepEqual(
      (await fs.readdir(dir)).filter((f) => f.startsWith('unfinished')),
      [],
      'an abandoned file leaves nothing',
    );
  });

  it('encodes entries as a segment of tables and rows, and decodes them with every field and shared values', () => {
    const file: AbstractFile = { id: 'f', read: (offset, bytes) => `abstract at ${offset}+${bytes}` };
    const stored = (offset: number, fields: Omit<ParsedEntry, 'abstract'>): ParsedEntry =>
      Object.assign(withStoredAbstract<ParsedEntry>(new StoredAbstract(file, offset, 10, 9)), fields);
    const issued = { year: 2024, month: 1, day: 9 };
    const okafor = { family: 'Okafor', given: 'A.' };
    const first = stored(8, {
      title: 'Tokenizers',
      line: 1,
      date: paperDate(issued),
      bibliographic: {
        arxivId: '2401.00001',
        authors: [okafor, { literal: 'The Team' }],
        issued,
        categories: ['cs.CL'],
      },
      mergeKeys: { titleId: 'abc', citationKeyBase: 'okafor2024tokenizers', links: ['https://github.com/a/b'] },
    });
    const second = stored(18, {
      title: '$O(n)$ attention',
      line: 7,
      upvotes: 3,
      date: paperDate(issued),
      bibliographic: {
        arxivId: 'hep-th/9901001',
        authors: [{ ...okafor }],
        issued: { ...issued },
        categories: ['cs.CL'],
        doi: '10.1234/x',
        venue: 'J. Synth. 1',
        url: 'https://example.org',
        entryType: 'article',
      },
      mergeKeys: { titleId: 'def', label: 'O(n) attention' },
    });
    const decoder = new KeptSegmentDecoder(file, new SharedValues());
    const [a, b] = decoder.decode(encodeKeptSegment([first, second]));
    const [again] = decoder.decode(encodeKeptSegment([second]));
    const plain = (e: ParsedEntry) => ({ ...e, abstract: e.abstract });
    assert.deepEqual(plain(a), plain(first));
    assert.deepEqual(plain(b), plain(second));
    assert.equal(b.abstract, 'abstract at 18+10');
    assert.equal(b.bibliographic?.authors?.[0], a.bibliographic?.authors?.[0], 'one name object for one person');
    assert.equal(again.bibliographic?.issued, a.bibliographic?.issued, 'one day object across segments');
    assert.equal(again.date, a.date);
    assert.equal(again.bibliographic?.categories, a.bibliographic?.categories);
    assert.throws(() => encodeKeptSegment([{ title: 't', abstract: 'in memory', line: 1 }]), /stored abstracts only/);
  });

  it('finds kept records no window has used for a month, and partial files a day old, never one in use', async () => {
    const folder = path.join(dir, 'stale');
    await fs.mkdir(folder);
    const now = Date.parse('2026-11-29T12:00:00Z');
    const daysAgo = (days: number) => new Date(now - days * 86_400_000);
    const files: [string, number][] = [
      ['old.records', 31],
      ['old-in-use.records', 90],
      ['recent.records', 29],
      ['left.records.partial', 2],
      ['reading.records.partial', 0.5],
      ['other.txt', 400],
    ];
    for (const [name, age] of files) {
      await fs.writeFile(path.join(folder, name), '');
      await fs.utimes(path.join(folder, name), daysAgo(age), daysAgo(age));
    }
    const stale = staleKeptRecords(folder, new Set([path.join(folder, 'old-in-use.records')]), now);
    assert.deepEqual(stale.map((f) => path.basename(f)).sort(), ['left.records.partial', 'old.records']);
    assert.deepEqual(staleKeptRecords(path.join(dir, 'no such folder'), new Set(), now), []);
  });

  it('keys a read by the file, its size and time, and the filter', () => {
    const stat = { size: 10, mtimeMs: 1000 };
    const cl = parseArxivFilter({ categories: ['cs.CL'] }).filter;
    const key = keptRecordsKey('/a.jsonl', stat, cl);
    assert.equal(keptRecordsKey('/a.jsonl', { ...stat }, parseArxivFilter({ categories: ['cs.CL'] }).filter), key);
    for (const other of [
      keptRecordsKey('/b.jsonl', stat, cl),
      keptRecordsKey('/a.jsonl', { ...stat, size: 11 }, cl),
      keptRecordsKey('/a.jsonl', { ...stat, mtimeMs: 1001 }, cl),
      keptRecordsKey('/a.jsonl', stat, parseArxivFilter({ categories: ['cs.LG'] }).filter),
      keptRecordsKey('/a.jsonl', stat),
    ]) {
      assert.notEqual(other, key);
    }
    assert.match(keptRecordsFileName(key), /^[0-9a-f]{32}\.records$/);
  });

  it('reads a snapshot once: the next read of the unchanged file sends the kept records, abstracts left on disk', async () => {
    const snapshot = path.join(dir, 'snapshot.jsonl');
    const keptRecordsDir = path.join(dir, 'kept');
    const lines = ABSTRACTS.map((a, i) => record(i + 1, i % 2 === 0 ? 'cs.CL' : 'math.CO', a));
    await fs.writeFile(snapshot, `${lines.join('\n')}\n`);
    const time = new Date('2026-01-02T03:04:05Z');
    await fs.utimes(snapshot, time, time);
    const arxivFilter = parseArxivFilter({ categories: ['cs.'] }).filter!;
    const request = { path: snapshot, id: snapshot, name: 'snapshot', arxivFilter, keptRecordsDir };
    const first = readOk(await readInWorker(READ_WORKER, request));
    assert.equal(first.keptRecords?.reused, false);
    assert.deepEqual(first.parsed.counts, { read: 4, kept: 2, bad: 0 });
    assert.deepEqual(
      first.parsed.entries.map((e) => [e.abstract, e.storedAbstract?.length]),
      [
        [ABSTRACTS[0], ABSTRACTS[0].length],
        [ABSTRACTS[2], ABSTRACTS[2].length],
      ],
    );
    assert.deepEqual(await fs.readdir(keptRecordsDir), [path.basename(first.keptRecords!.path)]);

    // The same size and time with other bytes: only a read of the kept records, not of the file, gives the old papers.
    await fs.writeFile(snapshot, `${lines.join('\n')}\n`.replace(/Paper number/g, 'Replaced txt'));
    await fs.utimes(snapshot, time, time);
    const longAgo = new Date('2020-01-01T00:00:00Z');
    await fs.utimes(first.keptRecords!.path, longAgo, longAgo);
    const second = readOk(await readInWorker(READ_WORKER, request));
    assert.deepEqual(second.keptRecords, { ...first.keptRecords, reused: true });
    assert.ok((await fs.stat(first.keptRecords!.path)).mtimeMs > longAgo.getTime(), 'a reuse marks the file as used');
    assert.deepEqual(second.parsed.counts, { read: 4, kept: 2, bad: 0 });
    assert.deepEqual(
      second.parsed.entries.map((e) => e.title),
      ['Paper number 1 on cs.CL', 'Paper number 3 on cs.CL'],
    );
    const library = buildLibrary([second]);
    assert.equal(library.papers[1].abstract, ABSTRACTS[2]);
    assert.ok(library.papers[1].storedAbstract, 'the paper reads its abstract from disk');
    assert.deepEqual(
      library.papers.map((p) => p.citationKey),
      ['okafor2024paper', 'okafor2024papera'],
    );

    // A filter that keeps other records is another read, of the file as it is now.
    const other = readOk(
      await readInWorker(READ_WORKER, { ...request, arxivFilter: parseArxivFilter({ categories: ['math.'] }).filter! }),
    );
    assert.equal(other.keptRecords?.reused, false);
    assert.deepEqual(
      other.parsed.entries.map((e) => e.title),
      ['Replaced txt 2 on math.CO', 'Replaced txt 4 on math.CO'],
    );
  });

  it('hands a snapshot read anew to a fresh worker: the one that read it has exited before a record is taken in', async () => {
    const snapshot = path.join(dir, 'handed.jsonl');
    const keptRecordsDir = path.join(dir, 'handed');
    await fs.writeFile(snapshot, ABSTRACTS.map((a, i) => `${record(i + 1, 'cs.CL', a)}\n`).join(''));
    const request = { path: snapshot, id: snapshot, name: 'snapshot', keptRecordsDir };
    const events: string[] = [];
    // Swapped on the module object itself, which readInWorker's compiled code reads `Worker` from at each `new`: an
    // import binding is read-only.
    const threads = createRequire(__filename)('node:worker_threads') as typeof import('node:worker_threads');
    const RealWorker = threads.Worker;
    let started = 0;
    threads.Worker = class extends RealWorker {
      constructor(...args: ConstructorParameters<typeof RealWorker>) {
        super(...args);
        const n = ++started;
        events.push(`start ${n}`);
        this.on('message', (reply: object) => events.push(`${Object.keys(reply)[0]} ${n}`));
        this.on('exit', () => events.push(`exit ${n}`));
      }
    };
    try {
      const first = readOk(await readInWorker(READ_WORKER, request));
      assert.equal(first.keptRecords?.reused, false, 'read, though the second worker found the records kept');
      assert.deepEqual(
        first.parsed.entries.map((e) => e.abstract),
        ABSTRACTS,
      );
      const read = events.filter((e) => !e.startsWith('progress'));
      assert.deepEqual(read, [
        'start 1',
        'keptWritten 1',
        'exit 1',
        'start 2',
        'keptRecords 2',
        'segment 2',
        'file 2',
        'exit 2',
      ]);
      events.length = 0;
      const again = readOk(await readInWorker(READ_WORKER, request));
      assert.equal(again.keptRecords?.reused, true);
      assert.deepEqual(events, ['start 3', 'keptRecords 3', 'segment 3', 'file 3', 'exit 3'], 'kept: one worker');
    } finally {
      threads.Worker = RealWorker;
    }
  });

  it('reads the snapshot with its abstracts in memory when its records cannot be saved, and says so', async () => {
    const snapshot = path.join(dir, 'unsaved.jsonl');
    await fs.writeFile(snapshot, ABSTRACTS.map((a, i) => record(i + 1, 'cs.CL', a)).join('\n'));
    const notAFolder = path.join(dir, 'a-file');
    await fs.writeFile(notAFolder, '');
    const read = readOk(
      await readInWorker(READ_WORKER, {
        path: snapshot,
        id: snapshot,
        name: 's',
        keptRecordsDir: path.join(notAFolder, 'kept'),
      }),
    );
    assert.equal(read.keptRecords, undefined);
    assert.deepEqual(
      read.parsed.entries.map((e) => [e.abstract, e.storedAbstract]),
      ABSTRACTS.map((a) => [a, undefined]),
    );
    assert.deepEqual(read.parsed.counts, { read: 4, kept: 4, bad: 0 });
    assert.match(
      read.parsed.problems[0].message,
      /^the records it keeps could not be saved in .*a-file.kept \(ENOTDIR\), so it is read again at every start$/,
    );
  });

  it('names stored abstracts in the index cache key without reading them, and the key still tells texts apart', async () => {
    const snapshot = path.join(dir, 'keyed.jsonl');
    await fs.writeFile(snapshot, ABSTRACTS.map((a, i) => record(i + 1, 'cs.CL', a)).join('\n'));
    const keptRecordsDir = path.join(dir, 'keyed');
    const read = readOk(await readInWorker(READ_WORKER, { path: snapshot, id: snapshot, name: 's', keptRecordsDir }));
    const library = buildLibrary([read]);
    const file = library.papers[0].storedAbstract!.file as NodeAbstractFile;
    const index = buildIndex(library);
    assert.deepEqual(
      index.search('krakow').hits.map((h) => h.paper.abstract),
      [ABSTRACTS[1]],
    );
    const readsBefore = file.reads;
    const key = runSteps(indexCacheKeySteps(library, 'settings'));
    assert.equal(file.reads, readsBefore, 'the key reads no abstract');
    const loaded = await loadIndexAsync(library, index.toCache());
    assert.ok(loaded, 'a library from the same kept records loads the cached index');
    const again = buildLibrary([read]);
    const readText = file.read.bind(file);
    let texts = 0;
    file.read = (offset, byteLength) => {
      texts++;
      return readText(offset, byteLength);
    };
    const updated = await updateIndexAsync(index, again);
    assert.equal(updated?.indexed.carried, again.papers.length, 'every paper carried over');
    assert.equal(texts, 0, 'the same stored abstracts are not read to be compared');
    const inMemoryEntries = read.parsed.entries.map((e) => ({
      line: e.line,
      title: e.title,
      abstract: e.abstract,
      ...(e.bibliographic && { bibliographic: e.bibliographic }),
    }));
    const inMemory = buildLibrary([{ ...read, parsed: { ...read.parsed, entries: inMemoryEntries } }]);
    assert.equal(inMemory.papers[0].storedAbstract, undefined);
    assert.notEqual(runSteps(indexCacheKeySteps(inMemory, 'settings')), key, 'text in memory is keyed by its text');
  });
});
