import * as vscode from 'vscode';
import type { Paper } from '../../core/model/paper';
import { newestPapers } from '../../core/model/grouping';
import { truncateWords } from '../../core/model/label';
import { Commands, Settings } from '../../host/ids';
import type { LibrarySnapshot } from '../../core/library/snapshot';
import type { Services } from '../../host/services';
import { noIcons } from '../../host/quickPickText';
import { findMatches, type Highlight } from '../../core/search/highlight';
import type { SearchHit } from '../../core/search/engine';
import { snippet } from '../../core/search/snippet';
import { texToPlainText } from '../../core/text/tex';
import { collectionNamesOf, paperDescription } from '../../core/model/describe';

interface PaperPickItem extends vscode.QuickPickItem {
  readonly paperId?: string;
  readonly highlight?: Highlight;
}

const RELATED_BUTTON: vscode.QuickInputButton = {
  iconPath: new vscode.ThemeIcon('references'),
  tooltip: 'Related Papers',
};
const STAR_BUTTON: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('star-empty'), tooltip: 'Star' };
const UNSTAR_BUTTON: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('star-full'), tooltip: 'Unstar' };
const COPY_BIBTEX_BUTTON: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('copy'), tooltip: 'Copy BibTeX' };
const FILTER_BUTTON: vscode.QuickInputButton = {
  iconPath: new vscode.ThemeIcon('filter'),
  tooltip: 'Filter the Library by This Search',
};
/** Cites the paper in the LaTeX or Markdown editor the user came from. */
const CITE_BUTTON: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('quote'), tooltip: 'Insert Citation' };
const RELATED_COUNT = 10;

/**
 * `Papers: Search…`: a quick pick that searches as the user types. The index
 * does the matching, so every item has `alwaysShow` (VS Code would otherwise
 * hide the hits its own matcher does not find). VS Code still highlights the
 * typed text in labels and lists labels that contain it first; turning that
 * off needs the proposed `sortByLabel` API (microsoft/vscode#73904).
 */
export async function searchPapers(services: Services, initialQuery?: unknown): Promise<void> {
  const { library, starred, recent, viewOptions, abstracts } = services;
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
    const snapshot = await library.ready();
    const rows = { snapshot, isStarred: (id: string) => starred.has(id) };
    // The first page is the same on every keystroke that empties the box: chosen once, from the whole library.
    let newest: readonly Paper[] | undefined;
    const update = () => {
      if (pick.value.trim()) {
        pick.items = searchItems(rows, pick.value, pick);
        pick.buttons = [FILTER_BUTTON];
      } else {
        const recentIds = recent.ids;
        newest ??= newestPapers(snapshot.library.papers, maxResults() + recentIds.length);
        pick.items = browseItems(rows, recentIds, newest, pick);
        pick.buttons = [];
      }
    };
    // Starring redraws the items; the highlight stays on the paper that was starred, not back on the first.
    const redrawStars = () => {
      const active = pick.activeItems[0]?.paperId;
      update();
      const keep = active && pick.items.find((i) => i.paperId === active);
      if (keep) {
        pick.activeItems = [keep];
      }
    };
    update();
    pick.busy = false;
    const chosen = await new Promise<{ item: PaperPickItem; then: 'open' | 'related' | 'cite' } | undefined>(
      (resolve) => {
        disposables.push(
          pick.onDidChangeValue(update),
          starred.onDidChange(redrawStars),
          // Enter before any hit is listed (or on nothing) keeps the pick open rather than closing it empty-handed.
          pick.onDidAccept(
            () => pick.selectedItems[0]?.paperId && resolve({ item: pick.selectedItems[0], then: 'open' }),
          ),
          pick.onDidTriggerItemButton(({ item, button }) => {
            const paper = item.paperId ? snapshot.library.byId.get(item.paperId) : undefined;
            if (!paper) {
              return;
            }
            if (button === RELATED_BUTTON) {
              resolve({ item, then: 'related' });
            } else if (button === CITE_BUTTON) {
              resolve({ item, then: 'cite' });
            } else if (button === COPY_BIBTEX_BUTTON) {
              void vscode.commands.executeCommand(Commands.copyBibtex, paper.id);
            } else {
              const storing = button === STAR_BUTTON ? starred.star(paper) : starred.unstar(paper.id);
              storing.catch((error: unknown) =>
                services.output.error('Could not store the star:', error instanceof Error ? error : String(error)),
              );
            }
          }),
          pick.onDidTriggerButton(() => {
            viewOptions.setFilter(pick.value);
            resolve(undefined);
          }),
          pick.onDidHide(() => resolve(undefined)),
        );
      },
    );
    // What previous and next move through in the tab: the list as the pick showed it.
    const sequence = pick.items.flatMap((i) => (i.paperId ? [i.paperId] : []));
    pick.hide();
    if (chosen?.item.paperId && chosen.then === 'related') {
      await showRelatedPapers(services, chosen.item.paperId);
    } else if (chosen?.item.paperId && chosen.then === 'cite') {
      await vscode.commands.executeCommand(Commands.insertCitation, chosen.item.paperId);
    } else if (chosen?.item.paperId) {
      await abstracts.show(chosen.item.paperId, {
        ...(chosen.item.highlight && { highlight: chosen.item.highlight }),
        sequence,
      });
    }
  } finally {
    disposables.forEach((d) => d.dispose());
  }
}

