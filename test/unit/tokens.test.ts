/**
 * Word classification (server/src/analysis/text/cells.ts): footnote references peeled off the end
 * of a word in every way one ends, trailing punctuation OCR leaves on values, and the words that
 * end in neither (which skip those patterns) read as before.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classify } from '../../server/src/analysis/text/cells';

function pick(raw: string) {
  const t = classify(raw, 10, 2, 7);
  return { type: t.type, text: t.text, start: t.start, end: t.end, refs: t.refs, spans: t.refSpans.map((s) => [s.id, s.start, s.end]) };
}

test('references at the end of a word: parenthesised, with carets, bracketed, several', () => {
  assert.deepEqual(pick('P(1)(2)'), { type: 'letter', text: 'P', start: 10, end: 11, refs: ['1', '2'], spans: [['1', 11, 14], ['2', 14, 17]] });
  assert.deepEqual(pick('519^(1)^'), { type: 'number', text: '519', start: 10, end: 13, refs: ['1'], spans: [['1', 13, 17]] });
  assert.deepEqual(pick('Stock^(2)'), { type: 'word', text: 'Stock', start: 10, end: 15, refs: ['2'], spans: [['2', 15, 19]] });
  assert.deepEqual(pick('2,000(03)'), { type: 'number', text: '2,000', start: 10, end: 15, refs: ['3'], spans: [['3', 15, 19]] });
  assert.deepEqual(pick('(4)'), { type: 'ref', text: '', start: 10, end: 13, refs: ['4'], spans: [['4', 10, 13]] });
  // A word that ends in ")" but holds no reference keeps it.
  assert.deepEqual(pick('Plan)'), { type: 'word', text: 'Plan)', start: 10, end: 15, refs: [], spans: [] });
});

test('trailing punctuation on values, and words without it or a reference', () => {
  assert.deepEqual(pick('2,000.'), { type: 'number', text: '2,000', start: 10, end: 16, refs: [], spans: [] });
  assert.deepEqual(pick('12/03/2020;'), { type: 'date', text: '12/03/2020', start: 10, end: 21, refs: [], spans: [] });
  assert.deepEqual(pick('$4.50,'), { type: 'money', text: '4.50', start: 10, end: 16, refs: [], spans: [] });
  assert.deepEqual(pick('D,'), { type: 'word', text: 'D,', start: 10, end: 12, refs: [], spans: [] });
  assert.deepEqual(pick('(A)'), { type: 'letter', text: 'A', start: 10, end: 13, refs: [], spans: [] });
  assert.equal(classify('(A)', 0, 0, 0).paren, true);
  assert.deepEqual(pick('S'), { type: 'letter', text: 'S', start: 10, end: 11, refs: [], spans: [] });
  assert.deepEqual(pick('Common'), { type: 'word', text: 'Common', start: 10, end: 16, refs: [], spans: [] });
  assert.deepEqual(pick('☒'), { type: 'check', text: '☒', start: 10, end: 11, refs: [], spans: [] });
  // Each token has arrays of its own.
  const a = classify('Common', 0, 0, 0);
  const b = classify('Stock', 0, 0, 0);
  assert.notEqual(a.refs, b.refs);
});
