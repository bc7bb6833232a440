import { STOP_WORDS, Word, words } from './tokenize';

/** Queries longer than this are cut: nobody types more, and a pasted essay should not stall the search. */
export const MAX_QUERY_LENGTH = 300;
/** Past this many words, extra words only slow the search down. */
const MAX_QUERY_WORDS = 12;

/** A query as the user typed it, broken into the words to look for. */
export interface ParsedQuery {
  readonly text: string;
  readonly words: readonly Word[];
  /**
   * The last word is still being typed (no space after it), so it is matched
   * as a prefix: `landmark atten` finds *Landmark Attention*.
   */
  readonly lastIsPrefix: boolean;
}

export function parseQuery(input: string): ParsedQuery {
  const text = input.slice(0, MAX_QUERY_LENGTH);
  const all = words(text).slice(0, MAX_QUERY_WORDS);
  const content = all.filter((w) => !(w.parts.length === 1 && STOP_WORDS.has(w.joined)));
  return {
    text,
    // A query of stop words only (`the`) is still searched for.
    words: content.length > 0 ? content : all,
    lastIsPrefix: all.length > 0 && !/\s$/.test(text),
  };
}
