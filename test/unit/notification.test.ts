import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { notificationSafe, problemsNotification } from '../../src/core/render/notification';

const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f]/;

describe('Notifications', () => {
  it('name a file by its last path segment, URI-decoded, with Markdown link syntax escaped', () => {
    assert.equal(
      notificationSafe('file:///home/u/papers/%5Bclick%5D(command%3Aworkbench.action.quit).txt'),
      '\\[click\\]\\(command:workbench.action.quit\\).txt',
    );
    assert.equal(notificationSafe('/corpus/bad%ZZname.txt'), 'bad%ZZname.txt', 'a name that does not decode is kept');
    assert.equal(notificationSafe(`/${'x'.repeat(5000)}.txt`).length, 120);
  });

  it('leave no Markdown syntax or direction control of a file name unescaped, whatever the name', () => {
    assert.doesNotMatch(notificationSafe('/corpus/Invoice \u202Egpj.exe.txt'), BIDI);
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 100 }), (name) => {
        const safe = notificationSafe(`/corpus/${encodeURIComponent(name)}`);
        assert.doesNotMatch(safe, /(?<!\\)[[\]()<>`*_]/);
        assert.doesNotMatch(safe, BIDI);
      }),
      { numRuns: 200, seed: 0x5ec0de },
    );
  });

  it('say which file and line had a problem and how many more, and never carry corpus text', () => {
    const problems = [
      { collection: 'file:///corpus/%5BShow%20details%5D(command:x).txt', line: 5, message: 'PWNED [open](command:y)' },
      { collection: 'file:///corpus/other.txt', line: 9, message: 'title with no abstract' },
    ];
    const message = problemsNotification(problems);
    assert.equal(
      message,
      'Papers: a problem reading \\[Show details\\]\\(command:x\\).txt (line 5) and 1 more. The rest was loaded.',
    );
    assert.doesNotMatch(message ?? '', /PWNED|command:y/);
    assert.equal(
      problemsNotification(problems.slice(1)),
      'Papers: a problem reading other.txt (line 9). The rest was loaded.',
    );
    assert.equal(problemsNotification([]), undefined);
  });
});
