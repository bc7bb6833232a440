import * as assert from 'node:assert/strict';
import { parseArxivFilter, preFilter, type ArxivFilter } from '../../src/core/formats/arxiv/filter';
import { arxivRecord } from '../../src/core/formats/arxiv/record';
import { ArxivSnapshotReader } from '../../src/core/formats/arxiv/snapshotReader';
import type { ArxivRecord } from '../../src/core/formats/arxiv/record';

/** A record as the snapshot writes it (keys in its order, no spaces after colons), with overrides. */
function snapshotLine(overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({
    id: '0704.0001',
    submitter: 'Pavel Nadolsky',
    authors: "C. Bal\\'azs, E. L. Berger, P. M. Nadolsky, C.-P. Yuan",
    title: 'Calculation of prompt diphoton production cross sections at Tevatron and\n  LHC energies',
    comments: '37 pages, 15 figures',
    'journal-ref': 'Phys.Rev.D76:013009,2007',
    doi: '10.1103/PhysRevD.76.013009',
    'report-no': 'ANL-HEP-PR-07-12',
    categories: 'hep-ph',
    license: null,
    abstract:
      '  A fully differential calculation in perturbative quantum chromodynamics is\npresented for the production of massive photon pairs.\n',
    versions: [
      { version: 'v1', created: 'Mon, 2 Apr 2007 19:18:42 GMT' },
      { version: 'v2', created: 'Tue, 24 Jul 2007 20:10:27 GMT' },
    ],
    update_date: '2008-11-13',
    authors_parsed: [
      ['Balázs', 'C.', ''],
      ['Berger', 'E. L.', ''],
      ['Nadolsky', 'P. M.', ''],
      ['Yuan', 'C. -P.', ''],
    ],
    ...overrides,
  });
}

interface Read {
  records: { record: ArxivRecord; line: number }[];
  counts: { read: number; kept: number; bad: number };
  problems: readonly { line: number; message: string }[];
}

function read(text: string | Uint8Array, filter?: ArxivFilter, chunkBytes = 7, maxRecordBytes?: number): Read {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  const records: Read['records'] = [];
  const reader = new ArxivSnapshotReader((record, line) => records.push({ record, line }), {
    ...(filter && { filter }),
    ...(maxRecordBytes !== undefined && { maxRecordBytes }),
  });
  for (let at = 0; at < bytes.length; at += chunkBytes) {
    reader.push(bytes.subarray(at, at + chunkBytes));
  }
  return { records, counts: reader.end(), problems: reader.problems };
}

function filterOf(categories: string[], from?: string, to?: string): ArxivFilter {
  const { filter, problems } = parseArxivFilter({ categories, ...(from && { from }), ...(to && { to }) });
  assert.deepEqual(problems, []);
  assert.ok(filter);
  return filter;
}

