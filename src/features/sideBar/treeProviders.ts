import * as vscode from 'vscode';
import type { Paper } from '../../core/model/paper';
import type { LibrarySnapshot } from '../../core/library/snapshot';
import type { LibraryService } from '../../host/libraryService';
import type { RecentPapers } from '../../host/recentPapers';
import type { Services } from '../../host/services';
import type { StarredPapers } from '../../host/starredPapers';
import { Disposable } from '../../host/disposable';
import type { ViewOptions } from '../../host/viewOptions';
import { libraryGroups } from '../../core/views/lists';
import { childrenOf, paperNodes, parentOf, treeItemOf, type TreeNode } from './treeNodes';

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
    return libraryGroups({
      library: snapshot.library,
      visible: this.options.papers(snapshot),
      groupBy: this.options.groupBy,
      sortBy: this.options.sortBy,
      locale: vscode.env.language,
      stars: this.starred.all,
      recentIds: this.recent.ids,
    });
  }
}

/** A flat list of papers: `Has Code` and `Top Upvoted`. */
export class PaperListProvider extends PaperTreeProvider {
  constructor(
    services: Services,
    private readonly idPrefix: string,
    private readonly select: (papers: readonly Paper[]) => readonly Paper[],
  ) {
    super(services);
  }

  protected roots(snapshot: LibrarySnapshot): TreeNode[] {
    return paperNodes(this.select(this.options.papers(snapshot)), this.idPrefix);
  }
}
