import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import fc from 'fast-check';
import { nodeFileSystem } from '../../src/core/formats/nodeFileSystem';
import { parseCorpus } from '../../src/core/formats/parse';
import { readCorpusLocations } from '../../src/core/formats/sources';
import { buildLibrary } from '../../src/core/library/merge';
import { citationLine, paperMarkdown, paperSearchUrls } from '../../src/core/model/describe';
import { sortPapers } from '../../src/core/model/grouping';
import type { Library, Paper } from '../../src/core/model/paper';
import { renderAbstractBody, renderAbstractText } from '../../src/core/render/abstractHtml';
import { buildIndex, type PaperIndex } from '../../src/core/search/engine';
import { ROOT } from './helpers';

/** The failing inputs of issue 12, one file each (copied from the shared cases). */
const CASES = path.join(ROOT, 'test', 'unit', 'fixtures', 'text');
const CLI = path.join(ROOT, 'out', 'src', 'cli.js');

async function load(file: string): Promise<{ library: Library; index: PaperIndex }> {
  const library = buildLibrary(await readCorpusLocations(nodeFileSystem, [path.join(CASES, file)]));
  return { library, index: buildIndex(library) };
}

function titles(index: PaperIndex, query: string): string[] {
  return index.search(query).hits.map((h) => h.paper.label);
}

function byLabel(library: Library, start: string): Paper {
  const paper = library.papers.find((p) => p.label.startsWith(start));
  assert.ok(paper, `a paper labelled ${start}…`);
  return paper;
}

/** The CLI as a user runs it (the same code as dist/cli.js, compiled by tsc), with --json. */
function cli(file: string, query: string): { label: string; text: string; formulas: string[]; links: string[] }[] {
  return JSON.parse(
    execFileSync(process.execPath, [CLI, 'search', '--json', '--corpus', path.join(CASES, file), query], {
      encoding: 'utf8',
    }),
  );
}

const CHINESE = '基于注意力机制的图像分割方法';

