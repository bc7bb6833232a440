import type * as vscode from 'vscode';
import { StateKeys } from './ids';
import { StoredList } from './storedList';

/** How many recently opened papers are remembered. */
const MAX_RECENT = 20;

/** Recently opened papers, newest first, kept in global state so they survive restarts. */
export class RecentPapers extends StoredList<string> {
  constructor(state: vscode.Memento) {
    super(state, StateKeys.recent, (value): value is string => typeof value === 'string');
  }

  get ids(): readonly string[] {
    return this.entries;
  }

  async add(id: string): Promise<void> {
    if (this.ids[0] === id) {
      return;
    }
    await this.store([id, ...this.ids.filter((i) => i !== id)].slice(0, MAX_RECENT));
  }
}
