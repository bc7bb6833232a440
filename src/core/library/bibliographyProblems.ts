import { isBibliographyFormat } from '../formats/parse';
import type { Library } from '../model/paper';

/** A problem in a bibliography file, to show on its line in the editor. */
export interface LocatedProblem {
  /** 1-based. */
  readonly line: number;
  readonly message: string;
  /** A repaired entry was read (information); a skipped one, a skipped item or a repeated key is a warning. */
  readonly severity: 'warning' | 'information';
}

/** The problems of the library's bibliography files (BibTeX, RIS, CSL-JSON), by collection id (the file's URI). */
export function bibliographyProblems(library: Library): Map<string, LocatedProblem[]> {
  const bibliographies = new Set(library.collections.filter((c) => isBibliographyFormat(c.format)).map((c) => c.id));
  const byFile = new Map<string, LocatedProblem[]>();
  for (const problem of library.problems) {
    if (!bibliographies.has(problem.collection)) {
      continue;
    }
    let problems = byFile.get(problem.collection);
    if (!problems) {
      byFile.set(problem.collection, (problems = []));
    }
    problems.push({
      line: problem.line,
      message: problem.message,
      severity: / was read with a repair| was given the key |kept as a separate paper$/.test(problem.message)
        ? 'information'
        : 'warning',
    });
  }
  return byFile;
}
