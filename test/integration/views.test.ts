import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands } from '../../src/host/ids';
import type { TreeNode } from '../../src/features/sideBar/treeNodes';
import { activateExtension, closeAllEditors, waitFor } from './helpers';

const labelOf = (node: TreeNode) =>
  node.kind === 'paper' ? node.paper.label : node.kind === 'group' ? node.label : node.star.label;

describe('The side bar views', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand(Commands.clearFilter);
    await vscode.commands.executeCommand(Commands.groupByCollection);
    await vscode.commands.executeCommand(Commands.sortByDate);
    await vscode.workspace.getConfiguration('papers').update('library', undefined, vscode.ConfigurationTarget.Global);
    await closeAllEditors();
  });

  it('groups by year from the Group By menu, with counts, and remembers it as a setting', async () => {
    const api = await activateExtension();
    await vscode.commands.executeCommand(Commands.groupByYear);
    await waitFor('the setting', () => api.services.viewOptions.groupBy === 'year' || undefined);
    assert.equal(vscode.workspace.getConfiguration('papers').get('library.groupBy'), 'year');
    const groups = (await api.views.library.getChildren()).filter(
      (g) => g.kind === 'group' && g.id.startsWith('year:'),
    );
    assert.deepEqual(
      groups.map((g) => `${labelOf(g)} ${api.views.library.getTreeItem(g).description}`),
      [
        'Year not stated 21',
        '2024 12',
        '2023 27',
        '2022 4',
        '2021 6',
        '2020 9',
        '2019 4',
        '2018 2',
        '2016 1',
        'Undated 352',
      ],
    );
    assert.equal(api.views.treeViews.library.description, 'by year, newest first');
  });

  it('sorts by title and by upvotes from the Sort By menu', async () => {
    const api = await activateExtension();
    await vscode.commands.executeCommand(Commands.sortByTitle);
    await waitFor('the setting', () => api.services.viewOptions.sortBy === 'title' || undefined);
    const search = (await api.views.library.getChildren()).find(
      (g) => g.kind === 'group' && g.label === 'Paper search results',
    )!;
    const titles = (await api.views.library.getChildren(search)).map(labelOf);
    assert.deepEqual(
      titles,
      [...titles].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base', numeric: true })),
    );

    await vscode.commands.executeCommand(Commands.sortByUpvotes);
    await waitFor('the setting', () => api.services.viewOptions.sortBy === 'upvotes' || undefined);
    const daily = (await api.views.library.getChildren()).find(
      (g) => g.kind === 'group' && g.label === 'Daily Papers · Nov 4',
    )!;
    const [top] = await api.views.library.getChildren(daily);
    assert.equal(labelOf(top), 'LongVie: Multimodal-Guided Controllable Ultra-Long Video Generation');
    assert.equal(api.views.treeViews.library.description, 'by collection, most upvoted first');
  });

  it('filters every view with Papers: Filter Library…, says so, and clears', async () => {
    const api = await activateExtension();
    await vscode.commands.executeCommand(Commands.filterLibrary, 'xlstm');
    const roots = await api.views.library.getChildren();
    const papers = (
      await Promise.all(
        roots
          .filter((r) => r.kind === 'group' && r.id.startsWith('collection:'))
          .map((g) => api.views.library.getChildren(g)),
      )
    ).flat();
    assert.deepEqual([...new Set(papers.map(labelOf))].sort(), [
      'Vision-LSTM: xLSTM as Generic Vision Backbone',
      'xLSTM: Extended Long Short-Term Memory',
      'xLSTMTime : Long-term Time Series Forecasting With xLSTM',
    ]);
    assert.equal(api.views.treeViews.library.message, 'Filtered by “xlstm”: 3 of 438 papers.');
    assert.equal(api.views.treeViews.hasCode.message, 'Filtered by “xlstm”: 3 of 438 papers.');
    const withCode = await api.views.hasCode.getChildren();
    assert.ok(
      withCode.every((n) => n.kind === 'paper' && n.paper.hasCode && /xlstm/i.test(n.paper.abstract + n.paper.label)),
    );

    await vscode.commands.executeCommand(Commands.filterLibrary, 'zzzzqqq');
    assert.deepEqual(
      await api.views.library.getChildren(),
      [],
      'nothing left: the view shows its No paper matches welcome',
    );

    await vscode.commands.executeCommand(Commands.clearFilter);
    assert.equal(api.views.treeViews.library.message, undefined);
    assert.ok((await api.views.library.getChildren()).length >= 5);
  });

  it('lists the 73 papers with code and the most upvoted papers in their own views', async () => {
    const api = await activateExtension();
    const withCode = await api.views.hasCode.getChildren();
    assert.equal(withCode.length, 73);
    assert.ok(withCode.every((n) => n.kind === 'paper' && n.paper.hasCode));
    const top = await api.views.topUpvoted.getChildren();
    const upvotes = top.map((n) => (n.kind === 'paper' ? n.paper.upvotes : undefined));
    assert.equal(top.length, 7, 'the papers that have an upvote count');
    assert.deepEqual(
      upvotes,
      [...upvotes].sort((a, b) => (b ?? 0) - (a ?? 0)),
    );
    assert.equal(labelOf(top[0]), 'LongVie: Multimodal-Guided Controllable Ultra-Long Video Generation');
    assert.match(String(api.views.topUpvoted.getTreeItem(top[0]).description), /▲ 3$/);
    assert.equal(api.views.treeViews.hasCode.description, '73, newest first');
    assert.equal(api.views.treeViews.topUpvoted.description, '7');
    const item = api.views.topUpvoted.getTreeItem(top[0]);
    assert.equal(item.contextValue, 'paper');
    assert.notEqual(item.id, api.views.hasCode.getTreeItem(withCode[0]).id);
  });

  it('keeps a Recently Opened group, newest first', async () => {
    const api = await activateExtension();
    const { library } = await api.ready();
    await vscode.commands.executeCommand(Commands.openPaper, library.papers[10].id);
    await vscode.commands.executeCommand(Commands.openPaper, library.papers[20].id);
    const recentGroup = (await api.views.library.getChildren()).find((g) => g.kind === 'group' && g.id === 'recent');
    assert.ok(recentGroup);
    const recent = await api.views.library.getChildren(recentGroup);
    assert.deepEqual(recent.slice(0, 2).map(labelOf), [library.papers[20].label, library.papers[10].label]);
    assert.deepEqual(api.services.recent.ids.slice(0, 2), [library.papers[20].id, library.papers[10].id]);
  });

  it('moves through the list a paper was opened from with Next Paper and Previous Paper, in the same tab', async () => {
    const api = await activateExtension();
    const group = (await api.views.library.getChildren()).find(
      (g) => g.kind === 'group' && g.label === 'Daily Papers · Mar 13',
    )!;
    const [first, second] = await api.views.library.getChildren(group);
    const open = api.views.library.getTreeItem(first).command!;
    await vscode.commands.executeCommand(open.command, ...(open.arguments ?? []));
    const page = await waitFor('the first tab', () => api.openAbstracts().find((a) => a.html.includes('1 of 92')));
    assert.ok(first.kind === 'paper' && second.kind === 'paper');
    assert.equal(page.paperId, first.paper.id);
    assert.match(page.html, /data-action="previous"[^>]* disabled/);

    await vscode.commands.executeCommand(Commands.nextPaper);
    const next = await waitFor('the second paper', () =>
      api.openAbstracts().find((a) => a.paperId === second.paper.id),
    );
    assert.match(next.html, /2 of 92/);
    assert.equal(api.openAbstracts().length, 1, 'the same tab shows the next paper');

    await vscode.commands.executeCommand(Commands.previousPaper);
    await waitFor('the first paper again', () => api.openAbstracts().find((a) => a.paperId === first.paper.id));
  });

  it('shows the star state in the abstract page and follows a star made elsewhere', async () => {
    const api = await activateExtension();
    const { library } = await api.ready();
    const paper = library.papers[30];
    await vscode.commands.executeCommand(Commands.openPaper, paper.id);
    const page = await waitFor('the tab', () => api.openAbstracts().find((a) => a.paperId === paper.id));
    assert.match(page.html, /data-action="star"[^>]*aria-pressed="false"/);
    await vscode.commands.executeCommand(Commands.star, paper.id);
    assert.ok(api.services.starred.has(paper.id));
    await vscode.commands.executeCommand(Commands.unstar);
    assert.ok(!api.services.starred.has(paper.id), 'Unstar from the palette acts on the abstract in front');
  });
});
