import * as vscode from 'vscode';
import { papersWithCode, topUpvoted } from '../../core/views/lists';
import { viewHeaders } from '../../core/views/headers';
import { ContextKeys } from '../../host/contextKeys';
import { Views } from '../../host/ids';
import type { LibraryService } from '../../host/libraryService';
import type { Services } from '../../host/services';
import { Disposable } from '../../host/disposable';
import { LibraryTreeProvider, PaperListProvider } from './treeProviders';
import type { ViewOptions } from '../../host/viewOptions';
import type { TreeNode } from './treeNodes';
import { registerViewCommands } from './viewCommands';

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
    this.hasCode = this._register(
      new PaperListProvider(services, Views.hasCode, (papers) =>
        papersWithCode(papers, options.sortBy, vscode.env.language),
      ),
    );
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
    const { options, treeViews } = this;
    void ContextKeys.loaded.set(true);
    void ContextKeys.empty.set(snapshot.library.papers.length === 0);
    const headers = viewHeaders({
      total: snapshot.library.papers.length,
      visible: options.papers(snapshot),
      filter: options.filter,
      groupBy: options.groupBy,
      sortBy: options.sortBy,
      trusted: vscode.workspace.isTrusted,
    });
    for (const view of ['library', 'hasCode', 'topUpvoted'] as const) {
      treeViews[view].message = headers[view].message;
      treeViews[view].description = headers[view].description;
    }
  }
}
