import * as vscode from 'vscode';
import { searchTextOfKey } from '../../core/cite/citationCandidates';
import { citedKeysIn } from '../../core/cite/citationContext';
import { citationLanguageOf } from '../../core/cite/citationLanguage';
import { Commands } from '../../host/ids';
import { Disposable } from '../../host/disposable';
import type { CitationLookup } from './citationLookup';
import { bibliographiesOf } from './documentBibliographies';
import type { InsertCitationOptions } from './insertCitation';

/** The diagnostics' code, which the quick fix looks for. */
const UNKNOWN_KEY = 'unknownCitationKey';
/** Typing settles before a document's keys are checked again. */
const CHECK_DELAY_MS = 500;

/**
 * Underlines the keys a document cites that no paper in the library has, with a warning in the Problems panel and
 * a quick fix that searches the papers for the key's words and puts the chosen paper's key in its place.
 *
 * LaTeX citations are unambiguous; in Markdown `@name` is also a mention or a package scope (`@types/node`), so a
 * plain Markdown document is checked only when its front matter names a bibliography (Quarto and R Markdown always).
 */
export class UnknownKeys extends Disposable implements vscode.CodeActionProvider {
  static readonly providedCodeActionKinds = [vscode.CodeActionKind.QuickFix];

  private readonly diagnostics = this._register(vscode.languages.createDiagnosticCollection('papers.citations'));
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly lookup: CitationLookup) {
    super();
    this._register({ dispose: () => this.timers.forEach((t) => clearTimeout(t)) });
    this._register(vscode.workspace.onDidOpenTextDocument((d) => this.checkNow(d)));
    this._register(vscode.workspace.onDidChangeTextDocument((e) => this.checkSoon(e.document)));
    this._register(vscode.workspace.onDidCloseTextDocument((d) => this.diagnostics.delete(d.uri)));
    this._register(lookup.onDidChangeLibrary(() => vscode.workspace.textDocuments.forEach((d) => this.checkNow(d))));
    vscode.workspace.textDocuments.forEach((d) => this.checkNow(d));
  }

  /** A library that failed to load is reported by the library service; the check waits for the next one. */
  private checkNow(document: vscode.TextDocument): void {
    this.check(document).catch(() => undefined);
  }

  private checkSoon(document: vscode.TextDocument): void {
    if (!citationLanguageOf(document.languageId)) {
      return;
    }
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.checkNow(document);
      }, CHECK_DELAY_MS),
    );
  }

  private async check(document: vscode.TextDocument): Promise<void> {
    const language = citationLanguageOf(document.languageId);
    if (!language || document.isClosed) {
      return;
    }
    const checked = language === 'latex' || document.languageId !== 'markdown' || bibliographiesOf(document).length > 0;
    if (!checked) {
      this.diagnostics.delete(document.uri);
      return;
    }
    const version = document.version;
    const keys = citedKeysIn(document.getText(), language);
    const library = await this.lookup.ready();
    if (document.isClosed || document.version !== version) {
      return;
    }
    const unknown = keys.filter((k) => library.keys.papersWithKey(k.key).length === 0);
    this.diagnostics.set(
      document.uri,
      unknown.map((k) => {
        const range = new vscode.Range(document.positionAt(k.start), document.positionAt(k.end));
        const diagnostic = new vscode.Diagnostic(
          range,
          `No paper in the library has the citation key "${k.key}".`,
          vscode.DiagnosticSeverity.Warning,
        );
        diagnostic.source = 'Papers';
        diagnostic.code = UNKNOWN_KEY;
        return diagnostic;
      }),
    );
  }

  provideCodeActions(
    document: vscode.TextDocument,
    _range: vscode.Range,
    context: vscode.CodeActionContext,
  ): vscode.CodeAction[] {
    return context.diagnostics
      .filter((d) => d.source === 'Papers' && d.code === UNKNOWN_KEY)
      .map((diagnostic) => {
        const key = document.getText(diagnostic.range);
        const action = new vscode.CodeAction(`Search the papers for "${key}"`, vscode.CodeActionKind.QuickFix);
        const options: InsertCitationOptions = {
          query: searchTextOfKey(key),
          replace: { uri: document.uri, range: diagnostic.range },
        };
        action.command = { title: action.title, command: Commands.insertCitation, arguments: [options] };
        action.diagnostics = [diagnostic];
        action.isPreferred = true;
        return action;
      });
  }
}
