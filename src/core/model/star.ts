/** A starred paper as remembered: its label too, so a paper whose file is gone can still be named. */
export interface StarRecord {
  readonly id: string;
  readonly label: string;
}

/** Stored state may come from another version of the extension: only well-formed records count. */
export function isStarRecord(value: unknown): value is StarRecord {
  const record = value as Partial<StarRecord> | null;
  return typeof record?.id === 'string' && typeof record.label === 'string';
}
