/**
 * The same values printed other ways than EDGAR's page prints them: footnote references as
 * superscript digits (`S¹`, text taken from a PDF) or in brackets (`$31.20[1]`), signature dates
 * with dashes or a month written out. Tokenizer first, then the clean rule fixture rewritten.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '../../server/src/analysis';
import { classify } from '../../server/src/analysis/text/cells';
import { maskLine } from '../../server/src/analysis/layout/mask';

const TODAY = new Date('2026-11-23T12:00:00Z');
const CLEAN = readFileSync(path.resolve(__dirname, '..', '..', 'fixtures', 'rules', 'clean.form4.txt'), 'utf8');

function rewrite(from: string, to: string): string {
  assert.ok(CLEAN.includes(from), `the clean fixture has ${JSON.stringify(from)}`);
  return CLEAN.replace(from, to);
}

function read(text: string) {
  const r = analyze(text, { today: TODAY });
  assert.equal(r.filings.length, 1);
  return { record: r.filings[0]!.record, codes: r.findings.map((f) => f.code) };
}

// ---------------------------------------------------------------------------------------------
// Tokens

test('a bare superscript digit after a value is its footnote reference', () => {
  assert.deepEqual(pick(classify('S¹', 0, 0, 0)), { type: 'letter', text: 'S', refs: ['1'] });
  assert.deepEqual(pick(classify('$31.20²', 0, 0, 0)), { type: 'money', text: '31.20', refs: ['2'] });
  assert.deepEqual(pick(classify('25,000¹²', 0, 0, 0)), { type: 'number', text: '25,000', refs: ['12'] });
  assert.deepEqual(pick(classify('¹', 0, 0, 0)), { type: 'ref', text: '', refs: ['1'] });
});

test('a bracketed number after a value is its footnote reference; standing alone it is a reference', () => {
  assert.deepEqual(pick(classify('$31.20[1]', 0, 0, 0)), { type: 'money', text: '31.20', refs: ['1'] });
  assert.deepEqual(pick(classify('Stock[2][3]', 0, 0, 0)), { type: 'word', text: 'Stock', refs: ['2', '3'] });
  assert.deepEqual(pick(classify('[4]', 0, 0, 0)), { type: 'ref', text: '', refs: ['4'] });
  // Three digits are no footnote number.
  assert.equal(classify('[123]', 0, 0, 0).refs.length, 0);
});

test('masking reads ⁽¹⁾ as (1) but leaves a bare superscript digit for the tokenizer', () => {
  assert.equal(maskLine('25,000⁽¹⁾').text, '25,000(1)');
  assert.equal(maskLine('25,000¹').text, '25,000¹');
  assert.equal(maskLine('25,000⁽¹²⁾').text, '25,000(12)');
});

function pick(t: ReturnType<typeof classify>) {
  return { type: t.type, text: t.text, refs: t.refs };
}

// ---------------------------------------------------------------------------------------------
// Whole filings

test('references and footnote numbers printed as superscript digits', () => {
  let text = rewrite('$ 31.20 (1)', '$ 31.20¹');
  text = text.replace('By Trust (2)', 'By Trust²').replace('(1) The price reported', '¹ The price reported').replace('(2) Held by', '² Held by');
  const { record, codes } = read(text);
  assert.deepEqual(record.nonDerivative[1]!.footnoteIds, ['1']);
  assert.equal(record.nonDerivative[1]!.pricePerShare, 31.2);
  assert.deepEqual(record.nonDerivative[2]!.footnoteIds, ['2']);
  assert.equal(record.nonDerivative[2]!.natureOfOwnership, 'By Trust');
  assert.deepEqual(record.footnotes.map((f) => f.id), ['1', '2']);
  assert.ok(!codes.includes('unused-footnote') && !codes.includes('undefined-footnote'), codes.join(', '));
});

test('references and footnote numbers in brackets', () => {
  let text = rewrite('$ 31.20 (1)', '$ 31.20[1]');
  text = text.replace('By Trust (2)', 'By Trust [2]').replace('(1) The price reported', '[1] The price reported').replace('(2) Held by', '[2] Held by');
  const { record, codes } = read(text);
  assert.deepEqual(record.nonDerivative[1]!.footnoteIds, ['1']);
  assert.deepEqual(record.nonDerivative[2]!.footnoteIds, ['2']);
  assert.equal(record.nonDerivative[2]!.natureOfOwnership, 'By Trust');
  assert.deepEqual(record.footnotes.map((f) => f.id), ['1', '2']);
  assert.ok(!codes.includes('unused-footnote'), codes.join(', '));
});

test('a signature dated with dashes', () => {
  const { record } = read(rewrite('/s/ Ana M. Rivera\t03/03/2021', '/s/ Ana M. Rivera\t03-03-2021'));
  assert.deepEqual(record.signatures, [{ name: 'Ana M. Rivera', date: '2021-03-03' }]);
});

test('a signature dated with the month written out, at the end of its line', () => {
  const { record } = read(rewrite('/s/ Ana M. Rivera\t03/03/2021', '/s/ Ana M. Rivera    March 3, 2021'));
  assert.deepEqual(record.signatures, [{ name: 'Ana M. Rivera', date: '2021-03-03' }]);
});

test('a month written out inside a remark sentence is no signature date', () => {
  const { record } = read(rewrite('Remarks:\n', 'Remarks:\nThe options were granted on March 1, 2021 under the plan.\n'));
  assert.equal(record.remarks, 'The options were granted on March 1, 2021 under the plan.');
  assert.deepEqual(record.signatures, [{ name: 'Ana M. Rivera', date: '2021-03-03' }]);
});

test('a remark wrapped right after a month written out is no signature date', () => {
  const { record } = read(rewrite('Remarks:\n', 'Remarks:\nThe options were granted under the plan dated as of March 1, 2021\n(the "Plan") and vest over four years.\n'));
  assert.deepEqual(record.signatures, [{ name: 'Ana M. Rivera', date: '2021-03-03' }]);
});
