import * as vscode from 'vscode';
import type { Paper } from '../corpus/paper';
import { truncateWords } from '../corpus/label';

/** How much of the abstract a tooltip shows. */
const TOOLTIP_ABSTRACT_LENGTH = 400;

/** The short metadata beside a paper's name: date, authors or organisation, upvotes. */
export function paperDescription(paper: Paper): string {
  const parts: string[] = [];
  if (paper.date) {
    parts.push(paper.date.text);
  }
  if (paper.authors !== undefined) {
    parts.push(`${paper.authors} author${paper.authors === 1 ? '' : 's'}`);
  } else if (paper.organization) {
    parts.push(paper.organization);
  }
  if (paper.upvotes !== undefined) {
    parts.push(`▲ ${paper.upvotes}`);
  }
  return parts.join(' · ');
}

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
  const collections = paper.collections.map((c) => collectionNames?.get(c) ?? c).join(', ');
  tooltip.appendText([meta, collections].filter(Boolean).join(' · '));
  tooltip.appendMarkdown('\n\n');
  tooltip.appendText(paper.abstract ? truncateWords(paper.abstract.replace(/\s+/g, ' '), TOOLTIP_ABSTRACT_LENGTH) : 'No abstract.');
  return tooltip;
}
