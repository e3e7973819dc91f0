/**
 * A document: one or more filings back to back. Splits the text into filings, analyses each
 * on its own, applies disable comments, and on edits re-analyses only the filings an edit
 * touched (the others are reused, shifted if lines were added or removed above them).
 *
 * Disable comments (their own lines; inside `<!-- -->` in markdown if you like):
 *   form345-disable-next-line code[, code...]   the next line
 *   form345-disable code[, code...]             the whole document
 * (no code = every rule).
 */
import type { AnalysisResult, AnalyzeOptions, AnalyzedFiling, CancellationLike, Finding, Position, Range } from './types';
import { LineBuffer, type LineEdit } from './text/lineBuffer';
import { lineFacts } from './filing/prepare';
import { parseFiling, collectSpans } from './filing/parse';
import { buildOutline } from './filing/outline';
import { runRules } from './rules/rules';
import { FILING_SIGNAL_RE, STATEMENT_RE, titleMatch } from './filing/vocabulary';
import { describeFurniture, isBareFormTitle, isPageTitleAt } from './layout/pages';
import { readReadingOrder } from './layout/reading-order';

/** One LSP-style content change: a range in the old text and its replacement, or a whole new text. */
export interface ContentChange {
  range?: Range;
  text: string;
}

// ---------------------------------------------------------------------------------------------
// Where filings start.

/** Cheap pre-test so most lines never reach a regex. */
const ANCHOR_HINT_RE = /orm\s|statement/i;

function mayBeAnchor(raw: string): boolean {
  return raw.length < 400 && ANCHOR_HINT_RE.test(raw);
}

/** 'title' for "FORM 4", 'statement' for the statement heading, null otherwise. */
export function anchorKind(raw: string): 'title' | 'statement' | null {
  if (!mayBeAnchor(raw)) return null;
  const masked = lineFacts(raw).maskedLine.text;
  if (titleMatch(raw, masked)) return 'title';
  if (STATEMENT_RE.test(masked)) return 'statement';
  return null;
}

/**
 * Start lines of the filings. A filing opens at its title ("FORM 4"); titles close together
 * ("SEC Form 4" page title, then "FORM 4") are one filing: OCR reads a page block by block, so the
 * page title may come a block (a few dozen lines) after the form's title, even just below the
 * statement heading. Each filing prints one statement heading: a heading opens a new filing only
 * when the current one already has its own (the title was lost), so headings far below their
 * title still belong to it.
 */
/** How far apart (lines) two titles of one filing may stand before its statement heading. */
const TITLES_APART = 40;
/** A bare page title ("SEC FORM 4" alone) this close below the filing's title or heading is its page's. */
const PAGE_TITLE_NEAR = 12;

export function filingStarts(anchors: readonly { line: number; kind: 'title' | 'statement'; bare?: boolean }[]): number[] {
  const starts: number[] = [];
  let lastTitle = -Infinity;
  let lastAnchor = -Infinity;
  let hasStatement = false;
  for (const a of anchors) {
    const near = a.line - lastAnchor <= PAGE_TITLE_NEAR;
    lastAnchor = a.line;
    if (a.kind === 'title') {
      // No filing is so short that another's title follows within a few lines of its heading.
      const sameFiling = starts.length > 0 && ((a.line - lastTitle <= TITLES_APART && !hasStatement) || (a.bare === true && near));
      if (!sameFiling) {
        starts.push(a.line);
        hasStatement = false;
      }
      lastTitle = a.line;
    } else if (starts.length && !hasStatement) {
      hasStatement = true;
    } else {
      starts.push(Math.max(starts.length ? starts[starts.length - 1] + 1 : 0, a.line - 2));
      hasStatement = true;
    }
  }
  if (!starts.length || starts[0] > 0) starts.unshift(0);
  // Content before the first title belongs to it when it is short (a page title, a blank line).
  if (starts.length > 1 && starts[1] - starts[0] <= 12) starts.splice(1, 1);
  return starts;
}

