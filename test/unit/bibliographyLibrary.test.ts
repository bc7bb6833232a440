import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { bibliographyFormat } from '../../src/core/formats/bibliographyFile';
import { bytesSource } from '../../src/core/formats/byteSource';
import { nodeFileSystem } from '../../src/core/formats/nodeFileSystem';
import { describeReadProgress } from '../../src/core/formats/readProgress';
import { readCorpusSource } from '../../src/core/formats/readSource';
import { readCorpusLocations } from '../../src/core/formats/sources';
import { buildLibrary, type LibraryFile } from '../../src/core/library/merge';
import { CORPUS, ROOT } from './helpers';

const LIBRARY = path.join(ROOT, 'test', 'unit', 'fixtures', 'formats', 'library');

async function read(fileName: string, text: string): Promise<LibraryFile> {
  const file = await readCorpusSource(fileName, fileName, fileName, bytesSource(new TextEncoder().encode(text)));
  assert.ok(file && 'parsed' in file, JSON.stringify(file));
  return file;
}

describe('bibliography files in the library', () => {
  it('tells the format from the name, and from the content when the name says nothing', () => {
    assert.equal(bibliographyFormat('refs.bib', ''), 'bibtex');
    assert.equal(bibliographyFormat('refs.RIS', ''), 'ris');
    assert.equal(bibliographyFormat('zotero.json', '\uFEFF[\n  {\n    "id": "x",\n    "type": "book"'), 'csl-json');
    assert.equal(bibliographyFormat('collections.json', '{"a.txt": "A"}'), undefined);
    assert.equal(bibliographyFormat('refs.txt', '% exported\n\n@Article{x,\n'), 'bibtex');
    assert.equal(bibliographyFormat('refs.txt', 'Provider: JabRef\n\nTY  - JOUR\n'), 'ris');
    assert.equal(bibliographyFormat('papers.txt', 'Attention Is All You Need\nThe dominant models…'), undefined);
  });

  it('reads the three formats from their files, with counts per format', async () => {
    const files = await readCorpusLocations(nodeFileSystem, [
      path.join(LIBRARY, 'library.bib'),
      path.join(LIBRARY, 'library.ris'),
      path.join(LIBRARY, 'library.json'),
    ]);
    const library = buildLibrary(files);
    assert.deepEqual(
      library.collections.map((c) => [c.format, c.entries]),
      [
        ['bibtex', 7],
        ['ris', 3],
        ['csl-json', 3],
      ],
    );
    assert.equal(library.entryCount, 13);
    assert.equal(library.papers.length, 13);
    assert.deepEqual(
      library.problems.map((p) => [path.basename(p.collection), p.line]),
      [['library.bib', 73]],
    );
    const attention = library.papers.find((p) => p.title === 'Attention Is All You Need');
    assert.equal(attention?.citationKey, 'vaswani2017attention');
    assert.deepEqual(attention?.date, { year: 2017, month: 1, day: 1, text: '2017' });
  });

  it('one DOI or arXiv id is one paper across files and formats, listed in each; fields fill from each other', async () => {
    const bib = await read(
      'a.bib',
      '@misc{vaswani2017attention, title = {Attention Is All You Need}, year = 2017, eprint = {1706.03762}, archivePrefix = {arXiv}, primaryClass = {cs.CL}}\n' +
        '@article{lecun2015, title = {Deep Learning}, doi = {10.1038/NATURE14539}}',
    );
    const ris = await read(
      'b.ris',
      'TY  - JOUR\nTI  - Attention is all you need (NeurIPS version)\nAU  - Vaswani, Ashish\nUR  - https://arxiv.org/abs/1706.03762v7\nER  - \n' +
        'TY  - JOUR\nTI  - Deep learning.\nT2  - Nature\nDO  - 10.1038/nature14539\nER  - \n',
    );
    const library = buildLibrary([bib, ris]);
    assert.equal(library.papers.length, 2);
    const [attention, deep] = library.papers;
    assert.deepEqual(attention.collections, ['a.bib', 'b.ris']);
    assert.equal(attention.title, 'Attention Is All You Need');
    assert.equal(attention.citationKey, 'vaswani2017attention');
    assert.deepEqual(attention.bibliographic?.authors, [{ family: 'Vaswani', given: 'Ashish' }]);
    assert.deepEqual(attention.bibliographic?.categories, ['cs.CL']);
    assert.deepEqual(deep.collections, ['a.bib', 'b.ris']);
    assert.equal(deep.bibliographic?.venue, 'Nature');
  });

  it('papers from files without keys get generated keys, unique across the library', async () => {
    const ris = await read(
      'c.ris',
      'TY  - JOUR\nTI  - Deep Residual Learning\nAU  - He, Kaiming\nPY  - 2016\nER  - \n' +
        'TY  - JOUR\nTI  - Deep residual networks revisited\nAU  - He, Kaiming\nPY  - 2016\nER  - \n',
    );
    const bib = await read('d.bib', '@article{he2016deep, title = {Identity Mappings}, year = 2016}');
    const library = buildLibrary([bib, ris]);
    assert.deepEqual(
      library.papers.map((p) => p.citationKey),
      ['he2016deep', 'he2016deepa', 'he2016deepb'],
    );
  });

  it('a big .bib reports entries read as it goes, and stops when cancelled', async () => {
    const text = Array.from({ length: 600 }, (_, i) => `@misc{k${i}, title = {Paper ${i}}}`).join('\n');
    const progress: string[] = [];
    const file = await readCorpusSource('big.bib', 'big', 'big.bib', bytesSource(new TextEncoder().encode(text)), {
      onProgress: (p) => progress.push(describeReadProgress('big.bib', p)),
    });
    assert.ok(file && 'parsed' in file && file.parsed.entries.length === 600);
    assert.deepEqual(progress.slice(-2), ['Reading big.bib: 250 entries', 'Reading big.bib: 500 entries']);
    let read = 0;
    const token = {
      get isCancellationRequested() {
        return read >= 250;
      },
    };
    const cancelled = await readCorpusSource('big.bib', 'big', 'big.bib', bytesSource(new TextEncoder().encode(text)), {
      token,
      onProgress: (p) => {
        read = 'entries' in p ? p.entries : 0;
      },
    });
    assert.equal(cancelled, undefined);
  });

  it('the bundled corpus gets readable keys too, all different', async () => {
    const library = buildLibrary(await readCorpusLocations(nodeFileSystem, [CORPUS]));
    const keys = library.papers.map((p) => p.citationKey);
    assert.equal(new Set(keys).size, keys.length);
    assert.ok(keys.every((key) => /^[a-z0-9]+$/.test(key)));
  });
});
