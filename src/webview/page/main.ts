/// <reference lib="dom" />
import type { PageMessage, PageState } from '../protocol';

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

// Links go to the extension, which opens them only if they are http(s).
document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target.closest('a') : null;
  if (!target) {
    return;
  }
  event.preventDefault();
  const paper = target.dataset.paperId;
  if (paper) {
    vscode.postMessage({ type: 'openPaper', id: paper });
  } else {
    vscode.postMessage({ type: 'openLink', url: target.href });
  }
});
