// The offline VS Code host: code-server (VS Code 1.99's server and web workbench, from the npm registry)
// driven by Debian's Chromium through playwright-core. Extensions run in the same Node extension host as in
// desktop VS Code, so the mocha suite that @vscode/test-electron runs also runs here, with no download.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** 4.99.4 is VS Code 1.99.3 and the last release that runs on Node 20. */
const CODE_SERVER_VERSION = '4.99.4';
const CACHE = path.join(ROOT, '.vscode-test', `code-server-${CODE_SERVER_VERSION}`);
const PACKAGE = path.join(CACHE, 'node_modules', 'code-server');
const ENTRY = path.join(PACKAGE, 'out', 'node', 'entry.js');
const READY_MARKER = path.join(CACHE, '.installed');

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Settings that keep the workbench quiet: no welcome page, trust prompt, tips or update checks. */
const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'extensions.ignoreRecommendations': true,
  'extensions.autoCheckUpdates': false,
  'update.mode': 'none',
  'window.commandCenter': false,
};

function run(command, args, cwd, env = {}) {
  const result = spawnSync(command, args, {
    cwd,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, ...env },
  });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd} (exit ${result.status})`);
  }
}

/**
 * Installs code-server into `.vscode-test/` once and returns its entry script. A plain
 * `npm install code-server` runs install scripts that download ripgrep from GitHub, which this network
 * cannot reach, so scripts are skipped and the native modules are rebuilt by hand.
 */
export function ensureCodeServer() {
  if (existsSync(READY_MARKER)) {
    return ENTRY;
  }
  const started = Date.now();
  console.log(
    `Installing code-server ${CODE_SERVER_VERSION} into ${path.relative(ROOT, CACHE)} (once; about two minutes)…`,
  );
  rmSync(CACHE, { recursive: true, force: true });
  mkdirSync(CACHE, { recursive: true });
  writeFileSync(path.join(CACHE, 'package.json'), JSON.stringify({ name: 'code-server-host', private: true }));
  const npmFlags = ['--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'];
  run('npm', ['install', `code-server@${CODE_SERVER_VERSION}`, ...npmFlags], CACHE);
  run('npm', ['rebuild', 'argon2', '--loglevel=error'], CACHE);
  const vscode = path.join(PACKAGE, 'lib', 'vscode');
  run('npm', ['install', '--omit=dev', ...npmFlags], vscode);
  // node-pty's build script calls `npx node-gyp`, which asks before installing unless told yes.
  run(
    'npm',
    [
      'rebuild',
      '@parcel/watcher',
      '@vscode/spdlog',
      'native-watchdog',
      'node-pty',
      '@vscode/deviceid',
      '--loglevel=error',
    ],
    vscode,
    {
      npm_config_yes: 'true',
    },
  );
  symlinkSync('node_modules', path.join(vscode, 'node_modules.asar'));
  if (existsSync('/usr/bin/rg')) {
    const rg = path.join(vscode, 'node_modules', '@vscode', 'ripgrep', 'bin');
    mkdirSync(rg, { recursive: true });
    rmSync(path.join(rg, 'rg'), { force: true });
    symlinkSync('/usr/bin/rg', path.join(rg, 'rg'));
  }
  run('npm', ['install', '--omit=dev', ...npmFlags], path.join(vscode, 'extensions'));
  writeFileSync(READY_MARKER, new Date().toISOString());
  console.log(`code-server installed in ${Math.round((Date.now() - started) / 1000)} s.`);
  return ENTRY;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts code-server on 127.0.0.1 with fresh user-data and extensions folders (unless given) and
 * resolves once it listens. `stop()` ends its whole process group.
 */
export async function startCodeServer({
  folder,
  port,
  userDataDir,
  extensionsDir,
  settings = {},
  log = () => {},
} = {}) {
  const entry = ensureCodeServer();
  const scratch = mkdtempSync(path.join(tmpdir(), 'papers-code-server-'));
  const userData = userDataDir ?? path.join(scratch, 'user-data');
  const extensions = extensionsDir ?? path.join(scratch, 'extensions');
  mkdirSync(path.join(userData, 'User'), { recursive: true });
  mkdirSync(extensions, { recursive: true });
  writeFileSync(
    path.join(userData, 'User', 'settings.json'),
    JSON.stringify({ ...QUIET_SETTINGS, ...settings }, null, 2),
  );
  const listenPort = port ?? (await freePort());
  const args = [
    entry,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${listenPort}`,
    '--user-data-dir',
    userData,
    '--extensions-dir',
    extensions,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
  ];
  if (folder) {
    args.push(folder);
  }
  const child = spawn(process.execPath, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`code-server did not start within 60 s:\n${output}`)), 60_000);
    const onData = (chunk) => {
      const text = chunk.toString();
      output += text;
      log(text);
      if (output.includes('HTTP server listening')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited (${code}) before listening:\n${output}`));
    });
  });
  return {
    url: `http://127.0.0.1:${listenPort}`,
    port: listenPort,
    userDataDir: userData,
    extensionsDir: extensions,
    async stop() {
      if (child.exitCode === null) {
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          // Already gone.
        }
        const timeout = new Promise((resolve) => setTimeout(resolve, 5000, 'timeout'));
        if ((await Promise.race([exited, timeout])) === 'timeout') {
          try {
            process.kill(-child.pid, 'SIGKILL');
          } catch {
            // Already gone.
          }
        }
      }
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}

/** Debian's Chromium, headless, with the flags that keep it off the (closed) network. */
export async function launchBrowser({ viewport = { width: 1400, height: 900 }, colorScheme } = {}) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  const context = await browser.newContext({ viewport, ...(colorScheme && { colorScheme }) });
  return { browser, context };
}

/** The workbench URL that opens `folder` and loads the extension under development (and, optionally, a test suite). */
export function workbenchUrl(server, { folder, extensionDevelopmentPath, extensionTestsPath }) {
  const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
  const payload = [['skipWelcome', 'true']];
  if (extensionDevelopmentPath) {
    payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  }
  if (extensionTestsPath) {
    payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  }
  const query = new URLSearchParams({ payload: JSON.stringify(payload) });
  if (folder) {
    query.set('folder', folder);
  }
  return `${server.url}/?${query}`;
}
