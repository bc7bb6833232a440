import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { Commands } from '../../src/host/ids';
import { activateExtension, closeAllEditors, waitFor } from './helpers';

/** The CSP of a page, by directive. */
function csp(html: string): Map<string, string[]> {
  const content = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1] ?? '';
  return new Map(
    content
      .replace(/&#39;/g, "'")
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]): [string, string[]] => [name, values]),
  );
}

describe('Safe by default, in a real VS Code', () => {
  afterEach(closeAllEditors);

  it('opens the abstract in a webview with scripts for its own page only, no forms, no command links, and only media/ and dist/', async () => {
    const api = await activateExtension();
    const { library } = await api.ready();
    const [first, second] = library.papers;
    await vscode.commands.executeCommand(Commands.openPaper, first.id, [first.id, second.id]);
    const { panel, html } = await waitFor('the tab', () => api.openAbstracts().find((a) => a.paperId === first.id));
    const options = panel.webview.options;
    assert.equal(options.enableScripts, true);
    assert.equal(options.enableForms, false);
    assert.ok(!options.enableCommandUris, 'command links stay off');
    const extension = vscode.extensions.getExtension('paper-explorer.paper-explorer')!.extensionUri;
    assert.deepEqual(
      options.localResourceRoots?.map((uri) => uri.toString()),
      ['media', 'dist'].map((folder) => vscode.Uri.joinPath(extension, folder).toString()),
    );
    assert.equal(panel.options.enableFindWidget, true);

    const policy = csp(html);
    assert.deepEqual(policy.get('default-src'), ["'none'"]);
    const nonce = /<script nonce="([^"]+)"/.exec(html)?.[1];
    assert.ok(nonce && nonce.length >= 22, 'a nonce of at least 128 bits');
    assert.deepEqual(policy.get('script-src'), [`'nonce-${nonce}'`]);
    for (const name of ['style-src', 'font-src', 'img-src']) {
      assert.deepEqual(policy.get(name), panel.webview.cspSource.split(/\s+/), name);
    }
    assert.equal((html.match(/<script/g) ?? []).length, 1);

    // Every render has a nonce of its own: the same tab showing the next paper.
    await vscode.commands.executeCommand(Commands.nextPaper);
    const next = await waitFor('the next paper', () => api.openAbstracts().find((a) => a.paperId === second.id));
    assert.equal(next.panel, panel);
    assert.notEqual(/<script nonce="([^"]+)"/.exec(next.html)?.[1], nonce);
  });

  describe('a corpus file with hostile titles and abstracts', () => {
    const TITLE = '[click me](command:workbench.action.quit) <img src=x onerror=alert(1)> $(alert) Title';
    let folder: string;
    const config = () => vscode.workspace.getConfiguration('papers');

    before(async () => {
      folder = mkdtempSync(path.join(tmpdir(), 'papers-hostile-'));
      writeFileSync(
        path.join(folder, 'hostile.txt'),
        `${TITLE}\n<script>alert(1)</script> We study what [a link](command:workbench.action.files.delete) in an abstract can do, and show that it does nothing at all when it is shown.`,
      );
      await config().update('corpus.paths', [folder], vscode.ConfigurationTarget.Global);
      const api = await activateExtension();
      await waitFor(
        'the hostile file',
        async () => (await api.ready()).library.papers.some((p) => p.title === TITLE) || undefined,
      );
    });

    after(async () => {
      await config().update('corpus.paths', undefined, vscode.ConfigurationTarget.Global);
      const api = await activateExtension();
      await waitFor(
        'the bundled corpus alone',
        async () => (await api.ready()).library.papers.length === 438 || undefined,
      );
      rmSync(folder, { recursive: true, force: true });
    });

    it('shows them in tooltips as text: an untrusted MarkdownString that renders no HTML, no link, no command', async () => {
      const api = await activateExtension();
      const tree = api.views.library;
      const group = (await tree.getChildren()).find((g) => g.kind === 'group' && g.label === 'hostile')!;
      const [row] = await tree.getChildren(group);
      const tooltip = tree.getTreeItem(row).tooltip;
      assert.ok(tooltip instanceof vscode.MarkdownString);
      assert.equal(tooltip.isTrusted, false);
      assert.equal(tooltip.supportHtml, false);
      assert.notEqual(tooltip.supportThemeIcons, true, 'no $(icon) from corpus text');
      assert.doesNotMatch(tooltip.value, /(?<!\\)\]\(/, 'no Markdown link');
      // Read back as plain text, the title and the abstract are there as written.
      const text = tooltip.value.replace(/&nbsp;/g, ' ').replace(/\\(.)/g, '$1');
      assert.ok(text.includes(TITLE));
      assert.ok(text.includes('<script>alert(1)</script>'));
    });
  });
});
