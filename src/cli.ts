import * as path from 'node:path';
import * as readline from 'node:readline';
import { parseArgs } from 'node:util';
import { buildLibrary } from './core/library/merge';
import { nodeFileSystem } from './core/formats/nodeFileSystem';
import { readCorpusLocations } from './core/formats/sources';
import { parseArxivFilter, type ArxivFilter } from './core/formats/arxiv/filter';
import { isSortBy, sortPapers } from './core/model/grouping';
import type { Library, Paper } from './core/model/paper';
import { findMathSpans, texToPlainText } from './core/text/tex';
import { personName } from './core/cite/paperHover';
import { buildIndex, type SearchHit } from './core/search/engine';

const USAGE = `Usage:
  node dist/cli.js search [<query>] [--limit N] [--json] [--corpus PATH]... [ARXIV FILTER]
  node dist/cli.js stats [--json] [--corpus PATH]... [ARXIV FILTER]
  node dist/cli.js list [--sort date|upvotes|title] [--json] [--corpus PATH]... [ARXIV FILTER]

search   prints the best hits for <query>; with no query, reads one query a line
         from standard input and prints one result list a line.
stats    prints the number of papers, entries, collections and untitled papers,
         files and entries per format, and how long the index took to build.
list     prints every paper in the order the Library shows them (--sort, date
         by default; title sorts A to Z in this system's locale).
--corpus a corpus file or folder (repeatable); replaces the bundled corpus:
         page files (.txt), the arXiv snapshot (.jsonl), BibTeX (.bib), RIS
         (.ris) or CSL-JSON (.json). Local files are streamed, whatever their size.

ARXIV FILTER, for an arXiv metadata snapshot (.jsonl) among the corpus files:
--categories cs.LG,cs.CL   keep records in any of these categories; a prefix
                           such as cs. takes a whole archive
--from 2020-01  --to 2024  keep records first submitted in this range`;

/** The bundled corpus, beside the bundle: `dist/cli.js` → `media/corpus`. */
const BUNDLED_CORPUS = path.join(__dirname, '..', 'media', 'corpus');

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        limit: { type: 'string', default: '10' },
        sort: { type: 'string', default: 'date' },
        json: { type: 'boolean', default: false },
        corpus: { type: 'string', multiple: true },
        categories: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const [command, ...rest] = args.positionals;
  const limit = Number(args.values.limit);
  const sortBy = args.values.sort;
  if (
    args.values.help ||
    (command !== 'search' && command !== 'stats' && command !== 'list') ||
    !Number.isInteger(limit) ||
    limit < 1 ||
    !isSortBy(sortBy)
  ) {
    process.stderr.write(`${USAGE}\n`);
    return args.values.help ? 0 : 2;
  }
  const { filter, problems } = parseArxivFilter({
    categories: args.values.categories?.split(',') ?? [],
    ...(args.values.from !== undefined && { from: args.values.from }),
    ...(args.values.to !== undefined && { to: args.values.to }),
  });
  if (problems.length > 0) {
    process.stderr.write(`${problems.map((p) => `paper-explorer: ${p}`).join('\n')}\n\n${USAGE}\n`);
    return 2;
  }
  const library = await loadLibrary(args.values.corpus ?? [BUNDLED_CORPUS], filter);
  if (library.papers.length === 0) {
    process.stderr.write('paper-explorer: no papers could be read\n');
    return 1;
  }
  if (command === 'list') {
    printPapers(library, sortPapers(library.papers, sortBy), args.values.json, false);
    return 0;
  }
  const started = performance.now();
  const index = buildIndex(library);
  const buildMs = performance.now() - started;
  if (command === 'stats') {
    printStats(library, buildMs, args.values.json);
    return 0;
  }
  const query = rest.join(' ');
  if (query.trim()) {
    printPapers(library, index.search(query, { limit }).hits, args.values.json, false);
    return 0;
  }
  for await (const line of readline.createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    printPapers(library, index.search(line, { limit }).hits, args.values.json, true);
  }
  return 0;
}

async function loadLibrary(paths: readonly string[], arxivFilter: ArxivFilter | undefined): Promise<Library> {
  const files = await readCorpusLocations(nodeFileSystem, paths, arxivFilter ? { arxivFilter } : {});
  const library = buildLibrary(files);
  for (const problem of library.problems) {
    process.stderr.write(`paper-explorer: ${problem.collection}:${problem.line}: ${problem.message}\n`);
  }
  return library;
}

