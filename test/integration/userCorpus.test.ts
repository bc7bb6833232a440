import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LibrarySnapshot } from '../../src/core/library/snapshot';
import { activateExtension, waitFor } from './helpers';

const PAPER = `Grokking at the Edge of Linear Separability
We study the generalization properties of binary logistic classification in a simplified setting, for which a memorizing and generalizing solution can always be strictly defined, and elucidate the mechanism of grokking.`;

const SECOND = `Tokenizer-Free Language Modeling with Byte Latent Patches
We introduce a byte-level architecture that groups bytes into dynamically sized patches, matching tokenizer-based models at scale while improving inference efficiency and robustness.`;

const THIRD = `Sparse Autoencoders Find Interpretable Features in Protein Language Models
We train sparse autoencoders on the residual stream of a protein language model and show that many of the learned features align with known biological concepts such as binding sites and secondary structure.`;

/** The papers of the library once it satisfies `check`: each change to files or settings reloads it. */
async function libraryWhere(what: string, check: (snapshot: LibrarySnapshot) => boolean): Promise<LibrarySnapshot> {
  const api = await activateExtension();
  return waitFor(what, async () => {
    const snapshot = await api.ready();
    return check(snapshot) ? snapshot : undefined;
  });
}

const titled = (snapshot: LibrarySnapshot, title: string) => snapshot.library.papers.some((p) => p.title === title);

describe("The user's own papers (papers.corpus.paths)", () => {
  let folder: string;
  const config = () => vscode.workspace.getConfiguration('papers');

  // Every test starts from the bundled corpus and a folder of its own with mine.txt in it, whatever ran before.
  beforeEach(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'papers-user-corpus-'));
    writeFileSync(path.join(folder, 'mine.txt'), PAPER);
    await config().update('corpus.paths', [folder], vscode.ConfigurationTarget.Global);
    await libraryWhere(
      'the folder to be read',
      (s) => titled(s, 'Grokking at the Edge of Linear Separability') && s.library.papers.length === 439,
    );
  });

  afterEach(async () => {
    await config().update('corpus.paths', undefined, vscode.ConfigurationTarget.Global);
    await config().update('corpus.includeBundled', undefined, vscode.ConfigurationTarget.Global);
    await libraryWhere('the bundled corpus alone again', (s) => s.library.papers.length === 438);
    rmSync(folder, { recursive: true, force: true });
  });

  it('adds a folder of corpus files to the bundled corpus', async () => {
    const snapshot = await (await activateExtension()).ready();
    assert.equal(snapshot.library.papers.length, 439);
    const hits = snapshot.index.search('grokking linear separability').hits;
    assert.equal(hits[0]?.paper.title, 'Grokking at the Edge of Linear Separability');
    assert.equal(snapshot.collectionNames.get(hits[0].paper.collections[0]), 'mine');
  });

  it('notices a new file, an edit and a deletion without a reload command', async () => {
    writeFileSync(path.join(folder, 'more.txt'), SECOND);
    await libraryWhere('the new file', (s) => titled(s, 'Tokenizer-Free Language Modeling with Byte Latent Patches'));

    writeFileSync(path.join(folder, 'more.txt'), SECOND.replace('Tokenizer-Free', 'Tokeniser-Free'));
    const edited = await libraryWhere('the edit', (s) =>
      titled(s, 'Tokeniser-Free Language Modeling with Byte Latent Patches'),
    );
    assert.deepEqual(
      edited.files,
      { read: 1, unchanged: 6 },
      'only the edited file is read again; the bundled five and mine.txt are kept',
    );
    assert.deepEqual(
      edited.indexed,
      { tokenized: 1, carried: 439 },
      'the index is updated, not rebuilt: only the edited paper is tokenized again',
    );

    rmSync(path.join(folder, 'more.txt'));
    const snapshot = await libraryWhere(
      'the deletion',
      (s) => !s.library.papers.some((p) => p.title?.endsWith('Byte Latent Patches')),
    );
    assert.equal(snapshot.library.papers.length, 439);
  });

  it('notices a corpus file whose extension is in mixed case', async () => {
    writeFileSync(path.join(folder, 'Third.Txt'), THIRD);
    await libraryWhere('the .Txt file', (s) =>
      titled(s, 'Sparse Autoencoders Find Interpretable Features in Protein Language Models'),
    );
    rmSync(path.join(folder, 'Third.Txt'));
    await libraryWhere(
      'its deletion',
      (s) => !titled(s, 'Sparse Autoencoders Find Interpretable Features in Protein Language Models'),
    );
  });

  it('keeps the rest when a file is damaged, and says which', async () => {
    writeFileSync(path.join(folder, 'broken.txt'), Buffer.from([0x00, 0x00, 0xff, 0xfe, 0x00, 0x01, 0x02, 0x00]));
    const snapshot = await libraryWhere('the damaged file to be reported', (s) =>
      s.library.problems.some((p) => p.collection.endsWith('broken.txt')),
    );
    assert.equal(snapshot.library.papers.length, 439);
    assert.ok(titled(snapshot, 'Grokking at the Edge of Linear Separability'));
  });

  it('reads glob patterns', async () => {
    mkdirSync(path.join(folder, 'sub'));
    writeFileSync(path.join(folder, 'sub', 'picked.txt'), SECOND);
    writeFileSync(path.join(folder, 'sub', 'not-picked.text'), PAPER);
    await config().update('corpus.paths', [`${folder}/sub/*.txt`], vscode.ConfigurationTarget.Global);
    const snapshot = await libraryWhere('only the file the pattern names', (s) =>
      titled(s, 'Tokenizer-Free Language Modeling with Byte Latent Patches'),
    );
    assert.equal(snapshot.library.papers.length, 439);
    assert.ok(!titled(snapshot, 'Grokking at the Edge of Linear Separability'));
  });

  it('can leave the bundled corpus out', async () => {
    await config().update('corpus.includeBundled', false, vscode.ConfigurationTarget.Global);
    const snapshot = await libraryWhere('only the user corpus', (s) => s.library.papers.length === 1);
    assert.equal(snapshot.library.papers[0].title, 'Grokking at the Edge of Linear Separability');
  });

  it('is empty, not broken, with neither the bundled corpus nor paths, and the views say how to add papers', async () => {
    await config().update('corpus.includeBundled', false, vscode.ConfigurationTarget.Global);
    await config().update('corpus.paths', undefined, vscode.ConfigurationTarget.Global);
    const snapshot = await libraryWhere('an empty library', (s) => s.library.papers.length === 0);
    assert.deepEqual(snapshot.library.problems, []);
    const api = await activateExtension();
    // An empty tree is what makes VS Code show the view's welcome text (papers.empty) with its Open Settings button.
    assert.deepEqual(await api.views.library.getChildren(), []);
    assert.deepEqual(await api.views.hasCode.getChildren(), []);
    assert.equal((await api.search('xlstm')).hits.length, 0);
  });
});
