import katex from 'katex';

/** Longer `$…$` spans are not formulas but two stray dollar signs. */
export const MAX_MATH_LENGTH = 300;

/** A piece of abstract text: plain text, or a `$…$` formula. */
export type Segment =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'math'; readonly tex: string; readonly source: string };

/**
 * Finds inline `$…$` formulas the way pandoc does: the opening `$` is followed
 * by a non-space, the closing one follows a non-space and is not followed by a
 * digit, and `\$` is a literal dollar. So `$H_0$` is math while `$1,000` and
 * `\$0.50` stay money.
 */
export function splitMath(text: string): Segment[] {
  const segments: Segment[] = [];
  const pattern = /(?<!\\)\$(?!\s|\$)((?:\\.|[^$\\])+?)(?<!\s|\\)\$(?!\d)/g;
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    if (m[1].length > MAX_MATH_LENGTH) {
      continue;
    }
    if (m.index > last) {
      segments.push({ kind: 'text', text: text.slice(last, m.index) });
    }
    segments.push({ kind: 'math', tex: m[1], source: m[0] });
    last = m.index + m[0].length;
  }
  if (last < text.length) {
    segments.push({ kind: 'text', text: text.slice(last) });
  }
  return segments;
}

/**
 * Renders a formula to MathML, or returns undefined when it is not valid TeX
 * (scrape-mangled `partial_t u`, an unknown macro): the caller then shows the
 * source as text. The settings are KaTeX's safe ones: no `\href`/`\url`/
 * `\htmlData` (`trust: false`), bounded macro expansion and sizes, and a fresh
 * macro table so a `\gdef` in one abstract cannot change the next.
 */
export function renderMath(tex: string): string | undefined {
  if (tex.length > MAX_MATH_LENGTH) {
    return undefined;
  }
  try {
    return katex.renderToString(tex, {
      output: 'mathml',
      throwOnError: true,
      trust: false,
      strict: 'ignore',
      maxExpand: 1000,
      maxSize: 20,
      macros: {},
      displayMode: false,
    });
  } catch {
    // Includes the RangeError deep nesting raises, which throwOnError does not cover.
    return undefined;
  }
}
