import * as vscode from 'vscode';
import { Commands } from '../../host/ids';
import { paperOf } from '../../host/paperArgument';
import type { Services } from '../../host/services';
import { searchPapers, showRelatedPapers } from './searchPick';

/** `Papers: Search…` (a query can be passed from code) and `Papers: Show Related Papers`. */
export function register(services: Services): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(Commands.search, (query?: unknown) => searchPapers(services, query)),
    vscode.commands.registerCommand(Commands.showRelated, async (argument: unknown) => {
      const paper = await paperOf(argument, services);
      if (paper) {
        await showRelatedPapers(services, paper.id);
      }
    }),
  );
}
