/**
 * Maps between JSON pointers into a filing record and their source ranges (the `sources` of a
 * `form345/records` result): which record the cursor stands on, and where a clicked value is.
 * Pure: positions and ranges have the LSP shape, so no `vscode` import.
 */
import type { Position, Range } from '../../server/src/analysis/types';

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

export function rangeContains(range: Range, pos: Position): boolean {
  return comparePositions(range.start, pos) <= 0 && comparePositions(pos, range.end) <= 0;
}

/** A size to rank ranges by: lines weigh more than characters. */
function extent(range: Range): number {
  return (range.end.line - range.start.line) * 1_000_000 + (range.end.character - range.start.character);
}

/**
 * The pointer of the smallest source range containing `pos` (the most specific record: a cell's
 * value rather than its row), or undefined. The empty pointer (the whole filing) is ignored.
 */
export function pointerAt(sources: Readonly<Record<string, Range>>, pos: Position): string | undefined {
  let best: string | undefined;
  let bestExtent = Infinity;
  for (const [pointer, range] of Object.entries(sources)) {
    if (pointer === '' || !rangeContains(range, pos)) continue;
    const e = extent(range);
    // On a tie, the deeper pointer wins: it names the value, not its container.
    if (e < bestExtent || (e === bestExtent && best !== undefined && pointer.length > best.length)) {
      best = pointer;
      bestExtent = e;
    }
  }
  return best;
}

/** The parent of a JSON pointer (`/derivative/0/shares` → `/derivative/0`), or undefined at the root. */
export function parentPointer(pointer: string): string | undefined {
  if (pointer === '') return undefined;
  const i = pointer.lastIndexOf('/');
  return i <= 0 ? '' : pointer.slice(0, i);
}

/**
 * The source of `pointer`, or of its nearest ancestor that has one: a value the text lost (null)
 * has no range of its own, but its row does. Returns the pointer actually found as well.
 */
export function sourceFor(
  sources: Readonly<Record<string, Range>>,
  pointer: string,
): { pointer: string; range: Range } | undefined {
  for (let p: string | undefined = pointer; p !== undefined; p = parentPointer(p)) {
    const range = sources[p];
    if (range) return { pointer: p, range };
  }
  return undefined;
}

/** Whether `pointer` is `ancestor` or lies below it. */
export function isWithin(pointer: string, ancestor: string): boolean {
  return pointer === ancestor || pointer.startsWith(ancestor + '/');
}
