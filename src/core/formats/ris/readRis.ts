import { parse as parseRisText, parseMixed as risRecordToCsl } from '@citation-js/plugin-ris/lib/ris.js';
import type { CorpusProblem } from '../parse';
import { runSteps } from '../../util/steps';
import type { BibliographyEntry, BibliographyReading } from '../bibliography';
import { normaliseCslItem } from '../csl/cslItem';
import { countLineBreaks } from '../lineBreaks';

/**
 * Reads an RIS file (https://en.wikipedia.org/wiki/RIS_(file_format)) record by record with citation-js's RIS
 * plugin, which copes with what exporters write (a record without `ER`, untagged continuation lines, a header
 * before the first record, CRLF). Records are split here, at their `TY` lines, to know each record's line and so
 * that one record that cannot be read costs only itself.
 */
export function readRis(text: string): BibliographyReading {
  return runSteps(readRisSteps(text));
}

const RECORD_START = /^TY {2}-/gm;

/** `readRis` yielding after each record; `onEntry` hears how many records have been read so far. */
export function* readRisSteps(text: string, onEntry?: (entries: number) => void): Generator<void, BibliographyReading> {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const entries: BibliographyEntry[] = [];
  const problems: CorpusProblem[] = [];
  const starts = Array.from(source.matchAll(RECORD_START), (match) => match.index);
  if (starts.length === 0 && source.trim()) {
    problems.push({ line: 1, message: 'No RIS record was found: records start with a line "TY  - …".' });
  }
  let line = 1;
  for (let i = 0; i < starts.length; i++) {
    line += countLineBreaks(source, i === 0 ? 0 : starts[i - 1], starts[i]);
    const record = source.slice(starts[i], i + 1 < starts.length ? starts[i + 1] : source.length);
    const entry = readRecord(record, line, problems);
    if (entry) {
      entries.push(entry);
      onEntry?.(entries.length);
    }
    yield;
  }
  return { entries, problems };
}

function readRecord(text: string, line: number, problems: CorpusProblem[]): BibliographyEntry | undefined {
  let item: Record<string, unknown>;
  try {
    const [record] = parseRisText(text);
    item = risRecordToCsl(trimmed(record));
  } catch (error) {
    problems.push({
      line,
      message: `This RIS record was skipped: ${error instanceof Error ? error.message : String(error)}.`,
    });
    return undefined;
  }
  const normalised = normaliseCslItem(item);
  if (typeof normalised === 'string') {
    problems.push({ line, message: `This RIS record was skipped: ${normalised}.` });
    return undefined;
  }
  for (const repair of normalised.repairs) {
    problems.push({ line, message: `This RIS record: ${repair}.` });
  }
  return { title: normalised.title, abstract: normalised.abstract, line, bibliographic: normalised.bibliographic };
}

/** Exporters leave trailing spaces, and a blank line inside a record adds one to the tag before it. */
function trimmed(record: Record<string, string | string[]>): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  for (const [tag, value] of Object.entries(record)) {
    result[tag] = Array.isArray(value) ? value.map((part) => part.trim()) : value.trim();
  }
  return result;
}
