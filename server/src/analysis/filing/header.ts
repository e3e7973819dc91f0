/**
 * The header boxes: reporting person and address, issuer and ticker, the dates, relationship
 * and joint-filing check boxes, and the exit box.
 *
 * The boxes sit side by side, so each printed line interleaves several boxes. Every cell is
 * given to a "lane": the box whose label opened the column it stands in (a grid column, the
 * tab index in tabbed text, or the character offset in fixed-width text). A label replaces the
 * lane it lands in, so boxes stacked in one column (2 above 3 above 4) follow each other, and
 * text flattened into one column reads box after box. Once a box's pieces are collected,
 * its values are read between the captions the form prints ("(Last) (First) (Middle)",
 * "(Street)", "(City) (State) (Zip)"), which every rendering keeps in the same order.
 */
import type { FieldName, LabelKey, Range, ReportingOwnerRecord } from '../types';
import { splitCells, type Cell } from '../text/cells';
import { nextWordFits } from '../text/lines';
import { parseDateText } from './dates';
import type { PLine } from './prepare';
import { CHECK_BEFORE_RE, RELATIONSHIP_OPTIONS, onlyPrintedWords } from './vocabulary';
import { Stream, collapse, type Piece } from './stream';
import { fuzzyPhrase, fuzzyWord, phrasePattern, ROMAN_STROKE } from '../vocabulary/patterns';
import { ADDRESS_CAPTIONS, BOX_LABEL_KEY, BOX_LABEL_KEYWORDS, BOX_LABEL_PARTS as P, BOX_ORDER, LABEL_PATTERNS, RELATIONSHIP_WORDING, type BoxKey } from '../vocabulary/wording';
import { FactsMemo, TextMemo } from '../text/memo';
import type { LayoutProblem } from '../layout';

export type { BoxKey };
export { BOX_LABEL_KEY };

const NUM = '(?:[\\dS]\\s*\\.\\s*)?';
const [MONTH, DAY, YEAR] = P.monthDayYear.split('/');
/** "(Month/Day/Year)" after a date box's label; its last word's letters may be cut apart or lost. */
const MDY = `(?:\\s*\\(?\\s*${fuzzyWord(MONTH, true)}\\s*\\/\\s*${fuzzyWord(DAY, true)}\\s*\\/\\s*${YEAR[0]}${[...YEAR.slice(1)].map((c) => `\\s*${c}?`).join('')}\\s*\\)?)?`;

/** A label phrase, loose: OCR damage in any word, words cut in two or run together (see vocabulary/patterns.ts). */
const label = (phrase: string): string => fuzzyPhrase(phrase, true);

const [AMENDMENT_IF, AMENDMENT] = P.ifAmendment.split(' ');
const [ORIGINAL_DATE, ORIGINAL_OF, ORIGINAL] = P.dateOfOriginal.split(' ');
const [TO, ISSUER] = P.toIssuer.split(' ');

/** The box labels, tolerant of OCR damage in their words (see vocabulary/patterns.ts). */
const BOX_LABELS: { box: BoxKey; re: RegExp }[] = [
  { box: 'reportingPerson', re: new RegExp(`${NUM}${label(P.nameAndAddress)}\\(?s?\\)?\\s*\\^?\\s*\\(?\\*?\\)?`, 'i') },
  { box: 'issuer', re: new RegExp(`${NUM}${label(P.issuerAndTicker)}`, 'i') },
  {
    box: 'periodOfReport',
    re: new RegExp(
      `${NUM}(?:${label(P.earliestTransaction)}(?:\\s+${phrasePattern(P.requiredToBeReported)})?|${label(P.eventRequiringStatement)}|${label(P.statementFor)}\\s*${P.issuers.replace("'", "'?")}\\s*${label(P.fiscalYearEnded)})${MDY}`,
      'i',
    ),
  },
  {
    box: 'amendment',
    re: new RegExp(
      `${NUM}${AMENDMENT_IF}\\s*${fuzzyWord(AMENDMENT, true)}\\s*,?\\s*${fuzzyWord(ORIGINAL_DATE, true)}\\s*(?:${ORIGINAL_OF}\\s*)?${fuzzyWord(ORIGINAL, true)}\\s*(?:${fuzzyWord(P.filed, true)}|${fuzzyWord(P.filing, true)})\\s*${MDY}`,
      'i',
    ),
  },
  {
    box: 'relationship',
    re: new RegExp(`${NUM}${label(P.relationship)}\\s*\\(?\\s*s?\\s*\\)?\\s*${TO}\\s*${fuzzyWord(ISSUER, true)}(?:\\s*\\(?\\s*${phrasePattern(P.checkAllApplicable)}\\s*\\)?)?`, 'i'),
  },
  {
    box: 'jointFiling',
    re: new RegExp(`${NUM}${label(P.individualOr)}\\s*${fuzzyWord(P.joint, true)}\\s*\\/\\s*${label(P.groupFiling)}\\s*(?:\\(?\\s*${phrasePattern(P.checkApplicableLine)}\\s*\\)?)?`, 'i'),
  },
];

/**
 * The printed label of each box without the instructions after it, lower case, for recognising
 * labels cut short ("3. Da", "4. If A").
 */
const BOX_LABEL_TEXT = Object.fromEntries(
  (Object.keys(BOX_LABEL_KEY) as BoxKey[]).map((box) => [
    box,
    [...new Set(LABEL_PATTERNS[BOX_LABEL_KEY[box]].map((t) => t.replace(/(?:\s*\([A-Z][^)]*\)|\*)+$/, '').toLowerCase()))],
  ]),
) as Record<BoxKey, string[]>;

/**
 * "3. Da" is box 3 when "Da" starts box 3's printed label (two letters at least). In a drawn
 * grid, a cell line holding nothing but the number ("4." with "Relationship of" wrapped under it
 * in a narrow cell) is that box's label too.
 */
export function truncatedLabel(cellText: string, form: '3' | '4' | '5', grid = false): BoxKey | null {
  const bare = grid ? /^\s*([1-6])\s*\.\s*$/.exec(cellText) : null;
  if (bare) return BOX_BY_NUMBER[form][Number(bare[1]) - 1];
  const m = /^\s*([1-6])\s*\.\s*(\p{L}.*)$/u.exec(cellText);
  if (!m) return null;
  const box = BOX_BY_NUMBER[form][Number(m[1]) - 1];
  const rest = m[2].toLowerCase().replace(/\s+/g, ' ').trim();
  // The text is the label's start, or the label and what follows it. (No cut-off length is kept:
  // a text whose start reads as the label has the label's first long word intact, which the
  // check below takes anyway.)
  if (BOX_LABEL_TEXT[box].some((t) => t.startsWith(rest) || rest.startsWith(t))) return box;
  // Damaged by OCR: the label's first long word, one edit allowed ("Relatíonship of Reporting
  // ...", "If Arnendment, Date"), or cut in two by a space ("Relationsh ip of Reporting ...").
  const words = rest.split(' ', 4).map((w) => w.replace(/[^\p{L}]+$/u, ''));
  return FIRST_WORD_RES[box].some(({ re, at }) => {
    const word = words[at];
    return word !== undefined && (re.test(word) || (words[at + 1] !== undefined && re.test(word + words[at + 1])));
  })
    ? box
    : null;
}

/**
 * Each box label's first word of five letters or more (among its first three) as a whole-word
 * fuzzy pattern, with its place in the label, compiled once.
 */
const FIRST_WORD_RES = Object.fromEntries(
  Object.entries(BOX_LABEL_TEXT).map(([box, texts]) => [
    box,
    texts.flatMap((t) => {
      const words = t.split(' ').slice(0, 3).map((w) => w.replace(/[^a-z]+$/, ''));
      const at = words.findIndex((w) => w.length >= 5 && /^[a-z]+$/.test(w));
      return at < 0 ? [] : [{ re: new RegExp(`^${fuzzyWord(words[at])}$`), at }];
    }),
  ]),
) as Record<BoxKey, { re: RegExp; at: number }[]>;

/** Box numbers by form: a label cut short ("3. Da", "2. Issuer Name and Ticker") still says its box. */
const BOX_BY_NUMBER = BOX_ORDER;

export interface HeaderValue<T> {
  value: T;
  range?: Range;
  raw?: string;
}

export interface OwnerBox {
  record: ReportingOwnerRecord;
  range: Range;
  fields: { field: FieldName; range: Range; raw: string }[];
  /** Text the box holds that no field took. */
  problems: LayoutProblem[];
}

export interface HeaderResult {
  owners: OwnerBox[];
  issuerName: HeaderValue<string | null>;
  tradingSymbol: HeaderValue<string | null>;
  periodOfReport: HeaderValue<string | null>;
  /** Raw text of the date cells, for the invalid-date rule. */
  dateCells: { field: 'periodOfReport' | 'dateOfOriginalSubmission'; raw: string; range: Range }[];
  dateOfOriginalSubmission: HeaderValue<string | null>;
  jointFiling: HeaderValue<boolean | null>;
  labels: { key: LabelKey; range: Range }[];
  /** Relationship read from box 4/5 (applies to the first owner). */
  relationship: Relationship | null;
  relationshipRange?: Range;
  /** Text the header reader saw in a box and no field took. */
  problems: LayoutProblem[];
}

/** Box 4/5 as read: the owner record's relationship fields, and where the title stands. */
export type Relationship = Pick<ReportingOwnerRecord, 'isDirector' | 'isOfficer' | 'isTenPercentOwner' | 'isOther' | 'officerTitle' | 'otherText'> & {
  titleRange?: Range;
};

interface Lane {
  x: number;
  box: BoxKey;
  /** Index into `boxes` of the box instance this lane feeds. */
  instance: number;
}

interface BoxInstance {
  box: BoxKey;
  pieces: Piece[];
  labelLine: number;
}

/** Position of a cell for lane purposes: tab/grid column when the line has borders, else offset. */
function cellX(line: PLine, cell: Cell): number {
  return line.hasBorders ? cell.col * 1000 : cell.start;
}

/** Words of which each label keeps at least one intact (the fuzzy regexes run only then). */
const LABEL_KEYWORDS = BOX_LABEL_KEYWORDS;

type LabelHit = { box: BoxKey; start: number; end: number };

/** The first box label in `text` (offsets in `text`), or null. */
function firstLabel(text: string): LabelHit | null {
  let best: LabelHit | null = null;
  const lower = text.toLowerCase();
  for (const l of BOX_LABELS) {
    if (!LABEL_KEYWORDS[l.box].some((k) => lower.includes(k))) continue;
    const m = l.re.exec(text);
    if (m && (best === null || m.index < best.start)) best = { box: l.box, start: m.index, end: m.index + m[0].length };
  }
  return best ?? labelCutAtEnd(text, lower);
}

/**
 * Flattened text wraps a label that follows a value at the page width: "EVANS BANCORP
 * INC [ EVBN ] 5. Relationship of Reporting" / "Person(s) to Issuer". A numbered label whose
 * first words (two at least) end the text opens its box; the rest of it wraps onto the next line.
 */