function printStats(library: Library, buildMs: number, json: boolean): void {
  const stats = {
    papers: library.papers.length,
    entries: library.entryCount,
    collections: library.collections.length,
    untitled: library.untitledCount,
    withCode: library.papers.filter((p) => p.hasCode).length,
    problems: library.problems.length,
    indexBuildMs: Math.round(buildMs * 10) / 10,
    records: Object.fromEntries(library.collections.flatMap((c) => (c.records ? [[c.name, c.records]] : []))),
    formats: formatCounts(library),
  };
  if (json) {
    process.stdout.write(`${JSON.stringify(stats)}\n`);
    return;
  }
  const lines = [
    `papers       ${stats.papers}`,
    `entries      ${stats.entries}`,
    `collections  ${stats.collections}`,
    ...library.collections.map((c) => `  ${c.name} (${c.format}, ${c.entries} entries)`),
    ...Object.entries(stats.formats).map(
      ([format, { files, entries }]) => `  ${format}: ${files} files, ${entries} entries`,
    ),
    ...Object.entries(stats.records).map(
      ([name, { read, kept, bad }]) => `  ${name}: ${read} records read, ${kept} kept, ${bad} bad`,
    ),
    `untitled     ${stats.untitled}`,
    `with code    ${stats.withCode}`,
    `problems     ${stats.problems}`,
    `index build  ${stats.indexBuildMs} ms`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** Files and entries per format (`bibtex`, `ris`, `csl-json`, `arxiv`, the page formats). */
function formatCounts(library: Library): Record<string, { files: number; entries: number }> {
  const counts: Record<string, { files: number; entries: number }> = {};
  for (const collection of library.collections) {
    const count = (counts[collection.format] ??= { files: 0, entries: 0 });
    count.files++;
    count.entries += collection.entries;
  }
  return counts;
}

/** Search hits, or papers in a list's order (no score). */
function printPapers(library: Library, found: readonly (SearchHit | Paper)[], json: boolean, oneLine: boolean): void {
  const names = new Map(library.collections.map((c) => [c.id, c.name]));
  const hits = found.map((f) => ('paper' in f ? f : { paper: f, score: undefined }));
  if (json) {
    const out = hits.map(({ paper, score }) => ({
      id: paper.id,
      title: paper.title ?? null,
      label: paper.label,
      abstract: paper.abstract,
      // The abstract as plain text (TeX read, formulas spelled out), the formulas the page typesets, and the links it shows.
      text: texToPlainText(paper.abstract),
      formulas: findMathSpans(paper.abstract).map((s) => s.tex),
      links: paper.links,
      ...(score !== undefined && { score: Math.round(score * 1000) / 1000 }),
      collections: paper.collections.map((c) => names.get(c) ?? c),
      date: paper.date?.text ?? null,
      authors: paper.bibliographic?.authors?.map(personName) ?? null,
      authorCount: paper.authors ?? paper.bibliographic?.authors?.length ?? null,
      year: paper.bibliographic?.issued?.year ?? paper.date?.year ?? null,
      venue: paper.bibliographic?.venue ?? null,
      doi: paper.bibliographic?.doi ?? null,
      arxivId: paper.bibliographic?.arxivId ?? null,
      key: paper.citationKey,
      keywords: paper.bibliographic?.keywords ?? null,
      organization: paper.organization ?? null,
      upvotes: paper.upvotes ?? null,
      hasCode: paper.hasCode,
    }));
    process.stdout.write(`${JSON.stringify(out, null, oneLine ? undefined : 2)}\n`);
  } else if (oneLine) {
    process.stdout.write(`${hits.map((h) => h.paper.label).join(' | ')}\n`);
  } else if (hits.length === 0) {
    process.stdout.write('No papers match.\n');
  } else {
    hits.forEach((h, i) => {
      const score = h.score === undefined ? '' : `  (${h.score.toFixed(1)})`;
      process.stdout.write(`${String(i + 1).padStart(2)}. ${h.paper.label}${score}\n`);
    });
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`paper-explorer: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  },
);
