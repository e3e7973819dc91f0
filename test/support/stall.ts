/**
 * How long the language server holds its event loop while one huge filing is edited, measured from
 * outside: the real server (a bundle) as its own process over stdio. A document holding one filing
 * of thousands of Table I rows is open beside a small one; a character is typed into a row of the
 * huge filing, and while that edit is analysed and published, the small document is hovered every
 * few milliseconds. A hover of the small document needs nothing of the huge one, so its reply
 * latency is (the time the server could not turn its event loop) + (a few milliseconds of pipe and
 * work): the longest reply bounds the longest stall from above.
 *
 * Used by the protocol test (test/protocol/stall.test.ts) and the benchmark (bench/client.ts).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const SEEDS = path.resolve(REPO_ROOT, '..', 'shared', 'seeds');

function seedText(prefix: string): string {
  const file = readdirSync(SEEDS).find((f) => f.startsWith(prefix) && f.endsWith('.txt'));
  if (!file) throw new Error(`no seed ${prefix} in ${SEEDS}`);
  return readFileSync(path.join(SEEDS, file), 'utf8');
}

/**
 * Seed 001 (tab-separated) with one Table I row repeated `rows` times, its amount varied: one
 * filing of `rows` rows, as a converter prints a long Form 4. Returns the text and the line of the
 * middle repeated row (where typing happens).
 */
export function hugeFiling(rows: number): { text: string; rowLine: number } {
  const lines = seedText('001').split('\n');
  const table = lines.findIndex((l) => /Table I\b/i.test(l));
  const row = lines.findIndex((l, i) => i > table && /\d{2}\/\d{2}\/\d{4}/.test(l) && /\t[A-Z]\t/.test(l) && !/Month|Last|Street/.test(l));
  if (row < 0) throw new Error('seed 001 has no Table I row to repeat');
  const repeated = Array.from({ length: rows }, (_, k) => lines[row]!.replace(/\b\d{1,3},\d{3}\b/, String(1000 + k)));
  return { text: [...lines.slice(0, row), ...repeated, ...lines.slice(row + 1)].join('\n'), rowLine: row + Math.floor(rows / 2) };
}

export interface StallOptions {
  /** The server bundle to run. */
  serverJs: string;
  /** Table I rows of the huge filing (default 4,000). */
  rows?: number;
  /** Keystrokes measured, each typed once the previous one's diagnostics arrived (default 3). */
  keystrokes?: number;
  /** Milliseconds between two probe hovers (default 10). */
  probeEveryMs?: number;
  /** The server's debounce (default 20 ms, so each keystroke's analysis starts at once). */
  debounceMs?: number;
  /**
   * After each keystroke's diagnostics, ask for the records of the huge document, as the preview
   * does on `form345/recordsChanged` (default true).
   */
  records?: boolean;
}

export interface StallFigures {
  lines: number;
  /** Diagnostics of the huge document at open. */
  diagnostics: number;
  /** Probe hovers answered while keystrokes were analysed. */
  probes: number;
  /** Reply latency of the probe hovers, ms. */
  longest: number;
  p99: number;
  median: number;
  /** From each keystroke to its diagnostics, ms (median). */
  keystrokeMs: number;
  /**
   * The longest the server's main thread worked without turning its event loop while the
   * keystrokes were handled, in CPU milliseconds (test/support/loop-busy.cjs): the server's own
   * share of the longest stall, the same on a busy machine as on an idle one. NaN where the
   * kernel does not give a thread's CPU time (not Linux).
   */
  busiestCpuMs: number;
  /** The wall-clock length of that stretch (the rest is time the thread waited for a CPU). */
  busiestWallMs: number;
}

/**
 * A JSON-RPC client over LSP framing that never parses a large message: a publish of 8,000
 * diagnostics would hold this process ~50 ms, and a probe reply read late would count as the
 * server's stall. Large notifications are read for their method, uri and version (at the head of
 * the params, as servers write them) and their diagnostics counted by their "range" keys.
 */
class LeanConnection {
  private nextId = 1;
  private readonly replies = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  onDiagnostics: (uri: string, version: number | undefined, count: number) => void = () => undefined;

  constructor(
    input: NodeJS.ReadableStream,
    private readonly output: NodeJS.WritableStream,
  ) {
    input.on('data', (d: Buffer) => {
      // Chunks wait in a list until the message they belong to is complete (no copying per chunk).
      this.chunks.push(d);
      this.size += d.length;
      if (this.size >= this.need) this.drain();
    });
  }

  private chunks: Buffer[] = [];
  private size = 0;
  /** Bytes needed before the next message can be read (0: unknown, look at the header). */
  private need = 0;

