import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import fc from 'fast-check';
import { buildLibrary } from '../../src/core/library/merge';
import { nodeFileSystem } from '../../src/core/formats/nodeFileSystem';
import type { Library, Paper } from '../../src/core/model/paper';
import { readCorpusLocations } from '../../src/core/formats/sources';
import {
  buildIndex,
  buildIndexAsync,
  updateIndexAsync,
  loadIndexAsync,
  type PaperIndex,
} from '../../src/core/search/engine';
import { bundledCorpus, FILES, ROOT } from './helpers';

/** The worker as `tsc` compiles it; the extension runs the bundled `dist/indexWorker.js`, built from the same source. */
const WORKER_SCRIPT = path.join(ROOT, 'out', 'src', 'core', 'search', 'engine', 'indexWorker.js');

/** Words being typed, typos, several words, filters, phrases and exclusions: every path a query takes through the index. */
const QUERIES = [
  'xLSTM',
  'lan',
  't',
  'tr',
  'la',
  'a',
  'quantizaton',
  'quantization',
  'transformer',
  'transformers',
  'large language model',
  'diffusion',
  'vision lstm',
  'mixture of transformers',
  'HAWQ-V2',
  'hawq v2',
  'sub graph',
  'reinforcement learning',
  'has:code',
  'has:code year:2023',
  'year:2023 attention',
  'attention -vision',
  '"language model"',
  '"state space" mamba',
  'title:attention',
  'abs:memory',
  'lstm -xlstm',
  'normalization',
  'norm',
  'embeddings whitening',
  'zipf',
  'graph neural',
  'speech recognition',
  'optimizer adam',
  'adamp',
  'chestx-ray8',
  'nllb clip',
  'contrastive',
  'retrieval augmented generation',
  'upvotes:>10 llm',
  'in:daily model',
];

function withPapers(library: Library, papers: readonly Paper[]): Library {
  return { ...library, papers, byId: new Map(papers.map((p) => [p.id, p])) };
}

async function libraryOf(files: readonly string[]): Promise<Library> {
  const read = await readCorpusLocations(nodeFileSystem, files);
  return buildLibrary(read);
}

/** Asserts that two indexes of the same library hold the same terms, postings and field lengths, whatever their term ids. */
function assertSameIndex(updated: PaperIndex, fresh: PaperIndex): void {
  const postings = (index: PaperIndex, term: string) => {
    const { offsets, docs, tfs } = index.terms.data;
    const id = index.terms.termId(term) ?? -1;
    return id < 0
      ? []
      : Array.from(
          docs.subarray(offsets[id], offsets[id + 1]),
          (doc, i) => `${doc}:${tfs.subarray((offsets[id] + i) * 2, (offsets[id] + i) * 2 + 2).join(',')}`,
        );
  };
  assert.equal(updated.terms.termCount, fresh.terms.termCount, 'terms');
  for (let id = 0; id < fresh.terms.termCount; id++) {
    const term = fresh.terms.term(id);
    assert.deepEqual(postings(updated, term), postings(fresh, term), `postings of ${term}`);
  }
  assert.deepEqual(updated.terms.data.fieldLengths, fresh.terms.data.fieldLengths);
}

/** Asserts that two indexes of the same library answer every query alike. */
function assertSameResults(updated: PaperIndex, fresh: PaperIndex, queries: readonly string[] = QUERIES): void {
  assert.equal(updated.size, fresh.size);
  assert.equal(updated.cacheKey, fresh.cacheKey);
  assertSameIndex(updated, fresh);
  for (const query of queries) {
    const got = updated.search(query, { limit: 30 });
    const want = fresh.search(query, { limit: 30 });
    assert.equal(got.total, want.total, `total for "${query}"`);
    assert.deepEqual(
      got.hits.map((h) => h.paper.id),
      want.hits.map((h) => h.paper.id),
      `hits for "${query}"`,
    );
    got.hits.forEach((hit, i) =>
      assert.ok(Math.abs(hit.score - want.hits[i].score) <= 1e-9, `score of hit ${i} for "${query}"`),
    );
    assert.deepEqual(
      got.hits.map((h) => h.terms),
      want.hits.map((h) => h.terms),
      `matched terms for "${query}"`,
    );
    assert.deepEqual(
      updated.matching(query).map((p) => p.id),
      fresh.matching(query).map((p) => p.id),
      `matching "${query}"`,
    );
  }
  for (const paper of fresh.library.papers.filter((_, i) => i % 97 === 0)) {
    const got = updated.related(paper.id);
    const want = fresh.related(paper.id);
    assert.deepEqual(
      got.map((h) => h.paper.id),
      want.map((h) => h.paper.id),
      `related to ${paper.id}`,
    );
    got.forEach((hit, i) =>
      assert.ok(Math.abs(hit.score - want[i].score) <= 1e-9, `score of related ${i} to ${paper.id}`),
    );
  }
}

