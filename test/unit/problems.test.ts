/**
 * Problems are values: what the readers could not place surfaces as `unread-text`, and a rule
 * that throws is reported as `internal-error` while the other rules keep running.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyze, applyRuleLevels } from '../../server/src/analysis';
import { parseFiling } from '../../server/src/analysis/filing/parse';
import { splitLines } from '../../server/src/analysis/text/lines';
import { RULES, runRules } from '../../server/src/analysis/rules/rules';

const DIR = path.resolve(__dirname, '..', '..', 'fixtures', 'rules');
const TODAY = new Date('2026-11-23T12:00:00Z');
const clean = readFileSync(path.join(DIR, 'clean.form4.txt'), 'utf8');
const M_ROW = 'Common Stock\t03/02/2021\t\tM\t\t10,000\tA\t$ 4.50\t25,000\tD\t';

function unread(text: string) {
  return analyze(text, { today: TODAY }).findings.filter((f) => f.code === 'unread-text');
}

test('unread-text: a value past the last column is reported with its text and range', () => {
  const text = clean.replace(M_ROW, M_ROW + '\t03/05/2021');
  const found = unread(text);
  assert.equal(found.length, 1);
  const f = found[0];
  assert.equal(f.severity, 'hint');
  assert.match(f.message, /"03\/05\/2021"/);
  const line = splitLines(text)[f.range.start.line];
  assert.equal(line.slice(f.range.start.character, f.range.end.character), '03/05/2021');
});

test('unread-text: one finding a line, however many values the line lost', () => {
  const text = clean.replace(M_ROW, M_ROW + '\t03/05/2021\t03/06/2021');
  const found = unread(text);
  assert.equal(found.length, 1);
  assert.match(found[0].message, /03\/05\/2021 03\/06\/2021/);
});

test('unread-text: nothing on the clean filing, the seeds keep their expected findings (seeds.test.ts)', () => {
  assert.deepEqual(unread(clean), []);
});

test('unread-text: footnote references, a lone "$" and sub-column captions are not lost text', () => {
  // "$ 4.50" written apart and a reference after the amount: both belong to placed values.
  const text = clean.replace(M_ROW, 'Common Stock\t03/02/2021\t\tM\t\t10,000 (1)\tA\t$\t4.50\t25,000\tD\t');
  assert.deepEqual(unread(text).map((f) => f.message), []);
});

test('unread-text: configurable like every rule', () => {
  const text = clean.replace(M_ROW, M_ROW + '\t03/05/2021');
  const all = analyze(text, { today: TODAY }).findings;
  assert.deepEqual(applyRuleLevels(all, { 'unread-text': 'off' }).filter((f) => f.code === 'unread-text'), []);
  assert.equal(applyRuleLevels(all, { 'unread-text': 'warning' }).find((f) => f.code === 'unread-text')?.severity, 'warning');
});

test('the model keeps what the readers dropped as problems, with the reason', () => {
  const model = parseFiling(splitLines(clean.replace(M_ROW, M_ROW + '\t03/05/2021')), 0);
  assert.equal(model.problems.length, 1);
  assert.equal(model.problems[0].text, '03/05/2021');
  assert.match(model.problems[0].reason, /column/);
});

test('a rule that throws is an internal-error finding, and the other rules still run', () => {
  const model = parseFiling(splitLines(clean.replace('\tS\t', '\tB\t')), 0);
  const ctx = { model, today: '2026-11-23', filingRange: { start: { line: 0, character: 0 }, end: { line: 40, character: 0 } } };
  const found = runRules(ctx, {
    'late-filing': () => {
      throw new TypeError('cannot read properties of undefined');
    },
    'unknown-transaction-code': RULES['unknown-transaction-code'],
  });
  assert.deepEqual(found.map((f) => f.code).sort(), ['internal-error', 'unknown-transaction-code']);
  const err = found.find((f) => f.code === 'internal-error')!;
  assert.match(err.message, /late-filing/);
  assert.match(err.message, /cannot read properties of undefined/);
  assert.equal(err.range.start.line, err.range.end.line);
});
