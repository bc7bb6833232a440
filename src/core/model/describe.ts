import type { Paper } from './paper';

/** `1 author`, `9 authors`. */
export function authorCount(authors: number): string {
  return `${authors} author${authors === 1 ? '' : 's'}`;
}

/** The readable names of a paper's collections; an id without a name (none loaded yet) stands for itself. */
export function collectionNamesOf(paper: Paper, names: ReadonlyMap<string, string> | undefined): string[] {
  return paper.collections.map((c) => names?.get(c) ?? c);
}

/** The short metadata beside a paper's name: date, authors or organisation, upvotes. */
export function paperDescription(paper: Paper): string {
  const parts: string[] = [];
  if (paper.date) {
    parts.push(paper.date.text);
  }
  if (paper.authors !== undefined) {
    parts.push(authorCount(paper.authors));
  } else if (paper.organization) {
    parts.push(paper.organization);
  }
  if (paper.upvotes !== undefined) {
    parts.push(`▲ ${paper.upvotes}`);
  }
  return parts.join(' · ');
}

/** A one-line reference to paste into notes: title, authors or organisation, date, source collections. */
export function citationLine(paper: Paper, collectionNames: readonly string[]): string {
  const who = paper.authors !== undefined ? authorCount(paper.authors) : paper.organization;
  const parts = [
    paper.title ? `“${paper.title}”` : `“${paper.label}” (untitled)`,
    who,
    paper.date?.text,
    collectionNames.length > 0 ? `in ${collectionNames.join('; ')}` : undefined,
  ];
  return `${parts.filter(Boolean).join(', ')}.`;
}

/** The paper as Markdown: heading, metadata, collections, then the abstract (TeX kept, so Markdown previews with math render it). */
export function paperMarkdown(paper: Paper, collectionNames: readonly string[]): string {
  const meta = [paperDescription(paper), collectionNames.join(', ')].filter(Boolean).join(' · ');
  return (
    [`## ${escapeMarkdownLine(paper.title ?? paper.label)}`, meta && `*${escapeMarkdownLine(meta)}*`, paper.abstract]
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
  const query = encodeURIComponent(paper.title ?? paper.label);
  return {
    arxiv: `https://arxiv.org/search/?searchtype=title&query=${query}`,
    huggingFace: `https://huggingface.co/papers?q=${query}`,
  };
}
