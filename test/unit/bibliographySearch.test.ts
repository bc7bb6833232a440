import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { nodeFileSystem } from '../../src/core/formats/nodeFileSystem';
import { readCorpusLocations } from '../../src/core/formats/sources';
import { buildLibrary } from '../../src/core/library/merge';
import { parseQuery } from '../../src/core/search/query';
import { buildIndex, type PaperIndex } from '../../src/core/search/engine';
import { CORPUS, ROOT } from './helpers';

const LIBRARY = path.join(ROOT, 'test', 'unit', 'fixtures', 'formats', 'library');

describe('searching a library of bibliographies', () => {
  let index: PaperIndex;
  const titles = (query: string, limit = 3) => index.search(query, { limit }).hits.map((hit) => hit.paper.title);

  before(async () => {
    const files = await readCorpusLocations(nodeFileSystem, [
      CORPUS,
      ...['library.bib', 'library.ris', 'library.json'].map((name) => path.join(LIBRARY, name)),
    ]);
    index = buildIndex(buildLibrary(files));
  });

  it('author: matches any author by family or full name, accents and letters folded', () => {
    assert.deepEqual(titles('author:muller'), ['A Naïve Baseline for BERT & Friends']);
    assert.deepEqual(titles('author:lukasz'), ['Attention Is All You Need']);
    assert.deepEqual(titles('author:"geoffrey hinton"', 5).sort(), ['Deep learning', 'Visualizing data using t-SNE']);
    assert.deepEqual(titles('author:maaten'), ['Visualizing data using t-SNE']);
  });

  it('authors are words of plain queries too', () => {
    assert.equal(titles('polosukhin')[0], 'Attention Is All You Need');
    assert.equal(titles('kaplan scaling')[0], 'Scaling Laws for Neural Language Models');
  });

  it('venue:, key: and doi: filter', () => {
    assert.deepEqual(titles('venue:nature'), ['Deep learning']);
    assert.deepEqual(titles('key:devlin2019bert'), [
      'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding',
    ]);
    assert.deepEqual(titles('doi:https://doi.org/10.1038/NATURE14539'), ['Deep learning']);
    assert.deepEqual(titles('venue:nature learning'), ['Deep learning']);
  });

  it('an arXiv id, a DOI or a citation key typed alone finds that paper first', () => {
    for (const query of ['1706.03762', 'arXiv:1706.03762v2', 'vaswani2017attention']) {
      assert.equal(titles(query)[0], 'Attention Is All You Need', query);
    }
    assert.equal(titles('10.48550/arXiv.2001.08361')[0], 'Scaling Laws for Neural Language Models');
    assert.equal(titles('2001.08361')[0], 'Scaling Laws for Neural Language Models');
    assert.equal(titles('10.1038/nature14539')[0], 'Deep learning');
  });

  it('the query describes its new filters', () => {
    assert.deepEqual(parseQuery('author:Müller venue:"Neural Information" key:x doi:10.1000/AB').description, [
      'author “Müller”',
      'venue “Neural Information”',
      'key x',
      'DOI 10.1000/ab',
    ]);
  });
});
