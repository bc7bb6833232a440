import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArxivFilter } from '../../src/core/formats/arxiv/filter';
import { bytesSource } from '../../src/core/formats/byteSource';
import { nodeFileSystem } from '../../src/core/formats/nodeFileSystem';
import { readInWorker } from '../../src/core/formats/readInWorker';
import { describeReadProgress } from '../../src/core/formats/readProgress';
import { readCorpusSource } from '../../src/core/formats/readSource';
import { MAX_FILE_BYTES, readCorpusLocations, type CorpusFileSystem } from '../../src/core/formats/sources';
import { buildLibrary, isReadable, type LibraryFile, type UnreadableFile } from '../../src/core/library/merge';
import { buildIndex } from '../../src/core/search/engine';
import { parseQuery } from '../../src/core/search/query';
import { ROOT } from './helpers';

/** The read worker as `tsc` compiles it; the extension runs the bundled `dist/readWorker.js`, built from the same source. */
const READ_WORKER = path.join(ROOT, 'out', 'src', 'core', 'formats', 'readWorker.js');

function record(id: string, categories: string, title: string, family: string, abstract = 'An abstract of the paper.') {
  return JSON.stringify({
    id,
    authors: `A. ${family}`,
    title,
    'journal-ref': null,
    doi: null,
    categories,
    abstract: `  ${abstract}\n  It goes on.\n`,
    versions: [{ version: 'v1', created: 'Tue, 9 Jan 2024 10:00:00 GMT' }],
    update_date: '2024-01-10',
    authors_parsed: [[family, 'A.', '']],
  });
}

const SNAPSHOT = [
  record('2401.00001', 'cs.CL cs.LG', 'Tokenizers for many languages', 'Okafor'),
  record('2401.00002', 'math.CO', 'Counting lattice paths', 'Lindqvist'),
  record('2401.00003', 'stat.ML cs.CL', 'Calibrated language models', 'Nakamura'),
  record('2401.00004', 'cs.CV', 'Segmenting cells in microscopy images', 'Okafor'),
  record('2401.00005', 'hep-th', 'Strings on a circle', 'Moreau'),
  record('2401.00006', 'cs.CL cs.LG', 'Tokenizers for few languages', 'Moreau'),
].join('\n');

function readOk(file: LibraryFile | UnreadableFile | undefined): LibraryFile {
  assert.ok(file && isReadable(file), file && !isReadable(file) ? file.problem.message : 'cancelled');
  return file;
}

describe('arXiv snapshot in the library', () => {
  it('reads a .jsonl snapshot into papers with their bibliographic fields, and counts records read and kept', async () => {
    const filter = parseArxivFilter({ categories: ['cs.'] }).filter;
    const file = readOk(
      await readCorpusSource('snap', 'snap', 'snap.jsonl', bytesSource(new TextEncoder().encode(SNAPSHOT), 100), {
        ...(filter && { arxivFilter: filter }),
      }),
    );
    assert.equal(file.parsed.format, 'arxiv');
    assert.deepEqual(file.parsed.counts, { read: 6, kept: 4, bad: 0 });
    const library = buildLibrary([file]);
    assert.deepEqual(library.collections[0].records, { read: 6, kept: 4, bad: 0 });
    assert.equal(library.papers[3].bibliographic?.categories, library.papers[0].bibliographic?.categories);
    const paper = library.papers[0];
    assert.equal(paper.title, 'Tokenizers for many languages');
    assert.equal(paper.abstract, 'An abstract of the paper. It goes on.');
    assert.equal(paper.date?.text, 'Jan 9, 2024');
    assert.deepEqual(paper.bibliographic?.categories, ['cs.CL', 'cs.LG']);
    assert.deepEqual(paper.bibliographic?.authors, [{ family: 'Okafor', given: 'A.' }]);
  });

  it('tells a .json array of snapshot records from other JSON, and reads a .txt page file from a byte source', async () => {
    const array = `[${SNAPSHOT.split('\n').join(',\n')}]`;
    const json = readOk(await readCorpusSource('a', 'a', 'a.json', bytesSource(new TextEncoder().encode(array))));
    assert.equal(json.parsed.format, 'arxiv');
    assert.equal(json.parsed.entries.length, 6);
    const page = 'A Title Here\nAn abstract that is long enough to read as prose, with several words in it.\n';
    const txt = readOk(await readCorpusSource('p', 'p', 'p.txt', bytesSource(new TextEncoder().encode(page), 7)));
    assert.equal(txt.parsed.format, 'search');
    assert.equal(txt.parsed.entries[0].title, 'A Title Here');
  });

  it('searches by category (exact, any case, archive prefix, either of two) and by words within a category', async () => {
    const file = readOk(await readCorpusSource('s', 's', 's.jsonl', bytesSource(new TextEncoder().encode(SNAPSHOT))));
    const index = buildIndex(buildLibrary([file]));
    const ids = (query: string) =>
      index
        .search(query)
        .hits.map((h) => h.paper.bibliographic?.arxivId)
        .sort();
    assert.deepEqual(ids('cat:cs.CL'), ['2401.00001', '2401.00003', '2401.00006']);
    assert.deepEqual(ids('cat:cs.cl'), ['2401.00001', '2401.00003', '2401.00006']);
    assert.deepEqual(ids('cat:cs.'), ['2401.00001', '2401.00003', '2401.00004', '2401.00006']);
    assert.deepEqual(ids('cat:math.CO,hep-th'), ['2401.00002', '2401.00005']);
    assert.deepEqual(ids('cat:cs. language'), ['2401.00001', '2401.00003', '2401.00006']);
    assert.deepEqual(ids('cat:cs.C'), []);
    assert.deepEqual(parseQuery('cat:cs.CL,stat.ML').description, ['category cs.CL or stat.ML']);
  });

  it('says how far a read has come in records, with the total estimated from the bytes', () => {
    assert.equal(
      describeReadProgress('arxiv-metadata.json', { read: 420_000, kept: 61_000, bad: 0, bytes: 150, size: 1000 }),
      'Reading arxiv-metadata.json: 420,000 of about 2,800,000 records, 61,000 kept',
    );
    assert.equal(
      describeReadProgress('big.txt', { bytes: 3 * 1048576, size: 116 * 1048576 }),
      'Reading big.txt: 3 of 116 MB',
    );
  });
});

