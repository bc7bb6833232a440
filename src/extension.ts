import * as vscode from 'vscode';
import { registerPaperCommands } from './features/paperCommands/paperCommands';
import { searchPapers } from './features/search/searchPick';
import { Commands, OUTPUT_CHANNEL } from './host/ids';
import { LibraryService, type LibrarySnapshot } from './host/libraryService';
import { RecentPapers } from './host/recentPapers';
import { StarredPapers } from './host/starredPapers';
import type { SearchResults } from './core/search/engine';
import { registerLibraryViewCommands } from './features/libraryViews/libraryViewCommands';
import { LibraryViewOptions } from './features/libraryViews/libraryViewOptions';
import { PaperViews } from './features/libraryViews/paperViews';
import { AbstractPanels } from './features/abstractTab/abstractPanel';

/** What `activate` returns: for the integration tests and for other extensions. */
export interface PaperExplorerApi {
  /** Resolves once the corpus is indexed. */
  ready(): Promise<LibrarySnapshot>;
  search(query: string, limit?: number): Promise<SearchResults>;
  /** The side bar's views and their options. */
  readonly views: PaperViews;
  readonly viewOptions: LibraryViewOptions;
  readonly starred: StarredPapers;
  readonly recent: RecentPapers;
  /** The open abstract tabs and the HTML each one shows. */
  openAbstracts(): { paperId: string; title: string; html: string }[];
}

export function activate(context: vscode.ExtensionContext): PaperExplorerApi {
  const output = vscode.window.createOutputChannel(OUTPUT_CHANNEL, { log: true });
  const service = new LibraryService(context.extensionUri, context.globalStorageUri, output);
  const recent = new RecentPapers(context.globalState);
  const starred = new StarredPapers(context.globalState);
  const viewOptions = new LibraryViewOptions();
  const panels = new AbstractPanels(context.extensionUri, service, starred, recent, viewOptions, output);
  const views = new PaperViews(service, starred, recent, viewOptions);

  context.subscriptions.push(
    output,
    service,
    starred,
    recent,
    panels,
    viewOptions,
    views,
    vscode.commands.registerCommand(Commands.search, (query?: string) =>
      searchPapers(
        service,
        panels,
        starred,
        () => recent.ids,
        (filter) => viewOptions.setFilter(filter),
        query,
      ),
    ),
    ...registerPaperCommands(service, panels, starred),
    ...registerLibraryViewCommands(viewOptions),
    vscode.commands.registerCommand(Commands.reload, () => service.reload()),
    vscode.commands.registerCommand(Commands.showOutput, () => output.show()),
  );

  return {
    ready: () => service.ready(),
    search: async (query, limit) => (await service.ready()).index.search(query, { limit }),
    views,
    viewOptions,
    starred,
    recent,
    openAbstracts: () => panels.describe(),
  };
}

export function deactivate(): void {
  // Everything is released through context.subscriptions.
}