export function labelCutAtEnd(text: string, lower: string): LabelHit | null {
  const re = /(?:^|\s)[1-6]\s*\.\s*(?=\p{L})/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    // The longest label is 45 characters: a longer rest is no label cut short.
    if (text.length - m.index > 80) continue;
    const rest = lower.slice(m.index + m[0].length).replace(/\s+/g, ' ').trimEnd();
    if (rest.length < 8 || rest.indexOf(' ') < 0) continue;
    for (const box of Object.keys(BOX_LABEL_TEXT) as BoxKey[]) {
      if (BOX_LABEL_TEXT[box].some((t) => t.length > rest.length && t.startsWith(rest))) {
        return { box, start: m.index + (m[0].length - m[0].trimStart().length), end: text.length };
      }
    }
  }
  return null;
}

/** Header cells are mostly the printed labels, the same in every filing: looked up once per text. */
const labelMemo = new TextMemo<LabelHit | null>(5000);

/** The first box label in `text` at or after `from` (offsets in `text`), or null. */
function findLabel(text: string, from: number): LabelHit | null {
  const hit = labelMemo.get(from === 0 ? text : text.slice(from), firstLabel);
  return hit && from !== 0 ? { box: hit.box, start: hit.start + from, end: hit.end + from } : hit;
}

/** The last instance of a box, if its label has been seen. */
function lastInstance(boxes: readonly BoxInstance[], box: BoxKey): number | undefined {
  for (let k = boxes.length - 1; k >= 0; k--) if (boxes[k]!.box === box) return k;
  return undefined;
}

/**
 * Where the relationship options start in a date box's text that runs on after its date (the
 * date, then a check mark or an option's wording), or -1. The date box holds one date and
 * nothing after it; the options are printed in the relationship box only.
 */
function optionsAfterDate(box: BoxInstance, text: string): number {
  if (box.box !== 'periodOfReport' && box.box !== 'amendment') return -1;
  const date = DATE_IN_TEXT.exec(text);
  // The date may stand in a piece of its own before this one (a gap wider than a space).
  if (!date && !isComplete(box)) return -1;
  const end = date ? date.index + date[0].length : 0;
  const rest = text.slice(end);
  if (!/\S/.test(rest)) return -1;
  let first = -1;
  for (const opt of RELATIONSHIP_OPTIONS) {
    opt.re.lastIndex = 0;
    const m = opt.re.exec(rest);
    if (m && (first < 0 || m.index < first)) first = m.index;
  }
  // Only check marks (or nothing) stand between the date and the first option.
  if (first < 0 || !/^[\s_xX☒☐✓✔[\]()]*$/.test(rest.slice(0, first))) return -1;
  return end + (rest.length - rest.trimStart().length);
}

/** Whether a box already holds its value, so more text more likely belongs to a neighbour. */
function isComplete(box: BoxInstance): boolean {
  const text = box.pieces.map((p) => p.text).join(' ');
  switch (box.box) {
    case 'issuer':
      return /\[[^\]]+\]/.test(text);
    case 'periodOfReport':
    case 'amendment':
      return DATE_IN_TEXT.test(text);
    case 'reportingPerson':
      // "(City) (State)" closing the text: OCR read the zip cell and "(Zip)" as blocks of their own, still to come.
      return /\(\s*Zip\s*\)/i.test(text) || (/\(\s*City\s*\)/i.test(text) && !/\(\s*City\s*\)\s*\(\s*State\s*\)\s*$/i.test(text));
    case 'jointFiling':
      return /More\s+than\s+One/i.test(text);
    default:
      return false;
  }
}

/**
 * What a header line's text says on its own, before lanes come in: its cells, the label each
 * cell starts with (for ranking tabbed cells), and each cell cut into text and label parts.
 * Pure in the text, the form and whether cells are bordered, so memoized: header lines are
 * mostly the printed labels, the same in every filing.
 */
export interface CellPlan {
  cell: Cell;
  /** The box whose label the cell starts with, if any (a label repeated by OCR is one cell). */
  leadBox: BoxKey | null;
  parts: CellPart[];
}

/** A stretch of a cell: label text that opens `open`, or text for the current box. */
interface CellPart {
  open?: BoxKey;
  from: number;
  to: number;
  /** The stretch's text, or null when it holds nothing readable (no piece is kept). */
  text: string | null;
  /** The stretch continues the line above's text with no space between (a word cut at the cell width, see layout/grids.ts). */
  glue?: boolean;
  /** The stretch continues the line above's text after a space (a nested table's line cut at a space). */
  spaced?: boolean;
}

