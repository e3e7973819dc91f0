/**
 * Rows of a printed table read back as fixed-width text (`pdftotext -layout` of a page a browser
 * printed): a browser centres each cell vertically in its row, so a cell that wraps over several
 * lines spreads above and below the line that holds the row's one-line cells (its dates, code and
 * amounts: the row's anchor). "By The / Founders / Fund Affirm / Growth, / LLC(1)" stands two lines
 * above and two below its anchor; a two-line city stands one above and one below.
 *
 * A text-only line between two anchors belongs to the nearer one; at equal distance to the one below
 * (a cell of an even number of lines puts its extra line above the middle). Blank lines and column
 * headers bound the search. Tables whose wrapped cells only go on below their row (text converters,
 * typed text) show no text above their first row: they are left to the line-by-line reading.
 *
 * Linear: one pass to find the anchors of each block, one to assign its lines.
 */

export type BandLine = 'anchor' | 'text' | 'barrier';

/**
 * For each line, the index of the anchor line whose row it belongs to (an anchor: itself; a barrier
 * or a line with no anchor in its block: -1). Null when the table shows no sign of centred rows.
 * `opensCell(i, from)`: line i has text in a column empty on lines from..i-1.
 */
export function centeredBands(kinds: readonly BandLine[], opensCell: (i: number, from: number) => boolean): number[] | null {
  const owner: number[] = new Array(kinds.length).fill(-1);
  let centred = false;
  for (let start = 0; start < kinds.length; ) {
    if (kinds[start] === 'barrier') {
      start++;
      continue;
    }
    let end = start;
    while (end < kinds.length && kinds[end] !== 'barrier') end++;
    const anchors: number[] = [];
    for (let i = start; i < end; i++) if (kinds[i] === 'anchor') anchors.push(i);
    if (anchors.length) {
      if (anchors[0]! > start) centred = true;
      let k = 0;
      for (let i = start; i < end; i++) {
        while (k < anchors.length && anchors[k]! < i) k++;
        const below = anchors[k];
        const above = k > 0 ? anchors[k - 1] : undefined;
        if (!centred && above !== undefined && below !== i && opensCell(i, above)) centred = true;
        if (below === i) owner[i] = i;
        else if (above === undefined) owner[i] = below!;
        else if (below === undefined) owner[i] = above;
        else owner[i] = i - above < below - i ? above : below;
      }
    }
    start = end;
  }
  return centred ? owner : null;
}
