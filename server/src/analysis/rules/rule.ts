/**
 * What a rule is, and the helpers rules share. Each rule is a module of its own
 * (`rules/<code>.ts`) holding its metadata (code, default level, description, docs) beside its
 * check; `rules.ts` lists them and runs them.
 *
 * Rules must not cry wolf: a value the text lost is null, and a null is reported once by the
 * rule that owns it (a lost code is `missing-transaction-code`, not also an A/D mismatch).
 */
import type { Finding, Fix, Range, RuleCode, Severity } from '../types';
import { groupDigits } from '../text/format';
import type { FilingModel } from '../filing/parse';
import type { ParsedRow } from '../filing/tables';
import type { LayoutProblem } from '../layout';
import type { PLine } from '../filing/prepare';
import { findDamagedBoilerplate, findLookalikeLetters, type BoilerplateDamage } from '../domain/ocr';
import { FactsMemo } from '../text/memo';
import { LABEL_PATTERNS } from '../vocabulary/wording';
import { phrasePattern } from '../vocabulary/patterns';

export interface RuleContext {
  model: FilingModel;
  /** ISO date of "today": dates after it are in the future. */
  today: string;
  /** Range of the whole filing. */
  filingRange: Range;
}

/** A rule's check: reads the filing model, returns findings (a one-line range, a message that says what to do, fixes where possible). */
export type Rule = (ctx: RuleContext) => Finding[];

/** A rule's metadata: the settings in package.json and the README's table are checked against it. */
export interface RuleMeta {
  readonly code: RuleCode;
  /** Default severity (configurable per rule). */
  readonly level: Severity;
  /** One line: settings descriptions and `form345 check --list-rules`. */
  readonly description: string;
  /** The README's rules table: what the rule reports, and its fixes. */
  readonly docs: string;
}

export interface RuleModule extends RuleMeta {
  readonly check: Rule;
}

export function finding(meta: Pick<RuleMeta, 'code' | 'level'>, message: string, range: Range, extra: Partial<Finding> = {}): Finding {
  const oneLine: Range = range.start.line === range.end.line ? range : { start: range.start, end: { line: range.start.line, character: range.start.character + 1 } };
  return { code: meta.code, severity: meta.level, message, range: oneLine, filing: 0, ...extra };
}

export function replaceFix(title: string, range: Range, newText: string, isPreferred = true): Fix {
  return { title, edits: [{ range, newText }], isPreferred };
}

export const fmt = groupDigits;

export function fieldRange(row: ParsedRow, field: string): Range | undefined {
  return row.fields.find((f) => f.field === field)?.range;
}

export function rowPointer(row: ParsedRow): string {
  return `/${row.table}/${row.index}`;
}

export function transactions(model: FilingModel): ParsedRow[] {
  return model.rows.filter((r) => r.kind === 'transaction');
}

export function firstSignatureDate(model: FilingModel): { iso: string; range: Range } | null {
  for (const s of model.signatures) if (s.date && s.dateRange) return { iso: s.date, range: s.dateRange };
  return null;
}

export function referencedIds(model: FilingModel): Map<string, Range[]> {
  const refs = new Map<string, Range[]>();
  for (const r of model.rows) for (const ref of r.refs) refs.set(ref.id, [...(refs.get(ref.id) ?? []), ref.range]);
  return refs;
}

// ---------------------------------------------------------------------------------------------
// What the reading could not read. Rules must not cry wolf on damaged input: a value the reader
// could not place is reported once, as unread text (a hint), and a rule that would judge the value
// it stands for (a lost code, a lost date) does not report it again as an error.

const imageMemo = new WeakMap<FilingModel, boolean>();
const rowUnreadMemo = new WeakMap<FilingModel, Map<ParsedRow, LayoutProblem[]>>();
/**
 * Printed words OCR damaged in a line, by the line's shared facts: one search per line text, read
 * by `readFromImage` and by the ocr-text rule alike (printed lines repeat verbatim across filings).
 */
const damageMemo = new FactsMemo<BoilerplateDamage[]>();
/** Whether a line shows OCR's marks (damaged printed words, look-alike letters), by its facts. */
const damagedMemo = new FactsMemo<boolean>();
/** Whether a line holds box 1's label with its asterisk read as a quote mark, by its facts. */
const starAsQuoteMemo = new FactsMemo<boolean>();

/** The printed words OCR damaged in a line (see `findDamagedBoilerplate`). */
export function boilerplateDamage(line: PLine): BoilerplateDamage[] {
  return damageMemo.get(line.key, () => findDamagedBoilerplate(line.raw));
}

/**
 * The filing's text was read from a printed image by OCR: its marks are in the text (a footnote
 * reference whose number OCR lost, a glyph where "(1)" was printed; the form's printed words
 * damaged; a Greek or Cyrillic look-alike letter). Text converted from HTML or from a PDF's text
 * layer shows none of them.
 */
export function readFromImage(model: FilingModel): boolean {
  let v = imageMemo.get(model);
  if (v === undefined) imageMemo.set(model, (v = showsOcr(model)));
  return v;
}

/**
 * Box 1's label as OCR reads it: the asterisk the form prints after "Reporting Person" read as a
 * quote mark (text from HTML or a PDF's text layer keeps the asterisk).
 */
