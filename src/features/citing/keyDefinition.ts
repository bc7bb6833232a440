import * as vscode from 'vscode';
import { entryHeads } from '../../core/cite/bibliographyAppend';
import { citationLanguageOf } from '../../core/cite/citationLanguage';
import { hoverTargetsAt } from '../../core/cite/hoverTargets';
import type { CitationLookup } from './citationLookup';

/** Collections are files, by URI; only BibTeX files have an entry to go to. */
const BIBTEX_FILE = /\.bib$/i;

/**
 * Go to Definition on a citation key: its entry in each `.bib` file of the library that has it (two when two files
 * define the key). The file is read as VS Code has it, unsaved edits included.
 */
export class KeyDefinition implements vscode.DefinitionProvider {
  constructor(private readonly lookup: CitationLookup) {}

  async provideDefinition(
    document: vscode.TextDocument,
    position: vscode.Position,
    token: vscode.CancellationToken,
  ): Promise<vscode.LocationLink[] | undefined> {
    const language = citationLanguageOf(document.languageId);
    const target = language && hoverTargetsAt(document.getText(), language, document.offsetAt(position))[0];
    if (!target || target.kind !== 'citationKey') {
      return undefined;
    }
    const library = await this.lookup.ready();
    const files = new Set(
      library.keys.papersWithKey(target.key).flatMap((p) => p.collections.filter((c) => BIBTEX_FILE.test(c))),
    );
    const origin = new vscode.Range(document.positionAt(target.start), document.positionAt(target.end));
    const links: vscode.LocationLink[] = [];
    for (const file of files) {
      if (token.isCancellationRequested) {
        return undefined;
      }
      const bib = await Promise.resolve(vscode.workspace.openTextDocument(vscode.Uri.parse(file, true))).catch(
        () => undefined,
      );
      const head = bib && entryHeads(bib.getText()).find((h) => h.key === target.key);
      if (bib && head) {
        const keyRange = new vscode.Range(bib.positionAt(head.keyStart), bib.positionAt(head.keyEnd));
        links.push({
          originSelectionRange: origin,
          targetUri: bib.uri,
          targetRange: bib.lineAt(head.line).range,
          targetSelectionRange: keyRange,
        });
      }
    }
    return links;
  }
}
