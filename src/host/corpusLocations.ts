import * as vscode from 'vscode';
import { isCorpusFileName } from '../core/formats/sources';
import { Settings } from './ids';

/** Where the corpus comes from: the bundled files and the user's `papers.corpus.paths`. */
export interface CorpusLocations {
  /** Files and folders to read, in order. */
  readonly locations: readonly vscode.Uri[];
  /** What to watch so that a change, a new file or a deletion reloads the library. */
  readonly watch: readonly vscode.RelativePattern[];
  /** Entries of the setting that were not used, and why (untrusted workspace, no folder open). */
  readonly skipped: readonly string[];
}

const GLOB = /[*?[\]{}]/;

/**
 * Reads `papers.corpus.paths` and `papers.corpus.includeBundled`. Absolute paths are used as they are,
 * `~/` is the home folder, relative paths and glob patterns resolve against the first workspace folder.
 * In an untrusted workspace VS Code itself hides the workspace's value of the (restricted) paths setting,
 * so only paths the user set in their own settings are read.
 */
export async function resolveCorpusLocations(
  extensionUri: vscode.Uri,
  home: string | undefined,
): Promise<CorpusLocations> {
  const config = vscode.workspace.getConfiguration(Settings.section);
  const includeBundled = config.get<boolean>(Settings.includeBundled, true);
  const paths = (config.get<unknown[]>(Settings.corpusPaths, []) ?? []).filter(
    (p): p is string => typeof p === 'string' && p.trim() !== '',
  );
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const locations: vscode.Uri[] = includeBundled ? [vscode.Uri.joinPath(extensionUri, 'media', 'corpus')] : [];
  const watch: vscode.RelativePattern[] = [];
  const skipped: string[] = [];

  for (const raw of paths) {
    const path = raw.trim();
    const expanded = home && (path === '~' || path.startsWith('~/')) ? home + path.slice(1) : path;
    const absolute = expanded.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(expanded);
    const base = absolute ? undefined : folder;
    if (!absolute && !base) {
      skipped.push(`${path} (a relative path needs an open folder)`);
      continue;
    }
    if (GLOB.test(expanded)) {
      const pattern = absolute ? splitAbsoluteGlob(expanded) : new vscode.RelativePattern(base!, expanded);
      const found = await vscode.workspace.findFiles(pattern, undefined, 1000);
      locations.push(...found.filter((uri) => isCorpusFileName(uri.path)).sort((a, b) => a.path.localeCompare(b.path)));
      watch.push(pattern);
      continue;
    }
    const uri = absolute ? vscode.Uri.file(expanded) : vscode.Uri.joinPath(base!, expanded);
    locations.push(uri);
    const stat = await Promise.resolve(vscode.workspace.fs.stat(uri)).catch(() => undefined);
    if (stat && stat.type & vscode.FileType.Directory) {
      // Corpus file extensions match in any case (`isCorpusFileName`), and a glob on Linux is case-sensitive.
      watch.push(
        new vscode.RelativePattern(uri, '*.{[tT][xX][tT],json,[jJ][sS][oO][nN][lL],[bB][iI][bB],[rR][iI][sS]}'),
      );
    } else {
      // A file that is missing now may appear later: watch its name in its folder.
      watch.push(
        new vscode.RelativePattern(vscode.Uri.joinPath(uri, '..'), uri.path.slice(uri.path.lastIndexOf('/') + 1)),
      );
    }
  }
  return { locations, watch, skipped };
}

/** `/data/papers/**\/*.txt` → base `/data/papers`, pattern `**\/*.txt`: the base is everything before the first glob segment. */
function splitAbsoluteGlob(path: string): vscode.RelativePattern {
  const segments = path.split('/');
  const first = segments.findIndex((s) => GLOB.test(s));
  return new vscode.RelativePattern(
    vscode.Uri.file(segments.slice(0, first).join('/') || '/'),
    segments.slice(first).join('/'),
  );
}

/**
 * The bibliography files open documents name, as more locations: the ones that exist now (and are not read
 * already) to read, and each one's name in its folder to watch, so a file created or deleted later counts.
 */
export async function documentBibliographyLocations(
  files: readonly vscode.Uri[],
  alreadyRead: readonly vscode.Uri[],
): Promise<Pick<CorpusLocations, 'locations' | 'watch'>> {
  const read = new Set(alreadyRead.map((uri) => uri.toString()));
  const locations: vscode.Uri[] = [];
  const watch: vscode.RelativePattern[] = [];
  for (const uri of files) {
    if (read.has(uri.toString())) {
      continue;
    }
    watch.push(
      new vscode.RelativePattern(vscode.Uri.joinPath(uri, '..'), uri.path.slice(uri.path.lastIndexOf('/') + 1)),
    );
    const stat = await Promise.resolve(vscode.workspace.fs.stat(uri)).catch(() => undefined);
    if (stat && !(stat.type & vscode.FileType.Directory)) {
      locations.push(uri);
    }
  }
  return { locations, watch };
}
