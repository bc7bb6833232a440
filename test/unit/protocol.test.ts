import * as assert from 'node:assert/strict';
import { parsePageMessage, parsePageState, safeExternalUrl } from '../../src/shared/protocol';

describe('webview protocol', () => {
  it('opens only https links', () => {
    assert.equal(safeExternalUrl('https://github.com/a/b'), 'https://github.com/a/b');
    assert.equal(safeExternalUrl('HTTPS://x.org/'), 'https://x.org/');
    for (const url of [
      'http://x.org/',
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'java\tscript:alert(1)',
      ' javascript:alert(1)',
      'data:text/html,x',
      'file:///etc/passwd',
      'command:workbench.action.quit',
      'vscode://x',
      'vscode-webview://x',
      'not a url',
      '',
    ]) {
      assert.equal(safeExternalUrl(url), undefined, url);
    }
  });

  it('accepts only well-formed messages', () => {
    assert.deepEqual(parsePageMessage({ type: 'openPaper', id: 'abc123' }), { type: 'openPaper', id: 'abc123' });
    assert.deepEqual(parsePageMessage({ type: 'openLink', url: 'https://x' }), { type: 'openLink', url: 'https://x' });
    for (const bad of [
      null,
      1,
      'openPaper',
      {},
      { type: 'openPaper' },
      { type: 'openPaper', id: '../x' },
      { type: 'openPaper', id: 'a'.repeat(100) },
      { type: 'runCommand', id: 'x' },
      { type: 'openLink', url: 5 },
    ]) {
      assert.equal(parsePageMessage(bad), undefined, JSON.stringify(bad));
    }
  });

  it('accepts the toolbar actions by name and nothing else', () => {
    assert.deepEqual(parsePageMessage({ type: 'action', action: 'next' }), { type: 'action', action: 'next' });
    assert.deepEqual(parsePageMessage({ type: 'action', action: 'copyCitation' }), {
      type: 'action',
      action: 'copyCitation',
    });
    for (const action of [
      'runCommand',
      'workbench.action.quit',
      'papers.star',
      '',
      undefined,
      ['star'],
      { toString: () => 'star' },
    ]) {
      assert.equal(parsePageMessage({ type: 'action', action }), undefined, String(action));
    }
  });

  it('restores only a state that names a paper id', () => {
    assert.deepEqual(parsePageState({ paperId: 'abc' }), { paperId: 'abc' });
    assert.equal(parsePageState({ paperId: '<x>' }), undefined);
    assert.equal(parsePageState(undefined), undefined);
  });
});