describe('reading local files', () => {
  let dir: string;
  before(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'papers-arxiv-'));
  });
  after(() => fs.rm(dir, { recursive: true, force: true }));

  it('streams a local file past the whole-file limit, never reading it whole', async () => {
    const file = path.join(dir, 'big.jsonl');
    await fs.writeFile(file, SNAPSHOT);
    let wholeReads = 0;
    const big: CorpusFileSystem<string> = {
      ...nodeFileSystem,
      stat: async (p) => ({ ...(await nodeFileSystem.stat(p))!, size: MAX_FILE_BYTES * 4 }),
      read: async (p) => (wholeReads++, nodeFileSystem.read(p)),
    };
    const [read] = await readCorpusLocations(big, [file]);
    assert.equal(readOk(read).parsed.entries.length, 6);
    assert.equal(wholeReads, 0);
  });

  it('reads a file that cannot be streamed whole up to the limit, and says why a larger one is not read', async () => {
    const virtual: CorpusFileSystem<string> = {
      ...nodeFileSystem,
      localPath: undefined,
      stat: async () => ({ type: 'file', size: MAX_FILE_BYTES + 1 }),
    };
    const [read] = await readCorpusLocations(virtual, [path.join(dir, 'huge.jsonl')]);
    assert.ok(!isReadable(read));
    assert.match(
      read.problem.message,
      /^the file is 64 MB; a file that is not on this machine's disk .* at most 64 MB/,
    );
  });

  it('reads a local file on a worker thread, with progress, entries and counts as read in this thread', async () => {
    const file = path.join(dir, 'worker.jsonl');
    await fs.writeFile(file, SNAPSHOT);
    const arxivFilter = parseArxivFilter({ categories: ['cs.CL'] }).filter;
    const progress: number[] = [];
    const read = readOk(
      await readInWorker(
        READ_WORKER,
        { path: file, id: file, name: 'worker', ...(arxivFilter && { arxivFilter }) },
        { onProgress: (p) => progress.push(p.bytes) },
      ),
    );
    assert.deepEqual(read.parsed.counts, { read: 6, kept: 3, bad: 0 });
    assert.deepEqual(
      read.parsed.entries.map((e) => e.bibliographic?.arxivId),
      ['2401.00001', '2401.00003', '2401.00006'],
    );
    assert.equal(read.parsed.entries[2].bibliographic?.categories, read.parsed.entries[0].bibliographic?.categories);
    assert.equal(read.parsed.entries[1].date, read.parsed.entries[0].date, 'one date object for one day');
    assert.deepEqual(progress, [SNAPSHOT.length]);
    const missing = await readInWorker(READ_WORKER, { path: path.join(dir, 'none.jsonl'), id: 'none', name: 'none' });
    assert.ok(missing && !isReadable(missing));
    assert.equal(missing.problem.message, 'the file cannot be read (ENOENT)');
  });

  it('stops reading on a worker thread once cancelled', async () => {
    const file = path.join(dir, 'cancelled.jsonl');
    // Tens of megabytes: the worker is still reading when the first progress comes.
    await fs.writeFile(file, `${SNAPSHOT}\n`.repeat(20_000));
    const token = { isCancellationRequested: false };
    let progress = 0;
    const read = await readInWorker(
      READ_WORKER,
      { path: file, id: file, name: 'c' },
      {
        token,
        onProgress: () => {
          progress++;
          token.isCancellationRequested = true;
        },
      },
    );
    assert.equal(read, undefined);
    assert.ok(progress >= 1);
  });
});
