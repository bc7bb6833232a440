import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { findMathSpans, parseTex, readableMath, texToPlainText, texToUnicode } from '../../src/core/text/tex';

function formulas(text: string): string[] {
  return findMathSpans(text).map((s) => s.tex);
}

describe('findMathSpans: pairing $', () => {
  it('closes a formula right before a digit when the formula holds TeX markup', () => {
    const star = 'We find a disk around the star BD+45$^{\\circ}$598 using imaging at 2.2$\\mu$m.';
    assert.deepEqual(formulas(star), ['^{\\circ}', '\\mu']);
    assert.deepEqual(formulas('The error rate falls to 3.2$\\times$10$^{-3}$ per step.'), ['\\times', '^{-3}']);
  });

  it('leaves money as text: a closing $ after a space, or before a digit around a bare number', () => {
    assert.deepEqual(formulas('Training cost fell from $1,000 to $250 per run, and a GPU hour costs $2.'), []);
    assert.deepEqual(formulas('between $5-$10 an hour'), []);
    assert.deepEqual(formulas('a budget of $1,000. As a result'), []);
  });

  it('never pairs an escaped dollar, and counts the backslashes before it', () => {
    assert.deepEqual(formulas('it costs \\$0.50 and \\$2 more'), []);
    assert.deepEqual(formulas('a \\\\$x$ b'), ['x']);
  });

  it('finds the formulas the bundled corpus writes', () => {
    assert.deepEqual(formulas('risk $\\ell_2-$empirical of $2$ nets, $1,000 and \\$0.50, $H_0$.'), [
      '\\ell_2-',
      '2',
      'H_0',
    ]);
  });

  it('reads $$…$$ as display math and gives the offsets of the delimiters', () => {
    const text = 'see $$E = mc^2$$ and $x$';
    const spans = findMathSpans(text);
    assert.deepEqual(
      spans.map((s) => [text.slice(s.start, s.end), s.display]),
      [
        ['$$E = mc^2$$', true],
        ['$x$', false],
      ],
    );
  });

  it('does not open on a $ before a space, nor take a span longer than a formula', () => {
    assert.deepEqual(formulas('a $ b$ c'), []);
    assert.deepEqual(formulas(`$${'x'.repeat(400)}$`), []);
  });

  it('returns spans that are in order, inside the text and never overlapping', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('$', '\\', ' ', 'a', '1', '^', '{', '}') }), (text) => {
        let last = 0;
        for (const s of findMathSpans(text)) {
          assert.ok(s.start >= last && s.end <= text.length && s.start < s.end);
          assert.equal(text.slice(s.start, s.end).includes(s.tex), true);
          last = s.end;
        }
      }),
    );
  });
});

