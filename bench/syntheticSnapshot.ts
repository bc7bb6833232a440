import { createWriteStream } from 'node:fs';
import type { Paper } from '../src/core/model/paper';
import { random, syntheticCorpus } from './synthetic';

/**
 * A synthetic arXiv metadata snapshot in the snapshot's own schema and quirks (hard-wrapped titles and abstracts,
 * abstracts opening with two spaces, TeX in `authors`, Unicode in `authors_parsed`, RFC 2822 version dates, ids
 * as strings), grown from the bundled abstracts. About a tenth of the records are in cs.CL, cs.LG or stat.ML, as
 * in the real snapshot (~280,000 of ~2.8 million), and abstracts are cut to the real snapshot's lengths (arXiv
 * takes at most 1,920 characters; records average about 1.6 KB in all): the synthetic corpus's own run longer.
 */

/** Primary categories and how often each is drawn; cross-lists are drawn from the same table. */
const CATEGORIES: readonly (readonly [string, number])[] = [
  ['cs.LG', 40],
  ['cs.CL', 30],
  ['stat.ML', 15],
  ['cs.CV', 60],
  ['cs.AI', 30],
  ['cs.RO', 15],
  ['cs.CR', 15],
  ['math.CO', 40],
  ['math.PR', 35],
  ['math.AP', 35],
  ['math.NT', 25],
  ['hep-th', 70],
  ['hep-ph', 70],
  ['astro-ph.GA', 50],
  ['astro-ph.CO', 45],
  ['quant-ph', 70],
  ['cond-mat.mes-hall', 45],
  ['cond-mat.str-el', 45],
  ['cond-mat.mtrl-sci', 40],
  ['physics.optics', 30],
  ['gr-qc', 40],
  ['nucl-th', 20],
  ['eess.SP', 20],
  ['q-bio.NC', 15],
  ['econ.EM', 10],
];
const TOTAL_WEIGHT = CATEGORIES.reduce((n, [, w]) => n + w, 0);
const FAMILIES = [
  'Müller',
  'Nakamura',
  'Okafor',
  'Lindqvist',
  'García',
  'Chen',
  'Moreau',
  'Kowalski',
  'Singh',
  'Brown',
];
/** How `authors` writes the families above: in TeX, as arXiv's own field does. */
const TEX_FAMILIES = FAMILIES.map((f) => f.replace('ü', '{\\"u}').replace('í', "{\\'i}"));
const GIVEN = ['A.', 'B. C.', 'D.', 'E.-F.', 'G.', 'H. I.', 'J.', 'K.'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
/** Records made at a time from the synthetic corpus: memory for one batch only. */
const BATCH = 10_000;

/** An abstract's sentences up to about this many characters. */
const ABSTRACT_CHARS = 900;

/** The first sentences of `text` that reach `ABSTRACT_CHARS`, or all of it. */
function shorten(text: string): string {
  const end = text.indexOf('. ', ABSTRACT_CHARS);
  return end < 0 ? text : text.slice(0, end + 1);
}

/** Hard wraps every ~70 characters with `"\n  "`, as the snapshot's titles and abstracts come. */
function wrap(text: string): string {
  return text.replace(/(.{60,70}?) /g, '$1\n  ');
}

/** Writes `count` records to `file`, one a line; the same seed and count give the same bytes. Resolves to the byte count. */
export async function writeSyntheticSnapshot(
  seedPapers: readonly Paper[],
  file: string,
  count: number,
  seed = 7,
): Promise<number> {
  const out = createWriteStream(file);
  const rand = random(seed);
  const category = () => {
    let pick = rand() * TOTAL_WEIGHT;
    for (const [name, weight] of CATEGORIES) {
      pick -= weight;
      if (pick < 0) {
        return name;
      }
    }
    return CATEGORIES[0][0];
  };
  let bytes = 0;
  for (let start = 0; start < count; start += BATCH) {
    const papers = syntheticCorpus(seedPapers, Math.min(BATCH, count - start), seed + start);
    const lines: string[] = [];
    papers.forEach((paper, i) => {
      const n = start + i;
      const year = 7 + Math.floor((n / count) * 18);
      const month = 1 + (n % 12);
      const id = `${String(year).padStart(2, '0')}${String(month).padStart(2, '0')}.${String(n % 100_000).padStart(5, '0')}`;
      const authorCount = 1 + Math.floor(rand() * 6);
      const people = Array.from({ length: authorCount }, () => [
        Math.floor(rand() * FAMILIES.length),
        Math.floor(rand() * GIVEN.length),
      ]);
      const categories = new Set([category()]);
      for (let c = Math.floor(rand() * 3); c > 0; c--) {
        categories.add(category());
      }
      const day = 1 + Math.floor(rand() * 28);
      const created = `${DAYS[n % 7]}, ${day} ${MONTHS[month - 1]} 20${String(year).padStart(2, '0')} 12:00:00 GMT`;
      const published = rand() < 0.3;
      lines.push(
        JSON.stringify({
          id,
          submitter: `${GIVEN[people[0][1]]} ${FAMILIES[people[0][0]]}`,
          authors: people.map(([f, g]) => `${GIVEN[g]} ${TEX_FAMILIES[f]}`).join(', '),
          title: wrap(paper.title),
          comments: `${5 + Math.floor(rand() * 30)} pages`,
          'journal-ref': published ? `J. Synth. Res. ${1 + Math.floor(rand() * 40)} (20${year})` : null,
          doi: published ? `10.5555/synth.${n}` : null,
          'report-no': null,
          categories: [...categories].join(' '),
          license: null,
          abstract: `  ${wrap(shorten(paper.abstract))}\n`,
          versions: [{ version: 'v1', created }],
          update_date: `20${String(year).padStart(2, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
          authors_parsed: people.map(([f, g]) => [FAMILIES[f], GIVEN[g], '']),
        }),
      );
    });
    const chunk = `${lines.join('\n')}\n`;
    bytes += Buffer.byteLength(chunk);
    if (!out.write(chunk)) {
      await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    }
  }
  await new Promise<void>((resolve, reject) => {
    out.once('error', reject);
    out.end(() => resolve());
  });
  return bytes;
}
