/**
 * Open documents and their analyses.
 *
 * One entry per open uri holds the text (a {@link LineDocument}: lines, cheap to edit) and an
 * `IncrementalAnalyzer` that receives the same content changes, so an edit re-analyses only the
 * blocks it touched. The latest finished analysis is kept as a {@link DocumentSnapshot} keyed by
 * (uri, version): any number of requests for the same version share one analysis.
 *
 * Scheduling, in the order it matters:
 *  - an edit schedules an analysis after a short debounce (typing bursts cost one analysis);
 *  - a request that needs the analysis now does not wait for the debounce, it starts it;
 *  - an analysis runs in time slices, and the next slice continues after `setImmediate`, so hovers,
 *    completions and new edits are served between slices instead of queueing behind a 10 MB
 *    document. The analyzer's `steps()` generator (one step per re-analysed filing) is kept across
 *    slices, so no work is repeated; edits that arrive meanwhile are queued and folded in when it
 *    ends (then only the filings they touched are analysed again), so a long first analysis is
 *    never thrown away by typing. Without `steps()`, `analyze(token)` gets a token that "cancels" when
 *    the budget is spent, and the budget doubles per slice so an analysis that restarts still ends;
 *  - an edit or a close makes the running analysis stale: its token reports cancellation at once
 *    and the loop starts over on the new version;
 *  - a filing too large for one slice (thousands of rows) goes to the offload (the server's worker
 *    thread): the analysis waits for it without holding the event loop, then resumes with it.
 */
import { performance } from 'node:perf_hooks';
import { IncrementalAnalyzer } from '../analysis';
import type { AnalysisResult, AnalysisStep, AnalyzedFiling, AnalyzeOptions, CancellationLike, ContentChange, FilingOffload } from '../analysis';
import { LineDocument, type TextLines } from './lineDocument';
import { describeError, type Logger } from './safe';

/** A finished analysis of one version of one document. */
export interface DocumentSnapshot {
  readonly uri: string;
  readonly version: number;
  readonly languageId: string;
  /** The document text. Only guaranteed to be at `version` while the snapshot is the latest one. */
  readonly document: TextLines;
  readonly result: AnalysisResult;
  /** True when the document was too large to analyse; the result is then empty. */
  readonly declined: boolean;
}

export interface DocumentStoreOptions {
  logger: Logger;
  /** Delay between the last edit and the analysis it triggers. 0 = next turn of the event loop. */
  debounceMs?: number;
  /** Budget of the first analysis slice, in milliseconds. */
  sliceMs?: number;
  /** Documents longer than this (UTF-16 code units) are not analysed at all. */
  maxAnalyzedLength?: number;
  analyzeOptions?: AnalyzeOptions;
  /** Where filings too large to analyse between two requests go (a worker thread). */
  offload?: FilingOffload;
  /** Called once per new snapshot of an open document (publish diagnostics, notify the preview). */
  onAnalyzed?: (snapshot: DocumentSnapshot) => void;
}

const EMPTY_RESULT: AnalysisResult = { filings: [], findings: [] };

const CANCELLED = Symbol('cancelled');

/** A token that can notify (LSP tokens can); plain `CancellationLike` tokens are only polled. */
interface NotifyingToken extends CancellationLike {
  onCancellationRequested(listener: () => void): { dispose(): void };
}

/**
 * Resolves with `work`, or with CANCELLED as soon as the request is cancelled, so a cancelled
 * request answers at once instead of waiting for an analysis it no longer needs (which goes on).
 */
function untilCancelled<T>(work: Promise<T>, token: CancellationLike | undefined): Promise<T | typeof CANCELLED> {
  const t = token as Partial<NotifyingToken> | undefined;
  if (!t || typeof t.onCancellationRequested !== 'function') return work;
  return new Promise((resolve, reject) => {
    const sub = t.onCancellationRequested!(() => resolve(CANCELLED));
    work.then(resolve, reject).finally(() => sub.dispose());
  });
}