describe('texToUnicode: text-mode TeX', () => {
  const cases: [string, string][] = [
    ['J\\"ager', 'Jäger'],
    ['M{\\"u}hlbach', 'Mühlbach'],
    ['Schr\\"{o}dinger', 'Schrödinger'],
    ["Poincar\\'e", 'Poincaré'],
    ['Erd\\H{o}s', 'Erdős'],
    ['\\v{C}ech and Hru\\v{s}ka', 'Čech and Hruška'],
    ['Gar\\c{c}on', 'Garçon'],
    ['Espa\\~nola', 'Española'],
    ['\\aa{}ngstr\\"om and \\AA', 'ångström and Å'],
    ['S{\\o}ren', 'Søren'],
    ['Stra\\ss e', 'Straße'],
    ['{\\L}ukasz', 'Łukasz'],
    ['Na\\"{\\i}ve', 'Naïve'],
    ['Na\\"\\i ve and na{\\\'\\i}ve', 'Naïve and naíve'],
    ['{\\i}', 'ı'],
    ['\\v c', 'č'],
    ['R\\&D, 55.8\\% of \\_x\\_ for \\$5 \\#1', 'R&D, 55.8% of _x_ for $5 #1'],
    ['pages 1--10 --- and~more', 'pages 1–10 — and\u00a0more'],
    ['{BERT}: Pre-training of {D}eep Transformers', 'BERT: Pre-training of Deep Transformers'],
    ["``quoted''", '“quoted”'],
    ['\\LaTeX{} and \\TeX', 'LaTeX and TeX'],
    ['two parts, \\ie, harmony and \\eg, this', 'two parts, i.e., harmony and e.g., this'],
    ['\\textsc{Sparse} \\mbox{Nets}', 'Sparse Nets'],
    ['\\~{}user and \\^{}', '~user and ^'],
    ['\\t{oo}', 'o͡o'],
  ];
  for (const [tex, unicode] of cases) {
    it(`${tex} → ${unicode}`, () => {
      assert.equal(texToUnicode(tex), unicode);
    });
  }

  it('composes accents (NFC), so the result compares equal to the typed word', () => {
    assert.equal(texToUnicode('Schr\\"odinger'), 'Schrödinger'.normalize('NFC'));
    assert.equal(texToUnicode('Schr\\"odinger').length, 'Schrödinger'.length);
  });

  it('keeps math verbatim, accents and all', () => {
    assert.equal(
      texToUnicode('J\\"ager $\\"a + O(n^2)$ and $\\mathcal{L}$'),
      'Jäger $\\"a + O(n^2)$ and $\\mathcal{L}$',
    );
    assert.equal(texToUnicode('BD+45$^{\\circ}$598 at 2.2$\\mu$m'), 'BD+45$^{\\circ}$598 at 2.2$\\mu$m');
  });

  it('leaves text without TeX as it is', () => {
    const plain = 'An English abstract, 55% of it (about $1,000).';
    assert.equal(texToUnicode(plain), plain);
  });

  it('keeps a link as written but for escapes: ~ and -- stay, \\_ is an underscore, and a brace ends it', () => {
    assert.equal(
      texToUnicode('Code at https://github.com/someorg/tex\\_escaped\\_repo and'),
      'Code at https://github.com/someorg/tex_escaped_repo and',
    );
    assert.equal(texToUnicode('see https://host.org/~user/a--b.'), 'see https://host.org/~user/a--b.');
    assert.equal(
      texToUnicode('at https://github.com/HUST-SLOW/SeaS{https://github.com/HUST-SLOW/SeaS}.'),
      'at https://github.com/HUST-SLOW/SeaS https://github.com/HUST-SLOW/SeaS.',
    );
  });

  it('reads \\url verbatim and \\href as its text with the link', () => {
    assert.equal(texToUnicode('at \\url{https://x.org/a_b~c}'), 'at https://x.org/a_b~c');
    assert.equal(texToUnicode('\\href{https://x.org/a\\_b}{the code}'), 'the code (https://x.org/a_b)');
  });

  it('drops unmatched braces and never throws on broken TeX', () => {
    assert.equal(texToUnicode('black{(1) models} and } stray {'), 'black(1) models and  stray ');
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('\\', '{', '}', '"', "'", 'a', 'i', '$', ' ', '~', '-', 'v', 'emph') }),
        (text) => {
          assert.equal(typeof texToUnicode(text), 'string');
        },
      ),
    );
  });
});

describe('parseTex: styles and formulas', () => {
  it('styles \\emph and \\textbf and keeps math as a formula', () => {
    const segments = parseTex(
      'We study \\emph{core identification} with \\textbf{bold claims} and $\\mathcal{L}$ losses.',
    );
    assert.deepEqual(segments, [
      { kind: 'text', text: 'We study ', styles: [] },
      { kind: 'text', text: 'core identification', styles: ['emphasis'] },
      { kind: 'text', text: ' with ', styles: [] },
      { kind: 'text', text: 'bold claims', styles: ['strong'] },
      { kind: 'text', text: ' and ', styles: [] },
      { kind: 'math', tex: '\\mathcal{L}', source: '$\\mathcal{L}$', display: false },
      { kind: 'text', text: ' losses.', styles: [] },
    ]);
  });

  it('nests styles and ends a declaration with its group', () => {
    assert.deepEqual(parseTex('{\\em a \\textbf{b}} c \\texttt{d}'), [
      { kind: 'text', text: 'a ', styles: ['emphasis'] },
      { kind: 'text', text: 'b', styles: ['emphasis', 'strong'] },
      { kind: 'text', text: ' c ', styles: [] },
      { kind: 'text', text: 'd', styles: ['code'] },
    ]);
  });

  it('keeps a style across a formula inside it', () => {
    const segments = parseTex('\\emph{the $x$ value}');
    assert.deepEqual(
      segments.map((s) => (s.kind === 'text' ? [s.text, s.styles] : [s.source])),
      [['the ', ['emphasis']], ['$x$'], [' value', ['emphasis']]],
    );
  });
});

describe('texToPlainText and readableMath', () => {
  it('reads formulas as text for places that cannot typeset them', () => {
    assert.equal(
      texToPlainText("Kyle's $\\lambda$ under Noise-Perturbed Order Flow"),
      "Kyle's λ under Noise-Perturbed Order Flow",
    );
    assert.equal(texToPlainText('\\emph{J\\"ager}: $\\ell_2$ risk'), 'Jäger: ℓ₂ risk');
    assert.equal(texToPlainText('$\\alpha$-Nets for Sparse Coding'), 'α-Nets for Sparse Coding');
  });

  it('writes scripts of digits and signs as Unicode scripts, others inline', () => {
    assert.equal(readableMath('10^{-3}'), '10⁻³');
    assert.equal(readableMath('H_0'), 'H₀');
    assert.equal(readableMath('^{\\circ}'), '°');
    assert.equal(readableMath('\\mathcal{L}_{task}'), 'Ltask');
    assert.equal(readableMath('O(n^2)'), 'O(n²)');
  });
});
