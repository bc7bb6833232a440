import type { SearchResults } from './core/search/engine';
import type { LibrarySnapshot } from './core/library/snapshot';

/** What `activate` returns, for other extensions: `vscode.extensions.getExtension(…).activate()`. */
export interface PaperExplorerApi {
  /** Resolves once the library is loaded and indexed. */
  ready(): Promise<LibrarySnapshot>;
  /** Searches the library with the same query syntax as `Papers: Search…`. */
  search(query: string, limit?: number): Promise<SearchResults>;
}
