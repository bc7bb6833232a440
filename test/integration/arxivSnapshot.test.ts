import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LibrarySnapshot } from '../../src/core/library/snapshot';
import type { NodeAbstractFile } from '../../src/core/formats/keptRecords/nodeAbstractFile';
import { decodeMergePlan } from '../../src/core/library/mergePlan';
import { decodeIndexCache } from '../../src/core/search/engine/indexCache';
import { Commands } from '../../src/host/ids';
import { activateExtension, waitFor } from './helpers';

/** Records in the generated snapshot: every tenth in cs.CL, every tenth cross-listed to it, the rest elsewhere. */
const RECORDS = 20_000;
const CATEGORIES = [
  'cs.CL cs.LG',
  'cs.LG',
  'stat.ML cs.CL',
  'hep-th',
  'math.CO',
  'quant-ph',
  'cs.CV',
  'astro-ph.GA',
  'gr-qc',
  'cs.CR',
];
const IN_CS_CL = RECORDS / 5;
const FAMILIES = ['Nakamura', 'Lindqvist', 'García', 'Moreau', 'Kowalski'];

function record(i: number, overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({
    id: `2401.${String(i).padStart(5, '0')}`,
    authors: `A. ${FAMILIES[i % FAMILIES.length]}`,
    title: `Generated paper number ${i} on\n  sequence models`,
    'journal-ref': null,
    doi: null,
    categories: CATEGORIES[i % CATEGORIES.length],
    abstract: `  We study generated problem ${i} and report what\n  a sequence model learns from it.\n`,
    versions: [{ version: 'v1', created: 'Tue, 9 Jan 2024 10:00:00 GMT' }],
    update_date: '2024-01-10',
    authors_parsed: [[FAMILIES[i % FAMILIES.length], 'A.', '']],
    ...overrides,
  });
}

const NOTE = `Notes on Reading Group Papers
A short abstract the reading group wrote about the papers it read this week, long enough to count as prose.`;

