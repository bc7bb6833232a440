import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { authorList, paperHoverMarkdown, shortByline, type HoverPaper } from '../../../src/core/cite/paperHover';
import { commandLink, markdownText } from '../../../src/core/render/markdownText';

const PAPER: HoverPaper = {
  id: 'p1',
  label: 'Attention Is All You Need',
  abstract: 'The dominant sequence transduction models are based on complex recurrent networks.',
  citationKey: 'vaswani2017attention',
  bibliographic: {
    authors: [
      { given: 'Ashish', family: 'Vaswani' },
      { given: 'Noam', family: 'Shazeer' },
      { given: 'Niki', family: 'Parmar' },
      { given: 'Jakob', family: 'Uszkoreit' },
    ],
    issued: { year: 2017 },
    venue: 'NeurIPS',
  },
};

const OPEN = { title: 'Open Abstract', command: 'papers.openPaper', args: ['p1'] };

/** Undoes CommonMark backslash escapes: what a renderer shows of escaped text. */
function shown(markdown: string): string {
  return markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

describe('paper hover Markdown', () => {
  it('shows title, authors, year, venue, key, the abstract start and the command links', () => {
    const markdown = paperHoverMarkdown(PAPER, [OPEN]);
    assert.equal(
      markdown,
      [
        '**Attention Is All You Need**',
        'Ashish Vaswani\\, Noam Shazeer\\, Niki Parmar et al\\. · 2017 · NeurIPS · vaswani2017attention',
        'The dominant sequence transduction models are based on complex recurrent networks\\.',
        '[Open Abstract](command:papers.openPaper?%5B%22p1%22%5D)',
      ].join('\n\n'),
    );
  });

  it('cuts a long abstract to its first lines on a word boundary', () => {
    const markdown = paperHoverMarkdown({ ...PAPER, abstract: 'word '.repeat(500) }, []);
    const abstract = markdown.split('\n\n')[2];
    assert.ok(abstract.length < 400 && abstract.endsWith('word…'), abstract);
  });

  it('leaves out what a paper does not have', () => {
    const markdown = paperHoverMarkdown({ id: 'x', label: 'Untitled', abstract: '' }, []);
    assert.equal(markdown, '**Untitled**');
  });

  it('names people as they are read', () => {
    assert.equal(
      authorList([
        { given: 'Ludwig', particle: 'van', family: 'Beethoven', suffix: 'Jr.' },
        { literal: 'Google Research' },
      ]),
      'Ludwig van Beethoven Jr., Google Research',
    );
    assert.equal(authorList([]), undefined);
  });

  it('says who and when in a few words', () => {
    assert.equal(shortByline(PAPER.bibliographic), 'Vaswani et al. 2017');
    assert.equal(
      shortByline({ authors: [{ family: 'Leviathan' }, { particle: 'de', family: 'Kalman' }], issued: { year: 2023 } }),
      'Leviathan & de Kalman 2023',
    );
    assert.equal(shortByline({ authors: [{ literal: 'Google Research' }] }), 'Google Research');
    assert.equal(shortByline(undefined), '');
  });

  it('keeps a hostile title from adding links, images, HTML, icons or layout', () => {
    const hostile: HoverPaper = {
      id: 'evil',
      label:
        '[click](command:workbench.action.terminal.new) ![x](https://e.com/t.png) <img src=x onerror=alert(1)> $(alert) https://e.com www.e.com a@e.com &lt;',
      abstract: '\n    indented code\n# heading\n> quote\n1. list\u202Etxt.exe',
      citationKey: 'a`](command:x)',
      bibliographic: {
        authors: [{ literal: '**bold** `code`' }],
        venue: '<script>alert(1)</script>',
      },
    };
    const markdown = paperHoverMarkdown(hostile, [OPEN]);
    const [title, details, abstract, links] = markdown.split('\n\n');
    assert.equal(markdown.split('\n\n').length, 4);
    for (const block of [title.slice(2, -2), details, abstract]) {
      assert.doesNotMatch(block, /(?<!\\)[[\]()<>!&*`#$]/, block);
    }
    assert.equal(shown(abstract), 'indented code # heading > quote 1. listtxt.exe');
    assert.doesNotMatch(markdown, /\u202E/);
    assert.equal(links, '[Open Abstract](command:papers.openPaper?%5B%22p1%22%5D)');
    assert.equal((markdown.match(/\]\(command:/g) ?? []).length, 1);
  });

  it('escapes any text so that it shows as itself, on one line', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const markdown = markdownText(text);
        assert.ok(!/[\n\r]/.test(markdown));
        // Every ASCII punctuation character is escaped; what remains is the text with white space collapsed.
        assert.ok(!/(?:^|[^\\])(?:\\\\)*[!-/:-@[-`{-~]/.test(markdown.replace(/\\[!-/:-@[-`{-~]/g, '')));
        assert.equal(
          shown(markdown),
          text
            .replace(/[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '')
            .replace(/[\u0000-\u001f\u007f\s]+/g, ' ')
            .trim(),
        );
      }),
    );
  });

  it('encodes command arguments so that they cannot end the link', () => {
    const link = commandLink('Open', 'papers.openPaper', ['a) [x](command:evil "t"']);
    assert.match(link, /^\[Open\]\(command:papers\.openPaper\?[^()\s[\]"']+\)$/);
    assert.deepEqual(JSON.parse(decodeURIComponent(link.slice(link.indexOf('?') + 1, -1))), [
      'a) [x](command:evil "t"',
    ]);
  });
});
