import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands } from '../../src/host/ids';
import type { TreeNode } from '../../src/features/sideBar/treeNodes';
import { activateExtension } from './helpers';

describe('Stars', () => {
  // Stars are kept in global state: start each test with none, whatever ran before.
  beforeEach(async () => {
    const { starred } = (await activateExtension()).services;
    for (const star of starred.all) {
      await starred.unstar(star.id);
    }
  });

  it('stars a paper from the Library, shows it in a Starred group, and unstars it', async () => {
    const api = await activateExtension();
    const tree = api.views.library;
    const groups = await tree.getChildren();
    assert.notEqual(tree.getTreeItem(groups[0]).label, 'Starred', 'no Starred group without stars');
    const collection = groups.find((g) => g.kind === 'group' && g.id.startsWith('collection:'))!;
    const [node] = await tree.getChildren(collection);
    assert.equal(tree.getTreeItem(node).contextValue, 'paper');

    await vscode.commands.executeCommand(Commands.star, node);
    const [starredGroup, ...rest] = await tree.getChildren();
    assert.equal(rest.length, groups.length);
    const starredItem = tree.getTreeItem(starredGroup);
    assert.equal(starredItem.label, 'Starred');
    assert.equal(starredItem.description, '1');
    const [starredNode] = await tree.getChildren(starredGroup);
    assert.ok(starredNode.kind === 'paper' && node.kind === 'paper');
    assert.equal(starredNode.paper.id, node.paper.id);
    assert.equal(tree.getTreeItem(starredNode).contextValue, 'paper.starred');
    assert.deepEqual(api.services.starred.all, [
      { id: node.paper.id, label: node.paper.label, citationKey: node.paper.citationKey },
    ]);

    await vscode.commands.executeCommand(Commands.unstar, starredNode);
    assert.equal(api.services.starred.all.length, 0);
    assert.notEqual(tree.getTreeItem((await tree.getChildren())[0]).label, 'Starred');
  });

  it('keeps a star whose paper is no longer loaded, shown as missing', async () => {
    const api = await activateExtension();
    await api.services.starred.star({ id: 'ffffffffffffffff', label: 'A paper whose file was removed' });
    const [starredGroup] = await api.views.library.getChildren();
    const children: TreeNode[] = await api.views.library.getChildren(starredGroup);
    assert.equal(children.length, 1);
    const item = api.views.library.getTreeItem(children[0]);
    assert.equal(item.label, 'A paper whose file was removed');
    assert.equal(item.description, 'missing');
    assert.equal(item.contextValue, 'missing');

    await vscode.commands.executeCommand(Commands.unstar, children[0]);
    assert.equal(api.services.starred.all.length, 0);
  });
});
