import * as vscode from 'vscode';
import { groupPapers, sortPapers, type GroupBy } from '../../core/model/grouping';
import type { Paper } from '../../core/model/paper';
import type { LibrarySnapshot } from '../../core/library/snapshot';
import type { LibraryService } from '../../host/libraryService';
import type { RecentPapers } from '../../host/recentPapers';
import type { Services } from '../../host/services';
import type { StarredPapers } from '../../host/starredPapers';
import { Disposable } from '../../host/disposable';
import type { ViewOptions } from '../../host/viewOptions';
import { childrenOf, paperNodes, parentOf, treeItemOf, type GroupNode, type TreeNode } from './treeNodes';

/** The codicon of a group, by what the tree is grouped by. */
const GROUP_ICONS: Record<GroupBy, string> = {
  collection: 'library',
  year: 'calendar',
  category: 'tag',
  author: 'person',
  venue: 'book',
};

/**
 * What the side bar's views have in common: they redraw when the library, the
 * stars, the recent list or the view options change, and draw rows the same way.
 */
abstract class PaperTreeProvider extends Disposable implements vscode.TreeDataProvider<TreeNode> {
  private readonly changed = this._register(new vscode.EventEmitter<TreeNode | undefined>());
  readonly onDidChangeTreeData = this.changed.event;

  protected readonly service: LibraryService;
  protected readonly starred: StarredPapers;
  protected readonly options: ViewOptions;

  constructor(services: Services, events: readonly vscode.Event<unknown>[] = []) {
    super();
    this.service = services.library;
    this.starred = services.starred;
    this.options = services.viewOptions;
    for (const event of [this.service.onDidChange, this.starred.onDidChange, this.options.onDidChange, ...events]) {
      this._register(event(() => this.changed.fire(undefined)));
    }
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (node) {
      return node.kind === 'group' ? childrenOf(node) : [];
    }
    return this.roots(await this.service.ready());
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return parentOf(node);
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return treeItemOf(node, {
      collectionNames: this.service.current?.collectionNames,
      isStarred: (id) => this.starred.has(id),
    });
  }

  protected abstract roots(snapshot: LibrarySnapshot): TreeNode[];
}

/** The side bar's `Library`: Starred and Recently Opened on top, then the papers by collection or by year, with counts. */
export class LibraryTreeProvider extends PaperTreeProvider {
  private readonly recent: RecentPapers;

  constructor(services: Services) {
    super(services, [services.recent.onDidChange]);
    this.recent = services.recent;
  }

  protected roots(snapshot: LibrarySnapshot): TreeNode[] {
    const { library } = snapshot;
    const visible = this.options.papers(snapshot);
    const shown = visible === library.papers ? undefined : new Set(visible.map((p) => p.id));
    const pick = (ids: readonly string[]) =>
      ids.map((id) => library.byId.get(id)).filter((p): p is Paper => p !== undefined && (!shown || shown.has(p.id)));
    const stars = this.starred.all;
    const groups: GroupNode[] = groupPapers(
      library,
      sortPapers(visible, this.options.sortBy, vscode.env.language),
      this.options.groupBy,
      vscode.env.language,
    ).map((group) => ({
      ...group,
      icon: GROUP_ICONS[this.options.groupBy],
    }));
    const starredGroup: GroupNode = {
      kind: 'group',
      id: 'starred',
      label: 'Starred',
      icon: 'star-full',
      expanded: true,
      papers: pick(stars.map((s) => s.id)),
      // A filtered view lists what matches; a missing star has no text to match.
      missing: shown ? [] : stars.filter((s) => !library.byId.has(s.id)),
    };
    const recentGroup: GroupNode = {
      kind: 'group',
      id: 'recent',
      label: 'Recently Opened',
      icon: 'history',
      papers: pick(this.recent.ids),
    };
    const special = [starredGroup, recentGroup].filter((g) => g.papers.length + (g.missing?.length ?? 0) > 0);
    // Filtered, a group with nothing left would only be noise.
    return [...special, ...groups.filter((g) => !shown || g.papers.length > 0)];
  }
}

/** How many papers `Top Upvoted` lists. */
const TOP_UPVOTED = 50;

/** A flat list of papers: `Has Code` and `Top Upvoted`. */
export class PaperListProvider extends PaperTreeProvider {
  constructor(
    services: Services,
    private readonly idPrefix: string,
    private readonly select: (papers: readonly Paper[], options: ViewOptions) => readonly Paper[],
  ) {
    super(services);
  }

  protected roots(snapshot: LibrarySnapshot): TreeNode[] {
    return paperNodes(this.select(this.options.papers(snapshot), this.options), this.idPrefix);
  }
}

const hasCode = (paper: Paper) => paper.hasCode;
const hasUpvotes = (paper: Paper) => paper.upvotes !== undefined;

/** Papers whose abstract links a code repository, in the Library's order. */
export function papersWithCode(papers: readonly Paper[], options: ViewOptions): readonly Paper[] {
  return sortPapers(papers.filter(hasCode), options.sortBy, vscode.env.language);
}

/** The most upvoted papers, most first. */
export function topUpvoted(papers: readonly Paper[]): readonly Paper[] {
  return sortPapers(papers.filter(hasUpvotes), 'upvotes').slice(0, TOP_UPVOTED);
}

/** How many papers `Has Code` and `Top Upvoted` list, counted without sorting them, for the views' headers. */
export function listSizes(papers: readonly Paper[]): { readonly hasCode: number; readonly topUpvoted: number } {
  let withCode = 0;
  let upvoted = 0;
  for (const paper of papers) {
    withCode += hasCode(paper) ? 1 : 0;
    upvoted += hasUpvotes(paper) ? 1 : 0;
  }
  return { hasCode: withCode, topUpvoted: Math.min(upvoted, TOP_UPVOTED) };
}
