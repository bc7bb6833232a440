import * as assert from 'node:assert/strict';
import { findMatches } from '../../src/core/search/highlight';
import { buildIndex } from '../../src/core/search/engine';
import { parseQuery } from '../../src/core/search/query';
import { snippet } from '../../src/core/search/snippet';
import { tokenizeForIndex } from '../../src/core/search/tokenize';
import { bundledCorpus } from './helpers';

async function top(query: string, n = 1): Promise<string[]> {
  const { index } = await bundledCorpus();
  return index.search(query, { limit: n }).hits.map((h) => h.paper.label);
}

describe('search ranking on real queries', () => {
  const firsts: [string, RegExp][] = [
    ['xLSTM', /^xLSTM: Extended Long Short-Term Memory$/],
    ['XLSTM', /^xLSTM: Extended/],
    ['HAWQ', /^HAWQ: Hessian AWare/],
    ['HAWQ-V2', /^HAWQ-V2:/],
    ['hawq v2', /^HAWQ-V2:/],
    ['mixture of transformers', /^Mixture-of-Transformers:/],
    ['Mixture-of-Transformers', /^Mixture-of-Transformers:/],
    ['chestx-ray8', /^ChestX-ray8:/],
    ['chestxray8', /^ChestX-ray8:/],
    ['vision lstm', /^Vision-LSTM:/],
    ['NLLB-CLIP', /^NLLB-CLIP/],
    ['SPEN', /^Subgraph Permutation Equivariant Networks$/],
    ['landmark atten', /^Landmark Attention:/],
    ['norm of word embedding', /^Norm of Word Embedding Encodes Information Gain$/],
    ['zipfian whitening', /^Zipfian Whitening$/],
    ['simcse', /SimCSE/],
  ];
  for (const [query, expected] of firsts) {
    it(`puts the paper a researcher means first for "${query}"`, async () => {
      const [first] = await top(query);
      assert.match(first ?? '(no hit)', expected);
    });
  }

  it('ranks xLSTM above the papers that merely mention it', async () => {
    assert.deepEqual(await top('xLSTM', 3), [
      'xLSTM: Extended Long Short-Term Memory',
      'xLSTMTime : Long-term Time Series Forecasting With xLSTM',
      'Vision-LSTM: xLSTM as Generic Vision Backbone',
    ]);
  });

  it('ranks HAWQ above HAWQ-V2 for HAWQ, and the reverse for HAWQ-V2', async () => {
    assert.deepEqual(await top('HAWQ', 2), [
      'HAWQ: Hessian AWare Quantization of Neural Networks with Mixed-Precision',
      'HAWQ-V2: Hessian Aware trace-Weighted Quantization of Neural Networks',
    ]);
    assert.match((await top('HAWQ-V2', 1))[0], /^HAWQ-V2/);
  });

  it('matches hyphen and spacing variants both ways', async () => {
    const hyphen = await top('sub-graph', 5);
    const joined = await top('subgraph', 5);
    assert.deepEqual(hyphen.slice(0, 2), joined.slice(0, 2));
    assert.ok(joined.every((label) => hyphen.includes(label)));
    assert.deepEqual(await top('sub graph', 2), joined.slice(0, 2));
  });

  it('forgives typos in longer words', async () => {
    assert.match((await top('quantizaton', 5)).join('\n'), /Quantization/);
    assert.match((await top('wasserstien', 1))[0], /Wasserstein/);
  });

  it('does not flood a short query with fuzzy noise', async () => {
    const { index } = await bundledCorpus();
    const hits = index.search('gan ', { limit: 500 }).hits;
    assert.ok(
      hits.every((h) => /\bgans?\b/i.test(`${h.paper.title} ${h.paper.abstract}`)),
      'every hit for "gan" says GAN',
    );
  });

  it('ignores case and accents', async () => {
    assert.deepEqual(await top('ZIPFIAN WHITENING'), await top('zipfian whitening'));
  });

  it('returns nothing for a query of no words, and never throws on odd input', async () => {
    const { index } = await bundledCorpus();
    for (const q of [
      '',
      '   ',
      '"',
      '(((',
      '-',
      ':',
      '$$',
      '\u0000',
      '*'.repeat(5000),
      'a'.repeat(10000),
      'title:',
      'x'.repeat(100),
    ]) {
      assert.doesNotThrow(() => index.search(q));
    }
    assert.equal(index.search('   ').hits.length, 0);
  });

  it('lets a one-letter prefix stand for its few most frequent completions, the same at every keystroke', async () => {
    const { index } = await bundledCorpus();
    const first = index.search('t', { limit: 500 });
    // The letter itself is a word too (`t` in `t-SNE`); besides it, at most six completions.
    const completions = new Set(first.hits.flatMap((h) => h.terms).filter((t) => t !== 't'));
    assert.ok(completions.size > 1 && completions.size <= 6, [...completions].join(' '));
    assert.ok([...completions].every((t) => t.startsWith('t')));
    const again = index.search('t', { limit: 500 });
    assert.deepEqual(
      again.hits.map((h) => [h.paper.id, h.score]),
      first.hits.map((h) => [h.paper.id, h.score]),
    );
    // Two letters keep more completions, and a longer prefix more still.
    assert.ok(new Set(index.search('tr', { limit: 500 }).hits.flatMap((h) => h.terms)).size > completions.size);
  });

  it('looks a query of filters alone up as a filter, not as a citation key by reading every paper', async () => {
    const { library } = await bundledCorpus();
    let keyReads = 0;
    // The same papers, each counting how often its citation key is read.
    const papers = library.papers.map((paper) => {
      const copy = { ...paper };
      Object.defineProperty(copy, 'citationKey', {
        get: () => {
          keyReads++;
          return paper.citationKey;
        },
      });
      return copy;
    });
    const index = buildIndex({ ...library, papers });
    for (const query of ['year:2023', 'has:code', 'cat:cs.CL', 'cat:cs.CL,stat.ML']) {
      keyReads = 0;
      index.search(query);
      assert.equal(keyReads, 0, query);
    }
    // Typed alone, a key with more than letters is looked up, and put first.
    const paper = papers.find((p) => /[^\p{L}]/u.test(p.citationKey))!;
    keyReads = 0;
    assert.equal(index.search(paper.citationKey).hits[0].paper.citationKey, paper.citationKey);
    assert.ok(keyReads > 0);
  });

  it('says how many papers matched in all', async () => {
    const { index } = await bundledCorpus();
    const results = index.search('learning', { limit: 5 });
    assert.equal(results.hits.length, 5);
    assert.ok(results.total > 100);
  });
});

