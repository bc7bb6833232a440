/**
 * Text-mode TeX as Unicode: the one converter every format uses (scraped
 * pages, BibTeX, RIS, the arXiv snapshot), so that `J\"ager`, `J{\"a}ger` and
 * `Jäger` are one word everywhere: in the index, the display, the highlights
 * and sorting. Math (`$…$`) is never converted: it stays TeX for KaTeX, and a
 * plain-text place reads it through {@link readableMath}. Converting math as
 * if it were text damages it (`O(n^2)`, `\mathcal{L}`), so the first step is
 * always {@link findMathSpans}, which the abstract renderer uses too.
 */

/** Longer `$…$` spans are not formulas but two stray dollar signs. */
export const MAX_MATH_LENGTH = 300;

/** A formula in text: `start` is its opening `$`, `end` is just past its closing one. */
export interface MathSpan {
  readonly start: number;
  readonly end: number;
  /** The TeX between the delimiters. */
  readonly tex: string;
  /** `$$…$$` rather than `$…$`. */
  readonly display: boolean;
}

/** How text-mode commands style the text they hold: `\emph`/`\textit`, `\textbf`, `\texttt`/`\url`. */
export type TextStyle = 'emphasis' | 'strong' | 'code';

/** A piece of converted text: Unicode text with the styles around it, or a formula kept as TeX. */
export type TexSegment =
  | { readonly kind: 'text'; readonly text: string; readonly styles: readonly TextStyle[] }
  | { readonly kind: 'math'; readonly tex: string; readonly source: string; readonly display: boolean };

const MARKUP_FREE = /^[^\\{}$~`]*$/;
const DASHES_OR_QUOTES = /--|''/;
const TEX_MARKUP = /[\\^_{}]/;

/**
 * Finds the formulas in text. The rule for pairing `$`:
 * 1. `\$` is a dollar sign, never a delimiter.
 * 2. `$$` opens display math, closed by the next unescaped `$$`.
 * 3. A `$` followed by a non-space opens inline math. The next unescaped `$`
 *    closes it when it follows a non-space and either is not followed by a
 *    digit or the formula holds TeX markup (`\`, `^`, `_`, braces): so
 *    `BD+45$^{\circ}$598` and `3.2$\times$10$^{-3}$` are formulas with text
 *    between them, while `$5-$10` is money, as pandoc reads it.
 * 4. When that next `$` cannot close, the opening `$` is text and the next `$`
 *    is the next candidate: `from $1,000 to $250` has no formula.
 * 5. A formula longer than {@link MAX_MATH_LENGTH} is text.
 *
 * @returns the formulas in order, not overlapping; `[]` for text without `$`.
 */
export function findMathSpans(text: string): MathSpan[] {
  const spans: MathSpan[] = [];
  let open = nextDollar(text, 0);
  while (open >= 0) {
    if (text.charCodeAt(open + 1) === 0x24 /* $ */) {
      const close = text.indexOf('$$', open + 2);
      const closeAt = close >= 0 && text.charCodeAt(close - 1) !== 0x5c ? close : -1;
      if (closeAt > open + 2 && closeAt - open - 2 <= MAX_MATH_LENGTH) {
        spans.push({ start: open, end: closeAt + 2, tex: text.slice(open + 2, closeAt), display: true });
        open = nextDollar(text, closeAt + 2);
      } else {
        open = nextDollar(text, open + 2);
      }
      continue;
    }
    const close = nextDollar(text, open + 1);
    if (close < 0) {
      break;
    }
    const tex = text.slice(open + 1, close);
    if (isOpening(text, open) && closes(text, close, tex) && tex.length <= MAX_MATH_LENGTH) {
      spans.push({ start: open, end: close + 1, tex, display: false });
      open = nextDollar(text, close + 1);
    } else {
      open = close;
    }
  }
  return spans;
}

/** The next `$` at or after `from` that is not escaped as `\$`. */
function nextDollar(text: string, from: number): number {
  for (let i = text.indexOf('$', from); i >= 0; i = text.indexOf('$', i + 1)) {
    if (!isEscaped(text, i)) {
      return i;
    }
  }
  return -1;
}

/** Whether the character at `at` follows an odd number of backslashes (`\$` yes, `\\$` no). */
function isEscaped(text: string, at: number): boolean {
  let n = 0;
  while (at - n - 1 >= 0 && text.charCodeAt(at - n - 1) === 0x5c) {
    n++;
  }
  return n % 2 === 1;
}

function isOpening(text: string, at: number): boolean {
  const next = text.charAt(at + 1);
  return next !== '' && !/\s/.test(next);
}

function closes(text: string, at: number, tex: string): boolean {
  if (tex.length === 0 || /\s/.test(text.charAt(at - 1))) {
    return false;
  }
  return !/\d/.test(text.charAt(at + 1)) || TEX_MARKUP.test(tex);
}

/**
 * Splits text into converted text and formulas (see {@link findMathSpans}).
 * Outside math:
 * - accents over a letter or a braced group (`\"o`, `\"{o}`, `{\"o}`, `\'e`,
 *   `\H{o}`, `\v{c}`, `\c{c}`, `\~n`, `\"{\i}` → ï) become composed letters (NFC);
 * - letters and symbols by name (`\aa`, `\o`, `\ss`, `\l`, `\ae`, `\i`, `\ldots`,
 *   `\LaTeX`, …) become the character; escapes (`\&`, `\%`, `\_`, `\$`, `\#`,
 *   `\{`, `\}`) the character they protect; `--` and `---` dashes, `~` a
 *   no-break space, ``` `` ``` and `''` curly quotes;
 * - braces (case protection, groups) are dropped; `\emph`, `\textit`, `\em`
 *   style as emphasis, `\textbf`, `\bf` as strong, `\texttt`, `\url` as code,
 *   and other commands with an argument (`\textsc{…}`, `\mbox{…}`) keep only the
 *   argument; an unknown command alone reads as its name (`\foo` → `foo`);
 * - a link (`https://…`) is kept as written but for backslash escapes
 *   (`tex\_repo` → `tex_repo`), and ends before a brace.
 *
 * @returns segments in order; text segments are never empty. Text without TeX
 * markup comes back as one segment, unchanged.
 */
