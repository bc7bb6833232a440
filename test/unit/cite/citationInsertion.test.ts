import * as assert from 'node:assert/strict';
import { citationInsertion } from '../../../src/core/cite/citationInsertion';
import type { CitationLanguage } from '../../../src/core/cite/citationLanguage';

/** The document after citing `keys` at `|`, or `undefined` when there is nothing to do. */
function cite(language: CitationLanguage, marked: string, keys: string[], command?: string): string | undefined {
  const offset = marked.indexOf('|');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const edit = citationInsertion(text, language, offset, keys, command);
  return edit && text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
}

describe('citation insertion', () => {
  it('inserts a new citation outside any citation', () => {
    assert.equal(cite('latex', 'As shown |.', ['a']), 'As shown \\cite{a}.');
    assert.equal(cite('latex', 'As shown |.', ['a', 'b'], 'citep'), 'As shown \\citep{a,b}.');
    assert.equal(cite('markdown', 'As shown |.', ['a', 'b']), 'As shown [@a; @b].');
  });

  it('adds keys to the end of the citation the cursor is in', () => {
    assert.equal(cite('latex', '\\cite{a|}', ['b']), '\\cite{a,b}');
    assert.equal(cite('latex', '\\cite[p.~3]{a, b |}', ['c', 'd']), '\\cite[p.~3]{a, b,c,d }');
    assert.equal(cite('latex', '\\cite{|}', ['b']), '\\cite{b}');
    assert.equal(cite('latex', '\\cite{a,|}', ['b']), '\\cite{a,b}');
    assert.equal(cite('latex', '\\cite[s|ee]{a}', ['b']), '\\cite[see]{a,b}');
    assert.equal(cite('markdown', '[see @a, p. 3|]', ['b']), '[see @a, p. 3; @b]');
    assert.equal(cite('markdown', '[@a;| ]', ['b']), '[@a; @b ]');
  });

  it('adds to an unclosed citation where its keys end', () => {
    assert.equal(cite('latex', '\\cite{a|\nnext line', ['b']), '\\cite{a,b\nnext line');
  });

  it('never splits a text citation: the new citation follows its key', () => {
    assert.equal(cite('markdown', 'As @do|e99 says', ['b']), 'As @doe99 [@b] says');
  });

  it('never adds a key twice', () => {
    assert.equal(cite('latex', '\\cite{a,b|}', ['a', 'b']), undefined);
    assert.equal(cite('latex', '\\cite{a|}', ['a', 'c', 'c']), '\\cite{a,c}');
    assert.equal(cite('markdown', '[@a|]', ['a']), undefined);
  });

  it('does nothing for no keys', () => {
    assert.equal(cite('latex', 'x|', []), undefined);
  });
});
