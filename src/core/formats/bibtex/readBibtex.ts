import { runSteps } from '../../util/steps';
import type { CorpusProblem } from '../parse';
import { uniqueCitationKey, citationKeyBase } from '../../cite/citationKey';
import type { BibliographyEntry, BibliographyReading } from '../bibliography';
import { bibtexEntryFields } from './bibtexFields';
import { type BibtexMacros, DEFAULT_MACROS, parseBibtex, type RawBibtexEntry } from './citationJsBibtex';
import { entriesByKey, resolveCrossref } from './crossref';
import { diagnoseEntry } from './entryRepair';
import { type BibtexChunk, splitBibtexEntries } from './entrySplitter';

/**
 * Reads a BibTeX or BibLaTeX file entry by entry: one bad entry costs at most that entry, and is reported at its
 * `@` line. The file's `@string` macros are read first and given to every entry; `@comment` and `@preamble` are
 * skipped; `crossref` is resolved within the file; an entry without a key gets a generated one.
 */
export function readBibtex(text: string): BibliographyReading {
  return runSteps(readBibtexSteps(text));
}

/**
 * `readBibtex` yielding after each entry (about 0.2 ms of work), for `runStepsAsync`; `onEntry` hears how many
 * entries have been read so far.
 */
export function* readBibtexSteps(
  text: string,
  onEntry?: (entries: number) => void,
): Generator<void, BibliographyReading> {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const problems: CorpusProblem[] = [];
  let macros: BibtexMacros = DEFAULT_MACROS;
  for (const chunk of splitBibtexEntries(source)) {
    if (chunk.type === 'string') {
      macros = readMacros(chunk, macros, problems);
    }
    yield;
  }

  const parsed: { raw: RawBibtexEntry; line: number; missingKey: boolean }[] = [];
  for (const chunk of splitBibtexEntries(source)) {
    if (chunk.type !== 'string' && chunk.type !== 'comment' && chunk.type !== 'preamble') {
      const entry = readEntry(chunk, macros, problems);
      if (entry) {
        parsed.push(entry);
        onEntry?.(parsed.length);
      }
      yield;
    }
  }

  const byKey = entriesByKey(parsed.filter((entry) => !entry.missingKey).map((entry) => entry.raw));
  const entries: BibliographyEntry[] = [];
  const missingKeys: number[] = [];
  for (const { raw, line, missingKey } of parsed) {
    const resolved = resolveCrossref(raw, byKey);
    if ('missing' in resolved) {
      problems.push({
        line,
        message: `Its crossref "${resolved.missing}" names no other entry in this file; it is read without it.`,
      });
    }
    const fields = bibtexEntryFields('entry' in resolved ? resolved.entry : raw);
    for (const repair of fields.repairs) {
      problems.push({ line, message: `The entry "${raw.label}": ${repair}.` });
    }
    if (missingKey) {
      missingKeys.push(entries.length);
    }
    entries.push({ title: fields.title, abstract: fields.abstract, line, bibliographic: fields.bibliographic });
    yield;
  }
  reportDuplicateKeys(entries, problems);
  generateMissingKeys(entries, missingKeys, problems);
  problems.sort((a, b) => a.line - b.line);
  return { entries, problems };
}

/** The macros after a `@string` definition; on a definition that cannot be read, the macros before it. */
function readMacros(chunk: BibtexChunk, macros: BibtexMacros, problems: CorpusProblem[]): BibtexMacros {
  try {
    return parseBibtex(chunk.text, macros).macros;
  } catch {
    problems.push({
      line: chunk.line,
      message:
        'This @string definition could not be read (check its braces and quotes); the macro it defines is empty.',
    });
    return macros;
  }
}

/** One entry parsed, repaired if it must be (and the repairs reported), or undefined and reported. */
function readEntry(
  chunk: BibtexChunk,
  macros: BibtexMacros,
  problems: CorpusProblem[],
): { raw: RawBibtexEntry; line: number; missingKey: boolean } | undefined {
  const line = chunk.line;
  try {
    const [raw] = parseBibtex(chunk.text, macros).entries;
    if (raw) {
      return { raw, line, missingKey: false };
    }
  } catch {
    // Looked at below, where what is wrong can be said in words.
  }
  const diagnosis = diagnoseEntry(chunk.text);
  if (diagnosis.kind === 'broken') {
    const at = diagnosis.problem.lineOffset > 0 ? `on line ${line + diagnosis.problem.lineOffset}, ` : '';
    problems.push({ line, message: `This @${chunk.type} entry was skipped: ${at}${diagnosis.problem.message}.` });
    return undefined;
  }
  let raw: RawBibtexEntry | undefined;
  try {
    raw = parseBibtex(diagnosis.text, macros).entries[0];
  } catch (error) {
    problems.push({ line, message: `This @${chunk.type} entry was skipped: ${grammarMessage(error)}.` });
    return undefined;
  }
  if (!raw) {
    problems.push({ line, message: `This @${chunk.type} entry was skipped: it holds no fields that could be read.` });
    return undefined;
  }
  for (const repair of diagnosis.repairs) {
    const key = diagnosis.missingKey ? '' : ` "${raw.label}"`;
    problems.push({ line, message: `The entry${key} was read with a repair: ${repair.message}.` });
  }
  return diagnosis.missingKey
    ? { raw: { ...raw, label: '' }, line, missingKey: true }
    : { raw, line, missingKey: false };
}

/** The grammar's first line (`expected "rbrace", got "identifier" at line 1 col 23:`), without the position. */
function grammarMessage(error: unknown): string {
  const first = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return first
    .replace(/ at line \d+ col \d+:?$/, '')
    .replace(/"rbrace"/g, '"}"')
    .replace(/"lbrace"/g, '"{"');
}

/** BibTeX would stop at a repeated key; both entries are kept, and the later one reported. */
function reportDuplicateKeys(entries: readonly BibliographyEntry[], problems: CorpusProblem[]): void {
  const firstLine = new Map<string, number>();
  for (const entry of entries) {
    const key = entry.bibliographic.citationKey;
    if (!key) {
      continue;
    }
    const earlier = firstLine.get(key);
    if (earlier === undefined) {
      firstLine.set(key, entry.line);
    } else {
      problems.push({
        line: entry.line,
        message: `The key "${key}" is also the key of the entry on line ${earlier}; both entries are kept.`,
      });
    }
  }
}

/** Keys for entries written without one, in the common style and unique in the file, each reported. */
function generateMissingKeys(
  entries: BibliographyEntry[],
  missing: readonly number[],
  problems: CorpusProblem[],
): void {
  if (missing.length === 0) {
    return;
  }
  const taken = new Set(entries.map((entry) => entry.bibliographic.citationKey).filter((key): key is string => !!key));
  const tried = new Map<string, number>();
  for (const index of missing) {
    const entry = entries[index];
    const key = uniqueCitationKey(citationKeyBase(entry.title, entry.bibliographic), taken, tried);
    taken.add(key);
    entries[index] = { ...entry, bibliographic: { ...entry.bibliographic, citationKey: key } };
    problems.push({ line: entry.line, message: `This entry has no citation key; it was given the key "${key}".` });
  }
}
