/**
 * Table rows: groups a table region's lines into logical rows, by the region's layout family.
 *
 * - raw HTML: a row runs from `<tr>` to `</tr>` over any number of lines;
 * - drawn grids (box drawing, ASCII rules, pipe-drawn grids with crossed rules): a row's cells
 *   wrap over the lines between two rules, and the group is read as a whole (a header fragment
 *   like "(Instr. 3, 4" / "and 5)" only makes sense joined);
 * - pipe rows without outer pipes (bare-pipe): a row wrapped at the tool's width goes on until
 *   a line ends with a hard break;
 * - everything else (tab-separated, fixed-width, markdown pipe tables, flattened rows) is read
 *   line by line, text-only lines under a row taken as its wrapped cells.
 *
 * What the form prints (column labels, boilerplate, what a holding row looks like) is asked of
 * the caller's {@link RowJudge}: this module knows layouts, not the form.
 */
import { nextWordFits } from '../text/lines';
import type { Token } from '../text/cells';
import { hasHtmlRows, tableFamily, tableTraits, type TableTraits } from './detect';
import { centeredRows } from './bands';
import { looksStacked, stackedRows } from './stacked';
import type { LayoutProblem, LogicalRow, RowCell, RowJudge, SourceLine, TableReading } from './types';

/** Reads a table region's rows (lines after its heading); `derivative` when the region is Table II. */
export function readTableRows<L extends SourceLine>(lines: L[], judge: RowJudge<L>, derivative = false): TableReading<L> {
  const problems: LayoutProblem[] = [];
  if (hasHtmlRows(lines)) return { family: 'raw-html', rows: htmlRows(lines, judge), problems };
  const traits = tableTraits(lines);
  const family = tableFamily(lines, traits);
  // OCR of a printed page: single-spaced rows whose wrapped cells stand above and below their values.
  if ((family === 'flattened' || family === 'tab-separated') && looksStacked(lines, judge)) return { family: 'stacked', ...stackedRows(lines, judge, derivative) };
  // A printed page read by pdftotext -layout centres its rows' cells: read by bands when it shows so.
  const centred = family === 'fixed-width' ? centeredRows(lines, judge) : null;
  return { family, rows: centred ?? lineRows(lines, judge, traits), problems };
}

function isValueToken(t: Token): boolean {
  return t.type === 'date' || t.type === 'number' || t.type === 'money';
}

function hasValues(cells: RowCell[]): boolean {
  return cells.some((c) => c.tokens.some(isValueToken));
}

/**
 * Adds text that continues a cell on a later line. A cell that held only its empty placeholder
 * (a grid that centres a cell's text vertically; an HTML `<td>` alone on its line) takes the text instead.
 */
function addCellText(cell: RowCell, tokens: readonly Token[]): void {
  const text = tokens.filter((t) => t.type !== 'empty');
  if (!text.length) return;
  if (cell.tokens.every((t) => t.type === 'empty')) cell.tokens = text;
  else cell.tokens.push(...text);
}

/** Appends a wrapped line's text to the cells it sits under. */
function mergeContinuation<L extends SourceLine>(row: LogicalRow<L>, cells: RowCell[]): void {
  for (const c of cells) {
    const tokens = c.tokens.filter((t) => t.type !== 'empty');
    if (!tokens.length) continue;
    let target: RowCell | undefined;
    if (row.bordered) target = row.cells.find((rc) => rc.col === c.col);
    if (!target) {
      // Fixed width: the cell whose span overlaps this text, else the nearest start to the left.
      target = row.cells.find((rc) => rc.tokens.length && c.start < rc.end + 2 && c.end > rc.start - 2);
      if (!target) for (const rc of row.cells) if (rc.start <= c.start) target = rc;
    }
    if (target) addCellText(target, tokens);
  }
}

/** A drawn grid row (between rules) that only labels columns. */
function isHeaderGroup<L extends SourceLine>(row: LogicalRow<L>, judge: RowJudge<L>): boolean {
  const tokens = row.cells.flatMap((c) => c.tokens);
  if (tokens.some((t) => t.type === 'date')) return false;
  const values = tokens.filter(isValueToken).length;
  const words = row.lines.reduce((n, l) => n + judge.headerWords(l), 0);
  return words >= 3 && words >= values;
}

/**
 * HTML tables: a row runs from <tr> to </tr> over any number of lines; every <td>/<th> (a tab
 * after masking) opens a cell, and text on a line without one continues the cell before.
 */
