import type * as vscode from 'vscode';
import type { Highlight } from '../core/search/highlight';
import type { LibraryService } from './libraryService';
import type { RecentPapers } from './recentPapers';
import type { StarredPapers } from './starredPapers';
import type { ViewOptions } from './viewOptions';

/**
 * What every feature's `register` is given: the extension's long-lived parts, made once in `activate`.
 * A feature takes what it needs from here instead of a list of positional arguments.
 */
export interface Services {
  readonly extensionUri: vscode.Uri;
  /** Details for the user (problems, timings); notifications point here. */
  readonly output: vscode.LogOutputChannel;
  /** The loaded library and its search index. */
  readonly library: LibraryService;
  readonly starred: StarredPapers;
  readonly recent: RecentPapers;
  /** How the side bar's views group, sort and filter; the abstract tab's Library order follows it. */
  readonly viewOptions: ViewOptions;
  readonly abstracts: AbstractTabs;
}

export interface ShowOptions {
  /** The search's words, to mark in the page. */
  readonly highlight?: Highlight;
  readonly viewColumn?: vscode.ViewColumn;
  /** The list the paper was opened from (search hits, a Library group), in order: what previous and next move through. */
  readonly sequence?: readonly string[];
}

/** The abstract tabs as the other features use them: open a paper, and know which one is in front. */
export interface AbstractTabs {
  /** Opens the paper's tab, or reveals it if it is open, and remembers it as recently opened. */
  show(paperId: string, options?: ShowOptions): Promise<void>;
  /** The paper of the abstract tab that has focus, if one has. */
  activePaperId(): string | undefined;
  /** Shows the paper before (-1) or after (+1) the focused tab's paper in the list it was opened from. */
  step(delta: -1 | 1): Promise<void>;
  /** Fires when an abstract tab gains or loses focus, shows another paper, or closes. */
  readonly onDidChangeActivePaper: vscode.Event<void>;
}
