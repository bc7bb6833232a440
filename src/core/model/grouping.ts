import { foldCase, stripTex } from '../text/text';
import { topK } from '../util/topK';
import { compareDates } from './dates';
import type { Library, Paper } from './paper';

/** A group of papers in the side bar: a collection, a year, or the starred or recent ones. */
export interface PaperGroup {
  readonly kind: 'group';
  readonly id: string;
  readonly label: string;
  readonly papers: readonly Paper[];
}

export const GROUP_BY = ['collection', 'year', 'category', 'author', 'venue'] as const;
export type GroupBy = (typeof GROUP_BY)[number];

export const SORT_BY = ['date', 'upvotes', 'title'] as const;
export type SortBy = (typeof SORT_BY)[number];

/** The year group of dates that name no year: the listing's own year, newer than any stated one. */
export const NO_YEAR_LABEL = 'Year not stated';
export const UNDATED_LABEL = 'Undated';
export const NO_CATEGORY_LABEL = 'No arXiv category';
export const NO_AUTHOR_LABEL = 'No authors listed';
export const NO_VENUE_LABEL = 'No venue';

/** One group per collection, in the order the files were read; a paper in two collections is in both. */
export function groupByCollection(library: Library, papers: readonly Paper[] = library.papers): PaperGroup[] {
  return library.collections.map((collection) => ({
    kind: 'group',
    id: `collection:${collection.id}`,
    label: collection.name,
    papers: papers.filter((p) => p.collections.includes(collection.id)),
  }));
}

/**
 * One group per year, newest first. Dates without a year come first (they are
 * the listing's own year), undated papers last.
 */
export function groupByYear(papers: readonly Paper[]): PaperGroup[] {
  const byKey = new Map<string, Paper[]>();
  for (const paper of papers) {
    const key = !paper.date ? 'undated' : paper.date.year === undefined ? 'no-year' : String(paper.date.year);
    let group = byKey.get(key);
    if (!group) {
      byKey.set(key, (group = []));
    }
    group.push(paper);
  }
  const rank = (key: string) =>
    key === 'no-year' ? Number.POSITIVE_INFINITY : key === 'undated' ? Number.NEGATIVE_INFINITY : Number(key);
  return [...byKey.keys()]
    .sort((a, b) => rank(b) - rank(a))
    .map((key) => ({
      kind: 'group',
      id: `year:${key}`,
      label: key === 'no-year' ? NO_YEAR_LABEL : key === 'undated' ? UNDATED_LABEL : key,
      papers: byKey.get(key) ?? [],
    }));
}

/** One group per primary arXiv category (a paper's first), in code-unit order (the names are ASCII); papers without one last. */
export function groupByPrimaryCategory(papers: readonly Paper[]): PaperGroup[] {
  const byCategory = new Map<string, Paper[]>();
  const none: Paper[] = [];
  for (const paper of papers) {
    const primary = paper.bibliographic?.categories?.[0];
    if (primary === undefined) {
      none.push(paper);
      continue;
    }
    let group = byCategory.get(primary);
    if (!group) {
      byCategory.set(primary, (group = []));
    }
    group.push(paper);
  }
  const groups: PaperGroup[] = [...byCategory.keys()].sort().map((category) => ({
    kind: 'group',
    id: `category:${category}`,
    label: category,
    papers: byCategory.get(category)!,
  }));
  return none.length > 0
    ? [...groups, { kind: 'group', id: 'category:', label: NO_CATEGORY_LABEL, papers: none }]
    : groups;
}

/**
 * One group per first author, by family name (a corporate author by its whole name), A to Z in `locale`; papers
 * without a list of authors last. `Müller` and `Muller` are one group, shown as first met.
 */
export function groupByFirstAuthor(papers: readonly Paper[], locale?: string): PaperGroup[] {
  return groupByName(papers, 'author', NO_AUTHOR_LABEL, locale, (paper) => {
    const first = paper.bibliographic?.authors?.[0];
    return first && (first.literal ?? [first.particle, first.family ?? first.given].filter(Boolean).join(' '));
  });
}

/** One group per venue (journal or proceedings, as written), A to Z in `locale`; papers without one last. */
export function groupByVenue(papers: readonly Paper[], locale?: string): PaperGroup[] {
  return groupByName(papers, 'venue', NO_VENUE_LABEL, locale, (paper) => paper.bibliographic?.venue);
}

