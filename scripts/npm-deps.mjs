// Whether `npm ci` is needed: shared by `npm test` (scripts/test-all.mjs) and `npm run main`.
// Plain Node ESM: it runs before anything is installed.
import { existsSync, lstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Why node_modules does not hold what package-lock.json pins, or undefined when it does. Compared
 * by content (npm's record of what it installed, node_modules/.package-lock.json), not by file
 * times: a fresh checkout or a `git checkout` touches the lockfile without changing it.
 * Optional packages (another platform's binaries) may be absent.
 */
export function npmInstallNeeded(root) {
  const installedFile = join(root, 'node_modules', '.package-lock.json');
  if (!existsSync(installedFile)) return 'node_modules is missing or was not installed by npm';
  let lock;
  let installed;
  try {
    lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')).packages ?? {};
    installed = JSON.parse(readFileSync(installedFile, 'utf8')).packages ?? {};
  } catch (e) {
    return `cannot read the lockfiles (${String(e.message).split('\n')[0]})`;
  }
  for (const [key, want] of Object.entries(lock)) {
    if (!key.startsWith('node_modules/')) continue;
    const got = installed[key];
    if (!got) {
      if (want.optional) continue;
      return `${key.slice('node_modules/'.length)} is not installed`;
    }
    if (got.version !== want.version) return `${key.slice('node_modules/'.length)} is ${got.version}, the lockfile pins ${want.version}`;
  }
  for (const key of Object.keys(installed)) {
    if (key.startsWith('node_modules/') && !(key in lock)) return `${key.slice('node_modules/'.length)} is installed but not in the lockfile`;
  }
  return undefined;
}

/** node_modules as a link to another checkout's: `npm ci` here would empty that one. */
export function nodeModulesIsLink(root) {
  try {
    return lstatSync(join(root, 'node_modules')).isSymbolicLink();
  } catch {
    return false;
  }
}