/** `Papers: Show Related Papers`: the papers most like this one, by its own title and abstract. */
export async function showRelatedPapers(services: Services, paperId: string): Promise<void> {
  const snapshot = await services.library.ready();
  const paper = snapshot.library.byId.get(paperId);
  if (!paper) {
    void vscode.window.showWarningMessage('Papers: that paper is no longer in the library.');
    return;
  }
  // showQuickPick reports no button presses, so these items carry none.
  const items = snapshot.index.related(paper.id, RELATED_COUNT).map((hit) => paperPickItem(hit.paper, { snapshot }));
  const chosen = await vscode.window.showQuickPick(items, {
    title: `Related to ${truncateWords(paper.label, 60)}`,
    placeHolder: items.length > 0 ? 'Papers with the most words in common, best first' : 'No related papers',
    matchOnDescription: true,
  });
  if (chosen?.paperId) {
    await services.abstracts.show(chosen.paperId, { sequence: items.flatMap((i) => (i.paperId ? [i.paperId] : [])) });
  }
}

/** What a row needs besides its paper; without `isStarred` the row has no buttons. */
interface PickContext {
  readonly snapshot: LibrarySnapshot;
  readonly isStarred?: (id: string) => boolean;
}

/** How many rows the pick lists at most, from the user's `papers.search.maxResults`. */
function maxResults(): number {
  return vscode.workspace.getConfiguration(Settings.section).get<number>(Settings.maxResults, 50);
}

function searchItems(rows: PickContext, value: string, pick: vscode.QuickPick<PaperPickItem>): PaperPickItem[] {
  const results = rows.snapshot.index.search(value, { limit: maxResults() });
  const shown = results.hits.length;
  const count =
    results.total === 0
      ? 'no papers match'
      : `${results.total} match${results.total === 1 ? '' : 'es'}${results.total > shown ? `, best ${shown} shown` : ''}`;
  const filters = results.query.description;
  pick.title = noIcons(`Search Papers: ${count}${filters.length > 0 ? ` · ${filters.join(', ')}` : ''}`);
  const last = results.query.words[results.query.words.length - 1];
  const prefixes = results.query.lastIsPrefix && last ? [last.joined] : [];
  return results.hits.map((hit) => hitItem(hit, rows, prefixes));
}

function hitItem(hit: SearchHit, rows: PickContext, prefixes: readonly string[]): PaperPickItem {
  const terms = new Set(hit.terms);
  const abstract = texToPlainText(hit.paper.abstract);
  const matches = findMatches(abstract, terms, prefixes);
  return {
    ...paperPickItem(hit.paper, rows),
    detail: noIcons(snippet(abstract, matches)),
    highlight: { terms: [...terms], prefixes },
  };
}

/**
 * What the pick lists before anything is typed: the recently opened papers,
 * then a first page of the newest others (`newest` is longer than a page, so
 * that one remains when recent papers are left out of it). Never the whole
 * library: building 100,000 items on each keystroke into an empty box would
 * be slow, and passing them to one call overflows the stack.
 */
function browseItems(
  rows: PickContext,
  recentIds: readonly string[],
  newest: readonly Paper[],
  pick: vscode.QuickPick<PaperPickItem>,
): PaperPickItem[] {
  const { library } = rows.snapshot;
  const total = library.papers.length;
  pick.title = `Search Papers: type to search ${total.toLocaleString('en-US')} paper${total === 1 ? '' : 's'}`;
  const recentPapers = recentIds.map((id) => library.byId.get(id)).filter((p): p is Paper => p !== undefined);
  const recent = new Set(recentPapers.map((p) => p.id));
  const page = newest.filter((p) => !recent.has(p.id)).slice(0, maxResults());
  const items: PaperPickItem[] = [];
  if (recentPapers.length > 0) {
    items.push({ label: 'Recently opened', kind: vscode.QuickPickItemKind.Separator });
    for (const paper of recentPapers) {
      items.push(paperPickItem(paper, rows));
    }
  }
  if (recentPapers.length > 0 || page.length < total - recentPapers.length) {
    const rest = total - recentPapers.length;
    items.push({
      label: page.length < rest ? `Newest ${page.length} of ${rest.toLocaleString('en-US')}` : 'All papers',
      kind: vscode.QuickPickItemKind.Separator,
    });
  }
  for (const paper of page) {
    items.push(paperPickItem(paper, rows));
  }
  return items;
}

function paperPickItem(paper: Paper, rows: PickContext): PaperPickItem {
  const collections = collectionNamesOf(paper, rows.snapshot.collectionNames).join(', ');
  const starred = rows.isStarred?.(paper.id);
  return {
    label: noIcons(paper.label),
    description: noIcons([paperDescription(paper), collections].filter(Boolean).join(' · ')),
    detail: noIcons(snippet(texToPlainText(paper.abstract), [])),
    alwaysShow: true,
    buttons:
      starred === undefined
        ? []
        : [CITE_BUTTON, COPY_BIBTEX_BUTTON, RELATED_BUTTON, starred ? UNSTAR_BUTTON : STAR_BUTTON],
    ...(starred && { iconPath: new vscode.ThemeIcon('star-full') }),
    paperId: paper.id,
  };
}
