// Text as researchers write it, on screen: a search in Chinese, and a title written with TeX accents in the
// Library, the quick pick, the tab title and the page. Screenshots land in test-results/screenshots.
import * as assert from 'node:assert/strict';
import path from 'node:path';
import { ROOT } from '../host/codeServer.mjs';
import { openWorkbench, closeWorkbenchAfter } from './workbench.mjs';

const CASES = path.join(ROOT, 'test', 'unit', 'fixtures', 'text');
const CHINESE = '基于注意力机制的图像分割方法';

describe('Every script, every spelling, driven like a person in VS Code', function () {
  /** @type {import('./workbench.mjs').Workbench} */
  let workbench;

  before(async () => {
    workbench = await openWorkbench({
      viewport: { width: 1400, height: 900 },
      settings: {
        'papers.corpus.includeBundled': false,
        'papers.corpus.paths': [path.join(CASES, 't01-chinese.txt'), path.join(CASES, 't03-tex-accents.txt')],
      },
    });
  });

  closeWorkbenchAfter(() => workbench);

  it('finds a word inside a run of Chinese and highlights it in the abstract', async () => {
    await workbench.openSearch();
    await workbench.quickInputBox.fill('注意力');
    await workbench.quickPickRows().first().filter({ hasText: CHINESE }).waitFor();
    const labels = await workbench.quickPickLabels();
    assert.equal(labels[0].split('\n')[0].trim().startsWith(CHINESE), true, labels.join('\n'));
    await workbench.screenshot('search-chinese');

    await workbench.page.keyboard.press('Enter');
    await workbench.tab(CHINESE).waitFor();
    const view = workbench.webview();
    await view.locator('h1.title').filter({ hasText: CHINESE }).waitFor();
    const marks = await view.locator('.abstract mark').allInnerTexts();
    assert.ok(marks.includes('注意力'), `marked: ${marks.join(', ')}`);
    await workbench.screenshot('search-chinese-tab');
  });

  it('shows a title with TeX accents as letters in the Library, the tab title and the page', async () => {
    await workbench.openSideBar('Papers');
    const rows = workbench.treeRows('Library');
    await rows.filter({ hasText: 't03-tex-accents' }).first().waitFor();
    const jager = rows.filter({ hasText: 'Jäger: Automated Telephone Call Traceback' });
    if ((await jager.count()) === 0) {
      await rows.filter({ hasText: 't03-tex-accents' }).first().click();
    }
    await jager.first().waitFor();
    assert.equal(await rows.filter({ hasText: '\\"' }).count(), 0, 'no raw TeX in the Library');
    await jager.first().click();
    await workbench.tab('Jäger: Automated Telephone Call Traceback').waitFor();
    const view = workbench.webview();
    await view.locator('h1.title').filter({ hasText: 'Jäger: Automated Telephone Call Traceback' }).waitFor();
    assert.match(
      await view.locator('.abstract').innerText(),
      /We present Jäger, a traceback system, building on work by Mühlbach\./,
    );
    await workbench.screenshot('tex-accents-tree-and-tab');
  });
});
