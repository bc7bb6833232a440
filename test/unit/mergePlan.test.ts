import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildLibrary, mergeLibrarySteps, type LibraryFile } from '../../src/core/library/merge';
import { decodeMergePlan, encodeMergePlan, type MergePlan } from '../../src/core/library/mergePlan';
import { nodeFileSystem } from '../../src/core/formats/nodeFileSystem';
import { readCorpusLocations } from '../../src/core/formats/sources';
import type { ParsedEntry } from '../../src/core/formats/parse';
import type { Library } from '../../src/core/model/paper';
import { runSteps } from '../../src/core/util/steps';
import { CORPUS } from './helpers';

/** The merge of `files`, and its plan: what a first load gives. */
function merged(files: readonly LibraryFile[]): { library: Library; plan: MergePlan } {
  const { library, plan } = runSteps(mergeLibrarySteps(files));
  assert.ok(plan, 'files with content keys give a plan');
  return { library, plan };
}

/** The merge of `files` replaying `plan`, as saved and read back. */
function replayed(files: readonly LibraryFile[], plan: MergePlan): Library {
  const decoded = decodeMergePlan(encodeMergePlan(plan));
  assert.ok(decoded);
  const merge = runSteps(mergeLibrarySteps(files, decoded));
  assert.ok(merge.replayed === (decoded.key === merge.library.key), 'replayed when the keys are the same');
  return merge.library;
}

function file(id: string, entries: Omit<ParsedEntry, 'line'>[]): LibraryFile {
  return {
    id,
    name: id,
    contentKey: `test:${id}:${JSON.stringify(entries)}`,
    parsed: { format: 'bibtex', problems: [], entries: entries.map((e, i) => ({ ...e, line: i + 1 })) },
  };
}

const abstract = (what: string) => `An abstract about ${what}, long enough to be read as one, with a sentence in it.`;

