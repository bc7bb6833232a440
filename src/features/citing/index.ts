import * as vscode from 'vscode';
import { CITING_LANGUAGE_IDS } from '../../core/cite/citationLanguage';
import { Commands } from '../../host/ids';
import type { Services } from '../../host/services';
import { CitationCompletion, COMPLETION_TRIGGERS } from './citationCompletion';
import { CitationLookup } from './citationLookup';
import { DocumentBibliographies } from './documentBibliographies';
import { InsertCitation } from './insertCitation';
import { KeyDefinition } from './keyDefinition';
import { PaperHoverProvider } from './paperHoverProvider';
import { UnknownKeys } from './unknownKeys';

/** The longest selection `Search Papers for Selection` passes on: a paragraph, not a chapter. */
const MAX_SELECTION_QUERY = 300;

/** Documents that cite: LaTeX, and Markdown in its Pandoc, Quarto and R Markdown flavours. */
const CITING_DOCUMENTS: vscode.DocumentSelector = CITING_LANGUAGE_IDS.map((language) => ({ language }));
/** Any text document a person reads or writes, for hovers on arXiv ids and DOIs. */
const TEXT_DOCUMENTS: vscode.DocumentSelector = ['file', 'untitled', 'vscode-vfs', 'vscode-remote'].map((scheme) => ({
  scheme,
}));

/**
 * Cite while you write: the document's own bibliography joins the library; citation keys are completed,
 * hovered, followed to their entries and checked; papers are cited from the editor, the quick pick and the tab.
 */
export function register(services: Services): vscode.Disposable {
  const lookup = new CitationLookup(services.library);
  const unknownKeys = new UnknownKeys(lookup);
  return vscode.Disposable.from(
    lookup,
    new DocumentBibliographies(services.library, services.output),
    new InsertCitation(lookup, services.output),
    unknownKeys,
    vscode.languages.registerCompletionItemProvider(
      CITING_DOCUMENTS,
      new CitationCompletion(lookup),
      ...COMPLETION_TRIGGERS,
    ),
    vscode.languages.registerHoverProvider(TEXT_DOCUMENTS, new PaperHoverProvider(lookup)),
    vscode.languages.registerDefinitionProvider(CITING_DOCUMENTS, new KeyDefinition(lookup)),
    vscode.languages.registerCodeActionsProvider(CITING_DOCUMENTS, unknownKeys, {
      providedCodeActionKinds: UnknownKeys.providedCodeActionKinds,
    }),
    vscode.commands.registerTextEditorCommand(Commands.searchSelection, (editor) => {
      const selected = editor.selections.map((s) => editor.document.getText(s)).join(' ');
      const query = selected.replace(/\s+/g, ' ').trim().slice(0, MAX_SELECTION_QUERY);
      return vscode.commands.executeCommand(Commands.search, query);
    }),
  );
}
