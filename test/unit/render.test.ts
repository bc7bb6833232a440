import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { renderAbstractBody, renderAbstractPage, renderAbstractText } from '../../src/core/render/abstractHtml';
import { escapeHtml } from '../../src/core/render/escape';
import { renderMath } from '../../src/core/render/math';
import { findMathSpans } from '../../src/core/text/tex';
import { bundledCorpus, makePaper as paper } from './helpers';

const RESOURCES = {
  cspSource: 'https://csp.example',
  nonce: 'bm9uY2U=',
  styleUri: 'https://res/abstract.css',
  scriptUri: 'https://res/webview.js',
};

/** The tags and attributes the renderer itself writes; anything else in the output came from the input. */
const OWN_TAGS = new Set([
  'main',
  'header',
  'nav',
  'button',
  'ol',
  'h1',
  'h2',
  'p',
  'ul',
  'li',
  'section',
  'span',
  'code',
  'details',
  'summary',
  'mark',
  'a',
  'math',
  'semantics',
  'mrow',
  'mi',
  'mn',
  'mo',
  'msub',
  'msup',
  'mtext',
  'annotation',
  'mspace',
  'mfrac',
  'msqrt',
  'mover',
  'munder',
  'msubsup',
  'mstyle',
  'mpadded',
  'mphantom',
  'menclose',
  'mtable',
  'mtr',
  'mtd',
  'mroot',
  'munderover',
  'ms',
  'merror',
]);

/** Attribute names inside the tags of the page (text between tags is not looked at). */
function attributesIn(html: string): string[] {
  return [...html.matchAll(/<[a-zA-Z][^>]*>/g)].flatMap((tag) =>
    [...tag[0].matchAll(/\s([a-zA-Z-:]+)=/g)].map((m) => m[1].toLowerCase()),
  );
}

