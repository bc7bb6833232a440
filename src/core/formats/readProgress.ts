import type { ReadProgress } from './readSource';

const number = (n: number) => Math.round(n).toLocaleString('en-US');

/**
 * A progress message for a file being read: for the arXiv snapshot, records read (and the total estimated from
 * the bytes read so far against the file's size) and kept, `Reading arxiv-metadata.json: 420,000 of about
 * 2,800,000 records, 61,000 kept`; for a bibliography, entries read; for other files, megabytes.
 */
export function describeReadProgress(fileName: string, progress: ReadProgress): string {
  const { bytes, size } = progress;
  if ('entries' in progress) {
    return `Reading ${fileName}: ${number(progress.entries)} entries`;
  }
  if ('read' in progress) {
    const about =
      size !== undefined && bytes > 0 && progress.read > 0 ? ` of about ${number((progress.read / bytes) * size)}` : '';
    return `Reading ${fileName}: ${number(progress.read)}${about} records, ${number(progress.kept)} kept`;
  }
  const of = size !== undefined ? ` of ${number(size / 1048576)}` : '';
  return `Reading ${fileName}: ${number(bytes / 1048576)}${of} MB`;
}
