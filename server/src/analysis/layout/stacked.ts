/**
 * Stacked rows: a printed page read back by OCR (tesseract). A browser centres each cell of a
 * table row vertically, so a cell that wraps stands partly above and partly below the line that
 * holds the row's one-line cells (its dates, code and amounts: the row's anchor). OCR keeps no
 * column positions (one space between words, a rule read as `|` now and then), so the pieces of
 * the wrapped cells come out as short lines of words between the anchors:
 *
 *     By The
 *     Founders
 *     Class A Common Stock 01/13/2021 P 75,000 | A | $49 75,000 I Fund Affirm
 *     Growth,
 *     LLC(1)
 *     By The
 *     Class A Common Stock 2,205,293 I Founders
 *
 * This reader tells which text lines belong to which anchor; which column each piece continues
 * is the form reader's to say (it knows the columns): a row keeps its anchor's cells in `cells`
 * and the lines around it in `stacked`.
 *
 * Between two anchors a centred cell puts about as many lines below the anchor above as above the
 * anchor below: the first half (the larger, when odd: OCR splits a line at a half-line offset in
 * two below an anchor more often than above) goes to the row above. A line that begins in lower
 * case goes on with the line before it; a line that ends in a footnote mark ends its cell, so the
 * split moves next to it when it is one line off. Lines above the first anchor (after the column
 * headers) and below the last are taken up to the count a centred cell allows; the rest is returned
 * as problems when it holds values, else left (page furniture OCR put among the rows).
 *
 * Where tesseract cut the page into one block per cell instead, no line holds two values: such a
 * run between barriers is read by the column grammar of reading-order.ts (see {@link isCellRun}).
 *
 * Linear: one pass to classify lines, one to assign them.
 */
import { nextWordFits } from '../text/lines';
import { referenceOnValuesLine, type Token } from '../text/cells';
import { readOcrCellsByGrammar } from './reading-order';
import type { LayoutProblem, LogicalRow, RowCell, RowJudge, SourceLine } from './types';

type Kind = 'anchor' | 'text' | 'barrier' | 'skip';

function isValueToken(t: Token): boolean {
  return t.type === 'date' || t.type === 'number' || t.type === 'money';
}

/**
 * A line that holds a row's one-line cells: a date, two amounts, an amount followed by the
 * ownership form (D/I) or written with thousands separators among words, or a holding's title
 * and ownership form. A lone plain number or price ("By Levchin 2012", a par value) is a piece of
 * a wrapped cell, and so are single digits with no other value (specks read as digits: "6 5 Common").
 */
function anchorsRow<L extends SourceLine>(cells: RowCell[], judge: RowJudge<L>): boolean {
  let values = 0;
  // Single digits: specks OCR read as digits stand among a wrapped cell's words ("6 5 Common").
  let digits = 0;
  let diAfterValue = false;
  // An amount with thousands separators: a row's value even when OCR lost the others.
  let grouped = false;
  for (const c of cells) {
    for (const t of c.tokens) {
      if (t.type === 'date') return true;
      if (isValueToken(t)) {
        values++;
        if (t.type === 'number' && /^\d$/.test(t.text)) digits++;
        if (t.type === 'number' && /^\d{1,3}(?:,\d{3})+/.test(t.text)) grouped = true;
      } else if (values > 0 && t.type === 'letter' && !t.paren && (t.text === 'D' || t.text === 'I')) diAfterValue = true;
    }
  }
  // An amount alone with a letter ("P 495,539") is a cell block OCR read apart, not a row.
  const many = cells.reduce((n, c) => n + c.tokens.filter((t) => t.type !== 'empty').length, 0) >= 3;
  return (values >= 2 && digits < values) || (values >= 1 && (diAfterValue || (grouped && many))) || judge.holding(cells, () => true);
}

function filledTokens(cells: RowCell[]): Token[] {
  return cells.flatMap((c) => c.tokens.filter((t) => t.type !== 'empty'));
}

/** A piece that only labels a sub-column ("(D)", "(A)"), left from the column headers. */
function onlyCaptions(tokens: Token[]): boolean {
  return tokens.every((t) => t.type === 'letter' && t.paren);
}