function groupByName(
  papers: readonly Paper[],
  kind: 'author' | 'venue',
  noneLabel: string,
  locale: string | undefined,
  nameOf: (paper: Paper) => string | undefined,
): PaperGroup[] {
  const byKey = new Map<string, { label: string; papers: Paper[] }>();
  const none: Paper[] = [];
  for (const paper of papers) {
    const name = nameOf(paper);
    if (!name) {
      none.push(paper);
      continue;
    }
    const key = foldCase(name);
    let group = byKey.get(key);
    if (!group) {
      byKey.set(key, (group = { label: name, papers: [] }));
    }
    group.papers.push(paper);
  }
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const groups: PaperGroup[] = [...byKey.entries()]
    .sort(([, a], [, b]) => collator.compare(a.label, b.label))
    .map(([key, group]) => ({ kind: 'group', id: `${kind}:${key}`, label: group.label, papers: group.papers }));
  return none.length > 0 ? [...groups, { kind: 'group', id: `${kind}:`, label: noneLabel, papers: none }] : groups;
}

export function groupPapers(
  library: Library,
  papers: readonly Paper[],
  groupBy: GroupBy,
  locale?: string,
): PaperGroup[] {
  switch (groupBy) {
    case 'author':
      return groupByFirstAuthor(papers, locale);
    case 'venue':
      return groupByVenue(papers, locale);
    case 'year':
      return groupByYear(papers);
    case 'category':
      return groupByPrimaryCategory(papers);
    default:
      return groupByCollection(library, papers);
  }
}

/** Newest first; undated papers last, in their file order. */
export function byDateDescending(a: Paper, b: Paper): number {
  if (!a.date || !b.date) {
    return a.date ? -1 : b.date ? 1 : 0;
  }
  return compareDates(b.date, a.date);
}

/** Most upvoted first; papers without a count last; ties newest first. */
export function byUpvotesDescending(a: Paper, b: Paper): number {
  return (b.upvotes ?? -1) - (a.upvotes ?? -1) || byDateDescending(a, b);
}

const titleKeys = new WeakMap<Paper, string>();

/**
 * What a title sorts by: its TeX read (`$\\alpha$-Nets` as `alpha-Nets`,
 * `J\\"ager` as `Jäger`) and its leading punctuation, quotes and brackets
 * dropped (`“Quoted”`, `[Re]`, `-Dash`). Untitled papers sort by their label.
 */
export function titleSortKey(paper: Paper): string {
  let key = titleKeys.get(paper);
  if (key === undefined) {
    key = stripTex(paper.title ?? paper.label).replace(LEADING_NON_WORD, '');
    titleKeys.set(paper, key);
  }
  return key;
}

const LEADING_NON_WORD = /^[^\p{L}\p{N}]+/u;

/**
 * A to Z by {@link titleSortKey} in the user's locale (`locale` is a BCP 47
 * tag; undefined is the runtime's default), ignoring case and accents; `V2`
 * before `V10`.
 */
export function byTitle(locale?: string): (a: Paper, b: Paper) => number {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  return (a, b) => collator.compare(titleSortKey(a), titleSortKey(b));
}

/** A sorted copy; the sort is stable, so equal papers keep their file order. Titles compare in `locale` (see {@link byTitle}). */
export function sortPapers(papers: readonly Paper[], sortBy: SortBy, locale?: string): Paper[] {
  const compare = sortBy === 'date' ? byDateDescending : sortBy === 'upvotes' ? byUpvotesDescending : byTitle(locale);
  return [...papers].sort(compare);
}

export function isGroupBy(value: unknown): value is GroupBy {
  return (GROUP_BY as readonly unknown[]).includes(value);
}

export function isSortBy(value: unknown): value is SortBy {
  return (SORT_BY as readonly unknown[]).includes(value);
}

/**
 * The `count` newest papers in `byDateDescending` order (equal dates in file
 * order), without sorting the whole library: a first page to show before
 * anything is typed, at the cost of a pass over the papers.
 */
export function newestPapers(papers: readonly Paper[], count: number): Paper[] {
  const order = Uint32Array.from({ length: papers.length }, (_, i) => i);
  return topK(
    order,
    () => 0,
    count,
    (a, b) => byDateDescending(papers[a], papers[b]) || a - b,
  ).map((i) => papers[i]);
}
