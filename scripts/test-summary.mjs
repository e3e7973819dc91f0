// How `npm test` (scripts/test-all.mjs) reads each layer's own output and sums it up: pure
// functions of text, so test/unit/test-summary.test.ts checks them on real runners' output.
// Plain Node ESM: it runs before anything is installed or built.

// Colour codes a runner writes when it believes it talks to a terminal.
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]/g;

export function stripAnsi(text) {
  return text.replace(ANSI, '');
}

/**
 * node --test with the spec (or TAP) reporter ends with `ℹ tests N`, `ℹ pass N`, ... (TAP: `# tests N`).
 * The last block wins: a test that prints a runner's output of its own comes before it.
 * Returns undefined when there is no such block (the runner never got to its summary).
 */
export function countNodeTest(text) {
  const got = {};
  const re = /^[ \t]*(?:ℹ|#)[ \t]*(tests|pass|fail|cancelled|skipped|todo)[ \t]+(\d+)[ \t]*$/gm;
  for (const m of stripAnsi(text).matchAll(re)) got[m[1]] = Number(m[2]);
  if (got.tests === undefined || got.pass === undefined || got.fail === undefined) return undefined;
  return {
    tests: got.tests,
    passed: got.pass,
    // A cancelled test (its file crashed or timed out) did not pass: it counts as failed.
    failed: got.fail + (got.cancelled ?? 0),
    skipped: got.skipped ?? 0,
    todo: got.todo ?? 0,
  };
}

/**
 * mocha's spec reporter: `N passing (Xs)`, `N pending`, `N failing`. A layer may run the suite more
 * than once (another VS Code variant): the runs add up.
 */
export function countMocha(text) {
  const plain = stripAnsi(text);
  const sum = (word) => {
    let n;
    for (const m of plain.matchAll(new RegExp(`^[ \\t]*(\\d+) ${word}\\b`, 'gm'))) n = (n ?? 0) + Number(m[1]);
    return n;
  };
  const passed = sum('passing');
  const failed = sum('failing');
  const pending = sum('pending');
  if (passed === undefined && failed === undefined) return undefined;
  return { tests: (passed ?? 0) + (failed ?? 0) + (pending ?? 0), passed: passed ?? 0, failed: failed ?? 0, skipped: pending ?? 0, todo: 0 };
}

/** scripts/vscode/run-ui.mjs lists its steps after `steps (screenshots in …):`, one `✔`/`✘` line each. */
export function countUiSteps(text) {
  const plain = stripAnsi(text);
  const at = plain.lastIndexOf('] steps (screenshots in');
  if (at < 0) return undefined;
  let passed = 0;
  let failed = 0;
  for (const line of plain.slice(plain.indexOf('\n', at) + 1).split('\n')) {
    const m = /^[ \t]+([✔✘])[ \t]/.exec(line);
    if (!m) break;
    if (m[1] === '✔') passed++;
    else failed++;
  }
  return { tests: passed + failed, passed, failed, skipped: 0, todo: 0 };
}

/**
 * A layer's row from its exit code and counts. A runner that failed without counts (it crashed
 * before its summary), or whose counts show no failure although it failed, counts one failure, so
 * the total never reads "0 failed" for a failed run.
 */
export function layerResult(name, code, counts, extra = {}) {
  const c = counts ?? { tests: 0, passed: 0, failed: 0, skipped: 0, todo: 0 };
  let problem = extra.problem;
  if (code !== 0 && c.failed === 0) problem ??= counts ? `exit ${code}` : `exit ${code} before its summary`;
  if (code === 0 && !counts) problem ??= 'no test counts in its output';
  const ok = code === 0 && c.failed === 0 && !problem;
  return { name, ...c, ...extra, code, problem, ok, failed: !ok && c.failed === 0 ? 1 : c.failed };
}

const secs = (ms) => (ms === undefined ? '' : `${(ms / 1000).toFixed(1)} s`);

/**
 * The closing block: steps, one line per layer (tests, passed, failed, skipped) and a total, the
 * opted-out layers, notes, and last `N passed, N failed` alone on its line (what CI reads).
 * rows: layerResult()s and {name, notRun: reason}; steps: {name, ok, ms?, problem?}.
 */
export function formatSummary({ steps = [], rows = [], optedOut = [], notes = [] }) {
  const out = ['', '== summary'];
  for (const s of steps) out.push(`  ${s.name.padEnd(10)} ${s.ok ? 'ok' : 'FAILED'}${s.ms !== undefined ? `  ${secs(s.ms)}` : ''}${s.problem ? `  (${s.problem})` : ''}`);
  const head = ['layer', 'tests', 'passed', 'failed', 'skipped', 'todo', 'time'];
  const table = [head];
  const total = { tests: 0, passed: 0, failed: 0, skipped: 0, todo: 0, ms: 0 };
  for (const r of rows) {
    if (r.notRun) {
      table.push([r.name, '-', '-', '-', '-', '-', '', `not run: ${r.notRun}`]);
      continue;
    }
    for (const k of ['tests', 'passed', 'failed', 'skipped', 'todo']) total[k] += r[k];
    total.ms += r.ms ?? 0;
    table.push([r.name, r.tests, r.passed, r.failed, r.skipped, r.todo, secs(r.ms), r.ok ? '' : `FAILED${r.problem ? `: ${r.problem}` : ''}`]);
  }
  const failedSteps = steps.filter((s) => !s.ok).length;
  const notRun = rows.filter((r) => r.notRun && !r.optedOut).length;
  table.push(['total', total.tests, total.passed, total.failed, total.skipped, total.todo, secs(total.ms), '']);
  const widths = head.map((_, i) => Math.max(...table.map((r) => String(r[i] ?? '').length)));
  for (const r of table) {
    const cells = head.map((_, i) => (i === 0 ? String(r[i]).padEnd(widths[i]) : String(r[i]).padStart(widths[i])));
    out.push(`  ${cells.join('  ')}${r[7] ? `  ${r[7]}` : ''}`.trimEnd());
  }
  out.push(`  opted out: ${optedOut.length ? optedOut.join('; ') : 'none'}`);
  for (const n of notes) out.push(`  note: ${n}`);
  // Steps that failed and layers that could not run are failures too.
  out.push(`${total.passed} passed, ${total.failed + failedSteps + notRun} failed`);
  return `${out.join('\n')}\n`;
}
