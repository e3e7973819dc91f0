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

test('typing in a 4,000-row filing: hovers of another document are answered within 150 ms', async (t) => {
  ensureBuilt();
  // Other processes on a loaded machine can hold any one run up; a stall of the server's own
  // making shows in every run. So up to three runs, and the best one must keep within the bound.
  const runs = [];
  for (let attempt = 0; attempt < 3; attempt++) {
    const run = await measureStall({ serverJs, keystrokes: 3 });
    runs.push(run);
    t.diagnostic(`run ${attempt + 1}: ${run.probes} hovers, longest reply ${run.longest.toFixed(0)} ms (p99 ${run.p99.toFixed(0)}, median ${run.median.toFixed(1)}); keystroke → diagnostics ${run.keystrokeMs.toFixed(0)} ms`);
    assert.ok(run.diagnostics > 4000, `the huge filing has its diagnostics (${run.diagnostics})`);
    assert.ok(run.probes > 30, `the probe hovered while the keystrokes were analysed (${run.probes})`);
    if (run.longest <= BOUND_MS) break;
  }
  const best = Math.min(...runs.map((r) => r.longest));
  assert.ok(best <= BOUND_MS, `longest hover reply while typing: ${runs.map((r) => r.longest.toFixed(0)).join(', ')} ms (bound ${BOUND_MS})`);
});