  private drain(): void {
    let buffer = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks, this.size);
    for (;;) {
      this.need = 0;
      const headEnd = buffer.indexOf('\r\n\r\n');
      if (headEnd < 0) break;
      const m = /Content-Length: *(\d+)/i.exec(buffer.subarray(0, headEnd).toString('ascii'));
      if (!m) throw new Error('a message without Content-Length');
      const end = headEnd + 4 + Number(m[1]);
      if (buffer.length < end) {
        this.need = end;
        break;
      }
      const body = buffer.subarray(headEnd + 4, end);
      buffer = buffer.subarray(end);
      this.receive(body);
    }
    this.chunks = buffer.length ? [buffer] : [];
    this.size = buffer.length;
  }

  private receive(body: Buffer): void {
    if (body.length > 64 * 1024) {
      const head = body.subarray(0, 400).toString('utf8');
      // A large reply (the records of the huge document) settles its request unread.
      const reply = /^\{"jsonrpc":"2\.0","id":(\d+),"result":/.exec(head);
      if (reply) {
        const r = this.replies.get(Number(reply[1]));
        this.replies.delete(Number(reply[1]));
        r?.resolve({ bytes: body.length });
        return;
      }
      if (!head.includes('"textDocument/publishDiagnostics"')) return;
      const uri = /"uri":"([^"]*)"/.exec(head)?.[1];
      const version = /"version":(\d+)/.exec(head)?.[1];
      let count = 0;
      for (let at = body.indexOf('"range":'); at >= 0; at = body.indexOf('"range":', at + 8)) count++;
      if (uri) this.onDiagnostics(uri, version === undefined ? undefined : Number(version), count);
      return;
    }
    const msg = JSON.parse(body.toString('utf8')) as { id?: number; method?: string; params?: { uri: string; version?: number; diagnostics: unknown[] }; result?: unknown; error?: { message: string } };
    if (msg.method === 'textDocument/publishDiagnostics' && msg.params) this.onDiagnostics(msg.params.uri, msg.params.version, msg.params.diagnostics.length);
    else if (msg.method !== undefined && msg.id !== undefined) this.write({ jsonrpc: '2.0', id: msg.id, result: null });
    else if (msg.id !== undefined) {
      const r = this.replies.get(msg.id);
      this.replies.delete(msg.id);
      if (msg.error) r?.reject(new Error(msg.error.message));
      else r?.resolve(msg.result);
    }
  }

  private write(message: unknown): void {
    const json = Buffer.from(JSON.stringify(message), 'utf8');
    this.output.write(Buffer.concat([Buffer.from(`Content-Length: ${json.length}\r\n\r\n`, 'ascii'), json]));
  }

  sendRequest(method: string, params: unknown): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.replies.set(id, { resolve, reject });
      this.write({ jsonrpc: '2.0', id, method, params });
    });
  }

  sendNotification(method: string, params?: unknown): Promise<void> {
    this.write({ jsonrpc: '2.0', method, ...(params !== undefined ? { params } : {}) });
    return Promise.resolve();
  }
}

/** Opens the huge filing and a small one in a fresh server, types, and probes with hovers. */
export async function measureStall(options: StallOptions): Promise<StallFigures> {
  let window: [number, number] | undefined;
  // The server writes its gaps here when it exits (after `measure` has waited for that).
  const traceDir = mkdtempSync(path.join(tmpdir(), 'form345-stall-'));
  let figures: StallFigures;
  let gaps: Gap[] | undefined;
  try {
    figures = await measure(options, path.join(traceDir, 'loop-busy.jsonl'), (w) => (window = w));
    gaps = readGaps(path.join(traceDir, 'loop-busy.jsonl'));
  } finally {
    rmSync(traceDir, { recursive: true, force: true });
  }
  if (gaps && window) {
    const [from, to] = window;
    const inside = gaps.filter((g) => g.at >= from && g.at <= to);
    const busiest = inside.reduce<Gap | undefined>((m, g) => (!m || g.cpuMs > m.cpuMs ? g : m), undefined);
    // No gap over 5 ms at all: the loop never stood still that long.
    figures.busiestCpuMs = busiest?.cpuMs ?? 5;
    figures.busiestWallMs = busiest?.wallMs ?? 5;
  }
  return figures;
}

interface Gap {
  at: number;
  wallMs: number;
  cpuMs: number;
}

/** The gaps test/support/loop-busy.cjs wrote; undefined when it could not measure. */
function readGaps(file: string): Gap[] | undefined {
  if (!existsSync(file)) return undefined;
  const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  if (lines.some((l) => l.includes('"unsupported"'))) return undefined;
  return lines.map((l) => JSON.parse(l) as Gap);
}

