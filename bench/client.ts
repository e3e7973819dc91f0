/**
 * What an editor sees per keystroke, measured from an independent client: the real server
 * (dist/server.js) as its own process over stdio, driven by a plain JSON-RPC connection, with the
 * server's default debounce. Each keystroke is a one-character edit (inserted, then removed by the
 * next, so the document stays the same size) at a spread of places, followed at once by a hover
 * near the end of the document, as when a person types and then points at something:
 *  - edit → hover reply: from sending the edit to the hover's reply being decoded;
 *  - edit → diagnostics: from sending the edit to that version's diagnostics being decoded (the
 *    hover starts the analysis at once, so no debounce is waited for);
 *    a client that pulls (VS Code) asks for them right after the edit with the last result id
 *    and gets the list or `unchanged`; a client that does not (Neovim) gets each changed list
 *    pushed (a large list it holds already is not sent again: `form345/recordsChanged`, sent
 *    after a version's diagnostics, tells it the version is settled);
 *  - bytes received per keystroke: everything the server wrote from one edit to the next.
 * On a single generated filing and on a ~1 MB document of generated filings of every layout with
 * OCR damage. Targets (issue 12): 1 MB edit + hover p95 ≤ 10 ms and ≤ 3x the single filing;
 * ≤ 100 KB received per keystroke on the 1 MB document.
 */
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { StreamMessageReader, StreamMessageWriter, createMessageConnection } from 'vscode-jsonrpc/node';
import { generateDocument } from '../test/gen';
import { measureStall, type StallFigures } from '../test/support/stall';
import { REPO_ROOT } from './corpus';

const KEYSTROKES = 60;
const WARM_UP = 20;
const DEBOUNCE_MS = 150;

export interface ClientFigures {
  chars: number;
  filings: number;
  diagnosticsAtOpen: number;
  hover: { p50: number; p95: number };
  diagnostics: { p50: number; p95: number };
  bytesPerKeystroke: number;
  hoverFirst: number;
}

export interface ClientBenchResult {
  /** A client that pulls diagnostics after each edit, as VS Code does. */
  single: ClientFigures;
  oneMegabyte: ClientFigures;
  /** A client without pulls (Neovim): every analysis pushes the document's whole list. */
  singlePush: ClientFigures;
  oneMegabytePush: ClientFigures;
  /** The 1 MB document pushed with `form345.ocrDetail` = filing (one OCR hint a filing). */
  oneMegabyteByFiling: ClientFigures;
  targets: { oneMbHoverP95Under10ms: boolean; oneMbWithin3xOfSingle: boolean; under100KbPerKeystroke: boolean };
  /** Typing in one filing of 4,000 rows while another document is hovered every 10 ms. */
  stall: StallFigures;
}

function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;
}

/** A document of `filings` generated filings (every layout), OCR-damaged like converter output. */
export function generated(filings: number, noise: 1 | 2): string {
  return generateDocument(`bench-client-${filings}`, filings, { noise, layout: 'mixed' }).text;
}

type Mode = 'push' | 'pull';

