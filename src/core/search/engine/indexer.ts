import { CorpusDigest, libraryIndexKey, type IndexedText } from './indexCache';
import { TermIndexBuilder, type DocumentPostings, type TermIndex } from './termIndex';
import { STOP_WORDS, tokenizeForIndex } from '../tokenize';
import { authorText } from '../authorText';

/** The settings an index is built with; a cached index is only valid for the same ones. */
export const INDEX_SETTINGS_KEY =
  'paper-index/3 fields=title,abstract+authors tokenizer=tex+fold+segmenter+compound+joined terms=cut40 stopwords=v1';

/** The terms of a field as the index stores them: compounds split and joined, stop words dropped. */
export function indexTerms(text: string): string[] {
  return tokenizeForIndex(text).filter((t) => !STOP_WORDS.has(t));
}

/**
 * Indexes papers a slice at a time and, for a library without a key of its own (`libraryKey`), digests them for the
 * cache key: the one build that both this thread and the index worker run, and that an update runs with the previous
 * index's postings to carry papers over from.
 */
export class PaperIndexer {
  private readonly builder: TermIndexBuilder;
  private readonly digest: CorpusDigest | undefined;

  constructor(
    previous?: DocumentPostings,
    private readonly libraryKey?: string,
  ) {
    this.builder = new TermIndexBuilder(previous);
    this.digest = libraryKey === undefined ? new CorpusDigest() : undefined;
  }

  /** Adds the next papers, in library order. */
  add(papers: readonly IndexedText[]): void {
    for (const paper of papers) {
      // Authors go with the abstract: searchable in plain queries, never outranking a title match.
      const authors = authorText(paper);
      const abstract = indexTerms(paper.abstract);
      this.builder.add([indexTerms(paper.title ?? ''), authors ? [...abstract, ...indexTerms(authors)] : abstract]);
    }
    this.digest?.add(papers);
  }

  /** Adds the next paper, whose title and abstract are those of document `from` of the previous index, without tokenizing it. */
  carry(paper: IndexedText, from: number): void {
    this.builder.carry(from);
    this.digest?.add([paper]);
  }

  *finishSteps(): Generator<void, { readonly terms: TermIndex; readonly key: string }> {
    const terms = yield* this.builder.finishSteps();
    const key = this.digest
      ? this.digest.key(INDEX_SETTINGS_KEY)
      : libraryIndexKey(INDEX_SETTINGS_KEY, this.libraryKey!);
    return { terms, key };
  }
}
