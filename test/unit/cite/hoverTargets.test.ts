import * as assert from 'node:assert/strict';
import { hoverTargetsAt } from '../../../src/core/cite/hoverTargets';
import type { CitationLanguage } from '../../../src/core/cite/citationLanguage';

/** The targets at `|` in the text, with the written span of each. */
function targets(language: CitationLanguage | undefined, marked: string) {
  const offset = marked.indexOf('|');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  return hoverTargetsAt(text, language, offset).map((t) => ({ ...t, written: text.slice(t.start, t.end) }));
}

describe('hover targets', () => {
  it('finds the citation key under the pointer in LaTeX and Markdown', () => {
    assert.deepEqual(
      targets('latex', '\\citep[p.~2]{a, vas|wani2017 ,b}').map((t) => [t.kind, t.kind === 'citationKey' && t.key]),
      [['citationKey', 'vaswani2017']],
    );
    assert.deepEqual(
      targets('latex', '\\cite{|a}').map((t) => t.written),
      ['a'],
    );
    assert.deepEqual(
      targets('markdown', 'As |@doe99 says').map((t) => t.written),
      ['doe99'],
    );
    assert.deepEqual(
      targets('markdown', '[see @doe99; @smit|h04, p. 3]').map((t) => t.written),
      ['smith04'],
    );
    assert.deepEqual(targets('latex', '\\cite{a}| text'), []);
    assert.deepEqual(targets(undefined, '\\cite{a|}'), []);
  });

  it('finds arXiv ids in their written forms, without prefix or version', () => {
    const cases: [string, string, string][] = [
      ['See arXiv:2401.1|2345v2.', '2401.12345', 'arXiv:2401.12345v2'],
      ['See arxiv: 1706.0|3762', '1706.03762', '1706.03762'],
      ['(2401.12|345)', '2401.12345', '2401.12345'],
      ['https://arxiv.org/abs/1706.03|762v7', '1706.03762', 'https://arxiv.org/abs/1706.03762v7'],
      ['old hep-th/99010|01 style', 'hep-th/9901001', 'hep-th/9901001'],
      ['\\cite{1706.0|3762}', '1706.03762', '\\cite{1706.03762}'],
    ];
    for (const [marked, id, written] of cases) {
      const found = targets(undefined, marked);
      assert.deepEqual(
        found.map((t) => [t.kind === 'arxivId' && t.arxivId, t.written]),
        [[id, written]],
        marked,
      );
    }
  });

  it('does not take other numbers for arXiv ids', () => {
    for (const marked of ['3.14|159', '1234.56|78.9', 'v1.2401.1|2345', '12401.1|2345', 'arXiv:| 2401.12345']) {
      assert.deepEqual(targets(undefined, marked), [], marked);
    }
  });

  it('finds DOIs bare, with doi: and as resolver links, without the brackets and punctuation around them', () => {
    const cases: [string, string, string][] = [
      ['DOI 10.1000/x|yz.', '10.1000/xyz', '10.1000/xyz'],
      ['(doi:10.1145/33|61.3362)', '10.1145/3361.3362', 'doi:10.1145/3361.3362'],
      [
        'https://doi.org/10.1002/(SICI)1097-4571(1999|)50',
        '10.1002/(SICI)1097-4571(1999)50',
        'https://doi.org/10.1002/(SICI)1097-4571(1999)50',
      ],
      ['doi = {10.18653/v1/N1|9-1423},', '10.18653/v1/N19-1423', '10.18653/v1/N19-1423'],
    ];
    for (const [marked, doi, written] of cases) {
      const found = targets(undefined, marked).filter((t) => t.kind === 'doi');
      assert.deepEqual(
        found.map((t) => [t.kind === 'doi' && t.doi, t.written]),
        [[doi, written]],
        marked,
      );
    }
    assert.deepEqual(targets(undefined, 'not| a doi'), []);
  });

  it('lists a key before the id it looks like, so a key the library lacks can still show the paper', () => {
    assert.deepEqual(
      targets('latex', '\\cite{2401.1|2345}').map((t) => t.kind),
      ['citationKey', 'arxivId'],
    );
  });

  it('looks only near the pointer on a giant line', () => {
    const line = `${'word '.repeat(100_000)}arXiv:2401.12345`;
    assert.deepEqual(hoverTargetsAt(line, undefined, 10), []);
    assert.equal(hoverTargetsAt(line, undefined, line.length - 3).length, 1);
  });
});
