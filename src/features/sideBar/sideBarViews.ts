import * as vscode from 'vscode';
import type { SortBy } from '../../core/model/grouping';
import { ContextKeys } from '../../host/contextKeys';
import { Views } from '../../host/ids';
import type { LibraryService } from '../../host/libraryService';
import type { Services } from '../../host/services';
import { Disposable } from '../../host/disposable';
import { LibraryTreeProvider, listSizes, PaperListProvider, papersWithCode, topUpvoted } from './treeProviders';
import type { ViewOptions } from '../../host/viewOptions';
import type { TreeNode } from './treeNodes';
import { registerViewCommands } from './viewCommands';

const SORT_NAMES: Record<SortBy, string> = { date: 'newest first', upvotes: 'most upvoted first', title: 'A to Z' };

/**
 * The side bar's three views (Library, Has Code, Top Upvoted), their title-bar commands, and what their
 * headers say: the grouping and order, the filter and how much it keeps, and
 * what Restricted Mode leaves out.
 */
export class SideBarViews extends Disposable {
  readonly library: LibraryTreeProvider;
  readonly hasCode: PaperListProvider;
  readonly topUpvoted: PaperListProvider;
  /** The views as VS Code shows them, with the headers this keeps up to date. */
  readonly treeViews: Readonly<Record<'library' | 'hasCode' | 'topUpvoted', vscode.TreeView<TreeNode>>>;
  private readonly service: LibraryService;
  private readonly options: ViewOptions;

  constructor(services: Services) {
    super();
    const { library: service, viewOptions: options } = services;
    this.service = service;
    this.options = options;
    this.library = this._register(new LibraryTreeProvider(services));
    this.hasCode = this._register(new PaperListProvider(services, Views.hasCode, papersWithCode));
    this.topUpvoted = this._register(new PaperListProvider(services, Views.topUpvoted, topUpvoted));
    this.treeViews = {
      library: this._register(
        vscode.window.createTreeView(Views.library, { treeDataProvider: this.library, showCollapseAll: true }),
      ),
      hasCode: this._register(vscode.window.createTreeView(Views.hasCode, { treeDataProvider: this.hasCode })),
      topUpvoted: this._register(vscode.window.createTreeView(Views.topUpvoted, { treeDataProvider: this.topUpvoted })),
    };
    this._register(registerViewCommands(options));
    const update = () => this.updateHeaders();
    this._register(service.onDidChange(update));
    this._register(options.onDidChange(update));
    this._register(vscode.workspace.onDidGrantWorkspaceTrust(update));
  }

  private updateHeaders(): void {
    const snapshot = this.service.current;
    if (!snapshot) {
      return;
    }
    const { options, treeViews: views } = this;
    const all = snapshot.library.papers;
    const papers = options.papers(snapshot);
    void ContextKeys.loaded.set(true);
    void ContextKeys.empty.set(all.length === 0);
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
