// An independent client: Debian's Neovim, headless, with its built-in LSP client attached to a seed.
// Asserts the diagnostics it received and the hover text it gets for the signature date.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { ensureBuilt, positionOf, seed, serverJs, waitFor } from './harness';

/** Debian's nvim, else the first on PATH. */
function findNvim(): string | undefined {
  for (const dir of ['/usr/bin', ...(process.env.PATH ?? '').split(path.delimiter).filter(Boolean)]) {
    const file = path.join(dir, 'nvim');
    if (existsSync(file)) return file;
  }
  return undefined;
}

// Skipped only when the user says so; a missing nvim otherwise fails the test (scripts/setup.sh installs it).
const optedOut = process.env.FORM345_SKIP_NEOVIM === '1' && 'opted out: FORM345_SKIP_NEOVIM=1';

test('neovim receives late-filing and the signature-date hover', { skip: optedOut }, async () => {
  const NVIM = findNvim();
  assert.ok(NVIM, 'nvim not found (Debian package neovim): run `bash scripts/setup.sh`, or set FORM345_SKIP_NEOVIM=1 to opt out of this test');
  ensureBuilt();
  const s = seed('002');
  const pos = positionOf(s.text, '07/21/2020', 0, 1);
  const dir = mkdtempSync(path.join(tmpdir(), 'form345-nvim-'));
  const out = path.join(dir, 'result.json');
  try {
    const proc = spawn(NVIM, ['--headless', '--clean', '-n', '-c', `luafile ${path.join(__dirname, 'neovim.lua')}`], {
      env: {
        ...process.env,
        FORM345_SEED: s.file,
        FORM345_SERVER: serverJs,
        FORM345_NODE: process.execPath,
        FORM345_OUT: out,
        FORM345_LINE: String(pos.line),
        FORM345_CHAR: String(pos.character),
        FORM345_WANT_CODE: 'late-filing',
        XDG_STATE_HOME: dir,
        XDG_CACHE_HOME: dir,
        XDG_DATA_HOME: dir,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    let exited = false;
    proc.on('exit', () => (exited = true));
    try {
      await waitFor('neovim to finish', () => (exited ? true : undefined), 60000);
    } finally {
      if (!exited) proc.kill('SIGKILL');
    }
    assert.ok(existsSync(out), `no result file; nvim stderr:\n${stderr}`);
    const result = JSON.parse(readFileSync(out, 'utf8')) as {
      diagnostics: { code: string; lnum: number; severity: number; source: string }[];
      hover: string | null;
      error: string | null;
    };
    assert.equal(result.error, null);
    const late = result.diagnostics.find((d) => d.code === 'late-filing');
    assert.ok(late, JSON.stringify(result.diagnostics));
    assert.equal(late.source, 'form345');
    assert.equal(late.severity, 2, 'warning');
    assert.match(result.hover ?? '', /2020-07-21/);
    assert.match(result.hover ?? '', /Tuesday/);
    assert.match(result.hover ?? '', /due `2020-07-17`/);
    assert.match(result.hover ?? '', /late/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
