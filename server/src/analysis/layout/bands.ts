/**
 * Rows of a printed table read back as fixed-width text (`pdftotext -layout` of a page a browser
 * printed): a browser centres each cell vertically in its row, so a cell that wraps over several
 * lines spreads above and below the line that holds the row's one-line cells (its dates, code and
 * amounts: the row's anchor). "By The / Founders / Fund Affirm / Growth, / LLC(1)" stands two lines
 * above and two below its anchor; a two-line city stands one above and one below.
 *
 * A text-only line between two anchors belongs to the nearer one; at equal distance to the one below
 * (a cell of an even number of lines puts its extra line above the middle), unless it closes a cell
 * the anchor above opened above itself in the same column. Blank lines and column
 * headers bound the search. Tables whose wrapped cells only go on below their row (text converters,
 * typed text) show no text above their first row: they are left to the line-by-line reading.
 *
 * Linear: one pass to find the anchors of each block, one to assign its lines.
 */
import type { Token } from '../text/cells';
import type { LogicalRow, RowCell, RowJudge, SourceLine } from './types';

function isValueToken(t: Token): boolean {
  return t.type === 'date' || t.type === 'number' || t.type === 'money';
}

function hasValues(cells: RowCell[]): boolean {
  return cells.some((c) => c.tokens.some(isValueToken));
}

export type BandLine = 'anchor' | 'text' | 'barrier';

/**
 * For each line, the index of the anchor line whose row it belongs to (an anchor: itself; a barrier
 * or a line with no anchor in its block: -1). Null when the table shows no sign of centred rows.
 * `opensCell(i, from)`: line i has text in a column empty on lines from..i-1.
 */
export function centeredBands(
  kinds: readonly BandLine[],
  opensCell: (i: number, from: number) => boolean,
  sameColumn: (i: number, j: number) => boolean = () => false,
): number[] | null {
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
        else if (i - above !== below - i) owner[i] = i - above < below - i ? above : below;
        else owner[i] = closesCellAbove(owner, i, above, sameColumn) ? above : below;
      }
    }
    start = end;
  }
  return centred ? owner : null;
}

/**
 * At equal distance from two anchors, a line still closes the cell of the anchor above when it
 * stands in the column of a line that anchor took from above and no line below the anchor has
 * answered that one yet: a centred cell has as many lines below its anchor as above ("See" /
 * anchor / "Footnote(8)", with the next row's anchor right after).
 */
function closesCellAbove(owner: readonly number[], i: number, anchor: number, sameColumn: (i: number, j: number) => boolean): boolean {
  for (let j = anchor - 1; j >= 0 && owner[j] === anchor; j--) {
    if (!sameColumn(i, j)) continue;
    for (let k = anchor + 1; k < i; k++) if (owner[k] === anchor && sameColumn(k, j)) return false;
    return true;
  }
  return false;
}

/**
 * A line that holds a row's one-line cells: a date, two amounts, an amount and the ownership form
 * (D/I), or a holding's title and ownership form. A lone number ("Stock   0", a price raised by its
 * footnote mark) is not enough.
 */
function anchorsRow<L extends SourceLine>(cells: RowCell[], judge: RowJudge<L>): boolean {
  let values = 0;
  let di = false;
  for (const c of cells) {
    for (const t of c.tokens) {
      if (t.type === 'date') return true;
      if (isValueToken(t)) values++;
      else if (t.type === 'letter' && !t.paren && (t.text === 'D' || t.text === 'I') && c.tokens.length === 1) di = true;
    }
  }
  return values >= 2 || (values === 1 && di) || judge.holding(cells, () => false);
}

function overlaps(a: RowCell, b: RowCell): boolean {
  return a.start < b.end + 2 && a.end > b.start - 2;
}

/** Puts a line's cells into a row: into the cell each overlaps (before or after its text), else as a cell of its own. */
function placeCells<L extends SourceLine>(row: LogicalRow<L>, cells: RowCell[], before: boolean): void {
  for (const c of cells) {
    const tokens = c.tokens.filter((t) => t.type !== 'empty');
    if (!tokens.length) continue;
    // Words never join a cell of values only: a narrow column's centred title ("Common" / "Stock")
    // may stand over the next column's amount.
    const words = tokens.every((t) => t.type === 'word' || t.type === 'ref');
    const target = row.cells.find((rc) => rc.tokens.length && overlaps(c, rc) && !(words && rc.tokens.every(isValueToken)));
    if (target) {
      target.tokens = before ? [...tokens, ...target.tokens] : [...target.tokens, ...tokens];
      continue;
    }
    let at = 0;
    while (at < row.cells.length && row.cells[at]!.start < c.start) at++;
    row.cells.splice(at, 0, { ...c, tokens });
  }
}

