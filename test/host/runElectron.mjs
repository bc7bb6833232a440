// `npm run test:integration:electron`: the same integration suite on desktop VS Code through
// @vscode/test-electron. It downloads VS Code unless VSCODE_EXECUTABLE points at an installed one;
// machines without that network use the offline host instead (`npm run test:integration`).
import path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { ROOT } from './codeServer.mjs';

const folder = path.join(ROOT, 'test', 'fixtures', 'workspace');
try {
  await runTests({
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: path.join(ROOT, 'out', 'test', 'integration', 'index.js'),
    launchArgs: [folder, '--disable-extensions', '--disable-workspace-trust'],
    ...(process.env.VSCODE_EXECUTABLE && { vscodeExecutablePath: process.env.VSCODE_EXECUTABLE }),
  });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  if (!process.env.VSCODE_EXECUTABLE) {
    console.error(
      'Could not download or start desktop VS Code. Set VSCODE_EXECUTABLE to an installed VS Code, or run the offline host: npm run test:integration',
    );
  }
  process.exit(1);
}