function htmlRows<L extends SourceLine>(lines: L[], judge: RowJudge<L>): LogicalRow<L>[] {
  const rows: LogicalRow<L>[] = [];
  let current: LogicalRow<L> | null = null;
  for (const line of lines) {
    if (line.directive) continue;
    if (/<tr\b/i.test(line.raw)) {
      current = { lines: [], cells: [], bordered: true };
      rows.push(current);
    }
    if (!current) continue;
    current.lines.push(line);
    let lastCol = -1;
    for (const c of judge.cells(line)) {
      // Only a <td>/<th> (a tab after masking) opens a cell: a line without one continues the
      // cell before, whatever the offsets of its words ("<td>" / "<span>$</span><span>0</span>").
      const opens = line.hasBorders && c.col !== 0 && c.col !== lastCol;
      if (opens) current.cells.push({ ...c, col: current.cells.length });
      else if (current.cells.length) addCellText(current.cells[current.cells.length - 1], c.tokens);
      lastCol = c.col;
    }
    if (/<\/tr>/i.test(line.raw)) current = null;
  }
  return rows.filter((r) => (hasValues(r.cells) || judge.holding(r.cells, () => false)) && !isHeaderGroup(r, judge));
}

/** A bare-pipe table line wrapped at the tool's width (no hard break): its row goes on on the next line. */
function softWrapped(line: SourceLine): boolean {
  return !line.rule && !line.raw.endsWith('  ');
}

/**
 * A wrapped pipe row's next line: its first cell goes on with the row's last cell (the wrap
 * fell inside it, or right after or before its `|`), its later cells follow.
 */
function appendWrappedCells<L extends SourceLine>(row: LogicalRow<L>, cells: RowCell[], bordered: boolean): void {
  // A line starting with `|` reads as bordered: its empty first cell (the row's last) was dropped.
  const last = (row.cells.length ? row.cells[row.cells.length - 1].col : 0) + (bordered ? 1 : 0);
  for (const c of cells) {
    const col = last + c.col;
    const target = row.cells.find((rc) => rc.col === col);
    if (target) addCellText(target, c.tokens);
    else row.cells.push({ ...c, col });
  }
}

/**
 * Fixed width: a line whose text sits only under the current row's text cells (a wrapped
 * "value $0.01 per share" under "Common Stock, par") continues that row, even with a number in it.
 */
function continuesTextCells<L extends SourceLine>(row: LogicalRow<L>, cells: RowCell[]): boolean {
  // A row without values is a holding whose amount was lost ("Ordinary Shares  D"): complete.
  if (!hasValues(row.cells)) return false;
  const textCells = row.cells.filter((c) => c.tokens.length && c.tokens.every((t) => t.type === 'word' || t.type === 'ref' || t.type === 'letter'));
  const filled = cells.filter((c) => c.tokens.some((t) => t.type !== 'empty'));
  if (!textCells.length || !filled.length) return false;
  if (filled.some((c) => c.tokens.some((t) => t.type === 'date'))) return false;
  return filled.every((c) => textCells.some((tc) => c.start < tc.end + 2 && c.end > tc.start - 2));
}

/**
 * Flattened rows (lynx) wrap at the page width: a one-cell line under a row whose last line
 * filled the width continues it when it cannot open a row (no title first) or the row has not
 * reached its ownership column yet ("... $0" / "147,006.849 D").
 */
function continuesWrappedRow<L extends SourceLine>(row: LogicalRow<L>, cells: RowCell[], width: number, flat: () => boolean): boolean {
  const last = row.lines[row.lines.length - 1];
  // Narrower text wraps flattened rows too (lynx at a terminal's 80 columns or in a 60-column pane).
  if ((width < 100 && !(width >= 40 && flat())) || last.masked.trimEnd().length < width - 30) return false;
  const filled = cells.filter((c) => c.tokens.some((t) => t.type !== 'empty'));
  if (filled.length !== 1 || row.cells.filter((c) => c.tokens.length).length !== 1) return false;
  const first = filled[0].tokens.find((t) => t.type !== 'empty');
  if (first && first.type !== 'word') return true;
  // A row that reached its ownership column ends "... 35,700 D" or "... I By Trust".
  const tokens = row.cells.flatMap((c) => c.tokens);
  let lastAmount = -1;
  tokens.forEach((t, i) => {
    if (t.type === 'number' || t.type === 'money') lastAmount = i;
  });
  return !tokens.slice(lastAmount + 1).some((t) => t.type === 'letter' && (t.text === 'D' || t.text === 'I'));
}

