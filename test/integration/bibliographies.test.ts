import * as assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LibrarySnapshot } from '../../src/core/library/snapshot';
import { Commands } from '../../src/host/ids';
import { activateExtension, closeAllEditors, waitFor } from './helpers';

/** The unit tests' researcher-style fixtures, from `out/test/integration`. */
const FIXTURES = path.resolve(__dirname, '..', '..', '..', 'test', 'unit', 'fixtures', 'formats', 'library');

/** An entry that cannot be read: its abstract never closes before the next entry. */
const BROKEN = `
@article{broken2024,
  title = {A Broken Entry},
  abstract = {This brace {never closes.},
  year = {2024}
}
`;

describe('Bibliographies (BibTeX, RIS, CSL-JSON) in papers.corpus.paths', () => {
  let folder: string;
  let bib: string;
  const config = () => vscode.workspace.getConfiguration('papers');

  async function libraryWhere(what: string, check: (s: LibrarySnapshot) => boolean): Promise<LibrarySnapshot> {
    const api = await activateExtension();
    return waitFor(what, async () => {
      const snapshot = await api.ready();
      return check(snapshot) ? snapshot : undefined;
    });
  }

  before(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'papers-bibliographies-'));
    bib = path.join(folder, 'library.bib');
    writeFileSync(bib, readFileSync(path.join(FIXTURES, 'library.bib'), 'utf8') + BROKEN);
    copyFileSync(path.join(FIXTURES, 'library.ris'), path.join(folder, 'library.ris'));
    copyFileSync(path.join(FIXTURES, 'library.json'), path.join(folder, 'zotero.json'));
    await config().update('corpus.includeBundled', false, vscode.ConfigurationTarget.Global);
    await config().update(
      'corpus.paths',
      [bib, path.join(folder, 'library.ris'), path.join(folder, 'zotero.json')],
      vscode.ConfigurationTarget.Global,
    );
    await libraryWhere('the three bibliographies', (s) => s.library.collections.length === 3);
  });

  after(async () => {
    await closeAllEditors();
    const api = await activateExtension();
    for (const star of api.services.starred.all) {
      await api.services.starred.unstar(star.id);
    }
    await config().update('corpus.paths', undefined, vscode.ConfigurationTarget.Global);
    await config().update('corpus.includeBundled', undefined, vscode.ConfigurationTarget.Global);
    await libraryWhere('the bundled corpus alone again', (s) => s.library.papers.length === 438);
    rmSync(folder, { recursive: true, force: true });
  });

  it('lists each file in the tree, by format, and groups by first author', async () => {
    const api = await activateExtension();
    const snapshot = await api.ready();
    assert.deepEqual(
      snapshot.library.collections.map((c) => [c.format, c.entries]),
      [
        ['bibtex', 7],
        ['ris', 3],
        ['csl-json', 3],
      ],
    );
    const tree = api.views.library;
    const groups = await tree.getChildren();
    assert.deepEqual(
      groups.map((g) => tree.getTreeItem(g).label),
      ['library', 'library', 'zotero'],
    );
    const [first] = await tree.getChildren(groups[0]);
    assert.ok(first.kind === 'paper');
    assert.match(String(tree.getTreeItem(first).description), /et al\.|Tibshirani|Müller|Maaten|Ho/);

    await vscode.commands.executeCommand(Commands.groupByAuthor);
    const byAuthor = await waitFor('groups by first author', async () => {
      const labels = (await tree.getChildren()).map((g) => String(tree.getTreeItem(g).label));
      return labels.includes('Vaswani') ? labels : undefined;
    });
    assert.ok(byAuthor.includes('Maaten') || byAuthor.includes('van der Maaten'), byAuthor.join(', '));
    assert.ok(byAuthor.includes('LeCun'));
    await vscode.commands.executeCommand(Commands.groupByCollection);
  });

  it('finds papers by author, accents folded, and by an arXiv id typed alone', async () => {
    const api = await activateExtension();
    const byAuthor = await api.search('author:muller', 5);
    assert.deepEqual(
      byAuthor.hits.map((h) => h.paper.title),
      ['A Naïve Baseline for BERT & Friends'],
    );
    const plain = await api.search('hinton', 5);
    assert.ok(plain.hits.some((h) => h.paper.title === 'Deep learning'));
    const byId = await api.search('arXiv:1706.03762v2', 5);
    assert.equal(byId.hits[0]?.paper.title, 'Attention Is All You Need');
  });

  it("shows a BibTeX paper's authors, its DOI and arXiv links and its key in the tab", async () => {
    const api = await activateExtension();
    const snapshot = await api.ready();
    const lasso = snapshot.library.papers.find((p) => p.citationKey === 'tibshirani1996lasso');
    const attention = snapshot.library.papers.find((p) => p.citationKey === 'vaswani2017attention');
    assert.ok(lasso && attention);
    await vscode.commands.executeCommand(Commands.openPaper, attention.id);
    const tab = await waitFor('the abstract tab', () => api.openAbstracts().find((a) => a.paperId === attention.id));
    assert.match(tab.html, /<span class="author">Ashish Vaswani<\/span>, <span class="author">Noam Shazeer<\/span>/);
    assert.match(tab.html, /<span class="author">Łukasz Kaiser<\/span>/);
    assert.match(tab.html, /href="https:\/\/arxiv\.org\/abs\/1706\.03762"/);
    assert.match(tab.html, /Key <code>vaswani2017attention<\/code>/);

    await vscode.commands.executeCommand(Commands.openPaper, lasso.id);
    const lassoTab = await waitFor('the second paper in the tab', () =>
      api.openAbstracts().find((a) => a.paperId === lasso.id),
    );
    assert.match(lassoTab.html, /href="https:\/\/doi\.org\/10\.1111\/j\.2517-6161\.1996\.tb02080\.x"/);
    assert.match(lassoTab.html, /<li>sparsity<\/li>/);

    await vscode.commands.executeCommand(Commands.copyBibtex, lasso.id);
    const copied = await vscode.env.clipboard.readText();
    assert.match(copied, /^@article\{tibshirani1996lasso,\n {2}title = \{Regression Shrinkage/);
    assert.match(copied, /\$\\ell_1\$/);
  });

  it('puts a diagnostic on the broken entry, at its first line', async () => {
    const uri = vscode.Uri.file(bib);
    const diagnostics = await waitFor('the diagnostic', () => {
      const found = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Paper Explorer');
      return found.length >= 2 ? found : undefined;
    });
    const lines = readFileSync(bib, 'utf8').split('\n');
    const brokenLine = lines.findIndex((line) => line.startsWith('@article{broken2024'));
    const broken = diagnostics.find((d) => d.range.start.line === brokenLine);
    assert.ok(broken, diagnostics.map((d) => `${d.range.start.line}: ${d.message}`).join('\n'));
    assert.equal(broken.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(broken.message, /skipped/);
    assert.ok(diagnostics.some((d) => d.message.includes('"vaswani2017attention" is also the key')));
  });

  it('an edited entry updates the library, and its star follows it when its title changes', async () => {
    const api = await activateExtension();
    const before = await api.ready();
    const lasso = before.library.papers.find((p) => p.citationKey === 'tibshirani1996lasso');
    assert.ok(lasso);
    await vscode.commands.executeCommand(Commands.star, lasso.id);
    assert.ok(api.services.starred.has(lasso.id));

    writeFileSync(
      bib,
      readFileSync(bib, 'utf8')
        .replace(
          'Regression Shrinkage and Selection via the Lasso',
          'Regression Shrinkage and Selection with the Lasso',
        )
        .replace(
          '@article{broken2024,\n  title = {A Broken Entry},\n  abstract = {This brace {never closes.},',
          '@article{broken2024,\n  title = {A Mended Entry},\n  abstract = {This brace {now closes.}},',
        ),
    );
    const after = await libraryWhere('the edited file', (s) =>
      s.library.papers.some((p) => p.title?.startsWith('Regression Shrinkage and Selection with the Lasso')),
    );
    const edited = after.library.papers.find((p) => p.citationKey === 'tibshirani1996lasso');
    assert.ok(edited);
    assert.notEqual(edited.id, lasso.id, 'a new title is a new id');
    assert.ok(after.library.papers.some((p) => p.title === 'A Mended Entry'));
    await waitFor('the star to follow the paper', () => api.services.starred.has(edited.id) || undefined);
    assert.equal(api.services.starred.has(lasso.id), false);
    await waitFor(
      'the mended entry to lose its diagnostic',
      () =>
        vscode.languages.getDiagnostics(vscode.Uri.file(bib)).every((d) => !d.message.includes('skipped')) || undefined,
    );
  });
});