export function parseTex(text: string): TexSegment[] {
  if (MARKUP_FREE.test(text) && !DASHES_OR_QUOTES.test(text)) {
    return text.length > 0 ? [{ kind: 'text', text, styles: [] }] : [];
  }
  return new TexScanner(text).run();
}

/** Text-mode TeX as Unicode with formulas kept as written (`$\lambda$`): what the index and the display read. */
export function texToUnicode(text: string): string {
  return joinSegments(parseTex(text), (m) => m.source);
}

/**
 * Text-mode TeX as plain Unicode, formulas included (`Kyle's $\lambda$` →
 * `Kyle's λ`), spaces collapsed: for places that show no markup, such as
 * tree rows, quick-pick items, tooltips, tab titles and sorting.
 */
export function texToPlainText(text: string): string {
  return joinSegments(parseTex(text), (m) => readableMath(m.tex))
    .replace(/\s+/g, ' ')
    .trim();
}

function joinSegments(
  segments: readonly TexSegment[],
  math: (m: Extract<TexSegment, { kind: 'math' }>) => string,
): string {
  let out = '';
  for (const s of segments) {
    out += s.kind === 'text' ? s.text : math(s);
  }
  return out;
}

/** Greek letters and the symbols abstracts use most, as they print: for readable math and for math-mode names that a scrape left outside `$…$`. */
// prettier-ignore
const MATH_SYMBOLS: Readonly<Record<string, string>> = {
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', varepsilon: 'ε', zeta: 'ζ', eta: 'η', theta: 'θ',
  vartheta: 'ϑ', iota: 'ι', kappa: 'κ', lambda: 'λ', mu: 'μ', nu: 'ν', xi: 'ξ', pi: 'π', rho: 'ρ', sigma: 'σ',
  tau: 'τ', upsilon: 'υ', phi: 'φ', varphi: 'φ', chi: 'χ', psi: 'ψ', omega: 'ω', Gamma: 'Γ', Delta: 'Δ',
  Theta: 'Θ', Lambda: 'Λ', Xi: 'Ξ', Pi: 'Π', Sigma: 'Σ', Phi: 'Φ', Psi: 'Ψ', Omega: 'Ω', ell: 'ℓ',
  infty: '∞', times: '×', cdot: '·', leq: '≤', le: '≤', geq: '≥', ge: '≥', neq: '≠', ne: '≠', approx: '≈',
  sim: '∼', pm: '±', mp: '∓', to: '→', rightarrow: '→', leftarrow: '←', Rightarrow: '⇒', uparrow: '↑',
  downarrow: '↓', partial: '∂', nabla: '∇', sum: '∑', prod: '∏', int: '∫', sqrt: '√', in: '∈', notin: '∉',
  subset: '⊂', subseteq: '⊆', cup: '∪', cap: '∩', forall: '∀', exists: '∃', circ: '∘', degree: '°', star: '⋆',
  ast: '∗', propto: '∝', log: 'log', exp: 'exp', max: 'max', min: 'min', sin: 'sin', cos: 'cos', top: '⊤',
  dagger: '†', ldots: '…', cdots: '⋯', dots: '…', prime: '′', emptyset: '∅', mid: '|', otimes: '⊗', oplus: '⊕',
};

