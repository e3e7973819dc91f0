/**
 * The analysis keeps what it learns about a line's text (line facts) and a row's token shape
 * (alignment plans) from one filing to the next. Those caches must never change a result: a
 * filing reads the same whether the caches are cold, warm from other filings, or warm from the
 * same lines read under another form.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '../../server/src/analysis';
import { align, alignUncached, shapeOf, type Slot } from '../../server/src/analysis/filing/align';
import { parseHeader } from '../../server/src/analysis/filing/header';
import { prepareLines } from '../../server/src/analysis/filing/prepare';
import { variantsFor } from '../../server/src/analysis/filing/tables';
import type { Token, TokenType } from '../../server/src/analysis/text/cells';
import { generateCase, LAYOUTS, Rng } from '../gen';

const TODAY = new Date('2026-11-23T12:00:00Z');
const SEEDS = path.resolve(__dirname, '..', '..', '..', 'shared', 'seeds');
const REAL = path.resolve(__dirname, '..', '..', 'fixtures', 'real');

function texts(): string[] {
  const seeds = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(path.join(SEEDS, f), 'utf8'));
  const real = readdirSync(REAL).filter((f) => f.endsWith('.txt') && f !== 'TOOLS.txt').slice(0, 20).map((f) => readFileSync(path.join(REAL, f), 'utf8'));
  const generated = Array.from({ length: 14 }, (_, i) => generateCase(`caches-${i}`, { layout: LAYOUTS[i % LAYOUTS.length]!, noise: (i % 3) as 0 | 1 | 2 }).text);
  return [...seeds, ...real, ...generated];
}

const snapshot = (text: string) => JSON.stringify(analyze(text, { today: TODAY }));

test('a filing reads the same before and after other filings warmed the caches', () => {
  const all = texts();
  const first = all.map(snapshot);
  // Again in reverse order, then shuffled: every text now meets caches filled by the others.
  const reversed = [...all].reverse().map(snapshot).reverse();
  assert.deepEqual(reversed, first);
  const rng = new Rng('order');
  const order = all.map((_, i) => i).sort(() => rng.next() - 0.5);
  for (const i of order) assert.equal(snapshot(all[i]!), first[i], `text ${i} after the others`);
});

test('the same header lines under another form read as that form (cut-short box labels name different boxes per form)', () => {
  // Seed 000 cuts box labels short ("3. Da"): box 3 is the date on Form 4 but the issuer on Form 3,
  // so the cell opens the date box on Form 4 and no box on Form 3, whichever form read it first.
  const seed = readFileSync(path.join(SEEDS, readdirSync(SEEDS).find((f) => f.startsWith('000_'))!), 'utf8').split('\n');
  const k = seed.findIndex((l) => l.includes('\t3. Da\t'));
  assert.ok(k > 0, 'the seed has the cut-short label');
  const at = seed[k]!.indexOf('3. Da');
  const opensDateBox = (lines: string[], form: '3' | '4') =>
    parseHeader(prepareLines(lines.slice(0, k + 1), 0), form).labels.some((l) => l.key === 'box.periodOfReport' && l.range.start.line === k && l.range.start.character === at);
  // Two spellings of the line (a trailing blank apart), so each order starts from cold facts.
  const first = seed.slice(0, k + 1);
  const second = [...seed.slice(0, k), `${seed[k]} `];
  assert.equal(opensDateBox(first, '3'), false);
  assert.equal(opensDateBox(first, '4'), true);
  assert.equal(opensDateBox(second, '4'), true);
  assert.equal(opensDateBox(second, '3'), false);
});

// ---------------------------------------------------------------------------------------------
// Alignment plans: random rows, aligned with and without the plan cache.

const TYPES: TokenType[] = ['date', 'number', 'number', 'money', 'letter', 'ref', 'ref', 'word', 'word', 'word', 'empty', 'check'];
const LETTERS = ['P', 'S', 'M', 'A', 'D', 'I', 'V', 'Q', 'X'];
const WORDS = ['Common', 'Stock', 'Immediately', 'Direct', 'indirect', '-', 'By', 'Trust'];

function randomRow(rng: Rng): Token[] {
  const n = 1 + Math.floor(rng.next() * 24);
  let cell = 0;
  let line = 0;
  return Array.from({ length: n }, (_, i) => {
    if (rng.next() < 0.35) cell++;
    if (rng.next() < 0.3) line++;
    const type = TYPES[Math.floor(rng.next() * TYPES.length)]!;
    const text = type === 'letter' ? LETTERS[Math.floor(rng.next() * LETTERS.length)]! : type === 'check' ? (rng.next() < 0.5 ? '☒' : '☐') : type === 'word' ? WORDS[Math.floor(rng.next() * WORDS.length)]! : `${i}`;
    return { type, text, start: i * 4, end: i * 4 + 3, cell, line, refs: [], refSpans: [], superscript: type === 'ref' && rng.next() < 0.5 };
  });
}

/** The real grammars of Form 4: Table I transactions and Table II transactions. */
const GRAMMAR: readonly Slot[] = variantsFor('nonDerivative', '4')[0]!.slots;
const GRAMMAR_II: readonly Slot[] = variantsFor('derivative', '4')[0]!.slots;

