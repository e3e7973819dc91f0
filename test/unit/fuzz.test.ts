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

/** Everything the fuzz tests run must finish within this, in total (a loaded 2-core machine). */
const BUDGET_MS = 90_000;
const started = Date.now();
function withinBudget(): void {
  assert.ok(Date.now() - started < BUDGET_MS, `fuzzing took over ${BUDGET_MS / 1000}s in total`);
}

/** The analysis does not throw, and what it returns keeps the contract: ranges, indices, JSON. */
function checkResult(text: string): void {
  const r = analyze(text, { today: TODAY });
  const lines = text.split(/\r\n|\r|\n/);
  for (const f of r.findings) {
    assert.equal(f.range.start.line, f.range.end.line, `${f.code} single-line`);
    assert.ok(f.range.start.line >= 0 && f.range.start.line < lines.length, `${f.code} in range`);
    assert.ok(f.range.start.character >= 0 && f.range.start.character <= f.range.end.character, `${f.code} start before end`);
    // Within its line; a finding on an empty line may mark one character so an editor shows it.
    const len = lines[f.range.end.line]!.length;
    assert.ok(f.range.end.character <= Math.max(len, len === 0 ? 1 : 0), `${f.code} within its line`);
    assert.ok(Number.isInteger(f.filing) && f.filing >= 0 && f.filing < r.filings.length, `${f.code} filing index`);
    assert.ok(f.message.length > 0 && !/[\r\n]/.test(f.message), `${f.code} one-line message`);
  }
  JSON.stringify(r);
}

const BOX = ['│', '─', '┌', '┐', '└', '┘', '├', '┤', '┬', '┴', '┼', '═', '║', '╔', '╗', '+', '-', '='];

function mutate(rng: Rng, text: string): string {
  const lines = text.split('\n');
  const ops = rng.int(1, 12);
  for (let k = 0; k < ops; k++) {
    const i = rng.int(0, Math.max(0, lines.length - 1));
    switch (rng.int(0, 8)) {
      case 0: // delete a line
        lines.splice(i, 1);
        break;
      case 1: // duplicate a line elsewhere
        lines.splice(i, 0, lines[rng.int(0, lines.length - 1)] ?? '');
        break;
      case 2: {
        // swap two lines
        const j = rng.int(0, lines.length - 1);
        [lines[i], lines[j]] = [lines[j]!, lines[i]!];
        break;
      }
      case 3: {
        // insert noise (tabs, pipes, box characters, references, markup) at a random place
        const l = lines[i] ?? '';
        const at = rng.int(0, l.length);
        lines[i] = l.slice(0, at) + rng.pick(NOISE) + l.slice(at + rng.int(0, 3));
        break;
      }
      case 4: // reverse a line
        lines[i] = (lines[i] ?? '').split('').reverse().join('');
        break;
      case 5: {
        // flip characters: letters to look-alikes or other letters, digits to other digits
        const chars = [...(lines[i] ?? '')];
        for (let n = rng.int(1, 6); n > 0 && chars.length; n--) {
          const at = rng.int(0, chars.length - 1);
          const c = chars[at]!;
          chars[at] = /\d/.test(c) ? String(rng.int(0, 9)) : /[a-z]/i.test(c) ? rng.pick(['0', '1', 'l', 'I', 'O', 'Γ', 'о', c.toUpperCase(), c.toLowerCase()]) : rng.pick(NOISE);
        }
        lines[i] = chars.join('');
        break;
      }
      case 6: // a row of box drawing, as a grid renderer would make
        lines.splice(i, 0, Array.from({ length: rng.int(1, 120) }, () => rng.pick(BOX)).join(''));
        break;
      case 7: // cut a line in two
        {
          const l = lines[i] ?? '';
          const at = rng.int(0, l.length);
          lines.splice(i, 1, l.slice(0, at), l.slice(at));
        }
        break;
      default: // change the separators of a line
        lines[i] = (lines[i] ?? '').replace(/\s+/g, rng.pick(['\t', '  ', '|', ' ', ' | ', '\t\t']));
    }
  }
  return lines.join(rng.chance(0.2) ? '\r\n' : '\n');
}

test('random bytes (decoded as a reader would) and random unicode never throw', { timeout: 60_000 }, () => {
  const rng = new Rng('bytes');
  for (let n = 0; n < 150; n++) {
    const len = rng.int(0, 4000);
    let s = '';
    for (let i = 0; i < len; i++) s += rng.chance(0.7) ? String.fromCharCode(rng.int(0, 0x7f)) : String.fromCodePoint(rng.int(0x80, 0x2ffff));
    checkResult(s);
  }
  for (let n = 0; n < 100; n++) {
    const bytes = Buffer.alloc(rng.int(0, 6000));
    for (let i = 0; i < bytes.length; i++) bytes[i] = rng.chance(0.5) ? rng.int(0x20, 0x7e) : rng.int(0, 0xff);
    checkResult(bytes.toString('utf8'));
    checkResult(bytes.toString('latin1'));
  }
  // Lone surrogates and other code units a decoder can leave behind.
  for (let n = 0; n < 50; n++) {
    let s = '';
    for (let i = rng.int(0, 2000); i > 0; i--) s += String.fromCharCode(rng.int(0, 0xffff));
    checkResult(s);
  }
  withinBudget();
});

