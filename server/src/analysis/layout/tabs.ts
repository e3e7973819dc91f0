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

// ---------------------------------------------------------------------------------------------
// Tabs expanded to spaces
// ---------------------------------------------------------------------------------------------

/** Tab stops of text whose tabs an editor or converter expanded to spaces. */
export const TAB_WIDTH = 8;
/** Gaps of two or more spaces inside lines a filing needs before its gaps are judged. */
export const EXPANDED_MIN_GAPS = 8;
/** Share of those gaps that must end on a tab stop for the text to read as tabs expanded. */
export const EXPANDED_SHARE = 0.8;

interface Gap {
  start: number;
  end: number;
}

/**
 * Tab-separated text whose tabs were expanded to the next 8-column stop: every cell after a tab
 * starts on a stop, so each gap of spaces that ends on a stop is one or more tabs. In text laid
 * out by position (a printed page) gaps end on a stop one time in eight; here nearly all do.
 *
 * A tab written after text that ends one column short of a stop expands to a single space, which
 * reads like a space between words. Table extractors write every cell of a row, empty or not, so
 * the lines of one table carry the same number of tabs: a line short of its table's count by
 * exactly as many single spaces on stops as it has reads those spaces as its missing tabs.
 *
 * Returns the masks with the gaps read back as tabs (same offsets: the gap's first characters
 * become the tabs, the rest stay spaces), by line index; an empty map when the text is not such.
 */
export function readExpandedTabs(raws: readonly string[], maskOf: (line: number) => string): Map<number, string> {
  const out = new Map<number, string>();
  let gaps = 0;
  let onStop = 0;
  for (const raw of raws) {
    if (raw.includes('\t')) return out;
    // Gaps of two spaces or more, found in place: this pass reads every line of every filing.
    for (let start = raw.indexOf('  '); start >= 0; ) {
      let end = start + 2;
      while (end < raw.length && raw.charCodeAt(end) === 32) end++;
      // A gap that a drawn border closes ends where the grid's column does, not on a tab.
      if (start > 0 && end < raw.length && !isBorder(raw[end]) && !isBorder(raw[start - 1])) {
        gaps++;
        if (end % TAB_WIDTH === 0) onStop++;
      }
      start = raw.indexOf('  ', end);
    }
  }
  if (gaps < EXPANDED_MIN_GAPS || onStop < gaps * EXPANDED_SHARE) return out;
  // Per line: the gaps read as tabs, their tab count, and the single spaces on a stop.
  const tabGaps: Gap[][] = [];
  const counts: number[] = [];
  const singles: Gap[][] = [];
  for (const raw of raws) {
    const tabs: Gap[] = [];
    const one: Gap[] = [];
    let n = 0;
    for (const g of raw.includes(' ') ? gapsOf(raw) : []) {
      if (g.end % TAB_WIDTH !== 0) continue;
      // A single space at the line's end is no gap between words: only a tab leaves one there.
      if (g.end - g.start === 1 && g.start > 0 && g.end < raw.length) {
        one.push(g);
        continue;
      }
      tabs.push(g);
      n += tabsIn(g.start, g.end);
    }
    tabGaps.push(tabs);
    counts.push(n);
    singles.push(one);
  }
  // Tables: runs of lines that carry tabs.
  for (let i = 0; i < raws.length; ) {
    if (counts[i] === 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < raws.length && counts[j]! > 0) j++;
    const common = mostCommon(counts.slice(i, j));
    for (let k = i; k < j; k++) {
      const missing = common === undefined ? 0 : common - counts[k]!;
      // A tab shrinks to one space only after text ending one column short of a stop (one tab
      // in eight): a line missing more than half as many as it kept is no row of this table.
      if (missing > 0 && missing * 2 <= counts[k]! && singles[k]!.length === missing) {
        tabGaps[k] = [...tabGaps[k]!, ...singles[k]!].sort((a, b) => a.start - b.start);
      }
    }
    i = j;
  }
  for (let i = 0; i < raws.length; i++) {
    if (tabGaps[i]!.length === 0) continue;
    const raw = raws[i]!;
    const mask = maskOf(i);
    if (mask.length !== raw.length) continue;
    let text = mask;
    for (const g of tabGaps[i]!) {
      const tabs = tabsIn(g.start, g.end);
      text = text.slice(0, g.start) + '\t'.repeat(tabs) + text.slice(g.start + tabs);
    }
    if (text !== mask) out.set(i, text);
  }
  return out;
}

/**
 * The table's own count: the one more than half its lines share (at least two); a heading that
 * spans columns or a row whose last cells are empty may carry fewer.
 */
function mostCommon(counts: readonly number[]): number | undefined {
  const seen = new Map<number, number>();
  for (const c of counts) seen.set(c, (seen.get(c) ?? 0) + 1);
  for (const [c, n] of seen) if (n >= 2 && n * 2 > counts.length) return c;
  return undefined;
}

/** A character grids draw their columns with. */
function isBorder(ch: string | undefined): boolean {
  return ch === '|' || ch === '+' || ch === '│' || ch === '┃' || ch === '║';
}

/** How many tabs, written after column `start`, end at column `end` (a stop). */
function tabsIn(start: number, end: number): number {
  const first = (Math.floor(start / TAB_WIDTH) + 1) * TAB_WIDTH;
  return (end - first) / TAB_WIDTH + 1;
}

/** Every run of spaces in the line (leading and trailing ones included). */
function gapsOf(raw: string): Gap[] {
  const out: Gap[] = [];
  for (let i = raw.indexOf(' '); i >= 0; i = raw.indexOf(' ', i)) {
    let j = i;
    while (j < raw.length && raw.charCodeAt(j) === 32) j++;
    out.push({ start: i, end: j });
    i = j;
  }
  return out;
}
