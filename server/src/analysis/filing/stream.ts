/**
 * A box's text as one string, made of pieces from several lines, that still knows where every
 * character came from. Header boxes are spread over lines and interleaved with other boxes;
 * once the pieces of one box are collected, patterns run over the joined text and every match
 * maps back to a document range.
 */
import type { Range } from '../types';

export interface Piece {
  line: number;
  start: number;
  end: number;
  text: string;
  /** Column position of the piece (character offset, or cell index in tabbed layouts). */
  x: number;
  /** Line within its cell: `<br>` breaks a cell into lines on one document line. */
  sub?: number;
  /** The piece continues the piece before it with no space between (a word cut in a grid cell). */
  glue?: boolean;
  /** The piece continues the piece before it after a space (a nested table's line cut at a space). */
  spaced?: boolean;
}

export class Stream {
  readonly text: string;
  /** Stream offset of each piece's first character. */
  readonly offsets: number[] = [];

  constructor(readonly pieces: Piece[]) {
    let text = '';
    for (const p of pieces) {
      if (text.length && !p.glue) text += p.spaced ? ' ' : '\n';
      this.offsets.push(text.length);
      text += p.text;
    }
    this.text = text;
  }

  /** Piece index holding stream offset `at` (the piece before a joining newline). */
  pieceAt(at: number): number {
    let lo = 0;
    let hi = this.offsets.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.offsets[mid] <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Document position of a stream offset. */
  position(at: number, isEnd = false): { line: number; character: number } {
    if (this.pieces.length === 0) return { line: 0, character: 0 };
    const k = this.pieceAt(isEnd && at > 0 ? at - 1 : at);
    const p = this.pieces[k];
    const within = Math.min(Math.max(at - this.offsets[k], 0), p.text.length);
    return { line: p.line, character: p.start + within };
  }

  /**
   * Range of stream text [start, end). A value spread over several lines gets the range of its
   * first line only, because diagnostics and selections must stay on one line.
   */
  range(start: number, end: number): Range {
    const s = this.position(start);
    const e = this.position(end, true);
    if (e.line !== s.line) {
      const k = this.pieceAt(start);
      const p = this.pieces[k];
      return { start: s, end: { line: p.line, character: p.end } };
    }
    return { start: s, end: e };
  }
}

/** Collapses whitespace (including the newlines between pieces) and trims. */
export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
