import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { Paper } from '../../core/model/paper';
import { collectionNamesOf } from '../../core/model/describe';
import { sortPapers, type SortBy } from '../../core/model/grouping';
import { sequenceFor, stepInSequence } from '../../core/model/sequence';
import { truncateWords } from '../../core/model/label';
import type { Highlight } from '../../core/search/highlight';
import { renderAbstractPage, type AbstractView } from '../../core/render/abstractHtml';
import { Commands, WebviewTypes, type CommandId } from '../../host/ids';
import type { LibrarySnapshot } from '../../core/library/snapshot';
import type { AbstractTabs, Services, ShowOptions } from '../../host/services';
import { Disposable } from '../../host/disposable';
import {
  parsePageMessage,
  parsePageState,
  safeExternalUrl,
  type ExtensionMessage,
  type PageAction,
  type PageMessage,
} from '../../shared/protocol';

/** Tab titles longer than this are cut; the full title is in the page. */
const TAB_TITLE_LENGTH = 48;
/** How many related papers the page lists under the abstract. */
const RELATED_COUNT = 5;

/** The toolbar's buttons that are commands on the paper. */
const ACTION_COMMANDS: Record<Exclude<PageAction, 'previous' | 'next'>, CommandId> = {
  star: Commands.star,
  unstar: Commands.unstar,
  copyMarkdown: Commands.copyMarkdown,
  copyCitation: Commands.copyCitation,
  copyBibtex: Commands.copyBibtex,
  copyCitationKey: Commands.copyCitationKey,
  searchArxiv: Commands.searchArxiv,
  searchHuggingFace: Commands.searchHuggingFace,
  insertCitation: Commands.insertCitation,
};

/** An open tab: which paper it shows and the list it moves through. */
interface OpenTab {
  readonly panel: vscode.WebviewPanel;
  paperId: string;
  sequence?: readonly string[];
  highlight?: Highlight;
}

/**
 * The abstract tabs: one per paper, reused when the paper is opened again,
 * restored after a window reload by the serializer. Previous and next show
 * another paper in the same tab, as a reader turns pages.
 */
export class AbstractPanels extends Disposable implements AbstractTabs, vscode.WebviewPanelSerializer {
  private readonly tabs = new Map<string, OpenTab>();
  private libraryOrder:
    { readonly snapshot: LibrarySnapshot; readonly sortBy: SortBy; readonly ids: readonly string[] } | undefined;
  private readonly activeChanged = this._register(new vscode.EventEmitter<void>());
  readonly onDidChangeActivePaper = this.activeChanged.event;

  private readonly extensionUri: vscode.Uri;
  private readonly service: Services['library'];
  private readonly starred: Services['starred'];
  private readonly recent: Services['recent'];
  private readonly viewOptions: Services['viewOptions'];
  private readonly output: Services['output'];

  /** Everything but the tabs themselves: they are what this makes. */
  constructor(services: Omit<Services, 'abstracts'>) {
    super();
    this.extensionUri = services.extensionUri;
    this.service = services.library;
    this.starred = services.starred;
    this.recent = services.recent;
    this.viewOptions = services.viewOptions;
    this.output = services.output;
    this._register(vscode.window.registerWebviewPanelSerializer(WebviewTypes.abstract, this));
    this._register({ dispose: () => this.tabs.forEach((t) => t.panel.dispose()) });
    this._register(
      this.starred.onDidChange(() =>
        this.tabs.forEach((tab) => this.post(tab, { type: 'starred', starred: this.starred.has(tab.paperId) })),
      ),
    );
    // A reload can change a paper's text or drop it; pages show what is loaded.
    this._register(this.service.onDidChange(() => this.tabs.forEach((tab) => this.render(tab))));
  }

  async show(paperId: string, options: ShowOptions = {}): Promise<void> {
    const snapshot = await this.service.ready();
    const paper = snapshot.library.byId.get(paperId);
    if (!paper) {
      void vscode.window.showWarningMessage('Papers: that paper is no longer in the library.');
      return;
    }
    await this.recent.add(paper.id);
    const viewColumn = options.viewColumn ?? vscode.ViewColumn.Active;
    const open = this.tabs.get(paper.id);
    if (open) {
      // Redrawn only for something new to show: a redraw loses the reader's scroll position.
      if (options.highlight || (options.sequence && options.sequence !== open.sequence)) {
        open.highlight = options.highlight ?? open.highlight;
        open.sequence = options.sequence ?? open.sequence;
        this.render(open);
      }
      open.panel.reveal(viewColumn);
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      WebviewTypes.abstract,
      tabTitle(paper),
      viewColumn,
      this.webviewOptions(),
    );
    this.attach(panel, paper.id, options);
  }

  activePaperId(): string | undefined {
    return this.activeTab()?.paperId;
  }

  async step(delta: -1 | 1): Promise<void> {
    const tab = this.activeTab();
    if (tab) {
      await this.stepTab(tab, delta);
    }
  }

  private activeTab(): OpenTab | undefined {
    return [...this.tabs.values()].find((t) => t.panel.active);
  }

