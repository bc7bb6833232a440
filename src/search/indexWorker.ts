import { parentPort } from 'node:worker_threads';
import { encodeIndexCache } from './indexCache';
import { PaperIndexer } from './indexer';
import type { IndexWorkerReply, IndexWorkerRequest } from './indexWorkerProtocol';
import { runSteps } from './termIndex';

/**
 * The index worker (bundled as `dist/indexWorker.js`): builds the index off
 * the extension host's thread, where neither tokenizing nor its garbage
 * collection can hold up the editor, and hands back the cache bytes.
 */
const port = parentPort;
if (port) {
  const indexer = new PaperIndexer();
  let indexed = 0;
  port.on('message', (request: IndexWorkerRequest) => {
    if ('papers' in request) {
      indexer.add(request.papers);
      indexed += request.papers.length;
      port.postMessage({ indexed } satisfies IndexWorkerReply);
      return;
    }
    const { terms, key } = runSteps(indexer.finishSteps());
    const cache = encodeIndexCache(terms, key);
    port.postMessage({ cache } satisfies IndexWorkerReply, [cache.buffer as ArrayBuffer]);
    port.close();
  });
}
