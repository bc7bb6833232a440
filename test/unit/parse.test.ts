import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { MAX_LINE_LENGTH, TITLE_LIKE_MAX, parseCorpus, parseCorpusSteps } from '../../src/core/formats/parse';
import { runSteps } from '../../src/core/util/steps';
import { FILES } from './helpers';

function parseFile(file: string) {
  return parseCorpus(readFileSync(file, 'utf8'));
}

describe('parseCorpus on the bundled files', () => {
  it('reads the bare-abstract files as 11 untitled abstracts each', () => {
    for (const file of [FILES.bare1, FILES.bare2]) {
      const parsed = parseFile(file);
      assert.equal(parsed.format, 'bare');
      assert.equal(parsed.entries.length, 11);
      assert.ok(parsed.entries.every((e) => e.title === undefined && e.abstract.length > 200));
      assert.deepEqual(parsed.problems, []);
    }
  });

  it('reads the first daily page: 86 papers, each with its metadata block', () => {
    const parsed = parseFile(FILES.daily1);
    assert.equal(parsed.format, 'daily');
    assert.equal(parsed.pageDate, 'Nov 4');
    assert.equal(parsed.entries.length, 86);
    assert.deepEqual(parsed.problems, []);
    const first = parsed.entries[0];
    assert.equal(first.title, 'Conda: Column-Normalized Adam for Training Large Language Models Faster');
    assert.equal(first.authors, 9);
    assert.deepEqual(first.date, { month: 9, day: 28, text: 'Sep 28' });
    assert.equal(first.upvotes, undefined);
    assert.ok(
      parsed.entries.every((e) => e.date !== undefined && (e.authors !== undefined || e.organization !== undefined)),
    );
  });

  it('reads upvotes after a date and dates with and without a year', () => {
    const entries = parseFile(FILES.daily1).entries;
    const longVie = entries.find((e) => e.title?.startsWith('LongVie'));
    assert.deepEqual(longVie?.date, { month: 8, day: 5, text: 'Aug 5' });
    assert.equal(longVie?.upvotes, 3);
    const mot = entries.find((e) => e.title?.startsWith('Mixture-of-Transformers'));
    assert.deepEqual(mot?.date, { year: 2024, month: 11, day: 7, text: 'Nov 7, 2024' });
    assert.equal(mot?.upvotes, 2);
    const region = entries.find((e) => e.title === 'Region Normalization for Image Inpainting');
    assert.deepEqual(region?.date, { year: 2019, month: 11, day: 23, text: 'Nov 23, 2019' });
    assert.equal(region?.upvotes, undefined);
    assert.equal(entries.filter((e) => e.upvotes !== undefined).length, 7);
  });

  it('reads an organisation line in place of an author count', () => {
    const adamp = parseFile(FILES.daily1).entries.find((e) => e.title?.startsWith('AdamP'));
    assert.equal(adamp?.organization, 'NAVER AI Lab');
    assert.equal(adamp?.authors, undefined);
  });

  it('keeps the one non-ASCII letter intact', () => {
    assert.ok(parseFile(FILES.daily1).entries.some((e) => `${e.title} ${e.abstract}`.includes('é')));
  });

  it('reads the second daily page: 92 titles and abstracts, no metadata', () => {
    const parsed = parseFile(FILES.daily2);
    assert.equal(parsed.format, 'daily');
    assert.equal(parsed.pageDate, 'Mar 13');
    assert.equal(parsed.entries.length, 92);
    assert.deepEqual(parsed.problems, []);
    assert.equal(
      parsed.entries[0].title,
      'AutoSynth: Learning to Generate 3D Training Data for Object Point Cloud Registration',
    );
    assert.ok(parsed.entries.every((e) => e.title && e.abstract && e.date === undefined && e.authors === undefined));
  });

  it('reads the search page: 242 papers, the first title freed from the Subscribe button', () => {
    const parsed = parseFile(FILES.search);
    assert.equal(parsed.format, 'search');
    assert.equal(parsed.entries.length, 242);
    assert.deepEqual(parsed.problems, []);
    assert.equal(parsed.entries[0].title, 'Norm of Word Embedding Encodes Information Gain');
    assert.equal(parsed.entries[1].title, 'Teaching Metric Distance to Autoregressive Multimodal Foundational Models');
    assert.ok(parsed.entries.every((e) => e.title && !e.title.startsWith('Subscribe') && e.abstract.length > 100));
  });

  it('leaves TeX in the abstracts as written', () => {
    const bare = parseFile(FILES.bare1).entries[0].abstract;
    assert.match(bare, /\$\\ell_2-\$empirical risk of depth \$2\$ nets/);
    const search = parseFile(FILES.search)
      .entries.map((e) => `${e.title}\n${e.abstract}`)
      .join('\n');
    for (const quirk of ['$H_0$', 'partial_t u', 'Xin C^{dtimes d}', '$1,000', '\\$0.50']) {
      assert.ok(search.includes(quirk), quirk);
    }
  });

  it('gives line numbers that point at each entry', () => {
    const text = readFileSync(FILES.search, 'utf8').split('\n');
    const parsed = parseFile(FILES.search);
    for (const entry of parsed.entries.slice(1, 20)) {
      assert.equal(text[entry.line - 1], entry.title);
    }
  });
});

