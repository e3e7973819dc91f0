// What every real-VS-Code run needs before a server starts: provisioned tools, a fresh build of the
// extension, the extension-host suite compiled, and the server's machine settings.
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { QUIET_SETTINGS, ROOT, die, log, provisioned, run } from './lib.mjs';

/**
 * Where a run's compiled suite goes: under the repo (not $FORM345_VSCODE_CACHE) so `require('mocha')`
 * resolves to ours, and per run so two runs at once never overwrite each other's bundles.
 */
export function suiteOut(runDir) {
  return join(ROOT, '.vscode-test', 'out', basename(runDir));
}

export async function ensureProvisioned(tag) {
  // Always run it: when cached it takes ~0.3 s and re-checks chromium and Node 24 are still there.
  const code = await run(process.execPath, [join(ROOT, 'scripts', 'vscode', 'provision.mjs')]);
  if (code !== 0 || !provisioned()) die(tag, 'provisioning the real VS Code failed (see above)');
}

export async function buildExtension(tag) {
  log(tag, 'building the extension (node esbuild.mjs)');
  const code = await run(process.execPath, ['esbuild.mjs'], { cwd: ROOT });
  if (code !== 0) die(tag, 'node esbuild.mjs failed');
  for (const f of ['dist/client.js', 'dist/server.js']) {
    if (!existsSync(join(ROOT, f))) die(tag, `${f} was not built (is ${f === 'dist/client.js' ? 'client/src/extension.ts' : 'server/src/server.ts'} there yet?)`);
  }
}

/** Compiles test/vscode into `out` (see suiteOut); returns the path of the compiled index. */
export async function compileSuite(tag, out) {
  const src = join(ROOT, 'test', 'vscode');
  const suiteDir = join(src, 'suite');
  if (!existsSync(join(src, 'index.ts'))) die(tag, `test/vscode/index.ts missing`);
  const tests = existsSync(suiteDir) ? readdirSync(suiteDir).filter((f) => f.endsWith('.test.ts')) : [];
  if (tests.length === 0) die(tag, `no test/vscode/suite/*.test.ts`);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const esbuild = await import('esbuild');
  // One bundle per test file keeps mocha's file-per-suite reporting; vscode comes from the host,
  // mocha from the repo's node_modules (it loads its reporters dynamically, so it must not be bundled).
  await esbuild.build({
    entryPoints: [join(src, 'index.ts'), ...tests.map((t) => join(suiteDir, t))],
    outbase: src,
    outdir: out,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  log(tag, `compiled ${tests.length} test file(s) into ${out}`);
  return join(out, 'index.js');
}

/** VS Code server reads machine settings from the server data dir; the web UI's own user settings live in the browser. */
export function writeServerSettings(runDir, extra = {}) {
  const machine = join(runDir, 'server', 'data', 'Machine');
  mkdirSync(machine, { recursive: true });
  writeFileSync(join(machine, 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...extra }, null, 2));
}