/** The resumable form of an analysis: one step per re-analysed filing, the result at the end. */
type Steps = Generator<AnalysisStep, AnalysisResult, unknown>;
interface Steppable {
  steps(): Steps;
}

function stepperOf(analyzer: IncrementalAnalyzer): Steppable | undefined {
  const candidate = analyzer as unknown as Partial<Steppable>;
  return typeof candidate.steps === 'function' ? (analyzer as unknown as Steppable) : undefined;
}

class Entry {
  analyzer: IncrementalAnalyzer | undefined;
  snapshot: DocumentSnapshot | undefined;
  running: Promise<DocumentSnapshot | null> | undefined;
  /** An analysis in progress over the analyzer's current text. */
  steps: Steps | undefined;
  /** Edits received while `steps` runs; the analyzer gets them when it ends. */
  pending: ContentChange[][] = [];
  /** A large filing of `steps` being analysed on the worker, and then what it gave. */
  waiting: Promise<unknown> | undefined;
  resumeWith: unknown;
  timer: NodeJS.Timeout | NodeJS.Immediate | undefined;
  /** Requests waiting for the analysis in progress (their replies go out before its diagnostics). */
  requesters = 0;
  closed = false;
  /** The text as opened, handed to the first analyzer so it need not be joined from lines again. */
  initialText: string | undefined;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    readonly document: LineDocument,
  ) {}

  get version(): number {
    return this.document.version;
  }
}

export class DocumentStore {
  private readonly entries = new Map<string, Entry>();
  private readonly debounceMs: number;
  private readonly sliceMs: number;
  private readonly maxAnalyzedLength: number;

  constructor(private readonly options: DocumentStoreOptions) {
    this.debounceMs = options.debounceMs ?? 150;
    this.sliceMs = options.sliceMs ?? 15;
    this.maxAnalyzedLength = options.maxAnalyzedLength ?? 32 * 1024 * 1024;
  }

  open(uri: string, languageId: string, version: number, text: string): void {
    this.close(uri); // a re-open without close replaces the old entry
    const entry = new Entry(uri, languageId, new LineDocument(uri, languageId, version, text));
    entry.initialText = text;
    this.entries.set(uri, entry);
    this.schedule(entry, 0);
  }

  change(uri: string, version: number, changes: readonly ContentChange[]): void {
    const entry = this.entries.get(uri);
    if (!entry) return;
    entry.document.update(changes, version);
    entry.initialText = undefined;
    if (entry.analyzer) {
      try {
        // The running generator reads the analyzer's lines: they must not move under it.
        if (entry.steps) entry.pending.push([...changes]);
        else entry.analyzer.applyChanges(changes);
      } catch (err) {
        // The analyzer's state is unknown now; rebuild it from the text on the next analysis.
        this.options.logger.error(`applyChanges failed for ${uri}: ${describeError(err)}`);
        entry.analyzer = undefined;
      }
    }
    this.schedule(entry, this.debounceMs);
  }

  /** Forgets the document; returns false if it was not open. */
  close(uri: string): boolean {
    const entry = this.entries.get(uri);
    if (!entry) return false;
    entry.closed = true;
    this.clearTimer(entry);
    entry.analyzer = undefined;
    entry.steps = undefined;
    entry.pending = [];
    entry.waiting = undefined;
    this.entries.delete(uri);
    return true;
  }

  isOpen(uri: string): boolean {
    return this.entries.has(uri);
  }

  /** The current text of an open document (may be ahead of its latest snapshot). */
  document(uri: string): TextLines | undefined {
    return this.entries.get(uri)?.document;
  }

  /** The latest finished snapshot, possibly of an older version. Never waits. */
  latest(uri: string): DocumentSnapshot | undefined {
    return this.entries.get(uri)?.snapshot;
  }