function tagsIn(html: string): string[] {
  return [...html.matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map((m) => m[1].toLowerCase());
}

describe('escapeHtml', () => {
  it('escapes the five characters that matter', () => {
    assert.equal(
      escapeHtml(`<a href="x" onclick='y'>&</a>`),
      '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });
});

describe('math', () => {
  it('finds formulas but leaves money and escaped dollars alone', () => {
    assert.deepEqual(
      findMathSpans('risk $\\ell_2-$ of $2$ nets, $1,000 and \\$0.50, $H_0$.').map((s) => s.tex),
      ['\\ell_2-', '2', 'H_0'],
    );
    assert.equal(findMathSpans('a budget of $1,000. As a result').length, 0);
  });

  it('renders valid TeX to MathML and refuses broken TeX', () => {
    assert.match(renderMath('H_0') ?? '', /<math/);
    assert.equal(renderMath('\\frac{1}{'), undefined);
    assert.equal(renderMath('\\undefinedmacro x'), undefined);
  });

  it('shows mangled TeX as text', () => {
    const html = renderAbstractText('equation $partial_t u+partial_x( |u|^pu)$ holds');
    assert.ok(!html.includes('<math') || html.includes('partial'));
    assert.ok(html.includes('partial'));
  });

  it('never trusts TeX: no links, no HTML extensions, no macro blow-up, no leaking macros', () => {
    for (const tex of [
      '\\href{javascript:alert(1)}{x}',
      '\\url{javascript:alert(1)}',
      '\\htmlData{foo=bar}{x}',
      '\\htmlClass{x}{y}',
      '\\includegraphics{http://evil/x.png}',
    ]) {
      const html = renderAbstractText(`a $${tex}$ b`);
      assert.doesNotMatch(html, /href=|<img|data-foo|class="x"/i, tex);
    }
    assert.equal(renderMath('\\def\\a{\\a\\a}\\a'), undefined);
    assert.ok(renderMath('\\gdef\\foo{X} \\foo'));
    assert.equal(renderMath('\\foo'), undefined, 'a macro from one render does not exist in the next');
    assert.equal(renderMath('{'.repeat(5000) + '}'.repeat(5000)), undefined);
  });

  it('renders the formulas of the bundled abstracts', async () => {
    const { library } = await bundledCorpus();
    const first = library.papers.find((p) => p.abstract.startsWith('In this note'))!;
    const html = renderAbstractText(first.abstract);
    assert.equal((html.match(/<math/g) ?? []).length, 2);
  });
});

describe('renderAbstractPage', () => {
  it('has a strict CSP with the nonce and loads only its own style and script', () => {
    const html = renderAbstractPage(
      { paper: paper({ title: 'T', abstract: 'An abstract.' }), collectionNames: ['C'] },
      RESOURCES,
    );
    const csp = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1]?.replace(/&#39;/g, "'");
    assert.equal(
      csp,
      "default-src 'none'; style-src https://csp.example; font-src https://csp.example; img-src https://csp.example; script-src 'nonce-bm9uY2U='",
    );
    assert.doesNotMatch(html, /unsafe-inline|unsafe-eval/);
    assert.deepEqual(
      [...html.matchAll(/<script[^>]*>/g)].map((m) => m[0]),
      ['<script nonce="bm9uY2U=" src="https://res/webview.js">'],
    );
  });

  it('shows title, metadata, collections and the abstract', () => {
    const html = renderAbstractBody({
      paper: paper({
        title: 'Conda: Column-Normalized Adam',
        abstract: 'Body text.',
        authors: 9,
        date: { month: 9, day: 28, text: 'Sep 28' },
        upvotes: 3,
      }),
      collectionNames: ['Daily Papers · Nov 4', 'Paper search results'],
    });
    assert.match(html, /<h1 class="title">Conda: Column-Normalized Adam<\/h1>/);
    assert.match(html, /9 authors/);
    assert.match(html, /Sep 28/);
    assert.match(html, /3 upvotes/);
    assert.match(html, /<li>Daily Papers · Nov 4<\/li><li>Paper search results<\/li>/);
    assert.match(html, /<p>Body text.<\/p>/);
  });

  it('lists related papers as links that carry only the paper id, escaped', () => {
    const html = renderAbstractBody({
      paper: paper({ title: 'xLSTM', abstract: 'Text.' }),
      collectionNames: [],
      related: [
        paper({ id: 'f00d', label: 'Vision-LSTM <b>x</b>', upvotes: 2, date: { month: 6, day: 6, text: 'Jun 6' } }),
      ],
    });
    assert.match(html, /<nav class="related" aria-label="Related papers">/);
    assert.match(
      html,
      /<a href="#" data-paper-id="f00d">Vision-LSTM &lt;b&gt;x&lt;\/b&gt;<\/a> <span class="related-meta">Jun 6 · ▲ 2<\/span>/,
    );
    assert.doesNotMatch(
      renderAbstractBody({ paper: paper({ title: 'Alone' }), collectionNames: [], related: [] }),
      /related/,
    );
  });

  it('shows arXiv categories, escaped, the primary one first and marked', () => {
    const html = renderAbstractBody({
      paper: paper({ title: 'T', bibliographic: { categories: ['cs.CL', 'cs.<b>LG'] } }),
      collectionNames: [],
    });
    assert.match(
      html,
      /<ul class="categories" aria-label="arXiv categories"><li class="primary" title="Primary category"><code>cs\.CL<\/code><\/li><li><code>cs\.&lt;b&gt;LG<\/code><\/li><\/ul>/,
    );
    assert.doesNotMatch(renderAbstractBody({ paper: paper({ title: 'T' }), collectionNames: [] }), /categories/);
  });

  it('shows a bibliography paper: all authors (a long list folded), venue, DOI and arXiv links, keywords, the key to copy', () => {
    const authors = Array.from({ length: 12 }, (_, i) => ({ family: `Author${i}`, given: 'A.' }));
    authors[0] = { family: 'Müller', given: 'Jörg <b>' };
    const html = renderAbstractBody({
      paper: paper({
        title: 'T',
        citationKey: 'muller2020bert',
        bibliographic: {
          authors,
          venue: 'NeurIPS & <co>',
          doi: '10.1000/a<b>#c',
          arxivId: 'hep-th/9901001',
          keywords: ['deep <learning>', 'vision'],
        },
      }),
      collectionNames: [],
    });
    assert.match(html, /<p class="authors" aria-label="Authors"><span class="author">Jörg &lt;b&gt; Müller<\/span>, /);
    assert.match(
      html,
      /<details class="more-authors"><summary>and 4 more<\/summary><span class="author">A\. Author8<\/span>/,
    );
    assert.match(html, /<span class="venue">NeurIPS &amp; &lt;co&gt;<\/span>/);
    assert.match(
      html,
      /<a href="https:\/\/doi\.org\/10\.1000\/a%3Cb%3E%23c" class="external">10\.1000\/a&lt;b&gt;#c<\/a>/,
    );
    assert.match(html, /<a href="https:\/\/arxiv\.org\/abs\/hep-th\/9901001" class="external">hep-th\/9901001<\/a>/);
    assert.match(html, /<li>deep &lt;learning&gt;<\/li><li>vision<\/li>/);
    assert.match(
      html,
      /Key <code>muller2020bert<\/code> <button type="button" class="copy-key" data-action="copyCitationKey"/,
    );
    assert.match(html, /data-action="copyBibtex"/);
  });

  it('says when a paper has no title or no abstract', () => {
    assert.match(
      renderAbstractBody({ paper: paper({ abstract: 'Only text.' }), collectionNames: [] }),
      /No title in the source/,
    );
    assert.match(renderAbstractBody({ paper: paper({ title: 'Only a title' }), collectionNames: [] }), /no abstract/);
  });

  it('marks the words of the search the paper was opened from', () => {
    const html = renderAbstractBody({
      paper: paper({ title: 'Landmark Attention', abstract: 'Attention with landmarks.' }),
      collectionNames: [],
      highlight: { terms: ['landmark'], prefixes: ['atten'] },
    });
    assert.match(html, /<mark>Landmark<\/mark> <mark>Attention<\/mark>/);
    assert.match(html, /<mark>Attention<\/mark> with landmarks/);
  });

  it('escapes hostile titles, abstracts and collection names', () => {
    const hostile =
      '<script>alert(1)</script><img src=x onerror=alert(1)> [x](command:workbench.action.quit) javascript:alert(1) "\'><svg onload=alert(1)>';
    const html = renderAbstractPage(
      { paper: paper({ id: 'abc', title: hostile, label: hostile, abstract: hostile }), collectionNames: [hostile] },
      RESOURCES,
    );
    assert.doesNotMatch(html, /<script>alert|<img|<svg/);
    assert.deepEqual(
      attributesIn(html).filter((a) => a.startsWith('on')),
      [],
    );
    assert.deepEqual(
      tagsIn(html).filter(
        (t) => !OWN_TAGS.has(t) && !['html', 'head', 'meta', 'link', 'title', 'body', 'script'].includes(t),
      ),
      [],
    );
  });

  it('links only https URLs and escapes them', () => {
    const html = renderAbstractText(
      'See https://github.com/a/b?x=1&y="2" and http://plain.example/x and javascript:alert(1) and data:text/html,<b>x</b>.',
    );
    assert.deepEqual(
      [...html.matchAll(/<a href="([^"]*)"/g)].map((m) => m[1]),
      ['https://github.com/a/b?x=1&amp;y='],
    );
    assert.match(html, /and http:\/\/plain\.example\/x and/);
    assert.doesNotMatch(html, /<b>/);
  });

  it('never lets an element or attribute of the input into the page (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ maxLength: 80 }), (abstract, title) => {
        const body = renderAbstractBody({
          paper: paper({ title, label: title || 'x', abstract }),
          collectionNames: [title],
        });
        for (const tag of tagsIn(body)) {
          assert.ok(OWN_TAGS.has(tag), `unexpected <${tag}>`);
        }
        assert.deepEqual(
          attributesIn(body).filter(
            (a) =>
              ![
                'class',
                'href',
                'aria-label',
                'aria-hidden',
                'aria-pressed',
                'aria-live',
                'type',
                'data-action',
                'title',
                'xmlns',
                'encoding',
                'mathvariant',
                'stretchy',
                'fence',
                'separator',
                'lspace',
                'rspace',
                'width',
                'accent',
                'minsize',
                'maxsize',
                'symmetric',
                'largeop',
                'movablelimits',
                'linethickness',
                'scriptlevel',
                'displaystyle',
                'columnalign',
                'rowspacing',
                'columnspacing',
                'mathcolor',
                'mathsize',
                'height',
                'depth',
                'voffset',
                'notation',
              ].includes(a),
          ),
          [],
        );
      }),
      { numRuns: 300 },
    );
  });
});

