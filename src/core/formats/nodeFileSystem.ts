import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { CorpusFileSystem } from './sources';

/** Local paths, for the command line and the benchmark. */
export const nodeFileSystem: CorpusFileSystem<string> = {
  async stat(location) {
    const stat = await fs.stat(location);
    return { type: stat.isDirectory() ? 'directory' : 'file', size: stat.size };
  },
  list: (folder) => fs.readdir(folder),
  child: (folder, name) => path.join(folder, name),
  read: (file) => fs.readFile(file),
  id: (location) => path.resolve(location),
  baseName: (location) => path.basename(location),
  localPath: (location) => path.resolve(location),
};
