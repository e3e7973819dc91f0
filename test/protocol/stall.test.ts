// Protocol: one huge filing does not stop the server. With a filing of 4,000 Table I rows open,
// each keystroke in it is analysed on the worker and read back and published a slice at a time,
// so a small document beside it is answered all along. Before, the main thread read the result
// and published its 8,000 diagnostics in one go: the server stood still 300-600 ms per keystroke.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { measureStall } from '../support/stall';
import { ensureBuilt, serverJs } from './harness';

/** Generous for a busy 2-core machine; the goal on an idle one is ~50 ms. */
const BOUND_MS = 150;
/**
 * The server's own share, in main-thread CPU time (test/support/loop-busy.cjs): what other
 * processes on the machine cannot stretch, so it holds on a busy CI machine too.
 */
const CPU_BOUND_MS = 50;

test('typing in a 4,000-row filing: hovers of another document are answered within 150 ms, the main thread never runs 50 ms of CPU at once', async (t) => {
  ensureBuilt();
  // Other processes on a loaded machine can hold any one run up; a stall of the server's own
  // making shows in every run. So up to three runs, and the best one must keep within the bound.
  const runs = [];
  for (let attempt = 0; attempt < 3; attempt++) {
    // Without the records request: its ~10 MB reply per keystroke is written to the pipe, which
    // measures the client's reading as much as the server (the bench asks for it, and reports).
    const run = await measureStall({ serverJs, keystrokes: 3, records: false });
    runs.push(run);
    t.diagnostic(
      `run ${attempt + 1}: ${run.probes} hovers, longest reply ${run.longest.toFixed(0)} ms (p99 ${run.p99.toFixed(0)}, median ${run.median.toFixed(1)}); keystroke → diagnostics ${run.keystrokeMs.toFixed(0)} ms; ` +
        `longest main-thread run ${run.busiestCpuMs.toFixed(1)} ms CPU (${run.busiestWallMs.toFixed(0)} ms wall)`,
    );
    assert.ok(run.diagnostics > 4000, `the huge filing has its diagnostics (${run.diagnostics})`);
    assert.ok(run.probes > 30, `the probe hovered while the keystrokes were analysed (${run.probes})`);
    if (run.longest <= BOUND_MS && !(run.busiestCpuMs > CPU_BOUND_MS)) break;
  }
  const best = Math.min(...runs.map((r) => r.longest));
  assert.ok(best <= BOUND_MS, `longest hover reply while typing: ${runs.map((r) => r.longest.toFixed(0)).join(', ')} ms (bound ${BOUND_MS})`);
  // NaN where the kernel gives no per-thread CPU time (not Linux): only the wall-clock bound then.
  const cpu = runs.map((r) => r.busiestCpuMs).filter((x) => !Number.isNaN(x));
  if (cpu.length) assert.ok(Math.min(...cpu) <= CPU_BOUND_MS, `longest main-thread run while typing: ${cpu.map((x) => x.toFixed(1)).join(', ')} ms CPU (bound ${CPU_BOUND_MS})`);
});

// A filing of about a thousand lines is not huge, but analysed on the main thread it held the
// loop 70-120 ms of CPU per keystroke (the worker took filings of 1,500 lines and more only).
test('typing in a 1,000-row filing: the main thread never runs 50 ms of CPU at once', async (t) => {
  ensureBuilt();
  const runs = [];
  for (let attempt = 0; attempt < 3; attempt++) {
    const run = await measureStall({ serverJs, rows: 1000, keystrokes: 3, records: false });
    runs.push(run);
    t.diagnostic(`run ${attempt + 1}: ${run.lines} lines, longest hover ${run.longest.toFixed(0)} ms; longest main-thread run ${run.busiestCpuMs.toFixed(1)} ms CPU`);
    assert.ok(run.probes > 10, `the probe hovered while the keystrokes were analysed (${run.probes})`);
    if (!(run.busiestCpuMs > CPU_BOUND_MS) && run.longest <= BOUND_MS) break;
  }
  assert.ok(Math.min(...runs.map((r) => r.longest)) <= BOUND_MS, `longest hover reply: ${runs.map((r) => r.longest.toFixed(0)).join(', ')} ms (bound ${BOUND_MS})`);
  const cpu = runs.map((r) => r.busiestCpuMs).filter((x) => !Number.isNaN(x));
  if (cpu.length) assert.ok(Math.min(...cpu) <= CPU_BOUND_MS, `longest main-thread run: ${cpu.map((x) => x.toFixed(1)).join(', ')} ms CPU (bound ${CPU_BOUND_MS})`);
});