export async function measure(text: string, filings: number, mode: Mode, ocrDetail?: 'line' | 'word' | 'filing'): Promise<ClientFigures> {
  // FORM345_SERVER measures another build (e.g. main's) with this same client, under the same load.
  const server = process.env.FORM345_SERVER ?? path.join(REPO_ROOT, 'dist', 'server.js');
  const proc = spawn(process.execPath, [server, '--stdio'], { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'ignore'] });
  let received = 0;
  proc.stdout.on('data', (d: Buffer) => (received += d.length));
  const connection = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  const arrived = new Map<number, { at: number; count: number }>();
  let waiter: { version: number; resolve: () => void } | undefined;
  let lastCount = 0;
  // A server that sends `form345/recordsChanged` after each version's diagnostics may leave out a
  // large list the client holds already: then that notification says the version is settled
  // (its diagnostics are the ones held). Which order the server keeps is seen at the open.
  let recordsAfter: boolean | undefined;
  connection.onNotification('textDocument/publishDiagnostics', (p: { version?: number; diagnostics: unknown[] }) => {
    if (p.version === undefined) return;
    lastCount = p.diagnostics.length;
    arrived.set(p.version, { at: performance.now(), count: p.diagnostics.length });
    if (waiter && waiter.version === p.version) waiter.resolve();
  });
  connection.onNotification('form345/recordsChanged', (p: { version?: number }) => {
    if (mode !== 'push' || typeof p?.version !== 'number') return;
    if (recordsAfter === undefined && p.version === 1) recordsAfter = arrived.has(1);
    if (!recordsAfter || arrived.has(p.version)) return;
    arrived.set(p.version, { at: performance.now(), count: lastCount });
    if (waiter && waiter.version === p.version) waiter.resolve();
  });
  // The workspace ledger's first scan (the repository's fixtures) runs after `initialized`: its
  // rebuilds are announced, and the keystrokes start once they have settled.
  let ledgerAt = 0;
  connection.onNotification('form345/ledgerChanged', () => {
    ledgerAt = performance.now();
  });
  connection.onNotification(() => undefined);
  connection.onRequest(() => null);
  connection.listen();
  const diagnosticsOf = (version: number): Promise<void> =>
    arrived.has(version) ? Promise.resolve() : new Promise((resolve) => (waiter = { version, resolve }));
  try {
    const init = await connection.sendRequest<{ capabilities: { diagnosticProvider?: unknown } }>('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(REPO_ROOT).href,
      initializationOptions: { diagnosticsDelay: DEBOUNCE_MS, ...(ocrDetail ? { form345: { ocrDetail } } : {}) },
      capabilities: {
        textDocument: {
          hover: { contentFormat: ['markdown'] },
          publishDiagnostics: { versionSupport: true },
          ...(mode === 'pull' ? { diagnostic: { dynamicRegistration: false } } : {}),
        },
        ...(mode === 'pull' ? { workspace: { diagnostics: { refreshSupport: true } } } : {}),
      },
    });
    // A server that does not offer pulls pushes: it is measured as it behaves.
    if (!init.capabilities.diagnosticProvider) mode = 'push';
    await connection.sendNotification('initialized', {});
    const uri = 'file:///bench/client.txt';
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'form345', version: 1, text } });
    // Pulls as VS Code makes them: one after the open, one after each edit, with the last result id.
    let resultId: string | undefined;
    const pullOf = async (version: number): Promise<void> => {
      const r = await connection.sendRequest<{ kind: string; resultId?: string; items?: unknown[] }>('textDocument/diagnostic', {
        textDocument: { uri },
        ...(resultId !== undefined ? { previousResultId: resultId } : {}),
      });
      const count = r.kind === 'full' ? r.items!.length : arrived.get(version - 1)!.count;
      resultId = r.resultId;
      arrived.set(version, { at: performance.now(), count });
    };
    if (mode === 'pull') await pullOf(1);
    else await diagnosticsOf(1);
    const diagnosticsAtOpen = arrived.get(1)!.count;
    const settleUntil = performance.now() + 60_000;
    while ((ledgerAt === 0 || performance.now() - ledgerAt < 500) && performance.now() < settleUntil) await new Promise((r) => setTimeout(r, 50));
    const lines = text.split(/\r\n|\r|\n/);
    const hoverAt = { line: Math.max(0, lines.length - 12), character: 2 };
    const hovers: number[] = [];
    const diags: number[] = [];
    const bytes: number[] = [];
    let hoverFirst = 0;
    let insertAt = { line: 0, character: 0 };
    for (let k = 0; k < WARM_UP + KEYSTROKES; k++) {
      const version = k + 2;
      // Insert a character, then remove it with the next keystroke: the same places each pair.
      const insert = k % 2 === 0;
      if (insert) {
        const line = Math.floor(((k / 2) * 0.618034 % 1) * lines.length);
        insertAt = { line, character: Math.min(3, lines[line]!.length) };
      }
      const change = insert
        ? { range: { start: insertAt, end: insertAt }, text: 'x' }
        : { range: { start: insertAt, end: { line: insertAt.line, character: insertAt.character + 1 } }, text: '' };
      const before = received;
      const t0 = performance.now();
      await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
      const pulled = mode === 'pull' ? pullOf(version) : undefined;
      await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: hoverAt });
      const tHover = performance.now();
      if (!arrived.has(version)) hoverFirst++;
      await (pulled ?? diagnosticsOf(version));
      if (k < WARM_UP) continue;
      hovers.push(tHover - t0);
      diags.push(arrived.get(version)!.at - t0);
      bytes.push(received - before);
    }
    return {
      chars: text.length,
      filings,
      diagnosticsAtOpen,
      hover: { p50: percentile(hovers, 50), p95: percentile(hovers, 95) },
      diagnostics: { p50: percentile(diags, 50), p95: percentile(diags, 95) },
      bytesPerKeystroke: bytes.reduce((a, b) => a + b, 0) / Math.max(1, bytes.length),
      hoverFirst,
    };
  } finally {
    connection.dispose();
    proc.kill();
  }
}