async function measure(options: StallOptions, traceFile: string, onWindow: (w: [number, number]) => void): Promise<StallFigures> {
  const { text, rowLine } = hugeFiling(options.rows ?? 4000);
  const small = seedText('000');
  const keystrokes = options.keystrokes ?? 3;
  const every = options.probeEveryMs ?? 10;
  const tracer = path.join(REPO_ROOT, 'test', 'support', 'loop-busy.cjs');
  const proc = spawn(process.execPath, [...(process.env.STALL_NODE_ARGS ?? '').split(' ').filter(Boolean), '--require', tracer, options.serverJs, '--stdio'], {
    cwd: REPO_ROOT,
    env: { ...process.env, FORM345_LOOP_BUSY: traceFile },
    stdio: ['pipe', 'pipe', process.env.STALL_STDERR ? 'inherit' : 'ignore'],
  });
  const connection = new LeanConnection(proc.stdout, proc.stdin);
  const arrived = new Map<string, { version?: number; count: number }>();
  let waiter: { uri: string; version: number; resolve: () => void } | undefined;
  connection.onDiagnostics = (uri, version, count) => {
    arrived.set(uri, { ...(version !== undefined ? { version } : {}), count });
    if (waiter && waiter.uri === uri && waiter.version === version) waiter.resolve();
  };
  const diagnosticsOf = (uri: string, version: number, timeoutMs = 120_000): Promise<void> =>
    arrived.get(uri)?.version === version
      ? Promise.resolve()
      : new Promise((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} v${version} within ${timeoutMs} ms`)), timeoutMs);
          waiter = { uri, version, resolve: () => (clearTimeout(timer), resolve()) };
        });
  const hugeUri = 'file:///stall/huge.txt';
  const smallUri = 'file:///stall/small.txt';
  try {
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      initializationOptions: { diagnosticsDelay: options.debounceMs ?? 20, today: '2025-06-02', workspaceLedger: false },
      capabilities: { textDocument: { hover: { contentFormat: ['markdown'] }, publishDiagnostics: { versionSupport: true } } },
    });
    await connection.sendNotification('initialized', {});
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: smallUri, languageId: 'form345', version: 1, text: small } });
    await diagnosticsOf(smallUri, 1);
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: hugeUri, languageId: 'form345', version: 1, text } });
    await diagnosticsOf(hugeUri, 1);
    const diagnostics = arrived.get(hugeUri)!.count;
    const smallLines = small.split('\n');
    const hoverAt = { line: Math.min(10, smallLines.length - 1), character: 2 };
    // A warm-up hover: the first reply pays for loading the hover code, not for any stall.
    await connection.sendRequest('textDocument/hover', { textDocument: { uri: smallUri }, position: hoverAt });

    const latencies: number[] = [];
    const perKeystroke: number[] = [];
    let probing = true;
    // Probes one after another, each sent `every` ms after the previous was sent (or at once when
    // its reply took longer), so one slow reply is one long sample, never a queue of short ones.
    const probe = (async () => {
      while (probing) {
        const t0 = performance.now();
        await connection.sendRequest('textDocument/hover', { textDocument: { uri: smallUri }, position: hoverAt });
        const took = performance.now() - t0;
        if (probing) latencies.push(took);
        if (took < every) await new Promise((r) => setTimeout(r, every - took));
      }
    })();
    const line = text.split('\n')[rowLine]!;
    const at = { line: rowLine, character: line.length };
    const windowStart = performance.timeOrigin + performance.now();
    for (let k = 0; k < keystrokes; k++) {
      const version = k + 2;
      // Append a character to the row, then remove it: the filing changes every keystroke.
      const change = k % 2 === 0 ? { range: { start: at, end: at }, text: '7' } : { range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '' };
      const t0 = performance.now();
      await connection.sendNotification('textDocument/didChange', { textDocument: { uri: hugeUri, version }, contentChanges: [change] });
      await diagnosticsOf(hugeUri, version);
      perKeystroke.push(performance.now() - t0);
      if (options.records !== false) await connection.sendRequest('form345/records', { uri: hugeUri });
      // A moment after the publish, so work that follows it (the records notification) is probed too.
      await new Promise((r) => setTimeout(r, 100));
    }
    probing = false;
    await probe;
    onWindow([windowStart, performance.timeOrigin + performance.now()]);
    const sorted = [...latencies].sort((a, b) => a - b);
    const at_ = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
    const ks = [...perKeystroke].sort((a, b) => a - b);
    return {
      lines: text.split('\n').length,
      diagnostics,
      probes: latencies.length,
      longest: sorted[sorted.length - 1] ?? NaN,
      p99: at_(0.99),
      median: at_(0.5),
      keystrokeMs: ks[Math.floor(ks.length / 2)] ?? NaN,
      busiestCpuMs: NaN,
      busiestWallMs: NaN,
    };
  } finally {
    // A clean exit (shutdown, exit), so a server run with --cpu-prof writes its profile.
    const exited = new Promise((r) => proc.once('exit', r));
    try {
      await Promise.race([connection.sendRequest('shutdown', null), new Promise((r) => setTimeout(r, 2000))]);
      await connection.sendNotification('exit');
    } catch {
      // already gone
    }
    await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
    if (proc.exitCode === null) proc.kill();
  }
}

// `node --import tsx test/support/stall.ts [server.js]`: the figures of one run.
if (require.main === module) {
  const serverJs = process.argv[2] ?? path.join(REPO_ROOT, 'dist', 'server.js');
  measureStall({ serverJs, keystrokes: Number(process.env.KEYSTROKES ?? 3) }).then(
    (f) => console.log(JSON.stringify(f)),
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
