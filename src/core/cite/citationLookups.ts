import type { Paper } from '../model/paper';
import { doiKey } from '../model/identifiers';
import type { HoverTarget } from './hoverTargets';
import { CitationKeyIndex } from './keyIndex';

/** The lookups citing needs on every keystroke and pointer move: by citation key, arXiv id and DOI. */
export interface CitationLookups {
  readonly keys: CitationKeyIndex<Paper>;
  /** The papers a hover target names: a key's papers, or the papers with that arXiv id or DOI. */
  papersFor(target: HoverTarget): readonly Paper[];
}

/**
 * Builds the lookups for a library's papers: a sort of the keys and one pass over the papers for their ids, so that
 * completion, hover and the unknown-key check answer from maps instead of scanning every paper each time.
 */
export function citationLookups(papers: readonly Paper[]): CitationLookups {
  const keys = new CitationKeyIndex(papers);
  const byArxivId = new Map<string, Paper[]>();
  const byDoi = new Map<string, Paper[]>();
  const add = (map: Map<string, Paper[]>, id: string, paper: Paper) => {
    const list = map.get(id);
    if (list) {
      list.push(paper);
    } else {
      map.set(id, [paper]);
    }
  };
  for (const paper of papers) {
    const fields = paper.bibliographic;
    if (fields?.arxivId) {
      add(byArxivId, fields.arxivId, paper);
    }
    if (fields?.doi) {
      add(byDoi, doiKey(fields.doi), paper);
    }
  }
  return {
    keys,
    papersFor(target) {
      switch (target.kind) {
        case 'citationKey':
          return keys.papersWithKey(target.key);
        case 'arxivId':
          return byArxivId.get(target.arxivId) ?? [];
        case 'doi':
          return byDoi.get(doiKey(target.doi)) ?? [];
      }
    },
  };
}
