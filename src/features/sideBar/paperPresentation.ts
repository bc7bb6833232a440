import * as vscode from 'vscode';
import type { Paper } from '../../core/model/paper';
import { collectionNamesOf, paperDescription } from '../../core/model/describe';
import { truncateWords } from '../../core/model/label';
import { texToPlainText } from '../../core/text/tex';

/** How much of the abstract a tooltip shows. */
const TOOLTIP_ABSTRACT_LENGTH = 400;

/**
 * A tooltip with the title and the start of the abstract. Untrusted, no HTML,
 * and the paper's text is added with `appendText`, so nothing in it becomes
 * a link or a command.
 */
export function paperTooltip(paper: Paper, collectionNames?: ReadonlyMap<string, string>): vscode.MarkdownString {
  const tooltip = new vscode.MarkdownString(undefined, false);
  tooltip.isTrusted = false;
  tooltip.supportHtml = false;
  tooltip.appendMarkdown('**');
  tooltip.appendText(paper.label);
  tooltip.appendMarkdown('**\n\n');
  const meta = paperDescription(paper);
  const collections = collectionNamesOf(paper, collectionNames).join(', ');
  tooltip.appendText([meta, collections].filter(Boolean).join(' · '));
  tooltip.appendMarkdown('\n\n');
  tooltip.appendText(
    paper.abstract ? truncateWords(texToPlainText(paper.abstract), TOOLTIP_ABSTRACT_LENGTH) : 'No abstract.',
  );
  return tooltip;
}
