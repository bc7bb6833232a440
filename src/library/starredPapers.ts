import * as vscode from 'vscode';
import { StateKeys } from '../ids';
import { Disposable } from '../util/disposable';

/** A starred paper as remembered: its label too, so a paper whose file is gone can still be named. */
export interface StarRecord {
  readonly id: string;
  readonly label: string;
}

/**
 * The user's stars, in global state so they survive restarts. They are never pruned when the corpus
 * changes: a star on a paper that is no longer loaded stays and shows as missing until it comes back
 * or the user unstars it.
 */
export class StarredPapers extends Disposable {
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;

  constructor(private readonly state: vscode.Memento) {
    super();
  }

  get all(): readonly StarRecord[] {
    const value = this.state.get<unknown>(StateKeys.starred);
    return Array.isArray(value) ? value.filter(isStarRecord) : [];
  }

  has(id: string): boolean {
    return this.all.some((s) => s.id === id);
  }

  async star(record: StarRecord): Promise<void> {
    if (!this.has(record.id)) {
      await this.state.update(StateKeys.starred, [...this.all, { id: record.id, label: record.label }]);
      this.changed.fire();
    }
  }

  async unstar(id: string): Promise<void> {
    if (this.has(id)) {
      await this.state.update(StateKeys.starred, this.all.filter((s) => s.id !== id));
      this.changed.fire();
    }
  }
}

function isStarRecord(value: unknown): value is StarRecord {
  const record = value as Partial<StarRecord> | null;
  return typeof record?.id === 'string' && typeof record.label === 'string';
}
