import type * as vscode from 'vscode';
import type { PaperExplorerApi } from './api';
import type { AbstractPanels } from './features/abstractTab';
import type { SideBarViews } from './features/sideBar';
import type { Services } from './host/services';

/** An open abstract tab as the integration tests read it. */
export interface OpenAbstract {
  readonly paperId: string;
  readonly title: string;
  readonly html: string;
  readonly panel: vscode.WebviewPanel;
}

/**
 * What `activate` returns when VS Code runs the extension for its tests (`ExtensionMode.Test`): the
 * public API, and the parts the tests look into. No other extension sees these.
 */
export interface PaperExplorerTestApi extends PaperExplorerApi {
  readonly services: Services;
  /** The side bar's views: their providers and the tree views VS Code shows. */
  readonly views: SideBarViews;
  openAbstracts(): OpenAbstract[];
}

export function testApi(
  api: PaperExplorerApi,
  services: Services,
  views: SideBarViews,
  abstracts: AbstractPanels,
): PaperExplorerTestApi {
  return {
    ...api,
    services,
    views,
    openAbstracts: () =>
      abstracts
        .openTabs()
        .map(({ paperId, panel }) => ({ paperId, title: panel.title, html: panel.webview.html, panel })),
  };
}
