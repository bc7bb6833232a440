import * as assert from 'node:assert/strict';
import MiniSearch from 'minisearch';
import { MINISEARCH_AS_CONFIGURED, searchAsConfigured } from '../../bench/miniSearchAsConfigured';
import type { Library, Paper } from '../../src/core/model/paper';
import { indexTerms } from '../../src/core/search/engine/indexer';
import { parseQuery } from '../../src/core/search/query';
import type { RelevanceJudgement } from './relevanceSet';

/** How deep a list is read: a paper below this rank counts as not found. */
export const DEPTH = 10;

export interface Scores {
  recallAt1: number;
  recallAt5: number;
  recallAt10: number;
  /** Mean reciprocal rank, counting a paper below rank 10 as not found. */
  mrr: number;
  misses: string[];
}

/** An engine under test: a query → the ids of the papers it lists, best first. */
export type Ranker = (query: string) => readonly string[];

export function wantedPaper(library: Library, judgement: RelevanceJudgement): Paper {
  const matches = library.papers.filter((p) =>
    judgement.expectedAbstract ? p.abstract.includes(judgement.expected) : p.title === judgement.expected,
  );
  assert.equal(matches.length, 1, `"${judgement.expected}" should name exactly one paper`);
  return matches[0];
}

/** Scores an engine on a set of judgements. */
export function score(library: Library, set: readonly RelevanceJudgement[], rank: Ranker): Scores {
  let at1 = 0;
  let at5 = 0;
  let at10 = 0;
  let reciprocal = 0;
  const misses: string[] = [];
  for (const judgement of set) {
    const wanted = wantedPaper(library, judgement).id;
    const position = rank(judgement.query).slice(0, DEPTH).indexOf(wanted);
    if (position === 0) {
      at1++;
    }
    if (position >= 0 && position < 5) {
      at5++;
    }
    if (position >= 0) {
      at10++;
      reciprocal += 1 / (position + 1);
    } else {
      misses.push(judgement.query);
    }
  }
  const n = set.length;
  return { recallAt1: at1 / n, recallAt5: at5 / n, recallAt10: at10 / n, mrr: reciprocal / n, misses };
}

export function row(name: string, s: Scores): string {
  const f = (x: number) => x.toFixed(3);
  return `| ${name.padEnd(22)} | ${f(s.recallAt1)} | ${f(s.recallAt5)} | ${f(s.recallAt10)} | ${f(s.mrr)} |`;
}

/** MiniSearch configured as the project would configure it (see bench/miniSearchAsConfigured.ts). */
export function miniSearchAsConfigured(library: Library): Ranker {
  const miniSearch = new MiniSearch<Paper>(MINISEARCH_AS_CONFIGURED);
  miniSearch.addAll(library.papers);
  return (query) => searchAsConfigured(miniSearch, query, DEPTH);
}

/**
 * Plain BM25 with OR semantics, the textbook baseline: title and abstract as
 * one field, the project's tokenizer and stop words, k1 1.2 and b 0.75, every
 * paper with any query word ranked by the sum of its words' scores.
 */
export function plainBm25(library: Library): Ranker {
  const K1 = 1.2;
  const B = 0.75;
  const docs = library.papers.map((p) => {
    const tf = new Map<string, number>();
    const terms = indexTerms(`${p.title ?? ''} ${p.abstract}`);
    for (const t of terms) {
      tf.set(t, (tf.get(t) ?? 0) + 1);
    }
    return { id: p.id, tf, length: terms.length };
  });
  const df = new Map<string, number>();
  for (const d of docs) {
    for (const t of d.tf.keys()) {
      df.set(t, (df.get(t) ?? 0) + 1);
    }
  }
  const n = docs.length;
  const avgLength = docs.reduce((s, d) => s + d.length, 0) / n;
  return (query) => {
    const words = [...new Set(parseQuery(query).words.flatMap((w) => w.parts))];
    return docs
      .map((d) => {
        let s = 0;
        for (const w of words) {
          const f = d.tf.get(w) ?? 0;
          if (f > 0) {
            const idf = Math.log(1 + (n - (df.get(w) ?? 0) + 0.5) / ((df.get(w) ?? 0) + 0.5));
            s += (idf * f * (K1 + 1)) / (f + K1 * (1 - B + (B * d.length) / avgLength));
          }
        }
        return { id: d.id, s };
      })
      .filter((d) => d.s > 0)
      .sort((a, b) => b.s - a.s)
      .map((d) => d.id);
  };
}
