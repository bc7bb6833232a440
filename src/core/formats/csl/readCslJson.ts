import type { CorpusProblem } from '../parse';
import { runSteps } from '../../util/steps';
import type { BibliographyEntry, BibliographyReading } from '../bibliography';
import { JsonArrayElements } from '../jsonArrayElements';
import { normaliseCslItem } from './cslItem';

/**
 * Reads a CSL-JSON file (an array of CSL items, as Zotero, Better BibTeX and Pandoc export them) item by item: the
 * array is split into its elements without parsing it, so an item that is not valid JSON, or not an object, is
 * skipped and reported alone, at its own line.
 */
export function readCslJson(text: string): BibliographyReading {
  return runSteps(readCslJsonSteps(text));
}

/** `readCslJson` yielding after each item; `onEntry` hears how many items have been read so far. */
export function* readCslJsonSteps(
  text: string,
  onEntry?: (entries: number) => void,
): Generator<void, BibliographyReading> {
  const items: { text: string; line: number }[] = [];
  const problems: CorpusProblem[] = [];
  const decoder = new TextDecoder();
  const splitter = new JsonArrayElements({
    element: (bytes, line) => items.push({ text: decoder.decode(bytes), line }),
    malformed: (message, line) =>
      problems.push({ line, message: `The file could not be read as CSL-JSON: ${message}.` }),
  });
  splitter.push(new TextEncoder().encode(text));
  splitter.end();
  yield;

  const entries: BibliographyEntry[] = [];
  for (const { text: itemText, line } of items) {
    let value: unknown;
    try {
      value = JSON.parse(itemText);
    } catch (error) {
      problems.push({
        line,
        message: `This item was skipped: it is not valid JSON (${error instanceof Error ? error.message : error}).`,
      });
      yield;
      continue;
    }
    const item = normaliseCslItem(value);
    if (typeof item === 'string') {
      problems.push({ line, message: `This item was skipped: ${item}.` });
    } else {
      for (const repair of item.repairs) {
        problems.push({ line, message: `This item${item.title ? ` ("${item.title}")` : ''}: ${repair}.` });
      }
      entries.push({ title: item.title, abstract: item.abstract, line, bibliographic: item.bibliographic });
      onEntry?.(entries.length);
    }
    yield;
  }
  problems.sort((a, b) => a.line - b.line);
  return { entries, problems };
}
