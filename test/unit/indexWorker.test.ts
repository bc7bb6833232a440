import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { BroadcastChannel } from 'node:worker_threads';
import { buildIndexAsync, type PaperIndex } from '../../src/core/search/engine';
import { HEARTBEAT_CHANNEL } from './fixtures/stuckIndexWorker';
import { bundledCorpus, ROOT } from './helpers';

/** The worker as `tsc` compiles it; the extension runs the bundled `dist/indexWorker.js`, built from the same source. */
const WORKER_SCRIPT = path.join(ROOT, 'out', 'src', 'core', 'search', 'engine', 'indexWorker.js');
const STUCK_WORKER = path.join(__dirname, 'fixtures', 'stuckIndexWorker.js');

const QUERIES = [
  'xLSTM',
  'landmark atten',
  'quantizaton',
  'sub-graph',
  'graph neural network',
  'title:hawq',
  'has:code year:2023',
  't',
  'tr',
];

function answers(index: PaperIndex, query: string) {
  const results = index.search(query);
  return { total: results.total, hits: results.hits.map((h) => [h.paper.id, h.score, h.terms]) };
}

/** Resolves once `channel` has been silent for `ms`. */
function silence(channel: BroadcastChannel, ms: number): Promise<void> {
  return new Promise((resolve) => {
    let timer = setTimeout(resolve, ms);
    channel.onmessage = () => {
      clearTimeout(timer);
      timer = setTimeout(resolve, ms);
    };
  });
}

describe('building the index in a worker', () => {
  it('gives the same cache bytes and the same answers as building it on this thread', async () => {
    const { library, index } = await bundledCorpus();
    const progress: number[] = [];
    const built = await buildIndexAsync(library, {
      workerScript: WORKER_SCRIPT,
      onProgress: (done) => progress.push(done),
    });
    assert.ok(built);
    assert.deepEqual(built.toCache(), index.toCache());
    assert.equal(built.cacheKey, index.cacheKey);
    for (const query of QUERIES) {
      assert.deepEqual(answers(built, query), answers(index, query), query);
    }
    assert.equal(progress.at(-1), library.papers.length);
  });

  it('builds on this thread instead when the worker cannot start', async () => {
    const { library, index } = await bundledCorpus();
    const errors: unknown[] = [];
    const built = await buildIndexAsync(library, {
      workerScript: path.join(ROOT, 'out', 'no-such-worker.js'),
      onWorkerError: (e) => errors.push(e),
    });
    assert.ok(built);
    assert.deepEqual(built.toCache(), index.toCache());
    assert.equal(errors.length, 1, 'the caller is told why, for its log');
  });

  it('stops the worker when cancelled', async () => {
    const { library } = await bundledCorpus();
    const heartbeats = new BroadcastChannel(HEARTBEAT_CHANNEL);
    try {
      const token = { isCancellationRequested: false };
      const alive = new Promise<void>((resolve) => (heartbeats.onmessage = () => resolve()));
      const building = buildIndexAsync(library, { workerScript: STUCK_WORKER, token });
      await alive;
      token.isCancellationRequested = true;
      assert.equal(await building, undefined);
      // A worker left running would beat every 5 ms and never fall silent.
      await silence(heartbeats, 200);
    } finally {
      heartbeats.close();
    }
  });
});
