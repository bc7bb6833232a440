import type { PersonName } from '../model/bibliographic';
import type { Paper } from '../model/paper';
import { personName } from '../cite/paperHover';
import { authorCount, paperDescription } from '../model/describe';
import { findLinks } from '../library/merge';
import { findMatches, type Highlight, type Range } from '../search/highlight';
import { starButton } from '../../shared/protocol';
import { escapeHtml } from './escape';
import { renderMath } from './math';
import { parseTex, type TextStyle } from '../text/tex';

/** What the abstract tab shows for one paper. */
export interface AbstractView {
  readonly paper: Paper;
  /** Readable names of the paper's collections. */
  readonly collectionNames: readonly string[];
  /** Words to mark, from the search the paper was opened from. */
  readonly highlight?: Highlight;
  /** The papers most like this one, best first. */
  readonly related?: readonly Paper[];
  readonly starred?: boolean;
  /** Where the paper stands in the list it was opened from, for the previous and next buttons (0-based). */
  readonly position?: { readonly index: number; readonly total: number };
}

/** Where the page's own files are, as webview URIs, and the nonce its script must carry. */
export interface PageResources {
  readonly cspSource: string;
  readonly nonce: string;
  readonly styleUri: string;
  readonly scriptUri: string;
}

/**
 * The whole webview document. Its Content-Security-Policy allows nothing but
 * the extension's own stylesheet and one nonce'd script: no inline script, no
 * remote image, so even text that got past escaping could neither run nor
 * send anything out.
 */
