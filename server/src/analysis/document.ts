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
import { splitLines } from './text/lines';
import { lineFacts } from './filing/prepare';
import { parseFiling, collectSpans } from './filing/parse';
import { buildOutline } from './filing/outline';
import { runRules } from './rules/rules';
import { STATEMENT_RE, titleMatch } from './filing/vocabulary';
import { isFurnitureAt, isPageTitle } from './layout/furniture';
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
 * page title may come a block (a few dozen lines) after the form's title. Each filing prints one statement
 * heading: a heading opens a new filing only when the current one already has its own (the
 * title was lost), so headings far below their title still belong to it.
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
      // OCR may read the browser's page title after the statement heading: no filing is that short.
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
    if (l.length < 300 && /Reporting\s+Person|Table\s+II?\b|Explanation\s+of\s+Responses|Issuer\s+Name\s+and\s+Ticker|Title\s+of\s+(Derivative\s+)?Security/i.test(l)) signals++;
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

function todayIso(options: AnalyzeOptions): string {
  const d = options.today ?? new Date();
  return d.toISOString().slice(0, 10);
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
    ...spans,
    outline: buildOutline(model, range),
    findings,
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

/** The parts of a filing only features ask for (hover, outline, preview), shifted when first read. */
const LAZY_PARTS = ['sources', 'fields', 'labels', 'footnoteRefs', 'footnoteDefs', 'outline'] as const;

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
  const out = { index, range: shiftValue(base.range, total) as Range, layout: base.layout, record: base.record } as AnalyzedFiling;
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

/** A filing as the analyzer keeps it between edits. */
interface CacheEntry {
  segment: Segment;
  filing: AnalyzedFiling;
  /** A line shift not yet applied to the filing's ranges. */
  delta: number;
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
 * Whether the items of a sorted list that fall on lines [from, to] are exactly `added` (same
 * lines, and `same` for each pair): an edit that leaves them so changes nothing in the list.
 */
function sameInRange<T>(sorted: readonly T[], from: number, to: number, added: readonly T[], lineOf: (x: T) => number, same: (a: T, b: T) => boolean): boolean {
  let k = 0;
  for (let i = firstAtOrAfter(sorted, from, lineOf); i < sorted.length && lineOf(sorted[i]) <= to; i++, k++) {
    if (k >= added.length || lineOf(added[k]) !== lineOf(sorted[i]) || !same(added[k], sorted[i])) return false;
  }
  return k === added.length;
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

/**
 * Keeps a document's lines, its filing anchors and the last analysis; applies edits and
 * re-analyses only what they touched.
 */
export class IncrementalAnalyzer {
  private lines: string[];
  private anchors: { line: number; kind: 'title' | 'statement'; bare?: boolean }[] = [];
  /** Lines holding a `form345-disable` comment, kept up to date edit by edit like the anchors. */
  private directiveLines: number[] = [];
  /** Last analysis per filing; `delta` is a line shift not yet applied to its ranges. */
  private cache: CacheEntry[] = [];
  /** Changes when the anchors change (so filing segments may have moved). */
  private anchorsVersion = 0;
  /** The anchors version the cache's segments were cut for. */
  private segmentsVersion = -1;
  /** Lines were added or removed since the last analysis. */
  private linesShifted = false;
  /** The directives read from the disable comments; a new object when those lines change. */
  private directives: Directives | null = null;
  /** Line ranges (in current coordinates) edited since the last analysis. */
  private dirty: { start: number; end: number }[] = [];
  private last: AnalysisResult | null = null;

  /** Lines below this have not been looked at for anchors yet (a new document is scanned in slices). */
  private anchorsScannedTo = 0;

  constructor(text: string, private readonly options: AnalyzeOptions = {}) {
    this.lines = splitLines(text);
    this.directiveLines = this.scanDirectives(0, this.lines.length);
    this.dirty = [{ start: 0, end: this.lines.length }];
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

  get text(): string {
    return this.lines.join('\n');
  }

  get lineCount(): number {
    return this.lines.length;
  }

  private scanAnchors(from: number, to: number): { line: number; kind: 'title' | 'statement'; bare?: boolean }[] {
    const out: { line: number; kind: 'title' | 'statement'; bare?: boolean }[] = [];
    for (let i = from; i < to; i++) {
      const kind = anchorKind(this.lines[i]);
      // A printed page's title in the browser's header names the form on every page.
      if (kind === 'title') {
        if (!isFurnitureAt(this.lines, i)) out.push({ line: i, kind, bare: isPageTitle(this.lines[i]) });
      } else if (kind) out.push({ line: i, kind });
    }
    return out;
  }

  applyChanges(changes: readonly ContentChange[]): void {
    this.completeAnchors();
    for (const c of changes) {
      if (!c.range) {
        this.lines = splitLines(c.text);
        this.anchors = this.scanAnchors(0, this.lines.length);
        this.anchorsScannedTo = this.lines.length;
        this.directiveLines = this.scanDirectives(0, this.lines.length);
        this.anchorsVersion++;
        this.directives = null;
        this.cache = [];
        this.dirty = [{ start: 0, end: this.lines.length }];
        continue;
      }
      this.applyRangeChange(c.range, c.text);
    }
    this.last = null;
  }

  private applyRangeChange(range: Range, text: string): void {
    const lastLine = Math.max(0, this.lines.length - 1);
    const sLine = Math.min(Math.max(range.start.line, 0), lastLine);
    const eLine = Math.min(Math.max(range.end.line, sLine), lastLine);
    const sChar = range.start.line > lastLine ? this.lines[sLine].length : Math.min(Math.max(range.start.character, 0), this.lines[sLine].length);
    const eChar = range.end.line > lastLine ? this.lines[eLine].length : Math.min(Math.max(range.end.character, 0), this.lines[eLine].length);
    const merged = this.lines[sLine].slice(0, sChar) + text + this.lines[eLine].slice(eChar);
    const replacement = splitLines(merged);
    this.lines.splice(sLine, eLine - sLine + 1, ...replacement);
    const delta = replacement.length - (eLine - sLine + 1);
    const newEnd = sLine + replacement.length;
    if (delta !== 0) this.linesShifted = true;
    // Anchors: drop those in the replaced lines, shift those below, rescan the new lines. Typing
    // inside a line (the common edit) leaves them as they were: then nothing is rebuilt.
    const anchorsAdded = this.scanAnchors(sLine, newEnd);
    if (delta !== 0 || !sameInRange(this.anchors, sLine, eLine, anchorsAdded, (a) => a.line, (a, b) => a.kind === b.kind)) {
      const kept = this.anchors.filter((a) => a.line < sLine || a.line > eLine).map((a) => (a.line > eLine ? { ...a, line: a.line + delta } : a));
      this.anchors = [...kept, ...anchorsAdded].sort((a, b) => a.line - b.line);
      this.anchorsVersion++;
    }
    const directivesAdded = this.scanDirectives(sLine, newEnd);
    const directivesMoved = delta !== 0 && this.directiveLines.some((l) => l > eLine);
    if (directivesMoved || !sameInRange(this.directiveLines, sLine, eLine, directivesAdded, (l) => l, () => true) || directivesAdded.length) {
      this.directiveLines = [
        ...this.directiveLines.filter((l) => l < sLine || l > eLine).map((l) => (l > eLine ? l + delta : l)),
        ...directivesAdded,
      ].sort((a, b) => a - b);
      // A disable comment's text may have changed even on the same line: read them again.
      this.directives = null;
    }
    // Cached filings below the edit move with it; the edited one is dirty.
    for (const c of this.cache) {
      if (c.segment.start > eLine) {
        c.segment = { start: c.segment.start + delta, end: c.segment.end + delta };
        c.delta += delta;
      } else if (c.segment.end > sLine) {
        c.segment = { start: c.segment.start, end: Math.max(c.segment.start, c.segment.end + delta) };
      }
    }
    this.dirty = this.dirty.map((d) => (d.start > eLine ? { start: d.start + delta, end: d.end + delta } : d));
    this.dirty.push({ start: sLine, end: newEnd });
  }

  private hasAnchor(seg: Segment): boolean {
    // Anchors are sorted by line: the first at or after the segment's start decides.
    const at = firstAtOrAfter(this.anchors, seg.start, (a) => a.line);
    return at < this.anchors.length && this.anchors[at].line < seg.end;
  }

  private isDirty(seg: Segment): boolean {
    return this.dirty.some((d) => d.start <= seg.end && d.end >= seg.start);
  }

  /** Analysis of the current text; null when cancelled. */
  analyze(token?: CancellationLike): AnalysisResult | null {
    if (this.last) return this.last;
    const steps = this.steps();
    for (let r = steps.next(); ; r = steps.next()) {
      if (r.done) return r.value;
      if (token?.isCancellationRequested) return null;
    }
  }

  /**
   * The analysis as a generator that yields after each re-analysed filing, so a caller can
   * interleave other work (the server answers requests between slices of a huge document).
   */
  *steps(): Generator<void, AnalysisResult> {
    if (this.anchorsScannedTo < this.lines.length) {
      yield* this.scanPendingAnchors();
      this.anchorsVersion++;
    }
    if (this.canReuseSegments()) {
      // Typing inside lines: the filings are where they were, only the edited ones change.
      for (let index = 0; index < this.cache.length; index++) {
        const entry = this.cache[index];
        if (!this.isDirty(entry.segment)) continue;
        entry.filing = analyzeFiling(this.lines.slice(entry.segment.start, entry.segment.end), entry.segment.start, index, this.options);
        entry.visibleFor = undefined;
        yield;
      }
    } else {
      yield* this.resegment();
    }
    this.dirty = [];
    this.segmentsVersion = this.anchorsVersion;
    this.linesShifted = false;
    this.directives ??= readDirectives(this.lines, this.directiveLines);
    this.last = assemble(this.cache, this.directives);
    return this.last;
  }

  /**
   * Whether the last segments still hold: no anchor changed and no line was added or removed, and
   * every edited line lies in a filing that stays one (so no segment appears or disappears).
   */
  private canReuseSegments(): boolean {
    if (this.segmentsVersion !== this.anchorsVersion || this.linesShifted || !this.cache.length) return false;
    return this.dirty.every((d) =>
      this.cache.some((e) => e.segment.start <= d.start && d.end <= e.segment.end && (this.hasAnchor(e.segment) || looksLikeFiling(this.lines.slice(e.segment.start, e.segment.end)))),
    );
  }

  /** Cuts the document into filings again, reusing the analysis of every untouched one. */
  private *resegment(): Generator<void, void> {
    const starts = filingStarts(this.anchors);
    const segments: Segment[] = starts.map((s, i) => ({ start: s, end: i + 1 < starts.length ? starts[i + 1] : this.lines.length }));
    const byStart = new Map<number, CacheEntry>();
    for (const c of this.cache) byStart.set(c.segment.start, c);
    const next: CacheEntry[] = [];
    for (const seg of segments) {
      const index = next.length;
      const cached = byStart.get(seg.start);
      if (cached && cached.segment.end === seg.end && !this.isDirty(seg)) {
        const filing = shiftFiling(cached.filing, cached.delta, index);
        next.push(filing === cached.filing ? cached : { segment: seg, filing, delta: 0 });
        continue;
      }
      const lines = this.lines.slice(seg.start, seg.end);
      if (!this.hasAnchor(seg) && !looksLikeFiling(lines)) continue;
      next.push({ segment: seg, filing: analyzeFiling(lines, seg.start, index, this.options), delta: 0 });
      yield;
    }
    this.cache = next;
  }
}