describe('the abstract toolbar', () => {
  const base = { paper: paper({ id: 'p1', title: 'T', label: 'T', abstract: 'A' }), collectionNames: [] };
  const button = (html: string, action: string) =>
    new RegExp(`<button type="button" data-action="${action}"[^>]*>`).exec(html)?.[0];

  it('shows where the paper is in its list, with previous and next disabled at the ends', () => {
    const first = renderAbstractBody({ ...base, position: { index: 0, total: 3 } });
    assert.match(first, /1 of 3/);
    assert.match(button(first, 'previous') ?? '', / disabled/);
    assert.doesNotMatch(button(first, 'next') ?? '', / disabled/);
    const last = renderAbstractBody({ ...base, position: { index: 2, total: 3 } });
    assert.match(button(last, 'previous') ?? '', /title="Previous paper \(P or ←\)"(?! disabled)/);
    assert.match(button(last, 'next') ?? '', / disabled/);
    const alone = renderAbstractBody(base);
    assert.match(button(alone, 'previous') ?? '', / disabled/);
    assert.doesNotMatch(alone, / of \d/);
  });

  it('offers Star or Unstar by the paper’s state, and the copy, cite and search actions', () => {
    const plain = renderAbstractBody(base);
    assert.match(button(plain, 'star') ?? '', /aria-pressed="false"/);
    assert.equal(button(plain, 'unstar'), undefined);
    const starred = renderAbstractBody({ ...base, starred: true });
    assert.match(button(starred, 'unstar') ?? '', /aria-pressed="true"/);
    for (const action of ['copyMarkdown', 'copyCitation', 'insertCitation', 'searchArxiv', 'searchHuggingFace']) {
      assert.ok(button(plain, action), action);
    }
  });
});
