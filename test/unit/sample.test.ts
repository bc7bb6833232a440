import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { nodeFileSystem } from '../../src/core/formats/nodeFileSystem';
import { readCorpusLocations } from '../../src/core/formats/sources';
import { buildLibrary } from '../../src/core/library/merge';
import { ROOT } from './helpers';

/** The folder `npm start` opens a scratch copy of (test/host/start.mjs). */
const SAMPLE = path.join(ROOT, 'test', 'fixtures', 'sample');

describe('the sample folder npm start opens', () => {
  it('has a bibliography that reads without problems and a draft that cites only what it defines', async () => {
    const library = buildLibrary(await readCorpusLocations(nodeFileSystem, [path.join(SAMPLE, 'references.bib')]));
    assert.deepEqual(library.problems, []);
    const keys = library.papers.map((p) => p.citationKey).sort();
    assert.deepEqual(keys, ['beck2024xlstm', 'devlin2019bert', 'kingma2015adam', 'vaswani2017attention']);
    const draft = readFileSync(path.join(SAMPLE, 'draft.tex'), 'utf8');
    const cited = [...draft.matchAll(/\\cite\{([^}]*)\}/g)].flatMap((m) => m[1].split(',').map((k) => k.trim()));
    assert.deepEqual([...new Set(cited)].sort(), keys);
  });
});
