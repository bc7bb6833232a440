// A researcher's own BibTeX file in the library: find a paper by its author from the palette, read its row, open
// it, and see its authors, links and citation key in the tab. Screenshots land in test-results/screenshots.
import * as assert from 'node:assert/strict';
import { cpSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../host/codeServer.mjs';
import { openWorkbench, closeWorkbenchAfter } from './workbench.mjs';

describe('A BibTeX library, driven like a person', function () {
  /** @type {import('./workbench.mjs').Workbench} */
  let workbench;

  before(async () => {
    workbench = await openWorkbench({
      viewport: { width: 1400, height: 900 },
      settings: { 'papers.corpus.paths': ['library.bib'], 'papers.corpus.includeBundled': false },
    });
    cpSync(
      path.join(ROOT, 'test', 'unit', 'fixtures', 'formats', 'library', 'library.bib'),
      path.join(workbench.folder, 'library.bib'),
    );
    await workbench.openSideBar('Papers');
    await workbench.treeRows('Library').filter({ hasText: 'library' }).first().waitFor({ timeout: 60_000 });
  });

  closeWorkbenchAfter(() => workbench);

  it('finds a paper by author, shows first author, year and venue, and opens it with its authors and links', async () => {
    await workbench.openSearch();
    await workbench.quickInputBox.pressSequentially('author:hinton', { delay: 40 });
    const rows = workbench.quickPickRows();
    await rows.filter({ hasText: 'Visualizing data using t-SNE' }).first().waitFor();
    const row = await rows.filter({ hasText: 'Visualizing data using t-SNE' }).first().innerText();
    assert.match(row, /van der Maaten et al\. · 2008 · Journal of machine learning research/);
    await workbench.screenshot('bibtex-quick-pick');

    await workbench.quickInputBox.fill('');
    await workbench.quickInputBox.pressSequentially('arXiv:1706.03762', { delay: 40 });
    await rows.first().filter({ hasText: 'Attention Is All You Need' }).waitFor();
    await workbench.page.keyboard.press('Enter');
    await workbench.tab('Attention Is All You Need').waitFor();
    const view = workbench.webview();
    await view.locator('p.authors').waitFor();
    const authors = await view.locator('p.authors .author').allInnerTexts();
    assert.deepEqual(authors.slice(0, 2), ['Ashish Vaswani', 'Noam Shazeer']);
    assert.ok(authors.includes('Łukasz Kaiser'), authors.join(', '));
    assert.equal(await view.locator('.arxiv a').getAttribute('href'), 'https://arxiv.org/abs/1706.03762');
    assert.equal(await view.locator('.doi a').getAttribute('href'), 'https://doi.org/10.48550/arXiv.1706.03762');
    await view.locator('.abstract .math').first().waitFor();
    assert.equal(await view.locator('.citation-key code').innerText(), 'vaswani2017attention');
    await workbench.page.waitForTimeout(300);
    await workbench.screenshot('abstract-bibtex');
  });
});
