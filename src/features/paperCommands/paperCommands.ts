import * as vscode from 'vscode';
import { citationLine, collectionNamesOf, paperMarkdown, paperSearchUrls } from '../../core/model/describe';
import type { Paper } from '../../core/model/paper';
import { Commands, ContextKeys } from '../../host/ids';
import type { LibraryService } from '../../host/libraryService';
import type { StarredPapers } from '../../host/starredPapers';
import type { AbstractPanels } from '../abstractTab/abstractPanel';
import { paperIdOf } from '../../host/paperArgument';
import { showRelatedPapers } from '../search/searchPick';

/**
 * The commands that act on one paper: from the Library's context menu (which passes the tree node), the
 * abstract tab's title bar or the palette (which act on the abstract in front), or code (an id).
 */
export function registerPaperCommands(
  service: LibraryService,
  panels: AbstractPanels,
  starred: StarredPapers,
): vscode.Disposable[] {
  /** The paper a command is about, or undefined after telling the user how to pick one. */
  const target = async (argument: unknown): Promise<Paper | undefined> => {
    const id = paperIdOf(argument) ?? panels.activePaperId();
    if (!id) {
      void vscode.window.showInformationMessage('Papers: open an abstract or pick a paper in the Library first.');
      return undefined;
    }
    return (await service.ready()).library.byId.get(id);
  };
  const onPaper = (command: string, action: (paper: Paper) => Thenable<unknown>) =>
    vscode.commands.registerCommand(command, async (argument: unknown) => {
      const paper = await target(argument);
      if (paper) {
        await action(paper);
      }
    });
  const copy = (text: string, what: string) =>
    vscode.env.clipboard.writeText(text).then(() => vscode.window.setStatusBarMessage(`$(copy) Copied ${what}`, 3000));

  // The abstract tab's title bar shows Star or Unstar by this key.
  const updateStarContext = () => {
    const id = panels.activePaperId();
    void vscode.commands.executeCommand('setContext', ContextKeys.activeStarred, id !== undefined && starred.has(id));
  };

  return [
    panels.onDidChangeActivePaper(updateStarContext),
    starred.onDidChange(updateStarContext),
    vscode.commands.registerCommand(Commands.openPaper, async (argument: unknown, sequence?: unknown) => {
      const id = paperIdOf(argument);
      if (id) {
        await panels.show(id, isIdList(sequence) ? { sequence } : {});
      }
    }),
    onPaper(Commands.showRelated, (paper) => showRelatedPapers(service, panels, paper.id)),
    onPaper(Commands.openToSide, (paper) => panels.show(paper.id, { viewColumn: vscode.ViewColumn.Beside })),
    vscode.commands.registerCommand(Commands.previousPaper, () => panels.step(-1)),
    vscode.commands.registerCommand(Commands.nextPaper, () => panels.step(1)),
    onPaper(Commands.star, (paper) => starred.star({ id: paper.id, label: paper.label })),
    // By id, not through `onPaper`: a missing star's paper is not in the library to look up.
    vscode.commands.registerCommand(Commands.unstar, async (argument: unknown) => {
      const id = paperIdOf(argument) ?? panels.activePaperId();
      if (id) {
        await starred.unstar(id);
      }
    }),
    onPaper(Commands.copyTitle, (paper) => copy(paper.title ?? paper.label, 'the title')),
    onPaper(Commands.copyMarkdown, (paper) =>
      copy(paperMarkdown(paper, collectionNamesOf(paper, service.current?.collectionNames)), 'the paper as Markdown'),
    ),
    onPaper(Commands.copyCitation, (paper) =>
      copy(citationLine(paper, collectionNamesOf(paper, service.current?.collectionNames)), 'a citation line'),
    ),
    onPaper(Commands.searchArxiv, (paper) =>
      vscode.env.openExternal(vscode.Uri.parse(paperSearchUrls(paper).arxiv, true)),
    ),
    onPaper(Commands.searchHuggingFace, (paper) =>
      vscode.env.openExternal(vscode.Uri.parse(paperSearchUrls(paper).huggingFace, true)),
    ),
  ];
}

/** A tree row passes the ids of its group, for previous and next; anything else is ignored. */
function isIdList(value: unknown): value is readonly string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}
