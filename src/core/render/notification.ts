import type { FileProblem } from '../model/paper';
import { BIDI_CONTROLS } from '../text/text';

/** How much of a file name a notification shows. */
const MAX_NAME_LENGTH = 120;

/**
 * A file's name for a notification, whose text VS Code renders as Markdown: its last path segment,
 * URI-decoded, with Markdown link syntax escaped and direction controls removed (so that
 * `Invoice \u202Egpj.exe` cannot pose as another name), cut to 120 characters.
 */
export function notificationSafe(id: string): string {
  let name = id.slice(id.lastIndexOf('/') + 1);
  try {
    name = decodeURIComponent(name);
  } catch {
    // Keep the name as written.
  }
  return name
    .replace(BIDI_CONTROLS, '')
    .replace(/[[\]()`*_<>\\]/g, '\\$&')
    .slice(0, MAX_NAME_LENGTH);
}

/**
 * The warning for the problems of a load: the first file (by a safe name) and line, and how many more.
 * Corpus text never goes into it, where `[text](command:…)` would become a clickable command link; the
 * details go to the Output channel. Undefined when there is nothing to say.
 */
export function problemsNotification(problems: readonly FileProblem[]): string | undefined {
  const [first] = problems;
  if (!first) {
    return undefined;
  }
  const more = problems.length > 1 ? ` and ${problems.length - 1} more` : '';
  return `Papers: a problem reading ${notificationSafe(first.collection)} (line ${first.line})${more}. The rest was loaded.`;
}
