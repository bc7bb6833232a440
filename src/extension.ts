import * as vscode from 'vscode';
import type { PaperExplorerApi } from './api';
import * as abstractTab from './features/abstractTab';
import * as bibliographyProblems from './features/bibliographyProblems';
import * as citing from './features/citing';
import * as sideBar from './features/sideBar';
import * as paperCommands from './features/paperCommands';
import * as search from './features/search';
import { Commands, OUTPUT_CHANNEL } from './host/ids';
import { LibraryService } from './host/libraryService';
import { RecentPapers } from './host/recentPapers';
import type { Services } from './host/services';
import { StarredPapers } from './host/starredPapers';
import { ViewOptions } from './host/viewOptions';
import { testApi } from './testApi';

/** Makes the services once and lets each feature register itself; everything is released through `context.subscriptions`. */
export function activate(context: vscode.ExtensionContext): PaperExplorerApi {
  const output = vscode.window.createOutputChannel(OUTPUT_CHANNEL, { log: true });
  const base = {
    extensionUri: context.extensionUri,
    output,
    library: new LibraryService(context.extensionUri, context.globalStorageUri, output),
    starred: new StarredPapers(context.globalState),
    recent: new RecentPapers(context.globalState),
    viewOptions: new ViewOptions(),
  };
  const abstracts = new abstractTab.AbstractPanels(base);
  const services: Services = { ...base, abstracts };
  const views = sideBar.register(services);
  const { library, starred, recent, viewOptions } = base;
  context.subscriptions.push(
    output,
    library,
    starred,
    recent,
    viewOptions,
    abstracts,
    views,
    abstractTab.register(services),
    search.register(services),
    paperCommands.register(services),
    citing.register(services),
    bibliographyProblems.register(services),
    vscode.commands.registerCommand(Commands.reload, () => library.reload()),
    vscode.commands.registerCommand(Commands.showOutput, () => output.show()),
  );
  const api: PaperExplorerApi = {
    ready: () => library.ready(),
    search: async (query, limit) => (await library.ready()).index.search(query, { limit }),
  };
  return context.extensionMode === vscode.ExtensionMode.Test ? testApi(api, services, views, abstracts) : api;
}
