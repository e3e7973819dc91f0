/**
 * Table I and Table II: finding the data rows among header lines and boilerplate, rejoining
 * cells that wrapped onto following lines, and reading each row through the form's column
 * grammar (see align.ts).
 */
import type { DerivativeRow, FieldName, NonDerivativeRow, Range } from '../types';
import { splitCells, tokenizeCell, parseAmount, referenceOnValuesLine, type Token } from '../text/cells';
import { LABEL_PATTERNS, LONE_COLUMN_CAPTIONS } from '../vocabulary/wording';

/**
 * The transaction-code column's label ("Transaction Code", "Code (Instr. 8)"), from its printed
 * texts: the words, or "Code" and its instruction's number with any space in the parentheses.
 */
const CODE_COLUMN_LABEL_RE = (() => {
  const [words, code] = [LABEL_PATTERNS['col.transactionCode'][1], LABEL_PATTERNS['col.transactionCode'][2]];
  const [codeWord, instr, number] = code.replace(/[().]/g, ' ').trim().split(/\s+/);
  // A drawn grid wraps the label inside its cell: "Code" alone in a cell of a header line.
  return new RegExp(String.raw`\b${phrasePattern(words)}\b|\b${codeWord}\s*\(\s*${instr}\.?\s*${number}\s*\)|(?:^|\t)[^\S\t]*${codeWord}[^\S\t]*(?=\t|$)`, 'i');
})();
import { align, alignEach, type Alignment, type Slot, type SlotFill } from './align';
import { parseDateText } from './dates';
import type { PLine } from './prepare';
import { readTableRows, type LayoutProblem, type LogicalRow as ReadRow, type RowCell, type RowJudge } from '../layout';
import { blankGluedHeaders, headerWordCount, isBoilerplate } from './vocabulary';
import { isTransactionCode } from '../domain/codes';
import { FactsMemo } from '../text/memo';
import { fuzzyWord, phrasePattern } from '../vocabulary/patterns';
import { letterGluedToReference } from '../domain/ocr';

export type TableName = 'nonDerivative' | 'derivative';

/** Why a reference is reported unread: OCR left its mark, not its number. */
export const UNREAD_REFERENCE = 'a footnote reference whose number OCR lost';
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

type LogicalRow = ReadRow<PLine>;

/** Character centres of Table II's "(A)" and "(D)" sub-column headers in fixed-width text. */
interface SubColumns {
  a?: number;
  d?: number;
  /** The dash runs of a simple table's column rule above them: the columns' extents. */
  runs?: [number, number][];
  /** Centres of Table II's date sub-captions "Exercisable" and "Expiration" (their lowest lines). */
  exercisable?: number;
  expiration?: number;
  /** Where the numbered labels of the transaction date ("2.") and the deemed date ("2A.") start. */
  transactionDate?: number;
  deemedDate?: number;
}

/**
 * The sub-column captions "(A)" and "(D)" standing on their own: not the end of a phrase one
 * space before ("Acquired (A)", "Direct (D)", "Disposed of (D)" in the column headers).
 */
const SUB_COLUMN_A = /(?<=^|\s)(?<![A-Za-z] )\(A\)(?=\s|$)/;
const SUB_COLUMN_D = /(?<=^|\s)(?<![A-Za-z] )\(D\)(?=\s|$)/;

/** The deemed date's numbered label ("2A." in Table I, "3A." in Table II) as it starts its column. */
const DEEMED_LABEL_RE = /(?<=^|\s)(\d)A\.\s/;

/**
 * Which of the two transaction dates a lone date stands under in text laid out with spaces: the
 * deemed date's column starts at its label ("2A."), the transaction date's at the label before it.
 */
function transactionDateByPosition(t: Token, sub: SubColumns): 'transactionDate' | 'deemedExecutionDate' | null {
  if (sub.transactionDate === undefined || sub.deemedDate === undefined || sub.deemedDate - sub.transactionDate < 8) return null;
  return t.start >= sub.deemedDate - 1 ? 'deemedExecutionDate' : 'transactionDate';
}

const EXERCISABLE_RE = new RegExp(`\\b${fuzzyWord('Exercisable', true)}\\b`, 'i');
const EXPIRATION_RE = new RegExp(`\\b${fuzzyWord('Expiration', true)}\\b`, 'i');

function findSubColumns(lines: PLine[]): SubColumns {
  let runs: [number, number][] | undefined;
  let out: SubColumns | undefined;
  let exercisable: number | undefined;
  let expiration: number | undefined;
  let dates: { transactionDate: number; deemedDate: number } | undefined;
  for (const l of lines) {
    if (l.hasBorders) continue;
    if (!dates) {
      const deemed = DEEMED_LABEL_RE.exec(l.masked);
      const own = deemed ? new RegExp(String.raw`(?<=^|\s)${deemed[1]}\.`).exec(l.masked.slice(0, deemed.index)) : null;
      if (deemed && own) dates = { transactionDate: own.index, deemedDate: deemed.index };
    }
    // The date sub-captions stand below the column's label: the lowest of each is theirs.
    const ex = EXERCISABLE_RE.exec(l.masked);
    if (ex) exercisable = ex.index + ex[0].length / 2;
    const exp = EXPIRATION_RE.exec(l.masked);
    if (exp) expiration = exp.index + exp[0].length / 2;
    if (out) continue;
    if (l.rule) runs = dashRuns(l.raw) ?? runs;
    const a = SUB_COLUMN_A.exec(l.masked);
    const d = SUB_COLUMN_D.exec(l.masked);
    if (a && d && d.index > a.index) out = { a: a.index + 1.5, d: d.index + 1.5, runs };
  }
  return { ...out, ...dates, ...(exercisable !== undefined && expiration !== undefined ? { exercisable, expiration } : {}) };
}

/**
 * Which of Table II's two date columns a lone date stands under in text laid out with spaces, by
 * the sub-captions' centres; null when the captions stand too close to tell (the column's label
 * wrapped, no sub-captions) or the date is far from both.
 */
