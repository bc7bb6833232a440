import katex from 'katex';
import { MAX_MATH_LENGTH } from '../text/tex';

/**
 * Renders a formula to MathML, or returns undefined when it is not valid TeX
 * (scrape-mangled `partial_t u`, an unknown macro): the caller then shows the
 * source as text. The settings are KaTeX's safe ones: no `\href`/`\url`/
 * `\htmlData` (`trust: false`), bounded macro expansion and sizes, and a fresh
 * macro table so a `\gdef` in one abstract cannot change the next.
 */
export function renderMath(tex: string, display = false): string | undefined {
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
      displayMode: display,
    });
  } catch {
    // Includes the RangeError deep nesting raises, which throwOnError does not cover.
    return undefined;
  }
}
