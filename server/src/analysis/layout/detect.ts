/**
 * Layout detection: which family of converter output a stretch of lines is (see types.ts).
 * Runs once per region: the whole filing for the reported {@link LayoutKind}, the header for its
 * reading order, each table for its row reader. Every signal is a fact of one line's text,
 * memoized by text; the decisions count lines showing each signal.
 */
import type { LayoutKind } from '../types';
import { FactsMemo } from '../text/memo';
import type { LayoutFamily, SourceLine } from './types';

/** What a raw line shows of its converter, one bit each (see {@link lineSignals}). */
enum Signal {
  Tabs,
  PipeRow,
  BoxDrawn,
  Markdown,
  HtmlTag,
  WideGap,
  HtmlTableTag,
}

const has = (bits: number, s: Signal) => (bits & (1 << s)) !== 0;

function findSignals(raw: string): number {
  const seen: Signal[] = [];
  // Each pattern needs a character most lines lack: test for it before running the pattern.
  if (raw.includes('\t')) seen.push(Signal.Tabs);
  if (raw.includes('|') && /^\s*\|.*\|\s*$/.test(raw)) seen.push(Signal.PipeRow);
  if (raw.includes('│') || raw.includes('┃') || raw.includes('║')) seen.push(Signal.BoxDrawn);
  if ((raw.includes('#') || raw.includes('*') || raw.includes('\\')) && /^\s*#{1,6}\s|\*\*|\\\$/.test(raw)) seen.push(Signal.Markdown);
  if (raw.includes('<') && /<(b|input|td|tr|sup|br|table)\b/i.test(raw)) seen.push(Signal.HtmlTag);
  if (raw.includes('<') && /<(td|tr|table)\b/i.test(raw)) seen.push(Signal.HtmlTableTag);
  if (raw.includes('   ') && /\S {3,}\S/.test(raw)) seen.push(Signal.WideGap);
  return seen.reduce((bits, s) => bits | (1 << s), 0);
}

/** Signals of a line's text, found once per distinct text (kept by the text's shared record). */
const signalMemo = new FactsMemo<number>();

function lineSignals(l: SourceLine): number {
  return signalMemo.get(l.key, () => findSignals(l.raw));
}

/** The layout of a filing as reported in its analysis (one kind for the whole filing). */
export function detectLayout(lines: readonly SourceLine[]): LayoutKind {
  /** Lines showing each signal. */
  const count = new Array<number>(Signal.HtmlTableTag + 1).fill(0);
  for (const l of lines) {
    const bits = lineSignals(l);
    if (bits === 0) continue;
    for (let s = 0; s < count.length; s++) if (has(bits, s)) count[s]++;
  }
  const [tabs, pipes, box, md, html, wide] = [Signal.Tabs, Signal.PipeRow, Signal.BoxDrawn, Signal.Markdown, Signal.HtmlTag, Signal.WideGap].map((s) => count[s]);
  if (box > 5) return 'grid';
  if (pipes > 5) return /[-+]{3}/.test(lines.map((l) => l.raw).join('\n')) && lines.some((l) => /^\s*(?:\|\s*)?:?-{3,}/.test(l.raw)) ? 'pipe-table' : 'grid';
  if (html > 2) return 'html';
  if (md > 2) return 'markdown';
  if (tabs > 5) return 'tabbed';
  if (wide > 5) return 'fixed-width';
  return 'linear';
}

/** Separator rows of pipe tables without outer pipes (`---|---`). */
function bareSeparators(lines: readonly SourceLine[]): number {
  let n = 0;
  for (const l of lines) if (l.raw.charCodeAt(0) === 45 && /^-{3,}(?:\|-{3,})+ *$/.test(l.raw)) n++;
  return n;
}

/**
 * The header region's reading order is its document order: raw HTML table markup has no visual
 * columns, and pipe tables without outer pipes (html2text) put each row of a layout table on a line.
 * Otherwise boxes stand side by side and are told apart by column.
 */
export function readsInDocumentOrder(lines: readonly SourceLine[]): boolean {
  let tags = 0;
  for (const l of lines) if (has(lineSignals(l), Signal.HtmlTableTag)) tags++;
  return tags >= 5 || bareSeparators(lines) >= 3;
}

/** How a table region's rows are grouped, decided once per region (see rows.ts). */
export interface TableTraits {
  /** A markdown pipe table (an alignment row "|---|:---|", no crossed rules): every row on one line. */
  pipeTable: boolean;
  /** Pipe rows without outer pipes that end in hard breaks: rows wrapped at the tool's width. */
  bare: boolean;
}

export function tableTraits(lines: readonly SourceLine[]): TableTraits {
  return {
    pipeTable: lines.some((l) => /^\s*(?:\|\s*)?:?-{3,}:?\s*\|/.test(l.raw)) && !lines.some(crossedPipeRule),
    bare: bareRowTable(lines),
  };
}

/** Raw HTML table markup: rows from `<tr>` to `</tr>`. */
export function hasHtmlRows(lines: readonly SourceLine[]): boolean {
  return lines.some((l) => /<tr\b/i.test(l.raw)) && lines.some((l) => /<td\b/i.test(l.raw));
}

/** The family of a table region that is not raw HTML, given its traits. */
export function tableFamily(lines: readonly SourceLine[], traits: TableTraits): LayoutFamily {
  if (traits.pipeTable) return 'pipe-table';
  if (traits.bare) return 'bare-pipe';
  let tabs = false;
  for (const l of lines) {
    if (l.maskedLine.bordered) return 'drawn-grid';
    if (l.hasBorders) tabs = true;
  }
  if (tabs) return 'tab-separated';
  return lines.some((l) => /\S {2,}\S/.test(l.masked.trim())) ? 'fixed-width' : 'flattened';
}

/**
 * A rule between two pipe-drawn rows with `+` where it crosses the columns (links:
 * `|------+-----|`): the table is a drawn grid whose rows wrap between rules, not a markdown
 * pipe table (whose alignment row never crosses with `+`).
 */
function crossedPipeRule(line: SourceLine): boolean {
  const raw = line.raw;
  return raw.includes('-+-') && /^\s*\|-+(?:\+-+)+\|/.test(raw);
}

/**
 * Pipe rows without outer pipes, each ending with a markdown hard break (html2text:
 * `Stock | 12/13/2022 | M  `): a row line without the break was wrapped at the tool's width.
 */
function bareRowTable(lines: readonly SourceLine[]): boolean {
  for (const l of lines) {
    const raw = l.raw;
    if (!raw.endsWith('  ') || !l.hasBorders || !raw.includes('|')) continue;
    // Outer pipes on both sides are a markdown pipe table's own row.
    if (raw.trimStart().charCodeAt(0) !== 124 || raw.trimEnd().charCodeAt(raw.trimEnd().length - 1) !== 124) return true;
  }
  return false;
}
