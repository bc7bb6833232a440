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
  searchArxiv: 'papers.searchArxiv',
  searchHuggingFace: 'papers.searchHuggingFace',
  openToSide: 'papers.openToSide',
} as const;

export const Views = {
  container: 'papers',
  library: 'papers.library',
} as const;

export const WebviewTypes = {
  abstract: 'papers.abstract',
} as const;

export const Settings = {
  section: 'papers',
  maxResults: 'search.maxResults',
  corpusPaths: 'corpus.paths',
  includeBundled: 'corpus.includeBundled',
} as const;

/** The same settings by their full ids, for `affectsConfiguration`. */
export const SettingIds = {
  corpusPaths: `${Settings.section}.${Settings.corpusPaths}`,
  includeBundled: `${Settings.section}.${Settings.includeBundled}`,
} as const;

/** Context keys for `when` clauses in package.json. */
export const ContextKeys = {
  activeStarred: 'papers.activeStarred',
} as const;

/** Keys in the extension's global state. */
export const StateKeys = {
  recent: 'papers.recent',
  starred: 'papers.starred',
} as const;

/** The Output channel's name. */
export const OUTPUT_CHANNEL = 'Papers';
