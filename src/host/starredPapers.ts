import type * as vscode from 'vscode';
import { isStarRecord, type StarRecord } from '../core/model/star';
import { StateKeys } from './ids';
import { StoredList } from './storedList';

/**
 * The user's stars, in global state so they survive restarts. They are never pruned when the corpus
 * changes: a star on a paper that is no longer loaded stays and shows as missing until it comes back
 * or the user unstars it.
 */
export class StarredPapers extends StoredList<StarRecord> {
  constructor(state: vscode.Memento) {
    super(state, StateKeys.starred, isStarRecord);
  }

  get all(): readonly StarRecord[] {
    return this.entries;
  }

  has(id: string): boolean {
    return this.all.some((s) => s.id === id);
  }

  async star(record: StarRecord): Promise<void> {
    if (!this.has(record.id)) {
      await this.store([...this.all, { id: record.id, label: record.label }]);
    }
  }

  async unstar(id: string): Promise<void> {
    if (this.has(id)) {
      await this.store(this.all.filter((s) => s.id !== id));
    }
  }
}
