/** FactsMemo: each memo's results kept beside the record, one computation per record and memo. */
import test from 'node:test';
import assert from 'node:assert/strict';
import { FactsMemo, type MemoRecord } from '../../server/src/analysis/text/memo';

const record = (): MemoRecord => ({ memos: [] });

test('a memo computes once per record, falsy results included', () => {
  const memo = new FactsMemo<number | boolean | string>();
  for (const value of [0, false, '']) {
    const r = record();
    let calls = 0;
    const fn = () => {
      calls++;
      return value;
    };
    assert.equal(memo.get(r, fn), value);
    assert.equal(memo.get(r, fn), value);
    assert.equal(calls, 1, `computed again after ${JSON.stringify(value)}`);
  }
});

test('two memos on one record keep their own results; another record starts empty', () => {
  const a = new FactsMemo<string>();
  const b = new FactsMemo<string>();
  const r = record();
  assert.equal(a.get(r, () => 'a'), 'a');
  assert.equal(b.get(r, () => 'b'), 'b');
  assert.equal(a.get(r, () => 'not again'), 'a');
  assert.equal(b.get(r, () => 'not again'), 'b');
  const other = record();
  assert.equal(a.get(other, () => 'a2'), 'a2');
  assert.equal(a.get(r, () => 'not again'), 'a');
});