/** Commands whose argument is shown without the command: fonts, boxes, math alphabets. */
// prettier-ignore
const ARGUMENT_ONLY = new Set([
  'textsc', 'textrm', 'textsf', 'textup', 'textmd', 'textnormal', 'mbox', 'hbox', 'text', 'textsuperscript',
  'textsubscript', 'mathrm', 'mathbf', 'mathcal', 'mathbb', 'mathit', 'mathsf', 'mathtt', 'mathfrak', 'boldsymbol',
  'operatorname', 'underline', 'uline', 'ensuremath', 'NoCaseChange', 'MakeUppercase', 'MakeLowercase',
]);

/** Commands that style their argument. */
const STYLED_ARGUMENT: Readonly<Record<string, TextStyle>> = {
  emph: 'emphasis',
  textit: 'emphasis',
  textsl: 'emphasis',
  textbf: 'strong',
  texttt: 'code',
};

/** Declarations that style the rest of their group (`{\em …}`). */
// prettier-ignore
const STYLE_DECLARATIONS: Readonly<Record<string, TextStyle>> = {
  em: 'emphasis', it: 'emphasis', itshape: 'emphasis', sl: 'emphasis', slshape: 'emphasis', bf: 'strong',
  bfseries: 'strong', tt: 'code', ttfamily: 'code',
};

/** Declarations and spacing commands that print nothing. */
// prettier-ignore
const SILENT = new Set([
  'rm', 'sf', 'sc', 'scshape', 'normalfont', 'upshape', 'mdseries', 'rmfamily', 'sffamily', 'relax', 'protect',
  'xspace', 'noindent', 'par', 'nobreak', 'null', 'hfill', 'vfill', 'small', 'large', 'footnotesize', 'normalsize',
]);

/** Letters TeX writes by name; they are parts of words, so, as in TeX, the spaces after them are dropped (`\ss e` → `ße`). */
// prettier-ignore
const LETTERS: Readonly<Record<string, string>> = {
  aa: 'å', AA: 'Å', o: 'ø', O: 'Ø', ss: 'ß', SS: 'SS', ae: 'æ', AE: 'Æ', oe: 'œ', OE: 'Œ', l: 'ł', L: 'Ł',
  i: 'ı', j: 'ȷ', dh: 'ð', DH: 'Ð', th: 'þ', TH: 'Þ', ng: 'ŋ', NG: 'Ŋ', dj: 'đ', DJ: 'Đ',
};