/**
 * In a narrow pane a flattened row (lynx) may wrap before its first value: a full line of title
 * and footnote references only ("Series E Preferred Stock ^(1) ^(1) Class B Common") opens the row
 * its next line goes on with, when that line's first word did not fit on it (a wrapped line).
 */
function opensFlatRow<L extends SourceLine>(line: L, next: L | undefined, cells: RowCell[], width: number, flat: () => boolean, judge: RowJudge<L>): boolean {
  // A line of column labels ("Date Exercisable Expiration Date Title ...") opens no row.
  if (!next || line.hasBorders || judge.headerWords(line) > 0) return false;
  if (!next.masked.trim() || nextWordFits(line.masked, next.masked, width) || !flat()) return false;
  const filled = cells.filter((c) => c.tokens.some((t) => t.type !== 'empty'));
  return filled.length === 1 && filled[0].tokens.find((t) => t.type !== 'empty')?.type === 'word';
}

/**
 * Every layout but raw HTML: drawn-grid lines (bordered, outside markdown pipe tables) group
 * between rules; the others are read line by line.
 */
function lineRows<L extends SourceLine>(lines: L[], judge: RowJudge<L>, { pipeTable, bare }: TableTraits): LogicalRow<L>[] {
  const rows: LogicalRow<L>[] = [];
  let current: LogicalRow<L> | null = null;
  // The widest line: flattened text wraps every long line, header paragraphs too, here.
  let width = 0;
  for (const l of lines) width = Math.max(width, l.masked.trimEnd().length);
  let flatTable: boolean | undefined;
  const flat = () => (flatTable ??= !lines.some((l) => l.hasBorders || /\S {2,}\S/.test(l.masked.trim())));
  /**
   * A printed page that ends inside a row: the row before the form feed, while no row with values
   * has opened since (the next page repeats the column heading first). Text under its text cells
   * after the break goes on with it.
   */
  let broken: LogicalRow<L> | null = null;
  /** Text-only lines since the break's last column-label line: the cut row's rest, once a row with values follows. */
  let pending: { line: L; cells: RowCell[] }[] = [];
  /** The lines printed above the table's first row (its heading), by text: a page repeats them. */
  const heading = new Set<string>();
  /** Cells of rows opened by a line with no value at all (a row whose values were lost). */
  const valueless = new Set<RowCell[]>();
  const flush = () => {
    if (broken && !broken.bordered) {
      for (const p of pending) {
        broken.lines.push(p.line);
        mergeContinuation(broken, p.cells);
      }
    }
    pending = [];
    broken = null;
  };
  const close = () => {
    if (current && current.bordered && isHeaderGroup(current, judge)) rows.pop();
    else if (current && broken && current !== broken && current.bordered === broken.bordered && continuesAcrossPage(broken, current, judge, flat)) {
      rows.pop();
      broken.lines.push(...current.lines);
      mergeContinuation(broken, current.cells);
    }
    current = null;
  };
  for (const [i, line] of lines.entries()) {
    if (line.directive) continue;
    if (line.raw.includes('\f')) {
      // The row last read (whole or cut by the page's end) is the one a continuation goes on with.
      close();
      pending = [];
      broken = rows.length ? rows[rows.length - 1]! : null;
    }
    if (bare && current && !line.rule && softWrapped(current.lines[current.lines.length - 1])) {
      // A bare-pipe row wrapped at the tool's width goes on until a line's hard break.
      current.lines.push(line);
      appendWrappedCells(current, judge.cells(line), line.maskedLine.bordered);
      continue;
    }
    if (line.rule || judge.boilerplate(line)) {
      // A drawn rule or a blank line closes a wrapped row.
      close();
      continue;
    }
    const readAsLine = !line.maskedLine.bordered || pipeTable;
    // Column-header lines come back in every filing: once a text is known to label columns
    // it is skipped without tokenizing it again.
    if (readAsLine && judge.labelsColumns(line)) {
      close();
      // Text above the repeated heading's last label line is the heading's own.
      pending = [];
      continue;
    }
    const cells = judge.cells(line);
    const lineHasValues = hasValues(cells) || ((!current || readAsLine) && judge.holding(cells, flat, standsAlone(lines, i, pipeTable, !current && !broken && pending.length === 0)));
    if (lineHasValues && !hasValues(cells)) valueless.add(cells);
    if (rows.length === 0 && !lineHasValues) heading.add(line.masked.trim());
    if (!readAsLine) {
      if (!current || !current.bordered) {
        close();
        current = { lines: [line], cells, bordered: true };
        rows.push(current);
      } else {
        current.lines.push(line);
        mergeContinuation(current, cells);
      }
      // Some ASCII grids draw no rule between rows: a row's last line is underlined ("Stock___|").
      if (/[^\s|_]_+\||\|_+\|/.test(line.raw)) close();
      continue;
    }
    // The rest of a row the page's end cut sits under that row's text cells only ("$0.01 per share");
    // flattened rows have no columns to sit under.
    const restOfBroken = !current && broken !== null && !broken.bordered && !line.hasBorders && !flat() && restOfCutRow(broken, cells);
    // A line the table printed above its first row is the repeated heading's, and so is what stands above it.
    const headingText = (restOfBroken || pending.length > 0) && heading.has(line.masked.trim());
    if (headingText) pending = [];
    if (lineHasValues && !restOfBroken && !(current && !current.bordered && !line.hasBorders && (continuesTextCells(current, cells) || continuesWrappedRow(current, cells, width, flat)))) {
      close();
      flush();
      current = { lines: [line], cells, bordered: line.hasBorders };
      rows.push(current);
    } else if (restOfBroken) {
      // The rest of a row the page's end cut, under the repeated heading: kept until a row with
      // values (or the table's end) shows the heading is over.
      if (!headingText) pending.push({ line, cells });
    } else if (current && !current.bordered) {
      current.lines.push(line);
      mergeContinuation(current, cells);
    } else if (!current && opensFlatRow(line, lines[i + 1], cells, width, flat, judge)) {
      // Kept only if the lines after it bring the row's values.
      current = { lines: [line], cells, bordered: false };
      rows.push(current);
    }
  }
  close();
  flush();
  return rows.filter((r) => {
    if (hasValues(r.cells) || judge.holding(r.cells, flat)) return true;
    // A drawn grid's row stands between its rules: alone by construction.
    if (!valueless.has(r.cells) && !(r.bordered && !pipeTable && judge.holding(r.cells, flat, true))) return false;
    r.valuesLost = true;
    return true;
  });
}