describe('text cases (issue 12): every script, every spelling', () => {
  it('t01: words inside a run of Chinese are found and highlighted', async () => {
    const { library, index } = await load('t01-chinese.txt');
    for (const query of ['注意力', '图像分割', 'JWT']) {
      assert.equal(titles(index, query)[0], CHINESE, query);
      assert.equal(cli('t01-chinese.txt', query)[0].label, CHINESE, `CLI ${query}`);
    }
    const hit = index.search('注意力').hits[0];
    const html = renderAbstractText(hit.paper.abstract, new Set(hit.terms));
    assert.match(html, /基于<mark>注意力<\/mark>机制/);
    assert.equal(library.papers.length, 2);
  });

  it('t02: a zero-width space never splits a word', async () => {
    const { index } = await load('t02-zero-width.txt');
    assert.equal(titles(index, 'hypernetworks')[0], 'Hyper\u200bnetworks for Continual Learning');
    assert.equal(cli('t02-zero-width.txt', 'hypernetworks')[0].label, 'Hyper\u200bnetworks for Continual Learning');
    const hit = index.search('hypernetworks').hits[0];
    assert.match(renderAbstractText(hit.paper.title ?? '', new Set(hit.terms)), /<mark>Hyper\u200bnetworks<\/mark>/);
  });

  it('inserting an invisible character anywhere in a title never changes which queries find the paper', () => {
    const title = 'Hypernetworks for Continual Learning of Sparse Attention';
    const abstract = 'An abstract about something else entirely, long enough to be a real abstract line.';
    const queries = ['hypernetworks', 'continual learning', 'sparse attention', 'hyper', '"continual learning"', 'x'];
    const found = (t: string) => {
      const library = buildLibrary([
        {
          id: 'f',
          name: 'f',
          parsed: parseCorpus(
            `Get trending papers in your email inbox once a day!\nGet trending papers in your email inbox!\n${t}\n${abstract}\n`,
          ),
        },
      ]);
      const index = buildIndex(library);
      return queries.map((q) => index.search(q).hits.length > 0);
    };
    const expected = found(title);
    assert.deepEqual(expected, [true, true, true, true, true, false]);
    fc.assert(
      fc.property(
        fc.nat({ max: title.length }),
        fc.constantFrom('\u200b', '\u200c', '\u200d', '\u2060', '\u00ad', '\ufeff', '\ufe0f'),
        (at, c) => {
          assert.deepEqual(found(title.slice(0, at) + c + title.slice(at)), expected);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('t03: TeX accents are letters for the search, the labels and the page', async () => {
    const { library, index } = await load('t03-tex-accents.txt');
    assert.equal(titles(index, 'schrodinger')[0], 'Schrödinger Bridges Revisited');
    assert.equal(titles(index, 'Schrödinger')[0], 'Schrödinger Bridges Revisited');
    assert.equal(titles(index, 'muhlbach')[0], 'Jäger: Automated Telephone Call Traceback');
    assert.equal(titles(index, 'jäger')[0], 'Jäger: Automated Telephone Call Traceback');
    for (const query of ['schrodinger', 'Schrödinger', 'muhlbach']) {
      assert.ok(cli('t03-tex-accents.txt', query).length > 0, `CLI ${query}`);
    }
    const jager = byLabel(library, 'Jäger');
    const html = renderAbstractBody({ paper: jager, collectionNames: [] });
    assert.match(html, /<h1 class="title">Jäger: Automated/);
    assert.match(html, /We present Jäger, a traceback system, building on work by Mühlbach\./);
    assert.doesNotMatch(html, /\\"/);
    const hit = index.search('muhlbach').hits[0];
    assert.match(renderAbstractText(hit.paper.abstract, new Set(hit.terms)), /<mark>Mühlbach<\/mark>/);
  });

  it('t04: formulas pair by the stated rule; money stays text', async () => {
    const { library } = await load('t04-dollar-pairs.txt');
    const star = renderAbstractText(byLabel(library, 'Debris').abstract);
    assert.equal(star.match(/<math/g)?.length, 2);
    assert.match(star, /<\/span>598 using imaging at 2\.2<span class="math">/);
    const rates = renderAbstractText(byLabel(library, 'Rates').abstract);
    assert.equal(rates.match(/<math/g)?.length, 2);
    assert.match(rates, /<\/span>10<span class="math">/);
    const budget = renderAbstractText(byLabel(library, 'Budget').abstract);
    assert.doesNotMatch(budget, /<math/);
    assert.match(budget, /from \$1,000 to \$250 per run, and a GPU hour costs \$2\./);
    assert.deepEqual(cli('t04-dollar-pairs.txt', 'star')[0].formulas, ['^{\\circ}', '\\mu']);
    assert.deepEqual(cli('t04-dollar-pairs.txt', 'rate')[0].formulas, ['\\times', '^{-3}']);
    assert.deepEqual(cli('t04-dollar-pairs.txt', 'budget')[0].formulas, []);
  });

  it('t05: an escaped underscore in a link is an underscore, and balanced parentheses stay', async () => {
    const { library } = await load('t05-links.txt');
    const links = [
      'https://github.com/someorg/tex_escaped_repo',
      'https://en.wikipedia.org/wiki/Transformer_(deep_learning_architecture)',
    ];
    const paper = library.papers[0];
    assert.deepEqual(paper.links, links);
    assert.equal(paper.hasCode, true);
    const html = renderAbstractText(paper.abstract);
    for (const link of links) {
      assert.ok(html.includes(`<a href="${link}" class="external">${link}</a>`), link);
    }
    assert.match(html, /architecture\)<\/a>\. We study/);
    assert.deepEqual(cli('t05-links.txt', 'links')[0].links, links);
  });

  it('t06: C and C++ are two papers, each with its own abstract', async () => {
    const { library, index } = await load('t06-c-and-cpp.txt');
    assert.equal(library.papers.length, 2);
    assert.match(byLabel(library, 'C++ Kernels').abstract, /^A paper about C\+\+ kernels/);
    assert.match(byLabel(library, 'C Kernels').abstract, /^A different paper about plain C kernels/);
    assert.deepEqual(titles(index, 'kernels').sort(), [
      'C Kernels for Sparse Attention',
      'C++ Kernels for Sparse Attention',
    ]);
    assert.equal(cli('t06-c-and-cpp.txt', 'kernels').length, 2);
  });

  it('t07: letters that decomposition leaves whole fold on both sides', async () => {
    const { index } = await load('t07-letters.txt');
    for (const query of ['lodz', 'Łódź', 'LODZ']) {
      assert.equal(titles(index, query)[0], 'Air Quality Sensing in Łódź', query);
    }
    for (const query of ['strasse', 'Straße', 'STRASSE']) {
      assert.equal(titles(index, query)[0], 'Routing on the Straße: Map Matching for German Roads', query);
    }
    assert.equal(cli('t07-letters.txt', 'lodz')[0].label, 'Air Quality Sensing in Łódź');
    assert.equal(cli('t07-letters.txt', 'strasse')[0].label, 'Routing on the Straße: Map Matching for German Roads');
  });

  it('t08: HTML entities are decoded once on read, shown escaped, and are not words', async () => {
    const { library, index } = await load('t08-entities.txt');
    const paper = library.papers[0];
    assert.equal(paper.label, 'Idyll Studio: Interactive & Data-Driven Articles');
    assert.match(paper.abstract, /^Authors write <interactive> articles; it's "easy"\./);
    for (const query of ['amp', 'quot', '39', 'lt']) {
      assert.deepEqual(titles(index, query), [], query);
      assert.deepEqual(cli('t08-entities.txt', query), [], `CLI ${query}`);
    }
    const html = renderAbstractBody({ paper, collectionNames: [] });
    assert.match(html, /Interactive &amp; Data-Driven/);
    assert.match(html, /write &lt;interactive&gt; articles; it&#39;s &quot;easy&quot;/);
  });

  it('t09: curly, low and angle quotes are phrase quotes', async () => {
    const { index } = await load('t09-quotes.txt');
    for (const query of ['"state space"', '“state space”', '„state space“', '«state space»', '‘state space’']) {
      assert.deepEqual(titles(index, query), ['State Space Duality for Sequence Models'], query);
    }
    assert.equal(titles(index, 'state space').length, 2);
    assert.equal(cli('t09-quotes.txt', '“state space”').length, 1);
  });

  it('t10: Sort by Title ignores leading punctuation, quotes, brackets and TeX, and case', async () => {
    const { library } = await load('t10-sort.txt');
    const order = ['α-Nets', 'apple:', '-Dash', '“Quoted”', '[Re]', 'Zebra'];
    const sorted = sortPapers(library.papers, 'title', 'en').map((p) => p.label.split(' ')[0]);
    assert.deepEqual(sorted, order);
    const listed = execFileSync(
      process.execPath,
      [CLI, 'list', '--sort', 'title', '--corpus', path.join(CASES, 't10-sort.txt')],
      { encoding: 'utf8' },
    );
    assert.deepEqual(
      listed
        .trim()
        .split('\n')
        .map((line) => line.replace(/^\s*\d+\. /, '').split(' ')[0]),
      order,
    );
  });

  it('t11: one readable title everywhere, and text-mode commands as emphasis', async () => {
    const { library } = await load('t11-tex-title.txt');
    const paper = library.papers[0];
    assert.equal(paper.label, "Kyle's λ under Noise-Perturbed Order Flow");
    const html = renderAbstractBody({ paper, collectionNames: [] });
    assert.match(html, /<em>core identification<\/em>/);
    assert.match(html, /<strong>bold claims<\/strong>/);
    assert.doesNotMatch(html, /\\emph|\\textbf/);
    assert.equal(html.match(/<math/g)?.length, 2, 'λ in the heading and 𝓛 in the abstract are typeset');
    assert.equal(
      paperMarkdown(paper, []),
      "## Kyle's λ under Noise-Perturbed Order Flow\n\nWe study core identification with bold claims and $\\mathcal{L}$ losses. " +
        'We study the question with a small set of controlled experiments and report what we find.\n',
    );
    assert.match(citationLine(paper, []), /^“Kyle's λ under Noise-Perturbed Order Flow”/);
    assert.match(paperSearchUrls(paper).arxiv, /query=Kyle's%20%CE%BB%20under/);
    const [hit] = cli('t11-tex-title.txt', 'core identification');
    assert.equal(hit.label, "Kyle's λ under Noise-Perturbed Order Flow");
    assert.match(hit.text, /We study core identification with bold claims and L losses\./);
  });
});

describe('duplicates: different papers never become one', () => {
  const file = (name: string, text: string) => ({
    id: name,
    name,
    parsed: parseCorpus(
      `Get trending papers in your email inbox once a day!\nGet trending papers in your email inbox!\n${text}`,
    ),
  });
  const ABSTRACT =
    'We propose a method for training sparse mixture of experts models with a router that balances load across devices.';

  it('keeps one title over clearly different abstracts as two papers, and says so', () => {
    const library = buildLibrary([
      file('a.txt', `Attention Is Everything\n${ABSTRACT}\n`),
      file(
        'b.txt',
        'Attention Is Everything\nA survey of visual attention in primates, with eye-tracking studies of reading.\n',
      ),
    ]);
    assert.equal(library.papers.length, 2);
    assert.notEqual(library.papers[0].id, library.papers[1].id);
    assert.deepEqual(
      library.papers.map((p) => p.abstract.slice(0, 12)),
      ['We propose a', 'A survey of '],
    );
    assert.deepEqual(
      library.problems.map((p) => [p.collection, p.message]),
      [
        [
          'b.txt',
          'same title as the paper first listed in a.txt, line 3, but a different abstract: kept as a separate paper',
        ],
      ],
    );
  });

  it('merges copies of one abstract: cut shorter, in TeX or in Unicode, with entities', () => {
    const library = buildLibrary([
      file('a.txt', `Sch\\"on Experts\n${ABSTRACT}\n`),
      file('b.txt', `Schön Experts\n${ABSTRACT.slice(0, 60)}…\n`),
      file('c.txt', `SCHÖN EXPERTS\n${ABSTRACT.replace('mixture of', 'mixture&#32;of')}\n`),
    ]);
    assert.equal(library.papers.length, 1);
    assert.deepEqual(library.papers[0].collections, ['a.txt', 'b.txt', 'c.txt']);
    assert.equal(library.papers[0].abstract, ABSTRACT);
    assert.deepEqual(library.problems, []);
  });
});