/** Symbols and words TeX writes by name. */
// prettier-ignore
const NAMED: Readonly<Record<string, string>> = {
  ldots: '…', dots: '…', textellipsis: '…', textendash: '–', textemdash: '—', textquoteleft: '‘',
  textquoteright: '’', textquotedblleft: '“', textquotedblright: '”', guillemotleft: '«', guillemotright: '»',
  guillemetleft: '«', guillemetright: '»', S: '§', P: '¶', copyright: '©', textcopyright: '©', textregistered: '®',
  texttrademark: '™', pounds: '£', textsterling: '£', euro: '€', texteuro: '€', dag: '†', ddag: '‡',
  textdagger: '†', textbullet: '•', textdegree: '°', textbackslash: '\\', textasciitilde: '~',
  textasciicircum: '^', textunderscore: '_', textbar: '|', textless: '<', textgreater: '>',
  textperiodcentered: '·', LaTeX: 'LaTeX', TeX: 'TeX', BibTeX: 'BibTeX', LaTeXe: 'LaTeX2ε', slash: '/',
  // Abbreviation macros that conference templates define (CVPR's `\eg`, `\ie`, `\etal`).
  eg: 'e.g.', ie: 'i.e.', etal: 'et al.', etc: 'etc.', wrt: 'w.r.t.', vs: 'vs.', cf: 'cf.', aka: 'a.k.a.',
  newline: ' ', linebreak: ' ', quad: ' ', qquad: ' ', space: ' ', enspace: ' ', thinspace: '\u2009',
};

/** Accent commands and the combining mark each puts over (or under) a letter; with an empty argument, the accent itself. */
// prettier-ignore
const ACCENTS: Readonly<Record<string, readonly [combining: string, alone: string]>> = {
  '"': ['\u0308', '¨'], "'": ['\u0301', '´'], '`': ['\u0300', '`'], '^': ['\u0302', '^'], '~': ['\u0303', '~'],
  '=': ['\u0304', '¯'], '.': ['\u0307', '˙'], u: ['\u0306', '˘'], v: ['\u030C', 'ˇ'], H: ['\u030B', '˝'],
  c: ['\u0327', '¸'], k: ['\u0328', '˛'], r: ['\u030A', '˚'], d: ['\u0323', '.'], b: ['\u0331', '_'],
  t: ['\u0361', '͡'],
};

/** What a backslash before a non-letter stands for, beyond the character itself (`\&` → `&`). */
// prettier-ignore
const CONTROL_SYMBOLS: Readonly<Record<string, string>> = {
  ' ': ' ', ',': '\u2009', ';': ' ', ':': ' ', '>': ' ', '!': '', '-': '', '/': '', '@': '', '\\': ' ', '\n': ' ',
};

