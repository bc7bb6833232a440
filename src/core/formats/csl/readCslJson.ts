import type { CorpusProblem } from '../../../corpus/parse';
import { runSteps } from '../../../util/steps';
import type { BibliographyEntry, BibliographyReading } from '../bibliography';
import { normaliseCslItem } from './cslItem';
import { jsonArrayItems } from './jsonArrayItems';

/**
 * Reads a CSL-JSON file (an array of CSL items, as Zotero, Better BibTeX and Pandoc export them) item by item: an
 * item that is not an object, or not valid JSON, is skipped and reported alone.
 */
export function readCslJson(text: string): BibliographyReading {
  return runSteps(readCslJsonSteps(text));
}

/** `readCslJson` yielding after each item. */
export function* readCslJsonSteps(text: string): Generator<void, BibliographyReading> {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const entries: BibliographyEntry[] = [];
  const problems: CorpusProblem[] = [];
  const items = jsonArrayItems(source);
  let lastLine = 1;
  for (let next = items.next(); ; next = items.next()) {
    if (next.done) {
      if (next.value) {
        problems.push({ line: lastLine, message: `The file could not be read to its end: ${next.value}.` });
      }
      break;
    }
    const { text: itemText, line } = next.value;
    lastLine = line;
    let value: unknown;
    try {
      value = JSON.parse(itemText);
    } catch (error) {
      problems.push({ line, message: `This item was skipped: it is not valid JSON (${error instanceof Error ? error.message : error}).` });
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
    }
    yield;
  }
  return { entries, problems };
}
