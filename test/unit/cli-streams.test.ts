/**
 * The CLI on devices, pipes and odd encodings: a byte limit on whatever it reads (stat says 0 for
 * a pipe or a device), a bad FORM345_TODAY blamed on itself, UTF-16 without a BOM read as text.
 */
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { analyzeFile } from '../../server/src/cli/analyzeFile';
import { decodeText } from '../../server/src/cli/files';
import { Rng } from '../gen';

const ROOT = path.resolve(__dirname, '..', '..');
const SEEDS = path.resolve(ROOT, '..', 'shared', 'seeds');
const BIN = path.join(ROOT, 'bin', 'form345.js');
const seedFile = (prefix: string) => path.join(SEEDS, readdirSync(SEEDS).find((f) => f.startsWith(prefix) && f.endsWith('.txt'))!);

function sh(command: string, env: Record<string, string> = { FORM345_TODAY: '2026-11-23' }) {
  const r = spawnSync('/bin/sh', ['-c', command], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, signal: r.signal };
}

before(() => {
  const r = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
});

test('a device or pipe that never ends is cut at the byte limit, not read into memory without bound', () => {
  const dev = analyzeFile({ file: '/dev/zero', levels: {}, want: 'findings', maxBytes: 1024 * 1024 });
  assert.match(dev.problem ?? '', /larger than the 1 MB limit/);
  const cut = sh(`node ${JSON.stringify(BIN)} check /dev/zero`);
  assert.equal(cut.code, 2, cut.stderr);
  assert.match(cut.stderr, /\/dev\/zero: larger than the 200 MB limit/);
  const piped = sh(`cat /dev/zero | node ${JSON.stringify(BIN)} check -`);
  assert.equal(piped.code, 2, piped.stderr);
  assert.match(piped.stderr, /larger than the 200 MB limit/);
});

test('a regular file and standard input under the limit read whole', () => {
  const file = seedFile('000');
  const direct = analyzeFile({ file, levels: {}, want: 'records', today: '2026-11-23' });
  const viaStdin = sh(`node ${JSON.stringify(BIN)} normalize - < ${JSON.stringify(file)}`);
  assert.equal(viaStdin.code, 0, viaStdin.stderr);
  assert.deepStrictEqual(JSON.parse(viaStdin.stdout), JSON.parse(JSON.stringify(direct.records[0])));
  const limited = analyzeFile({ file, levels: {}, want: 'records', maxBytes: 1000 });
  assert.match(limited.problem ?? '', /larger than/);
});

test('FORM345_TODAY that is no date is a usage error about the variable, not about a file', () => {
  for (const bad of ['2020-13-45', '2021-02-29', 'yesterday']) {
    const r = sh(`node ${JSON.stringify(BIN)} check ${JSON.stringify(seedFile('000'))}`, { FORM345_TODAY: bad });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /FORM345_TODAY/);
    assert.doesNotMatch(r.stderr, /000_/, 'the file is not blamed');
    assert.equal(r.stdout, '');
  }
});

test('UTF-16 without a BOM (little and big endian) reads as the UTF-8 text does; binary with zeros is still refused', () => {
  const text = readFileSync(seedFile('002'), 'utf8');
  const le = Buffer.from(text, 'utf16le');
  const be = Buffer.from(le).swap16();
  assert.deepStrictEqual(decodeText(le), { text });
  assert.deepStrictEqual(decodeText(be), { text });
  const rng = new Rng('binary');
  const bytes = Buffer.alloc(20000);
  for (let i = 0; i < bytes.length; i++) bytes[i] = rng.chance(0.3) ? 0 : rng.int(0, 255);
  assert.ok('problem' in decodeText(bytes));
  // Zeros in the high byte, but the code units are control characters: not text.
  const controls = Buffer.alloc(20000);
  for (let i = 0; i < controls.length; i += 2) controls[i] = rng.int(1, 8);
  assert.ok('problem' in decodeText(controls));
});
