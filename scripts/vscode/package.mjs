#!/usr/bin/env node
// `npm run package`: a production build of the extension packed into form345-<version>.vsix with
// @vscode/vsce. vsce needs Node >= 22, so it runs with the provisioned Node 24 from .vscode-test/.
// Prints the path of the .vsix as its last line.
// Options: --out FILE, --no-build.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { NODE24, NODE24_BIN, ROOT, VSCE_BIN, capture, die, log, run } from './lib.mjs';
import { ensureProvisioned } from './prepare.mjs';

const TAG = 'package';

/** Builds and packs; returns the absolute path of the .vsix. Used by the UI run and the main job too. */
export async function packageExtension({ out, build = true } = {}) {
  await ensureProvisioned(TAG);
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const vsix = resolve(out ?? join(ROOT, `${pkg.name}-${pkg.version}.vsix`));
  if (build) {
    log(TAG, 'production build (node esbuild.mjs --production)');
    if ((await run(process.execPath, ['esbuild.mjs', '--production'], { cwd: ROOT })) !== 0) die(TAG, 'node esbuild.mjs --production failed');
  }
  for (const f of ['dist/client.js', 'dist/server.js', 'dist/filing-worker.js']) if (!existsSync(join(ROOT, f))) die(TAG, `${f} missing after the build`);
  log(TAG, `vsce package → ${vsix}`);
  // --no-dependencies: esbuild bundles them. The remaining flags keep vsce from stopping at an
  // interactive question about fields a private, unpublished extension does not need.
  const r = await capture(
    NODE24,
    [VSCE_BIN, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--no-update-package-json', '--out', vsix],
    { cwd: ROOT, env: { ...process.env, PATH: `${NODE24_BIN}:${process.env.PATH}` }, echo: true },
  );
  if (r.code !== 0 || !existsSync(vsix)) die(TAG, `vsce package failed (exit ${r.code}): ${r.out.trim().split('\n').filter(Boolean).pop() ?? ''}`);
  log(TAG, `${vsix} (${(statSync(vsix).size / 1024).toFixed(0)} KiB)`);
  return vsix;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const argv = process.argv.slice(2);
  const i = argv.indexOf('--out');
  const vsix = await packageExtension({ out: i >= 0 ? argv[i + 1] : undefined, build: !argv.includes('--no-build') });
  console.log(vsix);
}
