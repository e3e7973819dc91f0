// Bundles the extension client, the language server and the CLI into dist/ (`--bench`: the benchmarks too).
// `node esbuild.mjs` builds once; `--watch` rebuilds on change; `--production` minifies.
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'info',
};

const entries = [
  { in: 'client/src/extension.ts', out: 'dist/client.js', external: ['vscode'] },
  { in: 'server/src/server.ts', out: 'dist/server.js' },
  { in: 'server/src/lsp/filingWorker.ts', out: 'dist/filing-worker.js' },
  { in: 'server/src/cli/main.ts', out: 'dist/cli.js' },
  { in: 'server/src/cli/worker.ts', out: 'dist/cli-worker.js' },
  // `--bench`: the benchmarks, bundled like the CLI and the server (outside dist/*.js, so not packaged).
  ...(process.argv.includes('--bench') ? [{ in: 'bench/run.ts', out: 'dist/bench/bench.js' }] : []),
].filter((e) => existsSync(e.in));

const contexts = await Promise.all(
  entries.map((e) =>
    esbuild.context({ ...common, entryPoints: [e.in], outfile: e.out, external: e.external ?? [] }),
  ),
);
if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}
