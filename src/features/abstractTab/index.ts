import * as vscode from 'vscode';
import { ContextKeys } from '../../host/contextKeys';
import { Commands } from '../../host/ids';
import { paperIdOf, paperOf } from '../../host/paperArgument';
import type { Services } from '../../host/services';

export { AbstractPanels } from './abstractPanels';

/**
 * The abstract tab's commands: open a paper (here or to the side), previous and next, and the key that
 * makes its title bar show Star or Unstar. The tabs themselves are `services.abstracts`.
 */
export function register(services: Services): vscode.Disposable {
  const { abstracts, starred } = services;
  const updateStarContext = () => {
    const id = abstracts.activePaperId();
    void ContextKeys.activeStarred.set(id !== undefined && starred.has(id));
  };
  return vscode.Disposable.from(
    abstracts.onDidChangeActivePaper(updateStarContext),
    starred.onDidChange(updateStarContext),
    vscode.commands.registerCommand(Commands.openPaper, async (argument: unknown, sequence?: unknown) => {
      const id = paperIdOf(argument);
      if (id) {
        await abstracts.show(id, isIdList(sequence) ? { sequence } : {});
      }
    }),
    vscode.commands.registerCommand(Commands.openToSide, async (argument: unknown) => {
      const paper = await paperOf(argument, services);
      if (paper) {
        await abstracts.show(paper.id, { viewColumn: vscode.ViewColumn.Beside });
      }
    }),
    vscode.commands.registerCommand(Commands.previousPaper, () => abstracts.step(-1)),
    vscode.commands.registerCommand(Commands.nextPaper, () => abstracts.step(1)),
  );
}

/** A tree row passes the ids of its group, for previous and next; anything else is ignored. */
function isIdList(value: unknown): value is readonly string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}
