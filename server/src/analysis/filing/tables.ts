/**
 * Table I and Table II: finding the data rows among header lines and boilerplate, rejoining
 * cells that wrapped onto following lines, and reading each row through the form's column
 * grammar (see align.ts).
 */
import type { DerivativeRow, FieldName, NonDerivativeRow, Range } from '../types';
import { splitCells, tokenizeCell, parseAmount, type Token } from '../text/cells';
import { nextWordFits } from '../text/lines';
import { align, type Alignment, type Slot, type SlotFill } from './align';
import { parseDateText } from './dates';
import type { PLine } from './prepare';
import { blankGluedHeaders, headerWordCount, isBoilerplate } from './vocabulary';
import { isTransactionCode } from '../domain/codes';

export type TableName = 'nonDerivative' | 'derivative';
export type FormDigit = '3' | '4' | '5';

const I = Number.POSITIVE_INFINITY;

function slot(field: string, kind: Slot['kind'], empty: number, placeholder = I): Slot {
  return { field, kind, empty, placeholder };
}

/** Table II columns 6 and 7: exercisable and expiration dates, underlying title and amount. */
const DERIVATIVE_TERMS = (): Slot[] => [
  slot('dateExercisable', 'date', 0.5, 0.1),
  slot('expirationDate', 'date', 0.5, 0.1),
  slot('underlyingSecurityTitle', 'text', 0.8),
  slot('underlyingShares', 'number', 0.8, 0.3),
];

/** The last columns of Tables I and II on Forms 4/5: owned after, D/I, nature of ownership. */
const OWNED_AND_NATURE = (): Slot[] => [slot('sharesOwnedFollowing', 'number', 1, 1), slot('directOrIndirect', 'di', 1), slot('natureOfOwnership', 'text', 0)];

/** Column grammars, in the order the form prints the columns (docs §2). */
const GRAMMARS = {
  tableITransaction: (form: FormDigit): Slot[] => [
    slot('securityTitle', 'text', 2),
    slot('transactionDate', 'date', 1.5, 1),
    slot('deemedExecutionDate', 'date', 0, 1),
    slot('transactionCode', 'code', 1.2),
    ...(form === '4' ? [slot('v', 'v', 0)] : []),
    slot('shares', 'number', 1.2, 1),
    slot('acquiredDisposed', 'ad', 1),
    slot('pricePerShare', 'money', 0.6, 0.15),
    ...OWNED_AND_NATURE(),
  ],
  tableIHolding: (): Slot[] => [
    slot('securityTitle', 'text', 2),
    slot('sharesOwnedFollowing', 'number', 1, 0.8),
    slot('directOrIndirect', 'di', 1),
    slot('natureOfOwnership', 'text', 0),
  ],
  tableIITransaction: (form: FormDigit): Slot[] => [
    slot('securityTitle', 'text', 2),
    slot('conversionOrExercisePrice', 'money', 0.6, 0.15),
    slot('transactionDate', 'date', 1.5, 1),
    slot('deemedExecutionDate', 'date', 0, 1),
    slot('transactionCode', 'code', 1.2),
    ...(form === '4' ? [slot('v', 'v', 0)] : []),
    slot('sharesA', 'number', 0.3, 1),
    slot('sharesD', 'number', 0.3, 1),
    ...DERIVATIVE_TERMS(),
    slot('pricePerShare', 'money', 0.6, 0.15),
    ...OWNED_AND_NATURE(),
  ],
  tableIIHolding: (): Slot[] => [slot('securityTitle', 'text', 2), slot('conversionOrExercisePrice', 'money', 0.6, 0.15), ...DERIVATIVE_TERMS(), ...OWNED_AND_NATURE()],
  form3TableII: (): Slot[] => [
    slot('securityTitle', 'text', 2),
    slot('dateExercisable', 'date', 0.5, 0.1),
    slot('expirationDate', 'date', 0.5, 0.1),
    slot('underlyingSecurityTitle', 'text', 0.8),
    slot('underlyingShares', 'number', 0.8, 0.3),
    slot('conversionOrExercisePrice', 'money', 0.6, 0.15),
    slot('directOrIndirect', 'di', 1),
    slot('natureOfOwnership', 'text', 0),
  ],
};

interface Variant {
  kind: 'transaction' | 'holding';
  slots: Slot[];
}

/** Grammars are constant: built once per table and form (alignment plans are kept per grammar). */
const variantCache = new Map<string, Variant[]>();

