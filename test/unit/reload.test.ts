import * as assert from 'node:assert/strict';
import { readCorpusFileSteps } from '../../src/core/formats/load';
import { buildLibrary, type LibraryFile } from '../../src/core/library/merge';
import { ReloadTracker, type ReadFile } from '../../src/core/library/reloadTracker';
import { runSteps } from '../../src/core/util/steps';

const prose = (n: number) =>
  `We study problem number ${n} and show that a long enough abstract reads as prose, as abstracts do. It has several sentences and it ends with a period.`;

function file(id: string, text: string): ReadFile {
  return runSteps(readCorpusFileSteps(id, id, Buffer.from(text)));
}

const A = file('a.txt', ['Paper One', prose(1)].join('\n'));
const B = file('b.txt', ['Paper Two', prose(2)].join('\n'));

/** A load as the library service does it: what the round may take unchanged is taken, the rest read from `disk`. */
function load(tracker: ReloadTracker, disk: readonly ReadFile[]) {
  const round = tracker.begin();
  const fresh = disk.map((f) => round.unchanged(f.id) ?? f);
  return { round, ...tracker.finish(round, fresh) };
}

describe('Incremental reloads', () => {
  it('reads every file on the first load, then only the files a watcher reported', () => {
    const tracker = new ReloadTracker();
    const first = load(tracker, [A, B]);
    assert.equal(first.round.all, true);
    assert.equal(first.read, 2);
    const editedB = file('b.txt', ['Paper Two, Edited', prose(2)].join('\n'));
    tracker.fileChanged('b.txt');
    const second = load(tracker, [A, editedB]);
    assert.equal(second.round.all, false);
    assert.equal(second.read, 1);
    assert.equal(second.files[0], A, 'the unchanged file is the one read before');
    assert.equal(second.files[1], editedB);
    const third = load(tracker, [file('a.txt', 'changed on disk, but nobody said so'), editedB]);
    assert.equal(third.read, 0);
    assert.equal(third.files[0], A);
  });

  it('reads a new file, and every file again after rereadAll', () => {
    const tracker = new ReloadTracker();
    load(tracker, [A]);
    assert.equal(load(tracker, [A, B]).read, 1, 'b.txt is new');
    tracker.rereadAll();
    const again = load(tracker, [A, B]);
    assert.equal(again.round.all, true);
    assert.equal(again.read, 2);
  });

  it('does not hold a file whose records are kept on disk, and takes its kept records again without counting a read', () => {
    const tracker = new ReloadTracker();
    const snapshot = (reused: boolean): ReadFile => ({
      ...(B as LibraryFile),
      id: 'arxiv.jsonl',
      keptRecords: { path: '/storage/kept-records/k.records', reused },
    });
    const first = load(tracker, [A, snapshot(false)]);
    assert.equal(first.read, 2);
    tracker.fileChanged('a.txt');
    const round = tracker.begin();
    assert.equal(round.unchanged('arxiv.jsonl'), undefined, 'read again: from its kept records');
    const again = snapshot(true);
    const second = tracker.finish(round, [A, again]);
    assert.equal(second.read, 1, 'only a.txt was read');
    assert.equal(second.files[1], again);
  });

  it('gives a cancelled load’s changes back to the next one', () => {
    const tracker = new ReloadTracker();
    load(tracker, [A, B]);
    tracker.fileChanged('a.txt');
    tracker.rereadAll();
    tracker.giveBack(tracker.begin());
    const next = tracker.begin();
    assert.equal(next.all, true);
    assert.ok(next.changed.has('a.txt'));
  });

  it('keeps the last good papers of a file caught half-written, and reads it once more', () => {
    const tracker = new ReloadTracker();
    load(tracker, [A, B]);
    const truncated = file('a.txt', '');
    tracker.fileChanged('a.txt');
    const caught = load(tracker, [truncated, B]);
    assert.equal(caught.readAgainSoon, true);
    assert.equal(caught.files[0], A, 'a.txt keeps its papers');
    assert.deepEqual(
      buildLibrary(caught.files).papers.map((p) => p.title),
      ['Paper One', 'Paper Two'],
    );
    // The writer is done: the next load reads a.txt again without another watcher event.
    const written = file('a.txt', ['Paper One, Rewritten', prose(1)].join('\n'));
    const after = load(tracker, [written, B]);
    assert.equal(after.readAgainSoon, false);
    assert.equal(after.files[0], written);
  });

  it('takes a file that is still empty when read once more as empty', () => {
    const tracker = new ReloadTracker();
    load(tracker, [A, B]);
    tracker.fileChanged('a.txt');
    const empty = file('a.txt', '');
    load(tracker, [empty, B]);
    const settled = load(tracker, [empty, B]);
    assert.equal(settled.files[0], empty);
    assert.equal(settled.readAgainSoon, false);
    assert.deepEqual(
      buildLibrary(settled.files).papers.map((p) => p.title),
      ['Paper Two'],
    );
  });
});
