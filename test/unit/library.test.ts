import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { groupByCollection } from '../../src/core/model/grouping';
import { citationLine, paperMarkdown, paperSearchUrls } from '../../src/core/model/describe';
import { MAX_LABEL_LENGTH, untitledLabel } from '../../src/core/model/label';
import { texToPlainText } from '../../src/core/text/tex';
import { buildLibrary, buildLibrarySteps, findLinks } from '../../src/core/library/merge';
import { nodeFileSystem } from '../../src/core/formats/nodeFileSystem';
import { parseCorpus } from '../../src/core/formats/parse';
import { readCorpusLocations } from '../../src/core/formats/sources';
import { foldCase, stripTex, textKey } from '../../src/core/text/text';
import { bundledCorpus, CORPUS, FILES, paperTitled } from './helpers';

describe('the bundled library', () => {
  it('has 438 distinct papers from 442 entries in 5 readable collections', async () => {
    const { library } = await bundledCorpus();
    assert.equal(library.entryCount, 442);
    assert.equal(library.papers.length, 438);
    assert.deepEqual(
      library.collections.map((c) => [c.name, c.format, c.entries]),
      [
        ['Untitled abstracts I', 'bare', 11],
        ['Daily Papers · Nov 4', 'daily', 86],
        ['Paper search results', 'search', 242],
        ['Daily Papers · Mar 13', 'daily', 92],
        ['Untitled abstracts II', 'bare', 11],
      ],
    );
    assert.deepEqual(library.problems, []);
  });

  it('merges the four duplicates into one paper with every collection it came from', async () => {
    const { library } = await bundledCorpus();
    const names = new Map(library.collections.map((c) => [c.id, c.name]));
    const merged = library.papers
      .filter((p) => p.collections.length > 1)
      .map((p) => [p.label, p.collections.map((c) => names.get(c))]);
    assert.deepEqual(merged, [
      [
        'A Survey of Quantization Methods for Efficient Neural Network Inference',
        ['Daily Papers · Mar 13', 'Untitled abstracts I'],
      ],
      ['Transformers as Support Vector Machines', ['Daily Papers · Nov 4', 'Daily Papers · Mar 13']],
      [
        'Efficient Global Optimization of Two-layer ReLU Networks: Quadratic-time Algorithms and Adversarial Training',
        ['Daily Papers · Nov 4', 'Paper search results'],
      ],
      [
        'Neural Collapse in Deep Linear Networks: From Balanced to Imbalanced Data',
        ['Daily Papers · Nov 4', 'Daily Papers · Mar 13'],
      ],
    ]);
  });

  it('keeps the metadata of a merged paper from the copy that had it', async () => {
    const { library } = await bundledCorpus();
    const svm = paperTitled(library, 'Transformers as Support Vector Machines');
    assert.ok(svm.date);
    assert.ok(svm.authors !== undefined || svm.organization !== undefined);
  });

  it('gives each of the 21 untitled abstracts a short, unique, readable label', async () => {
    const { library } = await bundledCorpus();
    const untitled = library.papers.filter((p) => p.title === undefined);
    assert.equal(untitled.length, 21);
    assert.equal(library.untitledCount, 21);
    for (const paper of untitled) {
      assert.ok(paper.label.length >= 10 && paper.label.length <= MAX_LABEL_LENGTH, paper.label);
      assert.notEqual(paper.label, paper.abstract);
      assert.doesNotMatch(paper.label, /[$\\]/, 'no raw TeX in a label');
    }
    assert.equal(new Set(library.papers.map((p) => p.label)).size, library.papers.length);
  });

  it('gives every paper a unique id that does not change between loads', async () => {
    const { library } = await bundledCorpus();
    assert.equal(library.byId.size, 438);
    const again = buildLibrary([
      { id: FILES.search, name: 'x', parsed: parseCorpus(readFileSync(FILES.search, 'utf8')) },
    ]);
    const norm = paperTitled(library, 'Norm of Word Embedding Encodes Information Gain');
    assert.equal(paperTitled(again, norm.title!).id, norm.id);
    // Stars and open tabs saved by earlier versions name papers by these: they must never change.
    assert.equal(norm.id, '01j3xu9174tr7u');
    assert.equal(
      library.papers.find((p) => p.abstract.startsWith('In this note, we consider appropriately regularized'))?.id,
      '0e3wnp91nss99s',
    );
  });

  it('finds the 73 papers whose abstract links a code repository', async () => {
    const { library } = await bundledCorpus();
    assert.equal(library.papers.filter((p) => p.hasCode).length, 73);
    const conda = library.papers.find((p) => p.title?.startsWith('Conda:'));
    assert.deepEqual(conda?.links, ['https://github.com/jie040109/Conda']);
  });

  it('groups papers by collection, a merged paper in each of its groups', async () => {
    const { library } = await bundledCorpus();
    const groups = groupByCollection(library);
    assert.deepEqual(
      groups.map((g) => g.papers.length),
      [11, 86, 242, 92, 11],
    );
  });
});

