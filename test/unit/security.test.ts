/**
 * One test per item of the security notes (the project notes, `security.md`:
 * "Keeping users safe: what corpus text can do, and how to stop it"): one
 * `describe` per section, one `it` per bullet, named after the bullet, and a
 * second `it` where a bullet had a gap that needed its own case.
 *
 * Everything here runs in plain Node, over the pure core. What needs a real VS
 * Code (the webview's options on a real panel, tooltips as MarkdownStrings) is
 * asserted in the integration suite (test/integration/security.test.ts).
 */
import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import fc from 'fast-check';
import katex from 'katex';
import { parseDateLine } from '../../src/core/model/dates';
import { paperSearchUrls } from '../../src/core/model/describe';
import { buildLibrary, isReadable, type LibraryFile, type UnreadableFile } from '../../src/core/library/merge';
import { readCorpusFileSteps } from '../../src/core/formats/load';
import { runSteps } from '../../src/core/util/steps';
import type { Library } from '../../src/core/model/paper';
import { MAX_LINE_LENGTH, TITLE_LIKE_MAX, parseCorpus } from '../../src/core/formats/parse';
import { MAX_FILE_BYTES, readCorpusFileAt, type CorpusFileSystem } from '../../src/core/formats/sources';
import {
  renderAbstractBody,
  renderAbstractPage,
  renderAbstractText,
  type AbstractView,
} from '../../src/core/render/abstractHtml';
import { renderMath } from '../../src/core/render/math';
import { findMathSpans, MAX_MATH_LENGTH } from '../../src/core/text/tex';
import { buildIndex, fuzziness, loadIndexAsync } from '../../src/core/search/engine';
import { CACHE_FORMAT_VERSION, decodeIndexCache } from '../../src/core/search/engine/indexCache';
import { MAX_QUERY_LENGTH, parseQuery } from '../../src/core/search/query';
import { MAX_TERM_LENGTH, tokenizeForIndex } from '../../src/core/search/tokenize';
import { debounce } from '../../src/core/util/debounce';
import { ReloadTracker } from '../../src/core/library/reloadTracker';
import { notificationSafe, problemsNotification } from '../../src/core/render/notification';
import { parsePageMessage, parsePageState, safeExternalUrl } from '../../src/shared/protocol';
import { bundledCorpus, makePaper as paper, ROOT } from './helpers';

/** fast-check runs are seeded: the suite gives the same answer every time. */
const FC = { numRuns: 200, seed: 0x5ec0de };

// ---------------------------------------------------------------------------
// Hostile input

/** The hostile fixtures of the notes, plus a few classic escapes. */
const HOSTILE = {
  script: '<script>alert(1)</script>',
  imgOnerror: '<img src=x onerror=alert(1)>',
  javascriptLink: '<a href="javascript:alert(1)">click</a> javascript:alert(1) JaVaScRiPt:alert(1)',
  commandLink: '[click me](command:workbench.action.quit)',
  rtlOverride: 'Invoice \u202Egpj.exe',
  nul: 'nul\u0000byte',
  svgOnload: '"\'><svg onload=alert(1)>',
  linkBreakout: 'https://evil.example/"onmouseover="alert(1) https://evil.example/<script>',
  mathBreakout: '$x</annotation><script>alert(1)</script>$',
  mathHref: '$\\href{javascript:alert(1)}{x}$',
  comment: '<!-- x --> <![CDATA[ y ]]>',
} as const;
const HOSTILE_PIECES: readonly string[] = Object.values(HOSTILE);
const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f]/;

/** A prose line long enough to read as an abstract in any of the three formats. */
function prose(n: number): string {
  return `We study problem number ${n} and show that a long enough abstract reads as prose, as abstracts do. It has several sentences, more than a title would, and it ends with a period.`;
}

function file(id: string, text: string | Uint8Array): LibraryFile | UnreadableFile {
  return runSteps(
    readCorpusFileSteps(id, id.replace(/\.txt$/, ''), typeof text === 'string' ? Buffer.from(text) : text),
  );
}

function allText(library: Library): string {
  return library.papers.map((p) => `${p.title ?? ''}\n${p.label}\n${p.abstract}\n${p.organization ?? ''}`).join('\n');
}

// ---------------------------------------------------------------------------
// What may be in rendered HTML

/** The tags and attributes KaTeX's MathML output is made of (katex/src/mathMLTree.ts and its setAttribute calls, minus `href`, `src`, `style`). */
const MATHML_TAGS = [
  'math',
  'annotation',
  'semantics',
  'mtext',
  'mn',
  'mo',
  'mi',
  'mspace',
  'mover',
  'munder',
  'munderover',
  'msup',
  'msub',
  'msubsup',
  'mfrac',
  'mroot',
  'msqrt',
  'mtable',
  'mtr',
  'mtd',
  'mlabeledtr',
  'mrow',
  'menclose',
  'mstyle',
  'mpadded',
  'mphantom',
  'mglyph',
  'merror',
];
const MATHML_ATTRIBUTES = [
  'xmlns',
  'encoding',
  'accent',
  'accentunder',
  'columnalign',
  'columnlines',
  'columnspacing',
  'depth',
  'display',
  'displaystyle',
  'fence',
  'height',
  'largeop',
  'linebreak',
  'linethickness',
  'lspace',
  'mathbackground',
  'mathcolor',
  'mathsize',
  'mathvariant',
  'maxsize',
  'minsize',
  'movablelimits',
  'notation',
  'rowalign',
  'rowlines',
  'rowspacing',
  'rspace',
  'scriptlevel',
  'separator',
  'stretchy',
  'symmetric',
  'voffset',
  'width',
  'aria-hidden',
  'class',
];

interface Tag {
  readonly name: string;
  readonly attributes: readonly string[];
  readonly raw: string;
}

