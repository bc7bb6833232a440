import { compareDates } from './dates';
import type { Library, Paper } from './paper';

/** A group of papers in the side bar: a collection (and later, a year or the starred ones). */
export interface PaperGroup {
  readonly kind: 'group';
  readonly id: string;
  readonly label: string;
  readonly papers: readonly Paper[];
}

/** One group per collection, in the order the files were read; a paper in two collections is in both. */
export function groupByCollection(library: Library): PaperGroup[] {
  return library.collections.map((collection) => ({
    kind: 'group',
    id: `collection:${collection.id}`,
    label: collection.name,
    papers: library.papers.filter((p) => p.collections.includes(collection.id)),
  }));
}

/** Newest first; undated papers last, in their file order. */
export function byDateDescending(a: Paper, b: Paper): number {
  if (!a.date || !b.date) {
    return a.date ? -1 : b.date ? 1 : 0;
  }
  return compareDates(b.date, a.date);
}
