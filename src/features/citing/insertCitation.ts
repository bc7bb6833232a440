import * as vscode from 'vscode';
import { bibliographyAppend, type NewEntry } from '../../core/cite/bibliographyAppend';
import { bibtexEntry } from '../../core/cite/bibtexWriter';
import { citationInsertion } from '../../core/cite/citationInsertion';
import { citationLanguageOf, type CitationLanguage } from '../../core/cite/citationLanguage';
import { shortByline } from '../../core/cite/paperHover';
import { truncateWords } from '../../core/model/label';
import type { Paper } from '../../core/model/paper';
import { Commands, Settings } from '../../host/ids';
import { Disposable } from '../../host/disposable';
import { paperIdOf } from '../../host/paperArgument';
import { noIcons } from '../../host/quickPickText';
import type { CitationLibrary, CitationLookup } from './citationLookup';
import { bibliographiesOf, type DocumentBibliography } from './documentBibliographies';

/** How the quick fix for an unknown key calls the command: the key's words to search, and the key to replace. */
export interface InsertCitationOptions {
  readonly query?: string;
  readonly replace?: { readonly uri: vscode.Uri; readonly range: vscode.Range };
}

interface PaperItem extends vscode.QuickPickItem {
  readonly paper: Paper;
}

/**
 * `Papers: Insert Citation…`: cites papers at every cursor of the LaTeX or Markdown editor last used, as `\cite{key}`
 * or `[@key]`, or adds their keys to the citation a cursor is in. Called with a paper id (the quick pick's button,
 * the abstract tab, a hover) it cites that paper; otherwise it asks, several papers at once.
 *
 * A paper that comes from no bibliography file the document names also gets its BibTeX entry appended to the
 * document's bibliography file (`papers.cite.bibliographyFile`, else the one the document names, asking which
 * when it names several). Citation and entries are one WorkspaceEdit, so one undo takes back both; the file is only
 * appended to, and a key it has already is not added again.
 */
export class InsertCitation extends Disposable {
  private lastEditor: vscode.TextEditor | undefined;

  constructor(
    private readonly lookup: CitationLookup,
    private readonly output: vscode.LogOutputChannel,
  ) {
    super();
    // The abstract tab and the quick pick take focus from the editor: cite in the one the writer came from.
    const remember = (editor: vscode.TextEditor | undefined) => {
      if (editor && citationLanguageOf(editor.document.languageId)) {
        this.lastEditor = editor;
      }
    };
    remember(vscode.window.activeTextEditor);
    this._register(vscode.window.onDidChangeActiveTextEditor(remember));
    this._register(vscode.commands.registerCommand(Commands.insertCitation, (argument: unknown) => this.run(argument)));
  }

  /** @returns whether anything was inserted. */
  async run(argument: unknown): Promise<boolean> {
    const options = isOptions(argument) ? argument : {};
    const editor = this.editorFor(options);
    const language = editor && citationLanguageOf(editor.document.languageId);
    if (!editor || !language) {
      void vscode.window.showInformationMessage('Papers: open a LaTeX or Markdown document to insert a citation.');
      return false;
    }
    const library = await this.lookup.ready();
    const papers = await this.papersToCite(library, argument, options.query);
    if (papers.length === 0) {
      return false;
    }
    const keys = papers.map((p) => p.citationKey);
    const edit = new vscode.WorkspaceEdit();
    if (!this.cite(edit, editor, language, keys, options)) {
      void vscode.window.setStatusBarMessage('$(check) Already cited there', 3000);
      return false;
    }
    const bibliographies = bibliographiesOf(editor.document);
    const named = new Set(bibliographies.map((b) => b.uri.toString()));
    const uncited = papers.filter((p) => !p.collections.some((c) => named.has(c)));
    if (uncited.length > 0) {
      const file = await this.bibliographyFile(editor.document, bibliographies);
      if (file === 'cancelled') {
        return false;
      }
      if (file) {
        await this.appendEntries(edit, file, uncited);
      } else {
        void vscode.window.showInformationMessage(
          'Papers: the document names no bibliography file and so no BibTeX entries were added. Name one in the document or in the papers.cite.bibliographyFile setting.',
        );
      }
    }
    return vscode.workspace.applyEdit(edit);
  }

  private editorFor(options: InsertCitationOptions): vscode.TextEditor | undefined {
    const uri = options.replace?.uri.toString();
    const visible = vscode.window.visibleTextEditors;
    if (uri) {
      return visible.find((e) => e.document.uri.toString() === uri);
    }
    const active = vscode.window.activeTextEditor;
    if (active && citationLanguageOf(active.document.languageId)) {
      return active;
    }
    return visible.find((e) => e === this.lastEditor) ?? visible.find((e) => citationLanguageOf(e.document.languageId));
  }

  private async papersToCite(library: CitationLibrary, argument: unknown, query?: string): Promise<Paper[]> {
    const ids = Array.isArray(argument) ? argument.map(paperIdOf) : [paperIdOf(argument)];
    const given = ids.flatMap((id) => {
      const paper = id === undefined ? undefined : library.snapshot.library.byId.get(id);
      return paper ? [paper] : [];
    });
    return given.length > 0 ? given : pickPapers(library, query ?? '');
  }