/**
 * A printed page's cell may stand a single space from the next ("Common 7,583": the middle line of a
 * wrapped title beside a one-line amount): words then a value split into two cells, so that the
 * title's other lines join the words.
 */
function splitWordsFromValues(cells: RowCell[]): RowCell[] {
  const out: RowCell[] = [];
  for (const c of cells) {
    const k = c.tokens.findIndex((t, i) => i > 0 && isValueToken(t) && c.tokens[i - 1]!.type === 'word' && t.line === c.tokens[i - 1]!.line);
    if (k < 0) {
      out.push(c);
      continue;
    }
    const head = c.tokens.slice(0, k);
    const tail = c.tokens.slice(k);
    out.push({ ...c, end: head[head.length - 1]!.end, tokens: head }, { ...c, col: tail[0]!.start, start: tail[0]!.start, tokens: tail });
  }
  return out;
}

/**
 * Fixed-width text of a printed page (pdftotext -layout): rows whose wrapped cells stand above and
 * below their anchor line (see centeredBands), or null when the table shows no such row.
 */
export function centeredRows<L extends SourceLine>(lines: L[], judge: RowJudge<L>): LogicalRow<L>[] | null {
  const cellsOf: (RowCell[] | undefined)[] = new Array(lines.length);
  const kinds: BandLine[] = lines.map((line, i) => {
    if (line.directive || line.rule || judge.boilerplate(line) || judge.labelsColumns(line)) return 'barrier';
    const cells = (cellsOf[i] = judge.cells(line));
    return anchorsRow(cells, judge) ? 'anchor' : 'text';
  });
  // Amounts without a title or date right under a row whose own cells stand elsewhere ("$0.3621(3)"
  // raised the row's last columns a line down) complete that row: they open none.
  for (let i = 1; i < lines.length; i++) {
    if (kinds[i] !== 'anchor' || cellsOf[i]!.some((c) => c.tokens.some((t) => t.type === 'word' || t.type === 'date'))) continue;
    for (let j = i - 1; j >= Math.max(0, i - 2) && kinds[j] !== 'barrier'; j--) {
      if (kinds[j] !== 'anchor') continue;
      const above = cellsOf[j]!.filter((c) => c.tokens.length);
      if (!cellsOf[i]!.some((c) => c.tokens.length && above.some((a) => overlaps(a, c)))) kinds[i] = 'text';
      break;
    }
  }
  const filled = (i: number) => (cellsOf[i] ?? []).filter((c) => c.tokens.some((t) => t.type !== 'empty'));
  const opensCell = (i: number, from: number) => {
    // Bounded: a row spans a few lines; farther back says nothing about this line.
    const earlier: RowCell[] = [];
    for (let j = Math.max(from, i - 8); j < i; j++) earlier.push(...filled(j));
    return filled(i).some((c) => !earlier.some((e) => overlaps(e, c)));
  };
  // Fixed-width columns: most rows set their cells apart by runs of spaces (flattened rows do not).
  let anchors = 0;
  let spaced = 0;
  kinds.forEach((k, i) => {
    if (k !== 'anchor') return;
    anchors++;
    if (/\S {2,}\S/.test(lines[i]!.masked.trim())) spaced++;
  });
  if (spaced * 2 <= anchors) return null;
  const sameColumn = (i: number, j: number) => filled(i).some((c) => filled(j).some((e) => overlaps(e, c)));
  const owner = centeredBands(kinds, opensCell, sameColumn);
  if (!owner) return null;
  const rows = new Map<number, LogicalRow<L>>();
  owner.forEach((a, i) => {
    if (a === i) rows.set(i, { lines: [lines[i]!], cells: splitWordsFromValues(cellsOf[i]!).map((c) => ({ ...c, tokens: [...c.tokens] })), bordered: false });
  });
  // Lines above an anchor go in nearest first, each before what the row holds; lines below in order, after.
  for (let i = owner.length - 1; i >= 0; i--) {
    const a = owner[i]!;
    if (a >= 0 && i < a) {
      const row = rows.get(a)!;
      row.lines.unshift(lines[i]!);
      placeCells(row, cellsOf[i]!, true);
    }
  }
  for (let i = 0; i < owner.length; i++) {
    const a = owner[i]!;
    if (a >= 0 && i > a) {
      const row = rows.get(a)!;
      row.lines.push(lines[i]!);
      placeCells(row, cellsOf[i]!, false);
    }
  }
  return [...rows.values()].filter((r) => hasValues(r.cells) || judge.holding(r.cells, () => false));
}

