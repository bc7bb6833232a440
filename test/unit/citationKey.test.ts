import * as assert from 'node:assert/strict';
import { citationKeyBase, uniqueCitationKey } from '../../src/core/cite/citationKey';

describe('citation keys', () => {
  it('first author family name, year, first significant title word, in lower-case ASCII', () => {
    assert.equal(
      citationKeyBase('Attention Is All You Need', {
        authors: [{ family: 'Vaswani', given: 'Ashish' }],
        issued: { year: 2017 },
      }),
      'vaswani2017attention',
    );
    assert.equal(
      citationKeyBase('On the Importance of $\\ell_1$ Penalties', {
        authors: [{ family: 'Müller-Świątek' }],
        issued: { year: 2020 },
      }),
      'mullerswiatek2020importance',
    );
    assert.equal(
      citationKeyBase('Über Straße', { authors: [{ family: 'Łukasiewicz' }, { family: 'Other' }] }),
      'lukasiewiczuber',
    );
    assert.equal(
      citationKeyBase('The Report', { authors: [{ literal: 'Google Research' }], issued: { year: 2023 } }),
      'google2023report',
    );
  });

  it('a paper with neither authors, year nor title words still gets a key', () => {
    assert.equal(citationKeyBase('', {}), 'paper');
    assert.equal(citationKeyBase('$O(n)$', { issued: { year: 1999 } }), '1999');
  });

  it('is made unique with a, b, … z, aa, deterministically', () => {
    assert.equal(uniqueCitationKey('doe2020deep', new Set()), 'doe2020deep');
    assert.equal(uniqueCitationKey('doe2020deep', new Set(['doe2020deep'])), 'doe2020deepa');
    assert.equal(uniqueCitationKey('doe2020deep', new Set(['doe2020deep', 'doe2020deepa'])), 'doe2020deepb');
    const taken = new Set(['k', ...Array.from({ length: 26 }, (_, i) => `k${String.fromCharCode(97 + i)}`)]);
    assert.equal(uniqueCitationKey('k', taken), 'kaa');
  });

  it('makes many keys of one base in work proportional to their number, with the same keys as one at a time', () => {
    const lookups = { count: 0 };
    class CountingSet extends Set<string> {
      has(value: string): boolean {
        lookups.count++;
        return super.has(value);
      }
    }
    const make = (n: number, tried?: Map<string, number>) => {
      const taken = new CountingSet(['paper']);
      lookups.count = 0;
      const keys = Array.from({ length: n }, () => {
        const key = uniqueCitationKey('paper', taken, tried);
        taken.add(key);
        return key;
      });
      return { keys, lookups: lookups.count };
    };
    const fast = make(4000, new Map());
    assert.ok(fast.lookups <= 3 * 4000, `${fast.lookups} lookups for 4,000 keys`);
    assert.deepEqual(fast.keys, make(4000).keys);
    assert.ok(make(8000, new Map()).lookups <= 2.1 * fast.lookups, 'twice the keys, about twice the work');
  });
});
