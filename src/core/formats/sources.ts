import { collectionName, parseCollectionNames, type CollectionNames } from '../model/collections';
import type { LibraryFile, UnreadableFile } from '../library/merge';
import type { ArxivFilter } from './arxiv/filter';
import { bytesSource } from './byteSource';
import { nodeFileSource } from './nodeFileSource';
import { readCorpusSource, type ReadSourceOptions } from './readSource';

/** Files that cannot be streamed from disk are read whole, up to this size: past it, one read would stall the host. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

/**
 * The little of a file system that loading a corpus needs, so the same loader
 * serves the extension (`vscode.workspace.fs`, URIs) and the command line (`fs`, paths).
 */
export interface CorpusFileSystem<L> {
  stat(location: L): Promise<{ readonly type: 'file' | 'directory'; readonly size: number } | undefined>;
  /** Names of the entries in a folder. */
  list(folder: L): Promise<string[]>;
  child(folder: L, name: string): L;
  read(file: L): Promise<Uint8Array>;
  /** The collection id of a file: its path or URI string. */
  id(location: L): string;
  baseName(location: L): string;
  /** The local path of a file that Node's `fs` can stream (a `file:` URI), so that it is read with no size limit. */
  localPath?(location: L): string | undefined;
}

/**
 * Reads a local file by streaming it: in the extension, on a worker thread; elsewhere, in this thread. Undefined
 * once cancelled.
 */
export type LocalFileReader = (
  path: string,
  id: string,
  name: string,
) => Promise<LibraryFile | UnreadableFile | undefined>;

export interface ReadLocationsOptions {
  /** Files this returns are taken from it, not read again. */
  readonly unchanged?: ReadFileCache;
  /** Streams local files; by default in this thread, with `arxivFilter`. */
  readonly readLocal?: LocalFileReader;
  readonly arxivFilter?: ArxivFilter;
  readonly token?: ReadSourceOptions['token'];
}

/**
 * In a folder, these are corpus files: page files, the arXiv snapshot, BibTeX and RIS. A `.json` file is read when
 * named explicitly (it may be CSL-JSON or the snapshot), not picked up from a folder, where it is often something
 * else. A file named explicitly is read whatever its name.
 */
export function isCorpusFileName(name: string): boolean {
  return /\.(txt|jsonl|bib|ris)$/i.test(name);
}

/** The file beside a folder's corpus files that gives them readable collection names. */
export const COLLECTION_NAMES_FILE = 'collections.json';

/** A file as read before, by its id: the caller knows it has not changed since. */
export type ReadFileCache = (id: string) => LibraryFile | UnreadableFile | undefined;

/**
 * Reads files and folders of corpus files; each one that cannot be read says why instead. A cancelled read
 * resolves to undefined.
 */
export async function readCorpusLocations<L>(
  fs: CorpusFileSystem<L>,
  locations: readonly L[],
  options: ReadLocationsOptions = {},
): Promise<(LibraryFile | UnreadableFile)[]> {
  const unchanged = options.unchanged ?? (() => undefined);
  const out: (LibraryFile | UnreadableFile)[] = [];
  for (const location of locations) {
    const stat = await fs.stat(location).catch(() => undefined);
    if (!stat) {
      out.push({ id: fs.id(location), problem: { line: 1, message: 'no such file or folder' } });
    } else if (stat.type === 'directory') {
      const names = await readNames(fs, location);
      const files = (await fs.list(location).catch(() => [])).filter(isCorpusFileName).sort();
      for (const name of files) {
        const file = fs.child(location, name);
        out.push(unchanged(fs.id(file)) ?? (await readCorpusFileAt(fs, file, names, undefined, options)));
      }
    } else {
      out.push(unchanged(fs.id(location)) ?? (await readCorpusFileAt(fs, location, {}, stat.size, options)));
    }
  }
  return out;
}

/**
 * Reads one corpus file: a local file streamed with no size limit, any other read whole if it is not too large.
 * A cancelled read is a problem too (the caller that cancelled it throws the result away).
 */
export async function readCorpusFileAt<L>(
  fs: CorpusFileSystem<L>,
  file: L,
  names: CollectionNames,
  knownSize?: number,
  options: ReadLocationsOptions = {},
): Promise<LibraryFile | UnreadableFile> {
  const id = fs.id(file);
  const baseName = fs.baseName(file);
  const name = collectionName(baseName, names);
  const sourceOptions = {
    ...(options.arxivFilter && { arxivFilter: options.arxivFilter }),
    ...(options.token && { token: options.token }),
  };
  try {
    const path = fs.localPath?.(file);
    let read: LibraryFile | UnreadableFile | undefined;
    if (path !== undefined) {
      read = options.readLocal
        ? await options.readLocal(path, id, name)
        : await readCorpusSource(id, name, baseName, await nodeFileSource(path), sourceOptions);
    } else {
      const size = knownSize ?? (await fs.stat(file))?.size ?? 0;
      if (size > MAX_FILE_BYTES) {
        return {
          id,
          problem: {
            line: 1,
            message: `the file is ${Math.round(size / 1048576)} MB; a file that is not on this machine's disk (a virtual or remote workspace) is read whole, and at most ${MAX_FILE_BYTES / 1048576} MB are read`,
          },
        };
      }
      read = await readCorpusSource(id, name, baseName, bytesSource(await fs.read(file)), sourceOptions);
    }
    return read ?? { id, problem: { line: 1, message: 'reading the file was cancelled' } };
  } catch (error) {
    return {
      id,
      problem: {
        line: 1,
        message: `the file cannot be read (${(error as { code?: string }).code ?? (error as Error).message})`,
      },
    };
  }
}

async function readNames<L>(fs: CorpusFileSystem<L>, folder: L): Promise<CollectionNames> {
  try {
    return parseCollectionNames(new TextDecoder().decode(await fs.read(fs.child(folder, COLLECTION_NAMES_FILE))));
  } catch {
    return {};
  }
}