describe('An arXiv metadata snapshot in papers.corpus.paths', () => {
  let folder: string;
  let snapshotFile: string;
  let notesFile: string;
  const config = () => vscode.workspace.getConfiguration('papers');
  const arxivCollection = (s: LibrarySnapshot) => s.library.collections.find((c) => c.format === 'arxiv');
  /** The kept-records file that the snapshot's papers read their abstracts from. */
  const keptRecordsPath = (s: LibrarySnapshot) =>
    (s.library.papers.find((p) => p.storedAbstract)?.storedAbstract?.file as NodeAbstractFile | undefined)?.path;

  before(async function () {
    this.timeout(120_000);
    folder = mkdtempSync(path.join(tmpdir(), 'papers-arxiv-'));
    snapshotFile = path.join(folder, 'arxiv-metadata.jsonl');
    notesFile = path.join(folder, 'notes.txt');
    const lines = Array.from({ length: RECORDS }, (_, i) => record(i));
    // One author of the field, one outside it, and a line a truncated download would leave.
    lines[0] = record(0, { authors_parsed: [['Okonkwo', 'Chidi', '']], authors: 'Chidi Okonkwo' });
    lines[3] = record(3, { authors_parsed: [['Zubiri', 'Ane', '']], authors: 'Ane Zubiri' });
    lines.push('{"id":"2401.99999","title":"cut off');
    writeFileSync(snapshotFile, lines.join('\n'));
    writeFileSync(notesFile, NOTE);
    await config().update('corpus.includeBundled', false, vscode.ConfigurationTarget.Global);
    await config().update('arxiv.categories', ['cs.CL'], vscode.ConfigurationTarget.Global);
    await config().update('corpus.paths', [snapshotFile, notesFile], vscode.ConfigurationTarget.Global);
  });

  after(async function () {
    this.timeout(120_000);
    await config().update('corpus.paths', undefined, vscode.ConfigurationTarget.Global);
    await config().update('arxiv.categories', undefined, vscode.ConfigurationTarget.Global);
    await config().update('corpus.includeBundled', undefined, vscode.ConfigurationTarget.Global);
    const api = await activateExtension();
    await waitFor(
      'the bundled corpus alone again',
      async () => (await api.ready()).library.papers.length === 438 || undefined,
      60_000,
    );
    rmSync(folder, { recursive: true, force: true });
  });

  async function libraryWhere(what: string, check: (s: LibrarySnapshot) => boolean): Promise<LibrarySnapshot> {
    const api = await activateExtension();
    return waitFor(
      what,
      async () => {
        const snapshot = await api.ready();
        return check(snapshot) ? snapshot : undefined;
      },
      60_000,
    );
  }

  it('keeps the records of the category filter and says how many were read, kept and bad', async function () {
    this.timeout(90_000);
    const snapshot = await libraryWhere('the filtered snapshot', (s) => arxivCollection(s)?.records?.kept === IN_CS_CL);
    assert.deepEqual(arxivCollection(snapshot)?.records, { read: RECORDS + 1, kept: IN_CS_CL, bad: 1 });
    assert.equal(snapshot.library.papers.length, IN_CS_CL + 1, 'the kept records and the notes');
    assert.ok(
      snapshot.library.problems.some((p) => p.collection.endsWith('arxiv-metadata.jsonl') && p.line === RECORDS + 1),
      'the truncated last line is a problem at its line',
    );
    const paper = snapshot.library.papers.find((p) => p.bibliographic?.arxivId === '2401.00010')!;
    assert.ok(paper.storedAbstract, 'the abstract stays on disk');
    assert.equal(paper.abstract, 'We study generated problem 10 and report what a sequence model learns from it.');
    const kept = keptRecordsPath(snapshot);
    assert.match(kept ?? '', /[/\\]kept-records[/\\][0-9a-f]{32}\.records$/);
    assert.ok(existsSync(kept!));
  });

  it('searches the kept records by category and by author', async () => {
    const { index } = await libraryWhere(
      'the filtered snapshot',
      (s) => arxivCollection(s)?.records?.kept === IN_CS_CL,
    );
    assert.equal(index.search('cat:cs.CL', { limit: 5 }).total, IN_CS_CL);
    assert.equal(index.search('cat:cs.', { limit: 5 }).total, IN_CS_CL);
    assert.equal(index.search('cat:cs.LG', { limit: 5 }).total, IN_CS_CL / 2);
    assert.equal(index.search('cat:stat.ML sequence', { limit: 5 }).total, IN_CS_CL / 2);
    const byAuthor = index.search('author:okonkwo').hits;
    assert.deepEqual(
      byAuthor.map((h) => h.paper.bibliographic?.arxivId),
      ['2401.00000'],
    );
    assert.equal(byAuthor[0].paper.title, 'Generated paper number 0 on sequence models');
    assert.deepEqual(byAuthor[0].paper.bibliographic?.categories, ['cs.CL', 'cs.LG']);
    assert.equal(index.search('author:zubiri').total, 0, 'a record outside the filter is not in the library');
  });

  it('reads only a second file again when it changes, not the snapshot', async function () {
    this.timeout(90_000);
    const before = await libraryWhere('the filtered snapshot', (s) => arxivCollection(s)?.records?.kept === IN_CS_CL);
    writeFileSync(notesFile, NOTE.replace('Reading Group', 'Journal Club'));
    const after = await libraryWhere('the edited notes', (s) =>
      s.library.papers.some((p) => p.title === 'Notes on Journal Club Papers'),
    );
    assert.deepEqual(after.files, { read: 1, unchanged: 1 }, 'the notes read again, the snapshot kept as read');
    assert.equal(after.library.papers.length, before.library.papers.length);
    assert.deepEqual(arxivCollection(after)?.records, arxivCollection(before)?.records);
  });

  it('takes the kept records on Reload Library while the snapshot is unchanged, without reading it', async function () {
    this.timeout(90_000);
    const before = await libraryWhere('the filtered snapshot', (s) => arxivCollection(s)?.records?.kept === IN_CS_CL);
    const kept = keptRecordsPath(before)!;
    // A read that writes the file again renames a new file over it: another inode.
    const written = statSync(kept).ino;
    // The last load's merge plan and index cache are saved after it is done: the reload must find them, not the
    // files an earlier load left.
    const storage = path.dirname(path.dirname(kept));
    const saved = (name: string) => {
      try {
        return readFileSync(path.join(storage, name));
      } catch {
        return undefined;
      }
    };
    await waitFor(
      'the merge plan and the index cache of the last load saved',
      async () => {
        const plan = saved('merge-plan.bin');
        const cache = saved('index-cache.bin');
        return (
          (plan &&
            decodeMergePlan(plan)?.key === before.library.key &&
            cache &&
            decodeIndexCache(cache, before.index.cacheKey)) ||
          undefined
        );
      },
      10_000,
    );
    await vscode.commands.executeCommand(Commands.reload);
    const after = await libraryWhere('the reloaded library', (s) => s !== before);
    assert.deepEqual(
      after.files,
      { read: 1, unchanged: 1 },
      'the notes read again, the snapshot from its kept records',
    );
    assert.equal(keptRecordsPath(after), kept);
    assert.equal(statSync(kept).ino, written, 'the kept records were not written again');
    assert.equal(after.mergeReplayed, true, 'the same files: the merge of the load before was replayed');
    assert.deepEqual(after.indexed, { tokenized: 0, carried: 0 }, 'the index from its cache');
    assert.deepEqual(
      after.library.papers.map((p) => [p.id, p.citationKey, p.label]),
      before.library.papers.map((p) => [p.id, p.citationKey, p.label]),
    );
    assert.deepEqual(arxivCollection(after)?.records, arxivCollection(before)?.records);
    assert.equal(after.index.search('author:okonkwo').total, 1);
  });

  it('reads the snapshot again when the category filter changes, and deletes the kept records of the old filter', async function () {
    this.timeout(90_000);
    const before = await libraryWhere('the filtered snapshot', (s) => arxivCollection(s)?.records?.kept === IN_CS_CL);
    const oldKept = keptRecordsPath(before)!;
    await config().update('arxiv.categories', ['cs.'], vscode.ConfigurationTarget.Global);
    const snapshot = await libraryWhere(
      'the snapshot read with the new filter',
      (s) => arxivCollection(s)?.records?.kept === (RECORDS * 5) / 10,
    );
    assert.equal(snapshot.index.search('cat:cs.CV', { limit: 5 }).total, RECORDS / 10);
    const newKept = keptRecordsPath(snapshot)!;
    assert.notEqual(newKept, oldKept);
    assert.ok(existsSync(newKept));
    await waitFor('the old kept records deleted', async () => !existsSync(oldKept) || undefined, 10_000);
  });
});
