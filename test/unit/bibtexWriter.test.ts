import * as assert from 'node:assert/strict';
import { bibtexEntry, type CitablePaper } from '../../src/core/cite/bibtexWriter';
import { readBibtex } from '../../src/core/formats/bibtex/readBibtex';
import { texToUnicode } from '../../src/core/text/tex';

/** Better BibTeX's parser, the most accurate one (too slow to read libraries with, so a test oracle only). */
async function parseWithBetterBibtex(text: string) {
  const parser = await import('@retorquere/bibtex-parser');
  const library = parser.parse(text, { sentenceCase: false, verbatimFields: ['abstract', 'doi', 'url', 'eprint'] });
  assert.deepEqual(library.errors, []);
  assert.equal(library.entries.length, 1);
  return library.entries[0];
}

const ATTENTION: CitablePaper = {
  title: 'Attention Is All You Need',
  abstract:
    'The dominant sequence transduction models are based on complex recurrent networks, at $O(n^2 \\cdot d)$ cost.',
  bibliographic: {
    citationKey: 'vaswani2017attention',
    authors: [
      { family: 'Vaswani', given: 'Ashish' },
      { family: 'Kaiser', given: 'Łukasz' },
      { literal: 'Google Research & Brain' },
    ],
    issued: { year: 2017, month: 6 },
    arxivId: '1706.03762',
    categories: ['cs.CL', 'cs.LG'],
  },
};

const PUBLISHED: CitablePaper = {
  title: 'Regression Shrinkage via the Lasso: 50% of $\\ell_1$ & #tags for {BERT}_base in t-SNE',
  abstract: 'We show a 5% gain & more with $\\mathcal{L}_{KL}$ and 10\\% fewer {GPU} hours.',
  bibliographic: {
    entryType: 'inproceedings',
    authors: [
      { family: 'Maaten', given: 'Laurens', particle: 'van der' },
      { family: 'Martin', given: 'Luther', suffix: 'Jr.' },
      { family: 'Campos Ferrer', given: 'Julia' },
      { family: 'Müller', given: 'Jörg' },
    ],
    issued: { year: 1996, month: 1 },
    venue: 'Proceedings of A & B',
    doi: '10.1111/j.2517-6161.1996.tb02080.x',
    arxivId: 'hep-th/9901001',
  },
};

describe('bibtexEntry', () => {
  it("writes an arXiv paper in arXiv's own shape", () => {
    assert.equal(
      bibtexEntry(ATTENTION, 'vaswani2017attention'),
      [
        '@misc{vaswani2017attention,',
        '  title = {Attention Is All You Need},',
        '  author = {Vaswani, Ashish and Kaiser, Łukasz and {Google Research \\& Brain}},',
        '  year = {2017},',
        '  eprint = {1706.03762},',
        '  archivePrefix = {arXiv},',
        '  primaryClass = {cs.CL},',
        '  url = {https://arxiv.org/abs/1706.03762},',
        '  abstract = {The dominant sequence transduction models are based on complex recurrent networks, at $O(n^2 \\cdot d)$ cost.}',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('keeps math as math and escapes & % # _ { } outside it; braces words whose capitals matter', () => {
    const written = bibtexEntry(PUBLISHED, 'maaten1996regression');
    assert.ok(
      written.includes(
        'title = {Regression Shrinkage via the Lasso: 50\\% of $\\ell_1$ \\& \\#tags for \\{{BERT}\\}\\_base in t-{SNE}}',
      ),
      written,
    );
    assert.ok(written.includes('booktitle = {Proceedings of A \\& B}'));
    assert.ok(
      written.includes(
        'author = {van der Maaten, Laurens and Martin, Jr., Luther and {Campos Ferrer}, Julia and Müller, Jörg}',
      ),
    );
    assert.ok(
      written.includes(
        'abstract = {We show a 5\\% gain \\& more with $\\mathcal{L}_{KL}$ and 10\\% fewer {GPU} hours.}',
      ),
    );
  });

  for (const [name, paper] of [
    ['an arXiv paper', ATTENTION],
    ['a published paper', PUBLISHED],
  ] as const) {
    it(`${name} parses back with citation-js (our reader) to the same title, authors, year and ids`, () => {
      const reading = readBibtex(bibtexEntry(paper, 'key'));
      assert.deepEqual(reading.problems, []);
      const [entry] = reading.entries;
      assert.equal(entry.title, paper.title);
      assert.deepEqual(entry.bibliographic.authors, paper.bibliographic.authors);
      assert.equal(entry.bibliographic.issued?.year, paper.bibliographic.issued?.year);
      assert.equal(entry.bibliographic.doi, paper.bibliographic.doi);
      assert.equal(entry.bibliographic.arxivId, paper.bibliographic.arxivId);
      assert.equal(entry.bibliographic.citationKey, 'key');
      assert.equal(texToUnicode(entry.abstract), texToUnicode(paper.abstract));
    });

    it(`${name} parses back with Better BibTeX's parser to the same title, authors, year, ids and abstract`, async () => {
      const entry = await parseWithBetterBibtex(bibtexEntry(paper, 'key'));
      // That parser turns math into Unicode (O(n²)), so the title is compared with its math converted the same way.
      const mathConverted = await Promise.all(
        [...paper.title.matchAll(/\$[^$]+\$/g)].map(async ([math]) => {
          const converted = await parseWithBetterBibtex(`@misc{m, title = {${math}}}`);
          return [math, String(converted.fields.title).replace(/<\/?span[^>]*>/g, '')] as const;
        }),
      );
      const expectedTitle = mathConverted.reduce((title, [math, text]) => title.replace(math, text), paper.title);
      assert.equal(String(entry.fields.title).replace(/<\/?span[^>]*>/g, ''), expectedTitle);
      assert.deepEqual(
        entry.fields.author?.map((name) => name.name ?? [name.prefix, name.lastName].filter((part) => part).join(' ')),
        paper.bibliographic.authors?.map(
          (name) => name.literal ?? [name.particle, name.family].filter((part) => part).join(' '),
        ),
      );
      assert.equal(entry.fields.year, String(paper.bibliographic.issued?.year));
      assert.equal(entry.fields.eprint, paper.bibliographic.arxivId);
      assert.equal(entry.fields.doi, paper.bibliographic.doi);
      assert.equal(
        String(entry.fields.abstract).replace(/\\([&%#{])/g, '$1'),
        paper.abstract.replace(/\\([&%#{])/g, '$1'),
      );
    });
  }

  it('escapes the braces of an abstract that do not pair, so the field ends where it should', async () => {
    const written = bibtexEntry(
      { title: 'T', abstract: 'A stray } one, an unclosed { brace, and {a pair}.', bibliographic: {} },
      'k',
    );
    assert.ok(written.includes('abstract = {A stray \\} one, an unclosed \\{ brace, and {a pair}.}'), written);
    assert.equal(readBibtex(written).entries[0].abstract, 'A stray \\} one, an unclosed \\{ brace, and {a pair}.');
    assert.equal((await parseWithBetterBibtex(written)).fields.title, 'T');
  });

  it('writes a paper with nothing but a title', () => {
    assert.equal(
      bibtexEntry({ title: 'Only a title', abstract: '', bibliographic: {} }, 'only'),
      '@misc{only,\n  title = {Only a title}\n}\n',
    );
  });
});
