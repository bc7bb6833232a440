import * as vscode from 'vscode';
import { isGroupBy, isSortBy, type GroupBy, type SortBy } from '../core/model/grouping';
import type { Paper } from '../core/model/paper';
import { ContextKeys } from './contextKeys';
import { SettingIds, Settings } from './ids';
import type { LibrarySnapshot } from '../core/library/snapshot';
import { Disposable } from './disposable';

/** Longer filters are cut: a filter is a few words, and the index caps queries anyway. */
const MAX_FILTER_LENGTH = 200;

/**
 * How the side bar's views show the library: grouping and order (settings, so
 * they persist and can be set in settings.json) and the filter (for this
 * window only). Every view listens to `onDidChange`.
 */
export class ViewOptions extends Disposable {
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;

  private filterText: string | undefined;
  private filtered: { snapshot: LibrarySnapshot; filter: string; papers: readonly Paper[] } | undefined;

  constructor() {
    super();
    this._register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(SettingIds.groupBy) || event.affectsConfiguration(SettingIds.sortBy)) {
          this.changed.fire();
        }
      }),
    );
  }

  get groupBy(): GroupBy {
    const value = vscode.workspace.getConfiguration(Settings.section).get<unknown>(Settings.groupBy);
    return isGroupBy(value) ? value : 'collection';
  }

  get sortBy(): SortBy {
    const value = vscode.workspace.getConfiguration(Settings.section).get<unknown>(Settings.sortBy);
    return isSortBy(value) ? value : 'date';
  }

  /** Saved in the user settings, like a choice made in the Settings editor. */
  async setGroupBy(groupBy: GroupBy): Promise<void> {
    await vscode.workspace
      .getConfiguration(Settings.section)
      .update(Settings.groupBy, groupBy, vscode.ConfigurationTarget.Global);
  }

  async setSortBy(sortBy: SortBy): Promise<void> {
    await vscode.workspace
      .getConfiguration(Settings.section)
      .update(Settings.sortBy, sortBy, vscode.ConfigurationTarget.Global);
  }

  /** The active filter, in the search's query syntax; undefined when the views show everything. */
  get filter(): string | undefined {
    return this.filterText;
  }

  setFilter(filter: string | undefined): void {
    const text = filter?.trim().slice(0, MAX_FILTER_LENGTH) || undefined;
    if (text === this.filterText) {
      return;
    }
    this.filterText = text;
    void ContextKeys.filtered.set(text !== undefined);
    this.changed.fire();
  }

  /** The papers the filter keeps, in library order; all of them when there is no filter. */
  papers(snapshot: LibrarySnapshot): readonly Paper[] {
    const filter = this.filterText;
    if (filter === undefined) {
      return snapshot.library.papers;
    }
    if (this.filtered?.snapshot !== snapshot || this.filtered.filter !== filter) {
      this.filtered = { snapshot, filter, papers: snapshot.index.matching(filter) };
    }
    return this.filtered.papers;
  }
}
