import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { readBibtex, readBibtexSteps } from '../../src/core/formats/bibtex/readBibtex';
import { splitBibtexEntries } from '../../src/core/formats/bibtex/entrySplitter';
import { readCslJson } from '../../src/core/formats/csl/readCslJson';
import { readRis } from '../../src/core/formats/ris/readRis';
import { ROOT } from './helpers';

const LIBRARY = path.join(ROOT, 'test', 'unit', 'fixtures', 'formats', 'library');

function fixture(name: string): string {
  return readFileSync(path.join(LIBRARY, name), 'utf8');
}

describe('readBibtex on a researcher-style library', () => {
  const reading = readBibtex(fixture('library.bib'));
  const byLine = new Map(reading.entries.map((entry) => [entry.line, entry]));

  it('reads 7 entries (not the @preamble, @string or @comment) and reports only the repeated key', () => {
    assert.equal(reading.entries.length, 7);
    assert.deepEqual(reading.problems, [
      {
        line: 73,
        message: 'The key "vaswani2017attention" is also the key of the entry on line 8; both entries are kept.',
      },
    ]);
    assert.deepEqual(
      reading.entries.map((entry) => entry.line),
      [8, 20, 30, 41, 50, 62, 73],
    );
  });

  it("arXiv's export: eprint, archivePrefix and primaryClass; {\\L}ukasz is a given name", () => {
    const entry = byLine.get(8)!;
    assert.equal(entry.bibliographic.arxivId, '1706.03762');
    assert.deepEqual(entry.bibliographic.categories, ['cs.CL']);
    assert.equal(entry.bibliographic.authors?.length, 8);
    assert.deepEqual(entry.bibliographic.authors?.[6], { family: 'Kaiser', given: 'Łukasz' });
  });

  it('a particle stays a particle; case-protecting braces are not shown', () => {
    const entry = byLine.get(20)!;
    assert.equal(entry.title, 'Visualizing data using t-SNE');
    assert.deepEqual(entry.bibliographic.authors?.[0], { family: 'Maaten', given: 'Laurens', particle: 'van der' });
  });

  it('crossref: the venue and the month come from the proceedings; @string and # are expanded', () => {
    const entry = byLine.get(30)!;
    assert.equal(
      entry.bibliographic.venue,
      'Advances in Neural Information Processing Systems 33: Annual Conference on Neural Information Processing Systems 2020',
    );
    assert.deepEqual(entry.bibliographic.issued, { year: 2020, month: 12 });
    assert.equal(entry.bibliographic.doi, undefined);
  });

  it('BibLaTeX date and journaltitle; a math title kept as math; the DOI without its URL; keywords', () => {
    const entry = byLine.get(50)!;
    assert.equal(
      entry.title,
      'Regression Shrinkage and Selection via the Lasso: a retrospective on $\\ell_1$ penalties',
    );
    assert.deepEqual(entry.bibliographic.issued, { year: 1996, month: 1, day: 15 });
    assert.equal(entry.bibliographic.venue, 'Proceedings of the Royal Statistical Society');
    assert.equal(entry.bibliographic.doi, '10.1111/j.2517-6161.1996.tb02080.x');
    assert.deepEqual(entry.bibliographic.keywords, ['lasso', 'sparsity', 'regression']);
    assert.ok(entry.abstract.includes('$\\sum_j |\\beta_j| \\le t$'));
    assert.ok(entry.abstract.endsWith('by 10\\% in our examples.'));
  });

  it('dotless \\i under an accent composes (García, Naïve); "and others" is no author; month = jul # {~18}', () => {
    const entry = byLine.get(62)!;
    assert.equal(entry.title, 'A Naïve Baseline for BERT & Friends');
    assert.deepEqual(entry.bibliographic.authors, [
      { family: 'Müller', given: 'Jörg' },
      { family: 'García', given: 'María' },
    ]);
    assert.deepEqual(entry.bibliographic.issued, { year: 2021, month: 7 });
    assert.equal(entry.bibliographic.arxivId, '2107.01234');
  });
});

