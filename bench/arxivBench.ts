import { execFileSync } from 'node:child_process';
import {
  createReadStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import * as readline from 'node:readline';
import { parseArxivFilter } from '../src/core/formats/arxiv/filter';
import * as assert from 'node:assert/strict';
import { readArxivSource } from '../src/core/formats/arxiv/readArxiv';
import { nodeFileSource } from '../src/core/formats/nodeFileSource';
import { nodeFileSystem } from '../src/core/formats/nodeFileSystem';
import { readCorpusLocations } from '../src/core/formats/sources';
import { readInWorker } from '../src/core/formats/readInWorker';
import { isReadable, mergeLibrarySteps, type LibraryFile } from '../src/core/library/merge';
import { decodeMergePlan, encodeMergePlan } from '../src/core/library/mergePlan';
import { buildIndexAsync, loadIndexAsync } from '../src/core/search/engine';
import { runStepsAsync } from '../src/core/util/steps';
import type { Library, Paper } from '../src/core/model/paper';
import { blockMeter, gc, heapBytes, queryLatency, type Latency } from './measure';
import { writeSyntheticSnapshot } from './syntheticSnapshot';

/**
 * The arXiv snapshot at scale: read speed against the plain way (`readline` and `JSON.parse` a line) in the same
 * run, with and without a category filter; then, each size in a process of its own (so that memory is that
 * process's alone), reading the snapshot as the extension does (on the read worker), ready-from-cache, query
 * latency and memory, at 100k, 300k and the largest size that fits in 1.5 GB.
 */

const FILTER = ['cs.CL', 'cs.LG', 'stat.ML'];
/** What the extension host may use in all; the largest size is the one whose process stays under it. */
const MEMORY_LIMIT_MB = 1536;
const READ_WORKER = path.join(__dirname, 'readWorker.js');
const INDEX_WORKER = path.join(__dirname, 'indexWorker.js');
const BUNDLED = path.join(__dirname, '..', 'media', 'corpus');
/** Searches by category, alone and with words. */
const CATEGORY_QUERIES = ['cat:cs.CL', 'cat:cs.', 'cat:stat.ML graph', 'cat:hep-th string', 'cat:math.CO,math.PR'];

export interface ScaleRow {
  papers: number;
  fileMB: number;
  /** First start: reading the snapshot and merging it as the extension does (worker, then the library on this thread). */
  readMs: number;
  /** The longest stretch this thread's event loop was held while reading, merging and building the index. */
  maxBlockFirstStartMs: number;
  buildMs: number;
  /** The kept-records file (abstracts and entries) and the index cache, as written by the first start. */
  keptRecordsMB: number;
  cacheMB: number;
  /** Next start, in a process of its own: the kept records read and merged (the plan replayed), the index loaded, the first query. */
  keptRecordsLoadMs: number;
  cacheLoadMs: number;
  firstQueryMs: number;
  readyFromCacheMs: number;
  /** The longest stretch this thread's event loop was held while the library and the index loaded (the first query is timed on its own). */
  maxBlockReadyMs: number;
  /** After the first query: what first queries of other kinds need, made in the background (`PaperIndex.prepareSteps`), and the longest stretch it held the event loop. */
  prepareMs: number;
  maxBlockPrepareMs: number;
  /** After the next start, with the library and the index held. */
  rssMB: number;
  heapMB: number;
  /** The first start's process at its end, the read and the index build done. */
  coldRssMB: number;
  /** JS heap and typed arrays per paper: the library (strings, objects) and the index. */
  libraryBytesPerPaper: number;
  indexBytesPerPaper: number;
  latency: Record<string, Latency>;
}

async function bestOf<T>(runs: number, work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  let best = Infinity;
  let result: T | undefined;
  for (let i = 0; i < runs; i++) {
    gc();
    const started = performance.now();
    result = await work();
    best = Math.min(best, performance.now() - started);
  }
  return { ms: best, result: result as T };
}

/** Read speeds in MB/s over one file, each way the best of three runs. */
async function readSpeeds(file: string): Promise<Record<string, { mbPerS: number; kept: number }>> {
  const mb = statSync(file).size / 1e6;
  const filter = parseArxivFilter({ categories: FILTER }).filter;
  const ours = async (withFilter: boolean) =>
    (await readArxivSource(await nodeFileSource(file), withFilter && filter ? { filter } : {}))!.entries.length;
  const plain = async (withFilter: boolean) => {
    let kept = 0;
    for await (const line of readline.createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
      if (line) {
        const record = JSON.parse(line) as { categories: string };
        if (!withFilter || record.categories.split(' ').some((c) => FILTER.includes(c))) {
          kept++;
        }
      }
    }
    return kept;
  };
  const out: Record<string, { mbPerS: number; kept: number }> = {};
  // The file once through first, so every way reads it from the page cache.
  await plain(false);
  for (const [name, work] of [
    ['bytes, filter', () => ours(true)],
    ['bytes, no filter', () => ours(false)],
    ['readline + JSON.parse, filter', () => plain(true)],
    ['readline + JSON.parse, no filter', () => plain(false)],
  ] as const) {
    const { ms, result } = await bestOf(3, work);
    out[name] = { mbPerS: mb / (ms / 1000), kept: result };
    process.stderr.write(`  ${name}: ${(mb / (ms / 1000)).toFixed(0)} MB/s, ${result} kept\n`);
  }
  return out;
}

/**
 * The snapshot read as the extension reads it: on the read worker, its records kept in `dir`, then merged with the
 * bundled abstracts (included by default, and with untitled ones, which make the merge key abstracts too), replaying
 * the plan of the merge before if `dir` has one for these files, and saving the plan there if not.
 */
async function readAndMerge(
  file: string,
  dir: string,
): Promise<{ library: Library; held: readonly LibraryFile[]; reused: boolean; replayed: boolean }> {
  const bundled = await readCorpusLocations(nodeFileSystem, [BUNDLED]);
  const read = await readInWorker(READ_WORKER, { path: file, id: file, name: 'snapshot', keptRecordsDir: dir });
  if (!read || !isReadable(read)) {
    throw new Error(`reading ${file} failed`);
  }
  const planPath = path.join(dir, 'merge-plan.bin');
  const previous = existsSync(planPath) ? decodeMergePlan(await readFile(planPath)) : undefined;
  const files = [...(bundled as LibraryFile[]), read];
  const { library, plan, replayed } = (await runStepsAsync(mergeLibrarySteps(files, previous)))!;
  if (plan && !replayed) {
    // Off this thread, as the extension saves it (`vscode.workspace.fs`).
    await writeFile(planPath, encodeMergePlan(plan));
  }
  // Held as the extension holds them between loads, to merge again when one file changes: all but the snapshot,
  // whose entries the next load takes from its kept records (`ReloadTracker`).
  const held = files.filter((f) => !f.keptRecords);
  return { library, held, reused: read.keptRecords?.reused ?? false, replayed };
}

/**
 * One size, in this process (run as a child by `runArxivBench`). The first start (`cold`): the snapshot read and
 * merged, the index built in its worker and its cache written to `dir`, as the extension does the first time. The
 * next start (`warm`, a fresh process): the kept records and the index cache loaded back, memory with both held,
 * and query latency. Each phase prints its half of the row as JSON.
 */
export async function arxivScaleChild(
  file: string,
  phase: 'cold' | 'warm',
  dir: string,
  queryClasses: Record<string, readonly string[]>,
): Promise<void> {
  const cachePath = path.join(dir, 'index-cache.bin');
  if (phase === 'cold') {
    const meter = blockMeter();
    let started = performance.now();
    const { library } = await readAndMerge(file, dir);
    const readMs = performance.now() - started;
    started = performance.now();
    const built = await buildIndexAsync(library, {
      workerScript: INDEX_WORKER,
      onWorkerError: (error: unknown) => {
        throw error;
      },
    });
    const buildMs = performance.now() - started;
    const maxBlockFirstStartMs = meter.stop();
    const cache = built!.toCache();
    writeFileSync(cachePath, cache);
    const keptRecordsMB = readdirSync(dir)
      .filter((f) => f.endsWith('.records'))
      .reduce((n, f) => n + statSync(path.join(dir, f)).size / 1048576, 0);
    const half: Partial<ScaleRow> = {
      papers: library.papers.length,
      fileMB: statSync(file).size / 1048576,
      readMs,
      maxBlockFirstStartMs,
      buildMs,
      keptRecordsMB,
      cacheMB: cache.length / 1048576,
      coldRssMB: process.memoryUsage().rss / 1048576,
    };
    process.stdout.write(`${JSON.stringify(half)}\n`);
    return;
  }
  const baseline = heapBytes();
  // Timed in two parts, with the heap of the library alone measured (after a collection) between them.
  const libraryMeter = blockMeter();
  let at = performance.now();
  // Read as the extension reads it (`vscode.workspace.fs.readFile`): off this thread, while the kept records are.
  const cacheBytes = readFile(cachePath);
  const { library, held, reused, replayed } = await readAndMerge(file, dir);
  if (!reused || !replayed) {
    throw new Error(
      'the next start read the snapshot again, or merged it again, instead of taking what the first kept',
    );
  }
  const keptRecordsLoadMs = performance.now() - at;
  const libraryBlockMs = libraryMeter.stop();
  // The index cache's bytes, read meanwhile, are the index's: left out of the library's share.
  const afterLibrary = heapBytes() - (await cacheBytes).length;
  const indexMeter = blockMeter();
  at = performance.now();
  const index = await loadIndexAsync(library, await cacheBytes);
  if (!index) {
    throw new Error('the index cache did not match the library on the next start');
  }
  const cacheLoadMs = performance.now() - at;
  const maxBlockReadyMs = Math.max(libraryBlockMs, indexMeter.stop());
  at = performance.now();
  index.search('a');
  const firstQueryMs = performance.now() - at;
  const readyFromCacheMs = keptRecordsLoadMs + cacheLoadMs + firstQueryMs;
  const prepareMeter = blockMeter();
  at = performance.now();
  await runStepsAsync(index.prepareSteps());
  const prepareMs = performance.now() - at;
  const maxBlockPrepareMs = prepareMeter.stop();
  const rssMB = process.memoryUsage().rss / 1048576;
  const afterIndex = heapBytes();
  const classes = { ...queryClasses, category: CATEGORY_QUERIES };
  const latency = queryLatency(classes, (query) => index.search(query, { limit: 50 }), 5);
  const papers = library.papers.length;
  const half: Partial<ScaleRow> = {
    keptRecordsLoadMs,
    cacheLoadMs,
    firstQueryMs,
    readyFromCacheMs,
    maxBlockReadyMs,
    prepareMs,
    maxBlockPrepareMs,
    rssMB,
    heapMB: (afterIndex - baseline) / 1048576,
    libraryBytesPerPaper: (afterLibrary - baseline) / papers,
    indexBytesPerPaper: (afterIndex - afterLibrary) / papers,
    latency,
  };
  // Held to the end, as the extension holds them.
  assert.ok(held.length > 0);
  process.stdout.write(`${JSON.stringify(half)}\n`);
}

/** One phase of one size in a child process of its own, so its memory and its start are its own. */
function phaseInChild(file: string, phase: 'cold' | 'warm', dir: string): Partial<ScaleRow> {
  const output = execFileSync(
    process.execPath,
    [
      '--expose-gc',
      '--max-old-space-size=4096',
      __filename,
      '--arxiv-child',
      file,
      '--arxiv-phase',
      phase,
      '--arxiv-dir',
      dir,
    ],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 1 << 20,
    },
  );
  return JSON.parse(output.trim().split('\n').pop()!) as Partial<ScaleRow>;
}

