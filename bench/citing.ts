import { citationCandidates } from '../src/core/cite/citationCandidates';
import { citationLookups } from '../src/core/cite/citationLookups';
import { hoverTargetsAt } from '../src/core/cite/hoverTargets';
import { paperHoverMarkdown, shortByline } from '../src/core/cite/paperHover';
import type { Library, Paper } from '../src/core/model/paper';
import type { PaperIndex } from '../src/core/search/engine';
import { latencyOf } from './measure';

/**
 * Citing at library scale: what completion and hover do per request, timed against the plain way (a scan of every
 * paper for the typed text, and for the hovered key). Targets: completion within 50 ms and hover within 10 ms at
 * 100,000 papers.
 */

/** What writers type inside `\cite{`: the start of a key, topic words, a whole key, and nothing yet. */
const TYPED = ['vas', 'chen20', 'speculative', 'graph neural', 'diffusion model', 'transformer', 'lo', ''];
const LIMIT = 50;
const REPEATS = 5;

export interface CitingRow {
  readonly papers: number;
  /** Building the key index and the id maps, once per library. */
  readonly lookupsMs: number;
  readonly completionP50Ms: number;
  readonly completionP95Ms: number;
  readonly completionMaxMs: number;
  readonly completionPlainP50Ms: number;
  readonly hoverP50Ms: number;
  readonly hoverP95Ms: number;
  readonly hoverMaxMs: number;
  readonly hoverPlainP50Ms: number;
}

function timed(work: () => unknown): number {
  const started = performance.now();
  work();
  return performance.now() - started;
}

/** A LaTeX document citing `count` keys of the library, one citation a sentence, and where each key is. */
function citingDocument(papers: readonly Paper[], count: number): { text: string; offsets: number[] } {
  let text = '\\documentclass{article}\n\\begin{document}\n';
  const offsets: number[] = [];
  for (let i = 0; i < count; i++) {
    const paper = papers[Math.floor((i * papers.length) / count)];
    text += `Sentence ${i} says something about the topic~\\citep[p.~${i}]{`;
    offsets.push(text.length + 2);
    text += `${paper.citationKey}}. See also arXiv:2401.${String(10000 + i)}.\n`;
  }
  return { text: `${text}\\end{document}\n`, offsets };
}

/** Completion and hover as the editor features run them, beside a scan of every paper. */
export function measureCiting(library: Library, index: PaperIndex): CitingRow {
  const { papers } = library;
  let lookups = citationLookups(papers);
  const lookupsMs = timed(() => (lookups = citationLookups(papers)));
  const sources = {
    keys: lookups.keys,
    search: (query: string, n: number) => index.search(query, { limit: n }).hits.map((hit) => hit.paper),
    own: () => papers.filter((paper) => paper.collections.length > 1),
  };
  // What the provider makes of each candidate: the label's parts.
  const complete = (typed: string) =>
    citationCandidates(typed, sources, LIMIT).map((p) => [p.citationKey, p.label, shortByline(p.bibliographic)]);
  const plainComplete = (typed: string) => {
    const folded = typed.toLowerCase();
    return papers
      .filter((p) => p.citationKey.toLowerCase().startsWith(folded) || p.label.toLowerCase().includes(folded))
      .slice(0, LIMIT);
  };
  const completion: number[] = [];
  const completionPlain: number[] = [];
  TYPED.forEach((typed) => complete(typed));
  for (let r = 0; r < REPEATS; r++) {
    for (const typed of TYPED) {
      completion.push(timed(() => complete(typed)));
      completionPlain.push(timed(() => plainComplete(typed)));
    }
  }
  const { text, offsets } = citingDocument(papers, 500);
  const hover = (offset: number) => {
    for (const target of hoverTargetsAt(text, 'latex', offset)) {
      const found = lookups.papersFor(target);
      if (found.length > 0) {
        return paperHoverMarkdown(found[0], [
          { title: 'Open Abstract', command: 'papers.openPaper', args: [found[0].id] },
        ]);
      }
    }
    return undefined;
  };
  const plainHover = (offset: number) => {
    const key = hoverTargetsAt(text, 'latex', offset)[0];
    return key?.kind === 'citationKey' ? papers.find((p) => p.citationKey === key.key) : undefined;
  };
  const hovers: number[] = [];
  const hoversPlain: number[] = [];
  for (const offset of offsets) {
    hovers.push(timed(() => hover(offset)));
    hoversPlain.push(timed(() => plainHover(offset)));
  }
  const completions = latencyOf(completion);
  const hoverLatency = latencyOf(hovers);
  return {
    papers: papers.length,
    lookupsMs,
    completionP50Ms: completions.p50,
    completionP95Ms: completions.p95,
    completionMaxMs: completions.max,
    completionPlainP50Ms: latencyOf(completionPlain).p50,
    hoverP50Ms: hoverLatency.p50,
    hoverP95Ms: hoverLatency.p95,
    hoverMaxMs: hoverLatency.max,
    hoverPlainP50Ms: latencyOf(hoversPlain).p50,
  };
}

/** The rows as a Markdown table. */
export function citingTable(rows: readonly CitingRow[]): string {
  const f = (n: number) => (n < 10 ? n.toFixed(2) : n.toFixed(0));
  return [
    '| papers | lookups built (ms) | completion p50 / p95 / max (ms) | plain scan p50 (ms) | hover p50 / p95 / max (ms) | plain scan p50 (ms) |',
    '| ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (r) =>
        `| ${r.papers} | ${f(r.lookupsMs)} | ${f(r.completionP50Ms)} / ${f(r.completionP95Ms)} / ${f(r.completionMaxMs)} | ${f(r.completionPlainP50Ms)} | ${f(r.hoverP50Ms)} / ${f(r.hoverP95Ms)} / ${f(r.hoverMaxMs)} | ${f(r.hoverPlainP50Ms)} |`,
    ),
  ].join('\n');
}
