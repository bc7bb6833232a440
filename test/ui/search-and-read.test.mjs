// A person's first minutes with Paper Explorer: search from the palette, read the abstract in a tab,
// browse the Library in the side bar. Screenshots land in test-results/screenshots.
import * as assert from 'node:assert/strict';
import { openWorkbench, closeWorkbenchAfter } from './workbench.mjs';

describe('Paper Explorer, driven like a person in VS Code', function () {
  /** @type {import('./workbench.mjs').Workbench} */
  let workbench;

  before(async () => {
    workbench = await openWorkbench();
  });

  closeWorkbenchAfter(() => workbench);

  it('searches from the palette and opens the abstract in a tab', async () => {
    await workbench.openSearch();
    await workbench.quickInputBox.pressSequentially('xlstm', { delay: 40 });
    const rows = workbench.quickPickRows();
    await rows.first().filter({ hasText: 'xLSTM: Extended Long Short-Term Memory' }).waitFor();
    const labels = await workbench.quickPickLabels();
    assert.ok(labels.length >= 3, `expected several hits, got ${labels.length}`);
    assert.match(labels[0], /^xLSTM: Extended Long Short-Term Memory/);
    assert.ok(
      labels.some((l) => l.startsWith('xLSTMTime')),
      labels.join('\n'),
    );
    await workbench.screenshot('quick-pick-search');

    await workbench.page.keyboard.press('Enter');
    await workbench.tab('xLSTM: Extended Long Short-Term Memory').waitFor();
    const view = workbench.webview();
    await view.locator('h1.title').filter({ hasText: 'xLSTM: Extended Long Short-Term Memory' }).waitFor();
    const abstract = await view.locator('.abstract').innerText();
    assert.match(abstract, /Long Short-Term Memory/);
    assert.ok((await view.locator('.abstract mark').count()) > 0, 'the searched word is highlighted');
    await workbench.screenshot('abstract-tab');

    const related = view.locator('nav.related a').filter({ hasText: 'Vision-LSTM: xLSTM as Generic Vision Backbone' });
    await related.click();
    await workbench.tab('Vision-LSTM: xLSTM as Generic Vision Backbone').waitFor();
    await workbench.webview().locator('h1.title').filter({ hasText: 'Vision-LSTM' }).waitFor();
  });

  it('matches the last word as it is being typed', async () => {
    await workbench.openSearch();
    await workbench.quickInputBox.pressSequentially('landmark atten', { delay: 30 });
    await workbench
      .quickPickRows()
      .first()
      .filter({ hasText: 'Landmark Attention: Random-Access Infinite Context Length' })
      .waitFor();
    assert.match(await workbench.quickInput.locator('.quick-input-title').innerText(), /Search Papers: \d+ match/);
    await workbench.page.keyboard.press('Escape');
  });

  it('says which filters are active', async () => {
    await workbench.openSearch();
    await workbench.quickInputBox.pressSequentially('has:code year:2023 graph', { delay: 20 });
    const title = workbench.quickInput.locator('.quick-input-title');
    await title.filter({ hasText: 'has code' }).waitFor();
    assert.match(await title.innerText(), /year 2023/);
    await workbench.screenshot('quick-pick-filters');
    await workbench.page.keyboard.press('Escape');
  });

  it('renders TeX in a title as math', async () => {
    await workbench.openSearch();
    await workbench.quickInputBox.pressSequentially('hubble tension', { delay: 30 });
    await workbench.quickPickRows().first().filter({ hasText: 'local void solution to the Hubble tension' }).waitFor();
    await workbench.page.keyboard.press('Enter');
    const title = workbench.webview().locator('h1.title').filter({ hasText: 'local void solution' });
    await title.waitFor();
    assert.equal(await title.locator('.math math').count(), 1, '$H_0$ is rendered as MathML');
    assert.doesNotMatch(await title.innerText(), /\$H_0\$/);
    await workbench.screenshot('abstract-math');
  });

  it('browses the Library in the side bar, grouped by collection with counts', async () => {
    await workbench.openSideBar('Papers');
    const rows = workbench.treeRows('Library');
    await rows.filter({ hasText: 'Paper search results' }).waitFor();
    const text = await rows.evaluateAll((elements) =>
      elements.map(
        (row) =>
          `${row.querySelector('.label-name')?.textContent} ${row.querySelector('.label-description')?.textContent}`,
      ),
    );
    for (const expected of [
      'Untitled abstracts I 11',
      'Daily Papers · Nov 4 86',
      'Paper search results 242',
      'Daily Papers · Mar 13 92',
      'Untitled abstracts II 11',
    ]) {
      assert.ok(text.includes(expected), `${expected} in\n${text.join('\n')}`);
    }
    await rows.filter({ hasText: 'Daily Papers · Nov 4' }).click();
    // Newest first: the group opens on the latest paper of the listing.
    const paper = rows.filter({ hasText: 'Stratified GRPO' });
    await paper.waitFor();
    await workbench.screenshot('library-tree');

    await paper.click();
    await workbench.tab('Stratified GRPO').waitFor();
    await workbench.webview().locator('h1.title').filter({ hasText: 'Stratified GRPO' }).waitFor();
    await workbench.screenshot('library-open-abstract');
  });

  it('stars a paper from its row in the Library', async () => {
    const rows = workbench.treeRows('Library');
    const paper = rows.filter({ hasText: 'Stratified GRPO' }).first();
    await paper.hover();
    await paper.locator('.actions .action-label[aria-label="Star"]').click();
    const starred = rows.filter({ has: workbench.page.locator('.label-name', { hasText: /^Starred$/ }) });
    await starred.waitFor();
    assert.equal(await starred.locator('.label-description').innerText(), '1');
    await workbench.screenshot('library-starred');
  });
});
