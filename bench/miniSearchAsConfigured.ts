import MiniSearch, { type Options, type SearchOptions } from 'minisearch';
import type { Paper } from '../src/core/model/paper';
import { FUZZY_WEIGHT, fuzziness, PREFIX_WEIGHT, TITLE_BOOST } from '../src/core/search/engine';
import { parseQuery } from '../src/core/search/query';
import { STOP_WORDS, tokenizeForIndex } from '../src/core/search/tokenize';

/**
 * MiniSearch used directly, configured as this project would configure it:
 * the project's tokenizer (compounds split and joined, TeX dropped, case and
 * accents folded) and stop words, its title boost, the last word matched as a
 * prefix while it is typed, its typo allowance, and its prefix and typo
 * weights (BM25's parameters are MiniSearch's defaults on both sides). The
 * benchmark and the relevance test (test/unit/relevance.test.ts) both measure
 * the project's engine against this, so that the difference is what the engine buys.
 */
export const MINISEARCH_AS_CONFIGURED: Options<Paper> = {
  fields: ['title', 'abstract'],
  storeFields: [],
  tokenize: tokenizeForIndex,
  processTerm: (term) => (STOP_WORDS.has(term) ? null : term),
  searchOptions: {
    boost: { title: TITLE_BOOST },
    weights: { prefix: PREFIX_WEIGHT, fuzzy: FUZZY_WEIGHT },
    fuzzy: (term) => fuzziness(term) || false,
  },
};

/**
 * The ids of the papers a query finds, best first, as the project lists them:
 * papers with every word, then (when there are fewer than `enough`) papers
 * with some. MiniSearch has no parser for the project's syntax (fields,
 * filters, exclusions, phrases), so it gets the query's words only.
 */
export function searchAsConfigured(miniSearch: MiniSearch<Paper>, query: string, enough: number): string[] {
  const parsed = parseQuery(query);
  const text = parsed.words.map((w) => w.joined).join(' ');
  const options: SearchOptions = { prefix: (_term, i, terms) => parsed.lastIsPrefix && i === terms.length - 1 };
  const all = miniSearch.search(text, { ...options, combineWith: 'AND' }).map((r) => r.id as string);
  if (all.length >= enough) {
    return all;
  }
  const found = new Set(all);
  return [...all, ...miniSearch.search(text, options).flatMap((r) => (found.has(r.id) ? [] : [r.id as string]))];
}