/** Text without a title or statement heading is a filing only if it has the form's landmarks. */
function looksLikeFiling(lines: readonly string[]): boolean {
  let signals = 0;
  const limit = Math.min(lines.length, 2000);
  for (let i = 0; i < limit && signals < 2; i++) {
    const l = lines[i];
    if (l.length < 300 && FILING_SIGNAL_RE.test(l)) signals++;
  }
  return signals >= 2;
}

// ---------------------------------------------------------------------------------------------
// Disable comments.

const DISABLE_RE = /form345-disable(-next-line)?\b\s*([a-z0-9 ,-]*)/i;

interface Directives {
  fileWide: Set<string> | 'all' | null;
  nextLine: Map<number, Set<string> | 'all'>;
}

function readDirectives(lines: readonly string[], at: readonly number[]): Directives {
  const into: Directives = { fileWide: null, nextLine: new Map() };
  for (const i of at) {
    const raw = lines[i];
    if (raw === undefined || !raw.includes('form345-disable')) continue;
    const m = DISABLE_RE.exec(raw);
    if (!m) continue;
    const codes = m[2].split(/[\s,]+/).filter((c) => /^[a-z0-9-]+$/.test(c) && c !== '-');
    const set: Set<string> | 'all' = codes.length ? new Set(codes) : 'all';
    if (m[1]) into.nextLine.set(i + 1, set);
    else if (set === 'all' || into.fileWide === 'all') into.fileWide = 'all';
    else into.fileWide = new Set([...(into.fileWide ?? []), ...set]);
  }
  return into;
}

function suppressed(f: Finding, d: Directives): boolean {
  const covers = (s: Set<string> | 'all' | null | undefined) => s === 'all' || (s instanceof Set && s.has(f.code));
  return covers(d.fileWide) || covers(d.nextLine.get(f.range.start.line));
}

// ---------------------------------------------------------------------------------------------
// Analysing one filing.

/**
 * A calendar date written YYYY-MM-DD, as noon UTC (so no time zone moves it to another day), or
 * undefined when it is no such date (`2020-13-45`, `2021-02-29`).
 */
