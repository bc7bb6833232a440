/**
 * The messages between the abstract page and the extension. Both sides import
 * this module; the extension validates everything it receives, since the page
 * shows text from files the user did not write.
 */
export type PageMessage =
  | { readonly type: 'openLink'; readonly url: string }
  | { readonly type: 'openPaper'; readonly id: string }
  | { readonly type: 'action'; readonly action: PageAction };

/** The toolbar's buttons, by the name the page sends. */
export const PAGE_ACTIONS = [
  'previous',
  'next',
  'star',
  'unstar',
  'copyMarkdown',
  'copyCitation',
  'copyBibtex',
  'copyCitationKey',
  'searchArxiv',
  'searchHuggingFace',
  'insertCitation',
] as const;
export type PageAction = (typeof PAGE_ACTIONS)[number];

/** The star button as it reads in each state; the page redraws it from the same words. */
export function starButton(starred: boolean): {
  readonly action: PageAction;
  readonly label: string;
  readonly title: string;
} {
  return starred
    ? { action: 'unstar', label: '★ Starred', title: 'Unstar this paper' }
    : { action: 'star', label: '☆ Star', title: 'Star this paper' };
}

/** What the extension tells an open page without redrawing it (which would lose its scroll position). */
export type ExtensionMessage = { readonly type: 'starred'; readonly starred: boolean };

/** What the page keeps with `setState`, so a reloaded window can bring the tab back. */
export interface PageState {
  readonly paperId: string;
}

const MAX_ID_LENGTH = 64;
const MAX_URL_LENGTH = 2048;

/** Returns the message if it is one the page may send, well formed; otherwise undefined. */
export function parsePageMessage(value: unknown): PageMessage | undefined {
  if (!isRecord(value)) {
    return undefined;
  }
  switch (value.type) {
    case 'openLink':
      return typeof value.url === 'string' && value.url.length <= MAX_URL_LENGTH
        ? { type: 'openLink', url: value.url }
        : undefined;
    case 'openPaper':
      return isPaperId(value.id) ? { type: 'openPaper', id: value.id } : undefined;
    case 'action':
      return (PAGE_ACTIONS as readonly unknown[]).includes(value.action)
        ? { type: 'action', action: value.action as PageAction }
        : undefined;
    default:
      return undefined;
  }
}

/** Restored webview state is as untrusted as a message. */
export function parsePageState(value: unknown): PageState | undefined {
  return isRecord(value) && isPaperId(value.paperId) ? { paperId: value.paperId } : undefined;
}

/**
 * The URL to open in the browser, or undefined unless it parses as `https:`.
 * Parsing first means `JaVaScRiPt:`, `java\tscript:`, `data:`, `file:`,
 * `command:` and `vscode:` links are all refused; plain `http:` is refused too,
 * so nothing from a corpus file is fetched unencrypted.
 */
export function safeExternalUrl(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  return parsed.protocol === 'https:' ? parsed.href : undefined;
}

function isPaperId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_ID_LENGTH && /^[a-z0-9]+$/.test(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
