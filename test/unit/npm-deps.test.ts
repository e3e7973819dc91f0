/**
 * When `npm test` and `npm run main` run `npm ci` (scripts/npm-deps.mjs): by what the lockfile pins
 * against what npm recorded it installed, never by file times.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

type Deps = typeof import('../../scripts/npm-deps.mjs', { with: { 'resolution-mode': 'import' } });
let D: Deps;
const base = mkdtempSync(path.join(os.tmpdir(), 'form345-npm-deps-'));
before(async () => {
  D = await import('../../scripts/npm-deps.mjs');
});
after(() => rmSync(base, { recursive: true, force: true }));

let n = 0;
function checkout(lock: Record<string, object>, installed: Record<string, object> | undefined): string {
  const dir = path.join(base, `c${n++}`);
  mkdirSync(dir);
  writeFileSync(path.join(dir, 'package-lock.json'), JSON.stringify({ lockfileVersion: 3, packages: { '': { name: 'x' }, ...lock } }));
  if (installed) {
    mkdirSync(path.join(dir, 'node_modules'));
    writeFileSync(path.join(dir, 'node_modules', '.package-lock.json'), JSON.stringify({ lockfileVersion: 3, packages: installed }));
  }
  return dir;
}

const A = { 'node_modules/a': { version: '1.0.0' } };

test('installed as pinned: nothing to do, even when the lockfile is newer than the install', () => {
  const dir = checkout(A, A);
  const future = new Date(Date.now() + 3600_000);
  utimesSync(path.join(dir, 'package-lock.json'), future, future);
  assert.equal(D.npmInstallNeeded(dir), undefined);
  assert.equal(D.nodeModulesIsLink(dir), false);
});

test('missing, another version, an extra package: each says why; an optional package may be absent', () => {
  assert.match(D.npmInstallNeeded(checkout(A, undefined))!, /node_modules is missing/);
  assert.match(D.npmInstallNeeded(checkout(A, { 'node_modules/a': { version: '0.9.0' } }))!, /a is 0\.9\.0, the lockfile pins 1\.0\.0/);
  assert.match(D.npmInstallNeeded(checkout({ ...A, 'node_modules/b': { version: '2.0.0' } }, A))!, /b is not installed/);
  assert.match(D.npmInstallNeeded(checkout(A, { ...A, 'node_modules/c': { version: '1.0.0' } }))!, /c is installed but not in the lockfile/);
  assert.equal(D.npmInstallNeeded(checkout({ ...A, 'node_modules/@esbuild/darwin-arm64': { version: '0.1.0', optional: true } }, A)), undefined);
});

test('a node_modules that links to another checkout is recognised (npm ci must not run there)', () => {
  const owner = checkout(A, A);
  const dir = checkout(A, undefined);
  symlinkSync(path.join(owner, 'node_modules'), path.join(dir, 'node_modules'));
  assert.equal(D.nodeModulesIsLink(dir), true);
  assert.equal(D.npmInstallNeeded(dir), undefined);
});
