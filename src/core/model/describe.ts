import { authorList, personName } from '../cite/paperHover';
import type { PersonName } from './bibliographic';
import type { Paper } from './paper';
import { texToUnicode } from '../text/tex';

/** `1 author`, `9 authors`. */
export function authorCount(authors: number): string {
  return `${authors} author${authors === 1 ? '' : 's'}`;
}

/** The readable names of a paper's collections; an id without a name (none loaded yet) stands for itself. */
export function collectionNamesOf(paper: Paper, names: ReadonlyMap<string, string> | undefined): string[] {
  return paper.collections.map((c) => names?.get(c) ?? c);
}

/** `Vaswani`, or `Vaswani et al.` when there are more: the family name (a corporate author whole) of the first. */
export function firstAuthorEtAl(authors: readonly PersonName[]): string {
  const first = authors[0];
  const name = first.literal ?? [first.particle, first.family ?? first.given].filter(Boolean).join(' ');
  return authors.length > 1 ? `${name} et al.` : name;
}

/**
 * The short metadata beside a paper's name: first author (et al.), date, venue for a paper from a bibliography;
 * date, authors or organisation, upvotes for one from a page.
 */
export function paperDescription(paper: Paper): string {
  const parts: string[] = [];
  const authors = paper.bibliographic?.authors;
  const named = authors !== undefined && authors.length > 0;
  if (named) {
    parts.push(firstAuthorEtAl(authors));
  }
  if (paper.date) {
    parts.push(paper.date.text);
  }
  if (paper.bibliographic?.venue) {
    parts.push(paper.bibliographic.venue);
  }
  if (!named && paper.authors !== undefined) {
    parts.push(authorCount(paper.authors));
  } else if (!named && paper.organization) {
    parts.push(paper.organization);
  }
  if (paper.upvotes !== undefined) {
    parts.push(`▲ ${paper.upvotes}`);
  }
  return parts.join(' · ');
}

/**
 * A one-line reference to paste into notes: title, authors (the first three, et al.; or how many, or the
 * organisation), date, venue or source collections, and the DOI or arXiv id.
 */
export function citationLine(paper: Paper, collectionNames: readonly string[]): string {
  const fields = paper.bibliographic;
  const who =
    authorList(fields?.authors) ?? (paper.authors !== undefined ? authorCount(paper.authors) : paper.organization);
  const where = fields?.venue ?? (collectionNames.length > 0 ? `in ${collectionNames.join('; ')}` : undefined);
  const id = fields?.doi ? `doi:${fields.doi}` : fields?.arxivId ? `arXiv:${fields.arxivId}` : undefined;
  // The title as read (`Jäger`, `λ`), as every other place shows it.
  const parts = [paper.title ? `“${paper.label}”` : `“${paper.label}” (untitled)`, who, paper.date?.text, where, id];
  return `${parts.filter(Boolean).join(', ')}.`;
}

/**
 * The paper as Markdown: heading, metadata, collections, then the abstract with its text-mode TeX read
 * (`J\\"ager` → `Jäger`) and its formulas kept, so Markdown previews with math render them.
 */
export function paperMarkdown(paper: Paper, collectionNames: readonly string[]): string {
  const meta = [paperDescription(paper), collectionNames.join(', ')].filter(Boolean).join(' · ');
  const authors = paper.bibliographic?.authors?.map(personName).join(', ');
  return (
    [
      `## ${escapeMarkdownLine(paper.label)}`,
      authors && escapeMarkdownLine(authors),
      meta && `*${escapeMarkdownLine(meta)}*`,
      texToUnicode(paper.abstract),
    ]
      .filter(Boolean)
      .join('\n\n') + '\n'
  );
}

/** Characters that would turn a heading or an emphasis line into something else. */
function escapeMarkdownLine(text: string): string {
  return text.replace(/[\\`*_[\]<>#|]/g, '\\$&');
}

/** Where to look the paper up on the web: arXiv, and the papers site of the Daily Papers collections. */
export function paperSearchUrls(paper: Paper): { readonly arxiv: string; readonly huggingFace: string } {
  const query = encodeURIComponent(paper.label);
  return {
    arxiv: `https://arxiv.org/search/?searchtype=title&query=${query}`,
    huggingFace: `https://huggingface.co/papers?q=${query}`,
  };
}
