#!/usr/bin/env node
// `npm test`: sets up what is missing (Debian packages through scripts/setup.sh, npm packages),
// then runs every test layer in order and ends with one line per layer and a total.
//
// Nothing is skipped silently: a layer whose tool is missing fails, unless the user opted out
//   FORM345_SKIP_NEOVIM=1   the Neovim client test of the protocol layer
//   FORM345_SKIP_VSCODE=1   the extension-host layer
//   FORM345_SKIP_UI=1       the UI layer
//   FORM345_SKIP_SETUP=1    the system package check (scripts/setup.sh)
// and the summary lists every opt-out. A layer that leaves form345-* folders in the temp directory
// fails too: the layers run with a temp directory of their own, looked at after each.
// Plain Node ESM: it runs before `npm ci`.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeModulesIsLink, npmInstallNeeded } from './npm-deps.mjs';
import { countMocha, countNodeTest, countUiSteps, formatSummary, layerResult } from './test-summary.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const on = (name) => process.env[name] === '1';

/** Runs a command with its output passed through and kept; resolves {code, out, ms}. */
function run(cmd, args, env = process.env) {
  const t = Date.now();
  return new Promise((res) => {
    const p = spawn(cmd, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks = [];
    p.stdout.on('data', (d) => {
      chunks.push(d);
      process.stdout.write(d);
    });
    p.stderr.on('data', (d) => {
      chunks.push(d);
      process.stderr.write(d);
    });
    p.on('error', (e) => res({ code: 127, out: String(e.message), ms: Date.now() - t }));
    p.on('close', (code, sig) => res({ code: code ?? (sig ? 128 : 1), out: Buffer.concat(chunks).toString('utf8'), ms: Date.now() - t }));
  });
}

const steps = [];
const rows = [];
const optedOut = [];
const notes = [];

function finish() {
  process.stdout.write(formatSummary({ steps, rows, optedOut, notes }));
  const ok = steps.every((s) => s.ok) && rows.every((r) => r.ok || (r.notRun && r.optedOut));
  process.exit(ok ? 0 : 1);
}

async function step(name, title, cmd, args) {
  console.log(`== ${title}`);
  const r = await run(cmd, args);
  steps.push({ name, ok: r.code === 0, ms: r.ms, problem: r.code === 0 ? undefined : `exit ${r.code}` });
  return r.code === 0;
}

// 1. System packages. setup.sh prints nothing when all are there, and stops with one line saying
// what to run when it may not install them: that line is the last word then, no summary after it.
if (on('FORM345_SKIP_SETUP')) optedOut.push('system package check (FORM345_SKIP_SETUP=1)');
else {
  const r = await run('bash', [join(ROOT, 'scripts', 'setup.sh')]);
  if (r.code !== 0) process.exit(r.code);
  steps.push({ name: 'setup', ok: true, ms: r.ms });
}

// 2. npm packages, when node_modules does not hold what the lockfile pins.
const why = npmInstallNeeded(ROOT);
if (why) {
  if (nodeModulesIsLink(ROOT)) {
    console.error(`npm test: node_modules is a link and ${why}; npm ci here would empty the linked one: run npm ci in a checkout of its own`);
    process.exit(1);
  }
  console.log(`npm test: ${why}`);
  if (!(await step('npm ci', 'installing npm dependencies', 'npm', ['ci', '--no-audit', '--no-fund']))) finish();
}

await step('typecheck', 'typecheck', 'npx', ['tsc', '-p', '.', '--noEmit']);
const built = await step('build', 'build', process.execPath, ['esbuild.mjs']);

// 3. The layers, each in a temp directory of its own (so other runs on the machine cannot blur
// what it leaves behind).
const LAYERS = [
  { name: 'unit', title: 'unit tests (parser, model, rules, CLI, set-up, client modules, fuzz)', script: 'test:unit', count: countNodeTest },
  { name: 'protocol', title: 'protocol tests (the real server over stdio; Neovim as an independent client)', script: 'test:protocol', count: countNodeTest },
  { name: 'vscode', title: 'VS Code extension-host suite (VS Code server of code-server, headless Chromium)', script: 'test:vscode', count: countMocha, skip: 'FORM345_SKIP_VSCODE' },
  { name: 'ui', title: 'UI end to end (packaged .vsix in code-server, Playwright; screenshots in test-results/ui)', script: 'test:ui', count: countUiSteps, skip: 'FORM345_SKIP_UI' },
];
if (on('FORM345_SKIP_NEOVIM')) optedOut.push('protocol: the Neovim client test (FORM345_SKIP_NEOVIM=1)');
const color = process.stdout.isTTY ? { FORCE_COLOR: '1' } : {};
for (const layer of LAYERS) {
  if (layer.skip && on(layer.skip)) {
    optedOut.push(`${layer.name} (${layer.skip}=1)`);
    rows.push({ name: layer.name, notRun: `opted out (${layer.skip}=1)`, optedOut: true });
    continue;
  }
  if (!built) {
    rows.push({ name: layer.name, notRun: 'the build failed' });
    continue;
  }
  console.log(`== ${layer.title}`);
  const tmp = mkdtempSync(join(tmpdir(), 'form345-npm-test-'));
  // tsx keeps its compile cache in the temp dir: the layer uses the usual one, so it starts warm.
  const tsxCache = join(tmpdir(), `tsx-${process.getuid?.() ?? ''}`);
  if (existsSync(tsxCache)) symlinkSync(tsxCache, join(tmp, basename(tsxCache)));
  const r = await run('npm', ['run', '--silent', layer.script], { ...process.env, ...color, TMPDIR: tmp });
  const left = readdirSync(tmp).filter((n) => n.startsWith('form345-'));
  rmSync(tmp, { recursive: true, force: true, maxRetries: 2 });
  const problem = left.length ? `left ${left.length} form345-* folder(s) in the temp dir: ${left.slice(0, 5).join(', ')}${left.length > 5 ? ', ...' : ''}` : undefined;
  rows.push(layerResult(layer.name, r.code, layer.count(r.out), { ms: r.ms, problem }));
  // Variants a layer leaves out for reasons of the machine (not the user's choice) are said in the summary too.
  for (const m of r.out.matchAll(/^\[[^\]]*\] (electron variant skipped: [^\n]*)$/gm)) notes.push(`${layer.name}: ${m[1]}`);
}
finish();
