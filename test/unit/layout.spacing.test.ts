/**
 * Double-spaced text (server/src/analysis/layout/spacing.ts): every line followed by a blank one.
 * The reader drops the spacing lines, keeps a real gap as one blank line, and keeps line numbers.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '../../server/src/analysis';
import { MIN_SPACED_LINES, SPACED_SHARE, singleSpacedLines } from '../../server/src/analysis/layout/spacing';

const TODAY = new Date('2026-11-23T12:00:00Z');
const CLEAN = readFileSync(path.resolve(__dirname, '..', '..', 'fixtures', 'rules', 'clean.form4.txt'), 'utf8');

function lines(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `line ${i}`);
}

test('double-spaced lines: the spacing goes, a gap of two or more blank lines stays as one', () => {
  const raws = [...lines(6).flatMap((l) => [l, '']), '', '', ...lines(6).flatMap((l) => [l, ''])];
  const keep = singleSpacedLines(raws)!;
  assert.ok(keep);
  assert.deepEqual(keep.map((i) => raws[i]), [...lines(6), '', ...lines(6)]);
  // Kept lines keep their own numbers.
  assert.deepEqual(keep.slice(0, 3), [0, 2, 4]);
});

test('single-spaced text, and text with blank lines only between paragraphs, read as they are', () => {
  assert.equal(singleSpacedLines(lines(30)), null);
  const paragraphs = Array.from({ length: 10 }, (_, p) => [`a${p}`, `b${p}`, `c${p}`, '']).flat();
  assert.equal(singleSpacedLines(paragraphs), null);
});

test(`boundaries: at least ${MIN_SPACED_LINES} text lines, at least ${SPACED_SHARE * 100}% of them alone between blank lines`, () => {
  const spaced = (n: number) => lines(n).flatMap((l) => [l, '']);
  assert.equal(singleSpacedLines(spaced(MIN_SPACED_LINES - 1)), null);
  assert.ok(singleSpacedLines(spaced(MIN_SPACED_LINES)));
  // 20 text lines: 17 alone (85%) is double-spaced; 16 alone is not. Pairs of lines are not alone.
  const mixed = (pairs: number) => [...lines(pairs * 2).flatMap((l, i) => (i % 2 === 0 ? [l] : [l, ''])), ...lines(20 - pairs * 2).flatMap((l) => [l, ''])];
  // One pair: 18 of 20 alone. Two pairs: 16 of 20 (80%).
  assert.ok(singleSpacedLines(mixed(1)));
  assert.equal(singleSpacedLines(mixed(2)), null);
});

test('a whole filing double-spaced reads as the same filing single-spaced, its ranges on its own lines', () => {
  // A reference to a footnote that is not there, so that findings have lines to compare.
  const text = CLEAN.replace('$ 31.20 (1)', '$ 31.20 (3)');
  const single = analyze(text, { today: TODAY });
  assert.ok(single.findings.length >= 2);
  const doubled = text.replace(/\n/g, '\n\n');
  const double = analyze(doubled, { today: TODAY });
  assert.equal(double.filings.length, 1);
  assert.deepStrictEqual(double.filings[0]!.record, single.filings[0]!.record);
  assert.deepStrictEqual(double.findings.map((f) => f.code).sort(), single.findings.map((f) => f.code).sort());
  // A finding's line in the doubled text is twice its line in the single-spaced one.
  const lineOf = (r: typeof single, code: string) => r.findings.find((f) => f.code === code)?.range.start.line;
  for (const f of single.findings) assert.equal(lineOf(double, f.code), 2 * f.range.start.line, f.code);
});

test('every real conversion, double-spaced, reads as it does single-spaced', () => {
  const dir = path.resolve(__dirname, '..', '..', 'fixtures', 'real');
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt') && f !== 'TOOLS.txt');
  assert.ok(files.length >= 30, `${files.length} conversions`);
  const differ: string[] = [];
  for (const f of files) {
    const text = readFileSync(path.join(dir, f), 'utf8');
    const records = (t: string) => JSON.stringify(analyze(t, { today: TODAY }).filings.map((x) => x.record));
    if (records(text.replace(/\n/g, '\n\n')) !== records(text)) differ.push(f);
  }
  assert.deepEqual(differ, []);
});
