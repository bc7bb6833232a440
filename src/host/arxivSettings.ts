import * as vscode from 'vscode';
import { parseArxivFilter, type ArxivFilter } from '../core/formats/arxiv/filter';
import { Settings } from './ids';

/**
 * The arXiv snapshot filter from `papers.arxiv.categories`, `papers.arxiv.submittedFrom` and
 * `papers.arxiv.submittedTo`; entries that cannot be read are left out and described in `problems`.
 */
export function arxivFilterSetting(): { filter?: ArxivFilter; problems: string[] } {
  const config = vscode.workspace.getConfiguration(Settings.section);
  const categories = config.get<unknown[]>(Settings.arxivCategories, []) ?? [];
  const from = config.get<string>(Settings.arxivSubmittedFrom, '');
  const to = config.get<string>(Settings.arxivSubmittedTo, '');
  return parseArxivFilter({
    categories: categories.map((c) => (typeof c === 'string' ? c : JSON.stringify(c))),
    ...(typeof from === 'string' && from && { from }),
    ...(typeof to === 'string' && to && { to }),
  });
}