test('mutated real filings never throw', { timeout: 60_000 }, () => {
  const rng = new Rng('mutate');
  for (let n = 0; n < 300; n++) checkResult(mutate(rng, rng.pick(seedTexts)));
  // Several mutated filings in one document, as a converter might concatenate them.
  for (let n = 0; n < 30; n++) checkResult(Array.from({ length: rng.int(2, 6) }, () => mutate(rng, rng.pick(seedTexts))).join(rng.pick(['\n', '\n\n', '\f', '\n---\n'])));
  withinBudget();
});

test('edge texts: empty, whitespace only, one huge line, 5 MB of filings, control characters', { timeout: 120_000 }, () => {
  for (const t of ['', ' ', '\n\n\n', '\r\n\r', '\r', '\t', '\f', '\u00a0\u2003\u3000', '\uFEFF', 'FORM 4', 'FORM 4\nSTATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP', '\u0000'.repeat(1000)]) checkResult(t);
  // Whitespace only, large.
  checkResult(' \t\n\r\n'.repeat(250_000));
  checkResult('\n'.repeat(1_000_000));
  // One huge line: plain, and a whole filing with its line breaks turned into spaces.
  checkResult('x'.repeat(2_000_000));
  checkResult(seedTexts.join(' ').replace(/\r?\n/g, ' ').repeat(40));
  checkResult('(1)'.repeat(200_000));
  checkResult('\t'.repeat(1_000_000));
  // 5 MB: the seeds repeated, mutated seeds, and random text.
  const five = 5 * 1024 * 1024;
  const big = seedTexts.join('\n').repeat(Math.ceil(five / seedTexts.join('\n').length));
  const r = analyze(big, { today: TODAY });
  assert.ok(r.filings.length > 100);
  const rng = new Rng('five-mb');
  const parts: string[] = [];
  for (let size = 0; size < five; ) {
    const t = mutate(rng, rng.pick(seedTexts));
    parts.push(t);
    size += t.length;
  }
  checkResult(parts.join('\n'));
  const chunk: string[] = [];
  for (let i = 0; i < 64 * 1024; i++) chunk.push(rng.chance(0.8) ? String.fromCharCode(rng.int(0x20, 0x7e)) : rng.pick(['\n', '\t', '|', '│', '(1)', 'X', '☒']));
  const noise = chunk.join('');
  checkResult(noise.repeat(Math.ceil(five / noise.length)));
  withinBudget();
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

test('typing inside lines (no line added or removed) keeps equal to a fresh analysis, titles and disable comments included', () => {
  const rng = new Rng('in-line');
  const lines = [...seedTexts, ...seedTexts].join('\n\n').split('\n');
  const inc = new IncrementalAnalyzer(lines.join('\n'), { today: TODAY });
  inc.analyze();
  const titles = lines.map((l, i) => (/^\s*(?:#+\s*)?FORM [345]\b/.test(l) ? i : -1)).filter((i) => i >= 0);
  assert.ok(titles.length >= 4, 'the document has several titles to edit');
  const commentLines = lines.map((l, i) => (l.trim() === '' ? i : -1)).filter((i) => i >= 0).filter((_, k) => k % 40 === 0).slice(0, 3);
  const replaceLine = (line: number, text: string) => {
    inc.applyChanges([{ range: { start: { line, character: 0 }, end: { line, character: lines[line]!.length } }, text }]);
    lines[line] = text;
  };
  for (let e = 0; e < 120; e++) {
    const kind = rng.int(0, 5);
    if (kind === 0) {
      // A title destroyed, restored or changed: filings merge, split and change form.
      const line = rng.pick(titles);
      replaceLine(line, rng.pick(['FORM 4', 'FORM 5', 'FXRM 4', 'FORM 3', 'notes']));
    } else if (kind === 1) {
      // A disable comment written, rewritten or erased on one of a few blank lines.
      replaceLine(rng.pick(commentLines), rng.pick(['form345-disable-next-line late-filing', 'form345-disable ocr-text', 'form345-disable', '']));
    } else {
      // Ordinary typing: a character or a word in a random line.
      const line = rng.int(0, lines.length - 1);
      const at = rng.int(0, lines[line]!.length);
      const cut = rng.chance(0.3) ? Math.min(lines[line]!.length, at + rng.int(1, 4)) : at;
      const insert = rng.pick(['x', '4', ' ', '(1)', 'P', '12/18/2014', '']);
      inc.applyChanges([{ range: { start: { line, character: at }, end: { line, character: cut } }, text: insert }]);
      lines[line] = lines[line]!.slice(0, at) + insert + lines[line]!.slice(cut);
    }
    if (rng.chance(0.5)) {
      const got = inc.analyze();
      const want = analyze(lines.join('\n'), { today: TODAY });
      assert.deepStrictEqual(JSON.parse(JSON.stringify(got)), JSON.parse(JSON.stringify(want)), `edit ${e}`);
    }
  }
});
