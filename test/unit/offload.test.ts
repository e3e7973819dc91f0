/**
 * One huge filing does not block the server: filings of thousands of lines are analysed on a
 * worker thread while the event loop keeps turning (requests, other documents, new edits), and
 * what comes back is exactly the analysis done in place.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '../../server/src/analysis';
import { DocumentStore } from '../../server/src/lsp/documents';
import { WorkerOffload } from '../../server/src/lsp/offload';

const SEEDS = path.resolve(__dirname, '..', '..', '..', 'shared', 'seeds');
const TODAY = new Date('2026-11-23T12:00:00Z');
// The worker from source: a CommonJS shim that registers the TypeScript loader in its thread.
const WORKER = path.resolve(__dirname, '..', 'support', 'filing-worker.cjs');

/** Seed 001 with its Table I row repeated `n` times (amounts varied): one filing of n rows. */
function hugeFiling(n: number): string {
  const file = readdirSync(SEEDS).find((f) => f.startsWith('001') && f.endsWith('.txt'))!;
  const lines = readFileSync(path.join(SEEDS, file), 'utf8').split('\n');
  const table = lines.findIndex((l) => /Table I\b/i.test(l));
  const row = lines.findIndex((l, i) => i > table && /\d{2}\/\d{2}\/\d{4}/.test(l) && /\t[A-Z]\t/.test(l) && !/Month|Last|Street/.test(l));
  assert.ok(row > 0, 'a Table I row to repeat');
  const rows = Array.from({ length: n }, (_, k) => lines[row]!.replace(/\b\d{1,3},\d{3}\b/, String(1000 + k)));
  return [...lines.slice(0, row), ...rows, ...lines.slice(row + 1)].join('\n');
}

/** Opens `text` in a store and waits for its analysis; the longest the event loop was held meanwhile. */
async function openAndMeasure(text: string, offload: WorkerOffload | undefined) {
  const errors: string[] = [];
  // Timer ticks while a filing is on the worker: the event loop turned during its analysis.
  let away = false;
  let ticksWhileAway = 0;
  const watched = offload && {
    minLines: offload.minLines,
    run: (lines: readonly string[], base: number, index: number) => {
      away = true;
      return offload.run(lines, base, index).finally(() => (away = false));
    },
  };
  const store = new DocumentStore({ logger: { error: (m) => errors.push(m), info: () => undefined }, debounceMs: 0, analyzeOptions: { today: TODAY }, ...(watched ? { offload: watched } : {}) });
  let last = performance.now();
  let longest = 0;
  let ticks = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    ticks++;
    if (away) ticksWhileAway++;
  }, 1);
  const started = performance.now();
  const elu = performance.eventLoopUtilization();
  store.open('file:///huge.txt', 'form345', 1, text);
  const snap = await store.snapshot('file:///huge.txt');
  const total = performance.now() - started;
  // Time the main thread spent running (not waiting for events): on a loaded machine a timer's
  // gap also counts time the thread was not scheduled, this does not.
  const busy = performance.eventLoopUtilization(elu).active;
  clearInterval(timer);
  longest = Math.max(longest, performance.now() - last);
  store.dispose();
  return { snap, longest, busy, ticks, ticksWhileAway, total, errors };
}

test('a filing of 4,000 rows is analysed on the worker: the event loop keeps turning, the result is the same', async (t) => {
  const text = hugeFiling(4000);
  const want = JSON.parse(JSON.stringify(analyze(text, { today: TODAY })));
  assert.ok(want.filings.length === 1 && text.split('\n').length > 4000, 'one huge filing');
  const inPlace = await openAndMeasure(text, undefined);
  const offloadErrors: string[] = [];
  const offload = new WorkerOffload(WORKER, { today: TODAY }, { error: (m) => offloadErrors.push(m), info: () => undefined }, 1500);
  try {
    const away = await openAndMeasure(text, offload);
    assert.deepStrictEqual(offloadErrors, [], 'the worker ran');
    t.diagnostic(
      `in place: ${inPlace.total.toFixed(0)} ms, main thread busy ${inPlace.busy.toFixed(0)} ms, loop held up to ${inPlace.longest.toFixed(0)} ms; ` +
        `on the worker: ${away.total.toFixed(0)} ms, main thread busy ${away.busy.toFixed(0)} ms, loop held up to ${away.longest.toFixed(0)} ms`,
    );
    assert.deepStrictEqual(away.errors, []);
    assert.deepStrictEqual(JSON.parse(JSON.stringify(away.snap!.result)), want);
    assert.deepStrictEqual(JSON.parse(JSON.stringify(inPlace.snap!.result)), want);
    // The event loop turned while the filing was being analysed (timers ran; requests would be
    // answered). In place, the filing holds the main thread for its whole analysis; on the worker,
    // for reading back its findings and record only (the other parts are read when asked for).
    assert.ok(away.ticksWhileAway > 10, `${away.ticksWhileAway} timer ticks while the filing was on the worker`);
    assert.ok(away.longest < inPlace.longest, `loop held up to ${away.longest.toFixed(0)} ms on the worker vs ${inPlace.longest.toFixed(0)} ms in place`);
  } finally {
    offload.dispose();
  }
});

test('a worker that cannot start: large filings are analysed in place, once logged', async () => {
  const errors: string[] = [];
  const offload = new WorkerOffload(path.join(SEEDS, 'no-such-worker.js'), { today: TODAY }, { error: (m) => errors.push(m), info: () => undefined }, 10);
  const store = new DocumentStore({ logger: { error: () => undefined, info: () => undefined }, debounceMs: 0, analyzeOptions: { today: TODAY }, offload });
  const text = hugeFiling(50);
  store.open('file:///a.txt', 'form345', 1, text);
  const snap = await store.snapshot('file:///a.txt');
  assert.deepStrictEqual(JSON.parse(JSON.stringify(snap!.result)), JSON.parse(JSON.stringify(analyze(text, { today: TODAY }))));
  assert.equal(errors.length, 1, errors.join('\n'));
  store.dispose();
  offload.dispose();
});
