/**
 * Language-server benchmarks (in process, the server's own code paths without the stdio transport):
 *  - edit → diagnostics: from a one-character `didChange` to the server's notifications being
 *    written (analysis, rule levels, conversion, JSON encoding, Content-Length framing: the server's
 *    own Publisher over a vscode-jsonrpc connection with the server's stdio message writer, into a
 *    stream that discards the bytes), debounce set to 0; p50/p95 over 200 edits in steady state
 *    (after 600 others; the first 200 after opening are reported too, as cold), on a single filing
 *    and on a ~1 MB document of concatenated filings;
 *  - hover: p95 of the hover handler on value cells of the 1 MB document;
 *  - opening 10 MB: time to diagnostics, and the longest wait of the event loop meanwhile;
 *  - memory: RSS growth per MB of open, analysed text.
 * Targets (issue 3): 1 MB edit p95 < 5 ms and within 2x of the single filing; hover p95 < 1 ms.
 *
 * `runServerBench()` is called by bench/run.ts (`npm run bench -- --server-only` runs it alone).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { PassThrough, Writable } from 'node:stream';
import { runInNewContext } from 'node:vm';
import { StreamMessageReader, createMessageConnection } from 'vscode-languageserver/node';
import { DocumentStore, type DocumentSnapshot } from '../server/src/lsp/documents';
import { hover } from '../server/src/lsp/hover';
import { Publisher } from '../server/src/lsp/publish';
import type { Logger } from '../server/src/lsp/safe';
import { streamWriter } from '../server/src/lsp/transport';
import { REPO_ROOT, SEEDS_DIR, buildSeedCorpus } from './corpus';

const EDITS = 200;
/**
 * Edits made and not counted between the first 200 (reported as "cold": right after opening, the
 * JIT still compiling the edit path and the heap settling after the open) and the 200 of record:
 * the server runs for hours, so the targets are about typing in steady state.
 */
const WARM_UP_EDITS = 400;


export interface ServerBenchResult {
  singleFiling: { chars: number; p50: number; p95: number; bytesPerEdit: number; cold: EditTimes };
  oneMegabyte: { chars: number; filings: number; p50: number; p95: number; bytesPerEdit: number; cold: EditTimes };
  hover: { samples: number; p50: number; p95: number };
  rssPerMB: number;
  targets: { oneMbP95Under5ms: boolean; oneMbWithin2xOfSingle: boolean; hoverP95Under1ms: boolean };
}

const quietLogger: Logger = { error: (m) => process.stderr.write(`${m}\n`), info: () => undefined };

function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function seedTexts(): string[] {
  return readdirSync(SEEDS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(path.join(SEEDS_DIR, f), 'utf8'));
}

/**
 * A store that publishes like the server (server.ts: `onAnalyzed` → `Publisher.publish`) over a
 * JSON-RPC connection writing into a byte-counting sink; every publish, once written, resolves the
 * waiter registered for its version.
 */
function instrumentedStore(): { store: DocumentStore; next: (uri: string, version: number) => Promise<DocumentSnapshot>; written: () => number } {
  const waiters = new Map<string, (s: DocumentSnapshot) => void>();
  let bytes = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      callback();
    },
  });
  const connection = createMessageConnection(new StreamMessageReader(new PassThrough()), streamWriter(sink));
  connection.listen();
  const levels = {};
  const publisher = new Publisher(connection, () => levels);
  const store = new DocumentStore({
    logger: quietLogger,
    debounceMs: 0,
    onAnalyzed: (snap) => {
      void publisher.publish(snap).then(() => {
        const key = `${snap.uri}@${snap.version}`;
        waiters.get(key)?.(snap);
        waiters.delete(key);
      });
    },
  });
  const next = (uri: string, version: number): Promise<DocumentSnapshot> =>
    new Promise((resolve) => waiters.set(`${uri}@${version}`, resolve));
  return { store, next, written: () => bytes };
}

/** Line and character of the middle of `text`, moved to the start of a line's second word. */
function editPoint(text: string, fraction: number): { line: number; character: number } {
  const lines = text.split(/\r\n|\r|\n/);
  let line = Math.floor(lines.length * fraction);
  while (line < lines.length - 1 && lines[line]!.trim().length < 10) line++;
  const at = Math.max(0, lines[line]!.indexOf(' ') + 1);
  return { line, character: at };
}

