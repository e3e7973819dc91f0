/**
 * JSON written in slices (server/src/lsp/jsonSlices.ts): how the server answers `form345/records`
 * for a filing of thousands of rows without holding its event loop. Whatever the value and however
 * short the slices, the bytes are exactly JSON.stringify's, and the transport writes them as such.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { analyze } from '../../server/src/analysis';
import { EncodedJson, JsonSlicer, encodeInSlices } from '../../server/src/lsp/jsonSlices';
import { LineDocument } from '../../server/src/lsp/lineDocument';
import { recordsOf } from '../../server/src/lsp/records';
import { encodeMessage } from '../../server/src/lsp/transport';
import { Rng } from '../gen';
import { hugeFiling } from '../support/stall';

/** The JSON text, written with at most `budget` of work per slice (0: one value per slice, about). */
function sliced(value: unknown, budgetMs = 0): { text: string | undefined; slices: number } {
  const slicer = new JsonSlicer(value);
  let slices = 1;
  while (slicer.step(performance.now() + budgetMs)) slices++;
  const encoded = slicer.encoded;
  return { text: encoded && Buffer.concat(encoded.pieces).toString('utf8'), slices };
}

/** A random value of every kind JSON.stringify treats apart, sometimes wide, sometimes deep. */
function randomValue(rng: Rng, depth: number): unknown {
  const kind = depth > 4 ? rng.int(0, 6) : rng.int(0, 9);
  switch (kind) {
    case 0:
      return rng.pick([0, -0, 1.5, -3e-7, 1e21, Number.MAX_SAFE_INTEGER, NaN, Infinity, -Infinity, rng.int(-1e6, 1e6)]);
    case 1:
      return rng.chance(0.3) ? '' : String.fromCodePoint(...Array.from({ length: rng.int(1, 12) }, () => (rng.chance(0.8) ? rng.int(32, 126) : rng.pick([0, 9, 10, 34, 92, 0x7f, 0xe9, 0x2028, 0x1f600, 0xd800]))));
    case 2:
      return rng.chance(0.5);
    case 3:
      return null;
    case 4:
      return rng.pick([undefined, () => 1, Symbol('s')]);
    case 5:
      return rng.pick([new Date(Date.UTC(2020, rng.int(0, 11), rng.int(1, 28))), new Number(4), new String('boxed'), { toJSON: (key: string) => `key:${key}` }, { toJSON: () => undefined }]);
    case 6: {
      // A class instance and an object with an accessor, as the worker's lazy parts are.
      class Point {
        constructor(readonly x: number) {}
      }
      const o: Record<string, unknown> = { p: new Point(rng.int(0, 9)) };
      Object.defineProperty(o, 'lazy', { enumerable: true, get: () => ({ read: true }) });
      Object.defineProperty(o, 'hidden', { enumerable: false, value: 1 });
      return o;
    }
    case 7:
    case 8: {
      const a = Array.from({ length: rng.int(0, depth < 2 && rng.chance(0.2) ? 300 : 6) }, () => randomValue(rng, depth + 1));
      if (a.length > 2 && rng.chance(0.1)) delete a[1]; // a hole
      return a;
    }
    default: {
      const o: Record<string, unknown> = rng.chance(0.1) ? (Object.create(null) as Record<string, unknown>) : {};
      const n = rng.int(0, depth < 2 && rng.chance(0.2) ? 200 : 6);
      for (let i = 0; i < n; i++) {
        const key = rng.chance(0.1) ? String(rng.int(0, 50)) : rng.chance(0.05) ? '__proto__' : `k${rng.int(0, 1000)}"é`;
        // An own property even when named "__proto__" (as JSON.parse makes it).
        Object.defineProperty(o, key, { value: randomValue(rng, depth + 1), enumerable: true, writable: true, configurable: true });
      }
      return o;
    }
  }
}

test('random values, one value per slice or many: the text of JSON.stringify', () => {
  const rng = new Rng('json-slices');
  for (let i = 0; i < 400; i++) {
    const value = randomValue(rng, 0);
    const budget = rng.chance(0.5) ? 0 : 5;
    assert.equal(sliced(value, budget).text, JSON.stringify(value), `case ${i}`);
  }
});

test('top-level values: scalars, nothing, toJSON at the top', () => {
  for (const v of [[], {}, 0, 'text', null, true, NaN, undefined, () => 1, { toJSON: () => undefined }, { toJSON: (k: string) => ({ k }) }, new Date(0)]) {
    assert.equal(sliced(v).text, JSON.stringify(v));
  }
});

test('what JSON.stringify throws on, the slicer throws on', () => {
  const cyclic: Record<string, unknown> = { a: [1, 2] };
  (cyclic.a as unknown[]).push({ back: cyclic });
  assert.throws(() => sliced(cyclic), TypeError);
  assert.throws(() => sliced({ n: 1n }), TypeError);
  // The same object twice, not inside itself, is no cycle.
  const shared = { s: 1 };
  assert.equal(sliced({ a: shared, b: [shared, shared] }).text, JSON.stringify({ a: shared, b: [shared, shared] }));
});

test('the records of a filing of 800 rows: written in many short slices, the same bytes, framed by the transport', async () => {
  const { text } = hugeFiling(800);
  const result = analyze(text, { today: new Date('2025-06-02T12:00:00Z') });
  const snapshot = { uri: 'file:///huge.txt', version: 3, languageId: 'form345', document: new LineDocument('file:///huge.txt', 'form345', 3, text), result, declined: false };
  const records = recordsOf(snapshot, {});
  const want = JSON.stringify(records);
  assert.ok(want.length > 1_000_000, `${want.length} characters of records`);
  const { text: got, slices } = sliced(records, 1);
  assert.equal(got, want);
  assert.ok(slices > 10, `${slices} slices of about 1 ms`);
  const encoded = await encodeInSlices(records);
  assert.ok(encoded instanceof EncodedJson && encoded.pieces.length > 1, 'in UTF-8 pieces');
  // The reply as the stdio writer frames it, and as any other serializer sees it.
  const reply = { jsonrpc: '2.0', id: 7, result: encoded };
  assert.equal(encodeMessage(reply).toString('utf8'), JSON.stringify({ jsonrpc: '2.0', id: 7, result: records }));
  assert.equal(JSON.stringify(reply), JSON.stringify({ jsonrpc: '2.0', id: 7, result: records }));
  assert.equal(await encodeInSlices(records, () => true), undefined, 'a cancelled request gets nothing written');
});