function dateColumnByPosition(t: Token, sub: SubColumns): 'dateExercisable' | 'expirationDate' | null {
  if (sub.exercisable === undefined || sub.expiration === undefined) return null;
  const gap = Math.abs(sub.expiration - sub.exercisable);
  if (gap < 6) return null;
  const centre = (t.start + t.end) / 2;
  const de = Math.abs(centre - sub.exercisable);
  const dx = Math.abs(centre - sub.expiration);
  if (Math.min(de, dx) > Math.max(6, gap)) return null;
  return de < dx ? 'dateExercisable' : 'expirationDate';
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
 * Flattened header paragraphs wrap anywhere: "of (D) (Instr. 3, 4 and 5) 6. Date Exercisable
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

// Per line text (see FactsMemo): the value text, its header words, whether it only labels columns.
interface TableLineFacts {
  valueText: string;
  headerWords?: number;
  labelsColumns?: boolean;
}
/** One record of this stage's facts per line facts record: one lookup answers all three questions. */
const tableFacts = new FactsMemo<TableLineFacts>();

function tableFactsOf(line: PLine): TableLineFacts {
  return tableFacts.get(line.facts, () => ({ valueText: blankHeaderText(line.masked) }));
}

/** A table line with glued column-header fragments and column numbers blanked out. */
function valueText(line: PLine): string {
  return tableFactsOf(line).valueText;
}

/** Column-header words in the line's value text. */
function valueWords(line: PLine): number {
  const f = tableFactsOf(line);
  return (f.headerWords ??= headerWordCount(f.valueText));
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
    const tokens = tokenizeCell(text, c, i, 0);
    for (const [k, t] of tokens.entries()) {
      if (t.type === 'date') return false;
      // An ownership form opening its cell (alone, or before its nature) is a value; the header's
      // "(D)" and "(I)" are in parentheses.
      if (isValueToken(t) || (k === 0 && t.type === 'letter' && !t.paren && (t.text === 'D' || t.text === 'I'))) values++;
    }
  }
  return values < 2 ? true : words >= 4 && values < 3;
}

/** A line that only labels columns (pure in the line's text, so kept with its facts). */
function isHeaderText(line: PLine): boolean {
  const f = tableFactsOf(line);
  return (f.labelsColumns ??= labelsColumns(line));
}

/** Letters after these words name a class of securities ("Class D", "Series I"), not a D/I column. */
const CLASS_WORD_RE = /^(?:Class|Series|Tranche|Type)$/i;

/**
 * A holding whose amount was lost still reads as a row: its title first, then the ownership
 * form, D or I, in a cell of its own ("Ordinary Shares | | D"), or in flattened text after the
 * title ("Class A Common Stock I See Footnote^(4)"; `flat`: the table's rows are one cell each).
 */
function readsAsHolding(cells: RowCell[], flat: () => boolean, alone = false): boolean {
  const filled = cells.map((c) => c.tokens.filter((t) => t.type !== 'empty' && t.type !== 'ref')).filter((ts) => ts.length);
  if (!filled.length || filled[0][0].type !== 'word') return false;
  // "(I)" alone is the column header's "Indirect (I)".
  const isDI = (t: Token) => t.type === 'letter' && !t.paren && (t.text === 'D' || t.text === 'I');
  if (filled.length > 1 && filled.slice(1).some((ts) => ts.length === 1 && isDI(ts[0]))) return true;
  // Every value lost (the converter dropped the amount and the form): a line standing alone with
  // the title in the first column, then words only in a later one (the underlying security's
  // title, the nature). Column labels never get here (header lines are skipped first); a
  // flattened row has one cell; a line under a row is that row's wrapped text.
  if (alone && filled.length > 1 && !flat()) {
    const first = cells.find((c) => c.tokens.some((t) => t.type !== 'empty' && t.type !== 'ref'));
    const bordered = cells.length > 1 && cells[0]!.col === 0 && cells[1]!.col === 1;
    if (bordered && first !== cells[0]) return false;
    return filled.slice(1).every((ts) => ts.every((t) => t.type === 'word')) && filled[0].every((t) => t.type === 'word' || t.type === 'letter');
  }
  if (filled.length > 1) return false;
  const ts = filled[0];
  for (let k = 1; k < ts.length; k++) {
    if (!isDI(ts[k]) || ts[k - 1].type !== 'word' || CLASS_WORD_RE.test(ts[k - 1].text)) continue;
    if (ts.slice(k + 1).every((t) => t.type === 'word') && flat()) return true;
  }
  return false;
}

/** What the row reader (layout/rows.ts) asks of the form. */
export const ROW_JUDGE: RowJudge<PLine> = {
  cells: tokenizeLine,
  labelsColumns: isHeaderText,
  boilerplate: isBoilerplate,
  headerWords: valueWords,
  holding: readsAsHolding,
};

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
  /** Each reference with the record field whose value it annotates (see {@link refFields}). */
  refs: { id: string; range: Range; field?: FieldName }[];
  /** References whose number OCR lost (a glyph where "(1)" was printed): which footnote, unknown. */
  unreadRefs: Range[];
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
  /** Values of the row's text that no column took (see {@link unplacedTokens}). */
  unplaced: Token[];
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

/**
 * A word of only dots, commas, quotes or a degree sign says nothing in a title or a nature: on a
 * printed page it is a speck or a rule's end that OCR read beside a cell's words ("Estate .
 * Planning", "See , Footnote"). Marks that carry meaning ("&", "-", "/") stay.
 */
