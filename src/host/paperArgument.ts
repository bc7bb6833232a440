import * as vscode from 'vscode';
import type { Paper } from '../core/model/paper';
import type { Services } from './services';

/** The shape of the side bar's rows that commands read: a paper's row, or a star whose paper is not loaded. */
interface RowArgument {
  readonly kind?: unknown;
  readonly paper?: { readonly id?: unknown };
  readonly star?: { readonly id?: unknown };
}

/**
 * The paper a command was invoked on: an id when called from code or a tree item's click, the tree node
 * when called from the tree's context menu (a missing star's node gives the id it was starred under),
 * nothing from the command palette.
 */
export function paperIdOf(argument: unknown): string | undefined {
  if (typeof argument === 'string') {
    return argument;
  }
  const row = argument as RowArgument | undefined;
  const id = row?.kind === 'paper' ? row.paper?.id : row?.kind === 'missing' ? row.star?.id : undefined;
  return typeof id === 'string' ? id : undefined;
}

/**
 * The paper a command is about: the one it was invoked on, else the abstract in front; undefined after
 * telling the user how to pick one, or when the paper is no longer in the library.
 */
export async function paperOf(argument: unknown, services: Services): Promise<Paper | undefined> {
  const id = paperIdOf(argument) ?? services.abstracts.activePaperId();
  if (!id) {
    void vscode.window.showInformationMessage('Papers: open an abstract or pick a paper in the Library first.');
    return undefined;
  }
  return (await services.library.ready()).library.byId.get(id);
}
