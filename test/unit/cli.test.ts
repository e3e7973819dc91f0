/**
 * The `form345` command as a user runs it: the built bin, real files, exit codes, outputs.
 */
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const SEEDS = path.resolve(ROOT, '..', 'shared', 'seeds');
const BIN = path.join(ROOT, 'bin', 'form345.js');

function seed(prefix: string): string {
  return path.join(SEEDS, readdirSync(SEEDS).find((f) => f.startsWith(prefix) && f.endsWith('.txt'))!);
}

function cli(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, FORM345_TODAY: '2026-11-23' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

before(() => {
  const r = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
});

test('normalize of a one-filing file prints exactly one JSON object: the expected record', () => {
  for (const prefix of ['000', '001', '002', '003']) {
    const file = seed(prefix);
    const r = cli(['normalize', file]);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trim().split('\n');
    assert.equal(lines.length, 1);
    const want = JSON.parse(readFileSync(path.join(SEEDS, 'expected', path.basename(file).replace(/\.txt$/, '.json')), 'utf8'));
    assert.deepStrictEqual(JSON.parse(lines[0]), want);
  }
});

test('normalize --pretty indents; several filings print JSON Lines', () => {
  const pretty = cli(['normalize', '--pretty', seed('003')]);
  assert.match(pretty.stdout, /^\{\n {2}"formType": "3"/);
  const multi = cli(['normalize', path.join(ROOT, 'fixtures', 'real', 'multi.w3m.txt')]);
  const lines = multi.stdout.trim().split('\n');
  assert.equal(lines.length, 3);
  for (const l of lines) assert.ok(JSON.parse(l).formType);
});

test('check prints path:line:col severity code message and exits 1 on errors', () => {
  const r = cli(['check', seed('000')]);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /000_488474bd7af80319\.txt:25:1 error missing-transaction-code /);
  const late = cli(['check', seed('002')]);
  assert.equal(late.code, 0, 'warnings only');
  assert.match(late.stdout, /:39:\d+ warning late-filing Signed 07\/21\/2020/);
});

test('check --json prints one array of 1-based findings', () => {
  const r = cli(['check', '--json', seed('002')]);
  const items = JSON.parse(r.stdout) as Record<string, unknown>[];
  assert.ok(Array.isArray(items) && items.length > 0);
  for (const i of items) {
    assert.deepStrictEqual(Object.keys(i).sort(), ['code', 'column', 'endColumn', 'endLine', 'file', 'line', 'message', 'severity']);
    assert.ok((i.line as number) >= 1 && (i.column as number) >= 1);
  }
  assert.ok(items.some((i) => i.code === 'late-filing'));
});

test('check --format sarif is SARIF 2.1.0 with rules and results', () => {
  const r = cli(['check', '--format', 'sarif', seed('000')]);
  const doc = JSON.parse(r.stdout);
  assert.equal(doc.version, '2.1.0');
  const run = doc.runs[0];
  assert.ok(run.tool.driver.rules.some((x: { id: string }) => x.id === 'unused-footnote'));
  const res = run.results.find((x: { ruleId: string }) => x.ruleId === 'missing-transaction-code');
  assert.equal(res.level, 'error');
  assert.equal(res.locations[0].physicalLocation.region.startLine, 25);
});

test('--rule and --config set rule levels; off removes a rule', () => {
  const off = cli(['check', '--rule', 'missing-transaction-code=off', seed('000')]);
  assert.equal(off.code, 0);
  assert.doesNotMatch(off.stdout, /missing-transaction-code/);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'form345-cli-'));
  const cfg = path.join(dir, 'cfg.json');
  writeFileSync(cfg, JSON.stringify({ rules: { 'late-filing': 'error' } }));
  const late = cli(['check', '--config', cfg, seed('002')]);
  assert.equal(late.code, 1);
  assert.match(late.stdout, /error late-filing/);
  assert.equal(cli(['check', '--rule', 'nope=error', seed('002')]).code, 2);
});

test('usage and I/O problems exit 2 with a one-line message', () => {
  for (const args of [[], ['frob', 'x'], ['check'], ['check', '--bogus', seed('000')], ['check', path.join(ROOT, 'no-such-file.txt')]]) {
    const r = cli(args);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'form345-bin-'));
  const bin = path.join(dir, 'blob.txt');
  writeFileSync(bin, Buffer.from([0, 1, 2, 3, 0, 255, 254]));
  const r = cli(['check', bin]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /binary/);
});

test('directories are walked and globs expanded, each file once', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'form345-dir-'));
  mkdirSync(path.join(dir, 'sub'));
  writeFileSync(path.join(dir, 'a.txt'), readFileSync(seed('000')));
  writeFileSync(path.join(dir, 'sub', 'b.form4'), readFileSync(seed('001')));
  writeFileSync(path.join(dir, 'ignored.json'), '{}');
  const walked = cli(['normalize', dir]);
  assert.equal(walked.stdout.trim().split('\n').length, 2, walked.stderr);
  const globbed = cli(['normalize', 'sub/*.form4', '**/*.txt', 'a.txt'], dir);
  assert.equal(globbed.stdout.trim().split('\n').length, 2, globbed.stderr);
});

test('a large batch runs on worker threads and keeps input order', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'form345-batch-'));
  const names: string[] = [];
  for (let i = 0; i < 60; i++) {
    const name = `f${String(i).padStart(3, '0')}.txt`;
    writeFileSync(path.join(dir, name), readFileSync(seed(['000', '001', '002', '003'][i % 4])));
    names.push(name);
  }
  const r = cli(['normalize', '--jobs', '2', dir]);
  assert.equal(r.code, 0, r.stderr);
  const types = r.stdout.trim().split('\n').map((l) => JSON.parse(l).formType);
  assert.equal(types.length, 60);
  assert.deepStrictEqual(types, names.map((_, i) => (i % 4 === 3 ? '3' : '4')));
});
