import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { readBibtex } from '../../src/core/formats/bibtex/readBibtex';
import { readCslJson } from '../../src/core/formats/csl/readCslJson';
import { readRis } from '../../src/core/formats/ris/readRis';
import type { BibliographyReading } from '../../src/core/formats/bibliography';
import { texToUnicode } from '../../src/core/text/tex';
import { ROOT } from './helpers';

/** The files of the formats cases (kinds of files that broke well-known tools), with the results they must give. */
const CASES = path.join(ROOT, 'test', 'unit', 'fixtures', 'formats', 'cases');

function read(name: string): BibliographyReading {
  const text = readFileSync(path.join(CASES, name), 'utf8');
  return name.endsWith('.bib') ? readBibtex(text) : name.endsWith('.ris') ? readRis(text) : readCslJson(text);
}

function keys(reading: BibliographyReading): (string | undefined)[] {
  return reading.entries.map((entry) => entry.bibliographic.citationKey);
}

/** Every `bNN` case holds a good entry before and after the tricky one: both must always be read. */
function assertGoodNeighbours(reading: BibliographyReading): void {
  const before = reading.entries[0];
  const after = reading.entries[reading.entries.length - 1];
  assert.equal(before.title, 'Good Entry Before');
  assert.deepEqual(before.bibliographic.authors, [{ family: 'Doe', given: 'Jane' }]);
  assert.equal(after.title, 'Good Entry After');
  assert.deepEqual(after.bibliographic.issued, { year: 2021 });
}

describe('bibliography cases: BibTeX', () => {
  it('b01: an unbalanced brace in an abstract costs that entry only, reported at its @ line', () => {
    const reading = read('b01-unbalanced-brace-in-abstract.bib');
    assert.deepEqual(keys(reading), ['before', 'after']);
    assertGoodNeighbours(reading);
    assert.equal(reading.entries[1].line, 10);
    assert.equal(reading.problems.length, 1);
    assert.equal(reading.problems[0].line, 3);
    assert.match(reading.problems[0].message, /skipped: on line 6, the value of "abstract" never ends/);
  });

  it("b02: an entry in parentheses is read, and D\\'elano reads Délano", () => {
    const reading = read('b02-parenthesis-delimited-entry.bib');
    assert.deepEqual(keys(reading), ['before', 'py03', 'after']);
    assertGoodNeighbours(reading);
    const entry = reading.entries[1];
    assert.equal(entry.title, 'PyBiTex');
    assert.deepEqual(entry.bibliographic.authors, [{ family: 'Délano', given: 'Xavier' }]);
    assert.deepEqual(entry.bibliographic.issued, { year: 2003 });
    assert.deepEqual(reading.problems, []);
  });

  it('b03: square brackets stay in the abstract as written, and "Month = jan" gives January 1989', () => {
    const reading = read('b03-square-brackets-and-month-macro.bib');
    assert.deepEqual(keys(reading), ['before', 'Arai_1989', 'after']);
    const entry = reading.entries[1];
    assert.equal(entry.abstract, 'O 2p[pi] holes are created near the Fermi level [1].');
    assert.deepEqual(entry.bibliographic.issued, { year: 1989, month: 1 });
    assert.deepEqual(reading.problems, []);
  });

  it('b04: a missing comma is repaired: the entry is read with its title, and the repair reported', () => {
    const reading = read('b04-missing-comma.bib');
    assert.deepEqual(keys(reading), ['before', 'quigley', 'after']);
    assertGoodNeighbours(reading);
    const entry = reading.entries[1];
    assert.equal(entry.title, 'On the Importance of the Civil Service');
    assert.deepEqual(entry.bibliographic.authors, [{ family: 'Quigley', given: 'Hubert' }]);
    assert.deepEqual(entry.bibliographic.issued, { year: 1981 });
    assert.deepEqual(reading.problems, [
      { line: 3, message: 'The entry "quigley" was read with a repair: a comma was missing after the field "author".' },
    ]);
  });

  it("b05: the key D'Costa2010 is kept, and the title's double braces are not shown", () => {
    const reading = read('b05-apostrophe-in-key.bib');
    assert.deepEqual(keys(reading), ['before', "D'Costa2010", 'after']);
    const entry = reading.entries[1];
    assert.equal(entry.title, 'Comparative study of variable size perturbation');
    assert.deepEqual(
      entry.bibliographic.authors?.map((name) => name.family),
      ["D'Costa", 'Lima', 'Lin'],
    );
    assert.deepEqual(entry.bibliographic.issued, { year: 2010, month: 3 });
    assert.deepEqual(reading.problems, []);
  });

  it('b06: an entry with an empty key gets a generated key, and a report naming it', () => {
    const reading = read('b06-empty-key.bib');
    assert.deepEqual(keys(reading), ['before', 'camposferrer2010prevalence', 'after']);
    assert.equal(reading.entries[1].title, 'Prevalence of irregular sleep among first-year students');
    assert.equal(reading.entries[1].bibliographic.venue, 'J Sleep Stud');
    assert.deepEqual(reading.problems, [
      { line: 3, message: 'This entry has no citation key; it was given the key "camposferrer2010prevalence".' },
    ]);
  });

  it('b07: an abstract whose last character is a closing brace is kept whole', () => {
    const reading = read('b07-abstract-ending-in-brace.bib');
    assert.deepEqual(keys(reading), ['before', 'final2020', 'after']);
    // Kept as TeX, its closing brace included; what the tab and the index read is the TeX converted.
    assert.equal(reading.entries[1].abstract, 'This abstract ends with a braced word {LSTM}');
    assert.equal(texToUnicode(reading.entries[1].abstract), 'This abstract ends with a braced word LSTM');
    assert.deepEqual(reading.problems, []);
  });

  it('b08: a bare value that is neither a number nor a macro is read as written, and reported', () => {
    const reading = read('b08-bare-value.bib');
    assert.deepEqual(keys(reading), ['before', 'dictionary_of_everyday_english', 'after']);
    assert.equal(reading.entries[1].title, 'Dictionary of Everyday English');
    assert.deepEqual(reading.entries[1].bibliographic.issued, { year: 2003 });
    assert.equal(reading.problems.length, 1);
    assert.match(reading.problems[0].message, /"ISBN" \(1-405-80673-7\) is in neither braces nor quotes/);
  });

  it("b09: quotes inside braces are text; Ren{\\'e} and Lavall{\\`e}e are converted", () => {
    const reading = read('b09-quotes-inside-braces.bib');
    assert.deepEqual(keys(reading), ['before', 'dumont_jwst_2012', 'after']);
    const entry = reading.entries[1];
    assert.equal(entry.title, 'The "JWST" Fine Guidance Sensor');
    assert.equal(entry.abstract, 'A 2.5" pixel and a single " quote inside braces.');
    // The file writes a grave accent (\`e), so the name has è; the cases README writes it with é.
    assert.deepEqual(entry.bibliographic.authors, [
      { family: 'Dumont', given: 'René' },
      { family: 'Lavallèe', given: 'Denis' },
    ]);
    assert.deepEqual(reading.problems, []);
  });
});

