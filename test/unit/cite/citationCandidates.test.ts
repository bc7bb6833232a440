import * as assert from 'node:assert/strict';
import { citationCandidates, searchTextOfKey } from '../../../src/core/cite/citationCandidates';
import { CitationKeyIndex } from '../../../src/core/cite/keyIndex';

interface P {
  readonly id: string;
  readonly citationKey?: string;
  readonly title: string;
  readonly own?: boolean;
}

const PAPERS: P[] = [
  {
    id: 'a',
    citationKey: 'leviathan2023fast',
    title: 'Fast Inference from Transformers via Speculative Decoding',
  },
  {
    id: 'b',
    citationKey: 'chen2023accelerating',
    title: 'Accelerating LLM Decoding with Speculative Sampling',
    own: true,
  },
  { id: 'c', citationKey: 'spector2023staged', title: 'Staged Speculative Decoding' },
  { id: 'd', citationKey: 'spec', title: 'A paper keyed spec' },
  { id: 'e', title: 'Speculative but keyless' },
  { id: 'f', citationKey: 'vaswani2017attention', title: 'Attention Is All You Need', own: true },
];

/** A stand-in for the library's search: papers whose title has every query word as a word prefix. */
function search(query: string, limit: number): P[] {
  const words = query.toLowerCase().split(/\s+/);
  return PAPERS.filter((p) =>
    words.every((w) =>
      p.title
        .toLowerCase()
        .split(/\W+/)
        .some((t) => t.startsWith(w)),
    ),
  ).slice(0, limit);
}

const sources = { keys: new CitationKeyIndex(PAPERS), search, own: () => PAPERS.filter((p) => p.own === true) };

describe('citation candidates', () => {
  it('puts the exact key first, then keys with that prefix, then search hits, each once and each with a key', () => {
    assert.deepEqual(
      citationCandidates('spec', sources, 10).map((p) => p.id),
      ['d', 'c', 'a', 'b'],
    );
  });

  it('searches title words so that a topic finds papers whatever their keys', () => {
    assert.deepEqual(
      citationCandidates('speculative decoding', sources, 10).map((p) => p.id),
      ['a', 'b', 'c'],
    );
  });

  it('offers the document’s own bibliography when nothing is typed', () => {
    assert.deepEqual(
      citationCandidates(' ', sources, 10).map((p) => p.id),
      ['b', 'f'],
    );
  });

  it('stops at the limit', () => {
    assert.equal(citationCandidates('spec', sources, 2).length, 2);
  });
});

describe('search text of a key', () => {
  it('splits a key into its author, year and title words', () => {
    assert.equal(searchTextOfKey('vaswani2017attention'), 'vaswani 2017 attention');
    assert.equal(searchTextOfKey('Devlin:2019:BERT'), 'Devlin 2019 BERT');
    assert.equal(searchTextOfKey('smithJones_2020'), 'smith Jones 2020');
    assert.equal(searchTextOfKey('müller2021über'), 'müller 2021 über');
  });
});
