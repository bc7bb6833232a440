import * as assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Paper } from '../../src/core/model/paper';
import { Commands } from '../../src/host/ids';
import { activateExtension, closeAllEditors, waitFor } from './helpers';

/** `test/fixtures/citing`: a LaTeX and a Markdown document with the `.bib` file they name beside them. */
const FIXTURES = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'citing');
const BUNDLED_PAPERS = 438;

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/** Where `marker` is in the document, `delta` characters into it. */
function at(document: vscode.TextDocument, marker: string, delta = 0): vscode.Position {
  const offset = document.getText().indexOf(marker);
  assert.ok(offset >= 0, `the document has ${marker}`);
  return document.positionAt(offset + delta);
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

async function completions(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>(
    'vscode.executeCompletionItemProvider',
    document.uri,
    position,
  );
  return list.items.filter((i) => i.kind === vscode.CompletionItemKind.Reference);
}

describe('Citing while writing (LaTeX and Markdown)', () => {
  let folder: string;
  let tex: vscode.TextDocument;
  let markdown: vscode.TextDocument;
  let bibUri: vscode.Uri;
  let bibText: string;

  /** The library once the paper with `key` is in it. */
  async function paperWithKey(key: string): Promise<Paper> {
    const api = await activateExtension();
    return waitFor(`a paper with the key ${key}`, async () =>
      (await api.ready()).library.papers.find((p) => p.citationKey === key),
    );
  }

  before(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'papers-citing-'));
    cpSync(FIXTURES, folder, { recursive: true });
    bibUri = vscode.Uri.file(path.join(folder, 'refs.bib'));
    bibText = readFileSync(bibUri.fsPath, 'utf8');
    await activateExtension();
    tex = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(folder, 'paper.tex')));
    await vscode.window.showTextDocument(tex);
    markdown = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(folder, 'notes.md')));
    await vscode.window.showTextDocument(markdown, { preview: false, viewColumn: vscode.ViewColumn.Beside });
    await paperWithKey('leviathan2023fast');
  });

  after(async () => {
    await closeAllEditors();
    const api = await activateExtension();
    await waitFor('the bundled corpus alone again', async () =>
      (await api.ready()).library.papers.length === BUNDLED_PAPERS ? true : undefined,
    );
    rmSync(folder, { recursive: true, force: true });
  });

  it('reads the bibliography the documents name into the library, as a collection named after the file', async () => {
    assert.equal(tex.languageId, 'latex');
    const snapshot = await (await activateExtension()).ready();
    assert.equal(snapshot.library.papers.length, BUNDLED_PAPERS + 3);
    assert.equal(snapshot.collectionNames.get(bibUri.toString()), 'refs');
  });

  it('completes keys inside \\cite{ by searching what was typed, as the quick pick does', async () => {
    const items = await completions(tex, at(tex, '\\cite{speculative}', '\\cite{speculative'.length));
    const labels = items.map(labelOf);
    assert.ok(labels.includes('leviathan2023fast'), labels.join(', '));
    assert.ok(labels.includes('chen2023accelerating'), labels.join(', '));
    assert.ok(labels.includes('spectr'), 'a bundled speculative-decoding paper is offered too');
    const first = items.find((i) => labelOf(i) === 'leviathan2023fast');
    assert.deepEqual(first?.label, {
      label: 'leviathan2023fast',
      detail: ' Fast Inference from Transformers via Speculative Decoding',
      description: 'Leviathan et al. 2023',
    });
    const range = first?.range as { replacing: vscode.Range };
    assert.equal(tex.getText(range.replacing), 'speculative', 'the chosen key replaces what was typed');
    assert.equal((await completions(tex, at(tex, 'drafts tokens'))).length, 0, 'nothing outside a citation');
  });

  it('completes after @ in a Markdown citation', async () => {
    const labels = (await completions(markdown, at(markdown, '@lev]', 4))).map(labelOf);
    assert.equal(labels[0], 'leviathan2023fast');
  });

  it('shows title, authors, year, venue and the abstract over a key, linking only to its own commands', async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      tex.uri,
      at(tex, 'leviathan2023fast', 3),
    );
    const text = hoverText(hovers);
    assert.match(text, /\*\*Fast Inference from Transformers via Speculative Decoding\*\*/);
    assert.match(
      text,
      /Yaniv Leviathan\\, Matan Kalman\\, Yossi Matias · 2023 · International Conference on Machine Learning/,
    );
    assert.match(text, /Inference from large autoregressive models/);
    const commands = [...text.matchAll(/\]\(command:([\w.]+)/g)].map((m) => m[1]);
    assert.deepEqual(commands, [Commands.openPaper, Commands.copyBibtex, Commands.insertCitation]);
  });

  it('keeps a hostile title in a hover from becoming a link, an image or HTML', async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      tex.uri,
      at(tex, 'mallory2024hostile', 2),
    );
    const text = hoverText(hovers);
    assert.match(text, /\\\[Click here\\\]\\\(command\\:workbench\\\.action\\\.terminal\\\.new\\\)/);
    assert.doesNotMatch(text, /(?<!\\)<img|(?<!\\)!\[|(?<!\\)\[Click/);
    assert.deepEqual(
      [...text.matchAll(/\]\(command:([\w.]+)/g)].map((m) => m[1]),
      [Commands.openPaper, Commands.copyBibtex, Commands.insertCitation],
    );
    const contents = hovers.flatMap((h) => h.contents).find((c): c is vscode.MarkdownString => typeof c !== 'string');
    assert.notEqual(contents?.supportHtml, true);
  });

  it('hovers arXiv ids and DOIs, in any text document', async () => {
    const onId = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      tex.uri,
      at(tex, '2211.17192', 4),
    );
    assert.match(hoverText(onId), /Fast Inference from Transformers/);
    const onDoi = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      markdown.uri,
      at(markdown, '10.48550', 6),
    );
    assert.match(hoverText(onDoi), /Accelerating Large Language Model Decoding/);
    const plain = await vscode.workspace.openTextDocument({
      content: 'See arXiv:2211.17192v2.',
      language: 'plaintext',
    });
    const onPlain = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      plain.uri,
      at(plain, '2211', 2),
    );
    assert.match(hoverText(onPlain), /Fast Inference from Transformers/);
  });

  it('goes from a key to its entry in the .bib file', async () => {
    const definitions = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
      'vscode.executeDefinitionProvider',
      tex.uri,
      at(tex, 'chen2023accelerating', 5),
    );
    assert.equal(definitions.length, 1);
    const link = definitions[0] as vscode.LocationLink;
    assert.equal(link.targetUri.toString(), bibUri.toString());
    const bib = await vscode.workspace.openTextDocument(bibUri);
    const key = link.targetSelectionRange ?? link.targetRange;
    assert.equal(bib.getText(key), 'chen2023accelerating');
    assert.equal(bib.lineAt(key.start.line).text, '@article{chen2023accelerating,');
  });

  it('underlines a key no paper has, with a quick fix that searches the papers for it', async () => {
    const diagnostics = await waitFor('the unknown key to be reported', () => {
      const found = vscode.languages.getDiagnostics(tex.uri).filter((d) => d.source === 'Papers');
      return found.length > 0 ? found : undefined;
    });
    assert.deepEqual(
      diagnostics.map((d) => [tex.getText(d.range), d.severity]),
      [
        ['speculative', vscode.DiagnosticSeverity.Warning],
        ['nosuchkey2099', vscode.DiagnosticSeverity.Warning],
      ],
    );
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      tex.uri,
      diagnostics[1].range,
    );
    const fix = actions.find((a) => a.command?.command === Commands.insertCitation);
    assert.equal(fix?.title, 'Search the papers for "nosuchkey2099"');
    assert.equal((fix?.command?.arguments?.[0] as { query: string }).query, 'nosuchkey 2099');
  });

  describe('Insert Citation', () => {
    let document: vscode.TextDocument;
    let editor: vscode.TextEditor;

    beforeEach(async () => {
      const uri = vscode.Uri.file(path.join(folder, `insert-${Date.now()}.tex`));
      const create = new vscode.WorkspaceEdit();
      create.createFile(uri, {
        contents: new TextEncoder().encode('\\addbibresource{refs.bib}\nA \\cite{leviathan2023fast} B\nC\n'),
      });
      await vscode.workspace.applyEdit(create);
      document = await vscode.workspace.openTextDocument(uri);
      editor = await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
    });

    it('adds the key to the citation one cursor is in and cites it at another', async () => {
      const inside = at(document, '} B');
      const end = document.lineAt(2).range.end;
      editor.selections = [new vscode.Selection(inside, inside), new vscode.Selection(end, end)];
      const paper = await paperWithKey('chen2023accelerating');
      assert.equal(await vscode.commands.executeCommand(Commands.insertCitation, paper.id), true);
      assert.equal(
        document.getText(),
        '\\addbibresource{refs.bib}\nA \\cite{leviathan2023fast,chen2023accelerating} B\nC\\cite{chen2023accelerating}\n',
      );
      const bib = await vscode.workspace.openTextDocument(bibUri);
      assert.equal(bib.getText(), bibText, 'a paper from the cited file adds no entry');
    });

    it('cites several papers at once with one cursor', async () => {
      const end = document.lineAt(2).range.end;
      editor.selections = [new vscode.Selection(end, end)];
      const papers = [await paperWithKey('chen2023accelerating'), await paperWithKey('leviathan2023fast')];
      await vscode.commands.executeCommand(
        Commands.insertCitation,
        papers.map((p) => p.id),
      );
      assert.equal(document.lineAt(2).text, 'C\\cite{chen2023accelerating,leviathan2023fast}');
    });

    it('appends the entry of a paper from no cited file to the .bib, once, in one edit that undo takes back', async () => {
      const paper = await paperWithKey('spectr');
      const end = document.lineAt(2).range.end;
      editor.selections = [new vscode.Selection(end, end)];
      assert.equal(await vscode.commands.executeCommand(Commands.insertCitation, paper.id), true);
      assert.equal(document.lineAt(2).text, 'C\\cite{spectr}');
      const bib = await vscode.workspace.openTextDocument(bibUri);
      assert.ok(bib.getText().startsWith(bibText), 'the file is appended to, not rewritten');
      const added = bib.getText().slice(bibText.length);
      assert.match(
        added,
        /^\n@\w+\{spectr,\n\s+title = \{\{SpecTr\}: Fast Speculative Decoding via Optimal Transport\},/,
      );

      const start = document.lineAt(1).range.start;
      editor.selections = [new vscode.Selection(start, start)];
      await vscode.commands.executeCommand(Commands.insertCitation, paper.id);
      assert.equal(document.lineAt(1).text, '\\cite{spectr}A \\cite{leviathan2023fast} B');
      assert.equal(bib.getText().split('{spectr,').length, 2, 'the key is not added to the file twice');

      await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
      await vscode.commands.executeCommand('undo');
      await vscode.commands.executeCommand('undo');
      await waitFor('undo to take back the entry too', () => (bib.getText() === bibText ? true : undefined));
      assert.equal(document.getText(), '\\addbibresource{refs.bib}\nA \\cite{leviathan2023fast} B\nC\n');
    });

    it('writes [@key] in Markdown, or adds to the bracket citation the cursor is in', async () => {
      editor = await vscode.window.showTextDocument(markdown, vscode.ViewColumn.One);
      const inside = at(markdown, '; @lev]', '; @lev'.length);
      editor.selections = [new vscode.Selection(inside, inside)];
      const paper = await paperWithKey('leviathan2023fast');
      await vscode.commands.executeCommand(Commands.insertCitation, paper.id);
      assert.match(markdown.getText(), /\[@chen2023accelerating; @lev; @leviathan2023fast\]/);
      const end = markdown.lineAt(markdown.lineCount - 1).range.end;
      editor.selections = [new vscode.Selection(end, end)];
      await vscode.commands.executeCommand(Commands.insertCitation, paper.id);
      assert.ok(markdown.getText().endsWith('[@leviathan2023fast]'));
      await vscode.commands.executeCommand('undo');
      await vscode.commands.executeCommand('undo');
    });
  });
});
