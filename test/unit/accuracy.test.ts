/**
 * The accuracy command (test/tools/accuracy.ts): its arithmetic on tiny made-up cases, and a run over
 * a small real subset.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { accuracyOf, addDocument, corpus, leaves, measure, newGroup, scoreDocument, sum, table } from '../tools/accuracy';
import type { Finding } from '../../server/src/analysis';

test('leaves: scalars by pointer, arrays of scalars whole, objects and arrays of objects walked', () => {
  const l = leaves({ a: 1, b: { c: null, d: 'x' }, ids: ['1', '2'], rows: [{ e: true }, { e: false }], none: [] });
  assert.deepStrictEqual([...l.entries()], [
    ['/a', '1'], ['/b/c', 'null'], ['/b/d', '"x"'], ['/ids', '["1","2"]'], ['/rows/0/e', 'true'], ['/rows/1/e', 'false'], ['/none', '[]'],
  ]);
});

test('scoreDocument: right, wrong, missing and extra leaves; lost values read as null are right', () => {
  const truth = { a: 1, b: 2, c: 3, rows: [{ x: 1 }] };
  // a right, b wrong, c lost and read as null (right), rows/0/x right, rows/1/x extra (wrong).
  const got = { a: 1, b: 9, c: null, rows: [{ x: 1 }, { x: 5 }] };
  const s = scoreDocument([got], [truth], [['/c']]);
  assert.deepStrictEqual(s, { fields: 5, correct: 3, filings: 1, exact: 0, found: 1 });
  assert.equal(accuracyOf(s), 3 / 5);
  // A lost value read as something else is wrong; a lost parent covers its leaves.
  assert.equal(scoreDocument([{ c: 4 }], [{ c: 3 }], [['/c']]).correct, 0);
  assert.equal(scoreDocument([{ r: { x: null, y: null } }], [{ r: { x: 1, y: 2 } }], [['/r']]).correct, 2);
});

test('scoreDocument: a filing not found counts all its leaves wrong, an extra filing all of its own', () => {
  assert.deepStrictEqual(scoreDocument([], [{ a: 1, b: 2 }]), { fields: 2, correct: 0, filings: 1, exact: 0, found: 0 });
  assert.deepStrictEqual(scoreDocument([{ a: 1 }, { z: 1, y: 2, x: 3 }], [{ a: 1 }]), { fields: 4, correct: 1, filings: 1, exact: 1, found: 2 });
});

test('addDocument and sum: errors counted on clean filings only, warnings on all', () => {
  const finding = (code: string, severity: Finding['severity']) => ({ code, severity }) as Finding;
  const g = newGroup('c', 'r');
  const findings = [finding('missing-signature', 'error'), finding('late-filing', 'warning'), finding('ocr-text', 'hint')];
  addDocument(g, { corpus: 'c', route: 'r', text: '', truth: [{ a: 1 }], clean: true }, { filings: [{ record: { a: 1 } }] as never, findings });
  addDocument(g, { corpus: 'c', route: 'r', text: '', truth: [{ a: 1 }], clean: false }, { filings: [{ record: { a: 2 } }] as never, findings });
  assert.equal(g.documents, 2);
  assert.equal(g.falseErrors, 1);
  assert.deepStrictEqual(g.errorCodes, { 'missing-signature': 1 });
  assert.equal(g.warnings, 2);
  assert.equal(g.cleanFilings, 1);
  assert.equal(accuracyOf(g), 0.5);
  const total = sum('c', [g, g]);
  assert.equal(total.fields, 4);
  assert.equal(total.falseErrors, 2);
  assert.deepStrictEqual(total.errorCodes, { 'missing-signature': 2 });
});

test('a small real subset: the rendered fixtures read exactly, and the table shows them', () => {
  const groups = measure(corpus('rendered', 0));
  assert.ok(groups.length >= 7, 'one group per tool');
  const total = sum('rendered', groups);
  assert.equal(total.filings, 35);
  assert.equal(total.found, 35);
  assert.equal(accuracyOf(total), 1);
  assert.equal(total.falseErrors, 0);
  const text = table(groups);
  assert.match(text, /^corpus\s+route/);
  assert.match(text, /rendered\s+all\s+35\s+35\s+35\s+1\.0000\s+35\/35 100%/);
});

test('generated filings: same seed, same figures', () => {
  const a = sum('gen', measure(corpus('gen', 2)));
  const b = sum('gen', measure(corpus('gen', 2)));
  assert.deepStrictEqual(a, b);
  assert.equal(a.filings, 8, '2 per noise level, 4 levels');
});
