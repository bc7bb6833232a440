import { parentPort } from 'node:worker_threads';
import { decodeIndexCache, encodeIndexCache } from './indexCache';
import { PaperIndexer } from './indexer';
import type { IndexWorkerReply, IndexWorkerRequest } from './indexWorkerProtocol';
import { runSteps } from '../../util/steps';

/**
 * The index worker (bundled as `dist/indexWorker.js`): builds or updates the
 * index off the extension host's thread, where neither tokenizing nor its
 * garbage collection can hold up the editor, and hands back the cache bytes.
 */
const port = parentPort;
if (port) {
  let libraryKey: string | undefined;
  let indexer: PaperIndexer | undefined;
  let from: Int32Array | undefined;
  let indexed = 0;
  port.on('message', (request: IndexWorkerRequest) => {
    if ('libraryKey' in request) {
      libraryKey = request.libraryKey;
      return;
    }
    if ('previous' in request) {
      const previous = decodeIndexCache(request.previous, request.previousKey);
      if (!previous) {
        throw new Error('the previous index sent for an update does not load');
      }
      indexer = new PaperIndexer(runSteps(previous.byDocumentSteps()), libraryKey);
      from = request.from;
      return;
    }
    indexer ??= new PaperIndexer(undefined, libraryKey);
    if ('papers' in request) {
      for (const paper of request.papers) {
        const old = from ? from[indexed] : -1;
        if (old >= 0) {
          indexer.carry(paper, old);
        } else {
          indexer.add([paper]);
        }
        indexed++;
      }
      port.postMessage({ indexed } satisfies IndexWorkerReply);
      return;
    }
    const { terms, key } = runSteps(indexer.finishSteps());
    const cache = encodeIndexCache(terms, key);
    port.postMessage({ cache, key } satisfies IndexWorkerReply, [cache.buffer as ArrayBuffer]);
    port.close();
  });
}
