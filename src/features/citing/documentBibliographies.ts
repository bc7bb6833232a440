import * as vscode from 'vscode';
import { namedBibliographies, type NamedBibliography } from '../../core/cite/bibliographyFiles';
import { citationLanguageOf } from '../../core/cite/citationLanguage';
import { debounce } from '../../core/util/debounce';
import { Disposable } from '../../host/disposable';
import type { LibraryService } from '../../host/libraryService';

/** A document's edits settle before its bibliography commands are read again. */
const REREAD_DELAY_MS = 1000;

/** A bibliography file a document names, with the URI it resolves to. */
export interface DocumentBibliography extends NamedBibliography {
  readonly uri: vscode.Uri;
}

/** The bibliography files a LaTeX or Markdown document names, as URIs beside the document. */
export function bibliographiesOf(document: vscode.TextDocument): DocumentBibliography[] {
  const language = citationLanguageOf(document.languageId);
  // An untitled document has no folder for its bibliography's name to be relative to.
  if (!language || document.isUntitled) {
    return [];
  }
  return namedBibliographies(document.getText(), language, document.uri.path).map((named) => ({
    ...named,
    uri: document.uri.with({ path: named.path, query: '', fragment: '' }),
  }));
}

/**
 * Keeps the library reading the bibliography files that open documents name (`\bibliography{…}`,
 * `\addbibresource{…}`, a front matter's `bibliography:`) while they are open in an editor. The commands are looked
 * for when a document opens, is saved, or has been still for a second after an edit; the files themselves are read by the library once and
 * then again only when they change. In an untrusted workspace no document's bibliography is read, as no
 * workspace value of `papers.corpus.paths` is: both would let a folder point the extension at files elsewhere.
 */
export class DocumentBibliographies extends Disposable {
  private readonly named = new Map<string, readonly vscode.Uri[]>();
  private readonly pending = new Set<vscode.TextDocument>();
  private readonly rereadSoon = this._register(debounce(() => this.rereadPending(), REREAD_DELAY_MS));
  private toldUntrusted = false;

  constructor(
    private readonly library: LibraryService,
    private readonly output: vscode.LogOutputChannel,
  ) {
    super();
    this._register(vscode.workspace.onDidOpenTextDocument((d) => this.read(d)));
    this._register(vscode.workspace.onDidSaveTextDocument((d) => this.read(d)));
    this._register(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (citationLanguageOf(e.document.languageId)) {
          this.pending.add(e.document);
          this.rereadSoon();
        }
      }),
    );
    this._register(
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (this.named.delete(d.uri.toString())) {
          this.publish();
        }
      }),
    );
    this._register(vscode.workspace.onDidGrantWorkspaceTrust(() => this.publish()));
    this._register(vscode.window.tabGroups.onDidChangeTabs(() => this.publish()));
    vscode.workspace.textDocuments.forEach((d) => this.read(d));
  }

  private rereadPending(): void {
    const documents = [...this.pending];
    this.pending.clear();
    documents.filter((d) => !d.isClosed).forEach((d) => this.read(d));
  }

  private read(document: vscode.TextDocument): void {
    if (!citationLanguageOf(document.languageId)) {
      return;
    }
    const key = document.uri.toString();
    const files = bibliographiesOf(document).map((b) => b.uri);
    const before = this.named.get(key) ?? [];
    if (files.length === before.length && files.every((uri, i) => uri.toString() === before[i].toString())) {
      return;
    }
    if (files.length > 0) {
      this.named.set(key, files);
    } else {
      this.named.delete(key);
    }
    this.publish();
  }

  /** The files named by documents open in an editor tab (VS Code keeps closed documents loaded for a while). */
  private publish(): void {
    const inTabs = new Set(
      vscode.window.tabGroups.all.flatMap((group) =>
        group.tabs.flatMap((tab) => (tab.input instanceof vscode.TabInputText ? [tab.input.uri.toString()] : [])),
      ),
    );
    const files = new Map<string, vscode.Uri>();
    for (const [document, uris] of this.named) {
      if (inTabs.has(document)) {
        uris.forEach((uri) => files.set(uri.toString(), uri));
      }
    }
    if (!vscode.workspace.isTrusted) {
      if (files.size > 0 && !this.toldUntrusted) {
        this.toldUntrusted = true;
        this.output.info('The workspace is not trusted: the bibliography files its documents name are not read.');
      }
      this.library.setDocumentBibliographies([]);
      return;
    }
    this.library.setDocumentBibliographies([...files.values()]);
  }
}
