import type { Paper } from './paper';

/** The short metadata beside a paper's name: date, authors or organisation, upvotes. */
export function paperDescription(paper: Paper): string {
  const parts: string[] = [];
  if (paper.date) {
    parts.push(paper.date.text);
  }
  if (paper.authors !== undefined) {
    parts.push(`${paper.authors} author${paper.authors === 1 ? '' : 's'}`);
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
  const who = paper.authors !== undefined ? `${paper.authors} author${paper.authors === 1 ? '' : 's'}` : paper.organization;
  const parts = [paper.title ? `“${paper.title}”` : `“${paper.label}” (untitled)`, who, paper.date?.text, collectionNames.length > 0 ? `in ${collectionNames.join('; ')}` : undefined];
  return `${parts.filter(Boolean).join(', ')}.`;
}

/** The paper as Markdown: heading, metadata, collections, then the abstract (TeX kept, so Markdown previews with math render it). */
export function paperMarkdown(paper: Paper, collectionNames: readonly string[]): string {
  const meta = [paperDescription(paper), collectionNames.join(', ')].filter(Boolean).join(' · ');
  return [`## ${escapeMarkdownLine(paper.title ?? paper.label)}`, meta && `*${escapeMarkdownLine(meta)}*`, paper.abstract].filter(Boolean).join('\n\n') + '\n';
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
