import * as assert from 'node:assert/strict';
import type { Paper } from '../../src/core/model/paper';
import { PaperColumns } from '../../src/core/search/paperColumns';
import { inRange, parseQuery } from '../../src/core/search/query';
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
