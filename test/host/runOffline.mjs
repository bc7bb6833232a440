// `npm run test:integration`: runs the mocha suite in out/test/integration inside a real VS Code extension
// host (code-server + headless Chromium), offline. Exits with the suite's result; leaves nothing running.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { format as formatLog, parseArgs } from 'node:util';
import { launchBrowser, ROOT, startCodeServer, workbenchUrl } from './codeServer.mjs';

const { values } = parseArgs({
  options: {
    extension: { type: 'string', default: ROOT },
    tests: { type: 'string', default: path.join(ROOT, 'out', 'test', 'integration', 'index.js') },
    folder: { type: 'string', default: path.join(ROOT, 'test', 'fixtures', 'workspace') },
  },
});
const timeoutMs = Number(process.env.PAPERS_TEST_TIMEOUT_MS ?? 10 * 60_000);
const resultsDir = path.join(ROOT, 'test-results');

let server;
let browser;
async function cleanUp() {
  await browser?.close().catch(() => {});
  await server?.stop().catch(() => {});
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => cleanUp().finally(() => process.exit(130)));
}

/** The extension host's console arrives as (type, args), args as console.log got them: a format string first. */
function format(args) {
  return formatLog(...(Array.isArray(args) ? args : [args]));
}

let exitCode = 1;
try {
  mkdirSync(values.folder, { recursive: true });
  server = await startCodeServer({ folder: values.folder });
  ({ browser } = await launchBrowser());
  const page = await browser.newPage();
  const finished = new Promise((resolve) => {
    page.exposeFunction('codeAutomationExit', (code) => resolve(Number(code)));
  });
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const line = format(args);
    (type === 'error' ? console.error : console.log)(line);
  });
  const url = workbenchUrl(server, {
    folder: values.folder,
    extensionDevelopmentPath: path.resolve(values.extension),
    extensionTestsPath: path.resolve(values.tests),
  });
  console.log(`Running ${path.relative(ROOT, values.tests)} in VS Code (code-server) at ${server.url}`);
  await page.goto(url);
  const timedOut = new Promise((resolve) => setTimeout(resolve, timeoutMs, 'timeout')).then(() => 'timeout');
  const result = await Promise.race([finished, timedOut]);
  if (result === 'timeout') {
    console.error(`The suite did not finish within ${timeoutMs / 1000} s.`);
  } else {
    exitCode = result;
  }
  if (exitCode !== 0) {
    mkdirSync(resultsDir, { recursive: true });
    await page.screenshot({ path: path.join(resultsDir, 'integration-failure.png') }).catch(() => {});
  }
} catch (error) {
  console.error(error);
} finally {
  await cleanUp();
}
process.exit(exitCode);
