import * as assert from 'node:assert/strict';
import { namedBibliographies } from '../../../src/core/cite/bibliographyFiles';
import type { CitationLanguage } from '../../../src/core/cite/citationLanguage';

function paths(language: CitationLanguage, text: string, document = '/work/paper/main.tex'): string[] {
  return namedBibliographies(text, language, document).map((b) => b.path);
}

describe('bibliography files a document names', () => {
  describe('LaTeX', () => {
    it('reads \\bibliography lists and adds .bib as BibTeX does', () => {
      assert.deepEqual(paths('latex', '\\bibliography{refs, ../shared/other,more.bib}'), [
        '/work/paper/refs.bib',
        '/work/shared/other.bib',
        '/work/paper/more.bib',
      ]);
    });

    it('reads biblatex resources with options, as named', () => {
      assert.deepEqual(paths('latex', '\\addbibresource[label=main]{refs.bib}\n\\addglobalbib{lib/global.bib}'), [
        '/work/paper/refs.bib',
        '/work/paper/lib/global.bib',
      ]);
    });

    it('gives each name its place in the document', () => {
      const text = '\\bibliography{ refs ,other}';
      const names = namedBibliographies(text, 'latex', '/d/main.tex');
      assert.deepEqual(
        names.map((b) => [b.name, text.slice(b.start, b.end)]),
        [
          ['refs', 'refs'],
          ['other', 'other'],
        ],
      );
    });

    it('skips comments, macros, remote resources and repeats, and keeps absolute paths', () => {
      const text = [
        '% \\bibliography{old}',
        '\\bibliography{\\jobname}',
        '\\addbibresource[location=remote]{https://example.com/refs.bib}',
        '\\addbibresource{/home/me/all.bib}',
        '\\bibliography{refs}',
        '\\addbibresource{refs.bib}',
      ].join('\n');
      assert.deepEqual(paths('latex', text), ['/home/me/all.bib', '/work/paper/refs.bib']);
    });
  });

  describe('Markdown front matter', () => {
    it('reads a single file, plain or quoted', () => {
      assert.deepEqual(paths('markdown', '---\ntitle: x\nbibliography: refs.bib\n---\n# Text', '/w/a.md'), [
        '/w/refs.bib',
      ]);
      assert.deepEqual(paths('markdown', "---\nbibliography: 'my refs.bib' # main\n---\n", '/w/a.qmd'), [
        '/w/my refs.bib',
      ]);
    });

    it('reads flow and block lists, with Windows line ends', () => {
      assert.deepEqual(paths('markdown', '---\nbibliography: [a.bib, "b/c.bib"]\n...\n', '/w/a.md'), [
        '/w/a.bib',
        '/w/b/c.bib',
      ]);
      const block = '---\r\nbibliography:\r\n  - a.bib\r\n  - "../b.bib"\r\nlink-citations: true\r\n---\r\n';
      assert.deepEqual(paths('markdown', block, '/w/x/a.Rmd'), ['/w/x/a.bib', '/w/b.bib']);
    });

    it('gives each name its place in the document', () => {
      for (const text of [
        '---\nbibliography: [ a.bib , "b.bib"]\n---\n',
        '---\nbibliography:\n  - a.bib\n  - "b.bib"\n---\n',
      ]) {
        const names = namedBibliographies(text, 'markdown', '/w/a.md');
        assert.deepEqual(
          names.map((b) => text.slice(b.start, b.end)),
          ['a.bib', 'b.bib'],
        );
      }
    });

    it('needs front matter at the very top and the key at its top level', () => {
      assert.deepEqual(paths('markdown', 'Text\n---\nbibliography: a.bib\n---\n'), []);
      assert.deepEqual(paths('markdown', '---\nformat:\n  bibliography: a.bib\n---\n'), []);
      assert.deepEqual(paths('markdown', 'bibliography: a.bib'), []);
    });
  });
});
