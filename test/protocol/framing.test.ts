// Transport: a frame the server cannot read makes it log why and exit non-zero (the client
// restarts it) instead of staying up and answering nothing; frames split or packed any way read.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { before, test } from 'node:test';
import { ensureBuilt, repoRoot, serverJs } from './harness';

before(() => ensureBuilt());

const frame = (body: string, header?: string) => `${header ?? `Content-Length: ${Buffer.byteLength(body)}`}\r\n\r\n${body}`;
const INIT = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
const SHUTDOWN = JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'shutdown' });
const EXIT = JSON.stringify({ jsonrpc: '2.0', method: 'exit' });

/** Waits until the server's output matches (a client waits for a reply before it goes on). */
type Piece = string | Buffer | { until: RegExp };

/** Runs the server on raw bytes (written in the given pieces); its exit code, stdout and stderr. */
function run(pieces: Piece[], opts: { endInput?: boolean } = {}): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const proc = spawn(process.execPath, [serverJs, '--stdio'], { cwd: repoRoot, stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    proc.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`the server did not exit within 20 s; stderr:\n${stderr}\nstdout:\n${stdout.slice(0, 2000)}`));
    }, 20_000);
    proc.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: Date.now() - started });
    });
    (async () => {
      for (const p of pieces) {
        if (typeof p === 'object' && 'until' in p) {
          while (!p.until.test(stdout) && proc.exitCode === null) await new Promise((r) => setTimeout(r, 10));
          continue;
        }
        proc.stdin.write(p);
        await new Promise((r) => setTimeout(r, 20));
      }
      if (opts.endInput) proc.stdin.end();
    })().catch(reject);
  });
}

const MALFORMED: [string, string][] = [
  ['a non-numeric Content-Length', frame(INIT, 'Content-Length: abc')],
  ['no Content-Length', frame(INIT, 'Content-Type: application/vscode-jsonrpc; charset=utf-8')],
  ['a negative Content-Length', frame(INIT, 'Content-Length: -5')],
  ['a Content-Length shorter than the body', frame(INIT, `Content-Length: ${Buffer.byteLength(INIT) - 10}`)],
  ['a header line without a colon', frame(INIT, 'Content-Length 12')],
  ['a body that is not an object', frame('[1,2,3]')],
];

for (const [what, bytes] of MALFORMED) {
  test(`${what}: logged, and the server exits with a non-zero status`, async () => {
    // A valid request first: the server is up and answering when the bad frame arrives.
    const r = await run([frame(INIT), { until: /"id":1,"result"/ }, bytes]);
    assert.notEqual(r.code, 0, 'non-zero exit');
    assert.notEqual(r.code, null, 'exited by itself');
    assert.match(r.stderr, /malformed frame/, 'says why on stderr');
    assert.match(r.stdout, /"id":1,"result"/, 'the valid request before it was answered');
  });
}

test('headers that never end are refused after 8 KB', async () => {
  const r = await run([`Content-Length: 5\r\nX-Padding: ${'x'.repeat(10_000)}`]);
  assert.notEqual(r.code, 0);
  assert.match(r.stderr, /malformed frame: no end of headers/);
});

test('frames split anywhere and packed together are read, and a clean shutdown exits 0', async () => {
  // Initialize and shutdown in one write, cut in pieces of 7 bytes; exit once shutdown is answered.
  const all = Buffer.from(frame(INIT) + frame(SHUTDOWN), 'utf8');
  const pieces: Piece[] = [];
  for (let i = 0; i < all.length; i += 7) pieces.push(all.subarray(i, i + 7));
  pieces.push({ until: /"id":2,"result":null/ }, frame(EXIT));
  const r = await run(pieces);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /"id":1,"result"/);
  assert.match(r.stdout, /"id":2,"result":null/);
});

test('input closed without shutdown: exit status 1, without hanging', async () => {
  const r = await run([frame(INIT)], { endInput: true });
  assert.equal(r.code, 1);
});