  private async stepTab(tab: OpenTab, delta: -1 | 1): Promise<void> {
    const target = stepInSequence(this.sequenceOf(tab), tab.paperId, delta);
    if (target === undefined) {
      return;
    }
    const other = this.tabs.get(target);
    if (other) {
      other.sequence = tab.sequence;
      this.render(other);
      other.panel.reveal();
      return;
    }
    this.tabs.delete(tab.paperId);
    tab.paperId = target;
    tab.highlight = undefined;
    this.tabs.set(target, tab);
    await this.recent.add(target);
    this.render(tab);
    this.activeChanged.fire();
  }

  /** The open tabs and the paper each one shows. */
  openTabs(): { readonly paperId: string; readonly panel: vscode.WebviewPanel }[] {
    return [...this.tabs.values()].map(({ paperId, panel }) => ({ paperId, panel }));
  }

  /** Brings a tab back after a reload; a state that names no paper in the library closes it. */
  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const paperId = parsePageState(state)?.paperId;
    const snapshot = await this.service.ready().catch(() => undefined);
    const paper = paperId ? snapshot?.library.byId.get(paperId) : undefined;
    if (!paper || this.tabs.has(paper.id)) {
      panel.dispose();
      return;
    }
    panel.webview.options = this.webviewOptions();
    this.attach(panel, paper.id, {});
  }

  private webviewOptions(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
      // The page's one script: buttons, link clicks and tab restore. Forms and command links stay off.
      enableScripts: true,
      enableForms: false,
      enableCommandUris: false,
      localResourceRoots: [
        vscode.Uri.joinPath(this.extensionUri, 'media'),
        vscode.Uri.joinPath(this.extensionUri, 'dist'),
      ],
      enableFindWidget: true,
    };
  }

  private attach(panel: vscode.WebviewPanel, paperId: string, options: ShowOptions): void {
    const tab: OpenTab = {
      panel,
      paperId,
      ...(options.sequence && { sequence: options.sequence }),
      ...(options.highlight && { highlight: options.highlight }),
    };
    this.tabs.set(paperId, tab);
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'paper.svg');
    const subscriptions = [
      panel.webview.onDidReceiveMessage((message: unknown) => this.handle(tab, parsePageMessage(message), message)),
      panel.onDidChangeViewState(() => this.activeChanged.fire()),
      panel.onDidDispose(() => {
        this.tabs.delete(tab.paperId);
        subscriptions.forEach((s) => s.dispose());
        this.activeChanged.fire();
      }),
    ];
    this.render(tab);
  }

  /** The list previous and next move through: where the paper was opened from, else the Library's order. */
  private sequenceOf(tab: OpenTab): readonly string[] {
    return sequenceFor(tab.paperId, tab.sequence, () => this.libraryOrderIds());
  }

  /** Every paper in the Library's order. */
  private libraryOrderIds(): readonly string[] {
    const snapshot = this.service.current;
    if (!snapshot) {
      return [];
    }
    const { sortBy } = this.viewOptions;
    // Sorting every paper is kept for the next tab and step: it changes only with the library or the order.
    if (this.libraryOrder?.snapshot !== snapshot || this.libraryOrder.sortBy !== sortBy) {
      this.libraryOrder = {
        snapshot,
        sortBy,
        ids: sortPapers(snapshot.library.papers, sortBy, vscode.env.language).map((p) => p.id),
      };
    }
    return this.libraryOrder.ids;
  }

  private render(tab: OpenTab): void {
    const snapshot = this.service.current;
    const paper = snapshot?.library.byId.get(tab.paperId);
    if (!snapshot || !paper) {
      return;
    }
    const sequence = this.sequenceOf(tab);
    const index = sequence.indexOf(paper.id);
    const view: AbstractView = {
      paper,
      collectionNames: collectionNamesOf(paper, snapshot.collectionNames),
      related: snapshot.index.related(paper.id, RELATED_COUNT).map((hit) => hit.paper),
      starred: this.starred.has(paper.id),
      ...(index >= 0 && { position: { index, total: sequence.length } }),
      ...(tab.highlight && { highlight: tab.highlight }),
    };
    const { panel } = tab;
    const webview = panel.webview;
    panel.title = tabTitle(paper);
    webview.html = renderAbstractPage(view, {
      cspSource: webview.cspSource,
      nonce: randomBytes(16).toString('base64'),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', 'abstract.css')).toString(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview.js')).toString(),
    });
  }

  private post(tab: OpenTab, message: ExtensionMessage): void {
    void tab.panel.webview.postMessage(message);
  }

  /** Logs why something a page asked for failed: the page has no one else to tell. */
  private failed(what: string): (error: unknown) => void {
    return (error) => this.output.error(`Could not ${what}:`, error instanceof Error ? error : String(error));
  }

  private handle(tab: OpenTab, message: PageMessage | undefined, raw: unknown): void {
    if (!message) {
      this.output.warn(
        'Ignored a malformed message from an abstract page:',
        JSON.stringify(raw)?.slice(0, 200) ?? String(raw),
      );
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
        this.show(message.id).catch(this.failed('open a paper from an abstract page'));
        return;
      case 'action':
        if (message.action === 'previous' || message.action === 'next') {
          this.stepTab(tab, message.action === 'previous' ? -1 : 1).catch(
            this.failed(`show the ${message.action} paper`),
          );
        } else {
          void vscode.commands.executeCommand(ACTION_COMMANDS[message.action], tab.paperId);
        }
        return;
    }
  }
}

function tabTitle(paper: Paper): string {
  return truncateWords(paper.label, TAB_TITLE_LENGTH);
}