// A lone "(" is kept too: a grid that cuts words cuts a nested line "(Street)" into "(" / "Street)" (glued).
const READABLE = /[A-Za-z0-9☒☐[\]]|^\s*\(\s*$/;

function partOf(cell: Cell, from: number, to: number, glued: boolean, open?: BoxKey, spaced = false): CellPart {
  const text = cell.text.slice(from, to);
  // Keep brackets: a wrapped ticker reads "EVANS BANCORP INC [ EVBN" / "]". Glued text is text even
  // without a letter or digit (the ")" of "(Street" / ")").
  const glue = glued && from === 0;
  return { open, from, to, text: glue || READABLE.test(text) ? text : null, ...(glue ? { glue } : {}), ...(spaced && from === 0 ? { spaced } : {}) };
}

function planCell(cell: Cell, form: '3' | '4' | '5', grid: boolean, glued: boolean, spaced = false): CellPlan {
  const parts: CellPart[] = [];
  for (let cursor = 0; ; ) {
    const label = findLabel(cell.text, cursor);
    const truncated = cursor === 0 && !label ? truncatedLabel(cell.text, form, grid) : null;
    if (truncated) {
      parts.push(partOf(cell, 0, cell.text.length, glued, truncated));
      break;
    }
    if (!label) {
      parts.push(partOf(cell, cursor, cell.text.length, glued, undefined, spaced));
      break;
    }
    parts.push(partOf(cell, cursor, label.start, glued, undefined, spaced));
    // The label text itself is kept in the box so a label wrapped over lines can be matched whole.
    parts.push(partOf(cell, label.start, label.end, glued, label.box));
    cursor = label.end;
  }
  return { cell, leadBox: findLabel(cell.text, 0)?.box ?? truncatedLabel(cell.text, form, grid), parts };
}

/**
 * `glue`: offsets of cells that continue the line above with no space (see PLine.glue); `spaced`:
 * after a space; `linear`: the header is read in document order (wide spaces are masked tags).
 */
function planLine(text: string, bordered: boolean, form: '3' | '4' | '5', glue?: readonly number[], spaced?: readonly number[], linear = false): CellPlan[] {
  const plans: CellPlan[] = [];
  const split = splitCells({ text, bordered });
  for (const cell of linear ? joinWideSpaces(text, split) : bordered ? split : joinCutLabels(text, split)) {
    const glued = glue?.includes(cell.start) ?? false;
    if (cell.start === cell.end || (!glued && !READABLE.test(cell.text))) continue;
    plans.push(planCell(cell, form, bordered, glued, spaced?.includes(cell.start) ?? false));
  }
  return plans;
}

/**
 * Text without borders: a gap inside a word of a box label (letter spacing read as a tab or a
 * column gap, "Ticker or Tradi<TAB>ng Symbol") splits the label over two cells, and the second
 * would take a rank or a lane of its own. Two neighbouring cells are one when a word is cut between
 * them and a label starts in the first and runs on into the second.
 */
function joinCutLabels(text: string, cells: Cell[]): Cell[] {
  if (cells.length < 2) return cells;
  const out: Cell[] = [cells[0]];
  for (let k = 1; k < cells.length; k++) {
    const last = out[out.length - 1];
    const c = cells[k];
    // A word cut in two: the first cell ends in a letter, the second goes on in lower case; and
    // only a cell holding a box number ("2. Issuer Name and Ticker or Tradi") opens a label.
    if (last.brk === c.brk && last.end < c.start && /\p{L}$/u.test(last.text) && /^\p{Ll}/u.test(c.text) && /[1-6]\s*\.\s*\p{L}/u.test(last.text)) {
      const joined = text.slice(last.start, c.end);
      const hit = findLabel(joined, 0);
      const into = c.start - last.start;
      if (hit && hit.start < last.text.length && hit.end > into) {
        out[out.length - 1] = { ...last, end: c.end, text: joined };
        continue;
      }
    }
    out.push(c);
  }
  return out;
}

/** The line's cells cut into label and text parts, per form (and linear reading), by line text. */
const planMemo = new FactsMemo<Partial<Record<'3' | '4' | '5' | '3h' | '4h' | '5h', CellPlan[]>>>();

function linePlan(line: PLine, form: '3' | '4' | '5', linear = false): CellPlan[] {
  // Lines with glued cells have facts of their own (layout/grids.ts), never shared by text.
  const plans = planMemo.get(line.facts, () => ({}));
  if (linear) return (plans[`${form}h`] ??= planLine(line.masked, line.maskedLine.bordered, form, line.glue, line.spaced, true));
  return (plans[form] ??= planLine(line.masked, line.maskedLine.bordered, form, line.glue, line.spaced));
}

/**
 * Raw HTML: wide spaces are masked inline tags ("Issuer Name <strong>and</strong> Ticker"),
 * not column gaps; only a cell border (`<td>`) or a `<br>` parts cells.
 */
function joinWideSpaces(text: string, cells: Cell[]): Cell[] {
  const out: Cell[] = [];
  for (const c of cells) {
    const last = out[out.length - 1];
    if (last && last.col === c.col && last.brk === c.brk && last.end < c.start) {
      out[out.length - 1] = { ...last, end: c.end, text: text.slice(last.start, c.end) };
    } else out.push(c);
  }
  return out;
}

/** Splits the header lines into box instances. */
/** A line opening with the first table's heading. */
const TABLE_HEADING_START = new RegExp(`^[\\s#*]*Table\\s+${ROMAN_STROKE}\\s*[-–—:]`, 'i');

/** A cell that starts with one of box 1's captions. */
const OWNER_CAPTION_START = /^\s*\(\s*(?:Last|Street|City)\s*\)/i;

function collectBoxes(lines: PLine[], form: '3' | '4' | '5', linear = false): { boxes: BoxInstance[]; labels: { key: LabelKey; range: Range }[] } {
  const boxes: BoxInstance[] = [];
  const labels: { key: LabelKey; range: Range }[] = [];
  let lanes: Lane[] = [];
  const tolerance = (line: PLine) => (line.hasBorders ? 0 : 3);
  const open = (line: PLine, x: number, box: BoxKey): number => {
    const tol = tolerance(line);
    lanes = lanes.filter((l) => Math.abs(l.x - x) > tol);
    boxes.push({ box, pieces: [], labelLine: line.line });
    // Kept in x order: insert in place (a sort here ran for every label of every filing).
    let at = lanes.length;
    while (at > 0 && lanes[at - 1].x > x) at--;
    lanes.splice(at, 0, { x, box, instance: boxes.length - 1 });
    return boxes.length - 1;
  };
  const laneAt = (line: PLine, x: number): Lane | undefined => {
    if (line.hasBorders && !line.maskedLine.bordered) {
      // Cells of tabbed text are ranked; a rank past the last lane belongs to the nearest one.
      let best: Lane | undefined;
      for (const l of lanes) if (!best || Math.abs(l.x - x) < Math.abs(best.x - x)) best = l;
      return best;
    }
    const tol = tolerance(line);
    let found: Lane | undefined;
    for (const l of lanes) if (l.x <= x + tol) found = l;
    return found ?? lanes[0];
  };
  // Tabbed text: box 1's captions say where its cells are, whatever the order of the boxes.
  // (Its lane may have been taken by another box's label ranked into it: the box stays box 1's.)
  const ownerLane = (): number | undefined => {
    for (let k = boxes.length - 1; k >= 0; k--) if (boxes[k].box === 'reportingPerson') return k;
    return undefined;
  };
  let captionLine = false;
  for (const line of lines) {
    // A bracket alone is the end of the ticker ("[ SCWO" / "]"), not a rule.
    if (line.rule && line.masked.indexOf(']') < 0) continue;
    // The table heading after the boxes (the header's lines run up to it) belongs to no box: it
    // would land in whichever box holds the first column.
    if (TABLE_HEADING_START.test(line.masked)) continue;
    const afterCaption = captionLine;
    captionLine = false;
    // Tabbed text (OCR, converters) does not keep tab counts from line to line; the order of
    // the non-empty cells does. A label repeated by OCR ("3. Da", "3. Date ...") is one cell.
    const tabbed = line.hasBorders && !line.maskedLine.bordered;
    let rank = -1;
    let previousBox: BoxKey | null = null;
    let previousCol = -1;
    /** The last box a label on this line opened: text right of it in its own cell may be its value. */
    let lineLabelInstance: number | undefined;
    const plans = linePlan(line, form, linear);
    const captionCell = tabbed ? plans.findIndex((p) => !p.leadBox && OWNER_CAPTION_START.test(p.cell.text)) : -1;
    let previousTarget: number | undefined;
    /** The box the last piece of this line went to. */
    let lastOnLine: number | undefined;
    /** The tab column whose pieces went to the relationship box from a date box's cell. */
    let diverted: { col: number; to: number } | undefined;
    /** The rank a label last opened a box at on this line. */
    let openedAt: number | undefined;
    /** The tab column of the cell the last label on this line opened in. */
    let labelCol: number | undefined;
    for (const [index, { cell, leadBox, parts }] of plans.entries()) {
      if (cell.col !== previousCol) {
        if (!(leadBox && leadBox === previousBox)) rank++;
        previousBox = leadBox;
        previousCol = cell.col;
      }
      const x = linear ? 0 : tabbed ? rank * 1000 : cellX(line, cell);
      let target: number | undefined = laneAt(line, x)?.instance;
      if (tabbed && target !== undefined && lineLabelInstance !== undefined && target !== lineLabelInstance && isComplete(boxes[target]) && !isComplete(boxes[lineLabelInstance])) {
        target = lineLabelInstance;
      }
      if (tabbed && !leadBox) {
        // A cell opening with an owner caption ("(Street) CHICAGO, IL"), or the one cell of a line
        // right under such a cell (the street's second line), is box 1's, whichever rank it has.
        const owner = ownerLane();
        const caption = OWNER_CAPTION_START.test(cell.text);
        if (caption) captionLine = true;
        if (owner !== undefined && (caption || (afterCaption && plans.length === 1))) target = owner;
        // Box 1 holds one cell a line: beside its caption cell, another cell ranked into its lane
        // (an officer title in a cell of its own) goes on with the cell before it.
        else if (owner !== undefined && target === owner && captionCell >= 0 && index !== captionCell && previousTarget !== undefined) target = previousTarget;
        // A cell ranked into a box that already holds its value (an officer title in a cell of its
        // own, right of the check boxes) goes on with the unfinished box of the cell before it.
        else if (!caption && target !== undefined && previousTarget !== undefined && target !== previousTarget && isComplete(boxes[target]) && !isComplete(boxes[previousTarget])) target = previousTarget;
      }
      // A cell split from the one before only by a wide space (masked markup) in the same tab
      // column goes on with the box a label opened there on this line.
      if (tabbed && !leadBox && labelCol === cell.col && lineLabelInstance !== undefined && !OWNER_CAPTION_START.test(cell.text)) target = lineLabelInstance;
      previousTarget = target;
      for (const part of parts) {
        if (part.open !== undefined) {
          // A second label at one rank of a tabbed line (the tab before it lost) opens its box a
          // little right of the first, so it does not take the first box's lane on the lines below.
          const again = tabbed && openedAt === x;
          openedAt = x;
          target = open(line, again ? x + Math.min(999, cell.start + part.from) : x, part.open);
          lineLabelInstance = target;
          labelCol = cell.col;
          labels.push({
            key: BOX_LABEL_KEY[part.open],
            range: { start: { line: line.line, character: cell.start + part.from }, end: { line: line.line, character: cell.start + part.to } },
          });
        }
        if (target === undefined || part.text === null) continue;
        // Tabbed text whose cell edge after a date box's date was lost (a tab expanded to one
        // space): the relationship options that follow the date are the relationship box's.
        let split = tabbed && part.open === undefined ? optionsAfterDate(boxes[target], part.text) : -1;
        // ...or in a piece of its own right after the date box's piece, ranked into another box.
        if (split < 0 && tabbed && part.open === undefined && lastOnLine !== undefined && lastOnLine !== target) {
          split = optionsAfterDate(boxes[lastOnLine], part.text) === 0 ? 0 : -1;
        }
        // The rest of the options' cell goes on with them.
        if (tabbed && part.open === undefined && diverted && diverted.col === cell.col) target = diverted.to;
        if (split >= 0) {
          const rel = lastInstance(boxes, 'relationship');
          if (rel !== undefined && rel !== target) {
            const at = part.from + split;
            if (split > 0) boxes[target].pieces.push({ line: line.line, start: cell.start + part.from, end: cell.start + at, text: part.text.slice(0, split).trimEnd(), x: x + part.from, sub: cell.brk });
            boxes[rel].pieces.push({ line: line.line, start: cell.start + at, end: cell.start + part.to, text: part.text.slice(split), x: x + at, sub: cell.brk });
            target = lastOnLine = rel;
            diverted = { col: cell.col, to: rel };
            continue;
          }
        }
        lastOnLine = target;
        const piece: Piece = { line: line.line, start: cell.start + part.from, end: cell.start + part.to, text: part.text, x: x + part.from, sub: cell.brk };
        if (part.glue) piece.glue = true;
        if (part.spaced) piece.spaced = true;
        boxes[target].pieces.push(piece);
      }
    }
  }
  return { boxes, labels };
}

/** End offset of the box's label in its stream (labels may wrap over several pieces). */
function valueStart(stream: Stream, box: BoxKey): number {
  const l = BOX_LABELS.find((b) => b.box === box);
  const m = l ? l.re.exec(stream.text) : null;
  if (m) return m.index + m[0].length;
  // A label cut short: skip the piece holding the box number.
  const nl = stream.text.indexOf('\n');
  return nl < 0 ? stream.text.length : nl + 1;
}

const JUNK_EDGES = /^[\s^*\-:.,;|]+|[\s^*\-:;|]+$/g;

function cleanValue(text: string): string {
  return collapse(text).replace(JUNK_EDGES, '');
}

const DATE_IN_TEXT = /\b\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b/;

function firstDate(stream: Stream, from: number): { iso: string | null; raw: string; range: Range; start: number; end: number } | null {
  const m = DATE_IN_TEXT.exec(stream.text.slice(from));
  if (!m) return null;
  const start = from + m.index;
  const raw = m[0].replace(/\s+/g, '');
  return { iso: parseDateText(raw)?.iso ?? null, raw, range: stream.range(start, start + m[0].length), start, end: start + m[0].length };
}

/**
 * Text of a box's stream between stream offsets `from` and `to` that no field took, one problem a
 * piece: what is not the form's printed words (labels, captions, options, cut or OCR-damaged).
 */
function unreadIn(stream: Stream, from: number, to: number, reason: string, problems: LayoutProblem[]): void {
  stream.pieces.forEach((p, k) => {
    const at = stream.offsets[k];
    const [a, b] = [Math.max(from, at), Math.min(to, at + p.text.length)];
    if (b <= a) return;
    const text = p.text.slice(a - at, b - at);
    if (!text.trim() || onlyPrintedWords(text)) return;
    const lead = text.length - text.trimStart().length;
    const start = p.start + (a - at) + lead;
    problems.push({ line: p.line, start, end: start + text.trim().length, text: text.trim(), reason, advice: 'check which box it belongs to' });
  });
}

/**
 * What a date box holds besides its label, its caption and the one date it gives: text of the
 * header no field took (a value the reading order put in the wrong box, a second date).
 */
function unreadInDateBox(stream: Stream, from: number, date: { start: number; end: number } | null, problems: LayoutProblem[]): void {
  const reason = 'in a date box, beside its date';
  if (!date) return unreadIn(stream, from, stream.text.length, reason, problems);
  unreadIn(stream, from, date.start, reason, problems);
  unreadIn(stream, date.end, stream.text.length, reason, problems);
}

/** The stream offset where a line of pieces (from `linesIn`) ends. */
function lineEnd(stream: Stream, line: Piece[]): number {
  const last = line[line.length - 1];
  const k = stream.pieces.findIndex((p) => p.line === last.line && p.start <= last.start && last.end <= p.end);
  return k < 0 ? stream.text.length : stream.offsets[k] + (last.end - stream.pieces[k].start);
}

// ---------------------------------------------------------------------------------------------
// Box 1: name and address.

const CAPTION = {
  last: /\(\s*Last\s*\)/i,
  middle: /\(\s*Middle\s*\)/i,
  street: /\(\s*Street\s*\)/i,
  city: /\(\s*City\s*\)/i,
  zip: /\(\s*Zip\s*\)/i,
};

function search(re: RegExp, text: string, from: number): { start: number; end: number } | null {
  const m = re.exec(text.slice(from));
  return m ? { start: from + m.index, end: from + m.index + m[0].length } : null;
}

/** Pieces of the stream inside [start, end), clipped, grouped by line. */
function linesIn(stream: Stream, start: number, end: number): Piece[][] {
  const out: Piece[][] = [];
  /** The stream piece that ended the last piece out, whole (a glued piece may continue it). */
  let wholeUpTo = -1;
  stream.pieces.forEach((p, k) => {
    const pStart = stream.offsets[k];
    const pEnd = pStart + p.text.length;
    const s = Math.max(start, pStart);
    const e = Math.min(end, pEnd);
    if (e <= s) return;
    const text = p.text.slice(s - pStart, e - pStart);
    const trimmed = text.trim();
    if (!trimmed || (!p.glue && !/[A-Za-z0-9]/.test(trimmed) && trimmed !== '(')) return;
    const lead = text.length - text.trimStart().length;
    const piece: Piece = { line: p.line, start: p.start + (s - pStart) + lead, end: p.start + (s - pStart) + lead + trimmed.length, text: trimmed, x: p.x + (s - pStart) + lead, sub: p.sub };
    const last = out[out.length - 1];
    const glued = (p.glue || p.spaced) && s === pStart && wholeUpTo === k - 1;
    wholeUpTo = e === pEnd && lead === 0 && trimmed.length === text.length ? k : -1;
    if (glued) {
      // A word cut in a grid cell (or a nested table's line cut at a space): the piece continues the one before it.
      const before = last[last.length - 1];
      last[last.length - 1] = { ...before, text: before.text + (p.spaced ? ' ' : '') + piece.text };
    } else if (last && last[0].line === piece.line && (last[0].sub ?? 0) === (piece.sub ?? 0)) last.push(piece);
    else out.push([piece]);
  });
  return out;
}

function pieceRange(p: Piece): Range {
  return { start: { line: p.line, character: p.start }, end: { line: p.line, character: p.end } };
}

/** City, state code (MA, A6, D0) and a postal code with at least one digit (02451, M5J2T3, HM 11). */
const CITY_STATE_ZIP = /^(.*?)[,\s]+([A-Za-z]{2}|[A-Z]\d|\d[A-Z])\.?\s+((?=[A-Z0-9 -]*\d)[A-Z0-9]{1,7}(?:[ -][A-Z0-9]{1,5})?)$/;

/**
 * City and a state code, no postal code: "SAN MATEO, CA", "Greenwich CT", "TEL AVIV, L3". Besides
 * the US codes, EDGAR's codes of other countries: a letter and a digit ("L3", "X0", "D0"), which
 * no city name ends with.
 */
function cityAndState(text: string): { city: string; state: string } | null {
  let t = text.trim();
  if (t.endsWith('.')) t = t.slice(0, -1);
  const state = t.slice(-2);
  let end = t.length - 2;
  if (!(US_STATES.has(state) || /^[A-Z]\d$/.test(state)) || !/[\s,]/.test(t[end - 1] ?? '')) return null;
  while (end > 0 && /[\s,]/.test(t[end - 1])) end--;
  const city = t.slice(0, end);
  return /[A-Za-z]{2}/.test(city) ? { city, state } : null;
}

/** USPS codes of the states, DC and the territories. */
const US_STATES = new Set(
  'AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY AS GU MP PR VI'.split(' '),
);

interface CityStateZip {
  city: string | null;
  state: string | null;
  zip: string | null;
  ranges: { field: 'city' | 'state' | 'zip'; range: Range; raw: string }[];
}

/**
 * How far (characters) a city's wrapped line may stand from its first line and still be in the
 * city's column: centring a shorter or longer word moves it a few characters either way.
 */
const CITY_COLUMN_TOLERANCE = 3;

/**
 * A printed page centres each cell in its row: a two-line city stands one line above and one below
 * the line of state and zip ("SAN" / "CA   94129" / "FRANCISCO"). The city is every piece in the
 * city's column, in order; state and zip are the line that has no city.
 */
function centredCity(lines: Piece[][]): CityStateZip | null {
  if (lines.length < 2 || lines[0].length !== 1) return null;
  const x = lines[0][0].x;
  const inCity = (p: Piece) => Math.abs(p.x - x) <= CITY_COLUMN_TOLERANCE;
  const rest = lines.filter((ps) => !inCity(ps[0]));
  // State and zip stand right of the city's column.
  if (rest.length !== 1 || rest[0].length !== 2 || rest[0][0].x <= x + CITY_COLUMN_TOLERANCE) return null;
  const [s, z] = rest[0];
  if (!/^(?:[A-Z]{2}|[A-Z]\d|\d[A-Z])$/.test(s.text) || !/^(?=[A-Z0-9 -]*\d)[A-Z0-9]{3,7}(?:[ -][A-Z0-9]{1,5})?$/.test(z.text)) return null;
  const cityPieces = lines.filter((ps) => ps !== rest[0]);
  if (cityPieces.some((ps) => ps.length !== 1)) return null;
  const city = cleanValue(cityPieces.map((ps) => ps[0].text).join(' ')).replace(/,$/, '') || null;
  return {
    city,
    state: s.text,
    zip: z.text,
    ranges: [
      { field: 'city', range: pieceRange(lines[0][0]), raw: lines[0][0].text },
      { field: 'state', range: pieceRange(s), raw: s.text },
      { field: 'zip', range: pieceRange(z), raw: z.text },
    ],
  };
}

/** "WALTHAM, MA 02451", or columns "TORONTO   A6   M5J2T3" with "ONTARIO" wrapped under the city. */
export function parseCityLines(lines: Piece[][]): CityStateZip {
  const out: CityStateZip = { city: null, state: null, zip: null, ranges: [] };
  if (lines.length === 0) return out;
  const centred = centredCity(lines);
  if (centred) return centred;
  const first = lines[0];
  if (first.length >= 3) {
    const [c, s, z] = [first[0], first[first.length - 2], first[first.length - 1]];
    const cityParts = [first.slice(0, first.length - 2).map((p) => p.text).join(' ')];
    for (const more of lines.slice(1)) {
      for (const p of more) if (Math.abs(p.x - c.x) <= CITY_COLUMN_TOLERANCE) cityParts.push(p.text);
    }
    out.city = cleanValue(cityParts.join(' ')).replace(/,$/, '') || null;
    out.state = cleanValue(s.text) || null;
    out.zip = cleanValue(z.text) || null;
    out.ranges.push({ field: 'city', range: pieceRange(c), raw: c.text }, { field: 'state', range: pieceRange(s), raw: s.text }, { field: 'zip', range: pieceRange(z), raw: z.text });
    return out;
  }
  // A narrow column leaves one space between city and state ("TORONTO A6   M5J2T3" / "ONTARIO"): all three are there.
  const firstWhole = (ps: Piece[]) => CITY_STATE_ZIP.test(ps.map((p) => p.text).join(' ').trim());
  if (first.length === 2 && !firstWhole(first) && !CITY_STATE_ZIP.test(lines.map((ps) => ps.map((p) => p.text).join(' ')).join(' ').trim())) {
    // One of three columns empty (a value lost): "SAN MATEO   CA", "CA   94402".
    const [a, b] = first;
    const state = (t: string) => /^(?:[A-Z]{2}|[A-Z]\d|\d[A-Z])$/.test(t);
    const zip = (t: string) => /^(?=[A-Z0-9 -]*\d)[A-Z0-9]{3,7}(?:[ -][A-Z0-9]{1,5})?$/.test(t);
    const fields: ['city' | 'state' | 'zip', Piece][] | null =
      state(a.text) && zip(b.text) ? [['state', a], ['zip', b]] : /[A-Za-z]{3}/.test(a.text) && (state(b.text) || zip(b.text)) ? [['city', a], [state(b.text) ? 'state' : 'zip', b]] : null;
    if (fields) {
      for (const [field, p] of fields) {
        out[field] = field === 'city' ? cleanValue(p.text).replace(/,$/, '') || null : cleanValue(p.text) || null;
        out.ranges.push({ field, range: pieceRange(p), raw: p.text });
      }
      return out;
    }
  }
  let joined = first.map((p) => p.text).join(' ');
  let m = CITY_STATE_ZIP.exec(joined.trim());
  if (!m && lines.length > 1) {
    // City, state and zip in cells of their own, one per line (raw HTML).
    const all = lines.map((ps) => ps.map((p) => p.text).join(' ')).join(' ');
    const whole = CITY_STATE_ZIP.exec(all.trim());
    if (whole) {
      joined = all;
      m = whole;
      lines = lines.slice(0, 1);
    }
  }
  const range = pieceRange(first[0]);
  // A city too long for its column wraps onto the next line ("TORONTO A6 M5J2T3" / "ONTARIO").
  const wrapped = lines.slice(1).map((ps) => ps.map((p) => p.text).join(' ')).filter((t) => /^[A-Za-z .'-]+$/.test(t));
  if (m) {
    out.city = cleanValue([m[1], ...wrapped].join(' ')).replace(/,$/, '') || null;
    out.state = m[2].toUpperCase();
    out.zip = m[3];
  } else {
    // No postal code (left blank, or lost): a US state or territory code ends the line.
    const cs = cityAndState(joined);
    if (cs) {
      out.city = cleanValue([cs.city, ...wrapped].join(' ')) || null;
      out.state = cs.state;
    } else out.city = cleanValue(joined) || null;
  }
  out.ranges.push({ field: 'city', range, raw: joined });
  return out;
}

function emptyOwner(): ReportingOwnerRecord {
  return {
    name: null,
    street1: null,
    street2: null,
    city: null,
    state: null,
    zip: null,
    isDirector: null,
    isOfficer: null,
    isTenPercentOwner: null,
    isOther: null,
    officerTitle: null,
    otherText: null,
  };
}

/**
 * How many of a box's street lines are street 1. A converter wraps a long street 1 over lines of
 * its cell, and wraps greedily: a line breaks only where the next word would not fit. So with
 * three lines or more, street 2 starts after the first break that was not forced (the next line's
 * first word would have fitted); `width` gives the widest line the box shows, a lower bound of its
 * cell (measured only when needed). Two lines, or breaks all forced, keep the plain reading: one
 * line each.
 */
function streetSplit(lines: readonly string[], width: () => number): number {
  if (lines.length < 3) return 1;
  // A care-of line wrapped in a narrow cell, then the street address proper: the first later line
  // that opens with a house number starts street 2 ("C/O ACME HOLDINGS," / "INC." / "650 MAIN STREET").
  // Character counts say little about where a proportional font wrapped (a printed page).
  const numbered = lines.findIndex((l, i) => i > 0 && /^\d+\s+\S/.test(l.trim()));
  if (numbered > 0 && !/^\d/.test(lines[0]!.trim())) return numbered;
  const w = width();
  for (let i = 0; i + 1 < lines.length; i++) if (nextWordFits(lines[i], lines[i + 1], w)) return i + 1;
  return 1;
}

/** A piece that is only name captions ("(First)", "(Middle)", "(First) (Middle)"). */
const NAME_CAPTIONS_ONLY = new RegExp(`^(?:\\(\\s*(?:${ADDRESS_CAPTIONS.last}|${ADDRESS_CAPTIONS.first}|${ADDRESS_CAPTIONS.middle})\\s*\\)\\s*)+$`, 'i');
/** The state's caption alone. */
const STATE_CAPTION_ONLY = new RegExp(`^\\(\\s*${ADDRESS_CAPTIONS.state}\\s*\\)$`, 'i');
/** A postal code alone: five digits (and four), or a code of letters and digits with a digit. */
const LONE_ZIP = /^(?:\d{5}(?:-\d{4})?|(?=[A-Z0-9 -]*\d)[A-Z0-9]{3,7}(?:[ -][A-Z0-9]{1,5})?)$/;

/** Reads box 1 from its stream. */
export function parseOwnerBox(stream: Stream): OwnerBox {
  const text = stream.text;
  const from = valueStart(stream, 'reportingPerson');
  const record = emptyOwner();
  const fields: OwnerBox['fields'] = [];
  const last = search(CAPTION.last, text, from);
  const middle = search(CAPTION.middle, text, last?.end ?? from) ?? last;
  const street = search(CAPTION.street, text, middle?.end ?? from);
  const city = search(CAPTION.city, text, street?.end ?? from) ?? search(CAPTION.zip, text, street?.end ?? from);

  const nameLines = linesIn(stream, from, last?.start ?? text.length);
  if (nameLines.length) {
    const pieces = last ? nameLines.flat() : nameLines[0];
    const raw = pieces.map((p) => p.text).join(' ');
    record.name = cleanValue(raw) || null;
    if (record.name) fields.push({ field: 'name', range: pieceRange(pieces[0]), raw });
  }
  if (middle) {
    let streetPieces = linesIn(stream, middle.end, street?.start ?? city?.start ?? text.length);
    // OCR may read "(Middle)" as a block of its own after the street lines beside it ("(Last)
    // (First)" / "C/O ACME" / "1 MAIN ST" / "(Middle)" / "(Street)"): the streets are then the
    // lines between the name captions, the captions left out.
    if (!streetPieces.length && last && middle !== last && street) {
      streetPieces = linesIn(stream, last.end, street.start)
        .map((ps) => ps.filter((p) => !NAME_CAPTIONS_ONLY.test(p.text)))
        .filter((ps) => ps.length);
    }
    const streetLines = streetPieces.map((ps) => ps.map((p) => p.text).join(' '));
    if (streetLines.length) {
      // The box's own lines, label to (City) caption: whatever follows may be wider text below the grid.
      const boxWidth = () => Math.max(...linesIn(stream, 0, city?.end ?? street?.end ?? text.length).map((ps) => ps.map((p) => p.text).join(' ').length));
      // Cells that cut text at the width instead of wrapping it (its cut words are glued pieces): no greedy wrap to read there.
      const split = stream.pieces.some((p) => p.glue) ? 1 : streetSplit(streetLines, boxWidth);
      const street1 = streetLines.slice(0, split).join(' ');
      record.street1 = cleanValue(street1) || null;
      fields.push({ field: 'street1', range: pieceRange(streetPieces[0][0]), raw: street1 });
      if (streetLines.length > split) {
        record.street2 = cleanValue(streetLines.slice(split).join(' ')) || null;
        fields.push({ field: 'street2', range: pieceRange(streetPieces[split][0]), raw: streetLines[split] });
      }
    }
  }
  let zipCaptionEnd: number | null = null;
  if (street) {
    const csz = parseCityLines(linesIn(stream, street.end, city?.start ?? text.length));
    // OCR may read the zip cell as a block of its own under "(City) (State)", above "(Zip)".
    const zipCaption = city && !csz.zip ? search(CAPTION.zip, text, city.end) : null;
    if (zipCaption) {
      const below = linesIn(stream, city!.end, zipCaption.start).flat().filter((p) => !STATE_CAPTION_ONLY.test(p.text));
      if (below.length === 1 && LONE_ZIP.test(below[0].text)) {
        zipCaptionEnd = zipCaption.end;
        csz.zip = below[0].text;
        csz.ranges.push({ field: 'zip', range: pieceRange(below[0]), raw: below[0].text });
      }
    }
    record.city = csz.city;
    record.state = csz.state;
    record.zip = csz.zip;
    fields.push(...csz.ranges);
  }
  // What the box holds past its last caption, or (without name captions) past the name's line
  // up to the street caption: no field reads it.
  const problems: LayoutProblem[] = [];
  const reason = "in the owner's box, past its name, street and city";
  if (city) unreadIn(stream, zipCaptionEnd ?? search(CAPTION.zip, text, city.start)?.end ?? city.end, text.length, reason, problems);
  else if (!last && nameLines.length) unreadIn(stream, lineEnd(stream, nameLines[0]), street?.start ?? text.length, reason, problems);
  const first = stream.pieces[0];
  const lastPiece = stream.pieces[stream.pieces.length - 1];
  const range: Range = {
    start: { line: first.line, character: first.start },
    end: { line: lastPiece.line, character: lastPiece.end },
  };
  return { record, range, fields, problems };
}

// ---------------------------------------------------------------------------------------------
// Check boxes.

/**
 * How many characters before an option's text or a check box's caption its mark is looked for:
 * the mark and the space after it ("X       Director", "[X] Check this box").
 */
const MARK_REACH = 8;

function checkedBefore(text: string, at: number): boolean {
  return CHECK_BEFORE_RE.test(text.slice(Math.max(0, at - MARK_REACH), at));
}

/** Box 4/5: which relationships are checked, and the officer title / other text under them. */
export function parseRelationship(stream: Stream, at?: number): Relationship | null {
  const text = stream.text;
  const from = at ?? valueStart(stream, 'relationship');
  const below = /below\s*\)/gi;
  let optionsEnd = -1;
  below.lastIndex = from;
  for (let m = below.exec(text); m; m = below.exec(text)) optionsEnd = m.index + m[0].length;
  const options = text.slice(0, optionsEnd < 0 ? text.length : optionsEnd);
  // Narrow grid cells break words over lines ("Dire" / "ctor"): read the options joined too.
  const joined = options.replace(/([a-z])\n(?=[a-z])/g, '$1');
  const checks = (source: string) => {
    const found: Partial<Record<'isDirector' | 'isTenPercentOwner' | 'isOfficer' | 'isOther', boolean>> = {};
    let end = -1;
    for (const opt of RELATIONSHIP_OPTIONS) {
      opt.re.lastIndex = from > source.length ? source.length : Math.min(from, source.length);
      const m = opt.re.exec(source);
      if (m) {
        found[opt.field] = checkedBefore(source, m.index);
        end = Math.max(end, m.index + m[0].length);
      }
    }
    return { found, end };
  };
  let { found, end: lastOption } = checks(options);
  if (Object.keys(found).length < 4 && joined !== options) {
    const alt = checks(joined);
    if (Object.keys(alt.found).length > Object.keys(found).length) found = alt.found;
  }
  if (Object.keys(found).length === 0) return null;
  found = { ...found, ...marksBesideFragments(options) };
  const rel: Relationship = {
    isDirector: found.isDirector ?? false,
    isTenPercentOwner: found.isTenPercentOwner ?? false,
    isOfficer: found.isOfficer ?? false,
    isOther: found.isOther ?? false,
    officerTitle: null,
    otherText: null,
  };
  const titleFrom = optionsEnd >= 0 ? optionsEnd : lastOption;
  const stripCaption = (t: string) => t.replace(/^(?:Officer\s+)?Title\s*:\s*|^Other\s*:\s*/i, '');
  let titleLines = linesIn(stream, titleFrom, text.length)
    .map((ps) => ps.filter((p) => !/^(?:X|x|☒|☐)$/.test(p.text)).flatMap((p) => withoutPrintedFragments(p)))
    .filter((ps) => ps.length);
  // Options found outside their own box (`at` given): the box they stand in goes on with its own
  // text after them, so the title is the lines up to the first that cannot be one.
  if (at !== undefined) {
    const end = titleLines.findIndex((ps) => ps.some((p) => !TITLE_LINE_RE.test(p.text)));
    if (end >= 0) titleLines = titleLines.slice(0, end);
  }
  if (titleLines.length) {
    // Both boxes checked: the title and the other text are separate cells, or separate lines.
    const byCell = rel.isOfficer && rel.isOther && titleLines.length === 1 && titleLines[0].length > 1;
    const words = byCell ? titleLines[0].map((p) => p.text) : titleLines.map((ps) => ps.map((p) => p.text).join(' '));
    rel.titleRange = pieceRange(titleLines[0][0]);
    const columns = rel.isOfficer && rel.isOther ? titlesByColumn(stream, from, titleLines) : null;
    if (columns) {
      rel.officerTitle = columns.officer.length ? stripCaption(cleanValue(columns.officer.join(' '))) : null;
      rel.otherText = columns.other.length ? stripCaption(cleanValue(columns.other.join(' '))) : null;
    } else if (rel.isOfficer && rel.isOther && words.length > 1) {
      rel.officerTitle = stripCaption(cleanValue(words[0]));
      rel.otherText = stripCaption(cleanValue(words.slice(1).join(' ')));
    } else if (rel.isOther && !rel.isOfficer) {
      rel.otherText = stripCaption(cleanValue(words.join(' ')));
    } else {
      rel.officerTitle = stripCaption(cleanValue(words.join(' ')));
    }
  }
  return rel;
}

/**
 * The form's own words a title line may begin with: the rest of an option's caption ("(specify",
 * "title below)") or box 1's captions, which OCR reads onto the options' lines when the boxes
 * stand side by side.
 */
const [GIVE, TITLE, BELOW] = RELATIONSHIP_WORDING.officerCaption.split(' ');
const PRINTED_FRAGMENT_RE = new RegExp(
  `^\\s*(?:\\(\\s*(?:${Object.values(ADDRESS_CAPTIONS).join('|')})\\s*\\)|\\(\\s*(?:${GIVE}(?:\\s+${TITLE})?|${RELATIONSHIP_WORDING.otherCaption.split(' ')[0]})\\b|(?:${TITLE}\\s+)?${BELOW}\\s*\\))\\s*`,
  'i',
);

/** A piece of a title line without the form's words it begins with (none left: no piece). */
function withoutPrintedFragments(p: Piece): Piece[] {
  let cut = 0;
  // One fragment at a time: "(specify (Last) (First) (Middle)" is four.
  for (let m = PRINTED_FRAGMENT_RE.exec(p.text); m && m[0].length; m = PRINTED_FRAGMENT_RE.exec(p.text.slice(cut))) {
    cut += m[0].length;
    if (cut >= p.text.length) return [];
  }
  return cut ? [{ ...p, start: p.start + cut, x: p.x + cut, text: p.text.slice(cut) }] : [p];
}

/** A line that can be an officer title or other text: words, no digits, no box label or caption. */
const TITLE_LINE_RE = /^[\p{L}&/,.'’\- ]+$/u;

/**
 * Box 5's options outside the box (OCR read the page's boxes in its own order, or the box's label
 * too damaged to open it): the stream offset of the first of them where three of the four printed
 * options stand together in one box's text, else -1. The options' words are printed nowhere else
 * in the header.
 */
export function strayOptionsStart(text: string): number {
  let first = -1;
  let found = 0;
  for (const opt of RELATIONSHIP_OPTIONS) {
    opt.re.lastIndex = 0;
    const m = opt.re.exec(text);
    if (!m) continue;
    found++;
    if (first < 0 || m.index < first) first = m.index;
  }
  if (found < 3) return -1;
  // The mark before the first option belongs to it: start at its line.
  return text.lastIndexOf('\n', first) + 1;
}

/**
 * Both boxes checked, the options side by side ("X Officer (give" ... "X Other (specify") and
 * the texts on lines of their own below them: each text stands under its option, so a piece
 * belongs to the option it starts nearer to (a title wrapped in its column, "Chief Executive" /
 * "Officer", stays one title). Null when the layout does not say (options stacked, texts on
 * the options' line as tabbed cells).
 */
function titlesByColumn(stream: Stream, from: number, titleLines: Piece[][]): { officer: string[]; other: string[] } | null {
  const at = (field: 'isOfficer' | 'isOther') => {
    const re = RELATIONSHIP_OPTIONS.find((o) => o.field === field)!.re;
    re.lastIndex = Math.min(from, stream.text.length);
    const m = re.exec(stream.text);
    return m ? { ...stream.position(m.index), piece: stream.pieceAt(m.index) } : null;
  };
  const officer = at('isOfficer');
  const other = at('isOther');
  // Options in cells of their own (a wide space or a border between them) are laid out in columns;
  // in one run of text ("X Officer (give title below) X Other (specify below)", one piece) they are
  // not. The form prints Other right of Officer.
  if (!officer || !other || officer.piece === other.piece || officer.line !== other.line || other.character < officer.character) return null;
  const out = { officer: [] as string[], other: [] as string[] };
  for (const ps of titleLines) {
    for (const p of ps) {
      if (p.line <= officer.line) return null;
      (Math.abs(p.start - other.character) < Math.abs(p.start - officer.character) ? out.other : out.officer).push(p.text);
    }
  }
  return out;
}

const JOINT_ONE_RE = new RegExp(`Form\\s+${fuzzyWord('filed')}\\s+by\\s+(?:([Xx☒])\\s+)?One`, 'i');
const JOINT_MORE_RE = new RegExp(`Form\\s+${fuzzyWord('filed')}\\s+by\\s+(?:([Xx☒])\\s+)?More`, 'i');

function readJointFiling(text: string): boolean | null {
  // The mark stands before the line, or inside it where the text wrapped ("Form filed by" / "X One").
  const one = JOINT_ONE_RE.exec(text);
  const more = JOINT_MORE_RE.exec(text);
  if (more && (more[1] || checkedBefore(text, more.index))) return true;
  if (one && (one[1] || checkedBefore(text, one.index))) return false;
  return null;
}

const JOINT_OPTION_RE = new RegExp(`Form\\s+${fuzzyWord('filed')}\\b`, 'gi');
/** A check mark standing alone among the words of a wrapped option. */
const LONE_MARK_RE = /(?:^|\s)[Xx☒](?=\s)/;
const LONE_MARKS_RE = new RegExp(LONE_MARK_RE.source, 'g');

/**
 * Options wrapped a word or two a line (drawn grids at 80 columns) put the mark on a middle line of its
 * option ("Form filed" / "X  by One" / "Reporting"): the option whose lines hold the only lone mark
 * followed by more of its words.
 */
function readWrappedJointFiling(text: string): boolean | null {
  const starts = [...text.matchAll(JOINT_OPTION_RE)].map((m) => m.index);
  if (starts.length !== 2) return null;
  const [one, more] = [text.slice(starts[0], starts[1]), text.slice(starts[1])];
  const words = (t: string) => t.replace(LONE_MARKS_RE, ' ').replace(/\s+/g, ' ');
  if (!/^Form \S+ by One\b/i.test(words(one)) || !/^Form \S+ by More\b/i.test(words(more))) return null;
  const marked = (t: string) => LONE_MARK_RE.test(t.trimEnd());
  if (marked(one) === marked(more)) return null;
  return marked(more);
}

/**
 * An option wrapped after "Reporting", its mark read before the wrapped word ("Form filed by One
 * Reporting" / "Xx Person"): OCR reads the mark, centred on the two lines, on the second.
 */
const JOINT_WRAPPED_MARK_RE = new RegExp(`Form\\s+${fuzzyWord('filed')}\\s+by\\s+(One|More\\s+than\\s+One)\\s+Reporting[ \\t]*\\n[ \\t]*(?:X|x|xX|Xx|☒)[ \\t]+Person\\b`, 'gi');

/**
 * Box 6 when its box did not take its options: OCR runs them into the lines of box 1 beside it
 * ("MENLO CA 94025 X_— Form filed by One Reporting Person"). Its wording is printed nowhere
 * else, so it is read in the header's whole text.
 */
function jointFilingInLines(lines: readonly PLine[]): HeaderValue<boolean | null> {
  const text = lines.map((l) => l.masked).join('\n');
  let value = readJointFiling(text);
  if (value === null) {
    const marks = [...text.matchAll(JOINT_WRAPPED_MARK_RE)];
    if (marks.length === 1) value = /^More/i.test(marks[0][1]);
  }
  if (value === null) return { value: null };
  const at = /Form\s+filed/i.exec(text);
  if (!at) return { value };
  const line = text.slice(0, at.index).split('\n').length - 1;
  const character = at.index - (text.lastIndexOf('\n', at.index - 1) + 1);
  return { value, range: { start: { line: lines[line].line, character }, end: { line: lines[line].line, character: character + at[0].length } } };
}

function parseJointFiling(stream: Stream): HeaderValue<boolean | null> {
  // Narrow grid cells break words over lines ("Form fi" / "led by More"): read joined too.
  const value =
    readJointFiling(stream.text) ?? readJointFiling(stream.text.replace(/([a-z])\n(?=[a-z])/g, '$1')) ?? readWrappedJointFiling(stream.text);
  if (value === null) return { value: null };
  const at = /Form\s+filed/i.exec(stream.text);
  return { value, range: at ? stream.range(at.index, at.index + at[0].length) : undefined };
}

/** Words of the relationship options, for a mark that stands beside a wrapped option's second line. */
const OPTION_FRAGMENT: [RegExp, 'isDirector' | 'isTenPercentOwner' | 'isOfficer' | 'isOther'][] = [
  [/^Director/i, 'isDirector'],
  [/^(10\s*%|Owner)/i, 'isTenPercentOwner'],
  [new RegExp(`^(${RELATIONSHIP_WORDING.officer}|\\(${RELATIONSHIP_WORDING.officerCaption.split(' ').slice(0, 2).join('|')})`, 'i'), 'isOfficer'],
  [new RegExp(`^(${RELATIONSHIP_WORDING.other}|\\(${RELATIONSHIP_WORDING.otherCaption.split(' ')[0]})`, 'i'), 'isOther'],
];

function marksBesideFragments(options: string): Partial<Record<'isDirector' | 'isTenPercentOwner' | 'isOfficer' | 'isOther', boolean>> {
  const out: Partial<Record<'isDirector' | 'isTenPercentOwner' | 'isOfficer' | 'isOther', boolean>> = {};
  const re = /(?:^|\s)(?:X|x|☒|\[\s*[Xx]\s*\])\.?\s+(\S+)/g;
  for (let m = re.exec(options); m; m = re.exec(options)) {
    const hit = OPTION_FRAGMENT.find(([frag]) => frag.test(m![1]));
    if (hit) out[hit[1]] = true;
    else if (/^below\)/i.test(m[1])) {
      // A check box centred on a two-line label stands before its second line: "X below)". The
      // form prints Officer's "(give title / below)" left of Other's "(specify / below)".
      const lineStart = options.lastIndexOf('\n', m.index) + 1;
      const before = options.slice(lineStart, m.index + m[0].length - m[1].length);
      const above = options.slice(0, lineStart);
      if (/Officer\s*\(give/i.test(above) && /Other\s*\(specify/i.test(above)) out[/below\s*\)/i.test(before) ? 'isOther' : 'isOfficer'] = true;
    }
  }
  return out;
}

/**
 * Box 2 (3 on Form 3): the issuer's name and its ticker in brackets, or its name alone on the
 * label's next line. Text after them no field takes: it goes to `problems`.
 */
function parseIssuer(stream: Stream, problems: LayoutProblem[] = []): { name: HeaderValue<string | null>; ticker: HeaderValue<string | null> } {
  const from = valueStart(stream, 'issuer');
  const rest = stream.text.slice(from);
  const m = /([^[\]]*?)\[\s*([A-Za-z0-9.\-/]{1,12})\s*\]/.exec(rest);
  const reason = "in the issuer's box, beside its name and the ticker";
  if (m) {
    unreadIn(stream, from + m.index + m[0].length, stream.text.length, reason, problems);
    const nameStart = from + m.index + (m[1].length - m[1].trimStart().length);
    const name = cleanValue(m[1]);
    const tickerStart = from + m.index + m[0].indexOf(m[2]);
    return {
      name: { value: name || null, range: stream.range(nameStart, nameStart + m[1].trim().length), raw: m[1].trim() },
      ticker: { value: m[2].toUpperCase(), range: stream.range(tickerStart, tickerStart + m[2].length), raw: m[2] },
    };
  }
  const lines = linesIn(stream, from, stream.text.length);
  if (!lines.length) return { name: { value: null }, ticker: { value: null } };
  const raw = lines[0].map((p) => p.text).join(' ');
  unreadIn(stream, lineEnd(stream, lines[0]), stream.text.length, reason, problems);
  return { name: { value: cleanValue(raw) || null, range: pieceRange(lines[0][0]), raw }, ticker: { value: null } };
}

/** Box 2's value as the form prints it: the issuer's name, then its ticker in brackets. */
const NAME_AND_TICKER_RE = /([^[\]]*?)\[\s*([A-Z0-9][A-Za-z0-9.\-/]{0,11})\s*\]/;

/**
 * OCR runs a printed header's boxes together (one line of text across boxes 1, 2 and 5), so box 2
 * may come out without its value. Its value is printed as no other box's is, "Name [ TICKER ]": the
 * first header line that holds it gives both, the name being the text before the brackets that no
 * label takes (a lone check mark in brackets is none).
 */
function bracketedIssuer(lines: PLine[]): { name: HeaderValue<string | null>; ticker: HeaderValue<string | null> } | null {
  for (const l of lines) {
    const m = NAME_AND_TICKER_RE.exec(l.masked);
    if (!m || /^[Xx]$/.test(m[2])) continue;
    // What a label of the line leaves before the brackets ("... Trading Symbol Acme Corp [ ACME ]").
    const before = m[1];
    const cut = Math.max(0, ...[...before.matchAll(/\b(?:Symbol|Issuer)\b\S*/gi)].map((x) => x.index! + x[0].length));
    const raw = before.slice(cut).trim();
    const name = cleanValue(raw);
    const nameStart = m.index + cut + (before.slice(cut).length - before.slice(cut).trimStart().length);
    const tickerStart = m.index + m[0].indexOf(m[2], before.length);
    const range = (a: number, b: number): Range => ({ start: { line: l.line, character: a }, end: { line: l.line, character: b } });
    return {
      name: name ? { value: name, range: range(nameStart, nameStart + raw.length), raw } : { value: null },
      ticker: { value: m[2].toUpperCase(), range: range(tickerStart, tickerStart + m[2].length), raw: m[2] },
    };
  }
  return null;
}

/** The end of a box label's words OCR left before the issuer's name on its line. */
const DATE_CAPTION = `\\(${MONTH}\\/${DAY}\\/${YEAR}\\)`;
const LABEL_TAIL_RE = new RegExp(`\\b(?:Symbol|Issuer|applicable)\\b\\S*|${DATE_CAPTION}`, 'gi');
/** Form 3's box 2 label around the owner's name OCR read into it: its last word, the name, its date caption. */
const NAME_IN_LABEL_RE = new RegExp(`${P.eventRequiringStatement.split(' ').pop()}\\b\\S*\\s+(.+?)\\s*${DATE_CAPTION}\\s*$`, 'i');

/** A word in capitals ("BOTHA", "CORP", "INC.") or one that is not ("Botha", "Inc."), when it has two letters or more. */
function letterCase(word: string): 'upper' | 'mixed' | null {
  const letters = word.replace(/[^A-Za-z]/g, '');
  if (letters.length < 2) return null;
  return letters === letters.toUpperCase() ? 'upper' : letters !== letters.toLowerCase() ? 'mixed' : null;
}

/**
 * OCR reads boxes 1 and 2 of a printed header as one line when they stand side by side: "BOTHA
 * ROELOF MongoDB, Inc. [ MDB ]", "Requiring Statement Sacks David O (Month/Day/Year) Rumble Inc.".
 * Label words left in the issuer's name are cut; when the owner's box gave no name, the owner's
 * name and the issuer's, typed apart, often differ in letter case ("Hoffman Reid MICROSOFT CORP"):
 * a single switch between words in capitals and words that are not splits them. Without one the
 * name stays as read.
 */
function splitOwnerFromIssuer(result: HeaderResult): void {
  const issuer = result.issuerName;
  if (!issuer.value || !issuer.raw || !issuer.range) return;
  let text = issuer.value;
  let cut = 0;
  for (const m of text.matchAll(LABEL_TAIL_RE)) cut = m.index! + m[0].length;
  const label = text.slice(0, cut);
  text = text.slice(cut).trim();
  const owner = result.owners[0];
  let ownerName: string | null = null;
  // The owner's box gave no name, only a label's words ("2. Date of Event" read into it), or the
  // whole run-together line (box 2's bracketed ticker is in no owner's name).
  if (owner && (!owner.record.name || onlyPrintedWords(owner.record.name) || NAME_AND_TICKER_RE.test(owner.record.name))) {
    // Between two of a label's words (Form 3: "Requiring Statement ... (Month/Day/Year)").
    const inLabel = NAME_IN_LABEL_RE.exec(label);
    if (inLabel) ownerName = ownerPart(inLabel[1]!) || null;
    else {
      const words = text.split(' ');
      const cases = words.map(letterCase);
      const switches: number[] = [];
      let prev: 'upper' | 'mixed' | null = null;
      cases.forEach((c, i) => {
        if (!c) return;
        if (prev && c !== prev) switches.push(i);
        prev = c;
      });
      if (switches.length === 1 && switches[0]! >= 2) {
        ownerName = words.slice(0, switches[0]).join(' ');
        text = words.slice(switches[0]).join(' ');
      }
    }
  }
  if (!cut && ownerName === null) return;
  const name = cleanValue(text);
  if (!name) return;
  result.issuerName = { value: name, range: issuer.range, raw: issuer.raw };
  if (owner && ownerName) owner.record.name = ownerName;
}

/** Where another box's text starts on a line box 1 opens: a date, a box label, a check mark, a ticker's bracket. */
const OTHER_BOX_RE = /(?:^|\s)\d{1,2}\/\d{1,2}\/\d{4}\b|(?:^|\s)\d\.\s+[A-Za-z]|(?:^|\s)[Xx☒]{1,2}\s+[A-Z0-9]|\[/;
/** City, state and zip as box 1 prints them on one line: "SAN CA 94103", "BOSTON MA 02110-1234". */
const CITY_STATE_ZIP_RE = /^(.*?)\s*\b([A-Z]{2})\s+(\d{5}(?:-\d{4})?)(?![\d-])/;

/** Box 1's part of a line it opens: the text before another box's. */
function ownerPart(text: string): string {
  const m = OTHER_BOX_RE.exec(text);
  // Marks OCR made of rules and borders ("——", ",", "°") are no words of the box.
  const words = (m ? text.slice(0, m.index) : text).split(/\s+/);
  while (words.length && !/[\p{L}\d]/u.test(words[words.length - 1]!)) words.pop();
  while (words.length && !/[\p{L}\d]/u.test(words[0]!)) words.shift();
  const out = cleanValue(words.join(' '));
  // A name or street as printed has a capital ("rr", "us. on" are what OCR made of a rule).
  return /(?=\p{L}*\p{Lu})\p{L}{2,}/u.test(out) ? out : '';
}

/** The leading words in capitals of a line (a city's wrapped piece, "FRANCISCO Form filed by ..."). */
function leadingCapitals(text: string): string {
  const words: string[] = [];
  for (const w of text.trim().split(/\s+/)) {
    if (!/^[A-Z][A-Z.'-]+,?$/.test(w)) break;
    words.push(w);
  }
  return words.join(' ');
}

/**
 * OCR reads box 1 and the boxes beside it as one line each, with no column to tell them apart, so
 * box 1's lines may land in another box. Box 1 is the leftmost: each of its lines begins a line of
 * text, between the captions it prints ("(Last) (First) (Middle)", "(Street)", "(City) (State)
 * (Zip)"), and the other boxes' text follows on the line. Read so when the owner's box found no
 city line of its own.
 */
function ownerByCaptions(lines: PLine[], owner: OwnerBox): void {
  const rec = owner.record;
  // What the box read stands: its city line, its streets.
  const needCity = rec.city === null && rec.zip === null;
  if (!needCity && rec.street1 !== null) return;
  const at = (re: RegExp, from: number) => {
    for (let i = from; i < lines.length; i++) if (re.test(lines[i]!.masked) && new RegExp(`^\\s*${re.source}`, 'i').test(lines[i]!.masked)) return i;
    return -1;
  };
  const last = at(CAPTION.last, 0);
  const street = last < 0 ? -1 : at(CAPTION.street, last + 1);
  const city = street < 0 ? -1 : at(CAPTION.city, street + 1);
  if (last < 0 || street < 0 || city < 0 || city - last > 12) return;
  const texts = (from: number, to: number) => lines.slice(from, to).map((l) => l.masked.trim()).filter((t) => t && !onlyPrintedWords(t));
  const streets = texts(last + 1, street).map(ownerPart).filter((t) => t && !onlyPrintedWords(t));
  // Box 1 prints two streets, each wrapped at the box's width: a line longer than a street line
  // can be (another box's text OCR ran into it) is not read as one; more lines than two are the
  // streets wrapped, split where the wrapping says (streetSplit).
  // (OCR's lines only: a grid's lines open with a border, tabbed lines keep their cells apart, and
  // both say where box 1's column is themselves.)
  const plain = lines.slice(last, street + 1).every((l) => !/^\s*[│┃║|+]/.test(l.raw) && !l.raw.includes('\t'));
  // (A box that read no city line read no streets to trust either; one that did keeps its streets.)
  if ((needCity || rec.street1 === null) && plain && streets.length && streets.length <= 4 && streets.every((t) => t.length <= 40)) {
    const split = streetSplit(streets, () => Math.max(...streets.map((t) => t.length)));
    rec.street1 = streets.slice(0, split).join(' ');
    rec.street2 = streets.length > split ? streets.slice(split).join(' ') : null;
  }
  if (!needCity) return;
  const region = texts(street + 1, city).filter((t) => !CAPTION.street.test(t));
  const k = region.findIndex((t) => CITY_STATE_ZIP_RE.test(t));
  if (k >= 0) {
    const m = CITY_STATE_ZIP_RE.exec(region[k]!)!;
    const pieces = [...region.slice(0, k).map(leadingCapitals), cleanValue(m[1]!), ...region.slice(k + 1).map(leadingCapitals)].filter((t) => t);
    rec.city = pieces.join(' ') || null;
    rec.state = m[2]!;
    rec.zip = m[3]!;
  }
  if (!rec.name || onlyPrintedWords(rec.name) || NAME_AND_TICKER_RE.test(rec.name)) {
    const ownerLabel = BOX_LABELS[0]!.re;
    const label = lines.findIndex((l) => ownerLabel.test(l.masked));
    const names = label < 0 ? [] : texts(label + 1, last).filter((t) => !NAME_AND_TICKER_RE.test(t)).map(ownerPart).filter((t) => t && !onlyPrintedWords(t));
    if (names.length === 1) rec.name = names[0]!;
  }
}

/** Reads the header boxes from the lines above Table I. */
export function parseHeader(lines: PLine[], form: '3' | '4' | '5', linear = false): HeaderResult {
  const { boxes, labels } = collectBoxes(lines, form, linear);
  const result: HeaderResult = {
    owners: [],
    issuerName: { value: null },
    tradingSymbol: { value: null },
    periodOfReport: { value: null },
    dateOfOriginalSubmission: { value: null },
    dateCells: [],
    jointFiling: { value: null },
    labels,
    relationship: null,
    problems: [],
  };
  const merged = new Map<BoxKey, Piece[]>();
  for (const b of boxes) {
    if (b.box === 'reportingPerson') {
      if (b.pieces.length) {
        const owner = parseOwnerBox(new Stream(b.pieces));
        result.owners.push(owner);
        result.problems.push(...owner.problems);
      }
      continue;
    }
    // A box cut in two (a label repeated by OCR, "3. Da" then "3. Date ...") reads as one.
    merged.set(b.box, [...(merged.get(b.box) ?? []), ...b.pieces]);
  }
  const streamOf = (box: BoxKey) => {
    const pieces = merged.get(box);
    return pieces && pieces.length ? new Stream(pieces) : null;
  };
  const issuer = streamOf('issuer');
  if (issuer) {
    const { name, ticker } = parseIssuer(issuer, result.problems);
    result.issuerName = name;
    result.tradingSymbol = ticker;
  }
  if (result.tradingSymbol.value === null) {
    const found = bracketedIssuer(lines);
    if (found) {
      result.tradingSymbol = found.ticker;
      if (found.name.value !== null) result.issuerName = found.name;
    }
  }
  if (result.owners.length === 1) ownerByCaptions(lines, result.owners[0]!);
  splitOwnerFromIssuer(result);
  // The two date boxes: the first date after each label.
  for (const [box, field] of [
    ['periodOfReport', 'periodOfReport'],
    ['amendment', 'dateOfOriginalSubmission'],
  ] as const) {
    const stream = streamOf(box);
    const from = stream ? valueStart(stream, box) : 0;
    const d = stream ? firstDate(stream, from) : null;
    if (stream) unreadInDateBox(stream, from, d, result.problems);
    if (!d) continue;
    result[field] = { value: d.iso, range: d.range, raw: d.raw };
    result.dateCells.push({ field, raw: d.raw, range: d.range });
  }
  if (result.periodOfReport.value === null && result.dateOfOriginalSubmission.value === null) {
    const only = onlyFullDate(lines);
    if (only) {
      result.periodOfReport = { value: only.iso, range: only.range, raw: only.raw };
      result.dateCells.push({ field: 'periodOfReport', raw: only.raw, range: only.range });
      // The date is read now: no longer text another box could not place (nor the form's words after it).
      const { line, character } = only.range.start;
      result.problems = result.problems.flatMap((p) => {
        if (p.line !== line || p.start !== character) return [p];
        const cut = only.range.end.character - p.start;
        const rest = p.text.slice(cut);
        if (!rest.trim() || onlyPrintedWords(rest)) return [];
        const lead = rest.length - rest.trimStart().length;
        return [{ ...p, start: p.start + cut + lead, text: rest.trim() }];
      });
    }
  }
  const rel = streamOf('relationship');
  if (rel) {
    result.relationship = parseRelationship(rel);
    // No option read: whatever the box holds besides the form's words is lost with it.
    if (!result.relationship) unreadIn(rel, valueStart(rel, 'relationship'), rel.text.length, 'in the relationship box, where no option was read', result.problems);
    const p = rel.pieces[0];
    result.relationshipRange = { start: { line: p.line, character: p.start }, end: { line: p.line, character: p.end } };
  }
  if (!result.relationship) {
    // The options read in another box: OCR of side-by-side boxes runs box 5's lines into the
    // other boxes' (box 1's too), or its label came out too damaged to open it.
    for (const b of boxes) {
      if (b.box === 'relationship' || !b.pieces.length) continue;
      const stream = new Stream(b.pieces);
      const at = strayOptionsStart(stream.text);
      const rel = at < 0 ? null : parseRelationship(stream, at);
      if (!rel) continue;
      result.relationship = rel;
      const p = stream.pieces[stream.pieceAt(at)];
      result.relationshipRange = { start: { line: p.line, character: p.start }, end: { line: p.line, character: p.end } };
      break;
    }
  }
  const joint = streamOf('jointFiling');
  if (joint) result.jointFiling = parseJointFiling(joint);
  if (result.jointFiling.value === null) result.jointFiling = jointFilingInLines(lines);
  return result;
}

/** A date with its year in four digits (the browser's print header writes two). */
const FULL_DATE_RE = /\b\d{1,2}\s?\/\s?\d{1,2}\s?\/\s?\d{4}\b/g;

/**
 * The one full date in the header's lines, when no date box took a date: the period box's label
 * broken over lines OCR interleaved with its neighbours' opened no box, and its date went to
 * another box. The header prints two dates at most (the period, and an amendment's original
 * date): a single one with the amendment box empty is the period's. Null unless exactly one.
 */
function onlyFullDate(lines: readonly PLine[]): { iso: string; raw: string; range: Range } | null {
  let found: { iso: string; raw: string; range: Range } | null = null;
  for (const l of lines) {
    FULL_DATE_RE.lastIndex = 0;
    for (let m = FULL_DATE_RE.exec(l.masked); m; m = FULL_DATE_RE.exec(l.masked)) {
      if (found) return null;
      const raw = m[0].replace(/\s+/g, '');
      const iso = parseDateText(raw)?.iso;
      if (!iso) return null;
      found = { iso, raw, range: { start: { line: l.line, character: m.index }, end: { line: l.line, character: m.index + m[0].length } } };
    }
  }
  return found;
}

/** Owner boxes printed after the tables (joint filings list each further owner in its own box 1). */
export function parseExtraOwnerBoxes(lines: PLine[], form: '3' | '4' | '5', linear = false): OwnerBox[] {
  const { boxes } = collectBoxes(lines, form, linear);
  const owners: OwnerBox[] = [];
  for (const b of boxes) {
    if (!b.pieces.length) continue;
    if (b.box === 'reportingPerson') owners.push(parseOwnerBox(new Stream(b.pieces)));
    else if (b.box === 'relationship' && owners.length) {
      // Some renderings print each further owner's relationships beside its box 1.
      const rel = parseRelationship(new Stream(b.pieces));
      if (rel) applyRelationship(owners[owners.length - 1].record, rel);
    }
  }
  return owners;
}

export function applyRelationship(o: ReportingOwnerRecord, rel: Relationship): void {
  const { titleRange: _where, ...fields } = rel;
  Object.assign(o, fields);
}

/**
 * The exit box of Forms 4 and 5 ("Check this box if no longer subject to Section 16"):
 * true when a check mark stands at the box, false when the box is printed without one,
 * null when its text is not readable (the box may have been lost with it).
 */
/** The text of a wrapped phrase starting at `at` in line k: up to a cell border, joined with the next line. */
function phraseAt(lines: PLine[], k: number, at: number, whole = false): string {
  const cut = (t: string) => t.split(/\t| {3,}/)[0];
  const parts = [cut(lines[k].masked.slice(at))];
  for (let j = k + 1; j < Math.min(lines.length, k + 4); j++) parts.push(cut(lines[j].masked.slice(whole ? 0 : Math.max(0, at - 2)).trimStart()));
  return parts.join(' ');
}

/** The last line of a caption wrapped in a narrow column starting at `at` in line k (its words keep starting there). */
function captionEnd(lines: PLine[], k: number, at: number): number {
  let j = k;
  while (j + 1 < lines.length && j < k + 16) {
    const t = lines[j + 1].masked;
    if (!/\S/.test(t[at] ?? '') || (at > 0 && t[at - 1] !== ' ')) break;
    j++;
  }
  return j;
}

/**
 * How many lines above a check box's caption its mark may stand alone (a drawn box's mark line,
 * or the box's cell read before the caption's).
 */
const MARK_LINES_ABOVE = 2;

/**
 * The characters at a line's start where a drawn box's mark stands, beside or under a caption
 * that starts its own line (the box's column); a caption further right widens it to its start.
 */
const MARK_COLUMN = 8;

const EXIT_BOX_RE = new RegExp(`Check\\s+this\\s+box\\s+if\\s+no\\s+${fuzzyWord('longer')}`, 'i');

export function parseExitBox(lines: PLine[]): HeaderValue<boolean | null> {
  for (let k = 0; k < lines.length; k++) {
    // Narrow renderings wrap the caption a word or two a line ("Check this" / "box if no" / "longer").
    const m = /Check\s+this(?:\s+box\b(?!\s+to\b)|(?=\s*(?:$|\t| {3})))/i.exec(lines[k].masked);
    // Raw HTML wraps the caption anywhere: the next lines read whole.
    if (!m || !(EXIT_BOX_RE.test(phraseAt(lines, k, m.index)) || EXIT_BOX_RE.test(phraseAt(lines, k, m.index, true)))) continue;
    return boxAt(lines, k, m, Math.max(0, k - MARK_LINES_ABOVE), /Check\s+this\s+box\s+to\s+indicate/i);
  }
  return { value: null };
}

/** A check mark at the box whose caption starts at match `m` of line k, scanning lines from `from` on. */
function boxAt(lines: PLine[], k: number, m: RegExpExecArray, from: number, otherCaption: RegExp): HeaderValue<boolean> {
  const range: Range = { start: { line: lines[k].line, character: m.index }, end: { line: lines[k].line, character: m.index + m[0].length } };
  if (checkedBefore(lines[k].masked, m.index)) return { value: true, range };
  // Drawn check boxes (┌─┐ / │X│ / └─┘) put the mark on a line next to the text.
  const last = Math.min(lines.length - 1, Math.max(k + 3, captionEnd(lines, k, m.index) + 1));
  for (let j = from; j <= last; j++) {
    if (j !== k && otherCaption.test(lines[j].masked)) break;
    // A mark alone on a line just above the caption (a table read in document order: the box's cell, then the caption's).
    if (j < k && /^\s*(?:X|☒)\s*$/.test(lines[j].masked)) return { value: true, range };
    const head = lines[j].masked.slice(0, Math.max(m.index, MARK_COLUMN));
    if (/(?:^|\t|\s)(?:X|☒)(?:\t|\s|$)/.test(head) && !/[A-WYZa-wyz]/.test(head.replace(/X/g, ''))) return { value: true, range };
    // The mark first on its line, left of the caption's column, the caption's words after it
    // ("│X│  or Form 5 obligations may").
    const lead = /^\s*(?:X|☒)(?=\s|$)/.exec(lines[j].masked);
    if (lead && lead[0].length <= m.index) return { value: true, range };
  }
  return { value: false, range };
}

const PLAN_BOX_RE = new RegExp(`^\\s*Check\\s+this\\s+box\\s+to\\s+${fuzzyWord('indicate')}`, 'i');
/** Words of the exit box's caption, which the 10b5-1 box's follows on Forms 4 and 5. */
const EXIT_CAPTION_WORDS_RE = /no\s+longer|Section\s+16|obligations|continue|Instruction\s+1|\(b\)/i;

/**
 * The Rule 10b5-1(c) box of Forms 4 and 5 since April 2023 ("Check this box to indicate that a
 * transaction was made pursuant to a contract, instruction or written plan..."): true when a
 * check mark stands at it, false when printed without one, null when the form does not print it.
 * The exit box's caption ends just above it: its lines are not this box's.
 */
export function parsePlanBox(lines: PLine[]): HeaderValue<boolean | null> {
  for (let k = 0; k < lines.length; k++) {
    // Cheap test first: most header lines hold no "Check".
    if (!/heck/i.test(lines[k].masked)) continue;
    // The caption may wrap anywhere ("Check this box" / "to indicate"); its words decide.
    const m = /Check\s+this(?:\s+box\b(?!\s+if\b))?(?=\s|$)/i.exec(lines[k].masked);
    if (!m || !(PLAN_BOX_RE.test(phraseAt(lines, k, m.index)) || PLAN_BOX_RE.test(phraseAt(lines, k, m.index, true)))) continue;
    let from = k;
    while (from > Math.max(0, k - MARK_LINES_ABOVE) && !lines[from - 1].blank && !EXIT_CAPTION_WORDS_RE.test(lines[from - 1].masked)) from--;
    return boxAt(lines, k, m, from, /Check\s+this\s+box\s+if\s+no/i);
  }
  return { value: null };
}
