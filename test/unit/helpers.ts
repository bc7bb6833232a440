import * as path from 'node:path';
import { buildLibrary } from '../../src/core/library/merge';
import { nodeFileSystem } from '../../src/core/formats/nodeFileSystem';
import type { Library, Paper } from '../../src/core/model/paper';
import { readCorpusLocations } from '../../src/core/formats/sources';
import { buildIndex, type PaperIndex } from '../../src/core/search/engine';

/** The project root, from `out/test/unit`. */
export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const CORPUS = path.join(ROOT, 'media', 'corpus');

/** The bundled corpus's files, by their numbered prefix. */
export const FILES = {
  bare1: path.join(CORPUS, '000_2a0e214a5544c73a.txt'),
  daily1: path.join(CORPUS, '001_78517978c8eb2ef1.txt'),
  search: path.join(CORPUS, '002_8a505376c0e6a202.txt'),
  daily2: path.join(CORPUS, '003_edaf9041827003e1.txt'),
  bare2: path.join(CORPUS, '004_04c27a8a50e9b1eb.txt'),
};

let bundled: Promise<{ library: Library; index: PaperIndex }> | undefined;

/** The bundled corpus, loaded and indexed once for the whole run. */
export function bundledCorpus(): Promise<{ library: Library; index: PaperIndex }> {
  return (bundled ??= readCorpusLocations(nodeFileSystem, [CORPUS]).then((files) => {
    const library = buildLibrary(files);
    return { library, index: buildIndex(library) };
  }));
}

export function paperTitled(library: Library, title: string) {
  const paper = library.papers.find((p) => p.title === title);
  if (!paper) {
    throw new Error(`no paper titled ${title}`);
  }
  return paper;
}

/** A paper with only the fields a test names, and harmless defaults for the rest that every paper must have. */
export function makePaper(fields: Partial<Paper> = {}): Paper {
  return {
    id: 'abc123',
    label: 'A label',
    abstract: '',
    collections: [],
    links: [],
    hasCode: false,
    citationKey: 'key',
    ...fields,
  };
}