describe('the merge plan (a merge of the same files replayed)', () => {
  it('gives the bundled library, its untitled copies, merged duplicates and generated keys included', async () => {
    const files = (await readCorpusLocations(nodeFileSystem, [CORPUS])) as LibraryFile[];
    const { library, plan } = merged(files);
    assert.equal(library.papers.length, 438);
    assert.ok(library.key);
    assert.deepStrictEqual(replayed(files, plan), library);
    assert.deepStrictEqual(library, buildLibrary(files));
  });

  it('gives the library the merge gives, for any files: clashing titles, untitled copies, shared DOIs and arXiv ids, keys taken', () => {
    const titles = ['Attention', 'attention', 'Tokenizers', 'Graphs', undefined, undefined];
    const topics = ['tokenizers', 'graphs', 'lattices', 'cells'];
    const entry = fc.record(
      {
        title: fc.constantFrom(...titles),
        abstract: fc.constantFrom(...topics).map(abstract),
        doi: fc.constantFrom(undefined, '10.1/a', '10.1/b'),
        arxivId: fc.constantFrom(undefined, '2401.00001', '2401.00002'),
        citationKey: fc.constantFrom(undefined, 'smith2024attention', 'own'),
        year: fc.constantFrom(2023, 2024),
      },
      { requiredKeys: ['abstract', 'year'] },
    );
    const asEntry = (e: {
      title?: string | undefined;
      abstract: string;
      doi?: string | undefined;
      arxivId?: string | undefined;
      citationKey?: string | undefined;
      year: number;
    }): Omit<ParsedEntry, 'line'> => ({
      ...(e.title !== undefined && { title: e.title }),
      abstract: e.abstract,
      bibliographic: {
        authors: [{ family: 'Smith', given: 'Ann' }],
        issued: { year: e.year },
        ...(e.doi !== undefined && { doi: e.doi }),
        ...(e.arxivId !== undefined && { arxivId: e.arxivId }),
        ...(e.citationKey !== undefined && { citationKey: e.citationKey }),
      },
    });
    fc.assert(
      fc.property(fc.array(fc.array(entry, { maxLength: 12 }), { minLength: 1, maxLength: 4 }), (lists) => {
        const files = lists.map((entries, i) => file(`file${i}`, entries.map(asEntry)));
        const { library, plan } = merged(files);
        // A note only the plan has tells that it was replayed rather than set aside for a merge.
        const marker = { collection: 'file0', line: 1, message: 'from the plan' };
        const again = replayed(files, { ...plan, notes: [...plan.notes, marker] });
        assert.deepStrictEqual(again, { ...library, problems: [...library.problems, marker] });
      }),
      { numRuns: 300 },
    );
  });

  it('is replayed, not worked out again: a changed plan shows in the library', () => {
    const files = [
      file('a', [
        { title: 'Tokenizers', abstract: abstract('tokenizers'), bibliographic: { issued: { year: 2024 } } },
        { title: 'Graphs', abstract: abstract('graphs'), bibliographic: { issued: { year: 2024 } } },
      ]),
    ];
    const { library, plan } = merged(files);
    assert.deepEqual(
      library.papers.map((p) => p.citationKey),
      ['2024tokenizers', '2024graphs'],
    );
    const suffixes = plan.citationKeySuffixes.slice();
    suffixes[1] = 2;
    const changed = replayed(files, { ...plan, citationKeySuffixes: suffixes });
    assert.deepEqual(
      changed.papers.map((p) => p.citationKey),
      ['2024tokenizers', '2024graphsb'],
    );
  });

  it('is ignored for other files, and when it does not fit the files it names', () => {
    const tokenizers = { title: 'Tokenizers', abstract: abstract('tokenizers') };
    const graphs = { title: 'Graphs', abstract: abstract('graphs') };
    const files = [file('a', [tokenizers, graphs])];
    const { library, plan } = merged(files);
    const other = [file('a', [graphs, tokenizers])];
    assert.deepStrictEqual(replayed(other, plan), buildLibrary(other), 'another key');
    // The same key over other entries (a damaged or hand-made plan): the counts do not fit, or a paper is never made.
    for (const unfit of [
      { ...plan, entryCounts: [3] },
      { ...plan, paperOfEntry: Int32Array.of(0, 0) },
      { ...plan, paperOfEntry: Int32Array.of(0, 7) },
    ]) {
      assert.deepStrictEqual(runSteps(mergeLibrarySteps(files, unfit)).library, library);
    }
  });

  it('has no plan or key when a file has no content key', () => {
    const { contentKey: _, ...keyless } = file('a', [{ title: 'Tokenizers', abstract: abstract('tokenizers') }]);
    const { library, plan } = runSteps(mergeLibrarySteps([keyless]));
    assert.equal(plan, undefined);
    assert.equal(library.key, undefined);
  });

  it('reads back as it was written, and refuses bytes that are not a plan', () => {
    const { plan } = merged([
      file('a', [{ abstract: abstract('cells') }, { abstract: abstract('cells') }, { title: 'Cells', abstract: 'x' }]),
    ]);
    const bytes = encodeMergePlan(plan);
    assert.deepStrictEqual(decodeMergePlan(bytes), plan);
    // At an odd offset in a larger buffer, as a file read may give it, and in a Node Buffer, whose `slice` is a view.
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    assert.deepStrictEqual(decodeMergePlan(shifted.subarray(1)), plan);
    const pooled = Buffer.alloc(bytes.length + 3);
    pooled.set(bytes, 3);
    assert.deepStrictEqual(decodeMergePlan(pooled.subarray(3)), plan);
    for (const bad of [
      new Uint8Array(0),
      bytes.subarray(0, bytes.length - 4),
      Uint8Array.from(bytes, (b, i) => (i === 0 ? 0 : b)),
      new TextEncoder().encode('PXMP0001\u0004\u0000\u0000\u0000{"k'),
    ]) {
      assert.equal(decodeMergePlan(bad), undefined);
    }
  });
});
