/**
 * JSON in pieces (server/src/lsp/chunkedJson.ts): what the filing worker sends so the main thread
 * can read a filing of thousands of rows a piece at a time. Whatever the value and however small
 * the pieces, reading them back gives exactly JSON.parse(JSON.stringify(value)).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ChunkedJsonReader, encodeChunked, type ChunkPlan } from '../../server/src/lsp/chunkedJson';
import { Rng } from '../gen';

function roundTrip(value: unknown, maxChars: number): { value: unknown; steps: number; pieces: string[] } {
  const chunked = encodeChunked(value, maxChars);
  // Through structured clone, as postMessage delivers it (the buffer is transferred).
  const received = structuredClone(chunked, { transfer: [chunked.buffer] });
  const reader = new ChunkedJsonReader(received);
  let steps = 1;
  while (reader.step()) steps++;
  const pieces: string[] = [];
  const bytes = Buffer.from(received.buffer);
  const walk = (p: ChunkPlan): void => {
    if ('json' in p) pieces.push(bytes.subarray(p.json.at, p.json.at + p.json.length).toString('utf8'));
    else if ('items' in p) p.items.forEach(walk);
    else for (const x of p.props) walk(x.plan);
  };
  walk(received.plan);
  return { value: reader.value, steps, pieces };
}

const expected = (v: unknown): unknown => JSON.parse(JSON.stringify(v) ?? 'null');

test('a large array of objects is cut into runs of items, each piece within the bound', () => {
  const rows = Array.from({ length: 2000 }, (_, i) => ({ row: i, title: `Common Stock ${i}`, amount: i * 10.5, code: 'P', note: i % 7 ? null : 'é ✓ 𝄞' }));
  const { value, steps, pieces } = roundTrip({ head: { n: 1 }, rows, tail: 'end' }, 4096);
  assert.deepStrictEqual(value, expected({ head: { n: 1 }, rows, tail: 'end' }));
  assert.ok(pieces.length > 20, `${pieces.length} pieces`);
  assert.equal(steps, pieces.length + 1, 'one piece a step, then the value is put together');
  for (const p of pieces) assert.ok(p.length <= 4096, `a piece of ${p.length} characters`);
});

test('a small value is one piece', () => {
  const { value, pieces } = roundTrip({ a: [1, 2, { b: 'c' }] }, 4096);
  assert.deepStrictEqual(value, { a: [1, 2, { b: 'c' }] });
  assert.equal(pieces.length, 1);
});

test('an object of many properties is cut into runs of properties, in their order', () => {
  const sources: Record<string, unknown> = {};
  for (let i = 0; i < 3000; i++) sources[`/nonDerivative/${i}/shares`] = { start: { line: i, character: 3 }, end: { line: i, character: 9 } };
  // Integer-like keys come first in any object; the rebuilt one lists them alike.
  sources['7'] = 'seven';
  const { value, pieces } = roundTrip(sources, 2000);
  assert.ok(pieces.length > 50);
  assert.deepStrictEqual(value, expected(sources));
  assert.deepStrictEqual(Object.keys(value as object), Object.keys(expected(sources) as object));
});

test('what JSON cannot hold is written as JSON.stringify writes it', () => {
  const value = {
    gone: undefined,
    fn: () => 1,
    date: new Date('2025-06-02T12:00:00Z'),
    nan: NaN,
    inf: -Infinity,
    list: [undefined, () => 2, Symbol('s'), null, 0, -0, '', 'x'.repeat(50)],
    withToJson: { toJSON: () => ({ replaced: true }) },
    nested: { deeper: { deepest: Array.from({ length: 40 }, (_, i) => ({ i, s: 'y'.repeat(i) })) } },
  };
  for (const max of [1, 16, 200, 1 << 20]) assert.deepStrictEqual(roundTrip(value, max).value, expected(value), `pieces of ${max}`);
});

test('"__proto__" stays an own property, as JSON.parse leaves it', () => {
  const value = JSON.parse('{"__proto__":{"polluted":true},"rows":[1,2,3,4,5,6,7,8,9,10]}');
  for (const max of [4, 1 << 20]) {
    const back = roundTrip(value, max).value as Record<string, unknown>;
    assert.equal(Object.getPrototypeOf(back), Object.prototype, `pieces of ${max}`);
    assert.deepStrictEqual(Object.getOwnPropertyDescriptor(back, '__proto__')?.value, { polluted: true });
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  }
});

test('a single string larger than a piece stays whole; multi-byte text survives every cut', () => {
  const long = '𝄞é✓ '.repeat(5000);
  const { value, pieces } = roundTrip([long, 'short', [long]], 1000);
  assert.deepStrictEqual(value, [long, 'short', [long]]);
  assert.ok(pieces.some((p) => p.length > 1000), 'the long string is one piece');
});

test('empty and top-level scalar values', () => {
  for (const v of [[], {}, [[]], { a: {} }, 0, 'text', null, true, undefined]) {
    assert.deepStrictEqual(roundTrip(v, 1).value, expected(v), JSON.stringify(v));
  }
});

/** A random JSON-like value, sometimes wide, sometimes deep. */
function randomValue(rng: Rng, depth: number): unknown {
  const kind = depth > 4 ? rng.int(0, 4) : rng.int(0, 7);
  switch (kind) {
    case 0:
      return rng.int(-1e6, 1e6) / (rng.chance(0.5) ? 100 : 1);
    case 1:
      return rng.chance(0.3) ? '' : String.fromCodePoint(...Array.from({ length: rng.int(1, 12) }, () => (rng.chance(0.9) ? rng.int(32, 126) : rng.int(0x80, 0x1f600))));
    case 2:
      return rng.chance(0.5);
    case 3:
      return null;
    case 4:
      return rng.chance(0.5) ? undefined : 'u';
    case 5:
    case 6:
      return Array.from({ length: rng.int(0, rng.chance(0.2) ? 300 : 6) }, () => randomValue(rng, depth + 1));
    default: {
      const o: Record<string, unknown> = {};
      const n = rng.int(0, rng.chance(0.2) ? 200 : 6);
      for (let i = 0; i < n; i++) o[rng.chance(0.1) ? String(rng.int(0, 50)) : `k${rng.int(0, 1000)}`] = randomValue(rng, depth + 1);
      return o;
    }
  }
}

test('random values, random piece sizes: always JSON.parse(JSON.stringify(value))', () => {
  const rng = new Rng('chunked-json');
  for (let i = 0; i < 300; i++) {
    const value = randomValue(rng, 0);
    const max = rng.chance(0.5) ? rng.int(1, 64) : rng.int(64, 20000);
    assert.deepStrictEqual(roundTrip(value, max).value, expected(value), `case ${i} (pieces of ${max})`);
  }
});

test('a plan pointing outside its buffer is an error, not a wrong value', () => {
  const chunked = encodeChunked({ rows: [1, 2, 3] });
  const broken = { plan: { json: { at: 2, length: chunked.buffer.byteLength } }, buffer: chunked.buffer };
  assert.throws(() => new ChunkedJsonReader(broken).value, /outside the buffer/);
});
