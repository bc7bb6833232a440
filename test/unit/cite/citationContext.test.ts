import * as assert from 'node:assert/strict';
import { citationAt, citedKeysIn } from '../../../src/core/cite/citationContext';
import type { CitationLanguage } from '../../../src/core/cite/citationLanguage';

/** The document with `|` removed, and the offset where `|` was. */
function at(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf('|');
  assert.ok(offset >= 0, 'the case marks the cursor with |');
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), offset };
}

function context(language: CitationLanguage, marked: string) {
  const { text, offset } = at(marked);
  return citationAt(text, language, offset);
}

function keysOf(language: CitationLanguage, marked: string): string[] | undefined {
  return context(language, marked)?.citation.keys.map((k) => k.key);
}

describe('citation contexts', () => {
  describe('LaTeX', () => {
    it('finds the key being typed in \\cite{ and its variants', () => {
      for (const command of ['cite', 'citep', 'citet', 'citeauthor', 'autocite', 'parencite', 'textcite', 'footcite']) {
        const found = context('latex', `As shown by \\${command}{vasw|} we`);
        assert.equal(found?.citation.form, command);
        assert.deepEqual(found?.typed && { prefix: found.typed.prefix }, { prefix: 'vasw' }, command);
      }
    });

    it('reads starred forms, optional arguments and several keys', () => {
      const { text, offset } = at('\\citep*[see][p.~3]{a, b2020x,|c}');
      const found = citationAt(text, 'latex', offset);
      assert.equal(found?.citation.form, 'citep*');
      assert.deepEqual(
        found?.citation.keys.map((k) => [k.key, text.slice(k.start, k.end)]),
        [
          ['a', 'a'],
          ['b2020x', 'b2020x'],
          ['c', 'c'],
        ],
      );
      assert.deepEqual(found?.typed, { prefix: '', start: offset, end: offset + 1 });
      assert.equal(found?.citation.closed, true);
      assert.equal(text.slice(found.citation.start, found.citation.end), text);
    });

    it('gives the typed words and the whole entry a chosen key replaces', () => {
      const { text, offset } = at('\\cite{a, speculative deco|ding , b}');
      const typed = citationAt(text, 'latex', offset)?.typed;
      assert.equal(typed?.prefix, 'speculative deco');
      assert.equal(typed && text.slice(typed.start, typed.end), 'speculative decoding');
    });

    it('is in the citation at the closing brace, not after it or before the key list', () => {
      assert.ok(context('latex', '\\cite{a|}')?.typed);
      assert.equal(context('latex', '\\cite{a}|'), undefined);
      assert.equal(context('latex', '\\cite|{a}'), undefined);
      assert.equal(context('latex', 'no citation| here'), undefined);
    });

    it('sees the citation but no key position in an optional argument', () => {
      const found = context('latex', '\\parencite[see|][]{a}');
      assert.deepEqual(
        found?.citation.keys.map((k) => k.key),
        ['a'],
      );
      assert.equal(found?.typed, undefined);
    });

    it('works while the citation is still being typed, without swallowing the rest of the line', () => {
      const { text, offset } = at('We follow \\cite{spec| and then\nmore text.');
      const found = citationAt(text, 'latex', offset);
      assert.equal(found?.citation.closed, false);
      assert.deepEqual(found?.typed, { prefix: 'spec', start: offset - 4, end: offset });
      assert.deepEqual(keysOf('latex', '\\cite{a,|'), ['a']);
    });

    it('reads a key list over several lines', () => {
      assert.deepEqual(keysOf('latex', '\\cite{a,\n  b|,\n  c}'), ['a', 'b', 'c']);
    });

    it('keeps keys with punctuation whole', () => {
      assert.deepEqual(keysOf('latex', "\\cite{o'brien:2020/x-y|}"), ["o'brien:2020/x-y"]);
    });

    it('ignores citations in comments, but not after an escaped percent sign', () => {
      assert.equal(context('latex', '% \\cite{a|}'), undefined);
      assert.deepEqual(keysOf('latex', '50\\% of \\cite{a|}'), ['a']);
    });

    it('picks the citation the cursor is in among several', () => {
      assert.deepEqual(keysOf('latex', '\\cite{a} and \\citet{b|} and \\cite{c}'), ['b']);
      assert.equal(context('latex', '\\cite{a} and| \\cite{c}'), undefined);
    });

    it('does not treat other commands as citations', () => {
      assert.equal(context('latex', '\\ref{fig|}'), undefined);
      assert.equal(context('latex', '\\cite no braces|'), undefined);
    });
  });

  describe('Markdown (Pandoc, Quarto, R Markdown)', () => {
    it('finds the key being typed after @ in a bracket citation', () => {
      const { text, offset } = at('[see @doe99, p. 3; @vasw|]');
      const found = citationAt(text, 'markdown', offset);
      assert.equal(found?.citation.form, 'bracket');
      assert.deepEqual(
        found?.citation.keys.map((k) => k.key),
        ['doe99', 'vasw'],
      );
      assert.deepEqual(found?.typed, { prefix: 'vasw', start: offset - 4, end: offset });
      assert.equal(text.slice(found.citation.start, found.citation.end), text);
    });

    it('offers keys right after @, also with suppressed author and while the bracket is open', () => {
      assert.equal(context('markdown', 'Text [@|')?.typed?.prefix, '');
      assert.equal(context('markdown', 'Text [-@doe|]')?.typed?.prefix, 'doe');
    });

    it('finds text citations', () => {
      const found = context('markdown', 'As @doe9|9 says.');
      assert.equal(found?.citation.form, 'text');
      assert.deepEqual(
        found?.citation.keys.map((k) => k.key),
        ['doe99'],
      );
      assert.equal(found?.typed?.prefix, 'doe9');
    });

    it('keeps internal punctuation in keys but not a sentence end', () => {
      assert.deepEqual(keysOf('markdown', 'As @doe:99|.'), ['doe:99']);
      assert.deepEqual(keysOf('markdown', '[@smith-jones.2020|]'), ['smith-jones.2020']);
    });

    it('is in a bracket citation outside its keys, without a key position', () => {
      const found = context('markdown', '[see| @doe99]');
      assert.deepEqual(
        found?.citation.keys.map((k) => k.key),
        ['doe99'],
      );
      assert.equal(found?.typed, undefined);
    });

    it('does not take e-mail addresses, links, images, footnotes or code for citations', () => {
      assert.equal(context('markdown', 'mail me@exam|ple.com'), undefined);
      assert.equal(context('markdown', '[@doe|](https://example.com)'), undefined);
      assert.equal(context('markdown', '![@doe|]'), undefined);
      assert.equal(context('markdown', '[^note @doe|]'), undefined);
      assert.equal(context('markdown', 'code `x = @doe|` here'), undefined);
      assert.equal(context('markdown', '```\n@doe|\n```'), undefined);
      assert.ok(context('markdown', '```\ncode\n```\n@doe|'));
      assert.equal(context('markdown', 'see https://host/@doe|'), undefined);
    });

    it('is not a citation in a bracket without keys', () => {
      assert.equal(context('markdown', '[just| text]'), undefined);
    });
  });
});

describe('every key a document cites', () => {
  it('lists the keys of closed LaTeX citations outside comments, with their places', () => {
    const text = '\\cite{a,b} % \\cite{c}\n\\citep[p.~1]{d}\n\\cite{typing';
    assert.deepEqual(
      citedKeysIn(text, 'latex').map((k) => [k.key, text.slice(k.start, k.end)]),
      [
        ['a', 'a'],
        ['b', 'b'],
        ['d', 'd'],
      ],
    );
  });

  it('lists Pandoc keys outside code, not e-mail addresses', () => {
    const text = '[@a; -@b, p. 3] and @c.\n```\n@code\n```\nmail x@y.z `@span` [see @d]';
    assert.deepEqual(
      citedKeysIn(text, 'markdown').map((k) => [k.key, text.slice(k.start, k.end)]),
      [
        ['a', 'a'],
        ['b', 'b'],
        ['c', 'c'],
        ['d', 'd'],
      ],
    );
  });
});
