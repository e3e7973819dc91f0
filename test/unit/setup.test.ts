/**
 * scripts/setup.sh's decisions on machines it has never seen: which packages are missing, who
 * installs them (root, sudo -n, nobody) and exactly what it runs. Stand-ins for id, dpkg-query, sudo
 * and apt-get on a PATH of their own play the machine; each records what it was asked to do, and
 * apt-get "installs" into the stand-in dpkg database, so the script's own re-check sees the result.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const SETUP = path.join(ROOT, 'scripts', 'setup.sh');
const BASH = existsSync('/bin/bash') ? '/bin/bash' : '/usr/bin/bash';
const ENV_BIN = existsSync('/usr/bin/env') ? '/usr/bin/env' : '/bin/env';

const REQUIRED = ['chromium', 'libkrb5-dev', 'neovim', 'poppler-utils', 'tesseract-ocr', 'tesseract-ocr-eng'];
const FIXTURE_TOOLS = ['w3m', 'lynx', 'pandoc', 'html2text', 'links', 'elinks', 'python3-html2text'];

const base = mkdtempSync(path.join(os.tmpdir(), 'form345-setup-'));
after(() => rmSync(base, { recursive: true, force: true }));
let machines = 0;

interface Machine {
  uid: number;
  /** 'ok': sudo -n works; 'password': it asks for one (fails); 'absent': no sudo at all. */
  sudo: 'ok' | 'password' | 'absent';
  installed: string[];
  aptFails?: boolean;
  noDpkg?: boolean;
}

function script(file: string, body: string): void {
  writeFileSync(file, `#!${BASH}\n${body}\n`);
  chmodSync(file, 0o755);
}

/** A fake machine: its bin/ holds the only commands the script can find. */
function machine(m: Machine) {
  const dir = path.join(base, `m${machines++}`);
  const bin = path.join(dir, 'bin');
  mkdirSync(bin, { recursive: true });
  const db = path.join(dir, 'installed');
  const log = path.join(dir, 'log');
  writeFileSync(db, m.installed.map((p) => `${p}\n`).join(''));
  writeFileSync(log, '');
  script(path.join(bin, 'id'), `[ "$1" = -u ] && echo ${m.uid}`);
  if (!m.noDpkg) {
    // dpkg-query -W -f='${Package} ${Status}\n' P...: a line for each known package, an error for the rest.
    script(
      path.join(bin, 'dpkg-query'),
      `shift 2; rc=0; for p in "$@"; do found=; while IFS= read -r l; do [ "$l" = "$p" ] && found=1; done < "${db}"; if [ -n "$found" ]; then echo "$p install ok installed"; else echo "dpkg-query: no packages found matching $p" >&2; rc=1; fi; done; exit $rc`,
    );
  }
  script(
    path.join(bin, 'apt-get'),
    `echo "apt-get $* [DEBIAN_FRONTEND=$DEBIAN_FRONTEND uid=$FAKE_UID]" >> "${log}"
     ${m.aptFails ? 'echo "E: Unable to locate package chromium"; exit 100' : ''}
     if [ "$1" = install ]; then for a in "$@"; do case "$a" in install|-*) ;; *) echo "$a" >> "${db}" ;; esac; done; fi`,
  );
  if (m.sudo !== 'absent') {
    script(
      path.join(bin, 'sudo'),
      m.sudo === 'ok'
        ? `echo "sudo $*" >> "${log}"; [ "$1" = -n ] && shift; [ "$1" = true ] && exit 0; FAKE_UID=0 exec "$@"`
        : `echo "sudo $*" >> "${log}"; echo "sudo: a password is required" >&2; exit 1`,
    );
  }
  symlinkSync(ENV_BIN, path.join(bin, 'env'));
  const run = (args: string[] = [], env: Record<string, string> = {}) => {
    const r = spawnSync(BASH, [SETUP, ...args], {
      encoding: 'utf8',
      env: { PATH: bin, HOME: dir, FAKE_UID: String(m.uid), ...env },
      timeout: 20_000,
    });
    return {
      code: r.status,
      stdout: r.stdout,
      stderr: r.stderr,
      log: readFileSync(log, 'utf8').trim().split('\n').filter(Boolean),
      installed: readFileSync(db, 'utf8').trim().split('\n').filter(Boolean),
    };
  };
  return { run };
}