  /** Latest snapshots of every open document that has one (to re-publish after a settings change). */
  latestSnapshots(): DocumentSnapshot[] {
    const out: DocumentSnapshot[] = [];
    for (const e of this.entries.values()) if (e.snapshot) out.push(e.snapshot);
    return out;
  }

  openUris(): string[] {
    return [...this.entries.keys()];
  }

  /**
   * The analysis of the document's current version, computing it now if needed.
   * Resolves to null if the document is (or gets) closed or the token is cancelled.
   */
  async snapshot(uri: string, token?: CancellationLike): Promise<DocumentSnapshot | null> {
    for (;;) {
      const entry = this.entries.get(uri);
      if (!entry || entry.closed || token?.isCancellationRequested) return null;
      if (entry.snapshot && entry.snapshot.version === entry.version) return entry.snapshot;
      this.clearTimer(entry);
      entry.requesters++;
      let snap: DocumentSnapshot | null | typeof CANCELLED;
      try {
        snap = await untilCancelled(this.ensureRunning(entry), token);
      } finally {
        entry.requesters--;
      }
      if (snap === CANCELLED) return null;
      // The loop re-checks: an edit may have landed between the analysis and this continuation.
      if (snap && snap.version === entry.version && !entry.closed && this.entries.get(uri) === entry) {
        return token?.isCancellationRequested ? null : snap;
      }
      if (!snap && entry.closed) return null;
    }
  }

  /**
   * The current version's analysis of the filing at `line` alone, when it is known without
   * analysing: the latest snapshot if it is current, else the filing as last analysed when an edit
   * since left its lines alone (typing in one filing of a large document, then pointing at
   * another). The snapshot holds that one filing and no findings: for requests about one place (a
   * hover). Undefined when the filing must be analysed first; then ask {@link snapshot}. The
   * document's own analysis is started on the next turn, as a request for it would have.
   */
  filingSnapshot(uri: string, line: number): DocumentSnapshot | undefined {
    const entry = this.entries.get(uri);
    if (!entry || entry.closed) return undefined;
    if (entry.snapshot && entry.snapshot.version === entry.version) return entry.snapshot;
    // Only while the analyzer holds the current text: no analysis is running, no edit is queued.
    if (!entry.analyzer || entry.steps || entry.pending.length || entry.initialText !== undefined) return undefined;
    let filing: AnalyzedFiling | undefined;
    try {
      filing = entry.analyzer.cachedFilingAt(line);
    } catch (err) {
      this.options.logger.error(`cachedFilingAt failed for ${uri}: ${describeError(err)}`);
      return undefined;
    }
    if (!filing) return undefined;
    if (!entry.running) this.schedule(entry, 0);
    return this.makeSnapshot(entry, { filings: [filing], findings: [] }, false);
  }

  dispose(): void {
    for (const uri of [...this.entries.keys()]) this.close(uri);
  }

  private schedule(entry: Entry, delay: number): void {
    this.clearTimer(entry);
    const run = (): void => {
      entry.timer = undefined;
      void this.ensureRunning(entry);
    };
    entry.timer = delay <= 0 ? setImmediate(run) : setTimeout(run, delay);
  }

  private clearTimer(entry: Entry): void {
    if (entry.timer === undefined) return;
    clearTimeout(entry.timer as NodeJS.Timeout);
    clearImmediate(entry.timer as NodeJS.Immediate);
    entry.timer = undefined;
  }

  private ensureRunning(entry: Entry): Promise<DocumentSnapshot | null> {
    if (!entry.running) {
      entry.running = this.analyzeLatest(entry).finally(() => {
        entry.running = undefined;
      });
    }
    return entry.running;
  }

