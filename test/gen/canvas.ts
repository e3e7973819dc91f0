/**
 * Text layout helpers: word wrapping, and a character canvas on which rectangles are drawn with
 * box-drawing characters whose junctions are computed from the lines that meet there (the way w3m
 * draws HTML tables), or with spaces (the way pdftotext -layout lays out columns).
 */

/** Wraps on spaces; words longer than the width stay whole (the caller sizes columns to fit them). */
export function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    const words = para.split(/ +/).filter((w) => w.length > 0);
    let line = '';
    for (const w of words) {
      if (!line) line = w;
      else if (line.length + 1 + w.length <= width) line += ` ${w}`;
      else {
        out.push(line);
        line = w;
      }
    }
    out.push(line);
  }
  return out;
}

export function longestWord(text: string): number {
  return text.split(/\s+/).reduce((m, w) => Math.max(m, [...w].length), 0);
}

export function padTo(s: string, width: number, align: 'l' | 'c' | 'r' = 'l'): string {
  const len = [...s].length;
  if (len >= width) return s;
  const room = width - len;
  if (align === 'r') return ' '.repeat(room) + s;
  if (align === 'c') {
    const left = Math.floor(room / 2);
    return ' '.repeat(left) + s + ' '.repeat(room - left);
  }
  return s + ' '.repeat(room);
}

const U = 1;
const D = 2;
const L = 4;
const R = 8;

const JUNCTIONS: Record<number, string> = {
  [L | R]: '─', [U | D]: '│', [D | R]: '┌', [D | L]: '┐', [U | R]: '└', [U | L]: '┘',
  [U | D | R]: '├', [U | D | L]: '┤', [L | R | D]: '┬', [L | R | U]: '┴', [U | D | L | R]: '┼',
  [L]: '─', [R]: '─', [U]: '│', [D]: '│',
};

export interface Box {
  /** Column of the left border and of the right border. */
  x0: number;
  x1: number;
  /** Line of the top border and of the bottom border. */
  y0: number;
  y1: number;
  lines: string[];
  align?: 'l' | 'c' | 'r';
  /** Spaces between the border and the text (w3m uses 1). */
  inset?: number;
}

export class Canvas {
  private chars: string[][] = [];
  private conn: number[][] = [];

  private ensure(x: number, y: number): void {
    while (this.chars.length <= y) {
      this.chars.push([]);
      this.conn.push([]);
    }
    const row = this.chars[y]!;
    const crow = this.conn[y]!;
    while (row.length <= x) {
      row.push(' ');
      crow.push(0);
    }
  }

  private link(x: number, y: number, bits: number): void {
    this.ensure(x, y);
    this.conn[y]![x]! |= bits;
  }

  hline(y: number, x0: number, x1: number): void {
    for (let x = x0; x <= x1; x++) this.link(x, y, (x > x0 ? L : 0) | (x < x1 ? R : 0));
  }

  vline(x: number, y0: number, y1: number): void {
    for (let y = y0; y <= y1; y++) this.link(x, y, (y > y0 ? U : 0) | (y < y1 ? D : 0));
  }

  text(x: number, y: number, s: string): void {
    let i = 0;
    for (const ch of s) {
      this.ensure(x + i, y);
      this.chars[y]![x + i] = ch;
      i++;
    }
  }

  box(b: Box, borders = true): void {
    if (borders) {
      this.hline(b.y0, b.x0, b.x1);
      this.hline(b.y1, b.x0, b.x1);
      this.vline(b.x0, b.y0, b.y1);
      this.vline(b.x1, b.y0, b.y1);
    } else {
      this.ensure(b.x1, b.y1);
    }
    const inset = b.inset ?? 1;
    const inner = b.x1 - b.x0 - 1 - 2 * inset;
    b.lines.forEach((line, i) => {
      const y = b.y0 + 1 + i;
      if (y >= b.y1) return;
      this.text(b.x0 + 1 + inset, y, padTo(line, inner, b.align ?? 'l'));
    });
  }

  /** Lines of text; borders drawn as box characters, or as spaces when `plain`. */
  render(plain = false): string[] {
    return this.chars.map((row, y) =>
      row.map((ch, x) => {
        const c = this.conn[y]![x]!;
        if (c === 0) return ch;
        return plain ? ' ' : (JUNCTIONS[c] ?? '┼');
      }).join('').replace(/\s+$/, ''));
  }
}
