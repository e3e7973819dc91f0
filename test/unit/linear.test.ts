/**
 * Analysis time grows linearly with the text, and hostile text (no structure, long runs of
 * parentheses, tabs or digits) costs no more than ordinary text of the same size. Ratios of
 * medians, with generous bounds: this guards against quadratic blow-ups, not small slowdowns.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '../../server/src/analysis';

const SEEDS = path.resolve(__dirname, '..', '..', '..', 'shared', 'seeds');
const corpus = readdirSync(SEEDS)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(path.join(SEEDS, f), 'utf8'))
  .join('\n\n');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function timeOf(text: string, runs = 5): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    analyze(text);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return median(times);
}

test('time grows about linearly with the number of filings', () => {
  timeOf(corpus.repeat(4), 2); // warm up the JIT
  const base = timeOf(corpus.repeat(4));
  const big = timeOf(corpus.repeat(64));
  const ratio = big / base;
  assert.ok(ratio < 16 * 3, `16x the text took ${ratio.toFixed(1)}x the time (${base.toFixed(1)} ms → ${big.toFixed(1)} ms)`);
});

test('hostile inputs cost no more than a filing of the same size', () => {
  const size = 1_000_000;
  const normal = timeOf(corpus.repeat(Math.ceil(size / corpus.length)).slice(0, size), 3);
  const hostile: Record<string, string> = {
    parentheses: '('.repeat(size),
    references: '(1)'.repeat(size / 3),
    digits: '1'.repeat(size),
    tabs: '\t'.repeat(size),
    'tab rows': ('1\t'.repeat(50) + '\n').repeat(size / 101),
    'pipe rows': ('| 1 | A | $2 |'.repeat(8) + '\n').repeat(size / 113),
    'title lines': 'FORM 4\n'.repeat(size / 7),
    'box drawing': ('│ ─ ┼ '.repeat(30) + '\n').repeat(size / 181),
  };
  for (const [name, text] of Object.entries(hostile)) {
    const t = timeOf(text, 1);
    assert.ok(t < Math.max(normal * 10, 3000), `${name}: ${t.toFixed(0)} ms vs ${normal.toFixed(0)} ms for a filing corpus`);
  }
});