describe('parseCorpus on damaged and unusual input', () => {
  const abstract = (n: number) =>
    `We study problem ${n} and show that a long enough abstract reads as prose. It has several sentences and ends with a period.`.repeat(
      2,
    );

  it('reports a title with no abstract in a search page, and keeps the rest', () => {
    const text = ['Title One', abstract(1), 'Orphan Title', 'Title Two', abstract(2)].join('\n');
    const parsed = parseCorpus(text);
    assert.equal(parsed.format, 'search');
    assert.deepEqual(
      parsed.entries.map((e) => [e.title, e.abstract.length > 0]),
      [
        ['Title One', true],
        ['Orphan Title', false],
        ['Title Two', true],
      ],
    );
    assert.deepEqual(parsed.problems, [
      { line: 3, message: 'title with no abstract after it; kept without an abstract' },
    ]);
  });

  it('reports a title with no abstract at the end of a daily page', () => {
    const text = ['Daily Papers', '', 'Title One', '', abstract(1), '', 'Truncated Title'].join('\n');
    const parsed = parseCorpus(text);
    assert.equal(parsed.format, 'daily');
    assert.equal(parsed.entries.length, 2);
    assert.equal(parsed.entries[1].title, 'Truncated Title');
    assert.equal(parsed.problems[0].line, 7);
  });

  it('accepts CRLF line ends and a question-mark title', () => {
    const text = ['Is Attention All You Need?', abstract(1), 'Another Title', abstract(2)].join('\r\n');
    const parsed = parseCorpus(text);
    assert.deepEqual(
      parsed.entries.map((e) => e.title),
      ['Is Attention All You Need?', 'Another Title'],
    );
  });

  it('skips a giant single line and says which line it was', () => {
    const text = `${abstract(1)}\n${'x'.repeat(MAX_LINE_LENGTH + 1)}\n${abstract(2)}`;
    const parsed = parseCorpus(text);
    assert.equal(parsed.entries.length, 2);
    assert.equal(parsed.problems.length, 1);
    assert.equal(parsed.problems[0].line, 2);
    assert.match(parsed.problems[0].message, /characters long/);
  });

  it('never takes a giant line for a title', () => {
    const parsed = parseCorpus(`Short Title\n${abstract(0)}\n${'Long '.repeat(2000)}Title\n${abstract(1)}`);
    assert.ok(parsed.entries.every((e) => (e.title ?? '').length <= TITLE_LIKE_MAX));
    assert.ok(parsed.problems.length > 0);
  });

  it('removes bidirectional override characters from titles', () => {
    const parsed = parseCorpus(`Safe \u202eexe.txt Title\n${abstract(1)}`);
    assert.equal(parsed.entries[0].title, 'Safe exe.txt Title');
  });

  it('reports a metadata block with an impossible date', () => {
    const text = ['Title One', '', abstract(1), '', '  • 3 authors', '·', 'Feb 30, 2023'].join('\n');
    const parsed = parseCorpus(text);
    assert.equal(parsed.entries[0].authors, 3);
    assert.equal(parsed.entries[0].date, undefined);
    assert.deepEqual(parsed.problems, [{ line: 7, message: 'unreadable date in the metadata; ignored' }]);
  });

  it('says so when a file has no papers', () => {
    const parsed = parseCorpus('\n\n   \n');
    assert.equal(parsed.entries.length, 0);
    assert.equal(parsed.problems.length, 1);
  });

  it('tidies every line as a line-by-line reading would: Unicode composed, direction controls dropped, whitespace single spaces', () => {
    // Mostly tidy pieces, so that a line whose only flaw is one leading or trailing space comes up often.
    const piece = fc.oneof(
      { arbitrary: fc.constantFrom('word', ' ', 'x~'), weight: 6 },
      {
        arbitrary: fc.constantFrom('  ', '\t', 'Résumé', 'e\u0301', '\u00a0', '\u202e', '\u200f', '\u2003'),
        weight: 1,
      },
    );
    // Lines long enough to read as abstracts, so that the file is a bare list and each line is one entry.
    const pieces = fc.array(piece, { maxLength: 6 }).map((parts) => parts.join(''));
    const line = fc
      .tuple(pieces, pieces, pieces)
      .map(([head, middle, tail]) => `${head}${abstract(0)}${middle}${abstract(1)}${tail}`);
    const lines = fc.array(line, { minLength: 1, maxLength: 6 });
    const newline = fc.constantFrom('\n', '\r\n', '\r');
    fc.assert(
      fc.property(lines, newline, (all, eol) => {
        const expected = all.map((l, i) => ({
          abstract: l
            .normalize('NFC')
            .replace(/[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '')
            .replace(/\s+/g, ' ')
            .trim(),
          line: i + 1,
        }));
        assert.deepEqual(parseCorpus(all.join(eol)).entries, expected);
      }),
      { numRuns: 300 },
    );
  });

  it('reads text in pieces cut anywhere, even inside a line or a CRLF, as it reads the whole', () => {
    const token = fc.constantFrom(
      'Title',
      ' Words',
      'é',
      '\n',
      '\r\n',
      '\r',
      '\n\n',
      `${abstract(0)}`,
      '• 3 authors',
      '·',
      'Feb 3, 2024',
    );
    const text = fc.array(token, { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, fc.array(fc.nat(), { maxLength: 6 }), (whole, cuts) => {
        const at = [...new Set(cuts.map((c) => c % (whole.length + 1)))].sort((a, b) => a - b);
        const pieces = [0, ...at].map((start, i) => whole.slice(start, [...at, whole.length][i]));
        assert.deepEqual(runSteps(parseCorpusSteps(pieces)), parseCorpus(whole));
      }),
      { numRuns: 300 },
    );
  });
});