function kindOf<L extends SourceLine>(line: L, cells: RowCell[] | undefined, judge: RowJudge<L>): Kind {
  if (line.directive || line.blank) return 'skip';
  if (line.rule || judge.boilerplate(line) || judge.labelsColumns(line) || judge.headerWords(line) > 0) return 'barrier';
  const tokens = filledTokens(cells ?? []);
  if (!tokens.length) return 'skip';
  if (onlyCaptions(tokens)) return 'barrier';
  return anchorsRow(cells!, judge) ? 'anchor' : 'text';
}

/** A word of two letters or more: text of a cell, not a stray mark OCR made of a rule or a header's parenthesis. */
function hasText(tokens: readonly Token[]): boolean {
  return tokens.some((t) => t.type === 'word' && /\p{L}.*\p{L}/u.test(t.text));
}

/** The line's text begins in lower case: it goes on with the line above ("share", "footnote(2)"). */
function continuesAbove(tokens: Token[]): boolean {
  const first = tokens[0];
  return first !== undefined && first.type === 'word' && /^[a-z]/.test(first.text);
}

/** The line's last piece carries a footnote mark, read or not: the end of its cell's text. */
function endsCell(tokens: Token[]): boolean {
  const last = tokens[tokens.length - 1];
  return last !== undefined && (last.refs.length > 0 || last.unreadRef === true || last.type === 'ref');
}

/** A tab the mask put where the text has spaces (tab-expanded text read back as cells): columns, not OCR. */
function restoredTab(line: SourceLine): boolean {
  const m = line.masked;
  for (let i = m.indexOf('\t'); i >= 0; i = m.indexOf('\t', i + 1)) if (line.raw.charCodeAt(i) === 32) return true;
  return false;
}

/**
 * Whether a table region reads as stacked rows: no real tabs or runs of spaces (no column
 * positions), and at least one anchor has a line of words right above it that is not the end of
 * a line wrapped at the page width (flattened text wraps a long row onto a line of its own).
 */
export function looksStacked<L extends SourceLine>(lines: readonly L[], judge: RowJudge<L>): boolean {
  let width = 0;
  for (const l of lines) {
    if (l.raw.includes('\t') || restoredTab(l)) return false;
    width = Math.max(width, l.masked.trimEnd().length);
  }
  let prev: { line: L; kind: Kind } | undefined;
  let before: { line: L; kind: Kind } | undefined;
  for (const line of lines) {
    if (line.directive || line.blank) continue;
    if (line.rule || judge.boilerplate(line) || judge.labelsColumns(line)) {
      before = prev;
      prev = { line, kind: 'barrier' };
      continue;
    }
    const cells = judge.cells(line);
    const kind = kindOf(line, cells, judge);
    if (kind === 'skip') continue;
    if (kind === 'anchor' && prev?.kind === 'text') {
      // The text line is a piece of a centred cell unless the anchor's first word would not have
      // fitted after it (a wrap), or it continues a full-width line above it.
      const wrapped = !nextWordFits(prev.line.masked, line.masked, width) || (before !== undefined && before.kind !== 'barrier' && before.line.masked.trimEnd().length >= width - 30);
      if (!wrapped) return true;
    }
    before = prev;
    prev = { line, kind };
  }
  return false;
}

function firstWord(tokens: readonly Token[]): string {
  return tokens.find((t) => t.type !== 'ref')?.text ?? '';
}

/**
 * How many lines of a gap between two anchors go to the anchor above, given the lines that anchor
 * took from above (`above`). A centred cell stands as many lines below its anchor as above it, so
 * the split that keeps the row above symmetric costs least; a line that ends with a footnote mark
 * closes its cell (a split right after it is cheap); a line in lower case goes on with the line
 * before it (it never opens the next row); and rows of one table look alike: lines above the next
 * anchor that begin as the lines above this one did open the next row. At equal cost the line
 * goes to the anchor below (a cell of an even number of lines puts its extra line above).
 */