const LINK_START = /^https?:\/\//i;
const LINK_END = /[\s<>"`{}]/;

interface Group {
  readonly styles: TextStyle[];
}

/** One pass over the text with a stack of brace groups; formulas were found first and are copied through. */
class TexScanner {
  private readonly segments: TexSegment[] = [];
  private readonly groups: Group[] = [{ styles: [] }];
  private readonly math: MathSpan[];
  private nextMath = 0;
  private pos = 0;
  private buffer = '';
  private bufferStyles: readonly TextStyle[] = [];

  constructor(private readonly text: string) {
    this.math = findMathSpans(text);
  }

  run(): TexSegment[] {
    const { text } = this;
    while (this.pos < text.length) {
      const span = this.math[this.nextMath];
      if (span !== undefined && span.start === this.pos) {
        this.flush();
        this.segments.push({
          kind: 'math',
          tex: span.tex,
          source: text.slice(span.start, span.end),
          display: span.display,
        });
        this.pos = span.end;
        this.nextMath++;
        continue;
      }
      this.step();
    }
    this.flush();
    return this.segments;
  }

  /** The position of the next formula, or the end of the text: plain scanning never crosses into math. */
  private get limit(): number {
    return this.math[this.nextMath]?.start ?? this.text.length;
  }

  private step(): void {
    const { text } = this;
    const c = text.charAt(this.pos);
    switch (c) {
      case '\\':
        this.command();
        return;
      case '{':
        this.groups.push({ styles: [...this.currentStyles()] });
        this.pos++;
        return;
      case '}':
        if (this.groups.length > 1) {
          this.groups.pop();
        }
        this.pos++;
        return;
      case '^':
      case '_':
        this.script();
        return;
      case '~':
        this.emit('\u00a0');
        this.pos++;
        return;
      case '-':
        if (text.startsWith('---', this.pos)) {
          this.emit('—');
          this.pos += 3;
        } else if (text.startsWith('--', this.pos)) {
          this.emit('–');
          this.pos += 2;
        } else {
          this.emit('-');
          this.pos++;
        }
        return;
      case '`':
        if (text.startsWith('``', this.pos)) {
          this.emit('“');
          this.pos += 2;
        } else {
          this.emit('`');
          this.pos++;
        }
        return;
      case "'":
        if (text.startsWith("''", this.pos)) {
          this.emit('”');
          this.pos += 2;
        } else {
          this.emit("'");
          this.pos++;
        }
        return;
      case 'h':
      case 'H':
        if (LINK_START.test(text.slice(this.pos, this.pos + 8)) && !/[\p{L}\p{N}]/u.test(text.charAt(this.pos - 1))) {
          this.link();
          return;
        }
    }
    this.emit(c);
    this.pos++;
  }

  /**
   * `^{…}` and `_{…}` outside math are a formula whose dollars a scrape lost
   * (`C^{dtimes d}`): kept as written rather than read as text-mode groups.
   */
  private script(): void {
    const close = this.text.charAt(this.pos + 1) === '{' ? matchingBrace(this.text, this.pos + 1, this.limit) : -1;
    const end = close < 0 ? this.pos + 1 : close + 1;
    this.emit(this.text.slice(this.pos, end));
    this.pos = end;
  }

  /** A link as written, but for backslash escapes; it ends at a space, a brace or a formula. */
  private link(): void {
    const { text } = this;
    const limit = this.limit;
    let out = '';
    while (this.pos < limit && !LINK_END.test(text.charAt(this.pos))) {
      const c = text.charAt(this.pos);
      if (c === '\\') {
        const next = text.charAt(this.pos + 1);
        if (next === '' || /[a-zA-Z\s]/.test(next)) {
          break;
        }
        out += next;
        this.pos += 2;
        continue;
      }
      out += c;
      this.pos++;
    }
    this.emit(out);
    // A group right after a link (a mangled `\href{…}{…}`) must not glue the link to what the group holds.
    if (text.charAt(this.pos) === '{') {
      this.emit(' ');
    }
  }

  private command(): void {
    const { text } = this;
    const name = /^[a-zA-Z]+/.exec(text.slice(this.pos + 1, this.pos + 40))?.[0];
    if (name === undefined) {
      const symbol = text.charAt(this.pos + 1);
      this.pos += 2;
      if (symbol === '') {
        this.emit('\\');
      } else if (ACCENTS[symbol] !== undefined) {
        this.accent(ACCENTS[symbol]);
      } else {
        this.emit(CONTROL_SYMBOLS[symbol] ?? symbol);
      }
      return;
    }
    this.pos += 1 + name.length;
    const accent = ACCENTS[name];
    if (accent !== undefined && name.length === 1) {
      this.skipSpaces();
      this.accent(accent);
      return;
    }
    if (LETTERS[name] !== undefined) {
      this.emit(LETTERS[name]);
      this.skipSpaces();
      return;
    }
    if (NAMED[name] !== undefined) {
      this.emit(NAMED[name]);
      this.skipEmptyGroup();
      return;
    }
    if (STYLED_ARGUMENT[name] !== undefined) {
      this.styledArgument(STYLED_ARGUMENT[name]);
      return;
    }
    if (STYLE_DECLARATIONS[name] !== undefined) {
      const group = this.groups[this.groups.length - 1];
      if (!group.styles.includes(STYLE_DECLARATIONS[name])) {
        group.styles.push(STYLE_DECLARATIONS[name]);
      }
      this.skipSpaces();
      return;
    }
    if (name === 'url') {
      this.verbatimArgument('code');
      return;
    }
    if (name === 'href') {
      this.href();
      return;
    }
    if (SILENT.has(name)) {
      this.skipSpaces();
      return;
    }
    if (ARGUMENT_ONLY.has(name)) {
      // The argument's group follows and is read as any group is.
      this.skipSpaces();
      return;
    }
    if (text.charAt(this.pos) === '{') {
      return;
    }
    this.emit(MATH_SYMBOLS[name] ?? name);
  }

  /** `\"o`, `\"{o}`, `\"{\i}`, `\v c`: the mark goes after the first letter of the argument; `\~{}` is the accent itself. */
  private accent([combining, alone]: readonly [string, string]): void {
    const { text } = this;
    let argument: string;
    if (text.charAt(this.pos) === '{') {
      const close = matchingBrace(text, this.pos, this.limit);
      if (close < 0) {
        this.emit(alone);
        return;
      }
      argument = texToUnicode(dotlessToDotted(text.slice(this.pos + 1, close)));
      this.pos = close + 1;
    } else if (text.charAt(this.pos) === '\\') {
      const name = /^\\([a-zA-Z]+)/.exec(text.slice(this.pos, this.pos + 40))?.[1];
      if (name === 'i' || name === 'j') {
        argument = name;
        this.pos += 1 + name.length;
        this.skipSpaces();
      } else {
        this.emit(alone);
        return;
      }
    } else {
      const next = text.codePointAt(this.pos);
      if (next === undefined || this.pos >= this.limit || /\s/.test(String.fromCodePoint(next))) {
        this.emit(alone);
        return;
      }
      argument = String.fromCodePoint(next);
      this.pos += argument.length;
    }
    const first = argument.codePointAt(0);
    if (first === undefined) {
      this.emit(alone);
      return;
    }
    const head = String.fromCodePoint(first);
    this.emit(head + combining + argument.slice(head.length));
  }

  private styledArgument(style: TextStyle): void {
    this.skipSpaces();
    if (this.text.charAt(this.pos) !== '{') {
      return;
    }
    const styles = this.currentStyles();
    this.groups.push({ styles: styles.includes(style) ? [...styles] : [...styles, style] });
    this.pos++;
  }

  /** `\url{…}`: the argument is a link, written as is (TeX's `\url` is verbatim). */
  private verbatimArgument(style: TextStyle): void {
    const close = this.text.charAt(this.pos) === '{' ? matchingBrace(this.text, this.pos, this.limit) : -1;
    if (close < 0) {
      return;
    }
    this.emit(this.text.slice(this.pos + 1, close), style);
    this.pos = close + 1;
  }

  /** `\href{url}{text}` reads `text (url)`, or just the link when the text is the link. */
  private href(): void {
    const { text } = this;
    const urlClose = text.charAt(this.pos) === '{' ? matchingBrace(text, this.pos, this.limit) : -1;
    const labelOpen = urlClose + 1;
    const labelClose =
      urlClose >= 0 && text.charAt(labelOpen) === '{' ? matchingBrace(text, labelOpen, this.limit) : -1;
    if (labelClose < 0) {
      return;
    }
    const url = text.slice(this.pos + 1, urlClose).replace(/\\([^a-zA-Z])/g, '$1');
    const label = texToPlainText(text.slice(labelOpen + 1, labelClose));
    this.emit(label === url ? url : `${label} (${url})`);
    this.pos = labelClose + 1;
  }

  private skipSpaces(): void {
    while (this.pos < this.limit && /[ \t\n\r]/.test(this.text.charAt(this.pos))) {
      this.pos++;
    }
  }

  /** `\LaTeX{}`: the empty group only ends the command's name. */
  private skipEmptyGroup(): void {
    if (this.text.startsWith('{}', this.pos)) {
      this.pos += 2;
    }
  }

  private currentStyles(): readonly TextStyle[] {
    return this.groups[this.groups.length - 1].styles;
  }

  private emit(text: string, extraStyle?: TextStyle): void {
    const base = this.currentStyles();
    const styles = extraStyle === undefined || base.includes(extraStyle) ? base : [...base, extraStyle];
    if (!sameStyles(styles, this.bufferStyles)) {
      this.flush();
      this.bufferStyles = [...styles];
    }
    this.buffer += text;
  }

  private flush(): void {
    if (this.buffer.length > 0) {
      this.segments.push({ kind: 'text', text: this.buffer.normalize('NFC'), styles: this.bufferStyles });
    }
    this.buffer = '';
  }
}

function sameStyles(a: readonly TextStyle[], b: readonly TextStyle[]): boolean {
  return a.length === b.length && a.every((s) => b.includes(s));
}

/** `\i` and `\j` under an accent are the dotted letters: `\"{\i}` is ï, which NFC can compose. */
function dotlessToDotted(tex: string): string {
  return tex.replace(/\\([ij])(?![a-zA-Z])\s*/g, '$1');
}

/** The index of the `}` that closes the `{` at `open`, before `limit`; -1 if there is none. */
function matchingBrace(text: string, open: number, limit: number): number {
  let depth = 0;
  for (let i = open; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5c /* \ */) {
      i++;
    } else if (c === 0x7b /* { */) {
      depth++;
    } else if (c === 0x7d /* } */) {
      depth--;
      if (depth === 0) {
        return i;
      }
    }
  }
  return -1;
}

