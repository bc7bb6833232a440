/**
 * The list previous and next move through for a paper: the list it was opened from (search hits, a
 * Library group), while that list holds it; else the Library's order.
 */
export function sequenceFor(
  paperId: string,
  openedFrom: readonly string[] | undefined,
  libraryOrder: () => readonly string[],
): readonly string[] {
  return openedFrom?.includes(paperId) ? openedFrom : libraryOrder();
}

/** The paper before (-1) or after (+1) `paperId` in `sequence`; undefined at either end or when it is not there. */
export function stepInSequence(sequence: readonly string[], paperId: string, delta: -1 | 1): string | undefined {
  const at = sequence.indexOf(paperId);
  return at < 0 ? undefined : sequence[at + delta];
}
