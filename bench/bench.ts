import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import FlexSearch from 'flexsearch';
import MiniSearch from 'minisearch';
import { buildLibrary, buildLibrarySteps } from '../src/core/library/merge';
import { nodeFileSystem } from '../src/core/formats/nodeFileSystem';
import type { Library, Paper } from '../src/core/model/paper';
import { parseCorpus } from '../src/core/formats/parse';
import { readCorpusLocations } from '../src/core/formats/sources';
import {
  buildIndex,
  buildIndexAsync,
  updateIndexAsync,
  loadIndexAsync,
  type PaperIndex,
} from '../src/core/search/engine';
import { runStepsAsync } from '../src/core/util/steps';
import { citingTable, measureCiting, type CitingRow } from './citing';
import { MINISEARCH_AS_CONFIGURED, searchAsConfigured } from './miniSearchAsConfigured';
import { syntheticCorpus, toCorpusText } from './synthetic';
import { arxivScaleChild, arxivTables, runArxivBench } from './arxivBench';
import { bibtexTable, runBibtexBench } from './bibtexBench';
import { gc, heapBytes, longestBlock, queryLatency, type Latency } from './measure';

/**
 * `npm run bench`: the project's search against MiniSearch used directly (configured as the project would) and
 * FlexSearch, side by side in one run, on synthetic corpora grown from the
 * bundled abstracts. Prints a table and writes `bench-results/bench.json`.
 */

const QUERY_CLASSES: Record<string, readonly string[]> = {
  'prefix 1': ['a', 't', 'g', 'm', 'l', 's', 'd', 'c'],
  'prefix 2': ['tr', 'gr', 'la', 'ne', 'di', 'co', 're', 'qu'],
  'prefix 3': ['tra', 'gra', 'lan', 'neu', 'dif', 'con', 'rei', 'qua'],
  'multi-word': [
    'graph neural network',
    'large language models',
    'diffusion model image generation',
    'reinforcement learning policy',
    'federated learning privacy',
    'vision transformer',
    'contrastive learning representations',
    'quantization of neural networks',
  ],
  fuzzy: [
    'transfomer',
    'quantizaton',
    'wasserstien',
    'difusion',
    'convolutonal',
    'reinforcment',
    'adverserial',
    'optimizaton',
  ],
};
/** Each query of a class is run this many times (after every query has run once) for the latency percentiles. */
const REPEATS = 5;
/** The first query on a freshly loaded index: part of being ready, and the slowest there is (nothing is compiled yet). */
const FIRST_QUERY = 'a';
/** The index worker, bundled beside this script as beside the extension's. */
const WORKER_SCRIPT = path.join(__dirname, 'indexWorker.js');

interface Engine {
  readonly name: string;
  build(library: Library): unknown;
  /** Serializes a built index and loads it back: what starting from a cache costs. */
  cacheRoundTrip(index: unknown, library: Library): Promise<{ bytes: number; loadMs: number; index: unknown }>;
  search(index: unknown, query: string): number;
}

const project: Engine = {
  name: 'Paper Explorer',
  build: (library) => buildIndex(library),
  async cacheRoundTrip(index, library) {
    const bytes = (index as PaperIndex).toCache();
    gc();
    const started = performance.now();
    const loaded = await loadIndexAsync(library, bytes);
    return { bytes: bytes.length, loadMs: performance.now() - started, index: loaded };
  },
  search: (index, query) => (index as PaperIndex).search(query, { limit: 50 }).hits.length,
};

const miniSearch: Engine = {
  name: 'MiniSearch (configured)',
  build(library) {
    const index = new MiniSearch<Paper>(MINISEARCH_AS_CONFIGURED);
    index.addAll(library.papers);
    return index;
  },
  async cacheRoundTrip(index) {
    const json = JSON.stringify(index);
    gc();
    const started = performance.now();
    const loaded = MiniSearch.loadJSON<Paper>(json, MINISEARCH_AS_CONFIGURED);
    return { bytes: Buffer.byteLength(json), loadMs: performance.now() - started, index: loaded };
  },
  search: (index, query) => searchAsConfigured(index as MiniSearch<Paper>, query, 50).slice(0, 50).length,
};

type FlexDocument = InstanceType<typeof FlexSearch.Document>;
const FLEX_OPTIONS = { document: { id: 'id', index: ['title', 'abstract'] }, tokenize: 'forward' as const };

const flexSearch: Engine = {
  name: 'FlexSearch (forward)',
  build(library) {
    const index = new FlexSearch.Document(FLEX_OPTIONS);
    library.papers.forEach((p, id) => index.add({ id, title: p.title ?? '', abstract: p.abstract }));
    return index;
  },
  async cacheRoundTrip(index) {
    const parts: [string, string][] = [];
    (index as FlexDocument).export((key: string, data: string) => {
      parts.push([key, data]);
    });
    gc();
    const started = performance.now();
    const loaded = new FlexSearch.Document(FLEX_OPTIONS);
    for (const [key, data] of parts) {
      loaded.import(key, data);
    }
    return {
      bytes: parts.reduce((n, [, d]) => n + Buffer.byteLength(d ?? ''), 0),
      loadMs: performance.now() - started,
      index: loaded,
    };
  },
  search: (index, query) => ((index as FlexDocument).search(query, { limit: 50 }) as unknown[]).length,
};