/**
 * Every tag in the HTML, with its attribute names. Attribute values are
 * double-quoted and escaped by the renderer, so blanking them leaves only names;
 * anything else left in a tag (a stray quote, an unquoted value) is reported.
 */
function tagsOf(html: string): Tag[] {
  const tags: Tag[] = [];
  for (const m of html.matchAll(/<(\/?)([a-zA-Z][\w-]*)([^<>]*)>/g)) {
    const rest = m[3]
      .replace(/="[^"]*"/g, '')
      .replace(/\/$/, '')
      .trim();
    const attributes = rest === '' ? [] : rest.split(/\s+/);
    for (const a of attributes) {
      assert.match(a, /^[a-z][a-z-]*$/, `malformed attribute text ${JSON.stringify(a)} in ${m[0].slice(0, 200)}`);
    }
    tags.push({ name: m[2].toLowerCase(), attributes: attributes.map((a) => a.toLowerCase()), raw: m[0] });
  }
  return tags;
}

/** The renderer's own vocabulary: what it writes for a paper with every feature and no markup in its text. */
function ownVocabulary(): { tags: Set<string>; attributes: Set<string> } {
  const benign = paper({
    id: 'b0b0b0',
    title: 'Benign title with $x_1$ math',
    label: 'Benign title with $x_1$ math',
    abstract: 'Benign abstract with $\\frac{a}{b}$ and a link https://example.org/a and a highlighted word.',
    authors: 3,
    organization: 'Org',
    date: { month: 9, day: 28, text: 'Sep 28' },
    upvotes: 4,
  });
  const views: AbstractView[] = [
    {
      paper: benign,
      collectionNames: ['C'],
      related: [paper({ id: 'c1c1c1', label: 'Other', upvotes: 1 })],
      highlight: { terms: ['highlighted'], prefixes: ['wor'] },
    },
    { paper: paper({ id: 'd2d2d2', abstract: 'Untitled abstract text.' }), collectionNames: [] },
    { paper: paper({ id: 'e3e3e3', title: 'Only a title' }), collectionNames: [] },
  ];
  const tags = new Set(MATHML_TAGS);
  const attributes = new Set(MATHML_ATTRIBUTES);
  for (const view of views) {
    for (const tag of tagsOf(renderAbstractBody(view))) {
      tags.add(tag.name);
      tag.attributes.forEach((a) => attributes.add(a));
    }
  }
  return { tags, attributes };
}

const OWN = ownVocabulary();

/** Fails if the HTML has an element, an attribute, a comment or a link that the renderer did not write itself. */
function assertNoInjectedMarkup(html: string, context: string): void {
  const tags = tagsOf(html);
  assert.equal(
    (html.match(/</g) ?? []).length,
    tags.length,
    `every "<" starts one of the renderer's tags (${context})`,
  );
  for (const tag of tags) {
    assert.ok(OWN.tags.has(tag.name), `unexpected <${tag.name}> (${context})`);
    for (const a of tag.attributes) {
      assert.ok(
        OWN.attributes.has(a) && !/^on/.test(a) && a !== 'style' && a !== 'src',
        `unexpected attribute ${a} in ${tag.raw.slice(0, 120)} (${context})`,
      );
    }
  }
  for (const tag of tags) {
    assert.doesNotMatch(tag.raw, /\son\w+\s*=|javascript:/i, context);
  }
  for (const m of html.matchAll(/\shref="([^"]*)"/g)) {
    const href = m[1].replace(/&amp;/g, '&');
    assert.ok(href === '#' || safeExternalUrl(href) !== undefined, `href ${href} (${context})`);
  }
  for (const m of html.matchAll(/data-paper-id="([^"]*)"/g)) {
    assert.match(m[1], /^[a-z0-9]+$/, context);
  }
}

const SEARCH_FILE = ['Safe Title One', prose(1), 'Safe Title Two', prose(2)].join('\n');

// ---------------------------------------------------------------------------