describe('bibliography cases: RIS', () => {
  it('r01: CRLF line ends, Y1 and a bare "ER  -": one record, no \\r anywhere, year 2009', () => {
    const reading = read('r01-crlf.ris');
    assert.equal(reading.entries.length, 1);
    const entry = reading.entries[0];
    assert.equal(entry.title, 'A catalogue of sensor faults: 2008 update');
    assert.deepEqual(entry.bibliographic.issued, { year: 2009 });
    assert.equal(entry.bibliographic.venue, 'Sensor letters');
    assert.ok(!JSON.stringify(entry).includes('\\r'));
    assert.deepEqual(reading.problems, []);
  });

  it('r02: a header and a blank line inside the record: one record with its author and title', () => {
    const reading = read('r02-header-and-blank-line.ris');
    assert.equal(reading.entries.length, 1);
    assert.equal(reading.entries[0].title, 'Blank line inside the record');
    assert.deepEqual(reading.entries[0].bibliographic.authors, [{ family: 'Doe', given: 'Jane' }]);
    assert.equal(reading.entries[0].line, 4);
  });

  it('r03: an abstract continued on an untagged line is both lines joined', () => {
    const reading = read('r03-wrapped-abstract.ris');
    assert.equal(reading.entries.length, 1);
    assert.equal(
      reading.entries[0].abstract,
      'Boreal peat bogs contain a large stock of carbon that could be released into the atmosphere.',
    );
  });

  it('r04: Unicode names, a corporate author, TeX kept in the abstract, the DOI and the arXiv id', () => {
    const reading = read('r04-zotero-export.ris');
    assert.equal(reading.entries.length, 2);
    const [first, second] = reading.entries;
    assert.equal(first.title, "BERT for Müller's α-Divergence: A Naïve Approach");
    assert.deepEqual(first.bibliographic.authors, [
      { family: 'Müller', given: 'Jörg' },
      { family: 'Dupré', given: 'François' },
      { literal: 'Google Research' },
    ]);
    assert.equal(first.abstract, 'We show a 5% gain on ImageNet with $O(n^2)$ cost & a $\\mathcal{L}_{KL}$ loss.');
    assert.equal(first.bibliographic.doi, '10.1000/xyz');
    assert.equal(first.bibliographic.arxivId, '2001.00001');
    assert.deepEqual(first.bibliographic.issued, { year: 2020, month: 1 });
    assert.equal(first.bibliographic.venue, 'Advances in Neural Information Processing Systems');
    assert.equal(second.title, 'Attention Is All You Need');
    assert.equal(second.line, 16);
    assert.deepEqual(reading.problems, []);
  });
});

describe('bibliography cases: CSL-JSON', () => {
  it('c01: three papers, markup stripped, years from strings and raw dates, the bad item reported alone', () => {
    const reading = read('c01-zotero-csl.json');
    assert.deepEqual(
      reading.entries.map((entry) => entry.title),
      [
        'Attention is all you need for BERT-style pretraining',
        'Sparse Mixtures for Long Context',
        'A Third Item With No Abstract',
      ],
    );
    assert.deepEqual(
      reading.entries.map((entry) => entry.bibliographic.issued?.year),
      [2017, 2023, 2020],
    );
    const [first, second, third] = reading.entries;
    assert.deepEqual(first.bibliographic.authors, [
      { family: 'Vale', given: 'Ashton' },
      { literal: 'Example Research Lab' },
    ]);
    assert.equal(first.abstract, 'We revisit pretraining with a cost of $O(n^2)$ per layer.');
    assert.deepEqual(second.bibliographic.authors, [{ family: 'Brandt', given: 'Lena', particle: 'van' }]);
    assert.equal(second.bibliographic.arxivId, '2303.01234');
    assert.equal(third.bibliographic.authors, undefined);
    assert.deepEqual(
      reading.problems.map((problem) => problem.line),
      [22, 23],
    );
    assert.match(reading.problems[0].message, /skipped: it is not a CSL item/);
    assert.match(reading.problems[1].message, /author list is not a list/);
  });
});