interface Row {
  engine: string;
  docs: number;
  /** Reading the corpus text into papers: the same for every engine, and part of being ready to search. */
  libraryMs: number;
  buildMs: number;
  cacheBytes: number;
  cacheLoadMs: number;
  /** The first query after loading, before V8 has compiled the search. */
  firstQueryMs: number;
  heapMB: number;
  latency: Record<string, Latency>;
  maxBlockMs?: number;
  /** The same while the corpus files are read into papers (with another library in memory, as on a reload). */
  maxBlockReadingMs?: number;
}

function heapMB(): number {
  return heapBytes() / 1048576;
}

async function measure(engine: Engine, library: Library, libraryMs: number, baseline: number): Promise<Row> {
  let started = performance.now();
  let index = engine.build(library);
  const buildMs = performance.now() - started;
  const cache = await engine.cacheRoundTrip(index, library);
  index = cache.index;
  gc();
  const heap = heapMB() - baseline;
  started = performance.now();
  engine.search(index, FIRST_QUERY);
  const firstQueryMs = performance.now() - started;
  const latency = queryLatency(QUERY_CLASSES, (query) => engine.search(index, query), REPEATS);
  return {
    engine: engine.name,
    docs: library.papers.length,
    libraryMs,
    buildMs,
    cacheBytes: cache.bytes,
    cacheLoadMs: cache.loadMs,
    firstQueryMs,
    heapMB: heap,
    latency,
  };
}

/**
 * The longest stretch the event loop was held while the project's index is
 * built (in its worker, then loaded from the bytes it hands back), loaded
 * from its cache, and updated after one abstract was edited: the ways the
 * extension host comes by an index, each timed from a collected heap.
 */
async function maxBlockWhileIndexing(library: Library): Promise<number> {
  if (!existsSync(WORKER_SCRIPT)) {
    throw new Error(`${WORKER_SCRIPT} is missing: the build would fall back to this thread and measure something else`);
  }
  // A worker that fails would leave the work to this thread, silently: the benchmark stops instead.
  const options = {
    workerScript: WORKER_SCRIPT,
    onWorkerError: (error: unknown) => {
      throw error;
    },
  };
  let cache: Uint8Array | undefined;
  const built = await longestBlock(async () => {
    cache = (await buildIndexAsync(library, options))?.toCache();
  });
  if (!cache) {
    throw new Error('the index worker did not build the index');
  }
  const bytes = cache;
  let index: PaperIndex | undefined;
  const loaded = await longestBlock(async () => {
    index = await loadIndexAsync(library, bytes);
  });
  const previous = index;
  const edited: Library = {
    ...library,
    papers: library.papers.map((p, i) => (i === 1000 ? { ...p, abstract: `${p.abstract} An edited sentence.` } : p)),
  };
  const updated = await longestBlock(() => updateIndexAsync(previous, edited, options));
  return Math.max(built, loaded, updated);
}

/** The longest stretch the event loop was held while the corpus files are read into papers, as the extension host reads them. */
function maxBlockWhileReading(corpusFolder: string): Promise<number> {
  return longestBlock(async () => {
    await runStepsAsync(buildLibrarySteps(await readCorpusLocations(nodeFileSystem, [corpusFolder])));
  });
}

/**
 * A synthetic corpus of `size` papers as one text (what the benchmark parses)
 * and as files of 40,000 papers (about 50 MB, under the 64 MB the extension
 * reads) in a new temporary folder (what the extension host reads).
 */
function syntheticInputs(seedPapers: readonly Paper[], size: number): { text: string; corpusFolder: string } {
  const papers = syntheticCorpus(seedPapers, size);
  const corpusFolder = mkdtempSync(path.join(tmpdir(), 'paper-explorer-bench-'));
  const parts: string[] = [];
  for (let start = 0; start < papers.length; start += 40_000) {
    parts.push(toCorpusText(papers.slice(start, start + 40_000)));
    writeFileSync(path.join(corpusFolder, `part-${start}.txt`), parts[parts.length - 1]);
  }
  // The files one after another, a line apart: the same text as the whole corpus written at once, not made twice.
  return { text: parts.join('\n'), corpusFolder };
}

function fmt(n: number): string {
  return n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2);
}

