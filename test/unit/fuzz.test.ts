/**
 * Bad input never breaks the analysis: random bytes, random unicode, mangled filings, empty and
 * huge texts. And the incremental path is the same function as the whole-text path: after any
 * series of edits, the reused analysis equals a fresh one.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { analyze, IncrementalAnalyzer, type Range } from '../../server/src/analysis';
import { Rng } from '../gen';

const SEEDS = path.resolve(__dirname, '..', '..', '..', 'shared', 'seeds');
const seedTexts = readdirSync(SEEDS)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(path.join(SEEDS, f), 'utf8'));
const TODAY = new Date('2026-11-23T12:00:00Z');
const NOISE = ['\t', '|', '│', '─', '┌', '(', ')', '(1)', '^(', '$', '/', '\r\n', '\n', ' ', 'X', '☒', '<sup>', '</td>', '<br>', '**', '\\', 'Γ', '\u0000', '\uFEFF', '𝔉'];

function checkResult(text: string): void {
  const r = analyze(text, { today: TODAY });
  const lines = text.split(/\r\n|\r|\n/).length;
  for (const f of r.findings) {
    assert.equal(f.range.start.line, f.range.end.line, `${f.code} single-line`);
    assert.ok(f.range.start.line >= 0 && f.range.start.line < lines, `${f.code} in range`);
  }
  JSON.stringify(r);
}

function mutate(rng: Rng, text: string): string {
  const lines = text.split('\n');
  const ops = rng.int(1, 12);
  for (let k = 0; k < ops; k++) {
    const i = rng.int(0, Math.max(0, lines.length - 1));
    switch (rng.int(0, 5)) {
      case 0:
        lines.splice(i, 1);
        break;
      case 1:
        lines.splice(i, 0, lines[rng.int(0, lines.length - 1)] ?? '');
        break;
      case 2: {
        const j = rng.int(0, lines.length - 1);
        [lines[i], lines[j]] = [lines[j], lines[i]];
        break;
      }
      case 3: {
        const l = lines[i] ?? '';
        const at = rng.int(0, l.length);
        lines[i] = l.slice(0, at) + rng.pick(NOISE) + l.slice(at + rng.int(0, 3));
        break;
      }
      case 4:
        lines[i] = (lines[i] ?? '').split('').reverse().join('');
        break;
      default:
        lines[i] = (lines[i] ?? '').replace(/\s+/g, rng.pick(['\t', '  ', '|', ' ']));
    }
  }
  return lines.join('\n');
}

test('random bytes and random unicode never throw', () => {
  const rng = new Rng('bytes');
  for (let n = 0; n < 150; n++) {
    const len = rng.int(0, 4000);
    let s = '';
    for (let i = 0; i < len; i++) s += rng.chance(0.7) ? String.fromCharCode(rng.int(0, 0x7f)) : String.fromCodePoint(rng.int(0x80, 0x2ffff));
    checkResult(s);
  }
});

test('mutated real filings never throw', () => {
  const rng = new Rng('mutate');
  for (let n = 0; n < 300; n++) checkResult(mutate(rng, rng.pick(seedTexts)));
});

test('edge texts: empty, whitespace, one huge line, 5 MB of filings, control characters', () => {
  for (const t of ['', ' ', '\n\n\n', '\r\n\r', '\uFEFF', 'FORM 4', 'FORM 4\nSTATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP', '\u0000'.repeat(1000)]) checkResult(t);
  checkResult('x'.repeat(2_000_000));
  checkResult('(1)'.repeat(200_000));
  checkResult('\t'.repeat(1_000_000));
  const big = seedTexts.join('\n').repeat(Math.ceil(5_000_000 / seedTexts.join('\n').length));
  const r = analyze(big, { today: TODAY });
  assert.ok(r.filings.length > 100);
});

/** LSP position of an offset: \r\n, \r and \n each end a line. */
function positionAt(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: before.length - 1, character: before[before.length - 1].length };
}

/** Random edits never split a \r\n pair (editors do not either). */
function safeOffset(text: string, offset: number): number {
  return text[offset - 1] === '\r' && text[offset] === '\n' ? offset + 1 : offset;
}

test('incremental analysis after random edits equals a fresh analysis', () => {
  const rng = new Rng('incremental');
  const doc = seedTexts.join('\n\n');
  for (let round = 0; round < 12; round++) {
    let text = doc;
    const inc = new IncrementalAnalyzer(text, { today: TODAY });
    inc.analyze();
    for (let e = 0; e < 25; e++) {
      const start = safeOffset(text, rng.int(0, text.length));
      const end = safeOffset(text, Math.min(text.length, start + rng.int(0, 40)));
      const insert = rng.chance(0.3) ? rng.pick(NOISE) : rng.chance(0.5) ? '' : text.slice(rng.int(0, text.length - 50)).slice(0, rng.int(0, 60));
      const range: Range = { start: positionAt(text, start), end: positionAt(text, end) };
      inc.applyChanges([{ range, text: insert }]);
      text = text.slice(0, start) + insert + text.slice(end);
      if (rng.chance(0.4)) {
        const got = inc.analyze();
        const want = analyze(text, { today: TODAY });
        assert.deepStrictEqual(JSON.parse(JSON.stringify(got)), JSON.parse(JSON.stringify(want)), `round ${round} edit ${e}`);
      }
    }
    assert.equal(inc.text, text.split(/\r\n|\r|\n/).join('\n'));
  }
});
