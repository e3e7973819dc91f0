/**
 * Analysis time grows linearly with the text, and hostile text (long runs of parentheses, tabs,
 * digits, pipes, box drawing, alone or inside a real filing) costs no more than ordinary filing
 * text of the same size. Ratios of medians with generous bounds: this guards against quadratic
 * blow-ups, not small slowdowns.
 *
 * The hostile cases run in a child process (this file with FORM345_LINEAR_CHILD set) under a
 * watchdog, so a blow-up fails the test in seconds instead of hanging the suite.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { analyze } from '../../server/src/analysis';
import { buildSeedCorpus, loadSeeds } from '../../bench/corpus';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

function timeOf(text: string, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    analyze(text);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return median(times);
}

// ---------------------------------------------------------------------------------------------
// Hostile inputs: built the same way in the child and described by name in the parent.
// ---------------------------------------------------------------------------------------------

const MB = 1_000_000;

/** A seed with `insert` as a line of its own, a third of the way in (inside the header or tables). */
function inFiling(seedIndex: number, insert: string, sameLine = false): string {
  const lines = loadSeeds()[seedIndex]!.text.split('\n');
  const at = Math.floor(lines.length * 0.35);
  if (sameLine) lines[at] += insert;
  else lines.splice(at, 0, insert);
  return lines.join('\n');
}

const HOSTILE: Record<string, () => string> = {
  '100k (': () => '('.repeat(100_000),
  '100k ( in a filing line': () => inFiling(0, '('.repeat(100_000), true),
  '1 MB of digits': () => '1'.repeat(MB),
  '1 MB of digits in a filing': () => inFiling(1, '7'.repeat(MB)),
  '1 MB line of tabs': () => '\t'.repeat(MB),
  '1 MB of tabs in a tab-separated filing line': () => inFiling(0, '\t'.repeat(MB), true),
  '1 MB of tabs in a markdown filing': () => inFiling(1, '\t'.repeat(MB)),
  'footnote references': () => '(1)'.repeat(MB / 3),
  'tab rows': () => ('1\t'.repeat(50) + '\n').repeat(MB / 101),
  'pipe rows': () => ('| 1 | A | $2 |'.repeat(8) + '\n').repeat(Math.floor(MB / 113)),
  'one pipe row of 1 MB in a filing': () => inFiling(3, '| 1 '.repeat(MB / 4) + '|'),
  'title lines': () => 'FORM 4\n'.repeat(Math.floor(MB / 7)),
  'box drawing': () => ('│ ─ ┼ '.repeat(30) + '\n').repeat(Math.floor(MB / 181)),
  'dates in a filing': () => inFiling(2, '01/02/2020 '.repeat(MB / 11)),
  'whitespace only': () => ' \t\n'.repeat(MB / 3),
};

/** Normal filing text of the given size: the seeds with varied values. */
function normalText(size: number): string {
  return buildSeedCorpus(size + 16_384).text.slice(0, size);
}

interface ChildLine {
  name: string;
  phase: 'start' | 'done';
  ms?: number;
  normalMs?: number;
  size?: number;
}

/** Child mode: time every hostile case and normal text of its size, one JSON line per step. */
function child(): void {
  const normalBySize = new Map<number, number>();
  const say = (l: ChildLine) => process.stdout.write(`${JSON.stringify(l)}\n`);
  const skip = new Set(JSON.parse(process.env.FORM345_LINEAR_SKIP ?? '[]') as string[]);
  for (const [name, make] of Object.entries(HOSTILE)) {
    if (skip.has(name)) continue;
    const text = make();
    if (!normalBySize.has(text.length)) {
      const normal = normalText(text.length);
      analyze(normal); // warm up
      normalBySize.set(text.length, timeOf(normal, 3));
    }
    say({ name, phase: 'start', size: text.length, normalMs: normalBySize.get(text.length) });
    const first = timeOf(text, 1);
    const ms = first < 1000 ? Math.min(first, timeOf(text, 3)) : first;
    say({ name, phase: 'done', ms, normalMs: normalBySize.get(text.length), size: text.length });
  }
}