function table(rows: Row[]): string {
  const classes = Object.keys(QUERY_CLASSES);
  const header = [
    'docs',
    'engine',
    'build ms',
    'cache load ms',
    'first query ms',
    'ready from cache ms',
    'cache MB',
    'memory MB',
    'max block ms',
    'max block reading ms',
    ...classes.map((c) => `${c} p50/p95/max ms`),
  ];
  const lines = rows.map((r) => [
    String(r.docs),
    r.engine,
    fmt(r.buildMs),
    fmt(r.cacheLoadMs),
    fmt(r.firstQueryMs),
    fmt(r.libraryMs + r.cacheLoadMs + r.firstQueryMs),
    fmt(r.cacheBytes / 1048576),
    fmt(r.heapMB),
    r.maxBlockMs === undefined ? '–' : fmt(r.maxBlockMs),
    r.maxBlockReadingMs === undefined ? '–' : fmt(r.maxBlockReadingMs),
    ...classes.map((c) => `${fmt(r.latency[c].p50)} / ${fmt(r.latency[c].p95)} / ${fmt(r.latency[c].max)}`),
  ]);
  const md = [header, header.map(() => '---'), ...lines].map((cells) => `| ${cells.join(' | ')} |`);
  return md.join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '10000,100000' },
      out: { type: 'string', default: 'bench-results/bench.json' },
      engines: { type: 'string', default: 'project,minisearch,flexsearch' },
      // Papers at which to measure the arXiv snapshot, and `max` for the largest size that fits in 1.5 GB; `none` skips it.
      arxiv: { type: 'string', default: '100000,300000,max' },
      // Entries of the synthetic .bib with abstracts; `none` skips it.
      bibtex: { type: 'string', default: '10000' },
      // Internal: one arXiv size, measured in a process of its own.
      'arxiv-child': { type: 'string' },
      'arxiv-phase': { type: 'string', default: 'cold' },
      'arxiv-dir': { type: 'string', default: '' },
    },
  });
  if (values['arxiv-child']) {
    const phase = values['arxiv-phase'] === 'warm' ? 'warm' : 'cold';
    await arxivScaleChild(values['arxiv-child'], phase, values['arxiv-dir'], QUERY_CLASSES);
    return;
  }
  const sizes = values.sizes
    .split(',')
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
  const engines = [project, miniSearch, flexSearch].filter((e) =>
    values.engines.includes(e === project ? 'project' : e === miniSearch ? 'minisearch' : 'flexsearch'),
  );
  const corpus = path.join(__dirname, '..', 'media', 'corpus');
  const seed = buildLibrary(await readCorpusLocations(nodeFileSystem, [corpus]));
  const rows: Row[] = [];
  const sizeRows: { docs: number; parseMs: number }[] = [];
  const citingRows: CitingRow[] = [];
  for (const size of sizes) {
    const { text, corpusFolder } = syntheticInputs(seed.papers, size);
    try {
      gc();
      let started = performance.now();
      const library = buildLibrary([{ id: `synthetic-${size}`, name: `synthetic ${size}`, parsed: parseCorpus(text) }]);
      const parseMs = performance.now() - started;
      sizeRows.push({ docs: library.papers.length, parseMs });
      process.stderr.write(`${size}: ${library.papers.length} papers parsed in ${fmt(parseMs)} ms\n`);
      const baseline = heapMB();
      for (const engine of engines) {
        process.stderr.write(`  ${engine.name}…\n`);
        started = performance.now();
        const row = await measure(engine, library, parseMs, baseline);
        if (engine === project) {
          row.maxBlockMs = await maxBlockWhileIndexing(library);
          row.maxBlockReadingMs = await maxBlockWhileReading(corpusFolder);
        }
        rows.push(row);
        process.stderr.write(`  ${engine.name}: done in ${fmt((performance.now() - started) / 1000)} s\n`);
      }
      process.stderr.write('  citing…\n');
      citingRows.push(measureCiting(library, buildIndex(library)));
    } finally {
      rmSync(corpusFolder, { recursive: true, force: true });
    }
  }
  const arxivSizes = values.arxiv
    .split(',')
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
  const arxiv =
    values.arxiv === 'none'
      ? undefined
      : await runArxivBench(seed.papers, arxivSizes, values.arxiv.split(',').includes('max'));
  const bibtexSizes = values.bibtex
    .split(',')
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
  const bibtex = bibtexSizes.length > 0 ? await runBibtexBench(seed.papers, bibtexSizes) : undefined;
  const citing = `Citing (completion and hover per request, beside a scan of every paper):\n\n${citingTable(citingRows)}`;
  const output = [table(rows), citing, arxiv && arxivTables(arxiv), bibtex && bibtexTable(bibtex)]
    .filter(Boolean)
    .join('\n\n');
  process.stdout.write(`${output}\n`);
  mkdirSync(path.dirname(values.out), { recursive: true });
  writeFileSync(
    values.out,
    JSON.stringify(
      {
        node: process.version,
        date: new Date().toISOString(),
        sizes: sizeRows,
        rows,
        citing: citingRows,
        arxiv,
        bibtex,
        table: output,
      },
      null,
      2,
    ),
  );
  process.stderr.write(`Wrote ${values.out}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
