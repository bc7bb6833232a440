import * as vscode from 'vscode';
import { bibliographyProblems } from '../../core/library/bibliographyProblems';
import type { LibrarySnapshot } from '../../core/library/snapshot';
import type { Services } from '../../host/services';

/** The source VS Code shows beside each problem in the Problems panel. */
const SOURCE = 'Paper Explorer';

/**
 * Problems in bibliography files (a skipped entry, a repair, a repeated key) as diagnostics on the entry's first
 * line, in the Problems panel and in the editor, whether or not the file is open; replaced on every reload, so
 * fixing an entry and saving clears its diagnostic. The Output channel and the warning notification come from
 * the library service, as for every corpus file.
 */
export function register(services: Services): vscode.Disposable {
  const diagnostics = vscode.languages.createDiagnosticCollection('papers');
  const update = (snapshot: LibrarySnapshot) => {
    diagnostics.clear();
    for (const [collection, problems] of bibliographyProblems(snapshot.library)) {
      const uri = vscode.Uri.parse(collection, true);
      diagnostics.set(
        uri,
        problems.map((problem) => {
          const line = Math.max(problem.line - 1, 0);
          const diagnostic = new vscode.Diagnostic(
            new vscode.Range(line, 0, line, Number.MAX_SAFE_INTEGER),
            problem.message,
            problem.severity === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information,
          );
          diagnostic.source = SOURCE;
          return diagnostic;
        }),
      );
    }
  };
  if (services.library.current) {
    update(services.library.current);
  }
  return vscode.Disposable.from(diagnostics, services.library.onDidChange(update));
}
