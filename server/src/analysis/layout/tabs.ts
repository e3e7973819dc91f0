/**
 * Stray tabs: in text laid out with spaces (fixed-width pages, flattened text), a tab between two
 * letters is letter spacing OCR or a copy read as a tab ("4. R<TAB>elationship"), not a cell edge.
 * Read as a cell edge it splits a label and makes its line look tab-separated, so the line's cells
 * are placed by rank instead of by column. In tab-separated text every tab is a cell edge.
 */

/** Text is tab-separated when at least this share of its lines with text carries a tab. */
export const TAB_SEPARATED_SHARE = 0.25;

function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && /\p{L}/u.test(ch);
}

/**
 * The masks of a filing's lines with their stray tabs read as spaces, by line index; lines
 * without one are not listed. `maskOf` gives the mask a line's text alone gives (same offsets).
 */
export function readStrayTabs(raws: readonly string[], maskOf: (line: number) => string): Map<number, string> {
  const out = new Map<number, string>();
  let withText = 0;
  const tabbed: number[] = [];
  for (let i = 0; i < raws.length; i++) {
    const raw = raws[i]!;
    if (!/\S/.test(raw)) continue;
    withText++;
    if (raw.includes('\t')) tabbed.push(i);
  }
  if (tabbed.length === 0 || tabbed.length >= withText * TAB_SEPARATED_SHARE) return out;
  for (const i of tabbed) {
    const raw = raws[i]!;
    const mask = maskOf(i);
    if (mask.length !== raw.length) continue;
    let text = mask;
    for (let k = raw.indexOf('\t'); k >= 0; k = raw.indexOf('\t', k + 1)) {
      if (mask[k] === '\t' && isLetter(raw[k - 1]) && isLetter(raw[k + 1])) text = `${text.slice(0, k)} ${text.slice(k + 1)}`;
    }
    if (text !== mask) out.set(i, text);
  }
  return out;
}
