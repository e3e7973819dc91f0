/**
 * Double-spaced text: some converters end every line with a blank one (a paragraph per line of the
 * page, text copied out of a PDF viewer, a document typed double-spaced). Every reader takes a
 * blank line for the end of a box, a row or a signature, so such text reads as hundreds of
 * fragments. When a filing is double-spaced throughout, its single blank lines are spacing, not
 * structure: the filing is read without them, and a run of two or more blank lines (the spacing
 * plus a real gap) still reads as one blank line.
 *
 * Lines keep their own numbers: what is reported still points at the document.
 */
import { isBlank } from '../text/lines';

/** Fewer text lines than this say nothing about a filing's spacing. */
export const MIN_SPACED_LINES = 12;
/** Share of text lines that must stand alone between blank lines for the text to count as double-spaced. */
export const SPACED_SHARE = 0.85;

/**
 * Indices of the lines to read when `raws` is double-spaced (every text line alone between blank
 * lines, with few exceptions); null when it is not, and the lines read as they are.
 */
export function singleSpacedLines(raws: readonly string[]): number[] | null {
  const blank = raws.map(isBlank);
  let text = 0;
  let alone = 0;
  for (let i = 0; i < raws.length; i++) {
    if (blank[i]) continue;
    text++;
    if ((i === 0 || blank[i - 1]) && (i + 1 >= raws.length || blank[i + 1])) alone++;
  }
  if (text < MIN_SPACED_LINES || alone < text * SPACED_SHARE) return null;
  const keep: number[] = [];
  for (let i = 0; i < raws.length; ) {
    if (!blank[i]) {
      keep.push(i++);
      continue;
    }
    let end = i;
    while (end < raws.length && blank[end]) end++;
    // One blank line is the spacing; two or more are a gap the text meant: it stays, as one line.
    if (end - i >= 2) keep.push(i);
    i = end;
  }
  return keep;
}
