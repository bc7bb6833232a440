import * as vscode from 'vscode';
import type { Paper } from '../corpus/paper';
import { byDateDescending } from '../corpus/grouping';
import { readableTex, truncateWords } from '../corpus/label';
import { Settings } from '../ids';
import type { LibraryService, LibrarySnapshot } from '../library/libraryService';
import type { RecentPapers } from '../library/recentPapers';
import { findMatches } from '../search/highlight';
import type { SearchHit } from '../search/index';
import { snippet } from '../search/snippet';
import type { AbstractPanels, Highlight } from '../webview/abstractPanel';
import { collectionNamesOf, paperDescription } from '../corpus/describe';

/** Quick picks draw `$(name)` as an icon; paper text must show as written. */
function noIcons(text: string): string {
  return text.replace(/\$\(/g, '\\$(');
}

interface PaperPickItem extends vscode.QuickPickItem {
  readonly paperId?: string;
  readonly highlight?: Highlight;
}

const RELATED_BUTTON: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('references'), tooltip: 'Related Papers' };
const RELATED_COUNT = 10;

/**
 * `Papers: Search…`: a quick pick that searches as the user types. The index
 * does the matching, so every item has `alwaysShow` (VS Code would otherwise
 * hide the hits its own matcher does not find). VS Code still highlights the
 * typed text in labels and lists labels that contain it first; turning that
 * off needs the proposed `sortByLabel` API (microsoft/vscode#73904).
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
    const chosen = await new Promise<{ item: PaperPickItem; related: boolean } | undefined>((resolve) => {
      disposables.push(
        pick.onDidChangeValue(update),
        // Enter before any hit is listed (or on nothing) keeps the pick open rather than closing it empty-handed.
        pick.onDidAccept(() => pick.selectedItems[0]?.paperId && resolve({ item: pick.selectedItems[0], related: false })),
        pick.onDidTriggerItemButton((event) => resolve({ item: event.item, related: true })),
        pick.onDidHide(() => resolve(undefined)),
      );
    });
    pick.hide();
    if (chosen?.item.paperId && chosen.related) {
      await showRelatedPapers(service, panels, recent, chosen.item.paperId);
    } else if (chosen?.item.paperId) {
      await recent.add(chosen.item.paperId);
      await panels.show(chosen.item.paperId, chosen.item.highlight);
    }
  } finally {
    disposables.forEach((d) => d.dispose());
  }
}

/** `Papers: Show Related Papers`: the papers most like this one, by its own title and abstract. */
export async function showRelatedPapers(service: LibraryService, panels: AbstractPanels, recent: RecentPapers, paperId: string): Promise<void> {
  const snapshot = await service.ready();
  const paper = snapshot.library.byId.get(paperId);
  if (!paper) {
    void vscode.window.showWarningMessage('Papers: that paper is no longer in the library.');
    return;
  }
  // showQuickPick reports no button presses, so these items carry none.
  const items = snapshot.index.related(paper.id, RELATED_COUNT).map((hit) => ({ ...paperItem(hit.paper, snapshot), buttons: [] }));
  const chosen = await vscode.window.showQuickPick(items, {
    title: `Related to ${truncateWords(readableTex(paper.label), 60)}`,
    placeHolder: items.length > 0 ? 'Papers with the most words in common, best first' : 'No related papers',
    matchOnDescription: true,
  });
  if (chosen?.paperId) {
    await recent.add(chosen.paperId);
    await panels.show(chosen.paperId);
  }
}

function searchItems(snapshot: LibrarySnapshot, value: string, pick: vscode.QuickPick<PaperPickItem>): PaperPickItem[] {
  const limit = vscode.workspace.getConfiguration(Settings.section).get<number>(Settings.maxResults, 50);
  const results = snapshot.index.search(value, { limit });
  const shown = results.hits.length;
  const count =
    results.total === 0
      ? 'no papers match'
      : `${results.total} match${results.total === 1 ? '' : 'es'}${results.total > shown ? `, best ${shown} shown` : ''}`;
  const filters = results.query.description;
  pick.title = noIcons(`Search Papers: ${count}${filters.length > 0 ? ` · ${filters.join(', ')}` : ''}`);
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
  const collections = collectionNamesOf(paper, snapshot.collectionNames).join(', ');
  return {
    label: noIcons(paper.label),
    description: noIcons([paperDescription(paper), collections].filter(Boolean).join(' · ')),
    detail: noIcons(snippet(paper.abstract, [])),
    alwaysShow: true,
    buttons: [RELATED_BUTTON],
    paperId: paper.id,
  };
}
