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

  it('gives many papers with one base their keys in steps proportional to their number', () => {
    let lookups = 0;
    const taken = new Set<string>();
    const counting = { has: (key: string) => (lookups++, taken.has(key)) } as ReadonlySet<string>;
    const tried = new Map<string, number>();
    const keys = (n: number) => {
      taken.clear();
      tried.clear();
      lookups = 0;
      for (let i = 0; i < n; i++) {
        taken.add(uniqueCitationKey('paper', counting, tried));
      }
      return lookups;
    };
    const small = keys(2_000);
    const large = keys(8_000);
    assert.equal(taken.size, 8_000);
    assert.ok(large <= 4.5 * small, `4× the papers, ${(large / small).toFixed(1)}× the lookups`);
  });
});
