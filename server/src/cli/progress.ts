/**
 * A one-line progress bar on stderr for long runs: only on a terminal (never when stderr is a
 * pipe or a file), only for more than a handful of files, redrawn at most every 100 ms, and
 * cleared before any message line and at the end so it never mixes with real output.
 */

export interface ProgressStream {
  write(s: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export const PROGRESS_MIN_FILES = 20;

export class Progress {
  readonly enabled: boolean;
  private done = 0;
  private bytes = 0;
  private shown = false;
  private lastDraw = 0;
  private readonly started = Date.now();

  constructor(
    private readonly total: number,
    private readonly stream: ProgressStream = process.stderr,
    mode: 'auto' | 'never' | 'always' = 'auto',
    private readonly now: () => number = Date.now,
  ) {
    this.enabled = mode === 'always' || (mode === 'auto' && Boolean(stream.isTTY) && total > PROGRESS_MIN_FILES);
  }

  /** One more file done (`bytes` of it). */
  tick(bytes = 0): void {
    this.done++;
    this.bytes += bytes;
    if (!this.enabled) return;
    const t = this.now();
    if (this.done < this.total && t - this.lastDraw < 100) return;
    this.lastDraw = t;
    this.draw(t);
  }

  /** The bar as it would be drawn now (exported for tests). */
  line(t = this.now()): string {
    const width = Math.max(40, Math.min(this.stream.columns ?? 80, 120)) - 1;
    const pct = this.total ? this.done / this.total : 1;
    const elapsed = (t - this.started) / 1000;
    const eta = this.done && pct < 1 ? (elapsed / this.done) * (this.total - this.done) : 0;
    const mb = this.bytes / 1024 / 1024;
    const tail = ` ${String(Math.floor(pct * 100)).padStart(3)}% ${this.done}/${this.total} files${mb >= 0.1 ? `, ${mb.toFixed(1)} MB` : ''}${eta >= 1 ? `, ${Math.ceil(eta)}s left` : ''}`;
    const barWidth = Math.max(10, Math.min(40, width - tail.length - 2));
    const filled = Math.round(pct * barWidth);
    return `[${'#'.repeat(filled)}${'-'.repeat(barWidth - filled)}]${tail}`.slice(0, width);
  }

  private draw(t: number): void {
    this.stream.write(`\r${this.line(t)}\x1b[K`);
    this.shown = true;
  }

  /** Writes a message line to the stream without breaking the bar. */
  message(text: string): void {
    if (this.shown) this.stream.write('\r\x1b[K');
    this.stream.write(`${text}\n`);
    if (this.shown) this.draw(this.now());
  }

  /** Removes the bar. */
  end(): void {
    if (this.shown) this.stream.write('\r\x1b[K');
    this.shown = false;
  }
}