const shape = (a: ReturnType<typeof align>) => JSON.stringify({ cost: a.cost, fills: a.fills.map((f) => ({ field: f.slot.field, tokens: f.tokens, footnoteOnly: f.footnoteOnly, explicitEmpty: f.explicitEmpty })), dropped: a.dropped });

test('a cached alignment plan gives what the program computes afresh, on 5000 random rows', () => {
  const rng = new Rng('align');
  for (let k = 0; k < 5000; k++) {
    const row = randomRow(rng);
    const grammar = k % 2 ? GRAMMAR : GRAMMAR_II;
    assert.equal(shape(align(row, grammar)), shape(alignUncached(row, grammar)), `row ${k}`);
  }
});

/** An alignment as token positions, so rows with other texts can be compared. */
function positions(row: Token[], a: ReturnType<typeof align>): string {
  const index = (t: Token) => row.indexOf(t);
  return JSON.stringify({ cost: a.cost, fills: a.fills.map((f) => [f.tokens.map(index), f.footnoteOnly, f.explicitEmpty]), dropped: a.dropped.map(index) });
}

/** The row again with random lines, cells, superscripts and texts of the same types. */
function perturbed(rng: Rng, row: Token[]): Token[] {
  const fresh = randomRow(rng);
  let cell = 0;
  let line = 0;
  return row.map((t, i) => {
    if (rng.next() < 0.5) cell++;
    if (rng.next() < 0.5) line++;
    const other = fresh[i % fresh.length]!;
    const text = other.type === t.type && rng.next() < 0.5 ? other.text : t.text;
    return { ...t, text, cell, line, superscript: t.type === 'ref' ? rng.next() < 0.5 : t.superscript };
  });
}

test('rows of one shape align alike (the shape holds everything the costs read)', () => {
  const rng = new Rng('shape');
  let compared = 0;
  for (let k = 0; k < 1500; k++) {
    const row = randomRow(rng).slice(0, 8);
    const want = positions(row, alignUncached(row, GRAMMAR));
    for (let p = 0; p < 20; p++) {
      const twin = perturbed(rng, row);
      if (shapeOf(twin) !== shapeOf(row)) continue;
      compared++;
      assert.equal(positions(twin, alignUncached(twin, GRAMMAR)), want, `row ${k}`);
    }
  }
  assert.ok(compared > 500, `enough rows of equal shape compared (${compared})`);
});

/** The row with one feature of one token changed: its superscript, line, cell or text. */
function toggled(rng: Rng, row: Token[]): Token[] {
  const i = Math.floor(rng.next() * row.length);
  const t = row[i]!;
  const out = row.map((x) => ({ ...x }));
  const which = Math.floor(rng.next() * 4);
  if (which === 0) out[i]!.superscript = !t.superscript;
  else if (which === 1) for (let k = i; k < out.length; k++) out[k]!.line += 1;
  else if (which === 2) for (let k = i; k < out.length; k++) out[k]!.cell += 1;
  else out[i]!.text = t.type === 'word' ? WORDS[Math.floor(rng.next() * WORDS.length)]! : t.type === 'letter' ? LETTERS[Math.floor(rng.next() * LETTERS.length)]! : t.text;
  return out;
}

test('a change that moves an alignment or its cost changes the shape', () => {
  const rng = new Rng('toggle');
  let moved = 0;
  for (let k = 0; k < 20000; k++) {
    const row = randomRow(rng).slice(0, 10);
    const other = toggled(rng, row);
    if (positions(row, alignUncached(row, GRAMMAR)) === positions(other, alignUncached(other, GRAMMAR))) continue;
    moved++;
    assert.notEqual(shapeOf(other), shapeOf(row), `row ${k}: ${JSON.stringify(row)} vs ${JSON.stringify(other)}`);
  }
  assert.ok(moved > 1000, `enough changes moved an alignment (${moved})`);
});

