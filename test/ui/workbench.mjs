// Drives the VS Code workbench (code-server in headless Chromium) the way a person does: keyboard,
// clicks and what is on screen. Shared by the UI tests.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launchBrowser, ROOT, startCodeServer, workbenchUrl } from '../host/codeServer.mjs';

export const SCREENSHOTS = path.join(ROOT, 'test-results', 'screenshots');

/**
 * Opens a workbench on a scratch folder with the extension under development loaded. The extension
 * development window does not read the user settings file, so settings go in the folder's
 * `.vscode/settings.json`, and the colour theme (which ignores workspace settings) is picked as a person
 * would, from `Preferences: Color Theme`.
 */
export async function openWorkbench({ theme = 'Dark Modern', viewport, settings = {} } = {}) {
  const folder = mkdtempSync(path.join(tmpdir(), 'papers-ui-workspace-'));
  mkdirSync(path.join(folder, '.vscode'));
  const workspaceSettings = { 'git.openRepositoryInParentFolders': 'never', ...settings };
  writeFileSync(path.join(folder, '.vscode', 'settings.json'), JSON.stringify(workspaceSettings, null, 2));
  mkdirSync(SCREENSHOTS, { recursive: true });
  let server;
  let browser;
  try {
    server = await startCodeServer({ folder });
    const launched = await launchBrowser({ viewport });
    browser = launched.browser;
    const page = await launched.context.newPage();
    await page.goto(workbenchUrl(server, { folder, extensionDevelopmentPath: ROOT }));
    await waitForWorkbench(page);
    const workbench = new Workbench(page, browser, server, folder);
    await workbench.setColorTheme(theme);
    return workbench;
  } catch (error) {
    await browser?.close().catch(() => {});
    await server?.stop();
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Registers, in the suite it is called in, what every suite does after its tests: a screenshot of a test that
 * failed (`failed-<title>.png`), and closing the workbench `current()` gives, once the suite is done.
 */
export function closeWorkbenchAfter(current) {
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') {
      await current()?.screenshot(`failed-${this.currentTest.title.replace(/\W+/g, '-')}`);
    }
  });

  after(async () => {
    await current()?.close();
  });
}

/** The activity bar entry appears once the extension's contributions are registered. */
async function waitForWorkbench(page) {
  await page.locator('.monaco-workbench .part.activitybar').waitFor({ timeout: 60_000 });
  await page.locator(activityBarEntry('Papers')).waitFor({ timeout: 60_000 });
}

function activityBarEntry(title) {
  return `.part.activitybar .action-item a[aria-label^="${title}"]`;
}

export class Workbench {
  constructor(page, browser, server, folder) {
    this.page = page;
    this.browser = browser;
    this.server = server;
    this.folder = folder;
  }

  async close() {
    await this.browser.close().catch(() => {});
    await this.server.stop();
    rmSync(this.folder, { recursive: true, force: true });
  }

