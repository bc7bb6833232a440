import * as vscode from 'vscode';
import { ContextKeyNames } from './ids';

/** A context key for `when` clauses, typed by the value it holds. */
export class ContextKey<T extends boolean | number | string> {
  constructor(readonly name: string) {}

  set(value: T): Thenable<unknown> {
    return vscode.commands.executeCommand('setContext', this.name, value);
  }
}

export const ContextKeys = {
  /** The abstract tab in front shows a starred paper: its title bar offers Unstar instead of Star. */
  activeStarred: new ContextKey<boolean>(ContextKeyNames.activeStarred),
  /** The side bar's views show only what the filter keeps. */
  filtered: new ContextKey<boolean>(ContextKeyNames.filtered),
  /** A library has been loaded, possibly an empty one. */
  loaded: new ContextKey<boolean>(ContextKeyNames.loaded),
  /** The loaded library has no papers: the views show how to add some. */
  empty: new ContextKey<boolean>(ContextKeyNames.empty),
} as const;
