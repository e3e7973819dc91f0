import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ALL_CODES,
  CODE_GROUPS,
  codeInfo,
  codeReferenceMarkdown,
  expectedDirection,
  formsAllowing,
  isTransactionCode,
} from '../../server/src/analysis/domain/codes';

test('exactly the 20 SEC codes, in the SEC order', () => {
  assert.equal(ALL_CODES.map((c) => c.code).join(''), 'PSVADFIMCEHOXGLWZJKU');
  for (const letter of 'YBNQRT') assert.equal(isTransactionCode(letter), false, letter);
  assert.equal(isTransactionCode(''), false);
  assert.equal(isTransactionCode('PS'), false);
});

test('codes are recognised case-insensitively and with whitespace around them', () => {
  assert.equal(isTransactionCode(' p '), true);
  assert.equal(codeInfo('m')?.code, 'M');
  assert.equal(codeInfo('Q'), undefined);
});

test('groups follow the SEC grouping', () => {
  const groupOf = (c: string) => codeInfo(c)?.group;
  assert.deepEqual(['P', 'S', 'V'].map(groupOf), ['General', 'General', 'General']);
  for (const c of 'ADFIM') assert.equal(groupOf(c), 'Rule 16b-3');
  for (const c of 'CEHOX') assert.equal(groupOf(c), 'Derivative Securities');
  for (const c of 'GLWZ') assert.equal(groupOf(c), 'Other Section 16(b) Exempt and Small Acquisition');
  for (const c of 'JKU') assert.equal(groupOf(c), 'Other');
  assert.equal(CODE_GROUPS.length, 5);
});

test('every code has a meaning and a short plain explanation', () => {
  for (const c of ALL_CODES) {
    assert.ok(c.meaning.length > 10, c.code);
    assert.ok(c.explanation.length > 20, c.code);
    const sentences = c.explanation.split(/\.\s/).length;
    assert.ok(sentences <= 3, `${c.code} explanation is short`);
  }
});

test('explanations correct the common misconceptions', () => {
  assert.match(codeInfo('V')!.explanation, /not/i);
  assert.match(codeInfo('V')!.explanation, /10b5-1/);
  assert.match(codeInfo('I')!.meaning, /16b-3\(f\)/);
  assert.match(codeInfo('I')!.explanation, /discretionary/i);
  assert.match(codeInfo('W')!.meaning, /will or the laws of descent/);
  assert.match(codeInfo('P')!.explanation, /private/i);
  assert.match(codeInfo('S')!.explanation, /private/i);
});

test('P and S fix the direction near-hard in both tables', () => {
  for (const table of ['nonDerivative', 'derivative'] as const) {
    assert.deepEqual(expectedDirection('P', table), { direction: 'A', strength: 'hard' });
    assert.deepEqual(expectedDirection('S', table), { direction: 'D', strength: 'hard' });
  }
});

test('A, D, F, L, U are strong patterns in both tables', () => {
  const expected: Record<string, 'A' | 'D'> = { A: 'A', D: 'D', F: 'D', L: 'A', U: 'D' };
  for (const [code, dir] of Object.entries(expected)) {
    for (const table of ['nonDerivative', 'derivative'] as const) {
      assert.deepEqual(expectedDirection(code, table), { direction: dir, strength: 'strong' }, `${code} ${table}`);
    }
  }
});

test('exercise and conversion codes: Table I acquires, Table II disposes', () => {
  for (const code of ['M', 'X', 'O', 'C']) {
    assert.deepEqual(expectedDirection(code, 'nonDerivative'), { direction: 'A', strength: 'typical' }, code);
    assert.deepEqual(expectedDirection(code, 'derivative'), { direction: 'D', strength: 'typical' }, code);
  }
});

test('expirations: Table II disposes, Table I has no expectation', () => {
  for (const code of ['E', 'H']) {
    assert.deepEqual(expectedDirection(code, 'derivative'), { direction: 'D', strength: 'typical' });
    assert.equal(expectedDirection(code, 'nonDerivative'), null);
  }
});

test('codes that allow either direction return null', () => {
  for (const code of ['I', 'G', 'W', 'Z', 'J', 'K', 'V', 'Y', '']) {
    assert.equal(expectedDirection(code, 'nonDerivative'), null, code);
    assert.equal(expectedDirection(code, 'derivative'), null, code);
  }
});

test('K and V are not accepted in the XML transactionCode element', () => {
  const notInXml = ALL_CODES.filter((c) => !c.allowedInXml).map((c) => c.code);
  assert.deepEqual(notInXml.sort(), ['K', 'V']);
});

test('formsAllowing: deferrable codes, Form 4-only codes, V, and gifts over time', () => {
  for (const code of ['L', 'W', 'Z', 'J']) {
    const u = formsAllowing(code)!;
    assert.equal(u.form5Typical, true, code);
    assert.equal(u.form4Required, false, code);
  }
  for (const code of ['P', 'S', 'A', 'D', 'F', 'I', 'M', 'X', 'O', 'C', 'E', 'H', 'U', 'K']) {
    const u = formsAllowing(code)!;
    assert.equal(u.form4Required, true, code);
    assert.equal(u.form5Typical, false, code);
  }
  assert.deepEqual(formsAllowing('V')!.forms, ['4']);
  assert.equal(formsAllowing('G', '2022-12-01')!.form5Typical, true);
  assert.equal(formsAllowing('G')!.form5Typical, true);
  assert.equal(formsAllowing('G', '2023-02-27')!.form4Required, true);
  assert.equal(formsAllowing('G', '2024-06-01')!.form5Typical, false);
  assert.equal(formsAllowing('Q'), null);
});

test('the reference Markdown lists every code under its group heading', () => {
  const md = codeReferenceMarkdown();
  for (const c of ALL_CODES) assert.ok(md.includes(`| **${c.code}** |`), c.code);
  const headings = md.split('\n').filter((l) => l.startsWith('## '));
  assert.equal(headings.length, 5);
  assert.ok(md.indexOf('**P**') < md.indexOf('Rule 16b-3 Transaction Codes'));
  assert.ok(md.indexOf('**U**') > md.indexOf('Other Transaction Codes'));
});
