import {
  starButton,
  type ExtensionMessage,
  type PageAction,
  type PageMessage,
  type PageState,
} from '../shared/protocol';

interface VsCodeApi {
  postMessage(message: PageMessage): void;
  setState(state: PageState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const paperId = document.body.dataset.paperId;
if (paperId) {
  // Saved so the serializer can bring this tab back after a window reload.
  vscode.setState({ paperId });
}

/** Keys that move through the list the paper was opened from, as in mail and feed readers. */
const NAVIGATION_KEYS: Record<string, PageAction> = {
  n: 'next',
  ArrowRight: 'next',
  p: 'previous',
  ArrowLeft: 'previous',
};

// Links and buttons go to the extension, which opens links only if they are http(s).
document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target.closest('a, button') : null;
  if (!(target instanceof HTMLElement)) {
    return;
  }
  event.preventDefault();
  if (target instanceof HTMLButtonElement) {
    if (!target.disabled && target.dataset.action) {
      vscode.postMessage({ type: 'action', action: target.dataset.action as PageAction });
    }
    return;
  }
  const paper = target.dataset.paperId;
  if (paper) {
    vscode.postMessage({ type: 'openPaper', id: paper });
  } else if (target instanceof HTMLAnchorElement) {
    vscode.postMessage({ type: 'openLink', url: target.href });
  }
});

document.addEventListener('keydown', (event) => {
  const action = NAVIGATION_KEYS[event.key];
  if (!action || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) {
    return;
  }
  const button = document.querySelector<HTMLButtonElement>(`button[data-action="${action}"]`);
  if (button && !button.disabled) {
    event.preventDefault();
    vscode.postMessage({ type: 'action', action });
  }
});

window.addEventListener('message', (event: MessageEvent<ExtensionMessage>) => {
  if (event.data?.type === 'starred') {
    const button = document.querySelector<HTMLButtonElement>(
      'button[data-action="star"], button[data-action="unstar"]',
    );
    if (button) {
      const { action, label, title } = starButton(event.data.starred);
      button.dataset.action = action;
      button.textContent = label;
      button.title = title;
      button.setAttribute('aria-pressed', String(event.data.starred));
    }
  }
});