// prettier-ignore
const SUPERSCRIPTS: Readonly<Record<string, string>> = {
  '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹',
  '+': '⁺', '-': '⁻', '=': '⁼', '(': '⁽', ')': '⁾', n: 'ⁿ', i: 'ⁱ', T: 'ᵀ', '∘': '°', '′': '′',
};
// prettier-ignore
const SUBSCRIPTS: Readonly<Record<string, string>> = {
  '0': '₀', '1': '₁', '2': '₂', '3': '₃', '4': '₄', '5': '₅', '6': '₆', '7': '₇', '8': '₈', '9': '₉',
  '+': '₊', '-': '₋', '=': '₌', '(': '₍', ')': '₎',
};

/**
 * A formula as plain text for places that cannot typeset it: symbols by name
 * become the character (`\lambda` → `λ`), font commands keep their argument
 * (`\mathcal{L}` → `L`), and scripts of digits and signs become Unicode
 * scripts (`10^{-3}` → `10⁻³`, `H_0` → `H₀`); other scripts are written inline.
 */
export function readableMath(tex: string): string {
  const named = tex
    .replace(/\\([a-zA-Z]+)/g, (_m, name: string) => MATH_SYMBOLS[name] ?? (ARGUMENT_ONLY.has(name) ? '' : name))
    .replace(/\\([,;:!> ])/g, (_m, s: string) => (s === '!' ? '' : ' '));
  const scripted = named.replace(
    /([_^])(?:\{([^{}]*)\}|(\S))/g,
    (_m, mark: string, group: string | undefined, single: string | undefined) => {
      const body = group ?? single ?? '';
      const table = mark === '^' ? SUPERSCRIPTS : SUBSCRIPTS;
      const chars = [...body];
      return chars.length > 0 && chars.every((ch) => table[ch] !== undefined)
        ? chars.map((ch) => table[ch]).join('')
        : body;
    },
  );
  return scripted.replace(/[{}]/g, '').replace(/\s+/g, ' ').trim();
}
