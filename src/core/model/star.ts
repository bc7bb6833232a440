import type { Paper } from './paper';

/**
 * A starred paper as remembered: its label too, so a paper whose file is gone can still be named, and the
 * identifiers that find it again when its id changes (its title was edited, or it merged with a copy listed first).
 */
export interface StarRecord {
  readonly id: string;
  readonly label: string;
  readonly arxivId?: string;
  readonly doi?: string;
  readonly citationKey?: string;
}

/** The record a star on `paper` keeps. */
export function starRecord(
  paper: Pick<Paper, 'id' | 'label'> & Partial<Pick<Paper, 'citationKey' | 'bibliographic'>>,
): StarRecord {
  const fields = paper.bibliographic;
  return {
    id: paper.id,
    label: paper.label,
    ...(fields?.arxivId !== undefined && { arxivId: fields.arxivId }),
    ...(fields?.doi !== undefined && { doi: fields.doi }),
    ...(paper.citationKey !== undefined && { citationKey: paper.citationKey }),
  };
}

/** Stored state may come from another version of the extension: only well-formed records count. */
export function isStarRecord(value: unknown): value is StarRecord {
  const record = value as Partial<StarRecord> | null;
  return (
    typeof record?.id === 'string' &&
    typeof record.label === 'string' &&
    ['arxivId', 'doi', 'citationKey'].every(
      (key) => record[key as keyof StarRecord] === undefined || typeof record[key as keyof StarRecord] === 'string',
    )
  );
}
