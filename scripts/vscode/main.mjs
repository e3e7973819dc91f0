#!/usr/bin/env node
// `npm run main`: the README's main job. Sets up what is missing (Debian packages through
// scripts/setup.sh, npm ci, Node 24 + code-server in .vscode-test/), builds and packages the extension, installs it into code-server and opens fixtures/
// together with copies of the seeds in a real VS Code on 127.0.0.1. Prints the URL and keeps serving
// until Ctrl+C.
//
// --smoke: start, load the workbench in headless chromium, open a seed, check the extension recognized
// it (language mode in the status bar), print OK and exit. For testing the main job itself.
// --port N: fixed port (default: a free one). --vsix FILE: install that package instead of building one.
import { writeFileSync, mkdirSync, cpSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM, CHROMIUM_ARGS, ROOT, SEEDS, die, freePort, isolatedEnv, killGroup, log, makeRunDir, pruneRuns, run, useRunTmp } from './lib.mjs';
import { installVsix, startCodeServer } from './code-server.mjs';
import { packageExtension } from './package.mjs';
import { ensureProvisioned } from './prepare.mjs';
import { nodeModulesIsLink, npmInstallNeeded } from '../npm-deps.mjs';

const TAG = 'main';
const argv = process.argv.slice(2);
const smoke = argv.includes('--smoke');
const portArg = argv.includes('--port') ? Number(argv[argv.indexOf('--port') + 1]) : undefined;
const started = Date.now();

// 1. System packages (chromium, libkrb5-dev, ...): scripts/setup.sh installs what is missing, or
// stops with one line saying what to run; the same list as npm test, so one set-up serves both.
if (process.env.FORM345_SKIP_SETUP !== '1') {
  // Its own line says what is missing and what to run: nothing to add to it.
  const code = await run('bash', [join(ROOT, 'scripts', 'setup.sh')], { cwd: ROOT });
  if (code !== 0) process.exit(code);
}

// 2. npm dependencies, when node_modules does not hold what the lockfile pins (as npm test decides).
const why = npmInstallNeeded(ROOT);
if (why) {
  if (nodeModulesIsLink(ROOT)) die(TAG, `node_modules is a link and ${why}; npm ci here would empty the linked one: run npm ci in a checkout of its own`);
  log(TAG, `installing npm dependencies (npm ci): ${why}`);
  if ((await run('npm', ['ci', '--no-audit', '--no-fund'], { cwd: ROOT })) !== 0) die(TAG, 'npm ci failed');
}

await ensureProvisioned(TAG);

// 3. The workspace: the repo's fixtures/ as they are (edits land in the repo) and the seeds as copies
// (the originals in ../shared are read-only reference texts).
pruneRuns();
const runDir = makeRunDir('main');
useRunTmp(runDir);
const seedsCopy = join(runDir, 'seeds');
mkdirSync(seedsCopy, { recursive: true });
for (const n of readdirSync(SEEDS)) if (n.endsWith('.txt')) cpSync(join(SEEDS, n), join(seedsCopy, n));
const workspaceFile = join(runDir, 'form345.code-workspace');
writeFileSync(
  workspaceFile,
  JSON.stringify({ folders: [{ path: join(ROOT, 'fixtures'), name: 'fixtures' }, { path: seedsCopy, name: 'seeds (copies)' }] }, null, 2),
);

// 4. Real VS Code (provisioned on first run) and the packaged extension, installed into it.
const vsixArg = argv.includes('--vsix') ? argv[argv.indexOf('--vsix') + 1] : undefined;
const vsix = vsixArg ?? (await packageExtension({ out: join(runDir, 'form345.vsix') }));

await installVsix(TAG, runDir, vsix);
const port = portArg ?? (await freePort());
let server;
try {
  server = await startCodeServer(TAG, { runDir, port, workspace: workspaceFile });
} catch (e) {
  die(TAG, String(e?.message ?? e).split('\n')[0]);
}
const url = `http://127.0.0.1:${port}/?workspace=${encodeURIComponent(workspaceFile)}`;
const stop = () => killGroup(server);
process.on('exit', stop);

if (!smoke) {
  log(TAG, `ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`\n  form345 in VS Code: ${url}\n  (fixtures/ and copies of the seeds are open; Ctrl+C stops the server)\n`);
  for (const sig of ['SIGINT', 'SIGTERM']) {
    process.on(sig, () => {
      log(TAG, 'stopping code-server');
      stop();
      process.exit(0);
    });
  }
  server.on('exit', (code) => die(TAG, `code-server exited (${code}); log: ${join(runDir, 'code-server.log')}`));
} else {
  let browser;
  try {
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, env: isolatedEnv(runDir), timeout: 60_000 });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(url, { timeout: 60_000 });
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('.explorer-folders-view .monaco-list-row').filter({ hasText: 'fixtures' }).first().waitFor({ timeout: 60_000 });
    const seed = readdirSync(seedsCopy).sort()[0];
    await page.keyboard.press('Control+P');
    // Typing before the quick input has focus would type into the workbench instead.
    await page.locator('.quick-input-widget input:focus').waitFor({ timeout: 10_000 });
    await page.locator('.quick-input-widget input').fill(seed);
    await page.locator('.quick-input-list .monaco-list-row.focused').filter({ hasText: seed }).first().waitFor({ timeout: 20_000 });
    await page.keyboard.press('Enter');
    // The extension is active when it has switched the .txt seed to its language.
    const mode = page.locator('[id="status.editor.mode"]');
    const deadline = Date.now() + 30_000;
    let text = '';
    while (Date.now() < deadline && !/form ?345/i.test(text)) {
      text = await mode.innerText({ timeout: 2000 }).catch(() => '');
      if (!/form ?345/i.test(text)) await page.waitForTimeout(200);
    }
    mkdirSync(join(ROOT, 'test-results'), { recursive: true });
    await page.screenshot({ path: join(ROOT, 'test-results', 'main-smoke.png') });
    if (!/form ?345/i.test(text)) throw new Error(`${seed} opened as '${text.trim()}', not as a Form 345 filing: the extension is not active`);
    console.log(`OK: ${url} serves the workbench with form345 active (${seed} → ${text.trim()}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (e) {
    await browser?.close().catch(() => {});
    stop();
    die(TAG, `smoke check failed: ${String(e?.message ?? e).split('\n')[0]} (screenshot test-results/main-smoke.png, log ${join(runDir, 'code-server.log')})`);
  }
  await browser.close();
  stop();
  process.exit(0);
}
