import * as vscode from 'vscode';
import { groupByCollection, type PaperGroup } from '../corpus/grouping';
import type { Paper } from '../corpus/paper';
import { Commands } from '../ids';
import type { LibraryService, LibrarySnapshot } from '../library/libraryService';
import type { StarRecord, StarredPapers } from '../library/starredPapers';
import { Disposable } from '../util/disposable';
import { paperDescription } from '../corpus/describe';
import { paperTooltip } from './paperPresentation';

/** A row of the Library tree: a group, a paper inside one, or a starred paper that is not loaded. Plain model objects; `getTreeItem` makes the rows. */
export type LibraryNode = PaperGroup | PaperNode | MissingNode;

export interface PaperNode {
  readonly kind: 'paper';
  readonly paper: Paper;
  readonly parent: PaperGroup;
}

/** A star whose paper is in none of the loaded files (its file was removed or changed). */
export interface MissingNode {
  readonly kind: 'missing';
  readonly star: StarRecord;
  readonly parent: PaperGroup;
}

interface StarredGroup extends PaperGroup {
  readonly missing: readonly StarRecord[];
}

const STARRED_GROUP_ID = 'starred';

function isStarredGroup(group: PaperGroup): group is StarredGroup {
  return group.id === STARRED_GROUP_ID;
}

/** The side bar's `Library`: papers grouped by collection, with counts. */
export class LibraryTreeProvider extends Disposable implements vscode.TreeDataProvider<LibraryNode> {
  private readonly changed = this._register(new vscode.EventEmitter<LibraryNode | undefined>());
  readonly onDidChangeTreeData = this.changed.event;

  constructor(
    private readonly service: LibraryService,
    private readonly starred: StarredPapers,
  ) {
    super();
    this._register(service.onDidChange(() => this.changed.fire(undefined)));
    this._register(starred.onDidChange(() => this.changed.fire(undefined)));
  }

  async getChildren(node?: LibraryNode): Promise<LibraryNode[]> {
    if (node?.kind === 'paper' || node?.kind === 'missing') {
      return [];
    }
    if (node) {
      const papers: LibraryNode[] = node.papers.map((paper) => ({ kind: 'paper', paper, parent: node }));
      const missing = isStarredGroup(node) ? node.missing.map((star): MissingNode => ({ kind: 'missing', star, parent: node })) : [];
      return [...papers, ...missing];
    }
    const { library } = await this.service.ready();
    const collections = groupByCollection(library);
    const stars = this.starred.all;
    if (stars.length === 0) {
      return collections;
    }
    const starredGroup: StarredGroup = {
      kind: 'group',
      id: STARRED_GROUP_ID,
      label: 'Starred',
      papers: stars.map((s) => library.byId.get(s.id)).filter((p): p is Paper => p !== undefined),
      missing: stars.filter((s) => !library.byId.has(s.id)),
    };
    return [starredGroup, ...collections];
  }

  getParent(node: LibraryNode): LibraryNode | undefined {
    return node.kind === 'group' ? undefined : node.parent;
  }

  getTreeItem(node: LibraryNode): vscode.TreeItem {
    switch (node.kind) {
      case 'group':
        return groupItem(node);
      case 'missing':
        return missingItem(node);
      case 'paper':
        return paperItem(node, this.service.current, this.starred.has(node.paper.id));
    }
  }
}

function groupItem(group: PaperGroup): vscode.TreeItem {
  const starred = isStarredGroup(group);
  const count = group.papers.length + (starred ? group.missing.length : 0);
  const item = new vscode.TreeItem(group.label, starred ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
  item.id = group.id;
  item.description = String(count);
  item.tooltip = `${group.label}: ${count} paper${count === 1 ? '' : 's'}`;
  item.iconPath = new vscode.ThemeIcon(starred ? 'star-full' : 'library');
  item.contextValue = 'group';
  return item;
}

function missingItem(node: MissingNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.star.label, vscode.TreeItemCollapsibleState.None);
  item.id = `${node.parent.id}/missing/${node.star.id}`;
  item.description = 'missing';
  item.tooltip = 'Starred, but in none of the loaded corpus files. It comes back when its file does; unstar it to forget it.';
  item.iconPath = new vscode.ThemeIcon('warning');
  item.contextValue = 'missing';
  return item;
}

function paperItem(node: PaperNode, snapshot: LibrarySnapshot | undefined, starred: boolean): vscode.TreeItem {
  const { paper } = node;
  const item = new vscode.TreeItem(paper.label, vscode.TreeItemCollapsibleState.None);
  item.id = `${node.parent.id}/${paper.id}`;
  item.description = paperDescription(paper);
  item.tooltip = paperTooltip(paper, snapshot?.collectionNames);
  item.iconPath = new vscode.ThemeIcon(starred ? 'star-full' : paper.title ? 'file-text' : 'note');
  item.contextValue = starred ? 'paper.starred' : 'paper';
  item.command = { command: Commands.openPaper, title: 'Open Abstract', arguments: [paper.id] };
  return item;
}