  /** Runs slices until the snapshot matches the current version, or the document closes. */
  private async analyzeLatest(entry: Entry): Promise<DocumentSnapshot | null> {
    let budget = this.sliceMs;
    while (!entry.closed) {
      if (entry.snapshot && entry.snapshot.version === entry.version) return entry.snapshot;
      const snap = this.runSlice(entry, budget);
      if (snap) {
        entry.snapshot = snap;
        // A request that needs this analysis (a hover after a keystroke) does not need its
        // diagnostics: they go out on the next turn, after the reply, so it does not wait behind
        // the notification of a big document. A newer snapshot by then publishes itself instead.
        if (entry.requesters > 0) setImmediate(() => entry.snapshot === snap && this.notify(entry, snap));
        else this.notify(entry, snap);
        return snap;
      }
      if (entry.waiting) {
        // A large filing is analysed on the worker: the server answers requests meanwhile.
        const waiting = entry.waiting;
        entry.resumeWith = await waiting;
        if (entry.waiting === waiting) entry.waiting = undefined;
        continue;
      }
      if (!entry.steps) budget *= 2; // only an analysis that restarts needs a growing budget
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    return null;
  }

  /** One slice: a finished snapshot, or undefined when the budget ran out first. */
  private runSlice(entry: Entry, budgetMs: number): DocumentSnapshot | undefined {
    const version = entry.version;
    try {
      if (!entry.analyzer) {
        const text = entry.initialText ?? entry.document.getText();
        entry.initialText = undefined;
        if (text.length > this.maxAnalyzedLength) {
          this.options.logger.info(`${entry.uri}: ${text.length} characters, over the ${this.maxAnalyzedLength} analysed; not analysed`);
          return this.makeSnapshot(entry, EMPTY_RESULT, true);
        }
        entry.analyzer = new IncrementalAnalyzer(text, this.options.analyzeOptions, this.options.offload);
        entry.steps = undefined;
        entry.waiting = undefined;
        entry.pending = []; // the new analyzer starts from the current text
      }
      const deadline = performance.now() + budgetMs;
      const stepper = stepperOf(entry.analyzer);
      if (stepper) {
        for (;;) {
          if (!entry.steps) {
            for (const changes of entry.pending) entry.analyzer.applyChanges(changes);
            entry.pending = [];
            entry.steps = stepper.steps();
          }
          const resume = entry.resumeWith;
          entry.resumeWith = undefined;
          const step = entry.steps.next(resume);
          if (!step.done && step.value instanceof Promise) {
            entry.waiting = step.value;
            return undefined;
          }
          if (step.done) {
            entry.steps = undefined;
            if (entry.pending.length === 0) return this.makeSnapshot(entry, step.value, false);
            continue; // the text moved on meanwhile: fold the queued edits in, analyse what they touched
          }
          if (entry.closed || performance.now() > deadline) return undefined;
        }
      }
      const token: CancellationLike = {
        get isCancellationRequested() {
          return entry.closed || entry.version !== version || performance.now() > deadline;
        },
      };
      const result = entry.analyzer.analyze(token);
      return result ? this.makeSnapshot(entry, result, false) : undefined;
    } catch (err) {
      // Answer with an empty analysis rather than leave requests waiting forever; start afresh next time.
      this.options.logger.error(`analysis failed for ${entry.uri}: ${describeError(err)}`);
      entry.analyzer = undefined;
      entry.steps = undefined;
      entry.waiting = undefined;
      entry.resumeWith = undefined;
      entry.pending = [];
      return this.makeSnapshot(entry, EMPTY_RESULT, false);
    }
  }

  private makeSnapshot(entry: Entry, result: AnalysisResult, declined: boolean): DocumentSnapshot {
    return {
      uri: entry.uri,
      version: entry.version,
      languageId: entry.languageId,
      document: entry.document,
      result,
      declined,
    };
  }

  private notify(entry: Entry, snap: DocumentSnapshot): void {
    if (entry.closed || this.entries.get(entry.uri) !== entry) return;
    try {
      this.options.onAnalyzed?.(snap);
    } catch (err) {
      this.options.logger.error(`onAnalyzed failed for ${entry.uri}: ${describeError(err)}`);
    }
  }
}
