// Preloaded into a language server under measurement (`node --require test/support/loop-busy.cjs
// dist/server.js`): how long its main thread worked without turning its event loop, in CPU time.
//
// A timer ticks every 2 ms. Between two ticks the loop ran whatever was queued (requests, slices of
// analysis, publishes); the main thread's CPU time over that gap, read from the kernel's per-thread
// account (/proc/thread-self/schedstat, Linux), is how long a request arriving then waited for the
// server's own work. Unlike the wall-clock gap it leaves out time the thread was ready but not
// running (other processes, the worker thread, the client), so it means the same on a busy machine
// as on an idle one. Gaps over 5 ms are kept; at exit they are written as JSON lines
// {at, wallMs, cpuMs} (`at`: epoch milliseconds of the gap's start) to the file named by
// FORM345_LOOP_BUSY. Elsewhere than Linux nothing is measured and the file holds only
// {"unsupported":true}.
'use strict';
const fs = require('node:fs');
const { performance } = require('node:perf_hooks');
const { isMainThread } = require('node:worker_threads');

const out = process.env.FORM345_LOOP_BUSY;
if (isMainThread && out) {
  let fd;
  try {
    fd = fs.openSync('/proc/thread-self/schedstat', 'r');
  } catch {
    fd = undefined;
  }
  const gaps = [];
  if (fd !== undefined) {
    const buf = Buffer.alloc(128);
    const cpuMs = () => {
      const n = fs.readSync(fd, buf, 0, buf.length, 0);
      return Number(buf.toString('latin1', 0, n).split(' ')[0]) / 1e6;
    };
    let lastWall = performance.now();
    let lastCpu = cpuMs();
    const timer = setInterval(() => {
      const wall = performance.now();
      const cpu = cpuMs();
      const wallMs = wall - lastWall;
      if (wallMs > 5) gaps.push({ at: performance.timeOrigin + lastWall, wallMs, cpuMs: cpu - lastCpu });
      lastWall = wall;
      lastCpu = cpu;
    }, 2);
    timer.unref();
  }
  process.on('exit', () => {
    const text = fd === undefined ? '{"unsupported":true}\n' : gaps.map((g) => JSON.stringify(g)).join('\n') + '\n';
    try {
      fs.writeFileSync(out, text);
    } catch {
      // the measurement is lost, the server's exit is not held up
    }
  });
}
