import * as vscode from 'vscode';
import { paperDescription } from '../../core/model/describe';
import type { Paper } from '../../core/model/paper';
import { Commands } from '../../host/ids';
import type { StarRecord } from '../../core/model/star';
import type { SideBarGroup } from '../../core/views/lists';
import { paperTooltip } from './paperPresentation';

/** A row of a side bar view: a group, a paper (inside a group or in a flat list), or a starred paper that is not loaded. */
export type TreeNode = GroupNode | PaperNode | MissingNode;

export type GroupNode = SideBarGroup;

export interface PaperNode {
  readonly kind: 'paper';
  readonly paper: Paper;
  /** The group it is listed in; none in a flat list. */
  readonly parent?: GroupNode;
  /** Tells apart the rows of one paper in different views and groups. */
  readonly idPrefix: string;
  /** The list the row is in, in order: previous and next in the abstract tab move through it. */
  readonly siblings: readonly Paper[];
}

/** A star whose paper is in none of the loaded corpus files (its file was removed or changed). */
export interface MissingNode {
  readonly kind: 'missing';
  readonly star: StarRecord;
  readonly parent: GroupNode;
}

export function paperNodes(papers: readonly Paper[], idPrefix: string, parent?: GroupNode): PaperNode[] {
  return papers.map((paper) => ({ kind: 'paper', paper, idPrefix, siblings: papers, ...(parent && { parent }) }));
}

export function childrenOf(group: GroupNode): TreeNode[] {
  const missing = (group.missing ?? []).map((star): MissingNode => ({ kind: 'missing', star, parent: group }));
  return [...paperNodes(group.papers, group.id, group), ...missing];
}

export function parentOf(node: TreeNode): TreeNode | undefined {
  return node.kind === 'group' ? undefined : node.parent;
}

/** What the views need to draw a paper row: the readable collection names and whether it is starred. */
export interface TreeRowContext {
  readonly collectionNames?: ReadonlyMap<string, string>;
  isStarred(id: string): boolean;
}

export function treeItemOf(node: TreeNode, context: TreeRowContext): vscode.TreeItem {
  switch (node.kind) {
    case 'group':
      return groupItem(node);
    case 'missing':
      return missingItem(node);
    case 'paper':
      return paperTreeItem(node, context);
  }
}

function groupItem(group: GroupNode): vscode.TreeItem {
  const count = group.papers.length + (group.missing?.length ?? 0);
  const item = new vscode.TreeItem(
    group.label,
    group.expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed,
  );
  item.id = group.id;
  item.description = String(count);
  item.tooltip = `${group.label}: ${count} paper${count === 1 ? '' : 's'}`;
  item.iconPath = new vscode.ThemeIcon(group.icon);
  item.contextValue = 'group';
  return item;
}

function missingItem(node: MissingNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.star.label, vscode.TreeItemCollapsibleState.None);
  item.id = `${node.parent.id}/missing/${node.star.id}`;
  item.description = 'missing';
  item.tooltip =
    'Starred, but in none of the loaded corpus files. It comes back when its file does; unstar it to forget it.';
  item.iconPath = new vscode.ThemeIcon('warning');
  item.contextValue = 'missing';
  return item;
}

function paperTreeItem(node: PaperNode, context: TreeRowContext): vscode.TreeItem {
  const { paper } = node;
  const starred = context.isStarred(paper.id);
  const item = new vscode.TreeItem(paper.label, vscode.TreeItemCollapsibleState.None);
  item.id = `${node.idPrefix}/${paper.id}`;
  item.description = paperDescription(paper);
  item.tooltip = paperTooltip(paper, context.collectionNames);
  item.iconPath = new vscode.ThemeIcon(starred ? 'star-full' : paper.title ? 'file-text' : 'note');
  item.contextValue = starred ? 'paper.starred' : 'paper';
  item.command = { command: Commands.openPaper, title: 'Open Abstract', arguments: [paper.id, idsOf(node.siblings)] };
  return item;
}

/** One id list per list of rows, not one per row. */
const ids = new WeakMap<readonly Paper[], readonly string[]>();

function idsOf(papers: readonly Paper[]): readonly string[] {
  let list = ids.get(papers);
  if (!list) {
    ids.set(papers, (list = papers.map((p) => p.id)));
  }
  return list;
}