function splitGap(texts: Token[][], above: Token[][]): number {
  const n = texts.length;
  let best = 0;
  let bestCost = Number.POSITIVE_INFINITY;
  for (let b = 0; b <= n; b++) {
    let cost = Math.abs(b - above.length);
    if (b > 0 && endsCell(texts[b - 1]!)) cost -= 1.2;
    if (b < n && continuesAbove(texts[b]!)) cost += 3;
    if (b < n && above.length > 0 && firstWord(above[0]!) !== '' && firstWord(texts[b]!) === firstWord(above[0]!)) cost -= 1.5;
    if (cost < bestCost) {
      best = b;
      bestCost = cost;
    }
  }
  return best;
}

/** The most lines a centred cell stands above or below its anchor that are read as its own. */
const MAX_EDGE_LINES = 4;

export interface StackedReading<L extends SourceLine> {
  rows: LogicalRow<L>[];
  problems: LayoutProblem[];
}

/**
 * A code cell read with its footnote mark as one short word ("Jo", "J®"): the mark came out as a
 * round glyph. Read alone on its line, it is the letter.
 */
const GLUED_MARK_RE = /^([A-Z])[oO0°®©@]$/;

/** A line's text as one cell for the column grammar (see {@link cellRuns}). */
function cellText(line: SourceLine, tokens: readonly Token[]): string {
  const text = line.raw.slice(tokens[0]!.start, tokens[tokens.length - 1]!.end).trim();
  const glued = tokens.length === 1 ? GLUED_MARK_RE.exec(text) : null;
  return glued ? glued[1]! : text;
}

/**
 * One cell a line: where tesseract cuts a table's page into blocks, one per cell (often the pages
 * after the first), it writes the blocks one after another, blank lines between them: a row's
 * title, its date, code, amounts each on a line, the nature's words on lines of their own. No line
 * there holds two values, so no line anchors a row: such a run between two barriers (headings,
 * page furniture) is read by the form's column grammar instead, as the reading order of
 * `pdftotext` is (see reading-order.ts).
 *
 * A run qualifies when no line holds two values (or a value and words), a line holds a value, and
 * blank lines stand between its lines (blocks).
 */
function isCellRun<L extends SourceLine>(lines: readonly L[], from: number, to: number, cellsOf: RowCell[][]): boolean {
  let values = 0;
  let blanks = 0;
  for (let i = from; i < to; i++) {
    const line = lines[i]!;
    if (line.blank) {
      blanks++;
      continue;
    }
    if (line.directive) continue;
    const tokens = filledTokens(cellsOf[i] ?? []).filter((t) => t.type !== 'ref');
    const count = tokens.filter(isValueToken).length;
    if (count > 1 || (count === 1 && hasText(tokens))) return false;
    values += count;
  }
  return values >= 1 && blanks >= 2;
}

/** A run's cell: lines of words with no blank between them are one cell; a value is a cell. */
interface RunCell {
  text: string;
  lines: number[];
  kind: 'text' | 'value' | 'mark';
  /** A text read after its row's values and before the next row's title: the row's nature. */
  nature?: boolean;
}

/** A footnote mark read alone ("2)", "(3", "©"): it goes with the cell before it. */
const MARK_RE = /^\(?(\d{1,2})\)?$|^[^\p{L}\d$]{1,3}$/u;

function runCells<L extends SourceLine>(lines: readonly L[], from: number, to: number, cellsOf: RowCell[][]): RunCell[] {
  const read: RunCell[] = [];
  let open: RunCell | null = null;
  for (let i = from; i < to; i++) {
    const line = lines[i]!;
    const tokens = line.blank || line.directive ? [] : filledTokens(cellsOf[i] ?? []);
    if (!tokens.length) {
      open = null;
      continue;
    }
    const text = cellText(line, tokens);
    const value = tokens.some(isValueToken);
    const kind = value ? 'value' : MARK_RE.test(text) ? 'mark' : hasText(tokens) && !GLUED_MARK_RE.test(text) ? 'text' : 'value';
    if (kind === 'text' && open) {
      open.text += ` ${text}`;
      open.lines.push(i);
      continue;
    }
    const cell: RunCell = { text, lines: [i], kind };
    read.push(cell);
    open = kind === 'text' ? cell : null;
  }
  // A row's title stands right before its values, its nature after them: a text whose next cell
  // (marks aside) is a text, or none, is a nature, and its pieces (OCR cut the nature's block
  // where its lines spread apart) are one cell.
  const cells: RunCell[] = [];
  let textNext = true;
  for (let k = read.length - 1; k >= 0; k--) {
    const c = read[k]!;
    if (c.kind === 'text') c.nature = textNext;
    if (c.kind !== 'mark') textNext = c.kind === 'text';
  }
  for (const c of read) {
    const prev = cells[cells.length - 1];
    if (c.nature && prev?.nature) {
      prev.text += ` ${c.text}`;
      prev.lines.push(...c.lines);
    } else cells.push(c);
  }
  return cells;
}