describe('arXiv snapshot record', () => {
  it('maps a snapshot record to an unwrapped title and abstract and its bibliographic fields', () => {
    const result = arxivRecord(JSON.parse(snapshotLine()));
    assert.ok('record' in result);
    assert.deepEqual(result.record, {
      title: 'Calculation of prompt diphoton production cross sections at Tevatron and LHC energies',
      abstract:
        'A fully differential calculation in perturbative quantum chromodynamics is presented for the production of massive photon pairs.',
      bibliographic: {
        arxivId: '0704.0001',
        authors: [
          { family: 'Balázs', given: 'C.' },
          { family: 'Berger', given: 'E. L.' },
          { family: 'Nadolsky', given: 'P. M.' },
          { family: 'Yuan', given: 'C. -P.' },
        ],
        issued: { year: 2007, month: 4, day: 2 },
        categories: ['hep-ph'],
        doi: '10.1103/PhysRevD.76.013009',
        venue: 'Phys.Rev.D76:013009,2007',
      },
    });
  });

  it('keeps ids as strings, old style included, and recovers one written as a number from the line', () => {
    const old = arxivRecord(JSON.parse(snapshotLine({ id: 'hep-th/9901001' })));
    assert.ok('record' in old);
    assert.equal(old.record.bibliographic.arxivId, 'hep-th/9901001');
    const line = snapshotLine().replace('"id":"0704.0001"', '"id":0704.0010');
    const numeric = arxivRecord({ ...JSON.parse(snapshotLine()), id: 704.001 }, line);
    assert.ok('record' in numeric);
    assert.equal(numeric.record.bibliographic.arxivId, '0704.0010');
  });

  it('lists categories primary first, the first of several DOIs, and the date from the id without versions', () => {
    const result = arxivRecord(
      JSON.parse(
        snapshotLine({
          categories: 'cs.CL cs.LG stat.ML',
          doi: '10.1103/PhysRevD.76.013009 10.1016/j.physletb.2007.06.001',
          versions: [],
          id: '2401.12345',
        }),
      ),
    );
    assert.ok('record' in result);
    assert.deepEqual(result.record.bibliographic.categories, ['cs.CL', 'cs.LG', 'stat.ML']);
    assert.equal(result.record.bibliographic.doi, '10.1103/PhysRevD.76.013009');
    assert.deepEqual(result.record.bibliographic.issued, { year: 2024, month: 1 });
  });

  it('reads authors from the authors text when authors_parsed is missing, affiliations left out', () => {
    const result = arxivRecord(
      JSON.parse(
        snapshotLine({
          authors_parsed: undefined,
          authors: "Ada Lovelace (1), Alan M. Turing and C. Bal\\'azs ((1) Cambridge)",
        }),
      ),
    );
    assert.ok('record' in result);
    assert.deepEqual(result.record.bibliographic.authors, [
      { family: 'Lovelace', given: 'Ada' },
      { family: 'Turing', given: 'Alan M.' },
      { family: 'Balázs', given: 'C.' },
    ]);
  });

  it('converts text-mode TeX in titles, venues and names left in TeX, and keeps math as written', () => {
    const result = arxivRecord(
      JSON.parse(
        snapshotLine({
          title: 'Caf\\\'e scaling for $\\ell_2$ and\n  {\\"u}ber-nets',
          'journal-ref': "Ann. Inst. Poincar\\'e 12 (2020)",
          authors_parsed: [['M{\\"u}ller', 'J.', '']],
        }),
      ),
    );
    assert.ok('record' in result);
    assert.equal(result.record.title, 'Café scaling for $\\ell_2$ and über-nets');
    assert.equal(result.record.bibliographic.venue, 'Ann. Inst. Poincaré 12 (2020)');
    assert.deepEqual(result.record.bibliographic.authors, [{ family: 'Müller', given: 'J.' }]);
  });

  it('says why a record without an id or a title is not a paper', () => {
    assert.deepEqual(arxivRecord(JSON.parse(snapshotLine({ id: undefined }))), { problem: 'the record has no "id"' });
    assert.deepEqual(arxivRecord(JSON.parse(snapshotLine({ title: '  \n ' }))), {
      problem: 'the record 0704.0001 has no "title"',
    });
    assert.deepEqual(arxivRecord([1, 2]), { problem: 'not a JSON object' });
  });
});

describe('arXiv snapshot filter', () => {
  it('reads categories, archive prefixes and date bounds from the settings, and says what it could not read', () => {
    assert.deepEqual(parseArxivFilter({ categories: ['cs.LG', 'cs.', ' stat.ML '], from: '2020', to: '2021-06' }), {
      filter: { categories: ['cs.LG', 'stat.ML'], prefixes: ['cs.'], from: 20200101, to: 20210631 },
      problems: [],
    });
    assert.deepEqual(parseArxivFilter({}), { problems: [] });
    assert.deepEqual(parseArxivFilter({ categories: ['cs LG'], from: 'June' }).problems, [
      '"cs LG" is not an arXiv category (such as cs.LG) or archive prefix (such as cs.)',
      '"June" is not a date (write 2020, 2020-06 or 2020-06-15)',
    ]);
  });

  it('decides from the bytes of the categories value: exact names, prefixes, never part of a name', () => {
    const line = (categories: string) => new TextEncoder().encode(snapshotLine({ categories }));
    assert.equal(preFilter(filterOf(['cs.CL']), line('cs.LG cs.CL')), 'keep');
    assert.equal(preFilter(filterOf(['cs.CL']), line('cs.CLX cs.LG')), 'drop');
    assert.equal(preFilter(filterOf(['cs.']), line('stat.ML cs.AI')), 'keep');
    assert.equal(preFilter(filterOf(['cs.']), line('physics.comp-ph')), 'drop');
    assert.equal(preFilter(filterOf(['math.']), line('math-ph')), 'drop');
  });

  it('leaves a record written another way to be decided once it is parsed', () => {
    const spaced = new TextEncoder().encode('{"id": "1", "categories": "cs.CL"}');
    assert.equal(preFilter(filterOf(['cs.CL']), spaced), 'unknown');
  });

  it('filters by the first version date', () => {
    const bytes = new TextEncoder().encode(snapshotLine());
    assert.equal(preFilter(filterOf([], '2007-04-02'), bytes), 'keep');
    assert.equal(preFilter(filterOf([], '2007-04-03'), bytes), 'drop');
    assert.equal(preFilter(filterOf([], undefined, '2007-03'), bytes), 'drop');
  });
});