interface EditTimes {
  p50: number;
  p95: number;
}

/**
 * One-character edits (type a letter, delete it, ...), milliseconds from change to diagnostics:
 * 200 right after opening (cold), {@link WARM_UP_EDITS} uncounted, then 200 in steady state.
 */
async function editToDiagnostics(
  text: string,
  uri: string,
  lineBreaks = false,
): Promise<{ cold: EditTimes; p50: number; p95: number; bytesPerEdit: number; store: DocumentStore; snapshot: DocumentSnapshot }> {
  const { store, next, written } = instrumentedStore();
  const opened = next(uri, 1);
  store.open(uri, 'plaintext', 1, text);
  let snapshot = await opened;
  // `lineBreaks`: Enter then Backspace at a line start a tenth into the text, so every filing below moves.
  const at = lineBreaks ? { line: editPoint(text, 0.1).line, character: 0 } : editPoint(text, 0.5);
  const inserted = lineBreaks ? '\n' : 'x';
  const removed = lineBreaks ? { line: at.line + 1, character: 0 } : { line: at.line, character: at.character + 1 };
  let version = 1;
  const edits = async (count: number): Promise<number[]> => {
    const samples: number[] = [];
    for (let i = 0; i < count; i++) {
      version++;
      const change = version % 2 === 0 ? { range: { start: at, end: at }, text: inserted } : { range: { start: at, end: removed }, text: '' };
      const done = next(uri, version);
      const t0 = performance.now();
      store.change(uri, version, [change]);
      snapshot = await done;
      samples.push(performance.now() - t0);
    }
    return samples;
  };
  const cold = await edits(EDITS);
  await edits(WARM_UP_EDITS);
  const before = written();
  const steady = await edits(EDITS);
  const bytesPerEdit = (written() - before) / EDITS;
  return { cold: { p50: percentile(cold, 50), p95: percentile(cold, 95) }, p50: percentile(steady, 50), p95: percentile(steady, 95), bytesPerEdit, store, snapshot };
}