export function variantsFor(table: TableName, form: FormDigit): Variant[] {
  const key = table + form;
  let variants = variantCache.get(key);
  if (!variants) variantCache.set(key, (variants = buildVariants(table, form)));
  return variants;
}

function buildVariants(table: TableName, form: FormDigit): Variant[] {
  if (form === '3') {
    return table === 'nonDerivative'
      ? [{ kind: 'holding', slots: GRAMMARS.tableIHolding() }]
      : [{ kind: 'holding', slots: GRAMMARS.form3TableII() }];
  }
  return table === 'nonDerivative'
    ? [
        { kind: 'transaction', slots: GRAMMARS.tableITransaction(form) },
        { kind: 'holding', slots: GRAMMARS.tableIHolding() },
      ]
    : [
        { kind: 'transaction', slots: GRAMMARS.tableIITransaction(form) },
        { kind: 'holding', slots: GRAMMARS.tableIIHolding() },
      ];
}

// ---------------------------------------------------------------------------------------------
// Logical rows.

interface RowCell {
  /** Column identity: grid/tab column, or the character offset in fixed-width text. */
  col: number;
  start: number;
  end: number;
  tokens: Token[];
}

interface LogicalRow {
  lines: PLine[];
  cells: RowCell[];
  bordered: boolean;
}

/** Character centres of Table II's "(A)" and "(D)" sub-column headers in fixed-width text. */
interface SubColumns {
  a?: number;
  d?: number;
  /** The dash runs of a simple table's column rule above them: the columns' extents (pandoc). */
  runs?: [number, number][];
}

/**
 * The sub-column captions "(A)" and "(D)" standing on their own: not the end of a phrase one
 * space before ("Acquired (A)", "Direct (D)", "Disposed of (D)" in the column headers).
 */
const SUB_COLUMN_A = /(?<=^|\s)(?<![A-Za-z] )\(A\)(?=\s|$)/;
const SUB_COLUMN_D = /(?<=^|\s)(?<![A-Za-z] )\(D\)(?=\s|$)/;

function findSubColumns(lines: PLine[]): SubColumns {
  let runs: [number, number][] | undefined;
  for (const l of lines) {
    if (l.hasBorders) continue;
    if (l.rule) runs = dashRuns(l.raw) ?? runs;
    const a = SUB_COLUMN_A.exec(l.masked);
    const d = SUB_COLUMN_D.exec(l.masked);
    if (a && d && d.index > a.index) return { a: a.index + 1.5, d: d.index + 1.5, runs };
  }
  return {};
}

/** The runs of a column rule ("  ----- --- -----"): at least two, dashes and single spaces only. */
function dashRuns(raw: string): [number, number][] | null {
  const runs: [number, number][] = [];
  let i = 0;
  while (i < raw.length && raw.charCodeAt(i) === 32) i++;
  while (i < raw.length && raw.charCodeAt(i) === 45) {
    const start = i;
    while (i < raw.length && raw.charCodeAt(i) === 45) i++;
    runs.push([start, i]);
    if (raw.charCodeAt(i) === 32 && raw.charCodeAt(i + 1) === 45) i++;
  }
  while (i < raw.length && raw.charCodeAt(i) === 32) i++;
  return i === raw.length && runs.length >= 2 ? runs : null;
}

function isValueToken(t: Token): boolean {
  return t.type === 'date' || t.type === 'number' || t.type === 'money';
}