describe('ArxivSnapshotReader', () => {
  const lines = [
    snapshotLine({ id: '2001.00001', categories: 'cs.CL cs.LG' }),
    snapshotLine({ id: '2001.00002', categories: 'math.CO' }),
    snapshotLine({ id: '2001.00003', categories: 'stat.ML cs.CL', title: 'Naïve Bayes über alles' }),
  ];

  it('reads every record of JSON Lines cut into chunks anywhere', () => {
    const text = lines.join('\n') + '\n';
    for (const chunk of [1, 2, 7, 64, 1 << 20]) {
      const result = read(text, undefined, chunk);
      assert.deepEqual(
        result.records.map((r) => [r.record.bibliographic.arxivId, r.line]),
        [
          ['2001.00001', 1],
          ['2001.00002', 2],
          ['2001.00003', 3],
        ],
        `chunks of ${chunk}`,
      );
      assert.equal(result.records[2].record.title, 'Naïve Bayes über alles');
      assert.deepEqual(result.counts, { read: 3, kept: 3, bad: 0 });
    }
  });

  it('keeps only the records of the filter, and counts the records read and kept', () => {
    const result = read(lines.join('\n'), filterOf(['cs.CL']));
    assert.deepEqual(
      result.records.map((r) => r.record.bibliographic.arxivId),
      ['2001.00001', '2001.00003'],
    );
    assert.deepEqual(result.counts, { read: 3, kept: 2, bad: 0 });
  });

  it('reads CRLF line ends, a BOM, and empty lines between records', () => {
    const result = read(`\uFEFF${lines[0]}\r\n\r\n${lines[1]}\r\n   \n${lines[2]}\r\n`);
    assert.deepEqual(
      result.records.map((r) => r.line),
      [1, 3, 5],
    );
    assert.deepEqual(result.counts, { read: 3, kept: 3, bad: 0 });
  });

  it('skips and counts a bad line and a truncated last line, and reads the rest', () => {
    const truncated = lines[2].slice(0, 200);
    const result = read(`${lines[0]}\nnot json at all\n${lines[1]}\n{"id": 5}\n${truncated}`);
    assert.deepEqual(
      result.records.map((r) => r.record.bibliographic.arxivId),
      ['2001.00001', '2001.00002'],
    );
    assert.deepEqual(result.counts, { read: 5, kept: 2, bad: 3 });
    assert.deepEqual(
      result.problems.map((p) => p.line),
      [2, 4, 5],
    );
    assert.match(result.problems[0].message, /not valid JSON/);
    assert.equal(result.problems[1].message, '"id" 5 is not an arXiv id');
  });

  it('skips a line that is not valid UTF-8', () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode(lines[0].slice(0, 50)),
      0xff,
      ...new TextEncoder().encode(`${lines[0].slice(50)}\n${lines[1]}`),
    ]);
    const result = read(bytes);
    assert.deepEqual(result.counts, { read: 2, kept: 1, bad: 1 });
    assert.deepEqual(result.problems, [{ line: 1, message: 'the line is not valid UTF-8' }]);
  });

  it('reads a record on a line of 10 MB, and skips a line over the limit without holding it', () => {
    const huge = snapshotLine({ id: '2001.00009', abstract: 'word '.repeat(2 * 1024 * 1024) });
    assert.ok(huge.length > 10 * 1024 * 1024);
    const result = read(`${lines[0]}\n${huge}\n${lines[1]}`, undefined, 1 << 20);
    assert.deepEqual(
      result.records.map((r) => r.record.bibliographic.arxivId),
      ['2001.00001', '2001.00009', '2001.00002'],
    );
    const limited = read(`${lines[0]}\n${huge}\n${lines[1]}`, undefined, 1 << 20, 1 << 20);
    assert.deepEqual(limited.counts, { read: 2, kept: 2, bad: 1 });
    assert.match(limited.problems[0].message, /^the line is 10,\d{3},\d{3} bytes long \(at most 1,048,576 are read\)$/);
  });

  it('reads a JSON array of records, pretty-printed or on one line', () => {
    const records = lines.map((l) => JSON.parse(l));
    for (const text of [JSON.stringify(records), JSON.stringify(records, null, 2)]) {
      const result = read(text, filterOf(['cs.CL']), 5);
      assert.deepEqual(
        result.records.map((r) => r.record.bibliographic.arxivId),
        ['2001.00001', '2001.00003'],
      );
      assert.deepEqual(result.counts, { read: 3, kept: 2, bad: 0 });
    }
    const pretty = read(JSON.stringify(records, null, 2));
    assert.deepEqual(
      pretty.records.map((r) => r.line),
      [
        2,
        2 + JSON.stringify(records[0], null, 2).split('\n').length,
        2 + 2 * JSON.stringify(records[0], null, 2).split('\n').length,
      ],
    );
  });

  it('skips a bad element of a JSON array and a truncated end', () => {
    const text = `[${lines[0]}, 42, ${lines[1]}, ${lines[2].slice(0, 100)}`;
    const result = read(text);
    assert.deepEqual(result.counts, { read: 4, kept: 2, bad: 2 });
    assert.deepEqual(
      result.problems.map((p) => p.message.slice(0, 21)),
      ['not a JSON object', 'the line is not valid'],
    );
  });
});
