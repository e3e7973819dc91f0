/**
 * Large filings analysed on a worker thread. The analysis of one filing is a single synchronous
 * call; a filing of thousands of rows takes a second or more, and on the main thread that second
 * would hold every request and every other document. Filings of at least `minLines` lines are
 * sent to one long-lived worker instead; the document store awaits the result between slices.
 * Anything wrong with the worker (it cannot start, it crashes, a filing fails there) resolves to
 * undefined and the filing is analysed in place, as before: the worker can only make things faster.
 *
 * What comes back is read without holding the main thread either: the worker sends the filing as
 * JSON in pieces in transferred buffers (chunkedJson.ts), and the pieces are parsed a few
 * milliseconds at a time between other work. What every edit needs (the findings) is read before
 * the filing is handed over; the parts only requests and the ledger read (the record, where each
 * value stands, the outline) are read when one asks for them: {@link whenRead} reads them in slices, and a reader that
 * does not wait for it still gets them, parsed at once.
 */
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import type { AnalyzeOptions, AnalyzedFiling, FilingOffload } from '../analysis';
import { analyzedFrom } from '../analysis/document';
import { ChunkedJsonReader, type ChunkedJson } from './chunkedJson';
import { describeError, type Logger } from './safe';

/**
 * The parts of a filing only features and the ledger read (hover, outline, preview, exports): read
 * on demand. The findings, published on every edit, are read before the filing is handed over.
 */
export const LAZY_PARTS = ['record', 'sources', 'fields', 'labels', 'footnoteRefs', 'footnoteDefs', 'outline'] as const;

/** What the worker answers: the filing in pieces (the rest, and each lazy part), or an error. */
export interface WorkerReply {
  id: number;
  head?: ChunkedJson;
  parts?: Partial<Record<(typeof LAZY_PARTS)[number], ChunkedJson>>;
  error?: string;
}

/** Longest run of parsing in one turn of the event loop (a piece is parsed whole, ~1 ms). */
const SLICE_MS = 4;

/**
 * Runs `step` (true while there is more) a slice at a time, yielding the event loop between
 * slices, so requests and other documents are served meanwhile. Rejects if a step throws.
 */
function inSlices(step: () => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const slice = (): void => {
      try {
        const end = performance.now() + SLICE_MS;
        while (performance.now() < end) if (!step()) return resolve();
        setImmediate(slice);
      } catch (err) {
        reject(err);
      }
    };
    slice();
  });
}

/** The lazy parts of filings from the worker still unread. */
const unread = new WeakMap<AnalyzedFiling, ChunkedJsonReader[]>();

/** True when some of `filings` came from the worker with parts not parsed yet. */
export function hasUnread(filings: readonly AnalyzedFiling[]): boolean {
  for (const f of filings) {
    const readers = unread.get(analyzedFrom(f));
    if (readers && readers.some((r) => !r.done)) return true;
  }
  return false;
}

/**
 * Resolves once the lazy parts of `filings` (as analysed on the worker; shifted copies read their
 * original's) are parsed, parsing them in slices. Requests await it before reading a snapshot, so
 * a hover on a filing of thousands of rows waits for its parts instead of stopping the server.
 */
export async function whenRead(filings: readonly AnalyzedFiling[]): Promise<void> {
  for (const f of filings) {
    const readers = unread.get(analyzedFrom(f));
    if (!readers) continue;
    await inSlices(() => readers.some((r) => r.step()));
  }
}

/** The filing from the worker's reply, its findings parsed in slices, its lazy parts on demand. */
async function filingOf(reply: WorkerReply): Promise<AnalyzedFiling | undefined> {
  if (reply.head === undefined) return undefined;
  const head = new ChunkedJsonReader(reply.head);
  await inSlices(() => head.step());
  const filing = head.value as AnalyzedFiling;
  const readers: ChunkedJsonReader[] = [];
  for (const key of LAZY_PARTS) {
    const chunked = reply.parts?.[key];
    const reader = chunked && new ChunkedJsonReader(chunked);
    if (reader) readers.push(reader);
    Object.defineProperty(filing, key, {
      enumerable: true,
      configurable: true,
      // Parsed at once when read before whenRead() finished (the slices parse the rest).
      get: () => reader?.value,
    });
  }
  unread.set(filing, readers);
  return filing;
}

