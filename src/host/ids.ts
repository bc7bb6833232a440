/**
 * Every id the extension shares with package.json, spelled once. A unit test
 * checks them against the manifest, so a rename cannot half-happen.
 */
export const Commands = {
  search: 'papers.search',
  openPaper: 'papers.openPaper',
  reload: 'papers.reload',
  showOutput: 'papers.showOutput',
  showRelated: 'papers.showRelated',
  star: 'papers.star',
  unstar: 'papers.unstar',
  copyTitle: 'papers.copyTitle',
  copyMarkdown: 'papers.copyMarkdown',
  copyCitation: 'papers.copyCitation',
  copyBibtex: 'papers.copyBibtex',
  copyCitationKey: 'papers.copyCitationKey',
  searchArxiv: 'papers.searchArxiv',
  searchHuggingFace: 'papers.searchHuggingFace',
  openToSide: 'papers.openToSide',
  groupByCollection: 'papers.groupByCollection',
  groupByYear: 'papers.groupByYear',
  groupByCategory: 'papers.groupByCategory',
  groupByAuthor: 'papers.groupByAuthor',
  groupByVenue: 'papers.groupByVenue',
  sortByDate: 'papers.sortByDate',
  sortByUpvotes: 'papers.sortByUpvotes',
  sortByTitle: 'papers.sortByTitle',
  filterLibrary: 'papers.filterLibrary',
  clearFilter: 'papers.clearFilter',
  openSettings: 'papers.openSettings',
  previousPaper: 'papers.previousPaper',
  nextPaper: 'papers.nextPaper',
  insertCitation: 'papers.insertCitation',
  searchSelection: 'papers.searchSelection',
} as const;

/** A command this extension contributes. */
export type CommandId = (typeof Commands)[keyof typeof Commands];

export const Views = {
  container: 'papers',
  library: 'papers.library',
  hasCode: 'papers.hasCode',
  topUpvoted: 'papers.topUpvoted',
} as const;

export const WebviewTypes = {
  abstract: 'papers.abstract',
} as const;

export const Settings = {
  section: 'papers',
  maxResults: 'search.maxResults',
  corpusPaths: 'corpus.paths',
  includeBundled: 'corpus.includeBundled',
  groupBy: 'library.groupBy',
  sortBy: 'library.sortBy',
  arxivCategories: 'arxiv.categories',
  arxivSubmittedFrom: 'arxiv.submittedFrom',
  arxivSubmittedTo: 'arxiv.submittedTo',
  bibliographyFile: 'cite.bibliographyFile',
} as const;

/** The same settings by their full ids, for `affectsConfiguration`. */
export const SettingIds = {
  corpusPaths: `${Settings.section}.${Settings.corpusPaths}`,
  includeBundled: `${Settings.section}.${Settings.includeBundled}`,
  groupBy: `${Settings.section}.${Settings.groupBy}`,
  sortBy: `${Settings.section}.${Settings.sortBy}`,
  /** Every `papers.arxiv.*` setting: they decide which records of a snapshot are kept. */
  arxiv: `${Settings.section}.arxiv`,
} as const;

/** The names of the context keys that `when` clauses in package.json read; host/contextKeys.ts sets them. */
export const ContextKeyNames = {
  activeStarred: 'papers.activeStarred',
  filtered: 'papers.filtered',
  loaded: 'papers.loaded',
  empty: 'papers.empty',
} as const;

/** Keys in the extension's global state. */
export const StateKeys = {
  recent: 'papers.recent',
  starred: 'papers.starred',
} as const;

/** The Output channel's name. */
export const OUTPUT_CHANNEL = 'Papers';
