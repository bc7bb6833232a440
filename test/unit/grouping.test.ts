import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  byTitle,
  groupByPrimaryCategory,
  groupByYear,
  groupPapers,
  newestPapers,
  NO_CATEGORY_LABEL,
  NO_YEAR_LABEL,
  sortPapers,
  UNDATED_LABEL,
} from '../../src/core/model/grouping';
import type { Paper } from '../../src/core/model/paper';
import { bundledCorpus, paperTitled } from './helpers';

function paper(label: string, extra: Partial<Paper> = {}): Paper {
  return { id: label, label, abstract: '', collections: [], links: [], hasCode: false, citationKey: label, ...extra };
}

describe('Library grouping and order', () => {
  it('groups by year, newest first: dates without a year first (the listing year), undated last', () => {
    const groups = groupByYear([
      paper('a', { date: { year: 2019, month: 1, day: 2, text: 'Jan 2, 2019' } }),
      paper('b'),
      paper('c', { date: { month: 3, day: 4, text: 'Mar 4' } }),
      paper('d', { date: { year: 2024, month: 5, day: 6, text: 'May 6, 2024' } }),
      paper('e', { date: { year: 2019, month: 7, day: 8, text: 'Jul 8, 2019' } }),
    ]);
    assert.deepEqual(
      groups.map((g) => [g.label, g.papers.map((p) => p.label).join('')]),
      [
        [NO_YEAR_LABEL, 'c'],
        ['2024', 'd'],
        ['2019', 'ae'],
        [UNDATED_LABEL, 'b'],
      ],
    );
  });

  it('groups by primary arXiv category (the first), A to Z, papers without one last', () => {
    const groups = groupByPrimaryCategory([
      paper('a', { bibliographic: { categories: ['stat.ML', 'cs.LG'] } }),
      paper('b'),
      paper('c', { bibliographic: { categories: ['cs.LG'] } }),
      paper('d', { bibliographic: { categories: ['cs.CL', 'stat.ML'] } }),
      paper('e', { bibliographic: { categories: ['cs.LG', 'cs.CL'] } }),
    ]);
    assert.deepEqual(
      groups.map((g) => [g.label, g.papers.map((p) => p.label).join('')]),
      [
        ['cs.CL', 'd'],
        ['cs.LG', 'ce'],
        ['stat.ML', 'a'],
        [NO_CATEGORY_LABEL, 'b'],
      ],
    );
  });

  it('counts the bundled corpus by year', async () => {
    const { library } = await bundledCorpus();
    const groups = groupPapers(library, library.papers, 'year');
    assert.deepEqual(
      groups.map((g) => `${g.label}:${g.papers.length}`),
      [
        'Year not stated:21',
        '2024:12',
        '2023:27',
        '2022:4',
        '2021:6',
        '2020:9',
        '2019:4',
        '2018:2',
        '2016:1',
        'Undated:352',
      ],
    );
    assert.equal(
      groups.reduce((n, g) => n + g.papers.length, 0),
      library.papers.length,
    );
  });

  it('sorts by date (newest first), by upvotes (most first, ties newest first) and by title (A to Z, numbers in order)', () => {
    const old = paper('Old', { date: { year: 2020, month: 1, day: 1, text: '' }, upvotes: 5 });
    const recent = paper('recent', { date: { year: 2024, month: 1, day: 1, text: '' }, upvotes: 5 });
    const undated = paper('Undated', { upvotes: 9 });
    const none = paper('HAWQ-V10');
    const v2 = paper('HAWQ-V2');
    const papers = [old, undated, none, recent, v2];
    assert.deepEqual(
      sortPapers(papers, 'date').map((p) => p.label),
      ['recent', 'Old', 'Undated', 'HAWQ-V10', 'HAWQ-V2'],
    );
    assert.deepEqual(
      sortPapers(papers, 'upvotes').map((p) => p.label),
      ['Undated', 'recent', 'Old', 'HAWQ-V10', 'HAWQ-V2'],
    );
    assert.deepEqual(
      sortPapers(papers, 'title').map((p) => p.label),
      ['HAWQ-V2', 'HAWQ-V10', 'Old', 'recent', 'Undated'],
    );
    assert.equal(byTitle('en')(paper('éclair'), paper('Eclair')), 0);
  });

  it('keeps only the given papers in each collection group', async () => {
    const { library } = await bundledCorpus();
    const xlstm = paperTitled(library, 'xLSTM: Extended Long Short-Term Memory');
    const groups = groupPapers(library, [xlstm], 'collection');
    assert.equal(groups.length, library.collections.length);
    assert.deepEqual(
      groups.filter((g) => g.papers.length > 0).map((g) => g.papers[0].id),
      xlstm.collections.map(() => xlstm.id),
    );
  });

  it('picks the newest papers as sorting them all would, equal dates in file order', () => {
    const date = fc.option(
      fc.record({
        year: fc.option(fc.integer({ min: 2019, max: 2021 }), { nil: undefined }),
        month: fc.integer({ min: 1, max: 2 }),
        day: fc.integer({ min: 1, max: 2 }),
      }),
      { nil: undefined },
    );
    fc.assert(
      fc.property(fc.array(date, { maxLength: 40 }), fc.nat({ max: 45 }), (dates, count) => {
        const papers = dates.map((d, i) =>
          paper(
            `p${i}`,
            d && { date: d.year === undefined ? { month: d.month, day: d.day, text: '' } : { ...d, text: '' } },
          ),
        );
        assert.deepEqual(newestPapers(papers, count), sortPapers(papers, 'date').slice(0, count));
      }),
      { numRuns: 300 },
    );
  });

  it('picks a first page from a library too large to pass as arguments to one call', () => {
    // 300,000 arguments to one call (`items.push(...all)`) overflow the stack: the first page must not need them.
    const papers = Array.from({ length: 300_000 }, (_, i) =>
      paper(`p${i}`, { date: { year: 2000 + (i % 25), month: 1 + (i % 12), day: 1 + (i % 28), text: '' } }),
    );
    const page = newestPapers(papers, 50);
    assert.equal(page.length, 50);
    assert.ok(page.every((p) => p.date?.year === 2024 && p.date.month === 12));
  });
});

