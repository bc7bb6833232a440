import * as vscode from 'vscode';
import { citationLanguageOf } from '../../core/cite/citationLanguage';
import { hoverTargetsAt } from '../../core/cite/hoverTargets';
import { paperHoverMarkdown, type HoverCommand } from '../../core/cite/paperHover';
import type { Paper } from '../../core/model/paper';
import { Commands } from '../../host/ids';
import type { CitationLookup } from './citationLookup';

/** Papers one key can name when files disagree: more would only make the hover scroll. */
const MAX_PAPERS = 3;

/** The commands a paper's hover links to; its Markdown trusts these and no other. */
export const HOVER_COMMANDS = [Commands.openPaper, Commands.copyBibtex, Commands.insertCitation] as const;

function links(paper: Paper): HoverCommand[] {
  return [
    { title: 'Open Abstract', command: Commands.openPaper, args: [paper.id] },
    { title: 'Copy BibTeX', command: Commands.copyBibtex, args: [paper.id] },
    { title: 'Insert Citation', command: Commands.insertCitation, args: [paper.id] },
  ];
}

/**
 * Title, authors, year, venue and the abstract's start for the citation key, arXiv id or DOI under the pointer, in
 * any text document. Paper text is escaped into the Markdown (a title cannot add a link, an image or HTML), HTML is
 * off, and only the hover's own commands are enabled. A document that cannot cite does not load the library for a
 * hover: it answers from the library once something else has loaded it.
 */
export class PaperHoverProvider implements vscode.HoverProvider {
  constructor(private readonly lookup: CitationLookup) {}

  async provideHover(
    document: vscode.TextDocument,
    position: vscode.Position,
    token: vscode.CancellationToken,
  ): Promise<vscode.Hover | undefined> {
    const language = citationLanguageOf(document.languageId);
    const targets = hoverTargetsAt(document.getText(), language, document.offsetAt(position));
    if (targets.length === 0) {
      return undefined;
    }
    const library = language ? await this.lookup.ready() : this.lookup.current;
    if (!library || token.isCancellationRequested) {
      return undefined;
    }
    for (const target of targets) {
      const papers = library.papersFor(target);
      if (papers.length > 0) {
        const markdown = new vscode.MarkdownString(
          papers
            .slice(0, MAX_PAPERS)
            .map((paper) => paperHoverMarkdown(paper, links(paper)))
            .join('\n\n---\n\n'),
        );
        markdown.isTrusted = { enabledCommands: [...HOVER_COMMANDS] };
        markdown.supportHtml = false;
        markdown.supportThemeIcons = false;
        const range = new vscode.Range(document.positionAt(target.start), document.positionAt(target.end));
        return new vscode.Hover(markdown, range);
      }
    }
    return undefined;
  }
}
