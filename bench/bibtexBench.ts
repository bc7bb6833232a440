import { parse as bibtexEntriesToCsl } from '@citation-js/plugin-bibtex/lib/input/entries.js';
import { parse as parseBibtexText } from '@citation-js/plugin-bibtex/lib/input/file.js';
import { readBibtexSteps } from '../src/core/formats/bibtex/readBibtex';
import type { Paper } from '../src/core/model/paper';
import { findMathSpans } from '../src/core/text/tex';
import { runSteps, runStepsAsync } from '../src/core/util/steps';
import { longestBlock } from './measure';

/**
 * A 10,000-entry `.bib` with abstracts, read as the extension reads it (split at entry lines, citation-js's
 * grammar and conversion one entry at a time, yielding between entries) beside citation-js reading the whole
 * file at once (its grammar, then its conversion of every entry): time, the longest block of the event loop, and
 * what each keeps when one entry in the middle is broken.
 */
export interface BibtexRow {
  readonly entries: number;
  readonly fileMB: number;
  readonly readerMs: number;
  readonly citationJsMs: number;
  /** Entries citation-js kept of the file: all or none, since one entry it cannot read throws. */
  readonly citationJsKept: number;
  /** The same with abstracts left out of the conversion, as the reader leaves them. */
  readonly citationJsWithoutAbstractsMs: number;
  readonly citationJsWithoutAbstractsKept: number;
  readonly readerMaxBlockMs: number;
  /** Entries kept from the same file with one broken entry in the middle. */
  readonly readerKeptWithBroken: number;
  readonly citationJsKeptWithBroken: number;
}

const GIVEN = ['Ashish', 'Jörg', 'María', 'Łukasz', 'Noam', 'Laurens', 'Geoffrey', 'Yoshua', 'François', 'Chen'];
const FAMILY = ['Vaswani', 'M{\\"u}ller', "Garc{\\'\\i}a", 'Kaiser', 'Shazeer', 'van der Maaten', 'Hinton', 'Bengio'];

/** A synthetic library in the shape exports have: keys, `@string` venues, authors with TeX accents, abstracts. */
export function syntheticBibtex(seed: readonly Paper[], entries: number, brokenAt?: number): string {
  const parts = ['@string{neurips = "Advances in Neural Information Processing Systems"}\n'];
  for (let i = 0; i < entries; i++) {
    if (i === brokenAt) {
      parts.push(`@article{broken${i},\n  title = {An entry whose {brace never closes},\n  year = {2020}\n}\n`);
    }
    const paper = seed[i % seed.length];
    const authors = [0, 1, 2].map((k) => `${FAMILY[(i + k) % FAMILY.length]}, ${GIVEN[(i * 7 + k) % GIVEN.length]}`);
    const title = bracesPaired(paper.title ?? paper.label);
    // A `$` that opens no formula (`$1,000`) is escaped: citation-js's conversion throws on it, which would end
    // its reading of the whole file (the reader keeps abstracts as TeX and never converts them).
    const abstract = escapeLoneDollars(bracesPaired(paper.abstract).replace(/(?<!\\)[%&#]/g, '\\$&'));
    parts.push(
      `@inproceedings{key${i},\n  title = {${title}},\n  author = {${authors.join(' and ')}},\n` +
        `  booktitle = neurips,\n  year = {${2000 + (i % 25)}},\n  month = jul,\n  abstract = {${abstract}}\n}\n`,
    );
  }
  return parts.join('\n');
}

/** The text, or without its braces when they do not pair (the file would be broken otherwise). */
function bracesPaired(text: string): string {
  let depth = 0;
  for (const c of text) {
    depth += c === '{' ? 1 : c === '}' ? -1 : 0;
    if (depth < 0) {
      break;
    }
  }
  return depth === 0 ? text : text.replace(/[{}]/g, '');
}

function escapeLoneDollars(text: string): string {
  let result = '';
  let from = 0;
  for (const span of findMathSpans(text)) {
    result += text.slice(from, span.start).replace(/(?<!\\)\$/g, '\\$') + text.slice(span.start, span.end);
    from = span.end;
  }
  return result + text.slice(from).replace(/(?<!\\)\$/g, '\\$');
}

/**
 * Entries citation-js reads from the whole file: its grammar, then its conversion of every entry; with
 * `abstracts` false, abstracts are left out of the conversion (as the reader leaves them, as TeX). All or none:
 * one value it cannot convert throws, and the file is lost.
 */
function entriesOfCitationJs(text: string, abstracts: boolean): number {
  try {
    const raw = parseBibtexText(text);
    if (!abstracts) {
      for (const entry of raw) {
        delete entry.properties.abstract;
      }
    }
    return bibtexEntriesToCsl(raw).length;
  } catch {
    return 0;
  }
}

export async function runBibtexBench(seed: readonly Paper[], sizes: readonly number[]): Promise<BibtexRow[]> {
  const rows: BibtexRow[] = [];
  for (const entries of sizes) {
    const text = syntheticBibtex(seed, entries);
    const broken = syntheticBibtex(seed, entries, Math.floor(entries / 2));
    process.stderr.write(`BibTeX ${entries} entries (${(text.length / 1048576).toFixed(1)} MB)…\n`);
    let started = performance.now();
    const read = runSteps(readBibtexSteps(text));
    const readerMs = performance.now() - started;
    started = performance.now();
    const citationJs = entriesOfCitationJs(text, true);
    const citationJsMs = performance.now() - started;
    started = performance.now();
    const citationJsWithoutAbstracts = entriesOfCitationJs(text, false);
    const citationJsWithoutAbstractsMs = performance.now() - started;
    if (read.entries.length !== entries) {
      throw new Error(`expected ${entries} entries, read ${read.entries.length}`);
    }
    const readerMaxBlockMs = await longestBlock(() => runStepsAsync(readBibtexSteps(text)));
    rows.push({
      entries,
      fileMB: text.length / 1048576,
      readerMs,
      citationJsMs,
      citationJsKept: citationJs,
      citationJsWithoutAbstractsMs,
      citationJsWithoutAbstractsKept: citationJsWithoutAbstracts,
      readerMaxBlockMs,
      readerKeptWithBroken: runSteps(readBibtexSteps(broken)).entries.length,
      citationJsKeptWithBroken: entriesOfCitationJs(broken, false),
    });
  }
  return rows;
}

export function bibtexTable(rows: readonly BibtexRow[]): string {
  const lines = [
    'BibTeX with abstracts: the reader (entry by entry, yielding) beside citation-js on the whole file',
    'entries  MB    reader ms (kept)  citation-js ms (kept)  without abstracts ms (kept)  reader longest block ms  1 broken entry: kept by reader / citation-js',
  ];
  for (const r of rows) {
    lines.push(
      [
        String(r.entries).padEnd(8),
        r.fileMB.toFixed(1).padEnd(5),
        `${r.readerMs.toFixed(0)} (${r.entries})`.padEnd(17),
        `${r.citationJsMs.toFixed(0)} (${r.citationJsKept})`.padEnd(22),
        `${r.citationJsWithoutAbstractsMs.toFixed(0)} (${r.citationJsWithoutAbstractsKept})`.padEnd(28),
        r.readerMaxBlockMs.toFixed(1).padEnd(24),
        `${r.readerKeptWithBroken} / ${r.citationJsKeptWithBroken}`,
      ].join(' '),
    );
  }
  return lines.join('\n');
}