const SPECK_RE = /^[.,;:'‘’`°·*]+$/;

/** A cell's rule OCR glued to the end of a word ("Common]", "Common}"): a word holds no unopened bracket. */
const GLUED_RULE_RE = /^([^[{(]*\p{L})[\]}|]+$/u;

/**
 * A space OCR lost beside a lone capital letter: "ClassA" is "Class A", "ACommon" is "A Common".
 * Only a single capital against a capitalised word: a name written in camel case ("PayPal") has
 * a word on both sides.
 */
function unglued(word: string): string {
  const rule = GLUED_RULE_RE.exec(word);
  const w = rule ? rule[1]! : word;
  return /^[A-Z][a-z]{2,}[A-Z]$/.test(w) ? `${w.slice(0, -1)} ${w.slice(-1)}` : /^[A-Z][A-Z][a-z]{2,}$/.test(w) ? `${w[0]} ${w.slice(1)}` : w;
}

function textOf(fill: SlotFill): string | null {
  const words = fill.tokens.filter((t) => t.type !== 'ref' && !(t.type === 'word' && SPECK_RE.test(t.text))).map((t) => (t.type === 'money' ? `$${t.text}` : t.type === 'word' ? unglued(t.text) : t.text));
  const text = words.join(' ').replace(/\s+/g, ' ').replace(/^[\s,;:]+|[\s,;:]+$/g, '').trim();
  return /[A-Za-z0-9]/.test(text) ? text : null;
}

/**
 * In a text column of a printed page read by OCR, a word ending in ")" that closes no "(" opened
 * before it in the column ("Trust)", a line "G)" or "ne)" under "See Footnotes") ends with a
 * superscript reference OCR read as a parenthesis and a glyph or two: the word (if any) stays, the
 * reference is unread. "(Class" / "A)" closes its parenthesis and stays text.
 */
function unclosedParenRefs(fill: SlotFill): SlotFill {
  let open = 0;
  let changed = false;
  const out: Token[] = [];
  for (const t of fill.tokens) {
    if (t.type === 'ref') {
      out.push(t);
      continue;
    }
    const opens = (t.text.match(/\(/g) ?? []).length;
    const closes = (t.text.match(/\)/g) ?? []).length;
    if (t.type === 'word' && open === 0 && opens === 0 && closes === 1 && t.text.endsWith(')')) {
      const body = t.text.slice(0, -1);
      changed = true;
      // A body of a letter or two (or a glyph) is the reference's own misread print.
      if (/^\p{L}{3,}$/u.test(body)) out.push({ ...t, text: body, end: t.end - 1 }, { ...t, type: 'ref', text: '', start: t.end - 1, refs: [], refSpans: [], unreadRef: true });
      else out.push({ ...t, type: 'ref', text: '', refs: [], refSpans: [], unreadRef: true });
      continue;
    }
    open = Math.max(0, open + opens - closes);
    out.push(t);
  }
  return changed ? { ...fill, tokens: out } : fill;
}

/**
 * A stacked row's nature whose words all stand on the lines around the values line, with a lone
 * number of a digit or two on the values line ("I 4" between "See" and "footnote"): that number is
 * the cell's reference mark OCR read without its parentheses (not always its own number: a
 * "(9)" reads "5"), so it is an unread reference, not words of the nature.
 */
function bareMarkInNature(fill: SlotFill, valuesLine: number): SlotFill {
  const onLine = fill.tokens.filter((t) => t.line === valuesLine && t.type !== 'ref');
  const t = onLine[0];
  if (onLine.length !== 1 || t!.type !== 'number' || !/^\d{1,2}$/.test(t!.text)) return fill;
  if (!fill.tokens.some((x) => x.line !== valuesLine && x.type === 'word' && /\p{L}{2}/u.test(x.text))) return fill;
  return { ...fill, tokens: fill.tokens.map((x) => (x === t ? { ...x, type: 'ref' as const, text: '', refs: [], refSpans: [], unreadRef: true } : x)) };
}

function valueToken(fill: SlotFill | undefined): Token | undefined {
  return fill?.tokens.find((t) => t.type !== 'ref');
}

function numberOf(fill: SlotFill | undefined): number | null {
  const t = valueToken(fill);
  return t ? parseAmount(t.text) : null;
}

/**
 * A price column's value. The form prints every price with its dollar sign; OCR of the printed page
 * (stacked rows) reads that sign as a 3 now and then ("30" for "$0", "346.92" for "$46.92"), so a
 * price there without its sign that begins with a 3 is the sign and the digits after it.
 */
function priceOf(fill: SlotFill | undefined, ocr: boolean): number | null {
  const t = valueToken(fill);
  if (!t) return null;
  if (ocr && t.type === 'number' && /^3\d/.test(t.text) && !t.text.includes(',')) return parseAmount(t.text.slice(1));
  return parseAmount(t.text);
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
  const variants = variantsFor(table, form);
  // Costs decide; only the alignments looked at are built.
  const plans = alignEach(tokens, variants.map((v) => v.slots));
  let best = 0;
  for (let i = 1; i < plans.length; i++) if (plans[i].cost < plans[best].cost) best = i;
  const alignment = plans[best].alignment();
  if (variants[best].kind === 'transaction' && isEmptyTransaction(alignment)) {
    const holding = variants.findIndex((v, i) => v.kind === 'holding' && plans[i].cost < Number.POSITIVE_INFINITY);
    if (holding >= 0) return { alignment: plans[holding].alignment(), variant: variants[holding] };
  }
  return { alignment, variant: variants[best] };
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

/**
 * The transaction code with its reference glued on by OCR ("Co 78,667", "S10) 18,251" after the
 * date): the code, its reference unread. Only where a code stands, between a date and an amount,
 * and only a valid code letter.
 */
function readGluedCodes(tokens: Token[]): Token[] {
  const read = (x: Token) => x.type !== 'empty' && x.type !== 'ref';
  let prev: Token | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!read(t)) continue;
    if (t.type === 'word' && prev?.type === 'date') {
      let j = i + 1;
      while (j < tokens.length && !read(tokens[j]!)) j++;
      const code = tokens[j]?.type === 'number' ? letterGluedToReference(t.text) : null;
      if (code && isTransactionCode(code)) tokens[i] = { ...t, type: 'letter', text: code, unreadRef: true };
    }
    prev = tokens[i];
  }
  return tokens;
}

/** The text columns of each table, in the order the form prints them. */
const TEXT_SLOTS: Record<TableName, string[]> = {
  nonDerivative: ['securityTitle', 'natureOfOwnership'],
  derivative: ['securityTitle', 'underlyingSecurityTitle', 'natureOfOwnership'],
};

function wordsOf(tokens: readonly Token[]): Token[] {
  return tokens.filter((t) => t.type !== 'ref' && t.type !== 'empty');
}

/** The width of a column's text on the values line: its words of two letters or more (OCR makes a "y" or "." of a rule). */
function textLength(tokens: readonly Token[]): number {
  const words = wordsOf(tokens).filter((t) => t.type === 'word' && /\p{L}.*\p{L}/u.test(t.text));
  return words.reduce((n, t) => n + t.text.length, 0) + Math.max(0, words.length - 1);
}

/**
 * A line of wrapped pieces of several narrow columns ("Class B Class A See" over a Table II row:
 * the title's, the underlying title's and the nature's first lines) split where a piece starts: a
 * word in capitals or an opening parenthesis after the first (a class letter stays with its word).
 */
function pieces(tokens: Token[]): Token[][] {
  const out: Token[][] = [];
  // Parentheses the current piece opened and the line closes: the words up to the closing one are
  // its own ("(Class A)"). One the line never closes ("Units (Class" over "A)") wrapped with its
  // cell and holds nothing together here.
  const closesAfter: boolean[] = new Array(tokens.length).fill(false);
  for (let i = tokens.length - 1, seen = false; i >= 0; i--) {
    closesAfter[i] = seen;
    const t = tokens[i]!;
    if (t.type === 'word' && t.text.includes(')')) seen = true;
  }
  let depth = 0;
  tokens.forEach((t, i) => {
    const opens = t.type === 'word' && /^[A-Z(]/.test(t.text) && depth === 0;
    if (!out.length || (opens && out[out.length - 1]!.some((x) => x.type !== 'ref'))) {
      out.push([t]);
      depth = 0;
    } else out[out.length - 1]!.push(t);
    if (t.type !== 'word') return;
    for (const ch of t.text) depth = ch === '(' ? depth + 1 : ch === ')' ? Math.max(0, depth - 1) : depth;
    if (depth > 0 && !closesAfter[i]) depth = 0;
  });
  return out;
}

/**
 * Stacked rows (OCR of a printed page, see layout/stacked.ts): the row's values line read alone
 * says where its text columns stand; each line of wrapped text above or below it goes into the
 * text column it continues, before (above) or after (below) that column's words on the values
 * line. Which column a line continues: the only one open (the nature of ownership only when the
 * row is held indirectly); in Table I, the one with no text on the values line, else the narrow
 * nature column unless the line is clearly wider than its text; in Table II, where its narrow columns share a line,
 * one piece each, in order.
 */
function stackedTokens(row: LogicalRow, main: Token[], table: TableName, form: FormDigit): Token[] {
  const st = row.stacked;
  if (!st || (!st.above.some((l) => l.length) && !st.below.some((l) => l.length))) return main;
  const { alignment } = chooseAlignment(main, table, form);
  const fills = new Map<string, SlotFill>();
  for (const f of alignment.fills) fills.set(f.slot.field, f);
  const indexOf = new Map<Token, number>();
  main.forEach((t, i) => indexOf.set(t, i));
  const order = alignment.fills.map((f) => f.slot.field);
  const slots = TEXT_SLOTS[table].filter((s) => fills.has(s));
  // Where each text column's words stand on the values line: [start, end) in `main`.
  const span = new Map<string, [number, number]>();
  for (const s of slots) {
    const idx = fills.get(s)!.tokens.map((t) => indexOf.get(t)).filter((i): i is number => i !== undefined);
    if (idx.length) {
      span.set(s, [Math.min(...idx), Math.max(...idx) + 1]);
      continue;
    }
    // An empty column stands after the last value of the columns before it (and its marks).
    let at = 0;
    for (const f of order.slice(0, order.indexOf(s))) for (const t of fills.get(f)!.tokens) at = Math.max(at, (indexOf.get(t) ?? -1) + 1);
    while (at < main.length && main[at]!.type === 'ref') at++;
    span.set(s, [at, at]);
  }
  const di = valueToken(fills.get('directOrIndirect'));
  const natureOpen = (di?.type === 'letter' && di.text === 'I') || wordsOf(fills.get('natureOfOwnership')?.tokens ?? []).length > 0;
  const open = slots.filter((s) => s !== 'natureOfOwnership' || natureOpen);
  const lengthOn = (s: string) => textLength(fills.get(s)?.tokens ?? []);
  const assign = (line: Token[]): [string, Token[]][] => {
    if (open.length === 1) return [[open[0]!, line]];
    if (table === 'nonDerivative') {
      const [title, nature] = [lengthOn('securityTitle'), lengthOn('natureOfOwnership')];
      if (!nature) return [['natureOfOwnership', line]];
      if (!title) return [['securityTitle', line]];
      // The title column is the wide one: it wraps only a line clearly wider than the nature's.
      return [[textLength(line) > nature + 10 ? 'securityTitle' : 'natureOfOwnership', line]];
    }
    const ps = pieces(line);
    // One piece in lower case goes on with a phrase: the nature's ("See" / "footnote") when the
    // row is held indirectly, else the title's ("(right to" / "buy)").
    const first = ps[0]?.find((t) => t.type !== 'ref');
    if (ps.length === 1 && first?.type === 'word' && /^[a-z]/.test(first.text)) return [[natureOpen ? 'natureOfOwnership' : 'securityTitle', line]];
    while (ps.length > open.length) ps.splice(0, 2, [...ps[0]!, ...ps[1]!]);
    return ps.map((p, k) => [open[k]!, p]);
  };
  // A line of one piece under several open columns of Table II could continue any of them. A
  // centred cell with no text on the values line has as many lines above it as below (an even
  // count, half on each side); one with text there, at most one more on either side. So such a
  // line goes to the column still short of lines on its side, nearest lines first; else to the
  // first column.
  const placed = new Map<Token[], [string, Token[]][]>();
  // A word of two letters or more is the column's text there; a price OCR misread ("s0") is not.
  const onAnchor = new Set(open.filter((s) => lengthOn(s) > 0));
  const count = { above: new Map<string, number>(), below: new Map<string, number>() };
  const flexible: { line: Token[]; side: 'above' | 'below' }[] = [];
  const lone = (line: Token[]) => table === 'derivative' && open.length > 1 && pieces(line).length === 1 && assign(line)[0]![0] === open[0];
  for (const [side, lines] of [['above', st.above], ['below', st.below]] as const) {
    for (const line of lines) {
      if (!line.length) continue;
      if (lone(line)) {
        flexible.push({ line, side });
        continue;
      }
      const parts = assign(line);
      placed.set(line, parts);
      for (const [s] of parts) count[side].set(s, (count[side].get(s) ?? 0) + 1);
    }
  }
  // Nearest first: the lines below from the top, the lines above from the bottom.
  const nearFirst = [...flexible.filter((f) => f.side === 'below'), ...flexible.filter((f) => f.side === 'above').reverse()];
  for (const { line, side } of nearFirst) {
    const other = side === 'above' ? 'below' : 'above';
    let best = open[0]!;
    let bestNeed = 0;
    for (const s of open) {
      const need = (count[other].get(s) ?? 0) - (count[side].get(s) ?? 0) - (onAnchor.has(s) ? 1 : 0);
      if (need > bestNeed) [best, bestNeed] = [s, need];
    }
    placed.set(line, [[best, line]]);
    count[side].set(best, (count[side].get(best) ?? 0) + 1);
  }
  const before = new Map<number, Token[]>();
  const after = new Map<number, Token[]>();
  const put = (m: Map<number, Token[]>, at: number, tokens: Token[]) => {
    const list = m.get(at);
    if (list) list.push(...tokens);
    else m.set(at, [...tokens]);
  };
  const place = (lines: Token[][], above: boolean) => {
    for (const line of lines) {
      if (!line.length) continue;
      for (const [s, tokens] of placed.get(line) ?? assign(line)) {
        const [start, end] = span.get(s)!;
        // The pieces join the column's cell, so the alignment reads them as one text.
        const cell = main[above ? start : end - 1]?.cell ?? main[start]?.cell ?? 0;
        for (const t of tokens) t.cell = cell;
        // An empty column's lines all stand at one place: those from above first.
        if (above || start === end) put(before, start, tokens);
        else put(after, end, tokens);
      }
    }
  };
  place(st.above, true);
  place(st.below, false);
  const out: Token[] = [];
  for (let i = 0; i <= main.length; i++) {
    out.push(...(after.get(i) ?? []), ...(before.get(i) ?? []));
    if (i < main.length) out.push(main[i]!);
  }
  return out;
}

/** In fixed-width text the amount sits under "(A)" or "(D)"; only a close match decides. */
function directionByPosition(t: Token, sub: SubColumns): 'A' | 'D' | null {
  if (sub.a === undefined || sub.d === undefined) return null;
  // Columns drawn by dashes (simple tables under a dash rule): the amount stands in the (A) or the (D) column.
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

/** The record field a column slot fills (the (A)/(D) sub-columns are one amount, V marks the coding). */
function slotField(slot: string): FieldName {
  return (slot === 'sharesA' || slot === 'sharesD' ? 'shares' : slot === 'v' ? 'reportedEarly' : slot) as FieldName;
}

const NO_REFS: Map<Token, FieldName> = new Map();

/**
 * Which field each token's footnote references annotate. A reference belongs to the value it is
 * written after: glued to it ("2.64(1)"), in its cell, or a lone reference the alignment set aside;
 * a reference standing in for a value (a footnoted date) is that column's, and so are the ones
 * written after it ("(1)(2)" in an exercisable-date cell). A row that opens with a
 * reference before any value gives it to the first value after it.
 */
function refFields(tokens: Token[], alignment: Alignment): Map<Token, FieldName> {
  // Most rows cite no footnote: nothing to place.
  if (!tokens.some((t) => t.refSpans.length)) return NO_REFS;
  const placed = new Map<Token, FieldName>();
  for (const f of alignment.fills) for (const t of f.tokens) placed.set(t, slotField(f.slot.field));
  const out = new Map<Token, FieldName>();
  let last: FieldName | undefined;
  const pending: Token[] = [];
  for (const t of tokens) {
    const own = placed.get(t);
    if (own) {
      last = own;
      for (const p of pending.splice(0)) out.set(p, own);
    }
    const field = own ?? last;
    if (!t.refSpans.length) continue;
    if (field) out.set(t, field);
    else pending.push(t);
  }
  return out;
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
  if (!last || last.type !== 'letter' || last.paren || !isTransactionCode(last.text)) return undefined;
  // A code alone where the title should be (the title lost) is the code under a code column.
  if (!before) return codeColumn ? last : undefined;
  return codeColumn || last.cell !== before.cell ? last : undefined;
}

/**
 * The same code when the title came out empty: a lone letter is no title (align.ts), so the
 * alignment set it aside; under a code column it is the code.
 */
function form3CodeDropped(dropped: readonly Token[], title: SlotFill | undefined, codeColumn: boolean): Token | undefined {
  if (!codeColumn || title?.tokens.some((t) => t.type !== 'ref' && t.type !== 'empty')) return undefined;
  return dropped.find((t) => t.type === 'letter' && !t.paren && isTransactionCode(t.text));
}

/**
 * Tokens the alignment left out that carry a value the record lost: not footnote references
 * (the row keeps their ids), not a lone "$" (its amount is placed), not a sub-column caption
 * written in parentheses ("(A)", "(D)" glued into the cells).
 */
/** The raw text a token spans on its line. */
function lineTextOf(row: LogicalRow, t: Token): string | undefined {
  const l = row.lines.find((x) => x.line === t.line);
  return l?.raw.slice(t.start, t.end);
}

function unplacedTokens(dropped: readonly Token[]): Token[] {
  return dropped.filter((t) => {
    if (t.type === 'empty' || t.type === 'ref' || t.type === 'check') return false;
    if (t.type === 'letter') return !t.paren;
    if (t.type === 'word') return /[\p{L}\d]/u.test(t.text);
    return true;
  });
}

/** A row the row reader grouped but no column grammar reads: a date in it marks lost data, not a header fragment. */
function rejectedRow(tokens: readonly Token[]): LayoutProblem[] {
  if (!tokens.some((t) => t.type === 'date')) return [];
  return problemsOf(tokens.filter((t) => t.type !== 'empty'), 'a row with a date that reads as no row of the table');
}

/** One problem per line of the tokens, from the first token's start to the last's end. */
function problemsOf(tokens: readonly Token[], reason: string): LayoutProblem[] {
  const byLine = new Map<number, Token[]>();
  for (const t of tokens) {
    const list = byLine.get(t.line);
    if (list) list.push(t);
    else byLine.set(t.line, [t]);
  }
  return [...byLine].map(([line, ts]) => ({
    line,
    start: Math.min(...ts.map((t) => t.start)),
    end: Math.max(...ts.map((t) => t.end)),
    text: ts.map((t) => t.text).join(' '),
    reason,
  }));
}

/** The "Code" caption printed right before a token on its line: the header's "Code V" glued into a row. */
const CODE_CAPTION_END_RE = new RegExp(`\\b${phrasePattern(LONE_COLUMN_CAPTIONS.find((w) => /^code$/i.test(w))!)}\\s*$`, 'i');
function afterCodeCaption(row: LogicalRow, t: Token): boolean {
  const line = row.lines.find((l) => l.line === t.line);
  return line !== undefined && CODE_CAPTION_END_RE.test(line.masked.slice(0, t.start));
}

function buildRow(row: LogicalRow, table: TableName, form: FormDigit, index: number, sub: SubColumns, problems: LayoutProblem[], codeColumn = false, fromImage = false): ParsedRow | null {
  // Rows of a page read by OCR read the references among their values (stacked rows do so in layout/stacked.ts).
  const own = rowTokens(row);
  const tokens = stackedTokens(row, readGluedCodes(fromImage && !row.stacked ? own.map(referenceOnValuesLine) : own), table, form);
  const { alignment, variant } = chooseAlignment(tokens, table, form);
  const fills = new Map<string, SlotFill>();
  for (const f of alignment.fills) fills.set(f.slot.field, f);
  const form3Letter = form === '3' && table === 'nonDerivative' ? form3CodeInTitle(fills.get('securityTitle'), codeColumn) ?? form3CodeDropped(alignment.dropped, fills.get('securityTitle'), codeColumn) : undefined;
  if (form3Letter) {
    const t = fills.get('securityTitle')!;
    fills.set('securityTitle', { ...t, tokens: t.tokens.filter((x) => x !== form3Letter) });
  }
  if (row.stacked) {
    const valuesLine = row.cells.find((c) => c.tokens.length)?.tokens[0]?.line;
    for (const field of TEXT_SLOTS[table]) {
      const fill = fills.get(field);
      if (!fill) continue;
      const read = unclosedParenRefs(field === 'natureOfOwnership' && valuesLine !== undefined ? bareMarkInNature(fill, valuesLine) : fill);
      if (read === fill) continue;
      // The row's tokens hold the new readings in place of the old (one token may become two).
      const gone = fill.tokens.filter((t) => !read.tokens.includes(t));
      const first = tokens.indexOf(gone[0]!);
      if (first < 0) continue;
      fills.set(field, read);
      for (const t of gone) {
        const at = tokens.indexOf(t);
        if (at >= 0) tokens.splice(at, 1);
      }
      tokens.splice(first, 0, ...read.tokens.filter((t) => !fill.tokens.includes(t)));
    }
  }
  // One of the two transaction dates alone in text laid out with spaces: the column it stands
  // under says which (the alignment alone takes a lone date for the transaction date). OCR's
  // stacked rows keep no columns.
  const txFill = fills.get('transactionDate');
  const deFill = fills.get('deemedExecutionDate');
  if (txFill && deFill && !row.bordered && !row.stacked && !tokens.some((t) => t.type === 'empty') && (txFill.tokens.length === 0) !== (deFill.tokens.length === 0)) {
    const [from, to] = txFill.tokens.length ? [txFill, deFill] : [deFill, txFill];
    const t = valueToken(from);
    if (t && t.type === 'date' && transactionDateByPosition(t, sub) === to.slot.field) {
      fills.set(to.slot.field, { ...to, tokens: from.tokens, footnoteOnly: from.footnoteOnly });
      fills.set(from.slot.field, { ...from, tokens: [], footnoteOnly: false });
    }
  }
  const title = fills.get('securityTitle');
  // A code split off a Form 3 title is a value the row holds too.
  const filledValues = alignment.fills.filter((f) => f.slot.kind !== 'text' && f.tokens.some((t) => t.type !== 'ref')).length + (form3Letter ? 1 : 0);
  // Without a title a row must show more than a stray value or two: three values, or an amount
  // with its ownership form (the two cells every row ends with, a holding's whole reading when
  // the title cell came out empty).
  const endsARow = fills.has('directOrIndirect') && valueToken(fills.get('directOrIndirect')) !== undefined
    && ['sharesOwnedFollowing', 'shares', 'sharesA', 'sharesD'].some((f) => valueToken(fills.get(f)) !== undefined);
  // A row whose every value the converter lost still shows its title and a second text column
  // (the underlying security, the nature): a row, its empty values reported by the rules.
  const textOnly = row.valuesLost === true && filledValues === 0 && !!(title && textOf(title)) && alignment.fills.some((f) => f.slot.kind === 'text' && f !== title && f.tokens.some((t) => t.type === 'word'));
  if ((!(title && textOf(title)) && filledValues < 3 && !endsARow) || (filledValues === 0 && !textOnly)) {
    problems.push(...rejectedRow(tokens));
    return null;
  }

  const owner = refFields(tokens, alignment);
  const refs: ParsedRow['refs'] = [];
  for (const t of tokens) {
    const field = owner.get(t);
    for (const r of t.refSpans) refs.push({ id: r.id, range: { start: { line: t.line, character: r.start }, end: { line: t.line, character: r.end } }, ...(field ? { field } : {}) });
  }
  const footnoteIds = [...new Set(refs.map((r) => r.id))].sort((a, b) => Number(a) - Number(b));
  // OCR read a reference's small print as a glyph: the row has a reference, its number is lost.
  const unreadRefs: Range[] = [];
  for (const t of tokens) {
    if (!t.unreadRef) continue;
    // A code letter and its glued reference ("so", "S10)") are quoted whole: the reader sees what was read.
    const whole = t.type === 'ref' || t.type === 'letter';
    const start = whole ? t.start : t.end - 1;
    unreadRefs.push({ start: { line: t.line, character: start }, end: { line: t.line, character: t.end } });
    problems.push({ line: t.line, start, end: t.end, text: whole ? (lineTextOf(row, t) ?? '') : (lineTextOf(row, t)?.slice(-1) ?? ''), reason: UNREAD_REFERENCE });
  }

  const fields: ParsedRow['fields'] = [];
  const dates: ParsedRow['dates'] = [];
  const footnoted = new Set<string>();
  for (const f of fills.values()) {
    if (f.footnoteOnly) footnoted.add(f.slot.field);
    const range = fillRange(f);
    const vt = valueToken(f);
    if (!range || !vt) continue;
    const field = slotField(f.slot.field);
    const raw = f.tokens.filter((t) => t.type !== 'ref').map((t) => (t.type === 'money' ? `$${t.text}` : t.text)).join(' ');
    fields.push({ field, range, raw });
    if (f.slot.kind === 'date' && vt.type === 'date') dates.push({ field, raw: vt.text, range: tokenRange(vt) });
  }

  const code = variant.kind === 'transaction' ? letterOf(fills.get('transactionCode')) : null;
  const codeToken = valueToken(fills.get('transactionCode'));
  const hasVColumn = form === '4';
  // The V column of a transaction row: marked or empty. With the code lost, a "V" there is as
  // likely the "Code V" header glued into the cells (the code cell reads "Code"), so it stays
  // unknown, unless the code cell stands empty and the V alone in a cell of its own: then the
  // mark is the row's, only the code was lost.
  const vToken = valueToken(fills.get('v'));
  const codeCellEmpty = (fills.get('transactionCode')?.tokens ?? []).every((t) => t.type === 'empty');
  const vAlone = vToken !== undefined && !tokens.some((t) => t !== vToken && t.cell === vToken.cell && t.type !== 'empty') && !afterCodeCaption(row, vToken);
  const reportedEarly = variant.kind === 'transaction' && hasVColumn ? (vToken ? (code !== null || (codeCellEmpty && vAlone) ? true : null) : false) : null;
  const equitySwapInvolved = variant.kind === 'transaction' && code !== null ? swapMarked(tokens, codeToken, code) : null;
  const di = letterOf(fills.get('directOrIndirect'));
  const directOrIndirect = di === 'D' || di === 'I' ? di : null;
  const nature = fills.get('natureOfOwnership');
  // Rows read from a printed page by OCR (see layout/stacked.ts).
  const ocrRow = row.stacked !== undefined;

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
      pricePerShare: variant.kind === 'transaction' ? priceOf(fills.get('pricePerShare'), ocrRow) : null,
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
    // One of the two dates alone in text laid out with spaces: the column it stands under says
    // which it is (the alignment alone takes a lone date for the expiration).
    const exFill = fills.get('dateExercisable');
    const expFill = fills.get('expirationDate');
    if (exFill && expFill && !keptEmptyCells && !row.bordered && (exFill.tokens.length === 0) !== (expFill.tokens.length === 0)) {
      const [from, to] = exFill.tokens.length ? [exFill, expFill] : [expFill, exFill];
      const t = valueToken(from);
      if (t && t.type === 'date' && dateColumnByPosition(t, sub) === to.slot.field) {
        fills.set(to.slot.field, { ...to, tokens: from.tokens, footnoteOnly: from.footnoteOnly });
        fills.set(from.slot.field, { ...from, tokens: [], footnoteOnly: false });
      }
    }
    let acquiredDisposed: 'A' | 'D' | null = null;
    if (amount?.marker) acquiredDisposed = amount.marker;
    else if (amount && keptEmptyCells) acquiredDisposed = a ? 'A' : 'D';
    else if (amount && !row.bordered) acquiredDisposed = directionByPosition(amount, sub);
    record = {
      kind: variant.kind,
      securityTitle: title ? textOf(title) : null,
      conversionOrExercisePrice: priceOf(fills.get('conversionOrExercisePrice'), ocrRow),
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
      pricePerShare: variant.kind === 'transaction' ? priceOf(fills.get('pricePerShare'), ocrRow) : null,
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
    unreadRefs,
    dates,
    footnoted,
    codeMissing: variant.kind === 'transaction' && code === null,
    unplaced: unplacedTokens(form3Letter ? alignment.dropped.filter((t) => t !== form3Letter) : alignment.dropped),
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
  // A transaction on a Form 3 is reported as such (code-on-form3): its columns are not lost text.
  if (!parsed.form3Code) problems.push(...problemsOf(parsed.unplaced, 'no column of the row took it'));
  return parsed;
}

/**
 * Reads the data rows of one table's lines. What the table's text holds and no row took is
 * added to `problems`.
 */
export function parseTable(lines: PLine[], table: TableName, form: FormDigit, problems: LayoutProblem[] = []): ParsedRow[] {
  const out: ParsedRow[] = [];
  const sub = findSubColumns(lines);
  // A Form 3 Table I whose header labels a transaction-code column (a Form 4 template).
  // The label may wrap ("2. Transaction" / "Code (Instr. 8)"): its instruction names it too.
  const codeColumn = form === '3' && table === 'nonDerivative' && lines.some((l) => CODE_COLUMN_LABEL_RE.test(l.masked) && isHeaderText(l));
  const reading = readTableRows(lines, ROW_JUDGE, table === 'derivative');
  problems.push(...reading.problems);
  // A table read from a printed page: stacked rows, or a reference OCR read as a glyph.
  const fromImage = reading.family === 'stacked' || reading.rows.some((r) => r.cells.some((c) => c.tokens.some((t) => t.unreadRef)));
  for (const row of reading.rows) {
    const parsed = buildRow(row, table, form, out.length, sub, problems, codeColumn, fromImage);
    if (parsed) out.push(parsed);
  }
  if (fromImage) for (const field of PRICE_FIELDS) pricesGluedToDigits(out, field, problems);
  if (fromImage) for (const row of out) amountsGluedToDigits(row, problems);
  return out;
}

const AMOUNT_FIELDS = ['shares', 'underlyingShares', 'sharesOwnedFollowing'] as const;

/**
 * On a printed page read by OCR a reference after an amount written without separators may come
 * out as a digit or two glued to it ("6430" for "643" and "(1)"). When the row shows the same
 * amount again without them (the underlying shares, the amount owned after), the digits are the
 * reference: the amount is the one shown, the reference is reported unread. A genuine amount that
 * is another of its row with a digit appended is too rare to read so.
 */
function amountsGluedToDigits(row: ParsedRow, problems: LayoutProblem[]): void {
  const record = row.record as unknown as Record<string, number | null>;
  for (const field of AMOUNT_FIELDS) {
    const f = row.fields.find((x) => x.field === field);
    if (!f || !/^\d{3,}$/.test(f.raw) || f.range.start.line !== f.range.end.line) continue;
    const shown = AMOUNT_FIELDS.filter((o) => o !== field)
      .map((o) => row.fields.find((x) => x.field === o))
      .find((o) => o && /^\d{2,}$/.test(o.raw.replace(/,/g, '')) && f.raw.length - o.raw.replace(/,/g, '').length <= 2 && f.raw.startsWith(o.raw.replace(/,/g, '')) && f.raw !== o.raw.replace(/,/g, ''));
    if (!shown) continue;
    const extra = f.raw.length - shown.raw.replace(/,/g, '').length;
    record[field] = parseAmount(shown.raw);
    const at = f.range.start.character + f.raw.length;
    const range: Range = { start: { line: f.range.start.line, character: at - extra }, end: { line: f.range.start.line, character: at } };
    row.unreadRefs.push(range);
    problems.push({ line: range.start.line, start: range.start.character, end: at, text: f.raw.slice(-extra), reason: UNREAD_REFERENCE });
  }
}

const PRICE_FIELDS = ['pricePerShare', 'conversionOrExercisePrice'] as const;

/** A price as written: "$89.0351", "89.0351" (its sign misread); its decimals. */
const WRITTEN_PRICE_RE = /^\$?\d[\d,]*\.(\d+)$/;

/**
 * On a printed page read by OCR a superscript reference after a price may come out as digits glued
 * to it ("$89.03516" for "$89.0351" and "(6)"). A filer writes the prices of one column to one
 * precision; when at least two other prices of the column, and three in four, have as many
 * decimals, a price with one or two more has its reference glued on: the value is cut to that precision, and the digits
 * are a reference whose number is not sure (a "(20)" reads "2"), reported as unread.
 */
function pricesGluedToDigits(rows: ParsedRow[], field: (typeof PRICE_FIELDS)[number], problems: LayoutProblem[]): void {
  const written = rows.map((r) => {
    const f = r.fields.find((x) => x.field === field);
    const m = f ? WRITTEN_PRICE_RE.exec(f.raw) : null;
    // Only a price with nothing after it on its line can have digits glued on.
    return f && m ? { f, decimals: m[1]!.length, bare: f.range.start.line === f.range.end.line && f.range.end.character - f.range.start.character === f.raw.length } : undefined;
  });
  // How many prices of the column have each count of decimals: a price's "others" are these less itself.
  const all = new Map<number, number>();
  let priced = 0;
  for (const w of written) {
    if (!w) continue;
    all.set(w.decimals, (all.get(w.decimals) ?? 0) + 1);
    priced++;
  }
  written.forEach((w, i) => {
    if (!w?.bare) return;
    const others = priced - 1;
    // The column's precision: that of at least two others and three in four (others may carry
    // digits too). Three in four is a strict majority, so no tie can pass.
    let precision = 0;
    let count = 0;
    for (const [d, n] of all) {
      const m = d === w.decimals ? n - 1 : n;
      if (m > count) [precision, count] = [d, m];
    }
    if (count < 2 || count * 4 < others * 3) return;
    const extra = w.decimals - precision;
    if (extra < 1 || extra > 2) return;
    const row = rows[i]!;
    const value = parseAmount(w.f.raw.replace(/^\$/, '').slice(0, -extra));
    if (value === null) return;
    (row.record as unknown as Record<string, number | null>)[field] = value;
    const end = w.f.range.end;
    const range: Range = { start: { line: end.line, character: end.character - extra }, end };
    row.unreadRefs.push(range);
    problems.push({ line: end.line, start: range.start.character, end: end.character, text: w.f.raw.slice(-extra), reason: UNREAD_REFERENCE });
  });
}
