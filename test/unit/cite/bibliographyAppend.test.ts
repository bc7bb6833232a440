import * as assert from 'node:assert/strict';
import { bibliographyAppend, entryHeads } from '../../../src/core/cite/bibliographyAppend';

const BIB = `% My references
@string{acl = {ACL}}
@article{vaswani2017attention,
  title = {Attention Is All You Need},
}

  @InProceedings( devlin-2019:bert , title = {BERT})
@comment{not an entry, really}
`;

function appended(text: string, entries: { key: string; bibtex: string }[]): string | undefined {
  const edit = bibliographyAppend(text, entries);
  return edit && text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
}

describe('bibliography append', () => {
  it('locates entry heads with their lines and key offsets, skipping @string, @preamble and @comment', () => {
    const heads = entryHeads(BIB);
    assert.deepEqual(
      heads.map((h) => [h.entryType, h.key, h.line, BIB.slice(h.keyStart, h.keyEnd)]),
      [
        ['article', 'vaswani2017attention', 2, 'vaswani2017attention'],
        ['inproceedings', 'devlin-2019:bert', 6, 'devlin-2019:bert'],
      ],
    );
  });

  it('appends after a blank line and leaves the file as written', () => {
    const entry = { key: 'new2024', bibtex: '@misc{new2024,\n  title = {New}\n}' };
    const result = appended(BIB, [entry]);
    assert.ok(result?.startsWith(BIB));
    assert.equal(result?.slice(BIB.length), '\n@misc{new2024,\n  title = {New}\n}\n');
    assert.equal(
      appended('@misc{a, title={A}}', [entry]),
      '@misc{a, title={A}}\n\n@misc{new2024,\n  title = {New}\n}\n',
    );
    assert.equal(appended('', [entry]), '@misc{new2024,\n  title = {New}\n}\n');
  });

  it('never adds a key the file has, or one key twice', () => {
    const again = { key: 'vaswani2017attention', bibtex: '@misc{vaswani2017attention, title={Other}}' };
    assert.equal(appended(BIB, [again]), undefined);
    const twice = appended(BIB, [
      { key: 'x', bibtex: '@misc{x, title={X}}' },
      { key: 'x', bibtex: '@misc{x, title={X}}' },
    ]);
    assert.equal(twice?.match(/@misc\{x,/g)?.length, 1);
  });

  it('writes the file’s own line ends', () => {
    const crlf = '@misc{a, title={A}}\r\n';
    assert.equal(
      appended(crlf, [{ key: 'b', bibtex: '@misc{b,\n title={B}}' }]),
      `${crlf}\r\n@misc{b,\r\n title={B}}\r\n`,
    );
  });
});
