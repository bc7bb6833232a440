import * as vscode from 'vscode';
import type { Paper } from '../corpus/paper';
import { byDateDescending } from '../corpus/grouping';
import { Settings } from '../ids';
import type { LibraryService, LibrarySnapshot } from '../library/libraryService';
import type { RecentPapers } from '../library/recentPapers';
import { findMatches } from '../search/highlight';
import type { SearchHit } from '../search/index';
import { snippet } from '../search/snippet';
import type { AbstractPanels, Highlight } from '../webview/abstractPanel';
import { paperDescription } from '../views/paperPresentation';

/** Quick picks draw `$(name)` as an icon; paper text must show as written. */
function noIcons(text: string): string {
  return text.replace(/\$\(/g, '\\$(');
}

interface PaperPickItem extends vscode.QuickPickItem {
  readonly paperId?: string;
  readonly highlight?: Highlight;
}

/**
 * `Papers: Search…`: a quick pick that searches as the user types. MiniSearch
 * does the matching, so every item has `alwaysShow` (VS Code would otherwise
 * filter our hits again by its own rules and hide some).
 */
export async function searchPapers(
  service: LibraryService,
  panels: AbstractPanels,
  recent: RecentPapers,
  initialQuery?: string,
): Promise<void> {
  const pick = vscode.window.createQuickPick<PaperPickItem>();
  const disposables: vscode.Disposable[] = [pick];
  try {
    pick.title = 'Search Papers';
    pick.placeholder = 'Type words from a title or abstract: xLSTM, landmark attention, quantization…';
    pick.matchOnDescription = false;
    pick.matchOnDetail = false;
    pick.busy = true;
    pick.value = typeof initialQuery === 'string' ? initialQuery : '';
    pick.show();
    const snapshot = await service.ready();
    const update = (value: string) => {
      pick.items = value.trim() ? searchItems(snapshot, value, pick) : browseItems(snapshot, recent, pick);
    };
    update(pick.value);
    pick.busy = false;
    const chosen = await new Promise<PaperPickItem | undefined>((resolve) => {
      disposables.push(
        pick.onDidChangeValue(update),
        // Enter before any hit is listed (or on nothing) keeps the pick open rather than closing it empty-handed.
        pick.onDidAccept(() => pick.selectedItems[0]?.paperId && resolve(pick.selectedItems[0])),
        pick.onDidHide(() => resolve(undefined)),
      );
    });
    if (chosen?.paperId) {
      pick.hide();
      await recent.add(chosen.paperId);
      await panels.show(chosen.paperId, chosen.highlight);
    }
  } finally {
    disposables.forEach((d) => d.dispose());
  }
}

function searchItems(snapshot: LibrarySnapshot, value: string, pick: vscode.QuickPick<PaperPickItem>): PaperPickItem[] {
  const limit = vscode.workspace.getConfiguration(Settings.section).get<number>(Settings.maxResults, 50);
  const results = snapshot.index.search(value, { limit });
  const shown = results.hits.length;
  pick.title =
    results.total === 0
      ? 'Search Papers: no papers match'
      : `Search Papers: ${results.total} match${results.total === 1 ? '' : 'es'}${results.total > shown ? `, best ${shown} shown` : ''}`;
  const last = results.query.words[results.query.words.length - 1];
  const prefixes = results.query.lastIsPrefix && last ? [last.joined] : [];
  return results.hits.map((hit) => hitItem(hit, snapshot, prefixes));
}

function hitItem(hit: SearchHit, snapshot: LibrarySnapshot, prefixes: readonly string[]): PaperPickItem {
  const terms = new Set(hit.terms);
  const matches = findMatches(hit.paper.abstract, terms, prefixes);
  return {
    ...paperItem(hit.paper, snapshot),
    detail: noIcons(snippet(hit.paper.abstract, matches)),
    highlight: { terms: [...terms], prefixes },
  };
}

function browseItems(snapshot: LibrarySnapshot, recent: RecentPapers, pick: vscode.QuickPick<PaperPickItem>): PaperPickItem[] {
  const { library } = snapshot;
  pick.title = `Search Papers: ${library.papers.length} papers`;
  const recentPapers = recent.ids.map((id) => library.byId.get(id)).filter((p): p is Paper => p !== undefined);
  const rest = [...library.papers].sort(byDateDescending);
  const items: PaperPickItem[] = [];
  if (recentPapers.length > 0) {
    items.push({ label: 'Recently opened', kind: vscode.QuickPickItemKind.Separator });
    items.push(...recentPapers.map((p) => paperItem(p, snapshot)));
    items.push({ label: 'All papers', kind: vscode.QuickPickItemKind.Separator });
  }
  items.push(...rest.map((p) => paperItem(p, snapshot)));
  return items;
}

function paperItem(paper: Paper, snapshot: LibrarySnapshot): PaperPickItem {
  const collections = paper.collections.map((c) => snapshot.collectionNames.get(c) ?? c).join(', ');
  return {
    label: noIcons(paper.label),
    description: noIcons([paperDescription(paper), collections].filter(Boolean).join(' · ')),
    detail: noIcons(snippet(paper.abstract, [])),
    alwaysShow: true,
    paperId: paper.id,
  };
}
