import * as vscode from 'vscode';
import { groupByCollection, type PaperGroup } from '../corpus/grouping';
import type { Paper } from '../corpus/paper';
import { Commands } from '../ids';
import type { LibraryService, LibrarySnapshot } from '../library/libraryService';
import { Disposable } from '../util/disposable';
import { paperDescription } from '../corpus/describe';
import { paperTooltip } from './paperPresentation';

/** A row of the Library tree: a group, or a paper inside one. Plain model objects; `getTreeItem` makes the rows. */
export type LibraryNode = PaperGroup | PaperNode;

export interface PaperNode {
  readonly kind: 'paper';
  readonly paper: Paper;
  readonly parent: PaperGroup;
}

/** The side bar's `Library`: papers grouped by collection, with counts. */
export class LibraryTreeProvider extends Disposable implements vscode.TreeDataProvider<LibraryNode> {
  private readonly changed = this._register(new vscode.EventEmitter<LibraryNode | undefined>());
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly service: LibraryService) {
    super();
    this._register(service.onDidChange(() => this.changed.fire(undefined)));
  }

  async getChildren(node?: LibraryNode): Promise<LibraryNode[]> {
    if (node?.kind === 'paper') {
      return [];
    }
    if (node) {
      return node.papers.map((paper) => ({ kind: 'paper', paper, parent: node }));
    }
    return groupByCollection((await this.service.ready()).library);
  }

  getParent(node: LibraryNode): LibraryNode | undefined {
    return node.kind === 'paper' ? node.parent : undefined;
  }

  getTreeItem(node: LibraryNode): vscode.TreeItem {
    return node.kind === 'group' ? groupItem(node) : paperItem(node, this.service.current);
  }
}

function groupItem(group: PaperGroup): vscode.TreeItem {
  const item = new vscode.TreeItem(group.label, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = group.id;
  item.description = String(group.papers.length);
  item.tooltip = `${group.label}: ${group.papers.length} paper${group.papers.length === 1 ? '' : 's'}`;
  item.iconPath = new vscode.ThemeIcon('library');
  item.contextValue = 'group';
  return item;
}

function paperItem(node: PaperNode, snapshot: LibrarySnapshot | undefined): vscode.TreeItem {
  const { paper } = node;
  const item = new vscode.TreeItem(paper.label, vscode.TreeItemCollapsibleState.None);
  item.id = `${node.parent.id}/${paper.id}`;
  item.description = paperDescription(paper);
  item.tooltip = paperTooltip(paper, snapshot?.collectionNames);
  item.iconPath = new vscode.ThemeIcon(paper.title ? 'file-text' : 'note');
  item.contextValue = 'paper';
  item.command = { command: Commands.openPaper, title: 'Open Abstract', arguments: [paper.id] };
  return item;
}
