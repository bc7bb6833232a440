import * as vscode from 'vscode';
import { StateKeys } from '../ids';
import { Disposable } from '../util/disposable';

/** How many recently opened papers are remembered. */
const MAX_RECENT = 20;

/** Recently opened papers, newest first, kept in global state so they survive restarts. */
export class RecentPapers extends Disposable {
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;

  constructor(private readonly state: vscode.Memento) {
    super();
  }

  get ids(): readonly string[] {
    const value = this.state.get<unknown>(StateKeys.recent);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  }

  async add(id: string): Promise<void> {
    if (this.ids[0] === id) {
      return;
    }
    await this.state.update(StateKeys.recent, [id, ...this.ids.filter((i) => i !== id)].slice(0, MAX_RECENT));
    this.changed.fire();
  }
}