export function renderAbstractPage(view: AbstractView, resources: PageResources): string {
  const csp = [
    "default-src 'none'",
    `style-src ${resources.cspSource}`,
    `font-src ${resources.cspSource}`,
    `img-src ${resources.cspSource}`,
    `script-src 'nonce-${resources.nonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(resources.styleUri)}">
<title>${escapeHtml(view.paper.label)}</title>
</head>
<body data-paper-id="${escapeHtml(view.paper.id)}">
${renderAbstractBody(view)}
<script nonce="${escapeHtml(resources.nonce)}" src="${escapeHtml(resources.scriptUri)}"></script>
</body>
</html>`;
}

/** The paper itself: heading, metadata, collections, abstract. Every piece of paper text is escaped. */
export function renderAbstractBody(view: AbstractView): string {
  const { paper } = view;
  const terms = new Set(view.highlight?.terms ?? []);
  const prefixes = view.highlight?.prefixes ?? [];
  const heading = paper.title
    ? `<h1 class="title">${renderAbstractText(paper.title, terms, prefixes)}</h1>`
    : `<h1 class="title untitled">${escapeHtml(paper.label)}</h1><p class="untitled-note">No title in the source; the heading is the abstract's opening.</p>`;
  const abstract = paper.abstract
    ? `<p>${renderAbstractText(paper.abstract, terms, prefixes)}</p>`
    : '<p class="empty">The source has a title but no abstract for this paper.</p>';
  return `<main class="paper">
${renderActions(view)}
<header>
${heading}
${renderAuthors(paper.bibliographic?.authors ?? [])}
${renderMeta(paper)}
${renderIdentifiers(paper)}
${renderCategories(paper.bibliographic?.categories ?? [])}
${renderKeywords(paper.bibliographic?.keywords ?? [])}
<ul class="collections" aria-label="Collections">${view.collectionNames.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>
</header>
<section class="abstract" aria-label="Abstract">
<h2>Abstract</h2>
${abstract}
</section>
${renderRelated(view.related ?? [])}
</main>`;
}

/**
 * The toolbar: previous and next, star, copy and look up. Each button names an
 * action the page script sends back by name; the extension knows the paper.
 */
function renderActions(view: AbstractView): string {
  const { position } = view;
  const button = (action: string, label: string, title: string, extra = '') =>
    `<button type="button" data-action="${action}" title="${escapeHtml(title)}"${extra}>${label}</button>`;
  const place = position
    ? `<span class="position" aria-live="polite">${position.index + 1} of ${position.total}</span>`
    : '';
  const previous = button(
    'previous',
    '← Previous',
    'Previous paper (P or ←)',
    position && position.index > 0 ? '' : ' disabled',
  );
  const next = button(
    'next',
    'Next →',
    'Next paper (N or →)',
    position && position.index < position.total - 1 ? '' : ' disabled',
  );
  const starState = starButton(view.starred ?? false);
  const star = button(
    starState.action,
    starState.label,
    starState.title,
    ` aria-pressed="${view.starred ? 'true' : 'false'}"`,
  );
  return `<nav class="toolbar" aria-label="Paper actions">
<span class="group">${previous}${place}${next}</span>
<span class="group">${star}${button('copyMarkdown', 'Copy Markdown', 'Copy the title, details and abstract as Markdown')}${button('copyCitation', 'Copy Citation', 'Copy a one-line citation')}${button('copyBibtex', 'Copy BibTeX', 'Copy a BibTeX entry for this paper')}${button('insertCitation', 'Cite', 'Insert a citation of this paper in the LaTeX or Markdown document you are writing')}</span>
<span class="group">${button('searchArxiv', 'arXiv ↗', 'Search for this paper on arXiv')}${button('searchHuggingFace', 'Hugging Face ↗', 'Search for this paper on Hugging Face Papers')}</span>
</nav>`;
}

/** Links the page script turns into `openPaper` messages: the id, never a URL, goes back to the extension. */
function renderRelated(papers: readonly Paper[]): string {
  if (papers.length === 0) {
    return '';
  }
  const items = papers.map((p) => {
    const meta = paperDescription(p);
    return `<li><a href="#" data-paper-id="${escapeHtml(p.id)}">${escapeHtml(p.label)}</a>${meta ? ` <span class="related-meta">${escapeHtml(meta)}</span>` : ''}</li>`;
  });
  return `<nav class="related" aria-label="Related papers">
<h2>Related papers</h2>
<ol>${items.join('')}</ol>
</nav>`;
}

/** arXiv categories, the primary one first and marked as such. */
function renderCategories(categories: readonly string[]): string {
  if (categories.length === 0) {
    return '';
  }
  const items = categories.map(
    (c, i) => `<li${i === 0 ? ' class="primary" title="Primary category"' : ''}><code>${escapeHtml(c)}</code></li>`,
  );
  return `<ul class="categories" aria-label="arXiv categories">${items.join('')}</ul>`;
}

/** Authors shown before the rest of a long list is folded away. */
const AUTHORS_SHOWN = 8;

/** Every author in the file's order; past the first few, the rest fold into a `<details>` the reader can open. */
function renderAuthors(authors: readonly PersonName[]): string {
  if (authors.length === 0) {
    return '';
  }
  const names = authors.map((a) => `<span class="author">${escapeHtml(personName(a))}</span>`);
  const folded = authors.length > AUTHORS_SHOWN + 2;
  const shown = folded ? names.slice(0, AUTHORS_SHOWN) : names;
  const rest = folded
    ? `, <details class="more-authors"><summary>and ${authors.length - AUTHORS_SHOWN} more</summary>${names.slice(AUTHORS_SHOWN).join(', ')}</details>`
    : '';
  return `<p class="authors" aria-label="Authors">${shown.join(', ')}${rest}</p>`;
}

/**
 * Links to the paper itself (its DOI at doi.org, its arXiv abstract page) and its citation key with a copy button.
 * The links go through the page script to the extension, which opens only `https:` ones.
 */
function renderIdentifiers(paper: Paper): string {
  const fields = paper.bibliographic;
  const items: string[] = [];
  if (fields?.doi) {
    const url = `https://doi.org/${fields.doi.split('/').map(encodeURIComponent).join('/')}`;
    items.push(
      `<span class="doi">DOI <a href="${escapeHtml(url)}" class="external">${escapeHtml(fields.doi)}</a></span>`,
    );
  }
  if (fields?.arxivId) {
    const url = `https://arxiv.org/abs/${fields.arxivId}`;
    items.push(
      `<span class="arxiv">arXiv <a href="${escapeHtml(url)}" class="external">${escapeHtml(fields.arxivId)}</a></span>`,
    );
  }
  items.push(
    `<span class="citation-key">Key <code>${escapeHtml(paper.citationKey)}</code> <button type="button" class="copy-key" data-action="copyCitationKey" title="Copy the citation key">Copy</button></span>`,
  );
  return `<p class="identifiers">${items.join('<span class="sep" aria-hidden="true"> · </span>')}</p>`;
}

function renderKeywords(keywords: readonly string[]): string {
  if (keywords.length === 0) {
    return '';
  }
  return `<ul class="keywords" aria-label="Keywords">${keywords.map((k) => `<li>${escapeHtml(k)}</li>`).join('')}</ul>`;
}

function renderMeta(paper: Paper): string {
  const items: string[] = [];
  if (paper.bibliographic?.venue) {
    items.push(`<span class="venue">${escapeHtml(paper.bibliographic.venue)}</span>`);
  }
  if (paper.authors !== undefined && !paper.bibliographic?.authors?.length) {
    items.push(`<span class="authors">${authorCount(paper.authors)}</span>`);
  }
  if (paper.organization !== undefined) {
    items.push(`<span class="organization">${escapeHtml(paper.organization)}</span>`);
  }
  if (paper.date !== undefined) {
    items.push(`<span class="date">${escapeHtml(paper.date.text)}</span>`);
  }
  if (paper.upvotes !== undefined) {
    items.push(`<span class="upvotes">${paper.upvotes} upvote${paper.upvotes === 1 ? '' : 's'}</span>`);
  }
  return items.length > 0 ? `<p class="meta">${items.join('<span class="sep" aria-hidden="true"> · </span>')}</p>` : '';
}

/**
 * The abstract (or title) as HTML: text-mode TeX as Unicode, `\\emph` and
 * `\\textbf` as emphasis, `$…$` formulas that are valid TeX as MathML and the
 * rest (money, mangled TeX) as text, both by the rules of `tex.ts`; links
 * become links the page hands to the extension to check; matched words are
 * marked.
 */
export function renderAbstractText(
  text: string,
  terms: ReadonlySet<string> = new Set(),
  prefixes: readonly string[] = [],
): string {
  return parseTex(text)
    .map((segment) => {
      if (segment.kind === 'math') {
        const math = renderMath(segment.tex, segment.display);
        return math === undefined ? markText(segment.source, terms, prefixes) : `<span class="math">${math}</span>`;
      }
      const html = renderLinks(segment.text, terms, prefixes);
      return segment.styles.reduce((inner, style) => `<${STYLE_TAGS[style]}>${inner}</${STYLE_TAGS[style]}>`, html);
    })
    .join('');
}

const STYLE_TAGS: Readonly<Record<TextStyle, string>> = { emphasis: 'em', strong: 'strong', code: 'code' };

function renderLinks(text: string, terms: ReadonlySet<string>, prefixes: readonly string[]): string {
  let html = '';
  let last = 0;
  // Only `https:` links open (see `safeExternalUrl`): an `http:` one stays text rather than a dead link.
  for (const link of findLinks(text).filter((l) => /^https:/i.test(l))) {
    const at = text.indexOf(link, last);
    html += markText(text.slice(last, at), terms, prefixes);
    html += `<a href="${escapeHtml(link)}" class="external">${escapeHtml(link)}</a>`;
    last = at + link.length;
  }
  return html + markText(text.slice(last), terms, prefixes);
}

/** Escapes text, wrapping the matched words in `<mark>`. */
export function markText(text: string, terms: ReadonlySet<string>, prefixes: readonly string[]): string {
  const ranges: Range[] = findMatches(text, terms, prefixes);
  let html = '';
  let last = 0;
  for (const [start, end] of ranges) {
    html += `${escapeHtml(text.slice(last, start))}<mark>${escapeHtml(text.slice(start, end))}</mark>`;
    last = end;
  }
  return html + escapeHtml(text.slice(last));
}
