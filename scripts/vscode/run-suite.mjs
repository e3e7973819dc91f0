#!/usr/bin/env node
// `npm run test:vscode`: the extension-host mocha suite (test/vscode) inside a real VS Code.
//
// Here: the VS Code server bundled with code-server (Node 24) hosts the extension and the suite, and
// headless Debian Chromium runs the web workbench that drives it. The workbench reports mocha's result
// through window.codeAutomationExit, which becomes our exit code.
// Where VS Code desktop can be downloaded, the @vscode/test-electron variant (run-electron.mjs) runs too.
//
// Options: --extension DIR / --tests FILE (run another extension's suite, e.g. a throwaway one while the
// real client is not there), --no-build, --grep PATTERN, --timeout SECONDS (hard limit, default 480),
// --no-electron.
import { lookup } from 'node:dns/promises';
import { mkdirSync } from 'node:fs';
import { format } from 'node:util';
import { join, resolve } from 'node:path';
import {
  CHROMIUM,
  CHROMIUM_ARGS,
  NODE24,
  ROOT,
  VSCODE_SERVER_MAIN,
  die,
  freePort,
  isolatedEnv,
  runResources,
  log,
  makeRunDir,
  makeWorkspace,
  pruneRuns,
  run,
  startDetached,
  useRunTmp,
  waitForHttp,
} from './lib.mjs';
import { suiteOut, buildExtension, compileSuite, ensureProvisioned, writeServerSettings } from './prepare.mjs';

