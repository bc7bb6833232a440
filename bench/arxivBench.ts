import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as readline from 'node:readline';
import { parseArxivFilter } from '../src/core/formats/arxiv/filter';
import { readArxivSource } from '../src/core/formats/arxiv/readArxiv';
import { nodeFileSource } from '../src/core/formats/nodeFileSource';
import { readInWorker } from '../src/core/formats/readInWorker';
import { buildLibrarySteps, isReadable } from '../src/core/library/merge';
import { buildIndexAsync, loadIndexAsync } from '../src/core/search/engine';
import { runStepsAsync } from '../src/core/util/steps';
import type { Paper } from '../src/core/model/paper';
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
/** Searches by category, alone and with words. */
const CATEGORY_QUERIES = ['cat:cs.CL', 'cat:cs.', 'cat:stat.ML graph', 'cat:hep-th string', 'cat:math.CO,math.PR'];

export interface ScaleRow {
  papers: number;
  fileMB: number;
  /** Reading and merging the file as the extension does (worker, then the library on this thread). */
  readMs: number;
  /** The longest stretch this thread's event loop was held meanwhile. */
  maxBlockReadingMs: number;
  buildMs: number;
  cacheMB: number;
  cacheLoadMs: number;
  firstQueryMs: number;
  readyFromCacheMs: number;
  rssMB: number;
  heapMB: number;
  /** JS heap and typed arrays per paper: the library (strings, objects) and the index. */
  libraryBytesPerPaper: number;
  indexBytesPerPaper: number;
  latency: Record<string, { p50: number; p95: number; max: number }>;
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function heapBytes(): number {
  gc();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
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

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/**
 * One size, in this process (run as a child by `runArxivBench`): the file read as the extension reads it, the
 * index built in its worker and loaded back from its cache bytes, memory with both held, and query latency.
 */
export async function arxivScaleChild(file: string, queryClasses: Record<string, readonly string[]>): Promise<void> {
  const baseline = heapBytes();
  let started = performance.now();
  let last = started;
  let maxBlockReadingMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    maxBlockReadingMs = Math.max(maxBlockReadingMs, now - last);
    last = now;
  }, 1);
  const read = await readInWorker(READ_WORKER, { path: file, id: file, name: 'snapshot' });
  if (!read || !isReadable(read)) {
    throw new Error(`reading ${file} failed`);
  }
  const library = (await runStepsAsync(buildLibrarySteps([read])))!;
  clearInterval(timer);
  const readMs = performance.now() - started;
  const afterLibrary = heapBytes();
  started = performance.now();
  const built = await buildIndexAsync(library, {
    workerScript: INDEX_WORKER,
    onWorkerError: (error: unknown) => {
      throw error;
    },
  });
  const buildMs = performance.now() - started;
  const cache = built!.toCache();
  gc();
  started = performance.now();
  const index = (await loadIndexAsync(library, cache))!;
  const cacheLoadMs = performance.now() - started;
  started = performance.now();
  index.search('a');
  const firstQueryMs = performance.now() - started;
  const afterIndex = heapBytes();
  const classes = { ...queryClasses, category: CATEGORY_QUERIES };
  for (const queries of Object.values(classes)) {
    queries.forEach((q) => index.search(q, { limit: 50 }));
  }
  const latency: ScaleRow['latency'] = {};
  for (const [name, queries] of Object.entries(classes)) {
    const times: number[] = [];
    for (const query of queries) {
      for (let r = 0; r < 5; r++) {
        const t = performance.now();
        index.search(query, { limit: 50 });
        times.push(performance.now() - t);
      }
    }
    times.sort((a, b) => a - b);
    latency[name] = { p50: percentile(times, 50), p95: percentile(times, 95), max: times[times.length - 1] };
  }
  const papers = library.papers.length;
  const row: ScaleRow = {
    papers,
    fileMB: statSync(file).size / 1048576,
    readMs,
    maxBlockReadingMs,
    buildMs,
    cacheMB: cache.length / 1048576,
    cacheLoadMs,
    firstQueryMs,
    readyFromCacheMs: readMs + cacheLoadMs + firstQueryMs,
    rssMB: process.memoryUsage().rss / 1048576,
    heapMB: (afterIndex - baseline) / 1048576,
    libraryBytesPerPaper: (afterLibrary - baseline) / papers,
    indexBytesPerPaper: (afterIndex - afterLibrary) / papers,
    latency,
  };
  process.stdout.write(`${JSON.stringify(row)}\n`);
}

/** One size in a child process of its own, so its memory is its own. */
function scaleInChild(file: string): ScaleRow {
  const output = execFileSync(
    process.execPath,
    ['--expose-gc', '--max-old-space-size=4096', __filename, '--arxiv-child', file],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 1 << 20,
    },
  );
  return JSON.parse(output.trim().split('\n').pop()!) as ScaleRow;
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
      const row = scaleInChild(file);
      rmSync(file);
      scale.push(row);
      process.stderr.write(
        `  ready from cache ${row.readyFromCacheMs.toFixed(0)} ms, rss ${row.rssMB.toFixed(0)} MB, heap ${row.heapMB.toFixed(0)} MB\n`,
      );
      return row;
    };
    for (const size of sizes) {
      await runSize(size);
    }
    if (findMax && scale.length > 0) {
      const last = scale[scale.length - 1];
      const perPaperMB = last.rssMB / last.papers;
      let size = Math.floor(MEMORY_LIMIT_MB / perPaperMB / 50_000) * 50_000;
      while (size > last.papers && (await runSize(size)).rssMB > MEMORY_LIMIT_MB) {
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
  const scale = result.scale.map((r) =>
    [
      r.papers,
      fmt(r.fileMB),
      fmt(r.readMs),
      fmt(r.maxBlockReadingMs),
      fmt(r.buildMs),
      fmt(r.cacheLoadMs),
      fmt(r.readyFromCacheMs),
      fmt(r.rssMB),
      fmt(r.heapMB),
      fmt(r.libraryBytesPerPaper),
      fmt(r.indexBytesPerPaper),
      ...classes.map((c) => `${fmt(r.latency[c].p50)} / ${fmt(r.latency[c].p95)}`),
    ].join(' | '),
  );
  return [
    `arXiv read speed, ${result.file.records} records (${fmt(result.file.mb)} MB), filter ${FILTER.join(',')}:`,
    '',
    '| way | MB/s | records kept |',
    '| --- | --- | --- |',
    ...speeds,
    '',
    '| papers | file MB | read ms | max block reading ms | index build ms | cache load ms | ready from cache ms | RSS MB | heap MB | library B/paper | index B/paper | ' +
      classes.map((c) => `${c} p50/p95 ms`).join(' | ') +
      ' |',
    `| ${['---', ...Array(10 + classes.length).fill('---')].join(' | ')} |`,
    ...scale.map((line) => `| ${line} |`),
  ].join('\n');
}
