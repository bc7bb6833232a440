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
