// `npm start`: Paper Explorer in a browser-based VS Code on http://127.0.0.1:8080 (PORT to change it), for
// anyone without desktop VS Code. The built extension is installed into a fresh extensions folder of an
// offline code-server, which opens a scratch folder seeded with a sample bibliography and a LaTeX draft that
// cites it; Ctrl-C stops everything and removes both.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT, startCodeServer } from './codeServer.mjs';

const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const port = Number(process.env.PORT ?? 8080);
// Outside the repository: a folder inside it makes VS Code offer to open the repository around it.
const folder = mkdtempSync(path.join(tmpdir(), 'papers-start-'));
cpSync(path.join(ROOT, 'test', 'fixtures', 'sample'), folder, { recursive: true });
mkdirSync(path.join(folder, '.vscode'));
writeFileSync(
  path.join(folder, '.vscode', 'settings.json'),
  JSON.stringify({ 'papers.corpus.paths': ['references.bib'] }, null, 2),
);
const extensionsDir = mkdtempSync(path.join(tmpdir(), 'papers-extensions-'));

// What `vsce package` ships, copied as an installed extension would be laid out.
const installed = path.join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`);
for (const part of ['package.json', 'README.md', 'LICENSE', 'dist', 'media']) {
  cpSync(path.join(ROOT, part), path.join(installed, part), { recursive: true });
}

const server = await startCodeServer({ folder, port, extensionsDir });
console.log(`\nPaper Explorer is running in VS Code at ${server.url}/?folder=${encodeURIComponent(folder)}`);
console.log(
  'Open it in a browser; the Papers icon is in the activity bar, Papers: Search… in the command palette (F1).',
);
console.log('Press Ctrl-C to stop.');

let stopping = false;
async function stop() {
  if (stopping) {
    return;
  }
  stopping = true;
  await server.stop();
  rmSync(extensionsDir, { recursive: true, force: true });
  rmSync(folder, { recursive: true, force: true });
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
