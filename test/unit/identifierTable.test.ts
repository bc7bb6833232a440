import * as assert from 'node:assert/strict';
import { IdentifierTable } from '../../src/core/search/engine/identifierTable';
import { runSteps } from '../../src/core/util/steps';
import type { Paper } from '../../src/core/model/paper';
import { makePaper } from './helpers';
import { paperId } from '../../src/core/library/merge';
import { PapersById } from '../../src/core/library/papersById';

describe('IdentifierTable', () => {
  const papers: Paper[] = Array.from({ length: 5000 }, (_, i) =>
    makePaper({
      id: `p${i}`,
      title: `Paper ${i}`,
      citationKey: i === 4000 ? 'shared2024key' : `author${i}2024paper`,
      bibliographic: {
        ...(i % 2 === 0 && { arxivId: `2401.${String(i).padStart(5, '0')}` }),
        ...(i % 3 === 0 && { doi: `10.1234/Paper.${i}` }),
      },
    }),
  );
  papers.push(makePaper({ id: 'later', title: 'A later paper', citationKey: 'shared2024key' }));
  const table = runSteps(IdentifierTable.buildSteps(papers));

  it('finds every paper by its arXiv id, its DOI in lower case and its citation key', () => {
    for (let i = 0; i < 5000; i++) {
      if (i !== 4000) {
        assert.equal(table.find('key', `author${i}2024paper`), papers[i]);
      }
      assert.equal(table.find('arxiv', `2401.${String(i).padStart(5, '0')}`), i % 2 === 0 ? papers[i] : undefined);
      assert.equal(table.find('doi', `10.1234/paper.${i}`), i % 3 === 0 ? papers[i] : undefined);
    }
  });

  it('finds the first paper in library order when two share a key, and nothing for another kind or value', () => {
    assert.equal(table.find('key', 'shared2024key'), papers[4000]);
    assert.equal(table.find('arxiv', 'author12024paper'), undefined, 'a key is not an arXiv id');
    assert.equal(table.find('key', '2401.00002'), undefined, 'an arXiv id is not a key');
    assert.equal(table.find('doi', '10.1234/Paper.3'), undefined, 'DOIs are looked up in lower case');
  });

  it('is built in steps', () => {
    const steps = IdentifierTable.buildSteps(papers);
    let yields = 0;
    while (!steps.next().done) {
      yields++;
    }
    assert.equal(yields, 2, 'five thousand and one papers: a yield in each of its two passes');
    const many = Array.from({ length: 50_000 }, (_, i) => makePaper({ id: `m${i}`, citationKey: `k${i}` }));
    const manySteps = IdentifierTable.buildSteps(many);
    yields = 0;
    while (!manySteps.next().done) {
      yields++;
    }
    assert.equal(yields, 20, 'fifty thousand papers: a yield every five thousand, once counting them, once hashing');
  });
});

describe('PapersById (a library’s papers by id)', () => {
  it('gets and has every paper by its id, and nothing else, as a Map of them would', () => {
    const papers = Array.from({ length: 40_000 }, (_, i) => makePaper({ id: paperId('t:', `title ${i}`) }));
    const byId = runSteps(PapersById.buildSteps(papers));
    const map = new Map(papers.map((p) => [p.id, p]));
    assert.equal(byId.size, map.size);
    for (const id of [...map.keys(), 'nope', '', paperId('t:', 'title 40000')]) {
      assert.equal(byId.get(id), map.get(id), id);
      assert.equal(byId.has(id), map.has(id), id);
    }
  });

  it('is built a few thousand papers a step', () => {
    const papers = Array.from({ length: 100_000 }, (_, i) => makePaper({ id: `p${i}` }));
    let steps = 0;
    const build = PapersById.buildSteps(papers);
    while (!build.next().done) {
      steps++;
    }
    assert.ok(steps >= 4, `${steps} steps`);
  });
});
