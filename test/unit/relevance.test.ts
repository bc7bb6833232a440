import * as assert from 'node:assert/strict';
import MiniSearch from 'minisearch';
import { MINISEARCH_AS_CONFIGURED, searchAsConfigured } from '../../bench/miniSearchAsConfigured';
import type { Library, Paper } from '../../src/core/model/paper';
import { bundledCorpus } from './helpers';
import { RELEVANCE_KINDS, RELEVANCE_SET, type RelevanceJudgement } from './relevanceSet';

const DEPTH = 10;

interface Scores {
  recallAt1: number;
  recallAt5: number;
  recallAt10: number;
  /** Mean reciprocal rank, counting a paper below rank 10 as not found. */
  mrr: number;
  misses: string[];
}

function wantedPaper(library: Library, judgement: RelevanceJudgement): Paper {
  const matches = library.papers.filter((p) =>
    judgement.expectedAbstract ? p.abstract.includes(judgement.expected) : p.title === judgement.expected,
  );
  assert.equal(matches.length, 1, `"${judgement.expected}" should name exactly one paper`);
  return matches[0];
}

/** Scores an engine, given as "query → paper ids, best first", on the whole set. */
function score(library: Library, rank: (query: string) => readonly string[]): Scores {
  let at1 = 0;
  let at5 = 0;
  let at10 = 0;
  let reciprocal = 0;
  const misses: string[] = [];
  for (const judgement of RELEVANCE_SET) {
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
  const n = RELEVANCE_SET.length;
  return { recallAt1: at1 / n, recallAt5: at5 / n, recallAt10: at10 / n, mrr: reciprocal / n, misses };
}

/** MiniSearch configured as the project would configure it (see bench/miniSearchAsConfigured.ts). */
function miniSearchAsConfigured(library: Library): (query: string) => string[] {
  const miniSearch = new MiniSearch<Paper>(MINISEARCH_AS_CONFIGURED);
  miniSearch.addAll(library.papers);
  return (query) => searchAsConfigured(miniSearch, query, DEPTH);
}

function row(name: string, s: Scores): string {
  const f = (x: number) => x.toFixed(3);
  return `| ${name.padEnd(22)} | ${f(s.recallAt1)} | ${f(s.recallAt5)} | ${f(s.recallAt10)} | ${f(s.mrr)} |`;
}

describe('relevance set: the paper a researcher means, ranked', () => {
  let project: Scores;
  let baseline: Scores;

  before(async () => {
    const { library, index } = await bundledCorpus();
    project = score(library, (query) => index.search(query, { limit: DEPTH }).hits.map((h) => h.paper.id));

    baseline = score(library, miniSearchAsConfigured(library));

    console.log(
      [
        '',
        `      Relevance set: ${RELEVANCE_SET.length} queries`,
        '      | engine                 | R@1   | R@5   | R@10  | MRR   |',
        '      | ---------------------- | ----- | ----- | ----- | ----- |',
        `      ${row('Paper Explorer', project)}`,
        `      ${row('MiniSearch, configured', baseline)}`,
        `      not in the first ${DEPTH}: Paper Explorer ${project.misses.join(', ') || 'none'}; MiniSearch ${baseline.misses.join(', ') || 'none'}`,
        '',
      ].join('\n'),
    );
  });

  it('has at least 60 queries, covering every kind', () => {
    assert.ok(RELEVANCE_SET.length >= 60, `${RELEVANCE_SET.length} queries`);
    for (const kind of RELEVANCE_KINDS) {
      assert.ok(RELEVANCE_SET.filter((j) => j.kind === kind).length >= 5, `at least five "${kind}" queries`);
    }
    assert.equal(new Set(RELEVANCE_SET.map((j) => j.query)).size, RELEVANCE_SET.length, 'no query twice');
  });

  // Floors a little under what the ranking achieves today: a change that makes it worse fails here.
  it('finds the wanted paper first for nearly every query', () => {
    assert.ok(project.recallAt1 >= 0.95, `recall@1 ${project.recallAt1.toFixed(3)}`);
  });

  it('finds it within the first ten for all but a few', () => {
    assert.ok(
      project.recallAt10 >= 0.98,
      `recall@10 ${project.recallAt10.toFixed(3)}; misses: ${project.misses.join(', ')}`,
    );
    assert.ok(project.mrr >= 0.96, `MRR ${project.mrr.toFixed(3)}`);
  });

  // What the engine and the re-ranking buy over MiniSearch set up the same way: today R@1 0.98 against 0.91, MRR 0.99 against 0.94.
  it('ranks better than MiniSearch configured as this project would configure it, on the same papers', () => {
    assert.ok(project.recallAt1 >= baseline.recallAt1 + 0.05, `R@1 ${project.recallAt1} vs ${baseline.recallAt1}`);
    assert.ok(project.recallAt10 >= baseline.recallAt10, `R@10 ${project.recallAt10} vs ${baseline.recallAt10}`);
    assert.ok(project.mrr >= baseline.mrr + 0.03, `MRR ${project.mrr} vs ${baseline.mrr}`);
  });
});