export class WorkerOffload implements FilingOffload {
  private worker: Worker | undefined;
  private broken = false;
  private nextId = 1;
  private readonly pending = new Map<number, (filing: AnalyzedFiling | undefined) => void>();
  /** Replies being parsed, by id (settled as undefined if the offload is disposed meanwhile). */
  private readonly reading = new Map<number, (filing: AnalyzedFiling | undefined) => void>();

  constructor(
    private readonly script: string,
    private readonly options: AnalyzeOptions,
    private readonly logger: Logger,
    /**
     * Warm analysis holds the thread about 0.13 ms a line (a filing of 311 lines 42 ms of CPU, one
     * of 1,061 lines 70-120 ms): from here on a filing would hold it past ~50 ms, so it goes to the
     * worker. Ordinary filings (under 200 lines) stay in place, where no round trip delays them.
     */
    readonly minLines = 300,
  ) {}

  /** An offload when the worker script exists (it is bundled next to the server), else undefined. */
  static create(script: string, options: AnalyzeOptions, logger: Logger, minLines?: number): WorkerOffload | undefined {
    return existsSync(script) ? new WorkerOffload(script, options, logger, minLines) : undefined;
  }

  run(lines: readonly string[], base: number, index: number): Promise<AnalyzedFiling | undefined> {
    const worker = this.start();
    if (!worker) return Promise.resolve(undefined);
    const id = this.nextId++;
    return new Promise((resolve) => {
      // Referenced while it works (the result is awaited), unreferenced when idle.
      if (this.pending.size === 0) worker.ref();
      this.pending.set(id, resolve);
      try {
        worker.postMessage({ id, lines, base, index, today: this.options.today?.toISOString() });
      } catch (err) {
        this.pending.delete(id);
        this.fail(`could not send a filing to the worker: ${describeError(err)}`);
        resolve(undefined);
      }
    });
  }

  dispose(): void {
    const w = this.worker;
    this.worker = undefined;
    this.settleAll();
    if (w) void w.terminate();
  }

  private start(): Worker | undefined {
    if (this.broken) return undefined;
    if (this.worker) return this.worker;
    try {
      const w = new Worker(this.script);
      w.unref(); // an idle worker never keeps the server alive
      w.on('message', (m: WorkerReply) => {
        const resolve = this.pending.get(m.id);
        if (!resolve) return;
        this.pending.delete(m.id);
        if (this.pending.size === 0) w.unref();
        if (m.error !== undefined) this.logger.error(`filing analysis on the worker failed (analysed in place): ${m.error}`);
        this.reading.set(m.id, resolve);
        const settle = (filing: AnalyzedFiling | undefined): void => {
          const r = this.reading.get(m.id);
          this.reading.delete(m.id);
          r?.(filing);
        };
        filingOf(m).then(settle, (err: unknown) => {
          this.logger.error(`a filing from the worker could not be read (analysed in place): ${describeError(err)}`);
          settle(undefined);
        });
      });
      w.on('error', (err) => this.fail(`filing worker failed: ${describeError(err)}`));
      w.on('exit', (code) => {
        if (this.worker === w) this.fail(`filing worker exited (${code})`);
      });
      this.worker = w;
      return w;
    } catch (err) {
      this.fail(`filing worker could not start: ${describeError(err)}`);
      return undefined;
    }
  }

  /** The worker is gone: large filings are analysed in place from now on. */
  private fail(message: string): void {
    if (!this.broken) this.logger.error(`${message}; large filings are analysed on the main thread`);
    this.broken = true;
    this.worker = undefined;
    this.settleAll();
  }

  private settleAll(): void {
    for (const resolve of [...this.pending.values(), ...this.reading.values()]) resolve(undefined);
    this.pending.clear();
    this.reading.clear();
  }
}
