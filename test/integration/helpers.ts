import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PaperExplorerApi } from '../../src/api';
import type { PaperExplorerTestApi } from '../../src/testApi';

export const EXTENSION_ID = 'paper-explorer.paper-explorer';

/** Activates the extension (as a command or the view would) and returns its API, with what only tests see. */
export async function activateExtension(): Promise<PaperExplorerTestApi> {
  const extension = vscode.extensions.getExtension<PaperExplorerApi | PaperExplorerTestApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is installed in the test host`);
  const api = await extension.activate();
  assert.ok('views' in api, 'the extension runs in test mode, so its API includes the test-mode parts');
  return api;
}

/** Waits until `check` returns a value, polling; fails with `what` after the timeout. */
export async function waitFor<T>(
  what: string,
  check: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The open abstract tabs, by their titles. */
export function abstractTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('papers.abstract'));
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await waitFor('editors to close', () => vscode.window.tabGroups.all.every((g) => g.tabs.length === 0) || undefined);
}