describe('security notes', () => {
  describe('Webview', () => {
    // The options themselves (enableScripts, enableForms: false, no enableCommandUris) are read from a real panel
    // in the integration suite; here, the page that scripts are enabled for.
    it("enableScripts only for the page's one nonce'd script; enableForms: false; no enableCommandUris", () => {
      const html = renderAbstractPage(
        {
          paper: paper({ title: HOSTILE.script, label: HOSTILE.script, abstract: HOSTILE.imgOnerror }),
          collectionNames: [],
        },
        {
          cspSource: 'https://webview.example',
          nonce: 'bm9uY2Vub25jZW5vbmNl',
          styleUri: 'https://webview.example/media/abstract.css',
          scriptUri: 'https://webview.example/dist/webview.js',
        },
      );
      assert.deepEqual(
        [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => [
          m[0].slice(0, m[0].indexOf('>') + 1),
          m[1],
        ]),
        [['<script nonce="bm9uY2Vub25jZW5vbmNl" src="https://webview.example/dist/webview.js">', '']],
      );
    });

    it("CSP: default-src 'none'; script-src 'nonce-…' from crypto.randomBytes; style, font and img from webview.cspSource only", () => {
      const nonce = randomBytes(16).toString('base64');
      const cspSource = 'https://file+.vscode-resource.vscode-cdn.net';
      const view: AbstractView = {
        paper: paper({
          title: `${HOSTILE.imgOnerror} $\\frac{a}{b}$`,
          label: 'x',
          abstract: `${HOSTILE.svgOnload} $\\rule{1em}{1em}$ $\\color{red}{x}$ https://example.org/x.png`,
        }),
        collectionNames: [HOSTILE.script],
      };
      const html = renderAbstractPage(view, {
        cspSource,
        nonce,
        styleUri: `${cspSource}/media/abstract.css`,
        scriptUri: `${cspSource}/dist/webview.js`,
      });
      const metas = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/g)];
      assert.equal(metas.length, 1, 'one CSP');
      assert.ok(
        metas[0].index < html.indexOf('<link') && metas[0].index < html.indexOf('<body'),
        'the CSP comes before anything it governs',
      );
      const csp = metas[0][1].replace(/&#39;/g, "'").replace(/&amp;/g, '&');
      const directives = new Map(
        csp
          .split(';')
          .map((d) => d.trim().split(/\s+/))
          .map(([name, ...values]) => [name, values]),
      );
      assert.deepEqual(directives.get('default-src'), ["'none'"]);
      assert.deepEqual(directives.get('script-src'), [`'nonce-${nonce}'`]);
      for (const name of ['style-src', 'font-src', 'img-src']) {
        assert.deepEqual(directives.get(name), [cspSource], name);
      }
      for (const [name, values] of directives) {
        for (const v of values) {
          assert.doesNotMatch(
            v,
            /^(\*|https?:|data:|blob:|'unsafe-inline'|'unsafe-eval'|'strict-dynamic')$/,
            `${name} ${v}`,
          );
        }
        assert.ok(
          ['default-src', 'script-src', 'style-src', 'font-src', 'img-src'].includes(name) ||
            values.join() === "'none'",
          `no directive that widens default-src: ${name}`,
        );
      }
      // No 'unsafe-inline' for styles: so the page must not need inline styles. Math is MathML, not KaTeX's styled HTML.
      assert.doesNotMatch(html, /\sstyle=|<style/i);
      assert.match(html, /<math/);
      assert.doesNotMatch(html, /<img|<iframe|<object|<embed|<link(?![^>]*rel="stylesheet")/);
      assert.equal([...html.matchAll(/<link\b[^>]*>/g)].length, 1);
    });

    it('every message from the page is validated: known type, an id that exists, an https: URL after parsing, before env.openExternal or any command', () => {
      for (const url of [
        'javascript:alert(1)',
        'JaVaScRiPt:alert(1)',
        'java\tscript:alert(1)',
        'java\nscript:alert(1)',
        '  javascript:alert(1)',
        'data:text/html,<script>alert(1)</script>',
        'file:///etc/passwd',
        'command:workbench.action.quit',
        'vscode:extension/evil.ext',
        'vscode-webview://x/index.html',
        '//evil.example/',
        'https:',
        '',
      ]) {
        assert.equal(safeExternalUrl(url), undefined, JSON.stringify(url));
      }
      assert.equal(safeExternalUrl('https://github.com/a/b'), 'https://github.com/a/b');
      // Unknown types and malformed fields are refused.
      for (const bad of [
        undefined,
        null,
        'openLink',
        [],
        {},
        { type: 'runCommand', command: 'workbench.action.quit' },
        { type: 'eval', code: '1' },
        { type: 'action', action: 'workbench.action.quit' },
        { type: 'openLink' },
        { type: 'openLink', url: { href: 'https://x' } },
        { type: 'openLink', url: `https://x/${'a'.repeat(5000)}` },
        { type: 'openPaper', id: 42 },
        { type: 'openPaper', id: '' },
        { type: 'openPaper', id: '../../etc' },
        { type: 'openPaper', id: 'ABC<script>' },
        { type: 'OPENPAPER', id: 'abc' },
      ]) {
        assert.equal(parsePageMessage(bad), undefined, JSON.stringify(bad));
      }
      assert.equal(parsePageState({ paperId: 'javascript:alert(1)' }), undefined);
      // The search URLs built from a title stay on their site whatever the title.
      fc.assert(
        fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (title) => {
          const urls = paperSearchUrls(paper({ title, label: title || 'x' }));
          assert.equal(new URL(safeExternalUrl(urls.arxiv) ?? 'about:blank').host, 'arxiv.org');
          assert.equal(new URL(safeExternalUrl(urls.huggingFace) ?? 'about:blank').host, 'huggingface.co');
        }),
        FC,
      );
    });

    it('every message from the page is validated: only an `https:` URL is opened, not plain `http:`', () => {
      assert.equal(safeExternalUrl('http://example.org/'), undefined);
      assert.equal(safeExternalUrl('https://example.org/'), 'https://example.org/');
    });
  });

  describe('Other places text turns into links', () => {
    it('notifications never carry corpus text: the file is named (Markdown disarmed), details go to the Output channel', () => {
      // A file named like a command link, with a bad entry whose title is a command link.
      const hostileFile = 'file:///corpus/%5BShow%20details%5D(command%3Aworkbench.action.quit).txt';
      const library = buildLibrary([
        file(hostileFile, `${SEARCH_FILE}\nPWNED [open](command:workbench.action.files.delete)`),
      ]);
      assert.equal(library.papers.length, 3);
      const message = problemsNotification(library.problems) ?? '';
      assert.doesNotMatch(message, /PWNED|files\.delete/, 'no corpus text in the notification');
      assert.doesNotMatch(message, /(?<!\\)\]\(/, 'no Markdown link in the notification');
      assert.match(message, /\\\[Show details\\\]\\\(command:workbench\.action\.quit\\\)\.txt \(line 5\)/);
      assert.ok(library.problems.some((p) => p.line === 5 && /title with no abstract/.test(p.message)));
    });

    // A file named `Invoice \u202Egpj.exe.txt` would show in the warning as `Invoice txt.exe.jpg`.
    it('notifications never carry corpus text: right-to-left override characters are removed from the file name', () => {
      assert.doesNotMatch(notificationSafe(`/corpus/${HOSTILE.rtlOverride}.txt`), BIDI);
    });
  });

  describe('Math (KaTeX)', () => {
    it('KaTeX 0.16.21 or later', () => {
      const atLeast = (version: string) => {
        const [a, b, c] = version.split('.').map((n) => parseInt(n, 10));
        return a > 0 || b > 16 || (b === 16 && c >= 21);
      };
      // The version of the very KaTeX the renderer loads.
      const installed = (
        createRequire(path.join(ROOT, 'out', 'src', 'core', 'render', 'math.js'))('katex') as { version: string }
      ).version;
      assert.ok(atLeast(installed), `installed katex ${installed}`);
      assert.equal(installed, katex.version);
      const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
      const range = manifest.dependencies.katex as string;
      const floor = /^[\^~]?(\d+\.\d+\.\d+)$/.exec(range)?.[1];
      assert.ok(floor && atLeast(floor), `package.json allows katex ${range}`);
      const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8'));
      assert.ok(atLeast(lock.packages['node_modules/katex'].version), 'package-lock.json');
    });

    it('trust: false, strict ignore or warn, maxExpand ≤ 1000, maxSize ≈ 20, a fresh macros object per render, a cap on expression length', () => {
      // trust: false — no links, no HTML extensions, no images, in any letter case.
      for (const tex of [
        '\\href{javascript:alert(1)}{x}',
        '\\href{JavaScript:alert(1)}{x}',
        '\\url{https://evil.example}',
        '\\htmlData{foo=bar}{x}',
        '\\htmlId{pwn}{x}',
        '\\htmlClass{pwn}{x}',
        '\\htmlStyle{background:url(https://evil.example)}{x}',
        '\\includegraphics{https://evil.example/x.png}',
      ]) {
        const html = renderMath(tex) ?? '';
        assert.doesNotMatch(html, /href=|src=|<img|data-foo|id="pwn"|class="pwn"|style=|evil\.example"/i, tex);
      }
      // strict 'ignore' (or 'warn'): LaTeX-incompatible but harmless input still renders; 'error' would refuse it.
      assert.match(renderMath('x é') ?? '(refused)', /<math/);
      // maxExpand: a macro doubled 9 times (about 1,000 expansions) is refused, 8 times (about 500) renders.
      const doubling = (levels: number) => {
        let tex = '\\def\\z{}';
        let previous = '\\z';
        for (let i = 0; i < levels; i++) {
          const name = `\\${'abcdefghijk'[i]}`;
          tex += `\\def${name}{${previous}${previous}}`;
          previous = name;
        }
        return tex + previous;
      };
      assert.ok(renderMath(doubling(8)), 'about 500 expansions render');
      assert.equal(renderMath(doubling(9)), undefined, 'about 1,000 expansions are refused');
      assert.equal(renderMath('\\def\\a{\\a\\a}\\a'), undefined);
      // maxSize: user sizes are capped at 20em.
      for (const tex of ['\\rule{500em}{1em}', '\\hspace{1000em}', '\\kern{300em}', '\\rule{1em}{900em}']) {
        const sizes = [...(renderMath(tex) ?? '').matchAll(/(?:width|height|depth)="\+?([\d.]+)em"/g)].map((m) =>
          Number(m[1]),
        );
        assert.ok(sizes.length > 0 && sizes.every((s) => s <= 20), `${tex}: ${sizes}`);
      }
      // A fresh macros object per render: a \gdef in one abstract does not leak into the next.
      for (const define of [
        '\\gdef\\leak{\\text{LEAKED}}',
        '\\global\\def\\leak{\\text{LEAKED}}',
        '\\newcommand{\\leak}{\\text{LEAKED}}',
        '\\xdef\\leak{\\text{LEAKED}}',
      ]) {
        const first = renderAbstractText(`First abstract $${define}\\leak$ here.`);
        assert.match(first, /LEAKED/, define);
        const second = renderAbstractText('Second abstract $\\leak$ here.');
        assert.doesNotMatch(second, /LEAKED|<math/, `${define} leaked into the next render`);
        assert.match(second, /\$\\leak\$/);
      }
      // A cap on expression length.
      assert.ok(renderMath('x'.repeat(MAX_MATH_LENGTH)));
      assert.equal(renderMath('x'.repeat(MAX_MATH_LENGTH + 1)), undefined);
      assert.deepEqual(findMathSpans(`a $${'x'.repeat(MAX_MATH_LENGTH + 1)}$ b`), []);
    });

    it('every KaTeX failure (deeply nested braces raise RangeError) shows the source as escaped text; money and mangled TeX stay plain text', () => {
      const deep = `${'{'.repeat(5000)}x${'}'.repeat(5000)}`;
      assert.throws(
        () => katex.renderToString(deep, { output: 'mathml', throwOnError: false }),
        RangeError,
        'the failure this guards against is real',
      );
      assert.doesNotThrow(() => renderMath(deep));
      const text = renderAbstractText(`before $${deep}$ after`);
      assert.doesNotMatch(text, /<math/);
      assert.ok(text.startsWith('before $') && text.endsWith('$ after'));
      // Nesting under the length cap: no throw either way.
      assert.doesNotThrow(() => renderMath(`${'{'.repeat(150)}x${'}'.repeat(149)}`));
      assert.doesNotThrow(() => renderMath('\\frac{'.repeat(45)));
      // A parse error is shown as the escaped source, not as KaTeX's red error box.
      const broken = renderAbstractText('see $\\frac{1}{<b>$ and $\\undefinedmacro<i>$');
      assert.doesNotMatch(broken, /<math|katex-error|<b>|<i>/);
      assert.match(broken, /\$\\frac\{1\}\{&lt;b&gt;\$/);
      // Money stays text.
      for (const money of [
        'It costs $1,000 per run.',
        'From $5 to $10 a day.',
        'A budget of \\$0.50 per call.',
        'Between $3.50 and $4.',
        'We spent $2M and $3M.',
      ]) {
        const html = renderAbstractText(money);
        assert.doesNotMatch(html, /<math/, money);
      }
      assert.equal(renderAbstractText('It costs $1,000 per run.'), 'It costs $1,000 per run.');
      assert.equal(renderAbstractText('A budget of \\$0.50 per call.'), 'A budget of $0.50 per call.');
      // Scrape-mangled TeX (lost backslashes and dollars) stays text, escaped.
      const mangled = renderAbstractText('with Xin C^{dtimes d} and $partial_t u+partial_x( |u|^pu)<x>$ holds');
      assert.match(mangled, /Xin C\^\{dtimes d\}/);
      assert.doesNotMatch(mangled, /<x>/);
    });
  });

  describe('Files', () => {
    it("readFile + 'utf8' keeps a BOM; UTF-16 shows NULs; invalid UTF-8 becomes �: detect, decode or report", () => {
      const text = `BOM Title\n${prose(1)}\nSecond Title\n${prose(2)}`;
      const bom = file('bom.txt', new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(text)]));
      assert.ok(isReadable(bom));
      assert.equal(bom.parsed.entries[0].title, 'BOM Title');
      // Text already read with 'utf8' (BOM and all) is cleaned too.
      assert.equal(parseCorpus(`\uFEFF${text}`).entries[0].title, 'BOM Title');
      for (const [name, bytes] of [
        ['utf16le-bom', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
        ['utf16le', Buffer.from(text, 'utf16le')],
        ['utf16be-bom', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()])],
        ['utf16be', Buffer.from(text, 'utf16le').swap16()],
      ] as const) {
        const read = file(`${name}.txt`, bytes);
        assert.ok(isReadable(read), name);
        assert.deepEqual(
          read.parsed.entries.map((e) => e.title),
          ['BOM Title', 'Second Title'],
          name,
        );
        assert.doesNotMatch(read.parsed.entries.map((e) => e.abstract).join(''), /\u0000/, name);
      }
      const invalid = file('latin1.txt', Buffer.from(`Caf\u00e9 Title\n${prose(1)}`, 'latin1'));
      const library = buildLibrary([invalid, file('good.txt', SEARCH_FILE)]);
      assert.deepEqual(library.problems, [
        { collection: 'latin1.txt', line: 1, message: 'the file is not valid UTF-8 text' },
      ]);
      assert.equal(library.papers.length, 2, 'the rest loads');
      assert.doesNotMatch(allText(library), /\uFFFD/);
    });

    it('binary, NUL-filled, empty, truncated and giant files (a 50 MB single line) are reported by file and line and skipped; the rest still loads; line and token length are capped', async () => {
      const giant = Buffer.alloc(50 * 1024 * 1024, 'giant words ');
      const truncatedUtf8 = Buffer.from(`Na\u00efve Title\n${prose(1)} caf\u00e9`).subarray(0, -1);
      const files = [
        file(
          'binary.bin.txt',
          Uint8Array.from({ length: 4096 }, (_, i) => (i * 151 + 7) % 256),
        ),
        file('nul.txt', new Uint8Array(8192)),
        file('empty.txt', new Uint8Array()),
        file('blank.txt', Buffer.from('\n\n   \n')),
        file('cut-utf8.txt', truncatedUtf8),
        file('cut-entry.txt', `Title One\n${prose(1)}\nTitle Two\n${prose(2)}\nTruncated Tit`),
        file(
          'giant.txt',
          Buffer.concat([
            Buffer.from(`Before Giant\n${prose(3)}\n`),
            giant,
            Buffer.from(`\nAfter Giant\n${prose(4)}\n`),
          ]),
        ),
        file('some-nuls.txt', Buffer.from(`Nul\u0000Title\n${prose(5)} ${prose(6)} ${prose(7)}\u0000`)),
        file('good.txt', SEARCH_FILE),
      ];
      const library = buildLibrary(files);
      const problems = (id: string) =>
        library.problems.filter((p) => p.collection === id).map((p) => [p.line, p.message]);
      for (const id of ['binary.bin.txt', 'nul.txt', 'empty.txt', 'blank.txt', 'cut-utf8.txt']) {
        const found = problems(id);
        assert.equal(found.length, 1, id);
        assert.equal(found[0][0], 1, `${id} is reported at a line`);
      }
      assert.deepEqual(problems('cut-entry.txt'), [[5, 'title with no abstract after it; kept without an abstract']]);
      const giantProblems = problems('giant.txt');
      assert.equal(giantProblems.length, 1);
      assert.equal(giantProblems[0][0], 3, 'the giant line is named by its number');
      assert.match(String(giantProblems[0][1]), /characters long/);
      const titles = library.papers.map((p) => p.title);
      for (const title of [
        'Before Giant',
        'After Giant',
        'Title One',
        'Title Two',
        'Safe Title One',
        'Safe Title Two',
        'Nul Title',
      ]) {
        assert.ok(titles.includes(title), `${title} still loads`);
      }
      assert.doesNotMatch(allText(library), /\u0000/);
      assert.ok(
        library.papers.every((p) => p.abstract.length <= MAX_LINE_LENGTH * 2 && p.label.length <= TITLE_LIKE_MAX),
      );
      // A long word is cut, not dropped: the query is cut the same way, so it still finds it.
      assert.deepEqual(tokenizeForIndex(`ok ${'a'.repeat(MAX_TERM_LENGTH + 1)} ${'0123456789abcdef'.repeat(4)}`), [
        'ok',
        'a'.repeat(MAX_TERM_LENGTH),
        '0123456789abcdef'.repeat(4).slice(0, MAX_TERM_LENGTH),
      ]);
      // A file above the size cap is reported without being read at all.
      let reads = 0;
      const fs: CorpusFileSystem<string> = {
        stat: async () => ({ type: 'file', size: MAX_FILE_BYTES + 1 }),
        list: async () => [],
        child: (folder, name) => `${folder}/${name}`,
        read: async () => (reads++, new Uint8Array()),
        id: (p) => p,
        baseName: (p) => p,
      };
      const result = await readCorpusFileAt(fs, 'huge.txt', {});
      assert.equal(reads, 0);
      assert.ok(!isReadable(result) && result.problem.line === 1 && /MB/.test(result.problem.message));
    });

    it("numbers and dates are parsed strictly (Number('') is 0; new Date('2023-02-30') becomes March 2)", () => {
      for (const line of [
        '2023-02-30',
        'Feb 30, 2023',
        'Feb 29, 2023',
        'Apr 31',
        'Feb 30',
        'Sep 0',
        'Sep 28, 0',
        'Sep 28, ',
        'Sep 28 -1',
        'Sep 28 1e3',
        'Sep 28 0x10',
        'Sep 28 ١٢',
      ]) {
        assert.equal(parseDateLine(line), undefined, line);
      }
      assert.deepEqual(parseDateLine('Feb 29, 2024'), {
        date: { year: 2024, month: 2, day: 29, text: 'Feb 29, 2024' },
      });
      // No upvote count is not 0 upvotes.
      for (const line of ['Sep 28', 'Sep 28 ', 'Sep 28, 2023']) {
        assert.equal(parseDateLine(line)?.upvotes, undefined, line);
      }
      const daily = [
        'Daily Papers',
        '',
        'A Title',
        '',
        prose(1),
        '',
        '• 3 authors',
        '·',
        'Sep 28',
        '',
        'Another Title',
        '',
        prose(2),
        '',
        '• 2 authors',
        '·',
        'Feb 30, 2023',
      ].join('\n');
      const parsed = parseCorpus(daily);
      assert.equal(parsed.entries[0].upvotes, undefined);
      assert.deepEqual(parsed.entries[0].date, { month: 9, day: 28, text: 'Sep 28' });
      assert.equal(parsed.entries[1].date, undefined);
      assert.deepEqual(parsed.problems, [{ line: 17, message: 'unreadable date in the metadata; ignored' }]);
      const html = renderAbstractBody({
        paper: paper({ title: 'A Title', abstract: prose(1), date: parsed.entries[0].date }),
        collectionNames: [],
      });
      assert.doesNotMatch(html, /upvote/);
      // Numbers in queries: an empty or malformed value is no filter, not 0.
      for (const q of ['upvotes:', 'year:', 'year:-', 'upvotes:>', 'year:abc', 'upvotes:1e3']) {
        const { filters } = parseQuery(q);
        assert.equal(filters.year, undefined, q);
        assert.equal(filters.upvotes, undefined, q);
      }
      // A reversed range is that range, not the words `year 2024 2020`.
      assert.deepEqual(parseQuery('year:2024-2020').filters.year, { min: 2020, max: 2024 });
    });

    // Reload Library (papers.reload), for changes a watcher cannot see, is run in the integration suite.
    it('one save fires several watcher events: debounce; keep the last good records of a half-written file; offer a rebuild command', async () => {
      let calls = 0;
      const debounced = debounce(() => calls++, 5);
      debounced();
      debounced();
      debounced();
      assert.equal(calls, 0);
      await new Promise((resolve) => setTimeout(resolve, 30));
      assert.equal(calls, 1, 'a burst of events is one reload');
    });

    // A file caught half-written (truncated to 0 bytes before the write) keeps its papers until it is read once more.
    it('one save fires several watcher events: a half-written (truncated) file keeps its last good papers', () => {
      const tracker = new ReloadTracker();
      const papers = file('/corpus/papers.txt', SEARCH_FILE);
      const other = file('/corpus/other.txt', `Other Title\n${prose(9)}`);
      tracker.finish(tracker.begin(), [papers, other]);
      tracker.fileChanged('/corpus/papers.txt');
      const { files, readAgainSoon } = tracker.finish(tracker.begin(), [
        file('/corpus/papers.txt', new Uint8Array()),
        other,
      ]);
      assert.ok(readAgainSoon);
      assert.deepEqual(
        buildLibrary(files)
          .papers.map((p) => p.title)
          .sort(),
        ['Other Title', 'Safe Title One', 'Safe Title Two'],
      );
    });

    it('workspace trust: untrustedWorkspaces "limited", with papers.corpus.paths a restricted configuration', () => {
      const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
      const trust = manifest.capabilities.untrustedWorkspaces;
      assert.equal(trust.supported, 'limited');
      assert.ok(trust.restrictedConfigurations.includes('papers.corpus.paths'));
      // Every text setting that names files or folders is restricted.
      const properties: Record<
        string,
        { type: string; items?: { type: string }; description?: string; markdownDescription?: string }
      > = manifest.contributes.configuration.properties;
      for (const [key, schema] of Object.entries(properties)) {
        const text = schema.type === 'string' || schema.items?.type === 'string';
        const namesFiles =
          /path|folder|file|glob|dir/i.test(key) ||
          /(files?|folders?|paths?|glob)/i.test(schema.markdownDescription ?? schema.description ?? '');
        if (text && namesFiles) {
          assert.ok(trust.restrictedConfigurations.includes(key), `${key} is restricted`);
        }
      }
    });
  });

  describe('Search', () => {
    it('duplicate ids never break the index: ids are stable and unique', async () => {
      const text = ['Same Paper', prose(1), 'same paper!', prose(1), 'Other Paper', prose(2)].join('\n');
      const library = buildLibrary([
        file('a.txt', text),
        file('b.txt', text),
        file('c.txt', ['Other Paper', prose(2), 'Third', prose(3)].join('\n')),
      ]);
      assert.deepEqual(
        library.papers.map((p) => p.title),
        ['Same Paper', 'Other Paper', 'Third'],
      );
      assert.equal(library.byId.size, library.papers.length);
      const again = buildLibrary([file('c.txt', ['Third', prose(3)].join('\n'))]);
      assert.equal(again.papers[0].id, library.papers[2].id, 'the same paper gets the same id in another load');
      const index = buildIndex(library);
      const hits = index.search('same paper').hits.map((h) => h.paper.title);
      assert.equal(hits[0], 'Same Paper');
      assert.equal(hits.filter((t) => t === 'Same Paper').length, 1);
      const restored = await loadIndexAsync(library, index.toCache());
      assert.ok(restored);
      // Any set of titled papers: unique ids, and an index that builds and answers.
      fc.assert(
        fc.property(
          fc.array(fc.tuple(fc.string({ minLength: 1, maxLength: 40 }), fc.string({ minLength: 20, maxLength: 120 })), {
            maxLength: 8,
          }),
          (pairs) => {
            const body = pairs.map(([t, a]) => `${t.replace(/\s+/g, ' ')}\n${a.replace(/\s+/g, ' ')}`).join('\n');
            const lib = buildLibrary([file('p.txt', body), file('q.txt', body)]);
            assert.equal(new Set(lib.papers.map((p) => p.id)).size, lib.papers.length);
            const idx = buildIndex(lib);
            for (const p of lib.papers.slice(0, 3)) {
              idx.search(p.label);
              idx.related(p.id);
            }
          },
        ),
        { ...FC, numRuns: 100 },
      );
    });

    // An abstract with no letter or digit has an empty text key; its id comes from its place in the files, under
    // its own prefix so that it cannot meet an abstract whose key is `0`.
    it('duplicate ids never break the index: untitled abstracts without letters or digits get ids of their own', () => {
      const text = [
        '!'.repeat(170) + '.',
        '?'.repeat(170) + '.',
        '$$ {} \\\\ ' + '-'.repeat(170) + '.',
        prose(1).repeat(2),
      ].join('\n');
      const library = buildLibrary([file('punct.txt', text)]);
      assert.equal(library.papers.length, 4);
      assert.equal(library.byId.size, library.papers.length);
    });

    it('TeX markup is stripped and Unicode normalized for indexing (`$\\ell_2$` → ell, 2; NFC and NFD café meet), the original kept for display', () => {
      assert.deepEqual(tokenizeForIndex('$\\ell_2$'), ['ell', '2']);
      assert.deepEqual(tokenizeForIndex('$\\ell_2$-regularized \\emph{scan}'), ['ell', '2', 'regularized', 'scan']);
      const nfc = 'Caf\u00e9 Networks for Na\u00efve Learners';
      const nfd = nfc.normalize('NFD');
      assert.notEqual(nfc, nfd);
      const body = (title: string) => `${title}\n${prose(1)} We bound the $\\ell_2$ risk.\nAnother Title\n${prose(2)}`;
      const fromNfc = buildLibrary([file('nfc.txt', body(nfc))]);
      const fromNfd = buildLibrary([file('nfd.txt', body(nfd))]);
      const hits = (library: Library, q: string) =>
        buildIndex(library)
          .search(q)
          .hits.map((h) => h.paper.title);
      for (const q of ['café', 'cafe\u0301', 'naïve', 'nai\u0308ve', 'CAFÉ']) {
        assert.deepEqual(hits(fromNfc, q), [nfc], q);
        assert.deepEqual(hits(fromNfd, q), hits(fromNfc, q), q);
      }
      assert.deepEqual(hits(fromNfc, 'ell'), [nfc]);
      assert.equal(hits(fromNfc, '$\\ell_2$')[0], nfc);
      // The original is what the user sees: TeX kept, rendered as math.
      const shown = fromNfc.papers[0];
      assert.match(shown.abstract, /\$\\ell_2\$/);
      assert.match(renderAbstractText(shown.abstract), /<math/);
    });

    it('query length and fuzzy distance are capped; 1–2-letter prefixes are guarded', async () => {
      const long = `${'filler '.repeat(200)}xlstm`;
      const parsed = parseQuery(long);
      assert.ok(parsed.text.length <= MAX_QUERY_LENGTH);
      assert.ok(!parsed.words.some((w) => w.joined === 'xlstm'), 'text past the cap is not searched');
      assert.ok(parsed.words.length <= 32);
      for (const term of ['a', 'abcd', 'abcde', 'quantization', 'x'.repeat(MAX_TERM_LENGTH), '123456789']) {
        assert.ok(fuzziness(term) <= 2, term);
      }
      assert.equal(fuzziness('gan'), 0, 'no typo matches for short words');
      const { index, library } = await bundledCorpus();
      for (const prefix of ['t', 'a', 'co', 're', 'x']) {
        const results = index.search(prefix, { limit: library.papers.length });
        const matched = new Set(results.hits.flatMap((h) => h.terms));
        assert.ok(matched.size <= 13, `"${prefix}" expands to ${matched.size} terms`);
      }
      assert.doesNotThrow(() => index.search('a'.repeat(100_000)));
      assert.doesNotThrow(() => index.search('a* '.repeat(10_000)));
    });

    it('a cached index records its options and library version, and is rebuilt when loading fails', async () => {
      const { library, index } = await bundledCorpus();
      // The key names the index settings (fields, tokenizer, stop words), the cache format version and the library
      // (by its files' content: `Library.key`).
      const settings = /^(.*) v(\d+) library=[0-9a-f]{64}$/.exec(index.cacheKey);
      assert.ok(settings, index.cacheKey);
      assert.match(settings[1], /fields=.*tokenizer=/, 'the index options');
      assert.equal(Number(settings[2]), CACHE_FORMAT_VERSION, 'the cache format version');
      const bytes = index.toCache();
      assert.ok(decodeIndexCache(bytes, index.cacheKey));
      assert.equal(
        decodeIndexCache(bytes, index.cacheKey.replace(settings[1], `${settings[1]} changed`)),
        undefined,
        'other options',
      );
      const otherVersion = bytes.slice();
      new DataView(otherVersion.buffer).setUint32(4, CACHE_FORMAT_VERSION + 1, true);
      assert.equal(await loadIndexAsync(library, otherVersion), undefined, 'another format version');
      // Damaged caches of every kind are refused: test/unit/indexCache.test.ts; one cheap case here.
      assert.equal(await loadIndexAsync(library, bytes.subarray(0, bytes.length >> 1)), undefined);
    });
  });

  describe('Tests worth having', () => {
    it('property: any input string, as a title or abstract in a corpus file, yields papers whose rendered HTML has no element or attribute from the input', () => {
      const piece = fc.oneof(
        fc.constantFrom(...HOSTILE_PIECES, '$', '\\$', '$x$', '\n', '\r\n', '\t', '·', '• 3 authors', 'Sep 28 3'),
        fc.string({ unit: 'binary', maxLength: 30 }),
      );
      const text = fc.array(piece, { maxLength: 8 }).map((parts) => parts.join(''));
      fc.assert(
        fc.property(text, text, fc.constantFrom('search', 'daily', 'bare'), (title, abstract, layout) => {
          const body =
            layout === 'search'
              ? `${title}\n${abstract}`
              : layout === 'daily'
                ? `Daily Papers\n\n${title}\n\n${abstract}\n\n• 2 authors\n·\nSep 28`
                : abstract;
          const parsed = parseCorpus(body);
          const lines = body.split(/\r\n|\r|\n/).length;
          for (const entry of parsed.entries) {
            assert.ok(entry.line >= 1 && entry.line <= lines);
            assert.doesNotMatch(`${entry.title ?? ''}${entry.abstract}`, /[\n\r]/);
            assert.doesNotMatch(entry.title ?? '', BIDI);
            assert.ok((entry.title ?? '').length <= TITLE_LIKE_MAX);
          }
          for (const problem of parsed.problems) {
            assert.ok(problem.line >= 1 && problem.line <= lines);
          }
          const library = buildLibrary([file(`${title.slice(0, 20)}.txt`, body), file('good.txt', SEARCH_FILE)]);
          for (const p of library.papers) {
            const html = renderAbstractBody({
              paper: p,
              collectionNames: [title],
              related: library.papers.filter((o) => o !== p),
              highlight: { terms: ['script', 'x'], prefixes: ['on'] },
            });
            assertNoInjectedMarkup(html, JSON.stringify({ title, abstract, layout }).slice(0, 300));
          }
        }),
        FC,
      );
    });

    it('hostile fixtures: <script>, <img onerror>, javascript: links, [x](command:…), right-to-left overrides, NUL bytes, 1 MB titles', async () => {
      const oneMegabyteTitle = `Title ${'A'.repeat(1024 * 1024)}`;
      const lines: string[] = [];
      for (const [name, value] of Object.entries(HOSTILE)) {
        lines.push(`Hostile ${name} ${value}`, `${prose(lines.length)} ${value} https://example.org/${name}.`);
      }
      lines.push(oneMegabyteTitle, prose(99), 'Closing Title', prose(100));
      const bytes = Buffer.from(lines.join('\n'));
      const library = buildLibrary([file('hostile.txt', bytes)]);
      const titles = library.papers.map((p) => p.title ?? '');
      // Every hostile entry loads; the 1 MB title line is reported by line and skipped; nothing keeps a NUL or a bidi control.
      for (const name of Object.keys(HOSTILE)) {
        assert.ok(
          titles.some((t) => t.startsWith(`Hostile ${name} `)),
          name,
        );
      }
      assert.ok(titles.includes('Closing Title'));
      assert.ok(
        library.problems.some(
          (p) => p.line === Object.keys(HOSTILE).length * 2 + 1 && /characters long/.test(p.message),
        ),
        '1 MB title reported',
      );
      assert.ok(library.papers.every((p) => p.label.length <= TITLE_LIKE_MAX));
      assert.doesNotMatch(allText(library), /\u0000/);
      assert.doesNotMatch(titles.join('\n'), BIDI);
      assert.ok(titles.includes('Hostile rtlOverride Invoice gpj.exe'));
      // Rendered: no element, attribute or link from the text, in the body and the whole page.
      for (const p of library.papers) {
        const view: AbstractView = { paper: p, collectionNames: ['hostile'], related: library.papers.slice(0, 3) };
        assertNoInjectedMarkup(renderAbstractBody(view), p.label);
        const page = renderAbstractPage(view, {
          cspSource: 'https://w.example',
          nonce: 'bm9uY2U=',
          styleUri: 'https://w.example/a.css',
          scriptUri: 'https://w.example/w.js',
        });
        assert.equal((page.match(/<script/g) ?? []).length, 1, p.label);
        assert.match(page, /<title>[^<]*<\/title>/, 'the tab title is escaped');
      }
      // A hostile link is never a link target, and a 1 MB title given directly is escaped whole.
      const links = library.papers.flatMap((p) => p.links);
      assert.ok(
        links.length > 0 && links.every((l) => safeExternalUrl(l) !== undefined && !/["'<>`]/.test(l)),
        links.join(' '),
      );
      const big = renderAbstractBody({
        paper: paper({ title: `${HOSTILE.script}${oneMegabyteTitle}`, label: 'x', abstract: HOSTILE.imgOnerror }),
        collectionNames: [],
      });
      assert.ok(big.length > 1024 * 1024);
      assertNoInjectedMarkup(big, '1 MB title');
      // The hostile papers can be searched like any other.
      const index = buildIndex(library);
      assert.equal(
        index.search('hostile commandLink').hits[0]?.paper.title,
        `Hostile commandLink ${HOSTILE.commandLink}`,
      );
      assert.equal(index.search('invoice').hits[0]?.paper.title, 'Hostile rtlOverride Invoice gpj.exe');
    });
  });
});