if (process.env.FORM345_LINEAR_CHILD) {
  child();
} else {
  test('time grows about linearly: 1x, 4x and 16x the same multi-filing corpus', { timeout: 120_000 }, () => {
    const base = buildSeedCorpus(160 * 1024).text;
    timeOf(base.repeat(4), 2); // warm up the JIT
    const t1 = timeOf(base, 7);
    const t4 = timeOf(base.repeat(4), 5);
    const t16 = timeOf(base.repeat(16), 3);
    const msg = `1x ${t1.toFixed(1)} ms, 4x ${t4.toFixed(1)} ms, 16x ${t16.toFixed(1)} ms`;
    assert.ok(t4 / t1 < 4 * 3, `4x the text took ${(t4 / t1).toFixed(1)}x the time (${msg})`);
    assert.ok(t16 / t1 < 16 * 3, `16x the text took ${(t16 / t1).toFixed(1)}x the time (${msg})`);
    assert.ok(t16 / t4 < 4 * 3, `16x/4x: ${(t16 / t4).toFixed(1)} (${msg})`);
  });

  test('time grows about linearly on varied filings too (no repeated text to cache)', { timeout: 120_000 }, () => {
    const big = buildSeedCorpus(16 * 160 * 1024).text;
    const cut = (n: number) => big.slice(0, big.indexOf('\n\nFORM', Math.floor((big.length * n) / 16)) + 1 || big.length);
    const [c1, c4, c16] = [cut(1), cut(4), big];
    timeOf(c4, 1);
    const t1 = timeOf(c1, 7);
    const t4 = timeOf(c4, 5);
    const t16 = timeOf(c16, 3);
    const per = (t: number, c: string) => t / c.length;
    const msg = `1x ${t1.toFixed(1)} ms, 4x ${t4.toFixed(1)} ms, 16x ${t16.toFixed(1)} ms`;
    assert.ok(per(t16, c16) / per(t1, c1) < 3, `time per character grew ${(per(t16, c16) / per(t1, c1)).toFixed(1)}x from 1x to 16x (${msg})`);
    assert.ok(per(t16, c16) / per(t4, c4) < 3, `time per character grew ${(per(t16, c16) / per(t4, c4)).toFixed(1)}x from 4x to 16x (${msg})`);
  });

  test('hostile inputs finish quickly relative to normal filing text of the same size', { timeout: 180_000 }, async () => {
    const results: ChildLine[] = [];
    const stuck: string[] = [];
    const slowCases: string[] = [];
    /** Runs the child over the cases not yet done; resolves with the case it got stuck on, if any. */
    const runChild = () =>
      new Promise<{ stuck?: string; error?: string }>((resolve) => {
        const skip = [...results.map((r) => r.name), ...stuck];
        const proc = spawn(process.execPath, ['--import', 'tsx', __filename], { env: { ...process.env, FORM345_LINEAR_CHILD: '1', FORM345_LINEAR_SKIP: JSON.stringify(skip) }, stdio: ['ignore', 'pipe', 'pipe'] });
        let stderr = '';
        proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        let current: ChildLine | undefined;
        let watchdog: NodeJS.Timeout | undefined;
        const arm = (ms: number) => {
          clearTimeout(watchdog);
          watchdog = setTimeout(() => {
            proc.kill('SIGKILL');
            if (!current) resolve({ error: `the child did not start within ${ms / 1000} s` });
            else resolve({ stuck: `${current.name}: did not finish within ${(ms / 1000).toFixed(0)} s (normal text of the same size: ${current.normalMs?.toFixed(0) ?? '?'} ms)` });
          }, ms);
        };
        arm(60_000); // tsx start-up and building the normal texts
        createInterface({ input: proc.stdout }).on('line', (line) => {
          const l = JSON.parse(line) as ChildLine;
          if (l.phase === 'start') {
            current = l;
            arm(Math.max(10_000, (l.normalMs ?? 0) * 30));
          } else {
            current = undefined;
            results.push(l);
            arm(60_000);
          }
        });
        proc.on('exit', (code) => {
          clearTimeout(watchdog);
          resolve(code === 0 ? {} : { error: `the child exited with ${code}: ${stderr.split('\n').slice(0, 5).join(' | ')}` });
        });
      });
    for (;;) {
      const r = await runChild();
      assert.equal(r.error, undefined, r.error);
      if (!r.stuck) break;
      stuck.push(r.stuck.slice(0, r.stuck.indexOf(':')));
      slowCases.push(r.stuck);
    }
    const slow = results.filter((r) => r.ms! > Math.max(r.normalMs! * 10, 250)).map((r) => `${r.name}: ${r.ms!.toFixed(0)} ms vs ${r.normalMs!.toFixed(0)} ms for normal text of ${(r.size! / 1e6).toFixed(1)} MB`);
    slow.unshift(...slowCases);
    assert.deepStrictEqual(slow, [], slow.join('; '));
    assert.equal(results.length + stuck.length, Object.keys(HOSTILE).length);
  });
}
