import * as vscode from 'vscode';
import { paperIdOf } from './commands/paperArgument';
import { registerPaperCommands } from './commands/paperCommands';
import { searchPapers } from './commands/searchPick';
import { Commands, OUTPUT_CHANNEL, Views } from './ids';
import { LibraryService, type LibrarySnapshot } from './library/libraryService';
import { RecentPapers } from './library/recentPapers';
import { StarredPapers } from './library/starredPapers';
import type { SearchResults } from './search/index';
import { LibraryTreeProvider } from './views/libraryTree';
import { AbstractPanels } from './webview/abstractPanel';

/** What `activate` returns: for the integration tests and for other extensions. */
export interface PaperExplorerApi {
  /** Resolves once the corpus is indexed. */
  ready(): Promise<LibrarySnapshot>;
  search(query: string, limit?: number): Promise<SearchResults>;
  readonly libraryTree: LibraryTreeProvider;
  readonly starred: StarredPapers;
  /** The open abstract tabs and the HTML each one shows. */
  openAbstracts(): { paperId: string; title: string; html: string }[];
}

export function activate(context: vscode.ExtensionContext): PaperExplorerApi {
  const output = vscode.window.createOutputChannel(OUTPUT_CHANNEL, { log: true });
  const service = new LibraryService(context.extensionUri, context.globalStorageUri, output);
  const recent = new RecentPapers(context.globalState);
  const starred = new StarredPapers(context.globalState);
  const panels = new AbstractPanels(context.extensionUri, service, output);
  const libraryTree = new LibraryTreeProvider(service, starred);
  const treeView = vscode.window.createTreeView(Views.library, { treeDataProvider: libraryTree, showCollapseAll: true });

  context.subscriptions.push(
    output,
    service,
    starred,
    panels,
    libraryTree,
    treeView,
    vscode.commands.registerCommand(Commands.search, (query?: string) => searchPapers(service, panels, recent, query)),
    vscode.commands.registerCommand(Commands.openPaper, async (paper: unknown) => {
      const id = paperIdOf(paper);
      if (id) {
        await recent.add(id);
        await panels.show(id);
      }
    }),
    ...registerPaperCommands(service, panels, recent, starred),
    vscode.commands.registerCommand(Commands.reload, () => service.reload()),
    vscode.commands.registerCommand(Commands.showOutput, () => output.show()),
  );

  return {
    ready: () => service.ready(),
    search: async (query, limit) => (await service.ready()).index.search(query, { limit }),
    libraryTree,
    starred,
    openAbstracts: () => panels.describe(),
  };
}

export function deactivate(): void {
  // Everything is released through context.subscriptions.
}