  /** Adds the citation edits to `edit`; false when every cursor's citation already has every key. */
  private cite(
    edit: vscode.WorkspaceEdit,
    editor: vscode.TextEditor,
    language: CitationLanguage,
    keys: readonly string[],
    options: InsertCitationOptions,
  ): boolean {
    const { document } = editor;
    if (options.replace) {
      edit.replace(document.uri, options.replace.range, language === 'latex' ? keys.join(',') : keys.join('; @'));
      return true;
    }
    const text = document.getText();
    const done = new Set<number>();
    for (const selection of editor.selections) {
      const insertion = citationInsertion(text, language, document.offsetAt(selection.active), keys);
      // Two cursors in one citation add its keys once.
      if (insertion && !done.has(insertion.start)) {
        done.add(insertion.start);
        const range = new vscode.Range(document.positionAt(insertion.start), document.positionAt(insertion.end));
        edit.replace(document.uri, range, insertion.newText);
      }
    }
    return done.size > 0;
  }

  private async bibliographyFile(
    document: vscode.TextDocument,
    named: readonly DocumentBibliography[],
  ): Promise<vscode.Uri | 'cancelled' | undefined> {
    const setting = vscode.workspace
      .getConfiguration(Settings.section, document.uri)
      .get<string>(Settings.bibliographyFile, '')
      .trim();
    if (setting) {
      const absolute = setting.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(setting);
      return absolute ? vscode.Uri.file(setting) : vscode.Uri.joinPath(document.uri, '..', setting);
    }
    if (named.length <= 1) {
      return named[0]?.uri;
    }
    const chosen = await vscode.window.showQuickPick(
      named.map((b) => ({ label: b.name, description: vscode.workspace.asRelativePath(b.uri), uri: b.uri })),
      { title: 'Insert Citation', placeHolder: 'Add the BibTeX entries of the cited papers to which file?' },
    );
    return chosen?.uri ?? 'cancelled';
  }

  private async appendEntries(edit: vscode.WorkspaceEdit, file: vscode.Uri, papers: readonly Paper[]): Promise<void> {
    const entries: NewEntry[] = papers.map((paper) => {
      const key = paper.citationKey;
      const citable = {
        title: paper.title ?? paper.label,
        abstract: paper.abstract,
        bibliographic: paper.bibliographic ?? {},
      };
      return { key, bibtex: bibtexEntry(citable, key) };
    });
    const exists = await Promise.resolve(vscode.workspace.fs.stat(file)).then(
      () => true,
      () => false,
    );
    const bib = exists ? await vscode.workspace.openTextDocument(file) : undefined;
    const append = bibliographyAppend(bib?.getText() ?? '', entries);
    if (!append) {
      this.output.info(`Every cited key is already in ${file.toString(true)}; nothing was appended.`);
      return;
    }
    if (!bib) {
      edit.createFile(file, { ignoreIfExists: true });
    }
    edit.insert(file, bib ? bib.positionAt(append.start) : new vscode.Position(0, 0), append.newText);
  }
}

function isOptions(value: unknown): value is InsertCitationOptions {
  return typeof value === 'object' && value !== null && ('query' in value || 'replace' in value);
}

/** A search-as-you-type pick of papers to cite; checked papers stay checked while the writer searches again. */
async function pickPapers(library: CitationLibrary, query: string): Promise<Paper[]> {
  const pick = vscode.window.createQuickPick<PaperItem>();
  const disposables: vscode.Disposable[] = [pick];
  const limit = vscode.workspace.getConfiguration(Settings.section).get<number>(Settings.maxResults, 50);
  const item = (paper: Paper): PaperItem => ({
    paper,
    label: paper.citationKey,
    description: noIcons(truncateWords(paper.label, 100)),
    detail: noIcons(shortByline(paper.bibliographic)),
    alwaysShow: true,
  });
  try {
    pick.title = 'Insert Citation';
    pick.placeholder = 'Search papers to cite: title words, authors, citation key…';
    pick.canSelectMany = true;
    pick.matchOnDescription = false;
    pick.value = query;
    const checked = new Map<string, PaperItem>();
    const update = () => {
      // New items clear the selection (and `checked` through the listener): put the kept ones back.
      const keep = [...checked.values()];
      const hits = pick.value.trim() ? library.snapshot.index.search(pick.value, { limit }).hits : [];
      const fresh = hits.filter((h) => !checked.has(h.paper.id)).map((h) => item(h.paper));
      pick.items = [...keep, ...fresh];
      pick.selectedItems = keep;
    };
    update();
    pick.show();
    return await new Promise<Paper[]>((resolve) => {
      disposables.push(
        pick.onDidChangeSelection((items) => {
          checked.clear();
          items.forEach((i) => checked.set(i.paper.id, i));
        }),
        pick.onDidChangeValue(update),
        pick.onDidAccept(() => {
          const chosen = pick.selectedItems.length > 0 ? pick.selectedItems : pick.activeItems.slice(0, 1);
          resolve(chosen.map((i) => i.paper));
          pick.hide();
        }),
        pick.onDidHide(() => resolve([])),
      );
    });
  } finally {
    disposables.forEach((d) => d.dispose());
  }
}
