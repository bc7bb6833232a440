import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands } from '../../src/host/ids';
import { abstractTabs, activateExtension, closeAllEditors, waitFor } from './helpers';

describe('Paper Explorer in a real VS Code', () => {
  afterEach(closeAllEditors);

  it('activates lazily and indexes the bundled corpus', async () => {
    const api = await activateExtension();
    const snapshot = await api.ready();
    assert.equal(snapshot.library.papers.length, 438);
    assert.equal(snapshot.library.entryCount, 442);
    assert.equal(snapshot.library.untitledCount, 21);
  });

  it('registers every command it declares', async () => {
    await activateExtension();
    const commands = await vscode.commands.getCommands(true);
    for (const id of Object.values(Commands)) {
      assert.ok(commands.includes(id), id);
    }
  });

  it('shows the Library tree grouped by collection, with counts, newest first', async () => {
    const api = await activateExtension();
    const tree = api.views.library;
    await vscode.commands.executeCommand('workbench.view.extension.papers');
    const groups = (await tree.getChildren()).filter((g) => g.kind === 'group' && g.id.startsWith('collection:'));
    const rows = groups.map((g) => {
      const item = tree.getTreeItem(g);
      return [item.label, item.description];
    });
    assert.deepEqual(rows, [
      ['Untitled abstracts I', '11'],
      ['Daily Papers · Nov 4', '86'],
      ['Paper search results', '242'],
      ['Daily Papers · Mar 13', '92'],
      ['Untitled abstracts II', '11'],
    ]);
    const papers = await tree.getChildren(groups[1]);
    assert.equal(papers.length, 86);
    const first = tree.getTreeItem(papers[0]);
    assert.equal(
      first.label,
      'Stratified GRPO: Handling Structural Heterogeneity in Reinforcement Learning of LLM Search Agents',
    );
    assert.equal(first.description, 'Oct 7 · 5 authors');
    assert.equal(first.command?.command, Commands.openPaper);
    assert.equal(
      (first.command?.arguments?.[1] as string[]).length,
      86,
      'the group is what previous and next move through',
    );
    assert.ok(first.tooltip instanceof vscode.MarkdownString);
    assert.equal((first.tooltip as vscode.MarkdownString).isTrusted, false);
    // appendText escapes Markdown and keeps spaces as &nbsp;: read it back as plain text.
    const tooltip = (first.tooltip as vscode.MarkdownString).value.replace(/&nbsp;/g, ' ').replace(/\\(.)/g, '$1');
    assert.match(tooltip, /Stratified GRPO/);
    assert.equal(api.views.treeViews.library.description, 'by collection, newest first');
  });

  it('finds the right paper from Papers: Search… and opens its abstract', async () => {
    await activateExtension();
    const searching = vscode.commands.executeCommand(Commands.search, 'xLSTM');
    // The pick fills in once the index answers; accepting then opens the best hit.
    await waitFor('the xLSTM abstract tab', async () => {
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      return abstractTabs().find((t) => t.label === 'xLSTM: Extended Long Short-Term Memory');
    });
    await searching;
    assert.equal(abstractTabs().length, 1);
  });

  it('renders the abstract with title, metadata, collections and math, escaped', async () => {
    const api = await activateExtension();
    const { library } = await api.ready();
    const paper = library.papers.find(
      (p) =>
        p.title === 'Mixture-of-Transformers: A Sparse and Scalable Architecture for Multi-Modal Foundation Models',
    )!;
    await vscode.commands.executeCommand(Commands.openPaper, paper.id);
    await waitFor('the tab', () => abstractTabs().find((t) => t.label.startsWith('Mixture-of-Transformers')));
    const page = api.openAbstracts().find((a) => a.paperId === paper.id);
    assert.ok(page);
    assert.match(page.html, /<h1 class="title">Mixture-of-Transformers: A Sparse and Scalable Architecture/);
    assert.match(page.html, /11 authors/);
    assert.match(page.html, /Nov 7, 2024/);
    assert.match(page.html, /2 upvotes/);
    assert.match(page.html, /<li>Daily Papers · Nov 4<\/li>/);
    assert.match(page.html, /Content-Security-Policy/);

    const untitled = library.papers.find((p) =>
      p.abstract.startsWith('In this note, we consider appropriately regularized'),
    )!;
    await vscode.commands.executeCommand(Commands.openPaper, untitled.id);
    const math = await waitFor('the untitled abstract', () =>
      api.openAbstracts().find((a) => a.paperId === untitled.id),
    );
    assert.equal((math.html.match(/<math/g) ?? []).length, 2);
  });

  it('reveals the open tab instead of opening a second one', async () => {
    const api = await activateExtension();
    const { library } = await api.ready();
    const paper = library.papers[100];
    await vscode.commands.executeCommand(Commands.openPaper, paper.id);
    await vscode.commands.executeCommand(Commands.openPaper, library.papers[101].id);
    await vscode.commands.executeCommand(Commands.openPaper, paper.id);
    await waitFor('two tabs', () => abstractTabs().length === 2 || undefined);
    const pages = api.openAbstracts();
    assert.deepEqual(pages.map((p) => p.paperId).sort(), [paper.id, library.papers[101].id].sort());
    const title = pages.find((p) => p.paperId === paper.id)!.title;
    assert.equal(abstractTabs().filter((t) => t.label === title).length, 1);
    await waitFor(
      'the first paper to be the active tab again',
      () => vscode.window.tabGroups.activeTabGroup.activeTab?.label === title || undefined,
    );
  });

  it('lists related papers in the abstract tab and opens one from Papers: Show Related Papers', async () => {
    const api = await activateExtension();
    const { library } = await api.ready();
    const xlstm = library.papers.find((p) => p.title === 'xLSTM: Extended Long Short-Term Memory')!;
    const vision = library.papers.find((p) => p.title === 'Vision-LSTM: xLSTM as Generic Vision Backbone')!;
    await vscode.commands.executeCommand(Commands.openPaper, xlstm.id);
    const page = await waitFor('the xLSTM tab', () => api.openAbstracts().find((a) => a.paperId === xlstm.id));
    assert.match(page.html, new RegExp(`<nav class="related"[^]*data-paper-id="${vision.id}"`));

    // From the palette the command works on the abstract in front; the tree passes its node instead.
    const showing = vscode.commands.executeCommand(Commands.showRelated);
    await waitFor('the related paper opened', async () => {
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      return api.openAbstracts().find((a) => a.paperId !== xlstm.id);
    });
    await showing;
    const opened = api.openAbstracts().find((a) => a.paperId !== xlstm.id)!;
    assert.equal(opened.paperId, (await api.ready()).index.related(xlstm.id, 1)[0].paper.id);
  });

  it('opens a paper from the tree context menu, which passes the tree node', async () => {
    const api = await activateExtension();
    const [group] = await api.views.library.getChildren();
    const [node] = await api.views.library.getChildren(group);
    await vscode.commands.executeCommand(Commands.openPaper, node);
    assert.ok(node.kind === 'paper');
    await waitFor('the tab', () => api.openAbstracts().find((a) => a.paperId === node.paper.id));
  });
});
