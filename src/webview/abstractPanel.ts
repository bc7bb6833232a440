import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { Paper } from '../corpus/paper';
import { collectionNamesOf } from '../corpus/describe';
import { readableTex, truncateWords } from '../corpus/label';
import { WebviewTypes } from '../ids';
import type { LibraryService } from '../library/libraryService';
import { renderAbstractPage, type AbstractView } from '../render/abstractHtml';
import { Disposable } from '../util/disposable';
import { parsePageMessage, parsePageState, safeExternalUrl, type PageMessage } from './protocol';

/** Tab titles longer than this are cut; the full title is in the page. */
const TAB_TITLE_LENGTH = 48;
/** How many related papers the page lists under the abstract. */
const RELATED_COUNT = 5;

export interface Highlight {
  readonly terms: readonly string[];
  readonly prefixes: readonly string[];
}

/**
 * The abstract tabs: one per paper, reused when the paper is opened again,
 * restored after a window reload by the serializer.
 */
export class AbstractPanels extends Disposable implements vscode.WebviewPanelSerializer {
  private readonly panels = new Map<string, vscode.WebviewPanel>();
  private readonly activeChanged = this._register(new vscode.EventEmitter<void>());
  /** Fires when an abstract tab gains or loses focus, or closes. */
  readonly onDidChangeActivePaper = this.activeChanged.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly service: LibraryService,
    private readonly output: vscode.LogOutputChannel,
  ) {
    super();
    this._register(vscode.window.registerWebviewPanelSerializer(WebviewTypes.abstract, this));
    this._register({ dispose: () => this.panels.forEach((p) => p.dispose()) });
  }

  /** Opens the paper's tab, or reveals it if it is open. */
  async show(paperId: string, highlight?: Highlight, viewColumn: vscode.ViewColumn = vscode.ViewColumn.Active): Promise<void> {
    const snapshot = await this.service.ready();
    const paper = snapshot.library.byId.get(paperId);
    if (!paper) {
      void vscode.window.showWarningMessage('Papers: that paper is no longer in the library.');
      return;
    }
    const open = this.panels.get(paper.id);
    if (open) {
      if (highlight) {
        this.render(open, paper, highlight);
      }
      open.reveal(viewColumn);
      return;
    }
    const panel = vscode.window.createWebviewPanel(WebviewTypes.abstract, tabTitle(paper), viewColumn, this.webviewOptions());
    this.attach(panel, paper, highlight);
  }

  /** The paper of the abstract tab that has focus, if one has. */
  activePaperId(): string | undefined {
    for (const [paperId, panel] of this.panels) {
      if (panel.active) {
        return paperId;
      }
    }
    return undefined;
  }

  /** The open tabs and what they show, for tests and for other extensions. */
  describe(): { paperId: string; title: string; html: string }[] {
    return [...this.panels].map(([paperId, panel]) => ({ paperId, title: panel.title, html: panel.webview.html }));
  }

  /** Brings a tab back after a reload; a state that names no paper in the library closes it. */
  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const paperId = parsePageState(state)?.paperId;
    const snapshot = await this.service.ready().catch(() => undefined);
    const paper = paperId ? snapshot?.library.byId.get(paperId) : undefined;
    if (!paper || this.panels.has(paper.id)) {
      panel.dispose();
      return;
    }
    panel.webview.options = this.webviewOptions();
    this.attach(panel, paper);
  }

  private webviewOptions(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
      // The page's one script: link clicks and tab restore. Forms and command links stay off.
      enableScripts: true,
      enableForms: false,
      enableCommandUris: false,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media'), vscode.Uri.joinPath(this.extensionUri, 'dist')],
      enableFindWidget: true,
    };
  }

  private attach(panel: vscode.WebviewPanel, paper: Paper, highlight?: Highlight): void {
    this.panels.set(paper.id, panel);
    panel.title = tabTitle(paper);
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'paper.svg');
    const subscriptions = [
      panel.webview.onDidReceiveMessage((message: unknown) => this.handle(parsePageMessage(message), message)),
      panel.onDidChangeViewState(() => this.activeChanged.fire()),
      panel.onDidDispose(() => {
        this.panels.delete(paper.id);
        subscriptions.forEach((s) => s.dispose());
        this.activeChanged.fire();
      }),
    ];
    this.render(panel, paper, highlight);
  }

  private render(panel: vscode.WebviewPanel, paper: Paper, highlight?: Highlight): void {
    const snapshot = this.service.current;
    const view: AbstractView = {
      paper,
      collectionNames: collectionNamesOf(paper, snapshot?.collectionNames),
      related: snapshot?.index.related(paper.id, RELATED_COUNT).map((hit) => hit.paper) ?? [],
      ...(highlight && { highlight }),
    };
    const webview = panel.webview;
    panel.webview.html = renderAbstractPage(view, {
      cspSource: webview.cspSource,
      nonce: randomBytes(16).toString('base64'),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', 'abstract.css')).toString(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview.js')).toString(),
    });
  }

  private handle(message: PageMessage | undefined, raw: unknown): void {
    if (!message) {
      this.output.warn('Ignored a malformed message from an abstract page:', JSON.stringify(raw)?.slice(0, 200) ?? String(raw));
      return;
    }
    switch (message.type) {
      case 'openLink': {
        const url = safeExternalUrl(message.url);
        if (url) {
          void vscode.env.openExternal(vscode.Uri.parse(url, true));
        } else {
          this.output.warn('Refused to open a link that is not http(s):', message.url.slice(0, 200));
        }
        return;
      }
      case 'openPaper':
        void this.show(message.id);
        return;
    }
  }
}

function tabTitle(paper: Paper): string {
  return truncateWords(readableTex(paper.label), TAB_TITLE_LENGTH);
}
