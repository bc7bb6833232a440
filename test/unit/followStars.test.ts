import * as assert from 'node:assert/strict';
import { bytesSource } from '../../src/core/formats/byteSource';
import { readCorpusSource } from '../../src/core/formats/readSource';
import { followStars } from '../../src/core/library/followStars';
import { bibliographyProblems } from '../../src/core/library/bibliographyProblems';
import { buildLibrary, type LibraryFile } from '../../src/core/library/merge';
import { starRecord } from '../../src/core/model/star';

async function libraryOf(name: string, text: string) {
  const file = await readCorpusSource(name, name, name, bytesSource(new TextEncoder().encode(text)));
  return buildLibrary([file as LibraryFile]);
}

describe('stars follow their paper', () => {
  it('a star moves to the paper that has its key, DOI or arXiv id after the title changed', async () => {
    const before = await libraryOf(
      'a.bib',
      '@article{lecun2015, title = {Deep Learning}, doi = {10.1038/nature14539}}',
    );
    const star = starRecord(before.papers[0]);
    assert.deepEqual(star, {
      id: before.papers[0].id,
      label: 'Deep Learning',
      doi: '10.1038/nature14539',
      citationKey: 'lecun2015',
    });
    const after = await libraryOf(
      'a.bib',
      '@article{lecun2015, title = {Deep learning (Nature review)}, doi = {10.1038/NATURE14539}}',
    );
    assert.notEqual(after.papers[0].id, star.id);
    assert.deepEqual(followStars([star], after), [starRecord(after.papers[0])]);
  });

  it('stars whose papers are there, or that find none, stay; a paper starred already is not starred twice', async () => {
    const library = await libraryOf('b.bib', '@misc{x, title = {X}, eprint = {2401.12345}, archivePrefix = {arXiv}}');
    const here = starRecord(library.papers[0]);
    assert.equal(followStars([here], library), undefined);
    const lost = { id: 'gone', label: 'Gone', arxivId: '1111.11111' };
    assert.equal(followStars([here, lost], library), undefined);
    const duplicate = { id: 'old', label: 'X', arxivId: '2401.12345' };
    assert.equal(followStars([here, duplicate], library), undefined);
  });

  it("the problems of a bibliography file are located on its entries' lines, repairs as information", async () => {
    const library = await libraryOf('c.bib', '@article{a, title = {A} year = 2020}\n\n@article{b, title = {B}\n\n');
    assert.deepEqual(bibliographyProblems(library).get('c.bib'), [
      {
        line: 1,
        message: 'The entry "a" was read with a repair: a comma was missing after the field "title".',
        severity: 'information',
      },
      {
        line: 3,
        message: 'This @article entry was skipped: it is not closed: no "}" ends it before the next entry.',
        severity: 'warning',
      },
    ]);
  });
});