describe('textKey', () => {
  /** The key as the general path makes it, which the one-pass path for plain ASCII must agree with. */
  const reference = (text: string, maxLength: number) =>
    foldCase(stripTex(text.slice(0, maxLength * 2)))
      .replace(/[^\p{L}\p{N}]+/gu, '')
      .slice(0, maxLength);

  it('keys plain ASCII as the general path does, at any length', () => {
    const ascii = fc.string({
      unit: fc.constantFrom('a', 'Z', 'q', '7', ' ', '-', ':', '.', '~', '!', '$', '\\', '{', '_', 'é', '\t'),
      maxLength: 40,
    });
    fc.assert(
      fc.property(ascii, fc.integer({ min: 1, max: 30 }), (text, maxLength) => {
        assert.equal(textKey(text, maxLength), reference(text, maxLength));
      }),
      { numRuns: 2000 },
    );
  });

  it('keys titles that differ only in case, spacing and punctuation alike', () => {
    assert.equal(
      textKey('Mixture-of-Transformers: A Sparse  Architecture', 1000),
      textKey('mixture of transformers — a sparse architecture', 1000),
    );
    assert.equal(textKey('$\\ell_2$ Regularization'), 'ell2regularization');
    assert.equal(textKey('Ünïcode Títle'), 'unicodetitle');
  });
});

describe('untitledLabel', () => {
  it('reads the opening clause, with TeX made readable and boilerplate dropped', () => {
    assert.equal(
      untitledLabel(
        'In this note, we consider appropriately regularized $\\ell_2-$empirical risk of depth $2$ nets with any number of gates.',
      ),
      'Consider appropriately regularized ℓ₂-empirical risk of depth…',
    );
  });

  it('never returns a blank label', () => {
    assert.equal(untitledLabel('$$ {} \\\\'), 'Untitled abstract');
  });
});

describe('texToPlainText', () => {
  it('spells inline TeX as plain text for tab titles', () => {
    assert.equal(
      texToPlainText('The redshift dependence of the inferred $H_0$ in a local void solution to the Hubble tension'),
      'The redshift dependence of the inferred H₀ in a local void solution to the Hubble tension',
    );
    assert.equal(texToPlainText('Bounds for $\\alpha \\leq 1$ and $\\ell_2$'), 'Bounds for α ≤ 1 and ℓ₂');
  });

  it('leaves a title without TeX as it is', () => {
    assert.equal(
      texToPlainText('HAWQ-V2: Hessian Aware trace-Weighted Quantization'),
      'HAWQ-V2: Hessian Aware trace-Weighted Quantization',
    );
  });
});

describe('findLinks', () => {
  it('drops the sentence punctuation after a link', () => {
    assert.deepEqual(findLinks('Code: https://github.com/geekyutao/RN. And (see http://x.org/a).'), [
      'https://github.com/geekyutao/RN',
      'http://x.org/a',
    ]);
  });
});

describe('buildLibrary with unreadable files', () => {
  it('keeps what could be read and lists what could not', () => {
    const library = buildLibrary([
      { id: 'empty.txt', problem: { line: 1, message: 'the file is empty' } },
      {
        id: 'ok.txt',
        name: 'ok',
        parsed: parseCorpus('A Title\nAn abstract long enough to be read as one, with a sentence or two in it.'),
      },
    ]);
    assert.equal(library.papers.length, 1);
    assert.deepEqual(library.problems, [{ collection: 'empty.txt', line: 1, message: 'the file is empty' }]);
  });

  it('lists papers in file order, also when an untitled copy in an earlier file moves a titled paper up', () => {
    const abstract = (what: string) =>
      `An abstract about ${what}, long enough to be read as one, with a sentence in it.`;
    const file = (id: string, entries: { title?: string; abstract: string }[]) => ({
      id,
      name: id,
      parsed: { format: 'search' as const, problems: [], entries: entries.map((e, i) => ({ ...e, line: i + 1 })) },
    });
    const library = buildLibrary([
      file('first', [{ abstract: abstract('tokenizers') }, { abstract: abstract('lattices') }]),
      file('second', [
        { title: 'Unrelated', abstract: abstract('cells') },
        { title: 'Tokenizers', abstract: abstract('tokenizers') },
        { abstract: abstract('strings') },
      ]),
    ]);
    assert.deepEqual(
      library.papers.map((p) => p.title ?? p.label.split(' ')[3]),
      ['Tokenizers', 'lattices,', 'Unrelated', 'strings,'],
    );
  });
});

