import * as vscode from 'vscode';
import type { SortBy } from '../../core/model/grouping';
import { ContextKeys, Views } from '../../host/ids';
import type { LibraryService } from '../../host/libraryService';
import type { RecentPapers } from '../../host/recentPapers';
import type { StarredPapers } from '../../host/starredPapers';
import { Disposable } from '../../host/disposable';
import { LibraryTreeProvider, listSizes, PaperListProvider, papersWithCode, topUpvoted } from './libraryTree';
import type { LibraryViewOptions } from './libraryViewOptions';
import type { LibraryNode } from './paperNodes';

const SORT_NAMES: Record<SortBy, string> = { date: 'newest first', upvotes: 'most upvoted first', title: 'A to Z' };

/**
 * The side bar's three views (Library, Has Code, Top Upvoted) and what their
 * headers say: the grouping and order, the filter and how much it keeps, and
 * what Restricted Mode leaves out.
 */
export class PaperViews extends Disposable {
  readonly library: LibraryTreeProvider;
  readonly hasCode: PaperListProvider;
  readonly topUpvoted: PaperListProvider;
  private readonly views: Record<'library' | 'hasCode' | 'topUpvoted', vscode.TreeView<LibraryNode>>;

  constructor(
    private readonly service: LibraryService,
    starred: StarredPapers,
    recent: RecentPapers,
    private readonly options: LibraryViewOptions,
  ) {
    super();
    this.library = this._register(new LibraryTreeProvider(service, starred, options, recent));
    this.hasCode = this._register(new PaperListProvider(service, starred, options, Views.hasCode, papersWithCode));
    this.topUpvoted = this._register(new PaperListProvider(service, starred, options, Views.topUpvoted, topUpvoted));
    this.views = {
      library: this._register(
        vscode.window.createTreeView(Views.library, { treeDataProvider: this.library, showCollapseAll: true }),
      ),
      hasCode: this._register(vscode.window.createTreeView(Views.hasCode, { treeDataProvider: this.hasCode })),
      topUpvoted: this._register(vscode.window.createTreeView(Views.topUpvoted, { treeDataProvider: this.topUpvoted })),
    };
    const update = () => this.updateHeaders();
    this._register(service.onDidChange(update));
    this._register(options.onDidChange(update));
    this._register(vscode.workspace.onDidGrantWorkspaceTrust(update));
  }

  /** What each view's header says: the message under the title and the description beside it. */
  get headers(): Record<'library' | 'hasCode' | 'topUpvoted', { message?: string; description?: string }> {
    const read = (view: vscode.TreeView<LibraryNode>) => ({ message: view.message, description: view.description });
    return {
      library: read(this.views.library),
      hasCode: read(this.views.hasCode),
      topUpvoted: read(this.views.topUpvoted),
    };
  }

  private updateHeaders(): void {
    const snapshot = this.service.current;
    if (!snapshot) {
      return;
    }
    const { options, views } = this;
    const all = snapshot.library.papers;
    const papers = options.papers(snapshot);
    void vscode.commands.executeCommand('setContext', ContextKeys.loaded, true);
    void vscode.commands.executeCommand('setContext', ContextKeys.empty, all.length === 0);
    const filter =
      options.filter === undefined
        ? undefined
        : `Filtered by “${options.filter}”: ${papers.length} of ${all.length} papers.`;
    const restricted = vscode.workspace.isTrusted
      ? undefined
      : 'Restricted Mode: papers.corpus.paths from this workspace is not read; the bundled corpus and your user settings are.';
    views.library.message = [filter, restricted].filter(Boolean).join(' ') || undefined;
    views.library.description = `by ${options.groupBy}, ${SORT_NAMES[options.sortBy]}`;
    views.hasCode.message = filter;
    const sizes = listSizes(papers);
    views.hasCode.description = `${sizes.hasCode}, ${SORT_NAMES[options.sortBy]}`;
    views.topUpvoted.message = filter;
    views.topUpvoted.description = String(sizes.topUpvoted);
  }
}