const TAG = 'test:vscode';
const argv = process.argv.slice(2);
const opt = (name) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const extensionPath = resolve(opt('--extension') ?? ROOT);
const customTests = opt('--tests');
const grep = opt('--grep') ?? process.env.FORM345_TEST_GREP ?? '';
const hardTimeoutMs = Number(opt('--timeout') ?? 480) * 1000;
const GALLERY_NOISE = /authentication provider 'github'|open-vsx\.org|marketplace\.visualstudio\.com|ENOTFOUND|Failed to fetch|gallery/i;
// Workbench start-up lines that say nothing about the extension under test.
const WORKBENCH_CHATTER = /^(Creating a socket|Resolving connection token|Resolved connection token|\[reconnection-grace-time\]|\[AccountPolicyGate\]|\[AgentHost|\[Service Worker\]|Updating additional builtin extensions cache)/;
const ARTIFACTS = join(ROOT, 'test-results', 'vscode');

const started = Date.now();

// The desktop variant runs only where its download host resolves; say so in one line when it does not.
const ELECTRON_HOST = 'update.code.visualstudio.com';
let electronReachable = false;
if (!argv.includes('--no-electron') && !customTests) {
  const answer = await Promise.race([
    lookup(ELECTRON_HOST).then(() => true, (e) => e.code ?? 'error'),
    new Promise((r) => setTimeout(() => r('no DNS answer within 3 s'), 3000).unref()),
  ]);
  electronReachable = answer === true;
  if (!electronReachable) console.log(`[${TAG}] electron variant skipped: download host ${ELECTRON_HOST} is unreachable (${answer}); running in code-server's VS Code server`);
}

await ensureProvisioned(TAG);
pruneRuns();
const runDir = makeRunDir('suite');
useRunTmp(runDir);
if (!customTests && !argv.includes('--no-build')) await buildExtension(TAG);
const testsPath = resolve(customTests ?? (await compileSuite(TAG, suiteOut(runDir))));
const workspace = makeWorkspace(join(runDir, 'workspace'));
writeServerSettings(runDir);
mkdirSync(ARTIFACTS, { recursive: true });

const port = await freePort();
const env = isolatedEnv(runDir, { FORM345_TEST_GREP: grep, FORM345_TEST_RUN_DIR: runDir });
log(TAG, `run dir ${runDir}`);
log(TAG, `starting VS Code server on 127.0.0.1:${port}`);
const server = startDetached(
  NODE24,
  [
    VSCODE_SERVER_MAIN,
    '--host', '127.0.0.1',
    '--port', String(port),
    '--without-connection-token',
    '--accept-server-license-terms',
    '--disable-telemetry',
    '--disable-workspace-trust',
    '--enable-smoke-test-driver',
    '--user-data-dir', join(runDir, 'user'),
    '--server-data-dir', join(runDir, 'server'),
    '--extensions-dir', join(runDir, 'ext'),
  ],
  { env, cwd: runDir, logFile: join(runDir, 'server.log') },
);

const resources = runResources();
resources.server = server;

let exitCode = 1;
try {
  await waitForHttp(`http://127.0.0.1:${port}/version`, 30_000, server);
  log(TAG, 'server listening; launching chromium');
  const { chromium } = await import('playwright-core');
  const browser = (resources.browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, env, timeout: 60_000 }));
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });

  let resolveExit;
  const exited = new Promise((r) => (resolveExit = r));
  // The workbench forwards the extension host's log (mocha's reporter writes through console.log).
  await page.exposeFunction('codeAutomationLog', (level, args) => {
    // Arguments arrive as console.log's (format string first: mocha's reporter uses '%s' and '%d').
    const text = Array.isArray(args) ? format(...args) : String(args);
    // Offline, the workbench keeps failing to reach the extension gallery: harmless, and it buries mocha.
    if (GALLERY_NOISE.test(text) || WORKBENCH_CHATTER.test(text)) return;
    if (level === 'error' || level === 'warn') process.stderr.write(`${text}\n`);
    else process.stdout.write(`${text}\n`);
  });
  await page.exposeFunction('codeAutomationExit', (code) => resolveExit(Number(code)));
  page.on('pageerror', (e) => log(TAG, `page error: ${e.message}`));

  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(extensionPath)],
    ['extensionTestsPath', remote(testsPath)],
  ];
  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  log(TAG, `opening the workbench (extension ${extensionPath})`);
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });

  const serverDied = new Promise((r) => server.on('exit', (c) => r({ serverExit: c })));
  const timedOut = new Promise((r) => setTimeout(() => r({ timeout: true }), hardTimeoutMs).unref());
  const outcome = await Promise.race([exited, serverDied, timedOut]);
  if (typeof outcome === 'number') {
    exitCode = outcome;
  } else {
    await page.screenshot({ path: join(ARTIFACTS, 'stuck.png') }).catch(() => {});
    if (outcome.timeout) log(TAG, `hard timeout after ${hardTimeoutMs / 1000} s; screenshot in test-results/vscode/stuck.png`);
    else log(TAG, `VS Code server exited (${outcome.serverExit}) before the suite finished:\n${server.recentOutput()}`);
    exitCode = 1;
  }
  if (exitCode !== 0) await page.screenshot({ path: join(ARTIFACTS, 'final.png') }).catch(() => {});
} catch (e) {
  log(TAG, `error: ${e?.stack ?? e}`);
  log(TAG, `server output (tail):\n${server.recentOutput().slice(-3000)}`);
  exitCode = 1;
} finally {
  await resources.cleanup();
}
const secs = ((Date.now() - started) / 1000).toFixed(1);
if (exitCode !== 0) {
  console.error(`[${TAG}] FAILED: extension-host suite exited ${exitCode} after ${secs} s (server log: ${join(runDir, 'server.log')})`);
  process.exit(exitCode);
}
log(TAG, `code-server variant passed in ${secs} s`);

if (electronReachable) {
  log(TAG, `${ELECTRON_HOST} resolves: running the @vscode/test-electron variant too`);
  const code = await run(process.execPath, [join(ROOT, 'scripts', 'vscode', 'run-electron.mjs'), '--no-build']);
  if (code !== 0) die(TAG, `@vscode/test-electron variant failed (exit ${code})`);
}
process.exit(0);
