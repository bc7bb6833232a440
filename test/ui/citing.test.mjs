// Citing while writing LaTeX: type \cite{ and a topic, see the completion list, pick a paper, read its hover.
// Screenshots land in test-results/screenshots.
import * as assert from 'node:assert/strict';
import { cpSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../host/codeServer.mjs';
import { openWorkbench, closeWorkbenchAfter } from './workbench.mjs';

describe('Citing in a LaTeX document, driven like a person', function () {
  /** @type {import('./workbench.mjs').Workbench} */
  let workbench;

  before(async () => {
    workbench = await openWorkbench();
    cpSync(path.join(ROOT, 'test', 'fixtures', 'citing'), workbench.folder, { recursive: true });
  });

  closeWorkbenchAfter(() => workbench);

  it('completes \\cite{ with papers about what was typed, and shows a cited paper in a hover', async () => {
    const { page } = workbench;
    await page.locator('.part.activitybar').click({ position: { x: 24, y: 600 } });
    await page.keyboard.press('Control+P');
    await workbench.quickInputBox.waitFor();
    await workbench.quickInputBox.pressSequentially('paper.tex', { delay: 30 });
    await workbench.quickPickRows().first().filter({ hasText: 'paper.tex' }).waitFor();
    await page.keyboard.press('Enter');
    const editor = page.locator('.editor-instance .monaco-editor').first();
    await editor.locator('.view-line', { hasText: '\\end{document}' }).waitFor();
    await editor.click();
    // Above \end{document} (the file ends with a line break): a new line to write on.
    await page.keyboard.press('Control+End');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Drafting with a small model~\\cite{', { delay: 20 });
    await page.keyboard.type('speculative', { delay: 60 });

    const suggest = page.locator('.suggest-widget');
    const row = suggest.locator('.monaco-list-row', { hasText: 'leviathan2023fast' });
    await row.waitFor({ timeout: 30_000 });
    const rows = await suggest.locator('.monaco-list-row .label-name').allInnerTexts();
    assert.ok(rows.includes('chen2023accelerating'), rows.join(', '));
    assert.ok(rows.includes('spectr'), rows.join(', '));
    await page.waitForTimeout(500);
    await workbench.screenshot('cite-completion');

    await row.click();
    await editor.locator('.view-line', { hasText: 'small model~\\cite{leviathan2023fast}' }).waitFor();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    // Show or Focus Hover, by its keys: the palette would take the focus from the editor.
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    const hover = page.locator('.monaco-hover', {
      hasText: 'Fast Inference from Transformers via Speculative Decoding',
    });
    await hover.waitFor({ timeout: 15_000 });
    assert.match(await hover.innerText(), /Yaniv Leviathan, Matan Kalman, Yossi Matias · 2023/);
    assert.ok(await hover.locator('a', { hasText: 'Open Abstract' }).count(), 'the hover links to the abstract');
    // The hover fades in; the diagnostics of the key just written settle after half a second.
    await page.waitForTimeout(1000);
    await workbench.screenshot('cite-hover');
  });
});