/**
 * A line that is a row on its own, whatever it holds: a markdown pipe table's line, or (no row
 * open) a line with a blank line or rule above and below it, apart from any wrapped row and heading.
 */
function standsAlone<L extends SourceLine>(lines: readonly L[], i: number, pipeTable: boolean, noRowOpen: boolean): boolean {
  if (pipeTable && lines[i]!.maskedLine.bordered) return true;
  const gap = (l: L | undefined) => !l || l.blank || l.rule;
  return noRowOpen && i > 0 && gap(lines[i - 1]) && gap(lines[i + 1]);
}

/** A cell of text: words, maybe a value inside its text ("Common Stock, par value $0.01"), no date. */
function isTextCell(c: RowCell): boolean {
  return c.tokens.some((t) => t.type === 'word') && !c.tokens.some((t) => t.type === 'date');
}

/**
 * Fixed width, after a page break: a line whose text sits only under the text cells of the row
 * the page's end cut (its title, its nature) is the rest of that row.
 */
function restOfCutRow<L extends SourceLine>(row: LogicalRow<L>, cells: RowCell[]): boolean {
  if (!hasValues(row.cells)) return false;
  const textCells = row.cells.filter(isTextCell);
  const filled = cells.filter((c) => c.tokens.some((t) => t.type !== 'empty'));
  if (!textCells.length || !filled.length || filled.some((c) => c.tokens.some((t) => t.type === 'date'))) return false;
  return filled.every((c) => textCells.some((tc) => c.start < tc.end + 2 && c.end > tc.start - 2));
}

/**
 * A drawn-grid row after a page break that holds text only in the columns where the row before
 * the break holds text (no date, no value column of its own; not a holding) is the rest of the
 * row the page's end cut.
 */
function continuesAcrossPage<L extends SourceLine>(before: LogicalRow<L>, after: LogicalRow<L>, judge: RowJudge<L>, flat: () => boolean): boolean {
  if (!after.bordered || !hasValues(before.cells) || judge.holding(after.cells, flat)) return false;
  const filled = after.cells.filter((c) => c.tokens.some((t) => t.type !== 'empty'));
  if (!filled.length || filled.some((c) => c.tokens.some((t) => t.type === 'date'))) return false;
  const textCol = (col: number) => before.cells.some((b) => b.col === col && isTextCell(b));
  return filled.every((c) => textCol(c.col));
}
