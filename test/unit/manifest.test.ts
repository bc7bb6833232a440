import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Commands, ContextKeyNames, Settings, Views, WebviewTypes } from '../../src/host/ids';
import { ROOT } from './helpers';

const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

/** The files `vsce package` puts in the .vsix (as listed by vsce itself, from .vscodeignore). */
async function packagedFiles(): Promise<string[]> {
  const { listFiles, PackageManager } = await import('@vscode/vsce');
  return listFiles({ cwd: ROOT, packageManager: PackageManager.None });
}

describe('package.json', () => {
  it('declares exactly the commands the extension registers, each in the Papers category', () => {
    const declared = manifest.contributes.commands.map((c: { command: string }) => c.command).sort();
    assert.deepEqual(declared, Object.values(Commands).sort());
    for (const command of manifest.contributes.commands) {
      assert.equal(command.category, 'Papers', command.command);
    }
  });

  it('declares the view container, the views and the webview activation', () => {
    assert.equal(manifest.contributes.viewsContainers.activitybar[0].id, Views.container);
    const views = Object.values(manifest.contributes.views).flat() as { id: string }[];
    assert.deepEqual(
      views.map((v) => v.id).sort(),
      Object.values(Views)
        .filter((v) => v !== Views.container)
        .sort(),
    );
    assert.ok(manifest.activationEvents.includes(`onWebviewPanel:${WebviewTypes.abstract}`));
  });

  it('reads in its when clauses only the context keys the extension sets, and its own view and webview ids', () => {
    const menus = Object.values(manifest.contributes.menus).flat() as { when?: string }[];
    const clauses = [...menus, ...manifest.contributes.viewsWelcome].flatMap((m: { when?: string }) => m.when ?? []);
    const named = new Set(clauses.flatMap((when) => when.match(/\bpapers\.[\w.]+/g) ?? []));
    const known = new Set<string>([
      ...Object.values(ContextKeyNames),
      ...Object.values(Views),
      ...Object.values(WebviewTypes),
    ]);
    assert.deepEqual(
      [...named].filter((key) => !known.has(key)),
      [],
    );
    assert.deepEqual(
      Object.values(ContextKeyNames).filter((key) => !named.has(key)),
      [],
      'every context key is read somewhere',
    );
  });

  it('declares every setting under papers.*', () => {
    const keys = Object.keys(manifest.contributes.configuration.properties);
    const known = Object.entries(Settings)
      .filter(([k]) => k !== 'section')
      .map(([, v]) => `${Settings.section}.${v}`);
    assert.deepEqual(keys.sort(), known.sort());
  });

  it('packages the bundled corpus, the scripts the extension runs and nothing of the sources, tests or benchmark', async function () {
    this.timeout(60_000);
    const files = await packagedFiles();
    const corpus = readdirSync(path.join(ROOT, 'media', 'corpus')).map((f) => `media/corpus/${f}`);
    assert.equal(corpus.length, 6);
    for (const file of corpus) {
      assert.ok(files.includes(file), file);
    }
    const unwanted = files.filter((f) =>
      /^(src|test|bench|docs|out|node_modules|\.vscode|\.ci)\/|\.ts$|\.map$/.test(f),
    );
    assert.deepEqual(unwanted, []);
    assert.deepEqual(files.filter((f) => f.startsWith('dist/')).sort(), [
      'dist/cli.js',
      'dist/extension.js',
      'dist/indexWorker.js',
      'dist/readWorker.js',
      'dist/webview.js',
    ]);
  });

  it('packages every image the README shows, so that the extension page shows them too', async function () {
    this.timeout(60_000);
    const files = await packagedFiles();
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]);
    assert.ok(images.length > 0);
    for (const image of images) {
      assert.ok(/^https:\/\//.test(image) || files.includes(image), `${image} is in the .vsix`);
    }
  });
});