describe('scripts/setup.sh', () => {
  test('everything installed: runs nothing, prints nothing', () => {
    for (const uid of [0, 1000]) {
      const r = machine({ uid, sudo: 'password', installed: REQUIRED }).run();
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout, '');
      assert.equal(r.stderr, '');
      assert.deepStrictEqual(r.log, [], 'neither apt-get nor sudo');
    }
  });

  test('as root: apt-get update, then install exactly the missing packages, non-interactively', () => {
    const r = machine({ uid: 0, sudo: 'absent', installed: ['poppler-utils', 'tesseract-ocr', 'tesseract-ocr-eng'] }).run();
    assert.equal(r.code, 0, r.stderr);
    assert.deepStrictEqual(r.log, [
      'apt-get update -qq [DEBIAN_FRONTEND=noninteractive uid=0]',
      'apt-get install -y -qq chromium libkrb5-dev neovim [DEBIAN_FRONTEND=noninteractive uid=0]',
    ]);
    assert.match(r.stdout, /installing chromium libkrb5-dev neovim \(as root\)/);
    assert.deepStrictEqual([...r.installed].sort(), [...REQUIRED].sort());
    // A second run finds everything and does nothing.
    const again = machine({ uid: 0, sudo: 'absent', installed: r.installed }).run();
    assert.deepStrictEqual(again.log, []);
  });

  test('not root, sudo without a password: the same commands through sudo -n', () => {
    const r = machine({ uid: 1000, sudo: 'ok', installed: REQUIRED.filter((p) => p !== 'neovim') }).run();
    assert.equal(r.code, 0, r.stderr);
    assert.deepStrictEqual(r.log, [
      'sudo -n true',
      'sudo -n env DEBIAN_FRONTEND=noninteractive apt-get update -qq',
      'apt-get update -qq [DEBIAN_FRONTEND=noninteractive uid=0]',
      'sudo -n env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq neovim',
      'apt-get install -y -qq neovim [DEBIAN_FRONTEND=noninteractive uid=0]',
    ]);
    assert.match(r.stdout, /\(with sudo -n\)/);
  });

  test('not root and no usable sudo: stops at once with one line naming the command to run', () => {
    for (const sudo of ['password', 'absent'] as const) {
      const r = machine({ uid: 1000, sudo, installed: ['libkrb5-dev', 'tesseract-ocr', 'tesseract-ocr-eng'] }).run();
      assert.equal(r.code, 1);
      assert.equal(r.stdout, '');
      const lines = r.stderr.split('\n').filter(Boolean);
      assert.equal(lines.length, 1, r.stderr);
      assert.equal(
        lines[0],
        'setup: missing Debian packages: chromium neovim poppler-utils; run: sudo apt-get update && sudo apt-get install -y chromium neovim poppler-utils',
      );
      assert.ok(r.log.every((l) => !l.startsWith('apt-get')), `nothing installed: ${r.log.join('; ')}`);
    }
  });

  test('--dry-run prints what it would run and runs nothing', () => {
    const r = machine({ uid: 0, sudo: 'absent', installed: [] }).run(['--dry-run']);
    assert.equal(r.code, 0, r.stderr);
    assert.deepStrictEqual(r.log, []);
    assert.deepStrictEqual(r.installed, []);
    assert.equal(
      r.stdout,
      [
        `setup: missing: ${REQUIRED.join(' ')}; would run (as root):`,
        '  env DEBIAN_FRONTEND=noninteractive apt-get update -qq',
        `  env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${REQUIRED.join(' ')}`,
        '',
      ].join('\n'),
    );
    const viaSudo = machine({ uid: 1000, sudo: 'ok', installed: REQUIRED.slice(1) }).run(['--dry-run']);
    assert.match(viaSudo.stdout, /^ {2}sudo -n env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium$/m);
    assert.deepStrictEqual(viaSudo.log, ['sudo -n true'], 'only the question whether sudo works');
  });

  test('--fixture-tools adds the HTML-to-text tools; FORM345_SKIP_NEOVIM=1 leaves neovim out', () => {
    const tools = machine({ uid: 0, sudo: 'absent', installed: [...REQUIRED, 'w3m', 'pandoc'] }).run(['--fixture-tools', '--dry-run']);
    assert.match(tools.stdout, /^setup: missing: lynx html2text links elinks python3-html2text;/);
    const all = machine({ uid: 0, sudo: 'absent', installed: [...REQUIRED, ...FIXTURE_TOOLS] }).run(['--fixture-tools']);
    assert.deepStrictEqual(all.log, []);
    const noNvim = machine({ uid: 1000, sudo: 'absent', installed: REQUIRED.filter((p) => p !== 'neovim') }).run([], { FORM345_SKIP_NEOVIM: '1' });
    assert.equal(noNvim.code, 0, noNvim.stderr);
    assert.deepStrictEqual(noNvim.log, []);
    const withNvim = machine({ uid: 1000, sudo: 'absent', installed: REQUIRED.filter((p) => p !== 'neovim') }).run();
    assert.equal(withNvim.code, 1);
    assert.match(withNvim.stderr, /missing Debian packages: neovim;/);
  });

  test('a failing apt-get: exit 1, its output and the command that failed', () => {
    const r = machine({ uid: 0, sudo: 'absent', installed: [], aptFails: true }).run();
    assert.equal(r.code, 1);
    assert.match(r.stderr, /Unable to locate package/);
    assert.match(r.stderr.trim().split('\n').pop()!, /^setup: 'env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium .*' failed \(exit 100\)$/);
  });

  test('no dpkg: one line saying what to install; FORM345_SKIP_SETUP=1 checks nothing; bad options exit 2', () => {
    const noDpkg = machine({ uid: 0, sudo: 'absent', installed: [], noDpkg: true }).run();
    assert.equal(noDpkg.code, 1);
    assert.equal(noDpkg.stderr.split('\n').filter(Boolean).length, 1);
    assert.match(noDpkg.stderr, /install chromium libkrb5-dev neovim .* by hand/);
    assert.deepStrictEqual(noDpkg.log, []);
    const skipped = machine({ uid: 1000, sudo: 'absent', installed: [] }).run([], { FORM345_SKIP_SETUP: '1' });
    assert.equal(skipped.code, 0);
    assert.match(skipped.stdout, /FORM345_SKIP_SETUP=1/);
    const bad = machine({ uid: 0, sudo: 'absent', installed: REQUIRED }).run(['--frob']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /unknown option '--frob'/);
  });
});
