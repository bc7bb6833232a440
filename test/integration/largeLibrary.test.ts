import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { Commands } from '../../src/host/ids';
import { abstractTabs, activateExtension, closeAllEditors, waitFor } from './helpers';

/** More papers than one call takes as spread arguments (about 130,000 overflow V8's stack). */
const PAPERS = 200_000;

/** One untitled abstract a line, each its own, long enough and ending in a period so that no line reads as a title. */
function abstractLine(i: number): string {
  return `Paper number ${i} studies sparse attention over long documents and reports how accuracy and memory change as the context grows from one to many thousands of tokens.`;
}

describe('A library of 200,000 papers', () => {
  let folder: string;
  const config = () => vscode.workspace.getConfiguration('papers');

  before(async function () {
    this.timeout(180_000);
    folder = mkdtempSync(path.join(tmpdir(), 'papers-large-'));
    writeFileSync(path.join(folder, 'large.txt'), Array.from({ length: PAPERS }, (_, i) => abstractLine(i)).join('\n'));
    await config().update('corpus.includeBundled', false, vscode.ConfigurationTarget.Global);
    await config().update('corpus.paths', [folder], vscode.ConfigurationTarget.Global);
    const api = await activateExtension();
    await waitFor(
      'the large library',
      async () => (await api.ready()).library.papers.length === PAPERS || undefined,
      170_000,
    );
  });

  after(async function () {
    this.timeout(120_000);
    await closeAllEditors();
    await config().update('corpus.paths', undefined, vscode.ConfigurationTarget.Global);
    await config().update('corpus.includeBundled', undefined, vscode.ConfigurationTarget.Global);
    const api = await activateExtension();
    await waitFor(
      'the bundled corpus alone again',
      async () => (await api.ready()).library.papers.length === 438 || undefined,
      110_000,
    );
    rmSync(folder, { recursive: true, force: true });
  });

  it('opens Papers: Search… with an empty box on a first page, and opens the paper chosen from it', async () => {
    const searching = vscode.commands.executeCommand(Commands.search);
    // Undated papers keep their file order, so the first of the page is the file's first line.
    await waitFor('the first paper of the page to open', async () => {
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      return abstractTabs().find((t) => t.label.startsWith('Paper number 0 studies'));
    });
    await searching;
  });
});
