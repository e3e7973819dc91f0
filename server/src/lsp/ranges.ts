/**
 * Position and range arithmetic shared by the feature modules.
 *
 * Requests arrive with whatever a client sends; nothing here trusts a position until
 * {@link isValidPosition} has checked it against the document's real lines, because
 * a clamped lookup and would answer for a place the user never pointed at.
 */
import type { Position, Range } from '../analysis/types';
import type { TextLines } from './lineDocument';

export function comparePositions(a: Position, b: Position): number {
  return a.line !== b.line ? a.line - b.line : a.character - b.character;
}

/** True when `pos` lies inside `range`, both ends included (a cursor right after a word still "touches" it). */
export function rangeContains(range: Range, pos: Position): boolean {
  return comparePositions(range.start, pos) <= 0 && comparePositions(pos, range.end) <= 0;
}

/** True when the two ranges share at least one position (touching ends count). */
export function rangesOverlap(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.end) <= 0 && comparePositions(b.start, a.end) <= 0;
}

/** True when the ranges share text (touching ends do not count); used to keep fix-all edits disjoint. */
export function rangesIntersect(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.end) < 0 && comparePositions(b.start, a.end) < 0;
}

export function rangeLength(range: Range): number {
  return range.end.line === range.start.line
    ? range.end.character - range.start.character
    : Number.MAX_SAFE_INTEGER;
}

function isIndex(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 0;
}

/** The length of line `line` without its line break. */
export function lineLength(doc: TextLines, line: number): number {
  return doc.lineText(line).length;
}

/** The text of one line, without its line break. */
export function lineText(doc: TextLines, line: number): string {
  return doc.lineText(line);
}

/** A position a client may legitimately send: an existing line, a character within it (end of line included). */
export function isValidPosition(doc: TextLines, pos: unknown): pos is Position {
  if (typeof pos !== 'object' || pos === null) return false;
  const p = pos as Partial<Position>;
  if (!isIndex(p.line) || !isIndex(p.character)) return false;
  if (p.line >= doc.lineCount) return false;
  return p.character <= lineLength(doc, p.line);
}

export function isValidRange(doc: TextLines, range: unknown): range is Range {
  if (typeof range !== 'object' || range === null) return false;
  const r = range as Partial<Range>;
  return isValidPosition(doc, r.start) && isValidPosition(doc, r.end) && comparePositions(r.start, r.end) <= 0;
}

/**
 * Binary search over items sorted by start position for the last one that starts at or before `pos`.
 * Returns -1 when every item starts after `pos`.
 */
export function lastStartingAtOrBefore<T>(items: readonly T[], pos: Position, rangeOf: (t: T) => Range): number {
  let lo = 0;
  let hi = items.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (comparePositions(rangeOf(items[mid]!).start, pos) <= 0) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}
