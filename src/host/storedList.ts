import * as vscode from 'vscode';
import { Disposable } from './disposable';

/**
 * A list kept in global state so that it survives restarts, read back only as
 * far as its entries are well-formed (state written by another version may
 * not be), with an event whenever it is stored anew.
 */
export abstract class StoredList<T> extends Disposable {
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly state: vscode.Memento,
    private readonly key: string,
    private readonly isEntry: (value: unknown) => value is T,
  ) {
    super();
  }

  protected get entries(): readonly T[] {
    const value = this.state.get<unknown>(this.key);
    return Array.isArray(value) ? value.filter(this.isEntry) : [];
  }

  protected async store(entries: readonly T[]): Promise<void> {
    await this.state.update(this.key, entries);
    this.changed.fire();
  }
}
