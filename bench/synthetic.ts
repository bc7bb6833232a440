import type { Paper } from '../src/core/model/paper';

/**
 * Synthetic corpora for the benchmark, grown from the real abstracts: titles
 * and abstracts are recombined sentences and title fragments of real papers,
 * with a share of words replaced by invented technical terms (model names,
 * acronyms) drawn from a Zipf distribution, so the vocabulary grows with the
 * corpus as a real one does. Deterministic: the same seed and size give the
 * same corpus, byte for byte.
 */

/** Mulberry32: small, fast, and good enough to shuffle text. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = [
  'ra',
  'lo',
  'ne',
  'tor',
  'vi',
  'sa',
  'mi',
  'qu',
  'ex',
  'dro',
  'ka',
  'fen',
  'gal',
  'zi',
  'pro',
  'tex',
  'mor',
  'lin',
  'bel',
  'cy',
];
const SUFFIXES = ['net', 'former', 'gan', 'bert', 'rl', 'diff', 'vae', 'lstm', 'gnn', 'seg'];

/** An invented word: `ralotor`, `Vizinet`, `SAMI-3`. */
function inventWord(rand: () => number, i: number): string {
  const n = 2 + Math.floor(rand() * 3);
  let word = '';
  for (let k = 0; k < n; k++) {
    word += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
  }
  switch (i % 4) {
    case 0:
      return word;
    case 1:
      return word.charAt(0).toUpperCase() + word.slice(1) + SUFFIXES[Math.floor(rand() * SUFFIXES.length)];
    case 2:
      return `${word.slice(0, 4).toUpperCase()}-${1 + Math.floor(rand() * 9)}`;
    default:
      return `${word}-${SYLLABLES[Math.floor(rand() * SYLLABLES.length)]}${SYLLABLES[Math.floor(rand() * SYLLABLES.length)]}`;
  }
}

export interface SyntheticPaper {
  readonly title: string;
  readonly abstract: string;
}

/** `count` papers grown from `seedPapers`. */
export function syntheticCorpus(seedPapers: readonly Paper[], count: number, seed = 42): SyntheticPaper[] {
  const rand = random(seed);
  const sentences = seedPapers.flatMap((p) => p.abstract.split(/(?<=\.)\s+/)).filter((s) => s.length > 30);
  const titleWords = seedPapers.flatMap((p) => (p.title ?? '').split(/\s+/)).filter(Boolean);
  const inventedCount = Math.max(1000, count * 2);
  const invented = Array.from({ length: inventedCount }, (_, i) => inventWord(rand, i));
  // Zipf-like: low indexes are drawn far more often, as common terms are.
  const pickInvented = () => invented[Math.floor(inventedCount * rand() ** 3)];
  const mutate = (text: string) => text.replace(/\b[a-z]{6,}\b/g, (w) => (rand() < 0.06 ? pickInvented() : w));
  const papers: SyntheticPaper[] = [];
  for (let i = 0; i < count; i++) {
    const name = invented[Math.floor(rand() * inventedCount)];
    const words = 4 + Math.floor(rand() * 7);
    const fragment = Array.from({ length: words }, () => titleWords[Math.floor(rand() * titleWords.length)]).join(' ');
    const sentenceCount = 5 + Math.floor(rand() * 6);
    const abstract = Array.from({ length: sentenceCount }, () =>
      mutate(sentences[Math.floor(rand() * sentences.length)]),
    ).join(' ');
    papers.push({
      title: `${name.charAt(0).toUpperCase()}${name.slice(1)}: ${fragment.replace(/[:]/g, '')}`,
      abstract,
    });
  }
  return papers;
}

/** The corpus as a search-results page (title line, abstract line), the format the parser reads fastest. */
export function toCorpusText(papers: readonly SyntheticPaper[]): string {
  return papers.map((p) => `${p.title}\n${p.abstract}`).join('\n');
}
