import * as assert from 'node:assert/strict';
import { buildLibrary } from '../../src/core/library/merge';
import { readCorpusFileSteps } from '../../src/core/formats/load';
import { runSteps } from '../../src/core/util/steps';
import type { Library, Paper } from '../../src/core/model/paper';
import { viewHeaders } from '../../src/core/views/headers';
import { libraryGroups, listSizes, papersWithCode, topUpvoted, TOP_UPVOTED } from '../../src/core/views/lists';
import { sequenceFor, stepInSequence } from '../../src/core/model/sequence';
import { bundledCorpus, paperTitled } from './helpers';

const prose = (n: number) =>
  `We study problem number ${n} and show that a long enough abstract reads as prose, as abstracts do. It has several sentences and it ends with a period.`;

/** Two search pages: A (papers One, Two) and B (Three). */
function twoFiles(): Library {
  const file = (id: string, text: string) => runSteps(readCorpusFileSteps(id, id, Buffer.from(text)));
  return buildLibrary([
    file('a.txt', ['Paper One', prose(1), 'Paper Two', prose(2)].join('\n')),
    file('b.txt', ['Paper Three', prose(3)].join('\n')),
  ]);
}

const titles = (papers: readonly Paper[]) => papers.map((p) => p.label);

describe('The side bar lists', () => {
  it('puts Starred and Recently Opened above the collections, only when they have papers', () => {
    const library = twoFiles();
    const [one, two, three] = ['Paper One', 'Paper Two', 'Paper Three'].map((t) => paperTitled(library, t));
    const base = { library, visible: library.papers, groupBy: 'collection', sortBy: 'title' } as const;
    const plain = libraryGroups({ ...base, stars: [], recentIds: [] });
    assert.deepEqual(
      plain.map((g) => [g.id, g.label, titles(g.papers)]),
      [
        ['collection:a.txt', 'a.txt', ['Paper One', 'Paper Two']],
        ['collection:b.txt', 'b.txt', ['Paper Three']],
      ],
    );
    assert.ok(plain.every((g) => g.icon === 'library'));
    const groups = libraryGroups({
      ...base,
      stars: [{ id: three.id, label: three.label }],
      recentIds: [two.id, one.id],
    });
    assert.deepEqual(groups.map((g) => [g.id, titles(g.papers)]).slice(0, 2), [
      ['starred', ['Paper Three']],
      ['recent', ['Paper Two', 'Paper One']],
    ]);
    assert.equal(groups[0].expanded, true);
  });

  it('keeps a star whose paper is not loaded as missing, unless the views are filtered', () => {
    const library = twoFiles();
    const gone = { id: 'ffffffffffffffff', label: 'Removed paper' };
    const base = { library, groupBy: 'year', sortBy: 'date', stars: [gone], recentIds: [] } as const;
    const [starred] = libraryGroups({ ...base, visible: library.papers });
    assert.equal(starred.id, 'starred');
    assert.deepEqual(starred.missing, [gone]);
    const filtered = libraryGroups({ ...base, visible: [paperTitled(library, 'Paper Three')] });
    assert.ok(!filtered.some((g) => g.id === 'starred'), 'a missing star has no text to match a filter');
  });

  it('lists, filtered, only what the filter keeps and leaves out groups with nothing left', () => {
    const library = twoFiles();
    const one = paperTitled(library, 'Paper One');
    const groups = libraryGroups({
      library,
      visible: [one],
      groupBy: 'collection',
      sortBy: 'date',
      stars: [{ id: paperTitled(library, 'Paper Three').id, label: 'Paper Three' }],
      recentIds: [one.id],
    });
    assert.deepEqual(
      groups.map((g) => [g.id, titles(g.papers)]),
      [
        ['recent', ['Paper One']],
        ['collection:a.txt', ['Paper One']],
      ],
    );
  });

  it('lists the papers with code in the chosen order, and the most upvoted, at most 50', async () => {
    const { library } = await bundledCorpus();
    const withCode = papersWithCode(library.papers, 'title', 'en');
    assert.equal(withCode.length, 73);
    assert.ok(withCode.every((p) => p.hasCode));
    assert.deepEqual(
      titles(withCode),
      [...titles(withCode)].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base', numeric: true })),
    );
    const top = topUpvoted(library.papers);
    assert.equal(top.length, 7);
    const upvotes = top.map((p) => p.upvotes ?? -1);
    assert.deepEqual(
      upvotes,
      [...upvotes].sort((a, b) => b - a),
    );
    assert.deepEqual(listSizes(library.papers), { hasCode: 73, topUpvoted: 7 });
    const many: Paper[] = Array.from({ length: TOP_UPVOTED + 10 }, (_, i) => ({
      ...library.papers[0],
      id: `p${i}`,
      upvotes: i,
    }));
    assert.equal(topUpvoted(many).length, TOP_UPVOTED);
    assert.equal(listSizes(many).topUpvoted, TOP_UPVOTED);
  });

  it('says in the headers how the Library is grouped and ordered, what the filter keeps, and Restricted Mode', async () => {
    const { library } = await bundledCorpus();
    const base = { total: 438, visible: library.papers, groupBy: 'collection', sortBy: 'date', trusted: true } as const;
    assert.deepEqual(viewHeaders({ ...base, filter: undefined }), {
      library: { description: 'by collection, newest first' },
      hasCode: { description: '73, newest first' },
      topUpvoted: { description: '7' },
    });
    const xlstm = library.papers.filter((p) => /xlstm/i.test(p.label)).slice(0, 3);
    const filtered = viewHeaders({ ...base, visible: xlstm, filter: 'xlstm', sortBy: 'upvotes', groupBy: 'year' });
    assert.equal(filtered.library.message, 'Filtered by “xlstm”: 3 of 438 papers.');
    assert.equal(filtered.library.description, 'by year, most upvoted first');
    assert.equal(filtered.hasCode.message, filtered.library.message);
    assert.equal(filtered.topUpvoted.message, filtered.library.message);
    const restricted = viewHeaders({ ...base, filter: 'x', visible: [], trusted: false });
    assert.match(restricted.library.message ?? '', /^Filtered by “x”: 0 of 438 papers\. Restricted Mode: /);
    assert.equal(restricted.hasCode.message, 'Filtered by “x”: 0 of 438 papers.', 'only the Library says it');
  });
});

describe('Previous and next', () => {
  it('move through the list a paper was opened from while it holds the paper, else the Library order', () => {
    const library = () => ['a', 'b', 'c', 'd'];
    assert.deepEqual(sequenceFor('c', ['x', 'c', 'y'], library), ['x', 'c', 'y']);
    assert.deepEqual(sequenceFor('c', ['x', 'y'], library), library());
    assert.deepEqual(sequenceFor('c', undefined, library), library());
  });

  it('stop at either end, and go nowhere from a paper that is not in the list', () => {
    const list = ['a', 'b', 'c'];
    assert.equal(stepInSequence(list, 'b', 1), 'c');
    assert.equal(stepInSequence(list, 'b', -1), 'a');
    assert.equal(stepInSequence(list, 'a', -1), undefined);
    assert.equal(stepInSequence(list, 'c', 1), undefined);
    assert.equal(stepInSequence(list, 'z', 1), undefined);
  });
});
