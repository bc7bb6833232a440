import { StoredAbstract, withStoredAbstract, type AbstractFile } from '../../model/storedAbstract';
import type { ParsedEntry } from '../parse';

/**
 * An entry as JSON, as the read worker sends it and the kept-records file keeps it: every field of the entry, with
 * a stored abstract as `at: [offset, byteLength, length]` in the kept-records file instead of its text.
 */
export type KeptEntryJson = Omit<ParsedEntry, 'abstract' | 'storedAbstract'> & {
  readonly abstract?: string;
  readonly at?: readonly [number, number, number];
};

/** The entry as JSON: its abstract as text, or where it is if it is stored. */
export function toKeptEntryJson(entry: ParsedEntry): KeptEntryJson {
  const stored = entry.storedAbstract;
  if (!stored) {
    return entry;
  }
  const { storedAbstract: _, ...fields } = entry;
  return { ...fields, at: [stored.offset, stored.byteLength, stored.length] };
}

/**
 * The entry again; a stored abstract is read from `file` when it is wanted.
 * @throws if the JSON has a stored abstract and no file is given.
 */
export function fromKeptEntryJson(json: KeptEntryJson, file: AbstractFile | undefined): ParsedEntry {
  const { at, ...fields } = json;
  if (!at) {
    return json as ParsedEntry;
  }
  if (!file) {
    throw new Error('an entry with a stored abstract came without its kept-records file');
  }
  return Object.assign(withStoredAbstract<ParsedEntry>(new StoredAbstract(file, at[0], at[1], at[2])), fields);
}
