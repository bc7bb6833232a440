import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodeHtmlEntities } from '../../src/core/text/entities';
import { foldLetters, hasInvisible, removeInvisible } from '../../src/core/text/letters';

describe('foldLetters', () => {
  it('spells the letters that decomposition leaves whole as their base letters', () => {
    assert.equal(foldLetters('Łódź'), 'Lódź');
    assert.equal(foldLetters('Straße'), 'Strasse');
    assert.equal(foldLetters('Søren Æsir œuvre Đorđe Þór ıi ħ'), 'Soren AEsir oeuvre Dorde THór ii h');
  });

  it('changes nothing in ASCII text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii' }), (text) => {
        assert.equal(foldLetters(text), text);
      }),
    );
  });

  it('leaves only letters NFKD cannot split further', () => {
    for (const letter of 'łøæœßđðþıħŧŋ') {
      assert.equal(letter.normalize('NFKD'), letter, letter);
    }
  });
});

describe('invisible characters', () => {
  const invisible = ['\u200b', '\u200c', '\u200d', '\u2060', '\u00ad', '\ufeff', '\ufe0f', '\u{e0100}'];

  it('finds and removes each of them', () => {
    for (const c of invisible) {
      assert.equal(hasInvisible(`Hyper${c}networks`), true, c.codePointAt(0)?.toString(16));
      assert.equal(removeInvisible(`Hyper${c}networks`), 'Hypernetworks');
    }
  });

  it('removes exactly what was inserted, wherever it was inserted', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.nat(), fc.constantFrom(...invisible), (text, at, c) => {
        const clean = removeInvisible(text);
        const i = Math.min(at, clean.length);
        assert.equal(removeInvisible(clean.slice(0, i) + c + clean.slice(i)), clean);
      }),
    );
  });
});

describe('decodeHtmlEntities', () => {
  it('decodes named and numeric references once', () => {
    assert.equal(decodeHtmlEntities('Interactive &amp; Data-Driven'), 'Interactive & Data-Driven');
    assert.equal(
      decodeHtmlEntities('write &lt;interactive&gt; articles; it&#39;s &quot;easy&quot;'),
      'write <interactive> articles; it\'s "easy"',
    );
    assert.equal(decodeHtmlEntities('&#x2014; &#8212; &eacute; &nbsp;'), '— — é \u00a0');
    assert.equal(decodeHtmlEntities('&amp;lt;'), '&lt;');
  });

  it('leaves what is not a reference as written', () => {
    assert.equal(
      decodeHtmlEntities('AT&T & R&D &nosuch; &#0; &#xD800; &#1114112; &amp'),
      'AT&T & R&D &nosuch; &#0; &#xD800; &#1114112; &amp',
    );
    assert.equal(decodeHtmlEntities('&constructor; &toString;'), '&constructor; &toString;');
  });
});