describe('tokenizeForIndex', () => {
  it('indexes a compound by its parts and joined', () => {
    assert.deepEqual(tokenizeForIndex('HAWQ-V2 sub-graph'), ['hawq', 'v2', 'hawqv2', 'sub', 'graph', 'subgraph']);
  });

  it('strips TeX markup and folds accents', () => {
    assert.deepEqual(tokenizeForIndex('$\\ell_2$ Café'), ['ell', '2', 'cafe']);
  });
});

describe('parseQuery', () => {
  it('treats the last word as a prefix only while it is being typed', () => {
    assert.equal(parseQuery('landmark atten').lastIsPrefix, true);
    assert.equal(parseQuery('landmark attention ').lastIsPrefix, false);
  });

  it('drops stop words unless they are all there is', () => {
    assert.deepEqual(
      parseQuery('mixture of transformers').words.map((w) => w.joined),
      ['mixture', 'transformers'],
    );
    assert.deepEqual(
      parseQuery('the').words.map((w) => w.joined),
      ['the'],
    );
  });
});

describe('highlights and snippets', () => {
  it('finds matched words in the original text, whatever their case', () => {
    const text = 'We propose xLSTM, an Extended LSTM.';
    assert.deepEqual(findMatches(text, new Set(['xlstm']), ['exten']), [
      [11, 16],
      [21, 29],
    ]);
  });

  it('centres a snippet on the first match', () => {
    const abstract = `${'Filler words go here. '.repeat(20)}The key result is about wasserstein distances.`;
    const matches = findMatches(abstract, new Set(['wasserstein']));
    const s = snippet(abstract, matches);
    assert.ok(s.startsWith('…') && s.includes('wasserstein'));
    assert.ok(s.length <= 141);
  });
});
