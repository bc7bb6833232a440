import type { CitationKeyIndex, KeyedPaper } from './keyIndex';

/** Where completion looks for the papers that what the writer typed may mean. */
export interface CandidateSources<P extends KeyedPaper> {
  readonly keys: CitationKeyIndex<P>;
  /** The library's search as the quick pick runs it (title words, authors, abstract), best first. */
  readonly search: (query: string, limit: number) => readonly P[];
  /** The papers of the document's own bibliography files: offered when nothing has been typed yet. */
  readonly own: () => readonly P[];
}

/**
 * The papers to offer for a citation key being typed, best first, each once and each with a key: the paper whose
 * key is exactly what was typed, then keys starting with it, then the search's hits for it as words
 * (`speculative` offers the speculative-decoding papers whatever their keys). With nothing typed yet, the
 * document's own bibliography in key order.
 *
 * @param limit the most papers returned.
 */
export function citationCandidates<P extends KeyedPaper>(
  typed: string,
  sources: CandidateSources<P>,
  limit: number,
): P[] {
  const query = typed.trim();
  const found = new Map<string, P>();
  const add = (paper: P) => {
    if (found.size < limit && paper.citationKey && !found.has(paper.id)) {
      found.set(paper.id, paper);
    }
  };
  if (query === '') {
    return [...sources.own()]
      .filter((paper) => paper.citationKey)
      .sort((a, b) => compareKeys(a.citationKey ?? '', b.citationKey ?? ''))
      .slice(0, limit);
  }
  sources.keys.papersWithKey(query).forEach(add);
  sources.keys.withKeyPrefix(query, limit).forEach(add);
  sources.search(query, limit).forEach(add);
  return [...found.values()];
}

function compareKeys(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * A citation key as words to search with: `vaswani2017attention` → `vaswani 2017 attention`,
 * `Devlin:2019:BERT` → `Devlin 2019 BERT`, `smithJones_2020` → `smith Jones 2020`. Keys are usually made of an
 * author, a year and a title word, which the search finds even when the library has the paper under another key.
 */
export function searchTextOfKey(key: string): string {
  return key
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{L})(\p{N})|(\p{N})(\p{L})/gu, (_m, l1?: string, n1?: string, n2?: string, l2?: string) =>
      l1 ? `${l1} ${n1}` : `${n2} ${l2}`,
    )
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
