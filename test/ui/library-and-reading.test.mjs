// Browsing and reading the way a regular user does: the Library's title-bar menus and filter, the Has Code
// view, starring from the quick pick, the abstract tab's toolbar and keys, and the page in light, dark and
// high-contrast themes. Screenshots land in test-results/screenshots.
import * as assert from 'node:assert/strict';
import { openWorkbench, closeWorkbenchAfter } from './workbench.mjs';

describe('Browsing and reading, driven like a person in VS Code', function () {
  /** @type {import('./workbench.mjs').Workbench} */
  let workbench;

  before(async () => {
    workbench = await openWorkbench({ viewport: { width: 1400, height: 900 } });
    await workbench.openSideBar('Papers');
    await workbench.treeRows('Library').filter({ hasText: 'Paper search results' }).waitFor();
  });

  closeWorkbenchAfter(() => workbench);

  /** The label and count of each row of the Library, as on screen. */
  const rowTexts = () =>
    workbench
      .treeRows('Library')
      .evaluateAll((rows) =>
        rows.map((row) =>
          `${row.querySelector('.label-name')?.textContent} ${row.querySelector('.label-description')?.textContent ?? ''}`.trim(),
        ),
      );

  it('groups the Library by year and sorts it by title from the title bar menus', async () => {
    await workbench.pickFromViewMenu('Library', 'Group By', 'Group by Year');
    const rows = workbench.treeRows('Library');
    await rows.filter({ hasText: /^2024/ }).first().waitFor();
    const texts = await rowTexts();
    for (const expected of ['Year not stated 21', '2024 12', '2023 27', 'Undated 352']) {
      assert.ok(texts.includes(expected), `${expected} in\n${texts.join('\n')}`);
    }
    await rows.filter({ hasText: /^2023/ }).first().click();
    await workbench.pickFromViewMenu('Library', 'Sort By', 'Sort by Title');
    await workbench.pane('Library').locator('.pane-header .description', { hasText: 'by year, A to Z' }).waitFor();
    await workbench.screenshot('library-by-year');

    await workbench.pickFromViewMenu('Library', 'Group By', 'Group by Collection');
    await workbench.pickFromViewMenu('Library', 'Sort By', 'Sort by Date');
    await workbench
      .pane('Library')
      .locator('.pane-header .description', { hasText: 'by collection, newest first' })
      .waitFor();
    await rows.filter({ hasText: 'Paper search results' }).waitFor();
    await workbench.screenshot('library-by-collection');
  });

  it('filters the Library from its title bar and says it is filtered', async () => {
    await workbench.clickViewAction('Library', 'Filter Library…');
    await workbench.quickInput.locator('.quick-input-box input[placeholder^="Words or filters"]').waitFor();
    await workbench.quickInputBox.pressSequentially('diffusion has:code', { delay: 20 });
    await workbench.page.keyboard.press('Enter');
    const message = workbench.viewMessage('Library');
    await message.filter({ hasText: 'Filtered by “diffusion has:code”' }).waitFor();
    assert.match(await message.innerText(), /: \d+ of 438 papers\./);
    const texts = await rowTexts();
    assert.ok(texts.length > 0 && texts.length < 8, texts.join('\n'));
    await workbench.treeRows('Library').first().click();
    await workbench.screenshot('library-filtered');

    await workbench.clickViewAction('Library', 'Clear Library Filter');
    await message.waitFor({ state: 'hidden' });
    await workbench.treeRows('Library').filter({ hasText: 'Paper search results' }).waitFor();
  });

  it('lists the papers with code in their own view', async () => {
    await workbench.pane('Has Code').locator('.pane-header').click();
    const rows = workbench.treeRows('Has Code');
    await rows.first().waitFor();
    assert.ok((await rows.count()) > 5);
    await workbench.screenshot('has-code-view');
    await workbench.pane('Has Code').locator('.pane-header').click();
  });

  it('stars a paper from the quick pick, and it joins the Starred group', async () => {
    await workbench.openSearch();
    await workbench.quickInputBox.pressSequentially('landmark attention', { delay: 30 });
    const row = workbench
      .quickPickRows()
      .first()
      .filter({ hasText: 'Landmark Attention: Random-Access Infinite Context Length' });
    await row.waitFor();
    await row.hover();
    await row.locator('.action-label[aria-label="Star"]').click();
    await row.locator('.action-label[aria-label="Unstar"]').waitFor({ state: 'attached' });
    await workbench.screenshot('quick-pick-star');
    await workbench.page.keyboard.press('Escape');
    const starred = workbench
      .treeRows('Library')
      .filter({ has: workbench.page.locator('.label-name', { hasText: /^Starred$/ }) });
    await starred.waitFor();
    await workbench.treeRows('Library').filter({ hasText: 'Landmark Attention: Random-Access' }).first().waitFor();
  });

  it('reads through a collection with the toolbar, the keyboard and the star button', async () => {
    await workbench.clickViewAction('Library', 'Collapse All');
    const rows = workbench.treeRows('Library');
    await rows.filter({ hasText: 'Daily Papers · Mar 13' }).click();
    const first = rows.filter({ hasText: 'Transformers as Support Vector Machines' }).first();
    await first.click();
    await workbench.tab('Transformers as Support Vector Machines').waitFor();
    let view = workbench.webview();
    await view.locator('.position', { hasText: '1 of 92' }).waitFor();
    assert.equal(await view.locator('button[data-action="previous"]').isDisabled(), true);

    await view.locator('button[data-action="next"]').click();
    view = workbench.webview();
    await view.locator('.position', { hasText: '2 of 92' }).waitFor();
    const second = await view.locator('h1.title').innerText();
    assert.doesNotMatch(second, /Transformers as Support Vector Machines/);

    // Keys, as in a feed reader: P goes back. The page has focus once clicked.
    await view.locator('h1.title').click();
    await workbench.page.keyboard.press('p');
    view = workbench.webview();
    await view.locator('.position', { hasText: '1 of 92' }).waitFor();

    // Every button is reachable without a mouse: focus Next and press Enter.
    await view.locator('button[data-action="next"]').focus();
    await workbench.page.keyboard.press('Enter');
    view = workbench.webview();
    await view.locator('.position', { hasText: '2 of 92' }).waitFor();

    await view.locator('button[data-action="star"]').click();
    await view.locator('button[data-action="unstar"]', { hasText: '★ Starred' }).waitFor();
    await workbench.screenshot('abstract-toolbar');
  });

  it('looks right in light, high-contrast and dark themes', async () => {
    const view = workbench.webview();
    await view.locator('h1.title').waitFor();
    // The page takes the theme's colours: its background changes with the theme (the webview restyles a moment after the workbench).
    const background = () =>
      workbench
        .webview()
        .locator('body')
        .evaluate((body) => getComputedStyle(body).backgroundColor);
    const changedFrom = async (previous) => {
      for (;;) {
        const now = await background();
        if (now !== previous) {
          return now;
        }
        await workbench.page.waitForTimeout(100);
      }
    };
    const dark = await background();
    await workbench.setColorTheme('Light Modern');
    const light = await changedFrom(dark);
    await workbench.screenshot('abstract-light');
    await workbench.setColorTheme('Dark High Contrast');
    const contrast = await changedFrom(light);
    await workbench.screenshot('abstract-high-contrast');
    await workbench.setColorTheme('Dark Modern');
    await changedFrom(contrast);
    await workbench.screenshot('abstract-dark');
    assert.equal(new Set([dark, light, contrast]).size, 3, `${dark} / ${light} / ${contrast}`);
  });

  it('brings the abstract tab back after the window reloads', async () => {
    const title = (await workbench.webview().locator('h1.title').innerText()).trim();
    await workbench.reloadWindow();
    const view = workbench.webview();
    await view.locator('h1.title', { hasText: title }).waitFor({ timeout: 60_000 });
    assert.ok(await workbench.tab(title.slice(0, 30)).isVisible());
    await view.locator('button[data-action="unstar"]').waitFor();
  });
});