function ms(n: number): string {
  return `${n.toFixed(1)} ms`;
}

export async function runClientBench(): Promise<ClientBenchResult> {
  const one = generated(1, 2);
  // Filings differ in length by layout: grow the count until the document reaches 1 MB.
  let n = 100;
  let big = generated(n, 2);
  while (big.length < 1024 * 1024) big = generated((n = Math.ceil((n * 1024 * 1024) / big.length) + 1), 2);
  const single = await measure(one, 1, 'pull');
  const mb = await measure(big, n, 'pull');
  const singlePush = await measure(one, 1, 'push');
  const mbPush = await measure(big, n, 'push');
  const byFiling = await measure(big, n, 'push', 'filing');
  const stall = await measureStall({ serverJs: path.join(REPO_ROOT, 'dist', 'server.js'), keystrokes: 5 });
  const result: ClientBenchResult = {
    single,
    oneMegabyte: mb,
    singlePush,
    oneMegabytePush: mbPush,
    oneMegabyteByFiling: byFiling,
    stall,
    targets: {
      oneMbHoverP95Under10ms: mb.hover.p95 <= 10,
      oneMbWithin3xOfSingle: mb.hover.p95 <= 3 * single.hover.p95,
      under100KbPerKeystroke: mb.bytesPerKeystroke <= 100 * 1024,
    },
  };
  const ok = (b: boolean) => (b ? 'met' : 'NOT met');
  console.log(`== independent client (the server over stdio, ${DEBOUNCE_MS} ms debounce, ${KEYSTROKES} keystrokes after ${WARM_UP}; each: a one-character edit, then a hover near the end)`);
  console.log('  pulled diagnostics (as VS Code: a pull after each edit with the last result id) and pushed ones (as Neovim):');
  const rows = [
    ['single filing, pull', single],
    ['1 MB, pull', mb],
    ['single filing, push', singlePush],
    ['1 MB, push', mbPush],
    ['1 MB, push, form345.ocrDetail = filing', byFiling],
  ] as const;
  for (const [name, f] of rows) {
    console.log(
      `  ${name} (${f.chars} chars, ${f.filings} filings, ${f.diagnosticsAtOpen} diagnostics): edit → hover reply median ${ms(f.hover.p50)}, p95 ${ms(f.hover.p95)}; ` +
        `edit → diagnostics decoded median ${ms(f.diagnostics.p50)}, p95 ${ms(f.diagnostics.p95)}; ` +
        `${(f.bytesPerKeystroke / 1024).toFixed(1)} KB received per keystroke; the hover's reply before the diagnostics in ${f.hoverFirst} of ${KEYSTROKES + WARM_UP}`,
    );
  }
  console.log(
    `  one filing of 4,000 rows (${stall.lines} lines, ${stall.diagnostics} diagnostics, pushed), 5 keystrokes in a row, its records asked for after each (as the preview does), another document hovered every 10 ms: ` +
      `longest hover reply ${ms(stall.longest)} (p99 ${ms(stall.p99)}, median ${ms(stall.median)}, ${stall.probes} hovers); keystroke → diagnostics median ${ms(stall.keystrokeMs)}; ` +
      `longest main-thread run ${ms(stall.busiestCpuMs)} of CPU (${ms(stall.busiestWallMs)} wall); ` +
      `target: the server never held ≥ ~50 ms: ${ok(stall.longest <= 50)} (its own work: ${ok(!(stall.busiestCpuMs > 50))})`,
  );
  console.log(
    `  targets (pull, as VS Code): 1 MB edit + hover p95 ≤ 10 ms: ${ok(result.targets.oneMbHoverP95Under10ms)}; ≤ 3x single: ${ok(result.targets.oneMbWithin3xOfSingle)}; ≤ 100 KB per keystroke: ${ok(result.targets.under100KbPerKeystroke)} ` +
      `(push: ${ok(mbPush.bytesPerKeystroke <= 100 * 1024)}; push with ocrDetail = filing: ${ok(byFiling.bytesPerKeystroke <= 100 * 1024)})`,
  );
  return result;
}
