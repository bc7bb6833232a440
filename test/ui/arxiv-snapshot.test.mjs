// An arXiv metadata snapshot in the library, filtered to one category: find a paper by category and word from the
// palette, open it, and read its abstract (kept on disk, read when shown) with its categories in the tab.
// Screenshots land in test-results/screenshots.
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { openWorkbench, closeWorkbenchAfter } from './workbench.mjs';

const CATEGORIES = ['cs.CL cs.LG', 'math.CO', 'stat.ML cs.CL', 'hep-th'];

/** A record in the snapshot's own shape: title and abstract wrapped and indented, TeX in the authors. */
function record(i, title, abstract) {
  return JSON.stringify({
    id: `2401.${String(i).padStart(5, '0')}`,
    submitter: 'A. Okafor',
    authors: 'Amara Okafor and J{\\"o}rg M{\\"u}ller',
    title: title.replace(' for ', '\n  for '),
    'journal-ref': null,
    doi: null,
    categories: CATEGORIES[i % CATEGORIES.length],
    abstract: `  ${abstract.replace('. ', '.\n  ')}\n`,
    versions: [{ version: 'v1', created: 'Tue, 9 Jan 2024 10:00:00 GMT' }],
    update_date: '2024-01-10',
    authors_parsed: [
      ['Okafor', 'Amara', ''],
      ['Müller', 'Jörg', ''],
    ],
  });
}

describe('An arXiv snapshot, driven like a person', function () {
  /** @type {import('./workbench.mjs').Workbench} */
  let workbench;

  before(async () => {
    workbench = await openWorkbench({
      viewport: { width: 1400, height: 900 },
      settings: {
        'papers.corpus.paths': ['arxiv-metadata.jsonl'],
        'papers.corpus.includeBundled': false,
        'papers.arxiv.categories': ['cs.CL'],
      },
    });
    const lines = Array.from({ length: 40 }, (_, i) =>
      record(i, `Generated paper ${i} for sequence models`, `We study problem ${i}. A model learns from it.`),
    );
    lines[10] = record(
      10,
      'Tokenizers for many scripts',
      'We segment Greek (Ελληνικά) and Chinese (注意力机制) text with an $O(n)$ tokenizer. It keeps every script whole.',
    );
    writeFileSync(path.join(workbench.folder, 'arxiv-metadata.jsonl'), `${lines.join('\n')}\n`);
    await workbench.openSideBar('Papers');
    await workbench.treeRows('Library').filter({ hasText: 'arxiv-metadata' }).first().waitFor({ timeout: 60_000 });
  });

  closeWorkbenchAfter(() => workbench);

  it('finds a kept record by category and word, and shows its abstract and categories in the tab', async () => {
    await workbench.openSearch();
    await workbench.quickInputBox.pressSequentially('cat:cs.CL tokenizers', { delay: 40 });
    const rows = workbench.quickPickRows();
    const row = rows.filter({ hasText: 'Tokenizers for many scripts' }).first();
    await row.waitFor();
    assert.match(await row.innerText(), /Okafor et al\. · Jan 9, 2024 · arxiv-metadata/);
    await workbench.screenshot('arxiv-quick-pick');
    await workbench.page.keyboard.press('Enter');
    await workbench.tab('Tokenizers for many scripts').waitFor();
    const view = workbench.webview();
    await view.locator('.abstract').waitFor();
    const abstract = await view.locator('.abstract').innerText();
    assert.match(abstract, /We segment Greek \(Ελληνικά\) and Chinese \(注意力机制\) text/);
    assert.match(abstract, /It keeps every script whole\./);
    // Kept for cs.CL, where it is cross-listed; its primary category comes first.
    assert.deepEqual(await view.locator('ul.categories code').allInnerTexts(), ['stat.ML', 'cs.CL']);
    assert.equal(await view.locator('ul.categories li.primary code').innerText(), 'stat.ML');
    assert.deepEqual(await view.locator('p.authors .author').allInnerTexts(), ['Amara Okafor', 'Jörg Müller']);
    await view.locator('.abstract .math').first().waitFor();
    await workbench.page.waitForTimeout(300);
    await workbench.screenshot('arxiv-abstract');
  });
});
