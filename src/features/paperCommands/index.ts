import * as vscode from 'vscode';
import { citationLine, collectionNamesOf, paperMarkdown, paperSearchUrls } from '../../core/model/describe';
import type { Paper } from '../../core/model/paper';
import { paperBibtex } from '../../core/cite/bibtexWriter';
import { Commands, type CommandId } from '../../host/ids';
import { paperIdOf, paperOf } from '../../host/paperArgument';
import type { Services } from '../../host/services';

/**
 * The commands that act on one paper: from the Library's context menu (which passes the tree node), the
 * abstract tab's title bar or the palette (which act on the abstract in front), or code (an id).
 */
export function register(services: Services): vscode.Disposable {
  const { library, starred, abstracts } = services;
  const onPaper = (command: CommandId, action: (paper: Paper) => Thenable<unknown>) =>
    vscode.commands.registerCommand(command, async (argument: unknown) => {
      const paper = await paperOf(argument, services);
      if (paper) {
        await action(paper);
      }
    });
  const copy = (text: string, what: string) =>
    vscode.env.clipboard.writeText(text).then(() => vscode.window.setStatusBarMessage(`$(copy) Copied ${what}`, 3000));
  const collectionNames = (paper: Paper) => collectionNamesOf(paper, library.current?.collectionNames);

  return vscode.Disposable.from(
    onPaper(Commands.star, (paper) => starred.star(paper)),
    library.onDidChange((snapshot) => starred.follow(snapshot.library)),
    // By id, not through `onPaper`: a missing star's paper is not in the library to look up.
    vscode.commands.registerCommand(Commands.unstar, async (argument: unknown) => {
      const id = paperIdOf(argument) ?? abstracts.activePaperId();
      if (id) {
        await starred.unstar(id);
      }
    }),
    onPaper(Commands.copyTitle, (paper) => copy(paper.label, 'the title')),
    onPaper(Commands.copyMarkdown, (paper) =>
      copy(paperMarkdown(paper, collectionNames(paper)), 'the paper as Markdown'),
    ),
    onPaper(Commands.copyCitation, (paper) => copy(citationLine(paper, collectionNames(paper)), 'a citation line')),
    onPaper(Commands.copyBibtex, (paper) => copy(paperBibtex(paper), 'the BibTeX entry')),
    onPaper(Commands.copyCitationKey, (paper) => copy(paper.citationKey, 'the citation key')),
    onPaper(Commands.searchArxiv, (paper) =>
      vscode.env.openExternal(vscode.Uri.parse(paperSearchUrls(paper).arxiv, true)),
    ),
    onPaper(Commands.searchHuggingFace, (paper) =>
      vscode.env.openExternal(vscode.Uri.parse(paperSearchUrls(paper).huggingFace, true)),
    ),
  );
}
