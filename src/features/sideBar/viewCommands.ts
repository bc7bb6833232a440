import * as vscode from 'vscode';
import { Commands } from '../../host/ids';
import type { ViewOptions } from '../../host/viewOptions';

/** The side bar's title-bar commands: grouping, order, the filter, and the way to the settings. */
export function registerViewCommands(options: ViewOptions): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(Commands.groupByCollection, () => options.setGroupBy('collection')),
    vscode.commands.registerCommand(Commands.groupByYear, () => options.setGroupBy('year')),
    vscode.commands.registerCommand(Commands.groupByCategory, () => options.setGroupBy('category')),
    vscode.commands.registerCommand(Commands.groupByAuthor, () => options.setGroupBy('author')),
    vscode.commands.registerCommand(Commands.groupByVenue, () => options.setGroupBy('venue')),
    vscode.commands.registerCommand(Commands.sortByDate, () => options.setSortBy('date')),
    vscode.commands.registerCommand(Commands.sortByUpvotes, () => options.setSortBy('upvotes')),
    vscode.commands.registerCommand(Commands.sortByTitle, () => options.setSortBy('title')),
    vscode.commands.registerCommand(Commands.filterLibrary, async (filter?: unknown) => {
      const text =
        typeof filter === 'string'
          ? filter
          : await vscode.window.showInputBox({
              title: 'Filter Library',
              value: options.filter ?? '',
              placeHolder:
                'Words or filters: diffusion, has:code, year:2024, upvotes:>10, in:daily, author:hinton, venue:neurips',
              prompt: 'The Library, Has Code and Top Upvoted show only the papers that match. Empty shows everything.',
            });
      if (text !== undefined) {
        options.setFilter(text);
      }
    }),
    vscode.commands.registerCommand(Commands.clearFilter, () => options.setFilter(undefined)),
    vscode.commands.registerCommand(Commands.openSettings, () =>
      vscode.commands.executeCommand('workbench.action.openSettings', 'papers.'),
    ),
  );
}
