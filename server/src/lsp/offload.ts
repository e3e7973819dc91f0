/**
 * Large filings analysed on a worker thread. The analysis of one filing is a single synchronous
 * call; a filing of thousands of rows takes a second or more, and on the main thread that second
 * would hold every request and every other document. Filings of at least `minLines` lines are
 * sent to one long-lived worker instead; the document store awaits the result between slices.
 * Anything wrong with the worker (it cannot start, it crashes, a filing fails there) resolves to
 * undefined and the filing is analysed in place, as before: the worker can only make things faster.
 */
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { AnalyzeOptions, AnalyzedFiling, FilingOffload } from '../analysis';
import { describeError, type Logger } from './safe';

/** The parts of a filing only features read (hover, outline, preview): parsed on first read. */
export const LAZY_PARTS = ['sources', 'fields', 'labels', 'footnoteRefs', 'footnoteDefs', 'outline'] as const;

/** What the worker answers: the filing as JSON text (its head, and each lazy part), or an error. */
export interface WorkerReply {
  id: number;
  head?: string;
  parts?: Partial<Record<(typeof LAZY_PARTS)[number], string>>;
  error?: string;
}

/** The filing from the worker's reply: the head parsed now, the other parts when first read. */
function filingOf(reply: WorkerReply): AnalyzedFiling | undefined {
  if (reply.head === undefined) return undefined;
  const filing = JSON.parse(reply.head) as AnalyzedFiling;
  for (const key of LAZY_PARTS) {
    const text = reply.parts?.[key];
    let value: unknown;
    let read = false;
    Object.defineProperty(filing, key, {
      enumerable: true,
      configurable: true,
      get() {
        if (!read) {
          value = text === undefined ? undefined : JSON.parse(text);
          read = true;
        }
        return value;
      },
    });
  }
  return filing;
}

export class WorkerOffload implements FilingOffload {
  private worker: Worker | undefined;
  private broken = false;
  private nextId = 1;
  private readonly pending = new Map<number, (filing: AnalyzedFiling | undefined) => void>();

  constructor(
    private readonly script: string,
    private readonly options: AnalyzeOptions,
    private readonly logger: Logger,
    readonly minLines = 1500,
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
        let filing: AnalyzedFiling | undefined;
        try {
          filing = filingOf(m);
        } catch (err) {
          this.logger.error(`a filing from the worker could not be read (analysed in place): ${describeError(err)}`);
        }
        resolve(filing);
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
    for (const resolve of this.pending.values()) resolve(undefined);
    this.pending.clear();
  }
}
