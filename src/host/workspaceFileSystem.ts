import * as vscode from 'vscode';
import type { CorpusFileSystem } from '../core/formats/sources';

/** Corpus files through `vscode.workspace.fs`, so remote and virtual workspaces work too. */
export const workspaceFileSystem: CorpusFileSystem<vscode.Uri> = {
  async stat(uri) {
    const stat = await vscode.workspace.fs.stat(uri);
    return { type: stat.type & vscode.FileType.Directory ? 'directory' : 'file', size: stat.size };
  },
  async list(folder) {
    const entries = await vscode.workspace.fs.readDirectory(folder);
    return entries.filter(([, type]) => type & vscode.FileType.File).map(([name]) => name);
  },
  child: (folder, name) => vscode.Uri.joinPath(folder, name),
  read: (uri) => Promise.resolve(vscode.workspace.fs.readFile(uri)),
  id: (uri) => uri.toString(),
  baseName: (uri) => uri.path.slice(uri.path.lastIndexOf('/') + 1),
  // Only the local disk can be streamed: `vscode.workspace.fs` reads a file whole.
  localPath: (uri) => (uri.scheme === 'file' ? uri.fsPath : undefined),
};
