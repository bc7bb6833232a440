import { doiKey } from '../model/identifiers';
import type { Library, Paper } from '../model/paper';
import { starRecord, type StarRecord } from '../model/star';

/**
 * The stars with each one whose paper is gone moved to the paper that now has its arXiv id, DOI or citation key
 * (in that order of trust), its identifiers refreshed; undefined when no star moved. A star that finds no paper
 * stays as it is, shown as missing until its paper comes back.
 */
export function followStars(stars: readonly StarRecord[], library: Library): StarRecord[] | undefined {
  if (stars.every((star) => library.byId.has(star.id))) {
    return undefined;
  }
  const byArxiv = new Map<string, Paper>();
  const byDoi = new Map<string, Paper>();
  const byKey = new Map<string, Paper>();
  for (const paper of library.papers) {
    const fields = paper.bibliographic;
    if (fields?.arxivId !== undefined && !byArxiv.has(fields.arxivId)) {
      byArxiv.set(fields.arxivId, paper);
    }
    if (fields?.doi !== undefined && !byDoi.has(doiKey(fields.doi))) {
      byDoi.set(doiKey(fields.doi), paper);
    }
    if (!byKey.has(paper.citationKey)) {
      byKey.set(paper.citationKey, paper);
    }
  }
  const starredIds = new Set(stars.map((star) => star.id));
  let moved = false;
  const result = stars.map((star) => {
    if (library.byId.has(star.id)) {
      return star;
    }
    const paper =
      (star.arxivId !== undefined ? byArxiv.get(star.arxivId) : undefined) ??
      (star.doi !== undefined ? byDoi.get(doiKey(star.doi)) : undefined) ??
      (star.citationKey !== undefined ? byKey.get(star.citationKey) : undefined);
    // A paper that is starred already keeps its own star; the old one stays missing rather than doubling it.
    if (!paper || starredIds.has(paper.id)) {
      return star;
    }
    moved = true;
    starredIds.add(paper.id);
    return starRecord(paper);
  });
  return moved ? result : undefined;
}