describe('readBibtex: the file as a whole', () => {
  it('a BOM and CRLF line ends change nothing but the bytes', () => {
    const text = fixture('library.bib');
    const plain = readBibtex(text);
    const windows = readBibtex(`\uFEFF${text.replace(/\n/g, '\r\n')}`);
    assert.deepEqual(windows, plain);
  });

  it('@string macros may use earlier ones, and are given to entries before and after them', () => {
    const reading = readBibtex(
      [
        '@article{early, title = conf # { 2020}, year = 2020}',
        '@string(org = "ACM")',
        '@STRING{conf = org # " Conference"}',
        '@article{late, title = conf, year = 2021}',
      ].join('\n'),
    );
    assert.deepEqual(
      reading.entries.map((entry) => entry.title),
      ['ACM Conference 2020', 'ACM Conference'],
    );
  });

  it('a crossref to a key that is not in the file is reported, and the entry read', () => {
    const reading = readBibtex('@inproceedings{a, title = {T}, crossref = {nowhere}}');
    assert.equal(reading.entries.length, 1);
    assert.match(reading.problems[0].message, /crossref "nowhere" names no other entry/);
  });

  it('an entry never closed before the next one is reported at its own line, with what is wrong', () => {
    const reading = readBibtex('@article{a, title = {A}\n\n@article{b, title = {B}}\n');
    assert.deepEqual(
      reading.entries.map((entry) => entry.title),
      ['B'],
    );
    assert.deepEqual(reading.problems, [
      { line: 1, message: 'This @article entry was skipped: it is not closed: no "}" ends it before the next entry.' },
    ]);
  });

  it('10,001 entries with a broken one in the middle: all good ones read, one step or more per entry', () => {
    const entry = (i: number) =>
      `@article{key${i},\n  title = {Paper ${i}},\n  author = {Doe, Jane},\n  year = {2020}\n}\n`;
    const parts = Array.from({ length: 10_001 }, (_, i) => entry(i));
    parts.splice(5000, 0, '@article{broken,\n  title = {Unclosed {brace},\n  year = {2020}\n}\n');
    const steps = readBibtexSteps(parts.join('\n'));
    let yields = 0;
    let next = steps.next();
    for (; !next.done; next = steps.next()) {
      yields++;
    }
    assert.equal(next.value.entries.length, 10_001);
    assert.deepEqual(
      next.value.problems.map((problem) => problem.line),
      [5000 * 6 + 1],
    );
    assert.ok(yields >= 10_002, `${yields} yields`);
  });

  it('the splitter finds entries at the start of lines only, with their lines', () => {
    const chunks = [
      ...splitBibtexEntries('% user@example.org\n@Article{a,\n note = {mail a@b}}\n  @comment{x}\n@string(s = "S")'),
    ];
    assert.deepEqual(
      chunks.map((chunk) => [chunk.type, chunk.line]),
      [
        ['article', 2],
        ['comment', 4],
        ['string', 5],
      ],
    );
  });
});

describe('readRis on a researcher-style library', () => {
  const reading = readRis(fixture('library.ris'));

  it('reads 3 records, the last without ER', () => {
    assert.equal(reading.entries.length, 3);
    assert.deepEqual(
      reading.entries.map((entry) => entry.line),
      [1, 19, 30],
    );
    assert.deepEqual(reading.problems, []);
  });

  it('a journal article: full date, venue, DOI, repeated KW as keywords', () => {
    const entry = reading.entries[0];
    assert.equal(entry.title, 'Deep learning');
    assert.deepEqual(entry.bibliographic.issued, { year: 2015, month: 5, day: 27 });
    assert.equal(entry.bibliographic.venue, 'Nature');
    assert.equal(entry.bibliographic.doi, '10.1038/nature14539');
    assert.deepEqual(entry.bibliographic.keywords, ['Deep learning', 'Representation learning']);
  });

  it("an arXiv DOI gives the arXiv id; the versioned URL's version is dropped", () => {
    const entry = reading.entries[1];
    assert.equal(entry.bibliographic.arxivId, '2005.14165');
    assert.equal(entry.bibliographic.entryType, 'inproceedings');
  });

  it('EndNote tags: T1, A1, Y1 with slashes, N2 as the abstract with its TeX', () => {
    const entry = reading.entries[2];
    assert.equal(entry.title, 'An EndNote report without an end tag');
    assert.deepEqual(entry.bibliographic.authors, [{ family: 'Ng', given: 'Andrew Y.' }]);
    assert.deepEqual(entry.bibliographic.issued, { year: 2004 });
    assert.equal(entry.abstract, 'Uses $L_1$ regularization.');
  });

  it('a file without records says so', () => {
    assert.deepEqual(readRis('Provider: nobody\n').problems, [
      { line: 1, message: 'No RIS record was found: records start with a line "TY  - …".' },
    ]);
  });
});

describe('readCslJson on a researcher-style library', () => {
  const reading = readCslJson(fixture('library.json'));

  it('reads 3 items at their lines', () => {
    assert.equal(reading.entries.length, 3);
    assert.deepEqual(
      reading.entries.map((entry) => entry.line),
      [2, 18, 31],
    );
    assert.deepEqual(reading.problems, []);
  });

  it('Better BibTeX: citation-key, nocase markup removed, venue, keywords', () => {
    const entry = reading.entries[0];
    assert.equal(entry.bibliographic.citationKey, 'devlin2019bert');
    assert.equal(entry.title, 'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding');
    assert.equal(entry.bibliographic.venue, 'Proceedings of NAACL-HLT 2019');
    assert.deepEqual(entry.bibliographic.keywords, ['language models', 'pretraining']);
  });

  it("Zotero: a URL id is no key; a one-level date-parts of strings; arXiv's DOI gives the arXiv id", () => {
    const entry = reading.entries[1];
    assert.equal(entry.bibliographic.citationKey, undefined);
    assert.deepEqual(entry.bibliographic.issued, { year: 2020, month: 1, day: 23 });
    assert.equal(entry.bibliographic.arxivId, '2001.08361');
    assert.equal(entry.bibliographic.doi, '10.48550/arXiv.2001.08361');
  });

  it('a literal date; a book type', () => {
    const entry = reading.entries[2];
    assert.deepEqual(entry.bibliographic.issued, { year: 2006 });
    assert.equal(entry.bibliographic.entryType, 'book');
  });

  it('an item that is not valid JSON costs only itself; a file that is no array is reported', () => {
    const broken = readCslJson('[{"title": "A"},\n{"title": "B" "x": 1},\n{"title": "C"}]');
    assert.deepEqual(
      broken.entries.map((entry) => entry.title),
      ['A', 'C'],
    );
    assert.equal(broken.problems[0].line, 2);
    assert.match(broken.problems[0].message, /not valid JSON/);
    assert.match(readCslJson('{"title": 1}').problems[0].message, /not a JSON array/);
  });
});
