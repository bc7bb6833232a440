// Bundles the extension, its workers, its command line and the abstract page's script.
// `--production` minifies (`vscode:prepublish`, run by `vsce package`); `--watch` rebuilds on change;
// `--bench` adds the benchmark (`npm run bench`), which is never part of the extension's build.
const esbuild = require('esbuild');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const bench = process.argv.includes('--bench');

/** Prints build results in the format of the `$esbuild-watch` problem matcher that `.vscode/tasks.json` uses. */
const problemMatcher = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => {
      if (watch) {
        console.log('[watch] build started');
      }
    });
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) {
          console.error(`    ${location.file}:${location.line}:${location.column}:`);
        }
      }
      if (watch) {
        console.log('[watch] build finished');
      }
    });
  },
};

const common = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'silent',
  plugins: [problemMatcher],
  // citation-js imports these at load to fetch inputs given as URLs, which the readers never give it.
  alias: { 'node-fetch': './build/noFetch.js', 'sync-fetch': './build/noFetch.js' },
};

const builds = [
  {
    ...common,
    entryPoints: {
      extension: 'src/extension.ts',
      indexWorker: 'src/core/search/engine/indexWorker.ts',
      readWorker: 'src/core/formats/readWorker.ts',
      cli: 'src/cli.ts',
      ...(bench && { bench: 'bench/bench.ts' }),
    },
    outdir: 'dist',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
  },
  {
    ...common,
    entryPoints: { webview: 'src/page/main.ts' },
    outdir: 'dist',
    platform: 'browser',
    format: 'iife',
    target: 'chrome120',
  },
];

async function main() {
  const contexts = await Promise.all(builds.map((options) => esbuild.context(options)));
  if (watch) {
    await Promise.all(contexts.map((ctx) => ctx.watch()));
    return;
  }
  try {
    const results = await Promise.all(contexts.map((ctx) => ctx.rebuild()));
    if (results.some((r) => r.errors.length > 0)) {
      process.exitCode = 1;
    }
  } finally {
    await Promise.all(contexts.map((ctx) => ctx.dispose()));
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
