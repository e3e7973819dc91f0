/**
 * A text kept as lines, each with its own terminator, edited the way an LSP client edits it.
 *
 * The server's copy of an open document and the incremental analyzer both hold one, so they
 * cannot disagree on where a line ends: "\r" typed before a "\n", or "\n" typed after a lone
 * "\r", is a single "\r\n" break to the client, and a range is clamped (and a reversed one read)
 * the same way on both sides. Lines are split on \n, \r\n and \r; characters are UTF-16 code units.
 */
import type { Position, Range } from '../types';

/** Splits a text into line contents and their terminators ('' after the last line). */
export function splitWithBreaks(text: string): { lines: string[]; breaks: string[] } {
  // Most text has no carriage return: the engine's own split is several times faster.
  if (!text.includes('\r')) {
    const lines = text.split('\n');
    const breaks: string[] = new Array(lines.length).fill('\n');
    breaks[breaks.length - 1] = '';
    return { lines, breaks };
  }
  const lines: string[] = [];
  const breaks: string[] = [];
  let start = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      lines.push(text.slice(start, i));
      breaks.push('\n');
      start = i + 1;
    } else if (c === 13) {
      lines.push(text.slice(start, i));
      const crlf = i + 1 < n && text.charCodeAt(i + 1) === 10;
      breaks.push(crlf ? '\r\n' : '\r');
      if (crlf) i++;
      start = i + 1;
    }
  }
  lines.push(text.slice(start));
  breaks.push('');
  return { lines, breaks };
}

/**
 * `array` with `count` items from `start` replaced by `items`. Spread arguments overflow the stack
 * for huge pastes (over ~100,000 lines), so large replacements build a new array instead.
 */
export function spliceArray<T>(array: T[], start: number, count: number, items: readonly T[]): T[] {
  if (items.length < 5000) {
    array.splice(start, count, ...items);
    return array;
  }
  const out = array.slice(0, start);
  for (const x of items) out.push(x);
  for (let i = start + count; i < array.length; i++) out.push(array[i]!);
  return out;
}

/** What one change replaced: `removed` old lines from `from` became `added` new ones. */
export interface LineEdit {
  from: number;
  removed: number;
  added: number;
}

/** A finite integer or `fallback` (positions from a client are not trusted to be numbers). */
function int(x: unknown, fallback: number): number {
  return typeof x === 'number' && Number.isFinite(x) ? Math.trunc(x) : fallback;
}

export class LineBuffer {
  /** Line contents, without terminators. Replaced (not only mutated) by a huge edit. */
  lines: string[];
  /** Each line's terminator: '\n', '\r\n', '\r', or '' for the last line. */
  breaks: string[];

  constructor(text: string) {
    const s = splitWithBreaks(text);
    this.lines = s.lines;
    this.breaks = s.breaks;
  }

  get lineCount(): number {
    return this.lines.length;
  }

  /** The whole text, byte for byte as the client holds it. */
  text(): string {
    const parts: string[] = new Array(this.lines.length * 2);
    for (let i = 0; i < this.lines.length; i++) {
      parts[2 * i] = this.lines[i]!;
      parts[2 * i + 1] = this.breaks[i]!;
    }
    return parts.join('');
  }

  /** A position inside the text: past the end is the end, before the start is the start. */
  clamp(pos: Position | undefined): Position {
    const last = this.lines.length - 1;
    const line = int(pos?.line, 0);
    if (line > last) return { line: last, character: this.lines[last]!.length };
    if (line < 0) return { line: 0, character: 0 };
    return { line, character: Math.min(Math.max(0, int(pos?.character, 0)), this.lines[line]!.length) };
  }

  /** Text of a range (clamped; a reversed range is empty). */
  slice(range: Range): string {
    const s = this.clamp(range.start);
    const e = this.clamp(range.end);
    if (e.line < s.line || (e.line === s.line && e.character <= s.character)) return '';
    if (s.line === e.line) return this.lines[s.line]!.slice(s.character, e.character);
    const parts = [this.lines[s.line]!.slice(s.character), this.breaks[s.line]!];
    for (let i = s.line + 1; i < e.line; i++) parts.push(this.lines[i]!, this.breaks[i]!);
    parts.push(this.lines[e.line]!.slice(0, e.character));
    return parts.join('');
  }

  /** Replaces the whole text. */
  reset(text: string): LineEdit {
    const removed = this.lines.length;
    const s = splitWithBreaks(text);
    this.lines = s.lines;
    this.breaks = s.breaks;
    return { from: 0, removed, added: this.lines.length };
  }

  /**
   * Replaces a range with `text`. A reversed range (end before start) is an insertion at its
   * start. The lines re-split include one neighbour on each side, so a "\r" and a "\n" that the
   * edit brings together become one break.
   */
  replace(range: Range, text: string): LineEdit {
    const s = this.clamp(range?.start);
    let e = this.clamp(range?.end);
    if (e.line < s.line || (e.line === s.line && e.character < s.character)) e = s;
    const { lines, breaks } = this;
    const from = Math.max(0, s.line - 1);
    const to = Math.min(lines.length - 1, e.line + 1);
    const before = from < s.line ? lines[from]! + breaks[from]! : '';
    const after = to > e.line ? lines[to]! + breaks[to]! : '';
    const merged = before + lines[s.line]!.slice(0, s.character) + text + lines[e.line]!.slice(e.character) + breaks[e.line]! + after;
    const pieces = splitWithBreaks(merged);
    // Unless line `to` was the last, the merged text ends with its terminator: the empty line
    // after it is the next line, still in the array.
    if (to < lines.length - 1) {
      pieces.lines.pop();
      pieces.breaks.pop();
    }
    const removed = to - from + 1;
    this.lines = spliceArray(lines, from, removed, pieces.lines);
    this.breaks = spliceArray(breaks, from, removed, pieces.breaks);
    return { from, removed, added: pieces.lines.length };
  }
}