describe('updating the index after a change', () => {
  let original: Library;
  let edited: Library;
  let changed: Set<string>;

  before(async () => {
    original = await libraryOf([FILES.bare1, FILES.daily1, FILES.search, FILES.daily2]);
    // bare1 dropped, bare2 added, the rest reordered; one title and one abstract edited.
    const read = await libraryOf([FILES.daily2, FILES.bare2, FILES.search, FILES.daily1]);
    const [retitled, rewritten] = read.papers.filter((p) => p.title && original.byId.has(p.id)).slice(5, 7);
    edited = withPapers(
      read,
      read.papers.map((p) =>
        p === retitled
          ? { ...p, title: `${p.title} Revisited for Quantization` }
          : p === rewritten
            ? { ...p, abstract: `${p.abstract} We also study xLSTM.` }
            : p,
      ),
    );
    changed = new Set(edited.papers.filter((p) => !original.byId.has(p.id)).map((p) => p.id));
    changed.add(retitled.id).add(rewritten.id);
  });

  it('gives the index, results and cache key a fresh build of the changed library gives', async () => {
    const updated = await updateIndexAsync(buildIndex(original), edited);
    assert.ok(updated);
    assertSameResults(updated, buildIndex(edited));
  });

  it('tokenizes only the new and edited papers, and carries the others over', async () => {
    const updated = await updateIndexAsync(buildIndex(original), edited);
    assert.ok(changed.size > 2 && changed.size < edited.papers.length / 3, `${changed.size} changed papers`);
    assert.deepEqual(updated?.indexed, { tokenized: changed.size, carried: edited.papers.length - changed.size });
  });

  it('saves a cache that loads as the index of the changed library', async () => {
    const updated = await updateIndexAsync(buildIndex(original), edited);
    const loaded = updated && (await loadIndexAsync(edited, updated.toCache()));
    assert.ok(loaded);
    assertSameResults(loaded, buildIndex(edited));
  });

  it('builds anew when more than a third of the papers changed, or there is no previous index', async () => {
    const { library } = await bundledCorpus();
    const small = await libraryOf([FILES.bare1, FILES.bare2]);
    assert.deepEqual((await updateIndexAsync(buildIndex(small), library))?.indexed, {
      tokenized: library.papers.length,
      carried: 0,
    });
    assert.deepEqual((await updateIndexAsync(undefined, library))?.indexed, {
      tokenized: library.papers.length,
      carried: 0,
    });
  });

  it('stops when cancelled', async () => {
    assert.equal(
      await updateIndexAsync(buildIndex(original), edited, { token: { isCancellationRequested: true } }),
      undefined,
    );
  });

  it('updates on the worker thread as on this one, from an index built there, loaded from its cache or built here', async () => {
    const fresh = buildIndex(edited);
    const here = await updateIndexAsync(buildIndex(original), edited);
    assert.ok(here);
    const built = await buildIndexAsync(original, { workerScript: WORKER_SCRIPT });
    const loaded = built && (await loadIndexAsync(original, built.toCache().slice()));
    for (const previous of [built, loaded, buildIndex(original)]) {
      assert.ok(previous);
      const errors: unknown[] = [];
      const updated = await updateIndexAsync(previous, edited, {
        workerScript: WORKER_SCRIPT,
        onWorkerError: (e) => errors.push(e),
      });
      assert.deepEqual(errors, []);
      assert.ok(updated);
      assert.deepEqual(updated.indexed, { tokenized: changed.size, carried: edited.papers.length - changed.size });
      assert.deepEqual(updated.toCache(), here.toCache());
      assert.equal(updated.cacheKey, fresh.cacheKey);
      assertSameResults(updated, fresh);
    }
  });

  it('updates on this thread when the worker cannot run, and says why', async () => {
    const errors: unknown[] = [];
    const updated = await updateIndexAsync(buildIndex(original), edited, {
      workerScript: path.join(ROOT, 'out', 'no-such-worker.js'),
      onWorkerError: (e) => errors.push(e),
    });
    assert.equal(errors.length, 1);
    assert.ok(updated);
    assert.deepEqual(updated.indexed, { tokenized: changed.size, carried: edited.papers.length - changed.size });
    assertSameResults(updated, buildIndex(edited));
  });

  it('matches a fresh build after any edits, deletions, insertions and reordering', async () => {
    const { library } = await bundledCorpus();
    const previous = buildIndex(original);
    const extra = library.papers.filter((p) => !original.byId.has(p.id));
    const words = ['transformer', 'quantization', 'xlstm', 'lan', 'graph', 'zzyzx'];
    const edit = fc.record({
      at: fc.nat(),
      field: fc.constantFrom('title' as const, 'abstract' as const),
      words: fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 3 }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat(), { maxLength: 20 }),
        fc.array(edit, { maxLength: 20 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        fc.boolean(),
        async (deletions, edits, insertions, reverse) => {
          const papers = [...original.papers];
          for (const at of deletions) {
            papers.splice(at % papers.length, 1);
          }
          for (const { at, field, words: added } of edits) {
            const paper = papers[at % papers.length];
            papers[at % papers.length] = { ...paper, [field]: `${paper[field] ?? ''} ${added.join(' ')}` };
          }
          for (const at of insertions) {
            const paper = extra[at % extra.length];
            if (!papers.includes(paper)) {
              papers.splice(at % (papers.length + 1), 0, paper);
            }
          }
          const changedLibrary = withPapers(original, reverse ? papers.reverse() : papers);
          const updated = await updateIndexAsync(previous, changedLibrary);
          assert.ok(updated);
          assert.ok(updated.indexed.carried > 0);
          assertSameResults(updated, buildIndex(changedLibrary), [
            'lan',
            't',
            'xlstm',
            'quantizaton',
            'zzyzx',
            'graph -transformer',
            'transformer quantization',
          ]);
        },
      ),
      { numRuns: 8 },
    );
  });
});