export function parseIsoDay(text: unknown): Date | undefined {
  if (typeof text !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined;
  const d = new Date(`${text}T12:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text ? d : undefined;
}

/** The day last asked for (days since 1970, UTC) and its ISO text: a document's filings all ask for the same. */
let lastDay = NaN;
let lastDayIso = '';

function todayIso(options: AnalyzeOptions): string {
  const d = options.today;
  // An invalid pinned date must not make every analysis throw: callers check, this is the backstop.
  const t = d && !Number.isNaN(d.getTime()) ? d.getTime() : Date.now();
  const day = Math.floor(t / 86_400_000);
  if (day !== lastDay) {
    lastDayIso = new Date(t).toISOString().slice(0, 10);
    lastDay = day;
  }
  return lastDayIso;
}

function filingRangeOf(lines: readonly string[], base: number): Range {
  let last = lines.length - 1;
  while (last > 0 && lines[last].trim() === '') last--;
  return { start: { line: base, character: 0 }, end: { line: base + last, character: lines[last]?.length ?? 0 } };
}

export function analyzeFiling(lines: readonly string[], base: number, index: number, options: AnalyzeOptions): AnalyzedFiling {
  // Reading-order text (one cell a line) is put back together by the form's structure first.
  const model = parseFiling(readReadingOrder(lines) ?? lines, base);
  const range = filingRangeOf(lines, base);
  const spans = collectSpans(model);
  const findings = runRules({ model, today: todayIso(options), filingRange: range }).map((f) => ({ ...f, filing: index }));
  return {
    index,
    range,
    layout: model.layout,
    record: model.record,
    aff10b5One: model.planBox.value,
    ...spans,
    outline: buildOutline(model, range),
    findings,
    setAside: model.furniture.map((f) => ({
      kind: f.kind,
      text: f.text,
      message: describeFurniture(f),
      range: { start: { line: f.line, character: f.start }, end: { line: f.line, character: f.end } },
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// Shifting a reused filing when lines above it were added or removed.

function shiftValue(value: unknown, delta: number): unknown {
  if (Array.isArray(value)) return value.map((v) => shiftValue(v, delta));
  if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    if (typeof obj.line === 'number' && typeof obj.character === 'number' && Object.keys(obj).length === 2) {
      return { line: (obj.line as number) + delta, character: obj.character } satisfies Position;
    }
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(obj)) out[k] = k === 'record' ? obj[k] : shiftValue(obj[k], delta);
    return out;
  }
  return value;
}

/** Where a shifted filing came from: the filing as analysed, and how far it has moved since. */
const origins = new WeakMap<AnalyzedFiling, { base: AnalyzedFiling; delta: number }>();

/** The filing as analysed that `f` is a shifted copy of (or `f` itself). */
export function analyzedFrom(f: AnalyzedFiling): AnalyzedFiling {
  return origins.get(f)?.base ?? f;
}

/** The parts of a filing only features ask for (hover, outline, preview), shifted when first read. */
const LAZY_PARTS = ['sources', 'fields', 'labels', 'footnoteRefs', 'footnoteDefs', 'outline', 'setAside'] as const;

/**
 * The filing moved by `delta` lines and renumbered. Pressing Enter near the top of a large document
 * moves every filing below it: their range and findings (published on every edit) are shifted now,
 * the rest only when something reads it, always from the filing as analysed (shifts add up).
 */
function shiftFiling(f: AnalyzedFiling, delta: number, index: number): AnalyzedFiling {
  if (delta === 0 && f.index === index) return f;
  const origin = origins.get(f);
  const base = origin ? origin.base : f;
  const total = (origin ? origin.delta : 0) + delta;
  const out = { index, range: shiftValue(base.range, total) as Range, layout: base.layout, record: base.record, aff10b5One: base.aff10b5One } as AnalyzedFiling;
  for (const key of LAZY_PARTS) {
    let value: unknown;
    let read = false;
    Object.defineProperty(out, key, {
      enumerable: true,
      configurable: true,
      get() {
        if (!read) {
          value = total === 0 ? base[key] : shiftValue(base[key], total);
          read = true;
        }
        return value;
      },
    });
  }
  out.findings = base.findings.map((x) => ({ ...(total === 0 ? x : (shiftValue(x, total) as Finding)), filing: index }));
  origins.set(out, { base, delta: total });
  return out;
}

/**
 * A filing as the analyzer keeps it between edits: the exact lines it was analysed from. It is
 * reused only for a segment holding the very same lines (the analysis of a filing is a function
 * of its lines; only its position and index change), so no bookkeeping of what an edit touched
 * can make a stale filing survive.
 */
interface CacheEntry {
  /** The lines analysed (never mutated). */
  lines: readonly string[];
  /** Where the segment started in the text, in current line numbers as far as edits tell. */
  start: number;
  filing: AnalyzedFiling;
  /** The filing's findings not disabled by a comment, for the directives of {@link visibleFor}. */
  visible?: Finding[];
  visibleFor?: Directives;
}

function assemble(entries: CacheEntry[], directives: Directives): AnalysisResult {
  const filings: AnalyzedFiling[] = new Array(entries.length);
  const findings: Finding[] = [];
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    filings[i] = e.filing;
    if (e.visibleFor !== directives) {
      e.visible = e.filing.findings.filter((x) => !suppressed(x, directives));
      e.visibleFor = directives;
    }
    for (const x of e.visible!) findings.push(x);
  }
  return { filings, findings };
}

/** Index of the first item of a list sorted by line that stands on `line` or below it (binary search). */
function firstAtOrAfter<T>(sorted: readonly T[], line: number, lineOf: (x: T) => number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (lineOf(sorted[mid]) < line) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A sorted list after an edit replaced old lines [from, from + removed) by `added` (already in
 * new line numbers): items in the replaced lines go, items below move by the line delta.
 * Returns the same list when nothing changed (typing inside a line that is no anchor).
 */
function replaceInSorted<T>(sorted: T[], edit: LineEdit, added: T[], lineOf: (x: T) => number, moved: (x: T, delta: number) => T): T[] {
  const end = edit.from + edit.removed;
  const delta = edit.added - edit.removed;
  const i0 = firstAtOrAfter(sorted, edit.from, lineOf);
  const i1 = firstAtOrAfter(sorted, end, lineOf);
  if (i0 === i1 && added.length === 0 && (delta === 0 || i1 === sorted.length)) return sorted;
  const out = sorted.slice(0, i0);
  for (const x of added) out.push(x);
  for (let i = i1; i < sorted.length; i++) out.push(delta === 0 ? sorted[i] : moved(sorted[i], delta));
  return out;
}

/** Whether `lines[start, start + want.length)` are exactly `want`. */
function sameLines(lines: readonly string[], start: number, end: number, want: readonly string[]): boolean {
  if (end - start !== want.length) return false;
  for (let i = 0; i < want.length; i++) if (lines[start + i] !== want[i]) return false;
  return true;
}

/** A key for finding a cached filing by content when its position is unknown (after a whole-text change). */
function contentKey(lines: readonly string[], start: number, end: number): string {
  return `${end - start}\u0000${lines[start] ?? ''}\u0000${lines[end - 1] ?? ''}`;
}

/** Analyses a whole text at once (the CLI's path). */
export function analyze(text: string, options: AnalyzeOptions = {}): AnalysisResult {
  const analyzer = new IncrementalAnalyzer(text, options);
  return analyzer.analyze() ?? { filings: [], findings: [] };
}

// ---------------------------------------------------------------------------------------------

interface Segment {
  start: number;
  end: number;
}

/** `bare`: a title line that is only the form's title (as a page title prints it). */
type Anchor = { line: number; kind: 'title' | 'statement'; bare?: boolean };

/**
 * Analysis of large filings elsewhere (the server's worker thread), so one huge filing does not
 * block its caller. `run` resolves to the same value as {@link analyzeFiling}, or to undefined
 * when it could not (the filing is then analysed in place).
 */
export interface FilingOffload {
  minLines: number;
  run(lines: readonly string[], base: number, index: number): Promise<AnalyzedFiling | undefined>;
}

/** What {@link IncrementalAnalyzer.steps} yields: nothing (a slice ended), or a filing being analysed elsewhere. */
export type AnalysisStep = void | Promise<AnalyzedFiling | undefined>;

/**
 * Keeps a document's lines, its filing anchors and the last analysis; applies edits and
 * re-analyses only the filings whose lines changed.
 *
 * The anchors (title and statement lines) depend on each line's text alone: an edit drops those
 * of the lines it replaced, moves those below, and scans the new lines. Filing segments are cut
 * again from the anchors at every analysis (a pass over the anchors), and each segment takes the
 * cached filing with exactly its lines, found by position or, failing that, by content.
 */
export class IncrementalAnalyzer {
  private readonly buffer: LineBuffer;
  private anchors: Anchor[] = [];
  /** Lines holding a `form345-disable` comment, kept up to date edit by edit like the anchors. */
  private directiveLines: number[] = [];
  /** Last analysis per filing, in document order. */
  private cache: CacheEntry[] = [];
  /** The directives read from the disable comments; a new object when those lines change. */
  private directives: Directives | null = null;
  private last: AnalysisResult | null = null;

  /** Lines below this have not been looked at for anchors yet (a new document is scanned in slices). */
  private anchorsScannedTo = 0;

  constructor(
    text: string,
    private readonly options: AnalyzeOptions = {},
    private readonly offload?: FilingOffload,
  ) {
    this.buffer = new LineBuffer(text);
    this.directiveLines = this.scanDirectives(0, this.lines.length);
  }

  private get lines(): string[] {
    return this.buffer.lines;
  }

  /** Scans for anchors in slices of lines (the first analysis of a 10 MB document must not block). */
  private *scanPendingAnchors(): Generator<void, void> {
    const SLICE = 20000;
    while (this.anchorsScannedTo < this.lines.length) {
      const to = Math.min(this.lines.length, this.anchorsScannedTo + SLICE);
      for (const a of this.scanAnchors(this.anchorsScannedTo, to)) this.anchors.push(a);
      this.anchorsScannedTo = to;
      if (to < this.lines.length) yield;
    }
  }

  /** Finishes any anchor scan still pending (edits need every anchor in place). */
  private completeAnchors(): void {
    const scan = this.scanPendingAnchors();
    while (!scan.next().done);
  }

  private scanDirectives(from: number, to: number): number[] {
    const out: number[] = [];
    for (let i = from; i < to; i++) if (this.lines[i].includes('form345-disable')) out.push(i);
    return out;
  }

  /** The text with every line break as "\n" (the analysis reads lines, not breaks). */
  get text(): string {
    return this.lines.join('\n');
  }

  get lineCount(): number {
    return this.lines.length;
  }

  private scanAnchors(from: number, to: number): Anchor[] {
    const out: Anchor[] = [];
    for (let i = from; i < to; i++) {
      const kind = anchorKind(this.lines[i]);
      // A print header's page title ("SEC FORM 4" under the date and time) opens no filing.
      if (kind === 'title') {
        if (!isPageTitleAt(this.lines, i)) out.push({ line: i, kind, bare: isBareFormTitle(this.lines[i]) });
      } else if (kind) out.push({ line: i, kind });
    }
    return out;
  }

  applyChanges(changes: readonly ContentChange[]): void {
    this.completeAnchors();
    for (const c of changes) {
      const text = typeof c.text === 'string' ? c.text : '';
      const edit = c.range ? this.buffer.replace(c.range, text) : this.buffer.reset(text);
      this.afterEdit(edit, !c.range);
    }
    this.last = null;
  }

  /** Brings the anchors, disable comments and cached positions in line with one edit. */
  private afterEdit(edit: LineEdit, whole: boolean): void {
    const newEnd = edit.from + edit.added;
    const delta = edit.added - edit.removed;
    const oldEnd = edit.from + edit.removed;
    this.anchors = replaceInSorted(this.anchors, edit, this.scanAnchors(edit.from, newEnd), (a) => a.line, (a, d) => ({ ...a, line: a.line + d }));
    this.anchorsScannedTo = this.lines.length;
    const directives = replaceInSorted(this.directiveLines, edit, this.scanDirectives(edit.from, newEnd), (l) => l, (l, d) => l + d);
    // A disable comment's text may have changed even on the same line: read them again.
    if (directives !== this.directiveLines || this.directiveLines.some((l) => l >= edit.from && l < oldEnd)) this.directives = null;
    this.directiveLines = directives;
    // Cached filings keep a position hint (their lines are compared before any reuse).
    for (const c of this.cache) {
      if (whole) c.start = -1;
      else if (c.start >= oldEnd) c.start += delta;
      else if (c.start >= edit.from) c.start = -1;
    }
  }

  private hasAnchor(seg: Segment): boolean {
    // Anchors are sorted by line: the first at or after the segment's start decides.
    const at = firstAtOrAfter(this.anchors, seg.start, (a) => a.line);
    return at < this.anchors.length && this.anchors[at].line < seg.end;
  }

  /** Analysis of the current text; null when cancelled. */
  analyze(token?: CancellationLike): AnalysisResult | null {
    if (this.last) return this.last;
    const steps = this.steps();
    // Synchronous: a filing offered to the offload is analysed in place instead (next(undefined)).
    for (let r = steps.next(); ; r = steps.next()) {
      if (r.done) return r.value;
      if (token?.isCancellationRequested) return null;
    }
  }

  /**
   * The analysis as a generator that yields after each re-analysed filing, so a caller can
   * interleave other work (the server answers requests between slices of a huge document).
   * The caller must not apply changes while a generator is unfinished. A yielded promise is a
   * large filing analysed elsewhere: pass what it resolves to into the next `next()`.
   */
  *steps(): Generator<AnalysisStep, AnalysisResult, unknown> {
    if (this.last) return this.last;
    if (this.anchorsScannedTo < this.lines.length) yield* this.scanPendingAnchors();
    yield* this.resegment();
    this.directives ??= readDirectives(this.lines, this.directiveLines);
    this.last = assemble(this.cache, this.directives);
    return this.last;
  }

  /**
   * The analysis of the filing that holds `line` in the current text, when it is known without
   * analysing anything: the segment holding the line has exactly the lines of a cached filing (an
   * edit elsewhere in the document). It is the very filing {@link analyze} would give for it (the
   * same cut, reuse and shift, the same index), so a request about that filing (a hover) need not
   * wait for the filings the edit touched. Undefined when the segment changed, when a segment
   * above it holds no anchor, or when the anchors are not all scanned yet. Costs a pass over the anchors and a comparison of the segment's
   * lines.
   */
  cachedFilingAt(line: number): AnalyzedFiling | undefined {
    const lines = this.lines;
    if (this.anchorsScannedTo < lines.length || line < 0 || line >= lines.length) return undefined;
    const starts = filingStarts(this.anchors);
    const i = firstAtOrAfter(starts, line + 1, (x) => x) - 1;
    if (i < 0) return undefined;
    const seg: Segment = { start: starts[i], end: i + 1 < starts.length ? starts[i + 1] : lines.length };
    let cached: CacheEntry | undefined;
    for (const c of this.cache) if (c.start === seg.start) cached = c;
    if (!cached || !sameLines(lines, seg.start, seg.end, cached.lines)) return undefined;
    // Its index: every segment above it is a filing when each holds an anchor (a segment without
    // one, rare, is a filing or not by its content: then the whole analysis decides).
    for (let k = 0; k < i; k++) if (!this.hasAnchor({ start: starts[k], end: starts[k + 1] })) return undefined;
    const index = i;
    return shiftFiling(cached.filing, seg.start - cached.filing.range.start.line, index);
  }

  /** The cached filing with exactly the lines of a segment, if any. */
  private reusable(seg: Segment, byStart: Map<number, CacheEntry>, byContent: Map<string, CacheEntry[]> | undefined): CacheEntry | undefined {
    const lines = this.lines;
    const near = byStart.get(seg.start);
    if (near && sameLines(lines, seg.start, seg.end, near.lines)) return near;
    // By content: a few candidates at most, each compared line by line.
    const candidates = byContent?.get(contentKey(lines, seg.start, seg.end));
    if (candidates) {
      for (let k = 0; k < candidates.length && k < 4; k++) {
        if (sameLines(lines, seg.start, seg.end, candidates[k].lines)) return candidates.splice(k, 1)[0];
      }
    }
    return undefined;
  }

  /** Cuts the document into filings, reusing the analysis of every one whose lines are unchanged. */
  private *resegment(): Generator<AnalysisStep, void, unknown> {
    const lines = this.lines;
    const starts = filingStarts(this.anchors);
    const byStart = new Map<number, CacheEntry>();
    for (const c of this.cache) if (c.start >= 0) byStart.set(c.start, c);
    let byContent: Map<string, CacheEntry[]> | undefined;
    if (byStart.size < this.cache.length) {
      byContent = new Map();
      for (const c of this.cache) {
        const key = contentKey(c.lines, 0, c.lines.length);
        const list = byContent.get(key);
        if (list) list.push(c);
        else byContent.set(key, [c]);
      }
    }
    const next: CacheEntry[] = [];
    for (let i = 0; i < starts.length; i++) {
      const seg: Segment = { start: starts[i], end: i + 1 < starts.length ? starts[i + 1] : lines.length };
      const index = next.length;
      const cached = this.reusable(seg, byStart, byContent);
      if (cached) {
        const filing = shiftFiling(cached.filing, seg.start - cached.filing.range.start.line, index);
        next.push(filing === cached.filing ? { ...cached, start: seg.start } : { lines: cached.lines, start: seg.start, filing });
        continue;
      }
      const segLines = lines.slice(seg.start, seg.end);
      if (!this.hasAnchor(seg) && !looksLikeFiling(segLines)) continue;
      let filing: AnalyzedFiling | undefined;
      if (this.offload && segLines.length >= this.offload.minLines) {
        const done: unknown = yield this.offload.run(segLines, seg.start, index);
        if (done && typeof done === 'object') filing = done as AnalyzedFiling;
      }
      next.push({ lines: segLines, start: seg.start, filing: filing ?? analyzeFiling(segLines, seg.start, index, this.options) });
      yield;
    }
    this.cache = next;
  }
}