describe('buildLibrarySteps', () => {
  it('steps through many small files as through one big one: a step takes a few dozen entries read here', () => {
    // Sixty files of ten entries, read on this thread (no merge keys from the read worker): every walk over the
    // entries counts across files, so each of the two that work on every entry (merge keys, then merging) makes 24
    // steps of 25. Counted file by file, a file of ten never filled a step of 500.
    const files = Array.from({ length: 60 }, (_, f) => ({
      id: `f${f}`,
      name: `f${f}`,
      parsed: {
        format: 'search' as const,
        problems: [],
        entries: Array.from({ length: 10 }, (_, i) => ({
          title: `Paper ${f} ${i}`,
          abstract: `An abstract of paper ${f} ${i}, long enough to be read as one, with a sentence in it.`,
          line: i + 1,
        })),
      },
    }));
    const steps = buildLibrarySteps(files);
    let yields = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) {
      yields++;
    }
    assert.equal(step.value.papers.length, 600);
    assert.deepEqual(step.value, buildLibrary(files));
    assert.ok(yields >= 2 * 24, `${yields} yields`);
  });
});

describe('paper text for the clipboard and the web', () => {
  const conda = {
    id: 'c0da',
    title: 'Conda: Column-Normalized Adam for Training Large Language Models Faster',
    label: 'Conda: Column-Normalized Adam for Training Large Language Models Faster',
    abstract: 'Large language models (LLMs) have demonstrated $O(n)$ costs.',
    collections: ['daily'],
    sources: [],
    links: [],
    hasCode: false,
    citationKey: 'conda',
    authors: 9,
    date: { month: 9, day: 28, text: 'Sep 28' },
    upvotes: 3,
  };

  it('writes a citation line', () => {
    assert.equal(
      citationLine(conda, ['Daily Papers · Nov 4']),
      '“Conda: Column-Normalized Adam for Training Large Language Models Faster”, 9 authors, Sep 28, in Daily Papers · Nov 4.',
    );
  });

  it('writes Markdown with the abstract as written and the metadata escaped', () => {
    assert.equal(
      paperMarkdown({ ...conda, title: 'A *bold* [title](x)', label: 'A *bold* [title](x)' }, ['Daily Papers · Nov 4']),
      '## A \\*bold\\* \\[title\\](x)\n\n*Sep 28 · 9 authors · ▲ 3 · Daily Papers · Nov 4*\n\nLarge language models (LLMs) have demonstrated $O(n)$ costs.\n',
    );
  });

  it('looks the title up on arXiv and Hugging Face, encoded', () => {
    const urls = paperSearchUrls({ ...conda, title: 'A & B? #1', label: 'A & B? #1' });
    assert.equal(urls.arxiv, 'https://arxiv.org/search/?searchtype=title&query=A%20%26%20B%3F%20%231');
    assert.equal(urls.huggingFace, 'https://huggingface.co/papers?q=A%20%26%20B%3F%20%231');
  });
});

describe('readCorpusLocations', () => {
  it('reads again only the files not taken unchanged from the last read', async () => {
    const reads: string[] = [];
    // Without a local path, every file is read whole through `read`, which counts.
    const counting = {
      ...nodeFileSystem,
      localPath: undefined,
      read: (file: string) => (reads.push(file), nodeFileSystem.read(file)),
    };
    const first = await readCorpusLocations(counting, [CORPUS]);
    const txt = reads.filter((f) => f.endsWith('.txt'));
    assert.equal(txt.length, 5);
    const last = new Map(first.map((f) => [f.id, f]));
    reads.length = 0;
    const again = await readCorpusLocations(counting, [CORPUS], {
      unchanged: (id) => (id === FILES.search ? undefined : last.get(id)),
    });
    assert.deepEqual(
      reads.filter((f) => f.endsWith('.txt')),
      [FILES.search],
    );
    assert.deepEqual(
      again.map((f) => f.id),
      first.map((f) => f.id),
    );
    assert.equal(again[0], first[0], 'an unchanged file is the same parse, not a new one');
    assert.deepEqual(buildLibrary(again).papers.length, buildLibrary(first).papers.length);
  });
});