describe('PaperIndex.matching (the Library filter)', () => {
  it('keeps every paper with all the words, the word itself rather than its typos and completions', async () => {
    const { index } = await bundledCorpus();
    assert.deepEqual(
      index.matching('xlstm').map((p) => p.title),
      [
        'xLSTM: Extended Long Short-Term Memory',
        'xLSTMTime : Long-term Time Series Forecasting With xLSTM',
        'Vision-LSTM: xLSTM as Generic Vision Backbone',
      ],
    );
    // `lstm` is one edit from `xlstm`: search lists LSTM papers after the xLSTM ones, a filter does not keep them.
    assert.ok(index.search('xlstm', { limit: 50 }).hits.length > 3);
  });

  it('is not capped by a result limit and needs every word', async () => {
    const { library, index } = await bundledCorpus();
    const diffusion = index.matching('diffusion');
    assert.equal(diffusion.length, 17);
    const both = index.matching('diffusion model');
    assert.ok(both.length > 0 && both.length < diffusion.length);
    assert.ok(both.every((p) => diffusion.includes(p)));
    const lstm = index.matching('lstm');
    const withoutX = index.matching('lstm -xlstm');
    assert.ok(withoutX.length > 0 && withoutX.length < lstm.length);
    assert.ok(withoutX.every((p) => !/xlstm/i.test(`${p.title} ${p.abstract}`)));
    assert.equal(index.matching('').length, library.papers.length);
  });

  it('applies filters alone, and falls back to typo matches for a word the index does not have', async () => {
    const { library, index } = await bundledCorpus();
    assert.equal(index.matching('has:code').length, 73);
    assert.deepEqual(
      index.matching('has:code year:2024').map((p) => p.id),
      library.papers.filter((p) => p.hasCode && p.date?.year === 2024).map((p) => p.id),
    );
    assert.ok(index.matching('quantizaton').some((p) => /quantization/i.test(p.title ?? '')));
    assert.deepEqual(index.matching('zzzzqqq'), []);
  });
});
