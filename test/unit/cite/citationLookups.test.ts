import * as assert from 'node:assert/strict';
import { citationLookups } from '../../../src/core/cite/citationLookups';
import type { Paper } from '../../../src/core/model/paper';

function paper(id: string, citationKey: string, bibliographic: Paper['bibliographic'] = {}): Paper {
  return { id, citationKey, label: id, abstract: '', collections: [], links: [], hasCode: false, bibliographic };
}

describe('citation lookups', () => {
  const lookups = citationLookups([
    paper('a', 'leviathan2023fast', { arxivId: '2211.17192' }),
    paper('b', 'chen2023accelerating', { doi: '10.48550/arXiv.2302.01318', arxivId: '2302.01318' }),
    paper('c', 'chen2023accelerating'),
  ]);

  it('finds papers by key, arXiv id and DOI (DOIs ignoring case)', () => {
    const ids = (found: readonly Paper[]) => found.map((p) => p.id);
    assert.deepEqual(ids(lookups.papersFor({ kind: 'citationKey', key: 'chen2023accelerating', start: 0, end: 1 })), [
      'b',
      'c',
    ]);
    assert.deepEqual(ids(lookups.papersFor({ kind: 'arxivId', arxivId: '2211.17192', start: 0, end: 1 })), ['a']);
    assert.deepEqual(ids(lookups.papersFor({ kind: 'doi', doi: '10.48550/ARXIV.2302.01318', start: 0, end: 1 })), [
      'b',
    ]);
    assert.deepEqual(ids(lookups.papersFor({ kind: 'doi', doi: '10.1000/none', start: 0, end: 1 })), []);
  });
});
