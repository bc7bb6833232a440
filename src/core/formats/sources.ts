import { collectionName, parseCollectionNames, type CollectionNames } from '../model/collections';
import type { LibraryFile, UnreadableFile } from '../library/merge';
import { runStepsAsync } from '../util/steps';
import { MAX_FILE_BYTES, readCorpusFileSteps } from './load';

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
}

/** In a folder, these are corpus files; a file named explicitly is read whatever its name. */
export function isCorpusFileName(name: string): boolean {
  return /\.txt$/i.test(name);
}

/** The file beside a folder's corpus files that gives them readable collection names. */
export const COLLECTION_NAMES_FILE = 'collections.json';

/** A file as read before, by its id: the caller knows it has not changed since. */
export type ReadFileCache = (id: string) => LibraryFile | UnreadableFile | undefined;

/**
 * Reads files and folders of corpus files; each one that cannot be read says
 * why instead. Files `unchanged` returns are taken from it, not read again.
 */
export async function readCorpusLocations<L>(
  fs: CorpusFileSystem<L>,
  locations: readonly L[],
  unchanged: ReadFileCache = () => undefined,
): Promise<(LibraryFile | UnreadableFile)[]> {
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
        out.push(unchanged(fs.id(file)) ?? (await readCorpusFileAt(fs, file, names)));
      }
    } else {
      out.push(unchanged(fs.id(location)) ?? (await readCorpusFileAt(fs, location, {}, stat.size)));
    }
  }
  return out;
}

/** Reads one corpus file, checking its size before reading it whole. */
export async function readCorpusFileAt<L>(
  fs: CorpusFileSystem<L>,
  file: L,
  names: CollectionNames,
  knownSize?: number,
): Promise<LibraryFile | UnreadableFile> {
  const id = fs.id(file);
  try {
    const size = knownSize ?? (await fs.stat(file))?.size ?? 0;
    if (size > MAX_FILE_BYTES) {
      return {
        id,
        problem: {
          line: 1,
          message: `the file is ${Math.round(size / 1048576)} MB; at most ${MAX_FILE_BYTES / 1048576} MB are read`,
        },
      };
    }
    // Parsed in slices: a large file read in one go would hold up the extension host for a noticeable moment.
    return await runStepsAsync(readCorpusFileSteps(id, collectionName(fs.baseName(file), names), await fs.read(file)));
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
