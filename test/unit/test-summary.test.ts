/**
 * The closing summary of `npm test` (scripts/test-summary.mjs): counts read from what the real
 * runners print (node's test runner and mocha are run here on small suites made for the purpose),
 * one line per layer, the opt-outs, and the `N passed, N failed` line CI reads.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

type Summary = typeof import('../../scripts/test-summary.mjs', { with: { 'resolution-mode': 'import' } });
let S: Summary;
const ROOT = path.resolve(__dirname, '..', '..');
const dir = mkdtempSync(path.join(os.tmpdir(), 'form345-summary-'));

before(async () => {
  S = await import('../../scripts/test-summary.mjs');
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** What `node --test --test-reporter=spec` prints for a suite with every kind of outcome. */
function nodeTestOutput(color: boolean): { code: number | null; out: string } {
  const file = path.join(dir, 'outcomes.test.mjs');
  writeFileSync(
    file,
    `import { test, describe } from 'node:test';
     describe('group', () => { test('a', () => {}); test('b', () => {}); });
     test('c', () => {});
     test('d', () => { throw new Error('no'); });
     test('e', { skip: 'tool missing' }, () => {});
     test('f', { todo: 'known gap' }, () => { throw new Error('gap'); });
     test('g', () => { console.log('ℹ tests 999'); });`,
  );
  const env: NodeJS.ProcessEnv = { ...process.env, FORCE_COLOR: '1' };
  if (!color) delete env.FORCE_COLOR;
  // A runner started inside a test would otherwise report to this one instead of printing.
  delete env.NODE_TEST_CONTEXT;
  const r = spawnSync(process.execPath, ['--test', '--test-reporter=spec', file], { encoding: 'utf8', env, cwd: dir });
  return { code: r.status, out: r.stdout + r.stderr };
}

describe('reading the runners', () => {
  test("node's test runner: tests, passed, failed, skipped, todo (with and without colour)", () => {
    for (const color of [false, true]) {
      const { code, out } = nodeTestOutput(color);
      assert.equal(code, 1);
      if (color) assert.match(out, /\u001b\[/, 'the run really was coloured');
      assert.deepStrictEqual(S.countNodeTest(out), { tests: 7, passed: 4, failed: 1, skipped: 1, todo: 1 });
    }
  });

  test('mocha: passing, failing and pending add up over the runs of a layer', () => {
    const file = path.join(dir, 'outcomes.spec.js');
    writeFileSync(
      file,
      `describe('s', function () {
         it('a', function () {}); it('b', function () {});
         it('c', function () { throw new Error('no'); });
         it.skip('d', function () {});
       });`,
    );
    const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'mocha', 'bin', 'mocha.js'), '--reporter', 'spec', '--no-color', file], { encoding: 'utf8', cwd: dir });
    const out = r.stdout + r.stderr;
    assert.equal(r.status, 1, out);
    assert.deepStrictEqual(S.countMocha(out), { tests: 4, passed: 2, failed: 1, skipped: 1, todo: 0 });
    assert.deepStrictEqual(S.countMocha(out + out), { tests: 8, passed: 4, failed: 2, skipped: 2, todo: 0 });
    assert.equal(S.countMocha('[test:vscode] FAILED: provisioning the real VS Code failed'), undefined);
  });

  test('the UI run: its step list after "steps (screenshots in ...)"', () => {
    const out = [
      '[test:ui   3.0s] ✔ open seed (1.0 s)',
      '',
      '[test:ui] steps (screenshots in /x/test-results/ui):',
      '  ✔ workbench                        2.0 s  ',
      '  ✔ open seed                        1.0 s  form345',
      '  ✘ preview                          9.1 s  timeout',
      '[test:ui] FAILED: 1 step(s) failed after 30.0 s',
    ].join('\n');
    assert.deepStrictEqual(S.countUiSteps(out), { tests: 3, passed: 2, failed: 1, skipped: 0, todo: 0 });
    assert.equal(S.countUiSteps('[test:ui] FAILED: chromium not found'), undefined);
  });
});

describe('the summary', () => {
  test('a failed runner without counts, or with none failing, still counts one failure', () => {
    assert.equal(S.layerResult('vscode', 1, undefined).failed, 1);
    assert.match(S.layerResult('vscode', 1, undefined).problem!, /before its summary/);
    assert.equal(S.layerResult('ui', 0, undefined).ok, false, 'exit 0 but nothing counted');
    const clean = S.layerResult('unit', 0, { tests: 3, passed: 3, failed: 0, skipped: 0, todo: 0 });
    assert.equal(clean.ok, true);
    const leaky = S.layerResult('unit', 0, { tests: 3, passed: 3, failed: 0, skipped: 0, todo: 0 }, { problem: 'left 2 form345-* folder(s)' });
    assert.equal(leaky.ok, false);
    assert.equal(leaky.failed, 1);
  });

  test('one line per layer, a total, the opt-outs, and "N passed, N failed" alone on the last line', () => {
    const rows = [
      S.layerResult('unit', 0, { tests: 10, passed: 8, failed: 0, skipped: 0, todo: 2 }, { ms: 4000 }),
      S.layerResult('protocol', 1, { tests: 5, passed: 3, failed: 1, skipped: 1, todo: 0 }, { ms: 2000 }),
      { name: 'vscode', notRun: 'opted out (FORM345_SKIP_VSCODE=1)', optedOut: true },
      { name: 'ui', notRun: 'the build failed' },
    ];
    const text = S.formatSummary({
      steps: [{ name: 'setup', ok: true }, { name: 'typecheck', ok: false, problem: 'exit 2' }],
      rows,
      optedOut: ['vscode (FORM345_SKIP_VSCODE=1)', 'protocol: the Neovim client test (FORM345_SKIP_NEOVIM=1)'],
    });
    const lines = text.trimEnd().split('\n');
    const row = (name: string) => lines.find((l) => l.trim().startsWith(`${name} `))!.trim().split(/\s+/);
    assert.deepStrictEqual(row('unit').slice(0, 6), ['unit', '10', '8', '0', '0', '2']);
    assert.deepStrictEqual(row('protocol').slice(0, 6), ['protocol', '5', '3', '1', '1', '0']);
    assert.ok(row('protocol').includes('FAILED'));
    assert.deepStrictEqual(row('total').slice(0, 6), ['total', '15', '11', '1', '1', '2']);
    assert.match(lines.find((l) => l.trim().startsWith('vscode'))!, /not run: opted out/);
    assert.match(text, /opted out: vscode \(FORM345_SKIP_VSCODE=1\); protocol: the Neovim client test \(FORM345_SKIP_NEOVIM=1\)/);
    assert.match(lines.find((l) => l.trim().startsWith('typecheck'))!, /FAILED/);
    // 1 failed test + the failed typecheck + the ui layer that could not run; the opt-out is no failure.
    assert.equal(lines.at(-1), '11 passed, 3 failed');
  });

  test('a clean run says opted out: none and 0 failed', () => {
    const text = S.formatSummary({ steps: [{ name: 'build', ok: true }], rows: [S.layerResult('unit', 0, { tests: 2, passed: 2, failed: 0, skipped: 0, todo: 0 })] });
    assert.match(text, /opted out: none/);
    assert.equal(text.trimEnd().split('\n').at(-1), '2 passed, 0 failed');
  });
});