/** Column numbers printed in headers ("1.", "2A.", "10.") are not amounts. */
const COLUMN_NUMBER_RE = /(^|[\s\t])(\d{1,2}A?\.)(?=\s*[A-Z(]|\s+\d{1,2}A?\.|\s*\t|\s*$)/g;

/** Blanks glued column-header fragments and column numbers. */
function blankHeaderText(masked: string): string {
  const glued = blankGluedHeaders(masked);
  const text = glued.replace(COLUMN_NUMBER_RE, (_m, lead: string, num: string) => lead + ' '.repeat(num.length));
  return glued === masked ? text : blankNumbersOfBlankedLabels(masked, text);
}

/** A column number whose label was blanked as a glued header ("6. Date Exercisable and ..."). */
const NUMBERED_LABEL_RE = /(^|\s)(\d{1,2}A?\.)\s+(?=[A-Z(])/g;

/**
 * Flattened header paragraphs (lynx) wrap anywhere: "of (D) (Instr. 3, 4 and 5) 6. Date Exercisable
 * and Expiration Date". A column number whose label was blanked is blanked too.
 */
function blankNumbersOfBlankedLabels(masked: string, text: string): string {
  let out = '';
  let done = 0;
  NUMBERED_LABEL_RE.lastIndex = 0;
  for (let m = NUMBERED_LABEL_RE.exec(masked); m; m = NUMBERED_LABEL_RE.exec(masked)) {
    const at = m.index + m[1].length;
    if (text[m.index + m[0].length] !== ' ' || !text.startsWith(m[2], at)) continue;
    out += text.slice(done, at) + ' '.repeat(m[2].length);
    done = at + m[2].length;
  }
  return done ? out + text.slice(done) : text;
}

/** A table line with glued column-header fragments and column numbers blanked out. */
function valueText(line: PLine): string {
  return (line.facts.valueText ??= blankHeaderText(line.masked));
}

/** Column-header words in the line's value text. */
function valueWords(line: PLine): number {
  return (line.facts.headerWords ??= headerWordCount(valueText(line)));
}

function tokenizeLine(line: PLine): RowCell[] {
  const masked = valueText(line);
  const cells = splitCells({ text: masked, bordered: line.maskedLine.bordered });
  return cells.map((c, i) => ({
    col: line.hasBorders ? c.col : c.start,
    start: c.start,
    end: c.end,
    tokens: tokenizeCell(masked, c, i, line.line),
  }));
}

/** Whether a line only labels columns (many header words and no date). */
function labelsColumns(line: PLine): boolean {
  const words = valueWords(line);
  if (words < 2) return false;
  const text = valueText(line);
  const bordered = line.maskedLine.bordered;
  let values = 0;
  for (const [i, c] of splitCells({ text, bordered }).entries()) {
    for (const t of tokenizeCell(text, c, i, 0)) {
      if (t.type === 'date') return false;
      if (isValueToken(t)) values++;
    }
  }
  return values < 2 ? true : words >= 4 && values < 3;
}

/** A line that only labels columns (pure in the line's text, so kept with its facts). */
function isHeaderText(line: PLine): boolean {
  return (line.facts.labelsColumns ??= labelsColumns(line));
}

/** Appends a wrapped line's text to the cells it sits under. */
function mergeContinuation(row: LogicalRow, cells: RowCell[]): void {
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

/**
 * Adds text that continues a cell on a later line. A cell that held only its empty placeholder
 * (links centres a cell's text vertically; an HTML `<td>` alone on its line) takes the text instead.
 */
function addCellText(cell: RowCell, tokens: readonly Token[]): void {
  const text = tokens.filter((t) => t.type !== 'empty');
  if (!text.length) return;
  if (cell.tokens.every((t) => t.type === 'empty')) cell.tokens = text;
  else cell.tokens.push(...text);
}

/** A drawn grid row (between rules) that only labels columns. */
function isHeaderGroup(row: LogicalRow): boolean {
  const tokens = row.cells.flatMap((c) => c.tokens);
  if (tokens.some((t) => t.type === 'date')) return false;
  const values = tokens.filter(isValueToken).length;
  const words = row.lines.reduce((n, l) => n + valueWords(l), 0);
  return words >= 3 && words >= values;
}

/**
 * Fixed width: a line whose text sits only under the current row's text cells (a wrapped
 * "value $0.01 per share" under "Common Stock, par") continues that row, even with a number in it.
 */
function continuesTextCells(row: LogicalRow, cells: RowCell[]): boolean {
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
function continuesWrappedRow(row: LogicalRow, cells: RowCell[], width: number, flat: () => boolean): boolean {
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
function opensFlatRow(line: PLine, next: PLine | undefined, cells: RowCell[], width: number, flat: () => boolean): boolean {
  // A line of column labels ("Date Exercisable Expiration Date Title ...") opens no row.
  if (!next || line.hasBorders || valueWords(line) > 0) return false;
  if (!next.masked.trim() || nextWordFits(line.masked, next.masked, width) || !flat()) return false;
  const filled = cells.filter((c) => c.tokens.some((t) => t.type !== 'empty'));
  return filled.length === 1 && filled[0].tokens.find((t) => t.type !== 'empty')?.type === 'word';
}

/** Letters after these words name a class of securities ("Class D", "Series I"), not a D/I column. */
const CLASS_WORD_RE = /^(?:Class|Series|Tranche|Type)$/i;

/**
 * A holding whose amount was lost still reads as a row: its title first, then the ownership
 * form, D or I, in a cell of its own ("Ordinary Shares | | D"), or in flattened text after the
 * title ("Class A Common Stock I See Footnote^(4)"; `flat`: the table's rows are one cell each).
 */
function readsAsHolding(cells: RowCell[], flat: () => boolean): boolean {
  const filled = cells.map((c) => c.tokens.filter((t) => t.type !== 'empty' && t.type !== 'ref')).filter((ts) => ts.length);
  if (!filled.length || filled[0][0].type !== 'word') return false;
  // "(I)" alone is the column header's "Indirect (I)".
  const isDI = (t: Token) => t.type === 'letter' && !t.paren && (t.text === 'D' || t.text === 'I');
  if (filled.length > 1) return filled.slice(1).some((ts) => ts.length === 1 && isDI(ts[0]));
  const ts = filled[0];
  for (let k = 1; k < ts.length; k++) {
    if (!isDI(ts[k]) || ts[k - 1].type !== 'word' || CLASS_WORD_RE.test(ts[k - 1].text)) continue;
    if (ts.slice(k + 1).every((t) => t.type === 'word') && flat()) return true;
  }
  return false;
}

function hasValues(cells: RowCell[]): boolean {
  return cells.some((c) => c.tokens.some(isValueToken));
}

/**
 * Groups a table's lines into logical rows. Drawn grids (w3m, pandoc, html2text) wrap a row's
 * cells over several lines between two rules: such a group is one row, read as a whole (a header
 * fragment like "(Instr. 3, 4" / "and 5)" only makes sense joined). Other layouts are read line
 * by line, with text-only lines under a row taken as its wrapped cells.
 */
/**
 * HTML tables: a row runs from <tr> to </tr> over any number of lines; every <td>/<th> (a tab
 * after masking) opens a cell, and text on a line without one continues the cell before.
 */
function htmlRows(lines: PLine[]): LogicalRow[] {
  const rows: LogicalRow[] = [];
  let current: LogicalRow | null = null;
  for (const line of lines) {
    if (line.directive) continue;
    if (/<tr\b/i.test(line.raw)) {
      current = { lines: [], cells: [], bordered: true };
      rows.push(current);
    }
    if (!current) continue;
    current.lines.push(line);
    let lastCol = -1;
    for (const c of tokenizeLine(line)) {
      // Only a <td>/<th> (a tab after masking) opens a cell: a line without one continues the
      // cell before, whatever the offsets of its words ("<td>" / "<span>$</span><span>0</span>").
      const opens = line.hasBorders && c.col !== 0 && c.col !== lastCol;
      if (opens) current.cells.push({ ...c, col: current.cells.length });
      else if (current.cells.length) addCellText(current.cells[current.cells.length - 1], c.tokens);
      lastCol = c.col;
    }
    if (/<\/tr>/i.test(line.raw)) current = null;
  }
  return rows.filter((r) => (hasValues(r.cells) || readsAsHolding(r.cells, () => false)) && !isHeaderGroup(r));
}

/**
 * Pipe rows without outer pipes, each ending with a markdown hard break (html2text:
 * `Stock | 12/13/2022 | M  `): a row line without the break was wrapped at the tool's width.
 */
function bareRowTable(lines: PLine[]): boolean {
  for (const l of lines) {
    const raw = l.raw;
    if (!raw.endsWith('  ') || !l.hasBorders || !raw.includes('|')) continue;
    // Outer pipes on both sides are a markdown pipe table's own row.
    if (raw.trimStart().charCodeAt(0) !== 124 || raw.trimEnd().charCodeAt(raw.trimEnd().length - 1) !== 124) return true;
  }
  return false;
}

/** A table line that html2text wrapped: its row goes on on the next line. */
function softWrapped(line: PLine): boolean {
  return !line.rule && !line.raw.endsWith('  ');
}

/**
 * A wrapped pipe row's next line: its first cell goes on with the row's last cell (the wrap
 * fell inside it, or right after or before its `|`), its later cells follow.
 */
function appendWrappedCells(row: LogicalRow, cells: RowCell[], bordered: boolean): void {
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
 * A rule between two pipe-drawn rows with `+` where it crosses the columns (links:
 * `|------+-----|`): the table is a drawn grid whose rows wrap between rules, not a markdown
 * pipe table (whose alignment row never crosses with `+`).
 */
function crossedPipeRule(line: PLine): boolean {
  const raw = line.raw;
  return raw.includes('-+-') && /^\s*\|-+(?:\+-+)+\|/.test(raw);
}

function logicalRows(lines: PLine[]): LogicalRow[] {
  if (lines.some((l) => /<tr\b/i.test(l.raw)) && lines.some((l) => /<td\b/i.test(l.raw))) return htmlRows(lines);
  // Markdown pipe tables (an alignment row "|---|:---|") keep every row on one line.
  const pipeTable = lines.some((l) => /^\s*(?:\|\s*)?:?-{3,}:?\s*\|/.test(l.raw)) && !lines.some(crossedPipeRule);
  const rows: LogicalRow[] = [];
  let current: LogicalRow | null = null;
  let currentHasValues = false;
  // The widest line: flattened text (lynx) wraps every long line, header paragraphs too, here.
  let width = 0;
  for (const l of lines) width = Math.max(width, l.masked.trimEnd().length);
  let flatTable: boolean | undefined;
  const flat = () => (flatTable ??= !lines.some((l) => l.hasBorders || /\S {2,}\S/.test(l.masked.trim())));
  const close = () => {
    if (current && current.bordered && isHeaderGroup(current)) rows.pop();
    current = null;
    currentHasValues = false;
  };
  const bare = bareRowTable(lines);
  for (const [i, line] of lines.entries()) {
    if (line.directive) continue;
    if (bare && current && !line.rule && softWrapped(current.lines[current.lines.length - 1])) {
      // html2text wraps a long row at its width; the row goes on until a line's hard break.
      current.lines.push(line);
      appendWrappedCells(current, tokenizeLine(line), line.maskedLine.bordered);
      continue;
    }
    if (line.rule || isBoilerplate(line)) {
      // A drawn rule or a blank line closes a wrapped row.
      close();
      continue;
    }
    const readAsLine = !line.maskedLine.bordered || pipeTable;
    // Column-header lines come back in every filing: once a text is known to label columns
    // it is skipped without tokenizing it again.
    if (readAsLine && isHeaderText(line)) {
      close();
      continue;
    }
    const cells = tokenizeLine(line);
    const lineHasValues = hasValues(cells) || ((!current || readAsLine) && readsAsHolding(cells, flat));
    if (!readAsLine) {
      if (!current || !current.bordered) {
        close();
        current = { lines: [line], cells, bordered: true };
        rows.push(current);
      } else {
        current.lines.push(line);
        mergeContinuation(current, cells);
      }
      currentHasValues ||= lineHasValues;
      // html2text draws no rule between rows: a row's last line is underlined ("Stock___|").
      if (/[^\s|_]_+\||\|_+\|/.test(line.raw)) close();
      continue;
    }
    if (lineHasValues && !(current && !current.bordered && !line.hasBorders && (continuesTextCells(current, cells) || continuesWrappedRow(current, cells, width, flat)))) {
      close();
      current = { lines: [line], cells, bordered: line.hasBorders };
      currentHasValues = true;
      rows.push(current);
    } else if (current && !current.bordered) {
      current.lines.push(line);
      mergeContinuation(current, cells);
    } else if (!current && opensFlatRow(line, lines[i + 1], cells, width, flat)) {
      // Kept only if the lines after it bring the row's values.
      current = { lines: [line], cells, bordered: false };
      rows.push(current);
    }
  }
  close();
  return rows.filter((r) => hasValues(r.cells) || readsAsHolding(r.cells, flat));
}

// ---------------------------------------------------------------------------------------------
// Reading a row.

export interface ParsedRow {
  table: TableName;
  index: number;
  kind: 'transaction' | 'holding';
  record: NonDerivativeRow | DerivativeRow;
  /** The row's first line, from its first to its last character. */
  range: Range;
  lines: number[];
  fields: { field: FieldName; range: Range; raw: string }[];
  refs: { id: string; range: Range }[];
  /** Raw text of every date cell, for the invalid-date rule. */
  dates: { field: FieldName; raw: string; range: Range }[];
  /** Columns that hold only a footnote reference (a footnoted value). */
  footnoted: Set<string>;
  /** The code column exists but is empty or unreadable. */
  codeMissing: boolean;
  /** A letter in the code column that is not a transaction code. */
  unknownCode?: { code: string; range: Range };
  /** On a Form 3: the row reads as a transaction with this code (Form 3 reports holdings only). */
  form3Code?: { code: string; range: Range };
}

function tokenRange(t: Token): Range {
  return { start: { line: t.line, character: t.start }, end: { line: t.line, character: t.end } };
}

function fillRange(fill: SlotFill): Range | undefined {
  const ts = fill.tokens.filter((t) => t.type !== 'ref');
  const first = ts[0] ?? fill.tokens[0];
  if (!first) return undefined;
  const sameLine = (ts.length ? ts : fill.tokens).filter((t) => t.line === first.line);
  const last = sameLine[sameLine.length - 1];
  return { start: { line: first.line, character: first.start }, end: { line: first.line, character: last.end } };
}

function textOf(fill: SlotFill): string | null {
  const words = fill.tokens.filter((t) => t.type !== 'ref').map((t) => (t.type === 'money' ? `$${t.text}` : t.text));
  const text = words.join(' ').replace(/\s+/g, ' ').replace(/^[\s,;:]+|[\s,;:]+$/g, '').trim();
  return /[A-Za-z0-9]/.test(text) ? text : null;
}

function valueToken(fill: SlotFill | undefined): Token | undefined {
  return fill?.tokens.find((t) => t.type !== 'ref');
}

function numberOf(fill: SlotFill | undefined): number | null {
  const t = valueToken(fill);
  return t ? parseAmount(t.text) : null;
}

function dateOf(fill: SlotFill | undefined): string | null {
  const t = valueToken(fill);
  if (!t || t.type !== 'date') return null;
  return parseDateText(t.text)?.iso ?? null;
}

/**
 * An equity swap shows as a K beside the code in the code cell ("S(K)", "S K"); a K alone is the
 * code for a transaction in an equity swap, which involves one by definition. The K is looked for in
 * the code's own cell, since the alignment may leave it unplaced.
 */
function swapMarked(tokens: Token[], codeToken: Token | undefined, code: string): boolean {
  if (code === 'K') return true;
  if (!codeToken) return false;
  return tokens.some((t) => t !== codeToken && t.line === codeToken.line && t.cell === codeToken.cell && t.start >= codeToken.end && t.type === 'letter' && t.text === 'K');
}

function letterOf(fill: SlotFill | undefined): string | null {
  const t = valueToken(fill);
  if (!t) return null;
  if (t.type === 'letter') return t.text;
  if (/^direct$/i.test(t.text)) return 'D';
  if (/^indirect$/i.test(t.text)) return 'I';
  return null;
}

/** A transaction reading with no date, no code and no amount is a holding that kept its empty cells. */
function isEmptyTransaction(alignment: Alignment): boolean {
  const filled = (field: string) => alignment.fills.some((f) => f.slot.field === field && f.tokens.some((t) => t.type !== 'ref'));
  return !filled('transactionDate') && !filled('transactionCode') && !filled('shares') && !filled('sharesA') && !filled('sharesD');
}

function chooseAlignment(tokens: Token[], table: TableName, form: FormDigit): { alignment: Alignment; variant: Variant } {
  const readings = variantsFor(table, form).map((variant) => ({ alignment: align(tokens, variant.slots), variant }));
  let best = readings[0];
  for (const r of readings) if (r.alignment.cost < best.alignment.cost) best = r;
  if (best.variant.kind === 'transaction' && isEmptyTransaction(best.alignment)) {
    const holding = readings.find((r) => r.variant.kind === 'holding' && r.alignment.cost < Number.POSITIVE_INFINITY);
    if (holding) return holding;
  }
  return best;
}

/** The row's tokens in order, each numbered by its cell in the row (tokens are the row's own). */
function rowTokens(row: LogicalRow): Token[] {
  const tokens: Token[] = [];
  row.cells.forEach((c, i) => {
    for (const t of c.tokens) {
      t.cell = i;
      tokens.push(t);
    }
  });
  return tokens;
}

/** In fixed-width text the amount sits under "(A)" or "(D)"; only a close match decides. */
function directionByPosition(t: Token, sub: SubColumns): 'A' | 'D' | null {
  if (sub.a === undefined || sub.d === undefined) return null;
  // Columns drawn by dashes (pandoc's simple tables): the amount stands in the (A) or the (D) column.
  const runA = sub.runs?.find(([s, e]) => sub.a! >= s && sub.a! < e);
  const runD = sub.runs?.find(([s, e]) => sub.d! >= s && sub.d! < e);
  if (runA && runD && runA !== runD) {
    if (t.start >= runA[0] && t.start < runA[1]) return 'A';
    if (t.start >= runD[0] && t.start < runD[1]) return 'D';
  }
  const centre = (t.start + t.end) / 2;
  const da = Math.abs(centre - sub.a);
  const dd = Math.abs(centre - sub.d);
  const best = Math.min(da, dd);
  if (best > Math.max(6, (sub.d - sub.a) / 2)) return null;
  return da < dd ? 'A' : 'D';
}

/**
 * A Form 3 printed on a Form 4 template has a transaction-code column the Form 3 grammar lacks, so
 * the code reads as the title's last word ("Common Stock | G | 1,000"). It is a code when it is a
 * valid one and stands in a cell of its own, or the table's header labels a code column.
 */
function form3CodeInTitle(title: SlotFill | undefined, codeColumn: boolean): Token | undefined {
  const words = title?.tokens.filter((t) => t.type !== 'ref' && t.type !== 'empty') ?? [];
  const last = words[words.length - 1];
  const before = words[words.length - 2];
  if (!last || !before || last.type !== 'letter' || last.paren || !isTransactionCode(last.text)) return undefined;
  return codeColumn || last.cell !== before.cell ? last : undefined;
}

function buildRow(row: LogicalRow, table: TableName, form: FormDigit, index: number, sub: SubColumns, codeColumn = false): ParsedRow | null {
  const tokens = rowTokens(row);
  const { alignment, variant } = chooseAlignment(tokens, table, form);
  const fills = new Map<string, SlotFill>();
  for (const f of alignment.fills) fills.set(f.slot.field, f);
  const form3Letter = form === '3' && table === 'nonDerivative' ? form3CodeInTitle(fills.get('securityTitle'), codeColumn) : undefined;
  if (form3Letter) {
    const t = fills.get('securityTitle')!;
    fills.set('securityTitle', { ...t, tokens: t.tokens.filter((x) => x !== form3Letter) });
  }
  const title = fills.get('securityTitle');
  const filledValues = alignment.fills.filter((f) => f.slot.kind !== 'text' && f.tokens.some((t) => t.type !== 'ref')).length;
  if (!(title && textOf(title)) && filledValues < 3) return null;
  if (filledValues === 0) return null;

  const refs: ParsedRow['refs'] = [];
  for (const t of tokens) for (const r of t.refSpans) refs.push({ id: r.id, range: { start: { line: t.line, character: r.start }, end: { line: t.line, character: r.end } } });
  const footnoteIds = [...new Set(refs.map((r) => r.id))].sort((a, b) => Number(a) - Number(b));

  const fields: ParsedRow['fields'] = [];
  const dates: ParsedRow['dates'] = [];
  const footnoted = new Set<string>();
  for (const f of fills.values()) {
    if (f.footnoteOnly) footnoted.add(f.slot.field);
    const range = fillRange(f);
    const vt = valueToken(f);
    if (!range || !vt) continue;
    const field = (f.slot.field === 'sharesA' || f.slot.field === 'sharesD' ? 'shares' : f.slot.field === 'v' ? 'reportedEarly' : f.slot.field) as FieldName;
    const raw = f.tokens.filter((t) => t.type !== 'ref').map((t) => (t.type === 'money' ? `$${t.text}` : t.text)).join(' ');
    fields.push({ field, range, raw });
    if (f.slot.kind === 'date' && vt.type === 'date') dates.push({ field, raw: vt.text, range: tokenRange(vt) });
  }

  const code = variant.kind === 'transaction' ? letterOf(fills.get('transactionCode')) : null;
  const codeToken = valueToken(fills.get('transactionCode'));
  const hasVColumn = form === '4';
  // The V column of a transaction row: marked or empty. With the code lost, a "V" there is as
  // likely the "Code V" header glued into the cells (the code cell reads "Code"), so it stays unknown.
  const vMarked = valueToken(fills.get('v')) !== undefined;
  const reportedEarly = variant.kind === 'transaction' && hasVColumn ? (vMarked ? (code !== null ? true : null) : false) : null;
  const equitySwapInvolved = variant.kind === 'transaction' && code !== null ? swapMarked(tokens, codeToken, code) : null;
  const di = letterOf(fills.get('directOrIndirect'));
  const directOrIndirect = di === 'D' || di === 'I' ? di : null;
  const nature = fills.get('natureOfOwnership');

  let record: NonDerivativeRow | DerivativeRow;
  if (table === 'nonDerivative') {
    const ad = variant.kind === 'transaction' ? letterOf(fills.get('acquiredDisposed')) : null;
    record = {
      kind: variant.kind,
      securityTitle: title ? textOf(title) : null,
      transactionDate: variant.kind === 'transaction' ? dateOf(fills.get('transactionDate')) : null,
      deemedExecutionDate: variant.kind === 'transaction' ? dateOf(fills.get('deemedExecutionDate')) : null,
      transactionCode: code,
      equitySwapInvolved,
      reportedEarly,
      shares: variant.kind === 'transaction' ? numberOf(fills.get('shares')) : null,
      acquiredDisposed: ad === 'A' || ad === 'D' ? ad : null,
      pricePerShare: variant.kind === 'transaction' ? numberOf(fills.get('pricePerShare')) : null,
      sharesOwnedFollowing: numberOf(fills.get('sharesOwnedFollowing')),
      directOrIndirect,
      natureOfOwnership: nature ? textOf(nature) : null,
      footnoteIds,
    };
  } else {
    const a = valueToken(fills.get('sharesA'));
    const d = valueToken(fills.get('sharesD'));
    const amount = a ?? d;
    // Which sub-column holds the amount tells the direction, but only where the row kept its
    // empty cells (tabbed and grid text) or a glued "(A)"/"(D)" says so; flattened text loses it.
    const keptEmptyCells = tokens.some((t) => t.type === 'empty');
    let acquiredDisposed: 'A' | 'D' | null = null;
    if (amount?.marker) acquiredDisposed = amount.marker;
    else if (amount && keptEmptyCells) acquiredDisposed = a ? 'A' : 'D';
    else if (amount && !row.bordered) acquiredDisposed = directionByPosition(amount, sub);
    record = {
      kind: variant.kind,
      securityTitle: title ? textOf(title) : null,
      conversionOrExercisePrice: numberOf(fills.get('conversionOrExercisePrice')),
      transactionDate: variant.kind === 'transaction' ? dateOf(fills.get('transactionDate')) : null,
      deemedExecutionDate: variant.kind === 'transaction' ? dateOf(fills.get('deemedExecutionDate')) : null,
      transactionCode: code,
      equitySwapInvolved,
      reportedEarly,
      shares: variant.kind === 'transaction' && amount ? parseAmount(amount.text) : null,
      acquiredDisposed: variant.kind === 'transaction' ? acquiredDisposed : null,
      dateExercisable: dateOf(fills.get('dateExercisable')),
      expirationDate: dateOf(fills.get('expirationDate')),
      underlyingSecurityTitle: fills.get('underlyingSecurityTitle') ? textOf(fills.get('underlyingSecurityTitle')!) : null,
      underlyingShares: numberOf(fills.get('underlyingShares')),
      pricePerShare: variant.kind === 'transaction' ? numberOf(fills.get('pricePerShare')) : null,
      sharesOwnedFollowing: form === '3' ? null : numberOf(fills.get('sharesOwnedFollowing')),
      directOrIndirect,
      natureOfOwnership: nature ? textOf(nature) : null,
      footnoteIds,
    };
  }
  const first = row.lines[0];
  const lineStart = first.masked.length - first.masked.trimStart().length;
  const range: Range = {
    start: { line: first.line, character: lineStart },
    end: { line: first.line, character: first.masked.trimEnd().length },
  };
  const parsed: ParsedRow = {
    table,
    index,
    kind: variant.kind,
    record,
    range,
    lines: row.lines.map((l) => l.line),
    fields,
    refs,
    dates,
    footnoted,
    codeMissing: variant.kind === 'transaction' && code === null,
  };
  if (codeToken && codeToken.type === 'letter' && code && !isTransactionCode(code)) {
    parsed.unknownCode = { code, range: tokenRange(codeToken) };
  }
  if (form3Letter) parsed.form3Code = { code: form3Letter.text, range: tokenRange(form3Letter) };
  else if (form === '3') {
    // Read the row as a Form 4 row too: when that fits clearly better and has a code, the filer
    // reported a transaction on a form that has no column for it.
    const asForm4 = align(tokens, variantsFor(table, '4')[0].slots);
    const code4 = asForm4.fills.find((f) => f.slot.field === 'transactionCode');
    const t = valueToken(code4);
    if (t && t.type === 'letter' && asForm4.cost + 0.5 < alignment.cost) parsed.form3Code = { code: t.text, range: tokenRange(t) };
  }
  return parsed;
}

/** Reads the data rows of one table's lines. */
export function parseTable(lines: PLine[], table: TableName, form: FormDigit): ParsedRow[] {
  const out: ParsedRow[] = [];
  const sub = table === 'derivative' ? findSubColumns(lines) : {};
  // A Form 3 Table I whose header labels a transaction-code column (a Form 4 template).
  const codeColumn = form === '3' && table === 'nonDerivative' && lines.some((l) => /\bTransaction\s+Code\b/i.test(l.masked) && isHeaderText(l));
  for (const row of logicalRows(lines)) {
    const parsed = buildRow(row, table, form, out.length, sub, codeColumn);
    if (parsed) out.push(parsed);
  }
  return out;
}
