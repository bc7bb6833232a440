import * as assert from 'node:assert/strict';
import { CitationKeyIndex } from '../../../src/core/cite/keyIndex';

const PAPERS = [
  { id: '1', citationKey: 'vaswani2017attention' },
  { id: '2', citationKey: 'Leviathan2023Fast' },
  { id: '3', citationKey: 'leviathan2023speculative' },
  { id: '4' },
  { id: '5', citationKey: 'vaswani2017attention' },
  { id: '6', citationKey: 'chen2023accelerating' },
];

describe('citation key index', () => {
  const index = new CitationKeyIndex(PAPERS);

  it('names every paper with exactly that key, as written', () => {
    assert.deepEqual(
      index.papersWithKey('vaswani2017attention').map((p) => p.id),
      ['1', '5'],
    );
    assert.deepEqual(index.papersWithKey('leviathan2023fast'), []);
    assert.deepEqual(index.papersWithKey('unknown'), []);
  });

  it('lists keys that start with a prefix, ignoring case, in key order, up to a limit', () => {
    assert.deepEqual(
      index.withKeyPrefix('LEV', 10).map((p) => p.id),
      ['2', '3'],
    );
    assert.deepEqual(
      index.withKeyPrefix('', 2).map((p) => p.id),
      ['6', '2'],
    );
    assert.deepEqual(index.withKeyPrefix('zz', 10), []);
    assert.deepEqual(
      index.withKeyPrefix('vaswani2017attention', 10).map((p) => p.id),
      ['1', '5'],
    );
  });

  it('reads a one-letter prefix across the buckets it starts', () => {
    assert.deepEqual(
      index.withKeyPrefix('l', 10).map((p) => p.id),
      ['2', '3'],
    );
    assert.deepEqual(
      index.withKeyPrefix('v', 10).map((p) => p.id),
      ['1', '5'],
    );
  });
});
