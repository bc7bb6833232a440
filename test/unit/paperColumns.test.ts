import * as assert from 'node:assert/strict';
import type { Paper } from '../../src/core/model/paper';
import { PaperColumns } from '../../src/core/search/paperColumns';
import { inRange, parseQuery } from '../../src/core/search/query';
import { buildIndex } from '../../src/core/search/engine';
import { runSteps } from '../../src/core/util/steps';
import { bundledCorpus, makePaper } from './helpers';

/** Papers, and how many times a paper of them has been read so far. */
function counted(papers: readonly Paper[]): { papers: readonly Paper[]; reads: () => number } {
  let reads = 0;
  const proxy = new Proxy(papers, {
    get(target, property, receiver) {
      if (typeof property === 'string' && /^\d+$/.test(property)) {
        reads++;
      }
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
  return { papers: proxy, reads: () => reads };
}

const date = (year: number | undefined, month = 0, day = 0) => ({ year, month, day, text: `${year}` });

describe('paper columns for filters', () => {
  const papers = [
    makePaper({ id: 'a', date: date(2021, 3, 4), upvotes: 120, hasCode: true }),
    makePaper({ id: 'b' }),
    makePaper({ id: 'c', date: date(undefined, 5, 0), upvotes: 7 }),
    makePaper({ id: 'd', date: date(2019), hasCode: false }),
  ];

  it('holds each paper’s year, upvotes, code and rank among the newest, by its place in the library', () => {
    const columns = new PaperColumns(papers);
    assert.deepEqual(Array.from(columns.years), [2021, NaN, NaN, 2019]);
    assert.deepEqual(Array.from(columns.upvotes), [120, 0, 7, 0]);
    assert.deepEqual(Array.from(columns.hasCode), [1, 0, 0, 0]);
    // Newest first, a paper without a year before all, then the most upvoted (counted up to 99).
    assert.deepEqual(Array.from(columns.newest), [2021_030_499, 9999_000_000, 9999_050_007, 2019_000_000]);
  });

  it('reads every paper once for a column at its first use, and never again', () => {
    const { papers: watched, reads } = counted(papers);
    const columns = new PaperColumns(watched);
    assert.equal(reads(), 0);
    const years = columns.years;
    assert.equal(reads(), papers.length);
    assert.equal(columns.years, years);
    assert.equal(reads(), papers.length);
    void columns.hasCode;
    assert.equal(reads(), 2 * papers.length);
  });

  it('lets a year filter alone list every paper of that year, newest and most upvoted first, then in library order', async () => {
    const { library, index } = await bundledCorpus();
    const range = parseQuery('year:2023').filters.year;
    const wanted = library.papers.filter((p) => p.date?.year !== undefined && inRange(p.date.year, range));
    assert.ok(wanted.length > 10);
    const rank = (p: Paper) => (p.date!.month * 100 + p.date!.day) * 100 + Math.min(p.upvotes ?? 0, 99);
    const results = index.search('year:2023', { limit: 1000 });
    assert.equal(results.total, wanted.length);
    assert.deepEqual(
      results.hits.map((h) => h.paper),
      [...wanted].sort((a, b) => rank(b) - rank(a)),
    );
  });
});

describe('an index prepared ahead (`PaperIndex.prepareSteps`)', () => {
  it('makes in steps what a first query of each kind would read every paper for', async () => {
    const { library } = await bundledCorpus();
    // A key is taken for one when it is more than letters (`paperf` could be a word).
    const key = library.papers.find((p) => /\d/.test(p.citationKey))!.citationKey;
    const queries = ['cat:cs.CL', 'year:2023', 'has:code', key];
    /** Per query, the papers its first run reads beyond what its next run reads: what the first made for later. */
    const madeByFirstQueries = (prepare: boolean) => {
      const { papers, reads } = counted(library.papers);
      const index = buildIndex({ ...library, papers });
      if (prepare) {
        runSteps(index.prepareSteps());
      }
      const readsOf = (query: string) => {
        const before = reads();
        index.search(query, { limit: 5 });
        return reads() - before;
      };
      return queries.map((query) => readsOf(query) - readsOf(query));
    };
    const unprepared = madeByFirstQueries(false);
    const prepared = madeByFirstQueries(true);
    queries.forEach((query, i) => {
      assert.ok(unprepared[i] >= library.papers.length, `${query}: a first query reads every paper once more`);
      assert.equal(prepared[i], 0, `${query}: prepared, a first query reads what the next does`);
    });
  });

  it('yields every few thousand papers', () => {
    const papers = Array.from({ length: 60_000 }, (_, i) => makePaper({ id: `p${i}`, upvotes: i % 7 }));
    const index = buildIndex({
      papers,
      collections: [],
      byId: new Map(),
      entryCount: 60_000,
      untitledCount: 0,
      problems: [],
    });
    let steps = 0;
    for (const _ of index.prepareSteps()) {
      steps++;
    }
    // Three passes over the papers for the identifier table and the category postings, and four for the columns.
    assert.ok(steps >= 10, `${steps} steps`);
  });
});