function hoverTimes(snapshot: DocumentSnapshot): { samples: number; p50: number; p95: number } {
  const positions = snapshot.result.filings.flatMap((f) => f.fields.map((x) => x.range.start));
  const step = Math.max(1, Math.floor(positions.length / EDITS));
  const picks = positions.filter((_, i) => i % step === 0).slice(0, EDITS);
  for (const p of picks.slice(0, 20)) hover(snapshot, p); // warm up
  const samples = picks.map((p) => {
    const t0 = performance.now();
    hover(snapshot, p);
    return performance.now() - t0;
  });
  return { samples: samples.length, p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

function gc(): void {
  setFlagsFromString('--expose-gc');
  const collect = runInNewContext('gc') as (() => void) | undefined;
  collect?.();
}

async function rssPerMB(unit: string): Promise<number> {
  const { store, next } = instrumentedStore();
  gc();
  const before = process.memoryUsage().rss;
  let chars = 0;
  for (let i = 0; i < 8; i++) {
    // Distinct copies, so nothing is shared between documents.
    const text = `${unit}\n<!-- copy ${i} -->\n`;
    chars += text.length;
    const uri = `file:///bench/mem-${i}.txt`;
    const done = next(uri, 1);
    store.open(uri, 'plaintext', 1, text);
    await done;
  }
  gc();
  const grown = process.memoryUsage().rss - before;
  store.dispose();
  return grown / (1024 * 1024) / (chars / (1024 * 1024));
}

/**
 * Memory is measured in a fresh process: in this one, the heap left by the edit benchmarks would be
 * collected during the measurement and make the growth meaningless (even negative).
 */
function rssInChild(): number {
  // The same script again (bench/run.ts through tsx, or its bundle), told to measure memory only.
  const out = execFileSync(process.execPath, [...process.execArgv, '--expose-gc', process.argv[1]!, '--rss-child'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  const last = out.trim().split('\n').pop() ?? 'NaN';
  return Number(last);
}

function bigDocument(): string {
  const seeds = seedTexts();
  let big = '';
  while (big.length < 1024 * 1024) big += seeds.join('\n\n') + '\n\n';
  return big;
}

/**
 * Opening a 10 MB document of varied filings: time to its diagnostics, and the longest the event
 * loop went without a turn meanwhile (how long a hover or a keystroke could wait behind it).
 */
async function openHuge(): Promise<{ mb: number; totalMs: number; longestBlockMs: number }> {
  const corpus = buildSeedCorpus(10 * 1024 * 1024, 'bench-server-open');
  const { store, next } = instrumentedStore();
  let longest = 0;
  let last = performance.now();
  let ticking = true;
  const tick = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    if (ticking) setImmediate(tick);
  };
  const done = next('file:///bench/10mb.txt', 1);
  const t0 = performance.now();
  last = t0;
  setImmediate(tick);
  store.open('file:///bench/10mb.txt', 'plaintext', 1, corpus.text);
  // The open call itself runs before the first turn: count it as a block too.
  longest = Math.max(longest, performance.now() - t0);
  await done;
  const totalMs = performance.now() - t0;
  ticking = false;
  store.dispose();
  return { mb: corpus.bytes / (1024 * 1024), totalMs, longestBlockMs: longest };
}

function ms(n: number): string {
  return `${n.toFixed(3)} ms`;
}

export async function runServerBench(): Promise<ServerBenchResult> {
  const seeds = seedTexts();
  const single = seeds[1] ?? seeds[0]!;
  const big = bigDocument();

  const one = await editToDiagnostics(single, 'file:///bench/single.txt');
  one.store.dispose();
  const mb = await editToDiagnostics(big, 'file:///bench/1mb.txt');
  const enter = await editToDiagnostics(big, 'file:///bench/1mb-lines.txt', true);
  enter.store.dispose();
  const hov = hoverTimes(mb.snapshot);
  const huge = await openHuge();
  const filings = mb.snapshot.result.filings.length;
  mb.store.dispose();
  const rss = rssInChild();

  const result: ServerBenchResult = {
    singleFiling: { chars: single.length, p50: one.p50, p95: one.p95, bytesPerEdit: one.bytesPerEdit, cold: one.cold },
    oneMegabyte: { chars: big.length, filings, p50: mb.p50, p95: mb.p95, bytesPerEdit: mb.bytesPerEdit, cold: mb.cold },
    hover: hov,
    rssPerMB: rss,
    targets: {
      oneMbP95Under5ms: mb.p95 < 5,
      oneMbWithin2xOfSingle: mb.p95 <= 2 * Math.max(one.p95, 0.5),
      hoverP95Under1ms: hov.p95 < 1,
    },
  };

  const ok = (b: boolean): string => (b ? 'ok' : 'MISSED');
  console.log('== language server');
  const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB written per edit`;
  console.log(`edit → diagnostics, steady state (${EDITS} edits after ${EDITS + WARM_UP_EDITS} uncounted):`);
  console.log(`  single filing (${single.length} chars): median ${ms(one.p50)}, p95 ${ms(one.p95)} (${kb(one.bytesPerEdit)})`);
  console.log(`  1 MB (${big.length} chars, ${filings} filings): median ${ms(mb.p50)}, p95 ${ms(mb.p95)} (${kb(mb.bytesPerEdit)})  [p95 < 5 ms: ${ok(result.targets.oneMbP95Under5ms)}; within 2x of single: ${ok(result.targets.oneMbWithin2xOfSingle)}]`);
  console.log(`  1 MB, Enter and Backspace near the top (every filing below moves): median ${ms(enter.p50)}, p95 ${ms(enter.p95)}`);
  console.log(`edit → diagnostics, cold (the first ${EDITS} edits after opening; JIT and heap still settling):`);
  console.log(`  single filing: median ${ms(one.cold.p50)}, p95 ${ms(one.cold.p95)}; 1 MB: median ${ms(mb.cold.p50)}, p95 ${ms(mb.cold.p95)}`);
  console.log(`hover (${hov.samples} value cells of the 1 MB document): median ${ms(hov.p50)}, p95 ${ms(hov.p95)}  [p95 < 1 ms: ${ok(result.targets.hoverP95Under1ms)}]`);
  console.log(`open ${huge.mb.toFixed(0)} MB of varied filings: diagnostics after ${huge.totalMs.toFixed(0)} ms; the event loop never waited more than ${ms(huge.longestBlockMs)}`);
  console.log(`memory: ${rss.toFixed(1)} MB RSS per MB of open text`);
  return result;
}

/** The child process of {@link rssInChild}: prints RSS growth per MB of open text. */
export async function rssChild(): Promise<void> {
  console.log(String(await rssPerMB(bigDocument())));
}