  /**
   * Picks a theme by its label in the picker (`Dark Modern`, `Light Modern`, `Dark High Contrast`…) and
   * waits until the workbench wears it. The label must differ from the current theme.
   */
  async setColorTheme(label) {
    const workbench = this.page.locator('.monaco-workbench');
    const before = await workbench.getAttribute('class');
    await this.runCommand('Preferences: Color Theme');
    await this.quickInput.locator('.quick-input-box input[placeholder^="Select Color Theme"]').waitFor();
    await this.quickInputBox.fill(label);
    await this.quickPickRows()
      .first()
      .locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(label)}$`) })
      .waitFor();
    await this.page.keyboard.press('Enter');
    await this.quickInput.waitFor({ state: 'hidden' });
    await this.page.waitForFunction(
      (previous) => document.querySelector('.monaco-workbench')?.className !== previous,
      before,
    );
  }

  /**
   * `Developer: Reload Window`, which saves the window's state (open editors, theme) before it reloads,
   * as a browser reload may not; then waits for the workbench and the extension.
   */
  async reloadWindow() {
    const reloaded = this.page.waitForEvent('load');
    await this.runCommand('Developer: Reload Window');
    await reloaded;
    await waitForWorkbench(this.page);
  }

  async screenshot(name) {
    const file = path.join(SCREENSHOTS, `${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  get quickInput() {
    return this.page.locator('.quick-input-widget');
  }

  get quickInputBox() {
    return this.quickInput.locator('.quick-input-box input');
  }

  /** The visible rows of the open quick pick, as their accessible labels. */
  quickPickRows() {
    return this.quickInput.locator('.quick-input-list .monaco-list-row');
  }

  /** The label (not the detail line) of each visible quick pick row, top to bottom. */
  quickPickLabels() {
    return this.quickPickRows().evaluateAll((rows) =>
      rows.map((row) => row.querySelector('.label-name')?.textContent ?? ''),
    );
  }

  /** Runs a command from the palette by typing its title, as a person would. */
  async runCommand(title) {
    if (await this.quickInput.isVisible()) {
      await this.page.keyboard.press('Escape');
      await this.quickInput.waitFor({ state: 'hidden' });
    }
    // Focus the workbench itself: the middle of the window may be a webview, which takes focus back late and closes the palette.
    await this.page.locator('.part.activitybar').click({ position: { x: 24, y: 600 } });
    await this.page.keyboard.press('F1');
    await this.quickInputBox.waitFor();
    await this.quickInputBox.fill(`>${title}`);
    // Enter on the highlighted row, once it is this command: a click can land on a row the palette is still reordering.
    const exact = this.page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(title)}$`) });
    await this.quickPickRows().filter({ has: exact }).waitFor();
    while (!(await this.quickPickRows().and(this.page.locator('.focused')).filter({ has: exact }).count())) {
      await this.page.keyboard.press('ArrowDown');
    }
    await this.page.keyboard.press('Enter');
  }

  /** Opens `Papers: Search…` and waits for its own input, so that typing reaches it and not the palette. */
  async openSearch() {
    // Closing the palette gives focus back to the editor; when that is a webview, its focus can arrive after
    // the search has opened and close it, as a click elsewhere would. A person would open it again.
    await twice(async () => {
      await this.runCommand('Papers: Search…');
      await this.quickInput
        .locator('.quick-input-box input[placeholder^="Type words from a title"]')
        .waitFor({ timeout: 5_000 });
    });
  }

  /** The editor tab with this label. */
  tab(label) {
    return this.page
      .locator('.tabs-container .tab')
      .filter({ has: this.page.locator('.label-name', { hasText: label }) });
  }

  /** The content frame of the active webview: VS Code nests it in an outer frame of its own. */
  webview() {
    return this.page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
  }

  async openSideBar(title) {
    await this.page.locator(activityBarEntry(title)).click();
  }

  /** The side bar pane (view) with this title. */
  pane(viewTitle) {
    return this.page.locator('.part.sidebar .pane').filter({
      has: this.page.locator('.pane-header h3.title', { hasText: new RegExp(`^${escapeRegExp(viewTitle)}$`, 'i') }),
    });
  }

  /** Rows of the tree in the side bar view with this title. */
  treeRows(viewTitle) {
    return this.pane(viewTitle).locator('.monaco-list-row');
  }

  /** The message a view shows above its tree (`TreeView.message`). */
  viewMessage(viewTitle) {
    return this.pane(viewTitle).locator('.message');
  }

  /** Clicks an action in a view's title bar; they show while the pointer is over the view. */
  async clickViewAction(viewTitle, label) {
    const pane = this.pane(viewTitle);
    await pane.locator('.pane-header').hover();
    await pane.locator(`.pane-header .actions .action-label[aria-label="${label}"]`).click();
  }

  /** Opens a view's title-bar submenu (`Group By`, `Sort By`) and picks an item; a click the closing previous menu swallowed is made again. */
  async pickFromViewMenu(viewTitle, menu, item) {
    await twice(async () => {
      await this.clickViewAction(viewTitle, menu);
      await this.page.locator('.monaco-menu').waitFor({ timeout: 5_000 });
    });
    await this.clickMenuItem(item);
  }

  /**
   * Picks an item of the open context menu or submenu, by its label: pointing at it selects it, Enter runs
   * it. (VS Code's menus in the browser act on their own mouse-up handling, which a synthetic click can miss.)
   */
  async clickMenuItem(label) {
    const item = this.page.locator('.monaco-menu .action-item', {
      has: this.page.locator('.action-label', { hasText: new RegExp(`^${escapeRegExp(label)}$`) }),
    });
    await item.hover();
    await item.and(this.page.locator('.focused')).waitFor();
    await this.page.keyboard.press('Enter');
    await this.page.locator('.monaco-menu').waitFor({ state: 'hidden' });
  }
}

/** Runs `step`, and once more if it fails: for the few places where the workbench's own timing can swallow an action. */
async function twice(step) {
  try {
    await step();
  } catch {
    await step();
  }
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