/** One size: the first start, then the next start in a fresh process, from what the first left. */
function scaleInChildren(file: string, dir: string): ScaleRow {
  mkdirSync(dir, { recursive: true });
  try {
    return { ...phaseInChild(file, 'cold', dir), ...phaseInChild(file, 'warm', dir) } as ScaleRow;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface ArxivBenchResult {
  readonly file: { readonly records: number; readonly mb: number };
  readonly readSpeeds: Record<string, { mbPerS: number; kept: number }>;
  readonly scale: ScaleRow[];
}

/**
 * The arXiv part of `npm run bench`. `sizes` are the papers at which to measure; `findMax` adds the largest size
 * whose process stays under 1.5 GB, estimated from the cost per paper of the largest size measured and then run.
 */
export async function runArxivBench(seedPapers: readonly Paper[], sizes: readonly number[], findMax: boolean) {
  for (const script of [READ_WORKER, INDEX_WORKER]) {
    if (!existsSync(script)) {
      throw new Error(`${script} is missing: build first (npm run bench does)`);
    }
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'paper-explorer-arxiv-'));
  try {
    const readFile = path.join(dir, 'speed.jsonl');
    const speedRecords = 100_000;
    const bytes = await writeSyntheticSnapshot(seedPapers, readFile, speedRecords);
    process.stderr.write(`arXiv read speed over ${speedRecords} records (${(bytes / 1e6).toFixed(0)} MB):\n`);
    const speeds = await readSpeeds(readFile);
    rmSync(readFile);
    const scale: ScaleRow[] = [];
    const runSize = async (size: number) => {
      const file = path.join(dir, `snapshot-${size}.jsonl`);
      await writeSyntheticSnapshot(seedPapers, file, size);
      process.stderr.write(`arXiv at ${size} papers…\n`);
      const row = scaleInChildren(file, path.join(dir, `kept-${size}`));
      rmSync(file);
      scale.push(row);
      process.stderr.write(
        `  first start: longest block ${row.maxBlockFirstStartMs.toFixed(0)} ms; ready from cache ${row.readyFromCacheMs.toFixed(0)} ms (longest block ${row.maxBlockReadyMs.toFixed(0)} ms, first query ${row.firstQueryMs.toFixed(0)} ms, then prepared in ${row.prepareMs.toFixed(0)} ms with blocks up to ${row.maxBlockPrepareMs.toFixed(0)} ms), rss ${row.rssMB.toFixed(0)} MB, heap ${row.heapMB.toFixed(0)} MB\n`,
      );
      return row;
    };
    for (const size of sizes) {
      await runSize(size);
    }
    if (findMax && scale.length > 0) {
      const last = scale[scale.length - 1];
      // Both starts must fit: the first holds the read and the index build, the next the library and the index.
      const peakMB = (row: ScaleRow) => Math.max(row.rssMB, row.coldRssMB);
      const perPaperMB = peakMB(last) / last.papers;
      let size = Math.floor(MEMORY_LIMIT_MB / perPaperMB / 50_000) * 50_000;
      while (size > last.papers && peakMB(await runSize(size)) > MEMORY_LIMIT_MB) {
        size -= 50_000;
      }
    }
    return { file: { records: speedRecords, mb: bytes / 1e6 }, readSpeeds: speeds, scale };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function fmt(n: number): string {
  return n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2);
}

/** The result as Markdown tables. */
export function arxivTables(result: ArxivBenchResult): string {
  const speeds = Object.entries(result.readSpeeds).map(
    ([way, { mbPerS, kept }]) => `| ${way} | ${fmt(mbPerS)} | ${kept} |`,
  );
  const classes = Object.keys(result.scale[0]?.latency ?? {});
  const table = (header: readonly string[], rows: readonly (readonly (string | number)[])[]) =>
    [header, header.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
  return [
    `arXiv read speed, ${result.file.records} records (${fmt(result.file.mb)} MB), filter ${FILTER.join(',')}:`,
    '',
    table(['way', 'MB/s', 'records kept'], []),
    ...speeds,
    '',
    'First start (the snapshot read, merged and indexed):',
    '',
    table(
      [
        'papers',
        'file MB',
        'read + merge ms',
        'longest block ms',
        'index build ms',
        'kept records MB',
        'index cache MB',
        'RSS MB',
      ],
      result.scale.map((r) => [
        r.papers,
        fmt(r.fileMB),
        fmt(r.readMs),
        fmt(r.maxBlockFirstStartMs),
        fmt(r.buildMs),
        fmt(r.keptRecordsMB),
        fmt(r.cacheMB),
        fmt(r.coldRssMB),
      ]),
    ),
    '',
    'Next start (a fresh process: kept records and index cache):',
    '',
    table(
      [
        'papers',
        'kept records ms',
        'index load ms',
        'first query ms',
        'ready ms',
        'longest block ms',
        'prepare ms',
        'longest block, prepare ms',
        'RSS MB',
        'heap MB',
        'library B/paper',
        'index B/paper',
      ],
      result.scale.map((r) => [
        r.papers,
        fmt(r.keptRecordsLoadMs),
        fmt(r.cacheLoadMs),
        fmt(r.firstQueryMs),
        fmt(r.readyFromCacheMs),
        fmt(r.maxBlockReadyMs),
        fmt(r.prepareMs),
        fmt(r.maxBlockPrepareMs),
        fmt(r.rssMB),
        fmt(r.heapMB),
        fmt(r.libraryBytesPerPaper),
        fmt(r.indexBytesPerPaper),
      ]),
    ),
    '',
    'Query latency after the next start, p50 / p95 ms:',
    '',
    table(
      ['papers', ...classes],
      result.scale.map((r) => [r.papers, ...classes.map((c) => `${fmt(r.latency[c].p50)} / ${fmt(r.latency[c].p95)}`)]),
    ),
  ].join('\n');
}