const OWNER_LABEL_STAR_AS_QUOTE_RE = new RegExp(
  `${phrasePattern(LABEL_PATTERNS['box.reportingPerson'].find((p) => !p.endsWith('*'))!)}\\s*[\u201c\u201d\u2018\u2019"'](?![A-Za-z])`,
  'i',
);

function showsOcr(model: FilingModel): boolean {
  if (model.rows.some((r) => r.unreadRefs.length > 0)) return true;
  if (model.lines.some((l) => starAsQuoteMemo.get(l.key, () => OWNER_LABEL_STAR_AS_QUOTE_RE.test(l.raw)))) return true;
  // Filer-written text (rows, footnote texts) holds no printed words to compare.
  const filerText = new Set<number>();
  for (const r of model.rows) for (const line of r.lines) filerText.add(line);
  for (const f of model.footnotes) for (let line = f.range.start.line; line <= f.range.end.line; line++) filerText.add(line);
  return model.lines.some((l) => !l.blank && !l.directive && !filerText.has(l.line) && damagedMemo.get(l.key, () => boilerplateDamage(l).length > 0 || (hasNonAscii(l.raw) && findLookalikeLetters(l.raw).length > 0)));
}

/** Whether a line holds a character beyond ASCII: only such a line can hold a look-alike letter. */
export function hasNonAscii(raw: string): boolean {
  for (let i = 0; i < raw.length; i++) if (raw.charCodeAt(i) > 0x7f) return true;
  return false;
}

/** Text the reader saw in the row's region and could not place (reported by `unread-text`). */
export function unreadInRow(model: FilingModel, row: ParsedRow): readonly LayoutProblem[] {
  let m = rowUnreadMemo.get(model);
  if (!m) rowUnreadMemo.set(model, (m = unreadByRow(model)));
  return m.get(row) ?? [];
}

/**
 * A row's region runs from its first line to the line before the next row of its table (the last
 * row's, to the end of its table's section): text there that no column took is the row's, whatever
 * line the converter put it on. One pass over the rows and the problems, both in line order.
 */
function unreadByRow(model: FilingModel): Map<ParsedRow, LayoutProblem[]> {
  const out = new Map<ParsedRow, LayoutProblem[]>();
  if (!model.problems.length || !model.rows.length) return out;
  const problems = [...model.problems].sort((a, b) => a.line - b.line);
  const first = (r: ParsedRow) => r.lines.reduce((a, b) => Math.min(a, b), r.range.start.line);
  const last = (r: ParsedRow) => r.lines.reduce((a, b) => Math.max(a, b), r.range.start.line);
  const tables = model.sections
    .filter((s) => s.kind === 'tableI' || s.kind === 'tableII')
    .map((s) => ({ from: model.lines[s.start]?.line ?? Infinity, to: model.lines[Math.min(s.end, model.lines.length) - 1]?.line ?? -1 }));
  const sectionEnd = (line: number): number => tables.find((t) => line >= t.from && line <= t.to)?.to ?? line;
  for (const table of ['nonDerivative', 'derivative'] as const) {
    const rows = model.rows.filter((r) => r.table === table).map((r) => ({ r, from: first(r), last: last(r) })).sort((a, b) => a.from - b.from);
    let p = 0;
    rows.forEach(({ r, from, last: end }, i) => {
      const next = rows[i + 1];
      const to = Math.max(end, next ? next.from - 1 : sectionEnd(from));
      while (p < problems.length && problems[p]!.line < from) p++;
      const mine: LayoutProblem[] = [];
      for (let q = p; q < problems.length && problems[q]!.line <= to; q++) mine.push(problems[q]!);
      if (mine.length) out.set(r, mine);
    });
  }
  return out;
}

/**
 * How to report a value the text does not show when the reading may have lost it: in text read
 * from a printed image (OCR loses superscripts, check marks, small print), or in a row whose region
 * holds text no column took, the value may stand on the page unread. Then the finding is a hint to
 * check the page, its note saying why; otherwise it keeps its rule's level.
 */
export function whenMaybeUnread(model: FilingModel, row?: ParsedRow): { extra: { severity?: 'hint' }; note: string } {
  if (row && unreadInRow(model, row).length) return { extra: { severity: 'hint' }, note: " (text of this row was not read: check where the row's values stand)" };
  if (row && valuesMisplaced(row)) return { extra: { severity: 'hint' }, note: " (this row's values were read into the wrong columns: check where they stand)" };
  if (readFromImage(model)) return { extra: { severity: 'hint' }, note: ' (OCR text: check the page, it may be there unread)' };
  return { extra: {}, note: '' };
}

/**
 * A row whose last column, the nature of ownership, took other columns' values: an amount ("Class
 * A Common Stock 7,583": the underlying title and amount of a Table II row, shifted), or the
 * ownership form's letter before it ("I By ... Trust"). A nature is words ("By Trust", "By 2019
 * GRAT"): the reading put the row's cells in the wrong columns, and what it finds missing
 * elsewhere in the row may be there.
 */
function valuesMisplaced(row: ParsedRow): boolean {
  const nature = row.record.natureOfOwnership;
  if (!nature) return false;
  return /\d{1,3}(?:,\d{3})+|\s\d+$|^\d+$/.test(nature) || /^[DI]\s/.test(nature);
}
