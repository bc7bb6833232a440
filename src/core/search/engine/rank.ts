import { textKey } from '../../text/text';
import type { ParsedQuery } from '../query';
import type { SearchHit } from './results';

/** How much more a paper counts when the query is its own name (`xLSTM` for *xLSTM: …*). */
const NAME_EXACT = 6;
/** The query is the start of the paper's name, as while typing `xLST`. */
const NAME_PREFIX = 5;
/** The title starts with the query. */
const TITLE_START = 1.6;
/** Every query word is in the title. */
const TITLE_ALL_WORDS = 1.3;

/**
 * Re-orders the index's BM25 hits the way a researcher expects: BM25 alone ranks
 * *Vision-LSTM: xLSTM as …* next to *xLSTM: …* for `xLSTM`; a paper whose name
 * is the query should win outright.
 */
export function rerank(hits: readonly SearchHit[], query: ParsedQuery): SearchHit[] {
  const queryKey = textKey(query.plainText, 1000);
  if (!queryKey) {
    return [...hits];
  }
  return hits
    .map((hit) => ({ ...hit, score: hit.score * boost(hit, query, queryKey) }))
    .sort((a, b) => b.score - a.score);
}

/** What re-ranking needs of a title, worked out once per paper. */
interface TitleKeys {
  readonly key: string;
  readonly name: string | undefined;
  readonly words: ReadonlySet<string>;
}

const titleKeys = new WeakMap<object, TitleKeys>();

function keysOf(paper: SearchHit['paper'], title: string): TitleKeys {
  let keys = titleKeys.get(paper);
  if (!keys) {
    keys = { key: textKey(title, 1000), name: leadingName(title), words: new Set(textKeyWords(title)) };
    titleKeys.set(paper, keys);
  }
  return keys;
}

function boost(hit: SearchHit, query: ParsedQuery, queryKey: string): number {
  const title = hit.paper.title;
  if (!title) {
    return 1;
  }
  const { key: titleKey, name, words: titleWords } = keysOf(hit.paper, title);
  let factor = 1;
  if (name === queryKey) {
    factor *= NAME_EXACT;
  } else if (name !== undefined && query.lastIsPrefix && name.startsWith(queryKey)) {
    // While typing `xLST`, the name closest to complete (`xLSTM`) beats a longer one (`xLSTMTime`).
    factor *= 1 + NAME_PREFIX * (queryKey.length / name.length) ** 3;
  }
  if (titleKey.startsWith(queryKey)) {
    factor *= TITLE_START;
  }
  if (query.words.every((w, i) => hasWord(titleWords, w.joined, i === query.words.length - 1 && query.lastIsPrefix))) {
    factor *= TITLE_ALL_WORDS;
  }
  return factor;
}

/** A title's leading name, `HAWQ-V2` in *HAWQ-V2: Hessian Aware …*, as a key. */
export function leadingName(title: string): string | undefined {
  const colon = title.indexOf(':');
  return colon > 0 && colon <= 48 ? textKey(title.slice(0, colon)) : undefined;
}

function textKeyWords(title: string): string[] {
  return title.split(/\s+/).flatMap((w) => {
    const joined = textKey(w);
    const parts = w
      .split(/[^\p{L}\p{N}]+/u)
      .map((p) => textKey(p))
      .filter(Boolean);
    return [joined, ...parts];
  });
}

function hasWord(words: ReadonlySet<string>, word: string, prefix: boolean): boolean {
  if (words.has(word)) {
    return true;
  }
  return prefix && [...words].some((w) => w.startsWith(word));
}
