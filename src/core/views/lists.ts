import { groupPapers, sortPapers, type GroupBy, type PaperGroup, type SortBy } from '../model/grouping';
import type { Library, Paper } from '../model/paper';
import type { StarRecord } from '../model/star';

/** How many papers `Top Upvoted` lists. */
export const TOP_UPVOTED = 50;

/** A group of the Library view, as drawn: its codicon, whether it starts open, and stars that are not loaded. */
export interface SideBarGroup extends PaperGroup {
  readonly icon: string;
  readonly expanded?: boolean;
  /** Stars whose papers are in none of the loaded files (only the Starred group has them). */
  readonly missing?: readonly StarRecord[];
}

/** The codicon of a group, by what the Library is grouped by. */
const GROUP_ICONS: Record<GroupBy, string> = {
  collection: 'library',
  year: 'calendar',
  category: 'tag',
  author: 'person',
  venue: 'book',
};

export interface LibraryGroupsInput {
  readonly library: Library;
  /** The papers the filter keeps, in library order; `library.papers` itself when there is no filter. */
  readonly visible: readonly Paper[];
  readonly groupBy: GroupBy;
  readonly sortBy: SortBy;
  /** The display language, for sorting titles. */
  readonly locale?: string;
  readonly stars: readonly StarRecord[];
  /** Recently opened papers, newest first. */
  readonly recentIds: readonly string[];
}

/**
 * The Library view's top level: Starred and Recently Opened (when they have papers), then the papers by
 * collection, year or category. Filtered, every group lists only what the filter keeps, and groups left
 * empty are left out; a missing star has no text to match, so it shows only unfiltered.
 */
export function libraryGroups(input: LibraryGroupsInput): SideBarGroup[] {
  const { library, visible, groupBy, stars } = input;
  const shown = visible === library.papers ? undefined : new Set(visible.map((p) => p.id));
  const pick = (ids: readonly string[]) =>
    ids.map((id) => library.byId.get(id)).filter((p): p is Paper => p !== undefined && (!shown || shown.has(p.id)));
  const starred: SideBarGroup = {
    kind: 'group',
    id: 'starred',
    label: 'Starred',
    icon: 'star-full',
    expanded: true,
    papers: pick(stars.map((s) => s.id)),
    missing: shown ? [] : stars.filter((s) => !library.byId.has(s.id)),
  };
  const recent: SideBarGroup = {
    kind: 'group',
    id: 'recent',
    label: 'Recently Opened',
    icon: 'history',
    papers: pick(input.recentIds),
  };
  const groups = groupPapers(library, sortPapers(visible, input.sortBy, input.locale), groupBy, input.locale).map(
    (group): SideBarGroup => ({ ...group, icon: GROUP_ICONS[groupBy] }),
  );
  const special = [starred, recent].filter((g) => g.papers.length + (g.missing?.length ?? 0) > 0);
  return [...special, ...groups.filter((g) => !shown || g.papers.length > 0)];
}

const hasCode = (paper: Paper) => paper.hasCode;
const hasUpvotes = (paper: Paper) => paper.upvotes !== undefined;

/** `Has Code`: the papers whose abstract links a code repository, in the Library's order. */
export function papersWithCode(papers: readonly Paper[], sortBy: SortBy, locale?: string): readonly Paper[] {
  return sortPapers(papers.filter(hasCode), sortBy, locale);
}

/** `Top Upvoted`: the most upvoted papers, most first, at most `TOP_UPVOTED`. */
export function topUpvoted(papers: readonly Paper[]): readonly Paper[] {
  return sortPapers(papers.filter(hasUpvotes), 'upvotes').slice(0, TOP_UPVOTED);
}

/** How many papers `Has Code` and `Top Upvoted` list, counted without sorting them, for the views' headers. */
export function listSizes(papers: readonly Paper[]): { readonly hasCode: number; readonly topUpvoted: number } {
  let withCode = 0;
  let upvoted = 0;
  for (const paper of papers) {
    withCode += hasCode(paper) ? 1 : 0;
    upvoted += hasUpvotes(paper) ? 1 : 0;
  }
  return { hasCode: withCode, topUpvoted: Math.min(upvoted, TOP_UPVOTED) };
}