/**
 * Reads a region of stacked rows (see the module comment). Runs of one cell a line are read by
 * Table I's grammar only: Table II's (`derivative`) stay read by their anchors.
 */
export function stackedRows<L extends SourceLine>(lines: L[], judge: RowJudge<L>, derivative = false): StackedReading<L> {
  const cellsOf: RowCell[][] = [];
  const kinds: Kind[] = lines.map((line, i) => {
    if (line.directive || line.blank) return 'skip';
    const cells = (cellsOf[i] = judge.cells(line));
    return kindOf(line, cells, judge);
  });
  const rows: LogicalRow<L>[] = [];
  const problems: LayoutProblem[] = [];
  const rowOf = new Map<number, LogicalRow<L>>();
  // Runs of one cell a line between barriers: read by the column grammar, after the anchors.
  const runs: [number, number][] = [];
  for (let from = 0; from < lines.length; ) {
    let to = from;
    while (to < lines.length && kinds[to] !== 'barrier') to++;
    if (!derivative && to > from && isCellRun(lines, from, to, cellsOf)) {
      runs.push([from, to]);
      for (let i = from; i < to; i++) kinds[i] = 'skip';
    }
    from = to + 1;
  }
  for (const [i, k] of kinds.entries()) {
    if (k !== 'anchor') continue;
    const row: LogicalRow<L> = {
      lines: [lines[i]!],
      cells: cellsOf[i]!.map((c) => ({ ...c, tokens: c.tokens.map(referenceOnValuesLine) })),
      bordered: false,
      stacked: { above: [], below: [] },
    };
    rows.push(row);
    rowOf.set(i, row);
  }
  const leave = (i: number) => {
    const tokens = filledTokens(cellsOf[i]!);
    if (!tokens.some(isValueToken)) return;
    problems.push({
      line: lines[i]!.line,
      start: tokens[0]!.start,
      end: tokens[tokens.length - 1]!.end,
      text: lines[i]!.raw.slice(tokens[0]!.start, tokens[tokens.length - 1]!.end),
      reason: 'a line among the rows that no row took',
    });
  };
  const addAbove = (anchor: number, i: number) => {
    const row = rowOf.get(anchor)!;
    row.lines.unshift(lines[i]!);
    row.stacked!.above.unshift(filledTokens(cellsOf[i]!));
  };
  const addBelow = (anchor: number, i: number) => {
    const row = rowOf.get(anchor)!;
    row.lines.push(lines[i]!);
    row.stacked!.below.push(filledTokens(cellsOf[i]!));
  };
  const tokensOf = (c: RunCell) => c.lines.flatMap((i) => filledTokens(cellsOf[i]!));
  const readRun = (from: number, to: number) => {
    const cells = runCells(lines, from, to, cellsOf);
    // A nature before the run's first title goes on from the row above, cut by the page's end:
    // its words follow the row's last cell (the nature is the row's last column), not a centred
    // cell's lines, which could be any text column's.
    let first = 0;
    while (first < cells.length && cells[first]!.kind !== 'value' && !(cells[first]!.kind === 'text' && !cells[first]!.nature)) first++;
    const above = rows.filter((r) => r.lines[0]!.line < lines[from]!.line).pop();
    const last = above?.cells[above.cells.length - 1];
    for (const c of cells.slice(0, first)) {
      if (!above || !last || c.kind !== 'text') continue;
      above.lines.push(...c.lines.map((i) => lines[i]!));
      last.tokens.push(...tokensOf(c));
    }
    const rest = cells.slice(first);
    const values = rest.flatMap((c, k) => {
      const mark = c.kind === 'mark' ? /\d{1,2}/.exec(c.text) : null;
      if (c.kind === 'mark') return mark ? [{ text: `(${mark[0]})`, line: k }] : [];
      return [{ text: c.text, line: k }];
    });
    // The grammar returns each row's cells as texts: each goes back to the first cell of that
    // text not yet taken (a column's values keep the rows' order).
    const byText = new Map<string, { at: number; cells: number[] }>();
    for (const v of values) {
      const key = v.text.trim();
      const entry = byText.get(key) ?? { at: 0, cells: [] };
      entry.cells.push(v.line);
      byText.set(key, entry);
    }
    const take = (text: string): number | undefined => {
      const entry = byText.get(text.trim());
      return entry && entry.at < entry.cells.length ? entry.cells[entry.at++] : undefined;
    };
    for (const r of readOcrCellsByGrammar(values)) {
      const taken = r.cells.map(take).filter((k): k is number => k !== undefined).map((k) => rest[k]!);
      if (!taken.length) continue;
      const rowLines = [...new Set(taken.flatMap((c) => c.lines))].sort((a, b) => a - b);
      const flat = taken.flatMap(tokensOf);
      const fixed = new Map(flat.map((t, i) => [t, referenceOnValuesLine(t, i, flat)]));
      rows.push({
        lines: rowLines.map((i) => lines[i]!),
        cells: taken.map((c, col) => {
          const tokens = tokensOf(c).map((t) => fixed.get(t)!);
          return { col, start: tokens[0]!.start, end: tokens[tokens.length - 1]!.end, tokens };
        }),
        bordered: false,
        stacked: { above: [], below: [] },
      });
    }
  };
  // Walk the gaps: text lines between an anchor (or a barrier) and the next anchor (or barrier).
  let lastAnchor = -1;
  let gap: number[] = [];
  const flush = (nextAnchor: number) => {
    if (lastAnchor < 0 && nextAnchor < 0) {
      for (const i of gap) leave(i);
    } else if (lastAnchor < 0) {
      // Above the first anchor after the headers: the nearest lines only, and only those with
      // text or a footnote mark (the headers' last pieces, "()" or "0)", stand there too).
      for (let k = gap.length - 1; k >= 0; k--) {
        const tokens = filledTokens(cellsOf[gap[k]!]!);
        if (gap.length - k <= MAX_EDGE_LINES && (hasText(tokens) || tokens.some((t) => t.type === 'ref' && t.refs.length > 0))) addAbove(nextAnchor, gap[k]!);
        else leave(gap[k]!);
      }
    } else if (nextAnchor < 0) {
      const above = rowOf.get(lastAnchor)!.stacked!.above.length;
      const take = Math.min(MAX_EDGE_LINES, above + 1);
      gap.forEach((i, k) => (k < take ? addBelow(lastAnchor, i) : leave(i)));
    } else {
      const texts = gap.map((i) => filledTokens(cellsOf[i]!));
      const below = splitGap(texts, rowOf.get(lastAnchor)!.stacked!.above);
      gap.forEach((i, k) => (k < below ? addBelow(lastAnchor, i) : undefined));
      for (let k = gap.length - 1; k >= below; k--) addAbove(nextAnchor, gap[k]!);
    }
    gap = [];
  };
  for (const [i, k] of kinds.entries()) {
    if (k === 'skip') continue;
    if (k === 'text') gap.push(i);
    else if (k === 'anchor') {
      flush(i);
      lastAnchor = i;
    } else {
      flush(-1);
      lastAnchor = -1;
    }
  }
  flush(-1);
  for (const [from, to] of runs) readRun(from, to);
  rows.sort((a, b) => a.lines[0]!.line - b.lines[0]!.line);
  return { rows: rows.filter((r) => r.cells.some((c) => c.tokens.some(isValueToken)) || judge.holding(r.cells, () => true)), problems };
}
