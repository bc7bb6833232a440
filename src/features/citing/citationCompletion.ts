import * as vscode from 'vscode';
import { citationAt } from '../../core/cite/citationContext';
import { citationCandidates } from '../../core/cite/citationCandidates';
import { citationLanguageOf } from '../../core/cite/citationLanguage';
import { paperHoverMarkdown, shortByline } from '../../core/cite/paperHover';
import { truncateWords } from '../../core/model/label';
import type { Paper } from '../../core/model/paper';
import { BIDI_CONTROLS } from '../../core/text/text';
import { Settings } from '../../host/ids';
import type { CitationLookup } from './citationLookup';
import { bibliographiesOf } from './documentBibliographies';

/** `{` and `,` start a LaTeX key, `@` a Pandoc one. */
export const COMPLETION_TRIGGERS = ['{', ',', '@'];
const TITLE_LENGTH = 80;

/** Labels and details are plain text, but direction controls would still make a title read as something else. */
function plain(text: string): string {
  return text.replace(BIDI_CONTROLS, '').replace(/\s+/g, ' ').trim();
}

/**
 * Citation keys inside `\cite{…}` and its kin, and after `@` in Pandoc citations. What was typed is searched as the
 * quick pick searches it (the exact key first, then keys that start with it, then title words, authors and the
 * abstract), so `\cite{speculative` offers the speculative-decoding papers. The list is marked incomplete, so VS
 * Code asks again as the writer types instead of filtering the first answer by key.
 */
export class CitationCompletion implements vscode.CompletionItemProvider {
  private readonly papers = new WeakMap<vscode.CompletionItem, Paper>();

  constructor(private readonly lookup: CitationLookup) {}

  async provideCompletionItems(
    document: vscode.TextDocument,
    position: vscode.Position,
    token: vscode.CancellationToken,
  ): Promise<vscode.CompletionList | undefined> {
    const language = citationLanguageOf(document.languageId);
    const typed = language && citationAt(document.getText(), language, document.offsetAt(position))?.typed;
    if (!typed) {
      return undefined;
    }
    const library = await this.lookup.ready();
    if (token.isCancellationRequested) {
      return undefined;
    }
    const own = new Set(bibliographiesOf(document).map((b) => b.uri.toString()));
    const limit = vscode.workspace.getConfiguration(Settings.section).get<number>(Settings.maxResults, 50);
    const papers = citationCandidates(
      typed.prefix,
      {
        keys: library.keys,
        search: (query, n) => library.snapshot.index.search(query, { limit: n }).hits.map((hit) => hit.paper),
        own: () => library.snapshot.library.papers.filter((paper) => paper.collections.some((c) => own.has(c))),
      },
      limit,
    );
    const start = document.positionAt(typed.start);
    const range = {
      inserting: new vscode.Range(start, position),
      replacing: new vscode.Range(start, document.positionAt(typed.end)),
    };
    const items = papers.map((paper, rank) => {
      const key = paper.citationKey;
      const item = new vscode.CompletionItem(
        {
          label: key,
          detail: ` ${plain(truncateWords(paper.label, TITLE_LENGTH))}`,
          description: plain(shortByline(paper.bibliographic)),
        },
        vscode.CompletionItemKind.Reference,
      );
      item.range = range;
      item.insertText = key;
      // What was typed is a search, not the start of the key: every hit must pass VS Code's own filter.
      item.filterText = `${typed.prefix} ${key}`;
      item.sortText = String(rank).padStart(5, '0');
      this.papers.set(item, paper);
      return item;
    });
    return new vscode.CompletionList(items, true);
  }

  /** The abstract's start as documentation, built only for the item the writer looks at. */
  resolveCompletionItem(item: vscode.CompletionItem): vscode.CompletionItem {
    const paper = this.papers.get(item);
    if (paper) {
      const documentation = new vscode.MarkdownString(paperHoverMarkdown(paper, []));
      documentation.isTrusted = false;
      documentation.supportHtml = false;
      item.documentation = documentation;
    }
    return item;
  }
}
