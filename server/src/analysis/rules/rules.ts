/**
 * The checks. Each rule reads the filing model and returns findings with a stable code, a
 * one-line range, a message that says what to do, and fixes where one is possible.
 *
 * Rules must not cry wolf: a value the text lost is null, and a null is reported once by the
 * rule that owns it (a lost code is `missing-transaction-code`, not also an A/D mismatch).
 */
import type { Finding, Fix, Range, RuleCode, TextEdit } from '../types';
import { DEFAULT_SEVERITY } from './levels';
import { groupDigits, usDate } from '../text/format';
import type { FilingModel } from '../filing/parse';
import type { ParsedRow } from '../filing/tables';
import { expectedDirection } from '../domain/codes';
import { addBusinessDays, businessDaysAfter, dateCandidates, formatDateLike, parseUsDate } from '../domain/calendar';
import { findDamagedBoilerplate, findLookalikeLetters, type BoilerplateDamage, type LookalikeHit } from '../domain/ocr';
import type { PLine } from '../filing/prepare';
import { EDGAR_RULES } from '../edgar/rules';

export interface RuleContext {
  model: FilingModel;
  /** ISO date of "today": dates after it are in the future. */
  today: string;
  /** Range of the whole filing. */
  filingRange: Range;
}

type Rule = (ctx: RuleContext) => Finding[];

function finding(code: RuleCode, message: string, range: Range, extra: Partial<Finding> = {}): Finding {
  const oneLine: Range = range.start.line === range.end.line ? range : { start: range.start, end: { line: range.start.line, character: range.start.character + 1 } };
  return { code, severity: DEFAULT_SEVERITY[code], message, range: oneLine, filing: 0, ...extra };
}

function replaceFix(title: string, range: Range, newText: string, isPreferred = true): Fix {
  return { title, edits: [{ range, newText }], isPreferred };
}

const fmt = groupDigits;

function fieldRange(row: ParsedRow, field: string): Range | undefined {
  return row.fields.find((f) => f.field === field)?.range;
}

function rowPointer(row: ParsedRow): string {
  return `/${row.table}/${row.index}`;
}

function transactions(model: FilingModel): ParsedRow[] {
  return model.rows.filter((r) => r.kind === 'transaction');
}

// ---------------------------------------------------------------------------------------------

const unknownTransactionCode: Rule = ({ model }) =>
  model.rows.flatMap((r) =>
    r.unknownCode
      ? [finding('unknown-transaction-code', `'${r.unknownCode.code}' is not a transaction code; use one of P S V A D F I M C E H O X G L W Z J K U (Form 4 General Instruction 8).`, r.unknownCode.range, { pointer: `${rowPointer(r)}/transactionCode` })]
      : [],
  );

const missingTransactionCode: Rule = ({ model }) => {
  if (model.form === '3') return [];
  return transactions(model)
    .filter((r) => r.codeMissing && !r.unknownCode)
    .map((r) =>
      finding('missing-transaction-code', `This ${r.table === 'derivative' ? 'Table II' : 'Table I'} transaction has no transaction code; add the code (e.g. P, S, A, M) in the Code column.`, r.range, {
        pointer: `${rowPointer(r)}/transactionCode`,
      }),
    );
};

const codeOnForm3: Rule = ({ model }) => {
  if (model.form !== '3') return [];
  return model.rows
    .filter((r) => r.form3Code)
    .map((r) => finding('code-on-form3', `Form 3 reports holdings only; the transaction code '${r.form3Code!.code}' belongs on a Form 4 or 5.`, r.form3Code!.range, { pointer: rowPointer(r) }));
};

const acquiredDisposedMismatch: Rule = ({ model }) => {
  const out: Finding[] = [];
  for (const r of transactions(model)) {
    const code = r.record.transactionCode;
    const actual = r.record.acquiredDisposed;
    if (!code || !actual) continue;
    const expected = expectedDirection(code, r.table);
    if (!expected || expected.direction === actual) continue;
    const range = fieldRange(r, 'acquiredDisposed') ?? fieldRange(r, 'shares') ?? r.range;
    const word = (d: string) => (d === 'A' ? 'acquired (A)' : 'disposed of (D)');
    const fixes: Fix[] = r.table === 'nonDerivative' && fieldRange(r, 'acquiredDisposed') ? [replaceFix(`Change to ${expected.direction}`, range, expected.direction)] : [];
    const strength = expected.strength === 'hard' ? 'always' : 'normally';
    out.push(
      finding('acquired-disposed-mismatch', `Code ${code} ${strength} means securities ${word(expected.direction)}, but this row says ${word(actual)}; check the code or the (A)/(D) column.`, range, {
        pointer: `${rowPointer(r)}/acquiredDisposed`,
        fixes,
      }),
    );
  }
  return out;
};

interface DateCell {
  raw: string;
  range: Range;
  pointer: string;
}

function allDateCells(model: FilingModel): DateCell[] {
  const cells: DateCell[] = [];
  for (const d of model.header.dateCells) cells.push({ raw: d.raw, range: d.range, pointer: `/${d.field}` });
  for (const r of model.rows) for (const d of r.dates) cells.push({ raw: d.raw, range: d.range, pointer: `${rowPointer(r)}/${d.field}` });
  model.signatures.forEach((s, i) => {
    if (s.rawDate && s.dateRange) cells.push({ raw: s.rawDate, range: s.dateRange, pointer: `/signatures/${i}/date` });
  });
  return cells;
}

const invalidDate: Rule = ({ model, today }) => {
  const out: Finding[] = [];
  for (const cell of allDateCells(model)) {
    const parsed = parseUsDate(cell.raw);
    if (!parsed) continue;
    if (parsed.iso === null) {
      const fixes = dateCandidates(cell.raw).map((iso, i) => replaceFix(`Change to ${formatDateLike(iso, cell.raw)}`, cell.range, formatDateLike(iso, cell.raw), i === 0));
      out.push(finding('invalid-date', `${cell.raw} is not a real date; correct the month or day.`, cell.range, { pointer: cell.pointer, fixes }));
    } else if (parsed.iso > today && !cell.pointer.endsWith('/expirationDate') && !cell.pointer.endsWith('/dateExercisable')) {
      out.push(finding('invalid-date', `${cell.raw} lies in the future; a filing reports dates that have passed.`, cell.range, { pointer: cell.pointer }));
    }
  }
  return out;
};

function firstSignatureDate(model: FilingModel): { iso: string; range: Range } | null {
  for (const s of model.signatures) if (s.date && s.dateRange) return { iso: s.date, range: s.dateRange };
  return null;
}

const dateOrder: Rule = ({ model }) => {
  const out: Finding[] = [];
  const signed = firstSignatureDate(model);
  for (const r of model.rows) {
    const rec = r.record;
    if ('expirationDate' in rec && rec.expirationDate && rec.dateExercisable && rec.expirationDate < rec.dateExercisable) {
      out.push(finding('date-order', `Expiration date ${usDate(rec.expirationDate)} is before the date exercisable ${usDate(rec.dateExercisable)}; one of them is wrong.`, fieldRange(r, 'expirationDate') ?? r.range, { pointer: `${rowPointer(r)}/expirationDate` }));
    }
    if (rec.transactionDate && signed && rec.transactionDate > signed.iso) {
      out.push(finding('date-order', `Transaction date ${usDate(rec.transactionDate)} is after the signature date ${usDate(signed.iso)}; a filing cannot report a transaction before it happens.`, fieldRange(r, 'transactionDate') ?? r.range, { pointer: `${rowPointer(r)}/transactionDate` }));
    }
    if (rec.transactionDate && rec.deemedExecutionDate) {
      const latest = addBusinessDays(rec.transactionDate, 3);
      if (rec.deemedExecutionDate < rec.transactionDate || (latest && rec.deemedExecutionDate > latest)) {
        out.push(finding('date-order', `Deemed execution date ${usDate(rec.deemedExecutionDate)} must fall between the transaction date ${usDate(rec.transactionDate)} and three business days after it (Rule 16a-3(g)).`, fieldRange(r, 'deemedExecutionDate') ?? r.range, { pointer: `${rowPointer(r)}/deemedExecutionDate` }));
      }
    }
  }
  return out;
};

const missingPrice: Rule = ({ model }) =>
  transactions(model)
    .filter((r) => r.record.pricePerShare === null && !r.footnoted.has('pricePerShare') && r.record.shares !== null)
    .map((r) => finding('missing-price', 'This transaction has no price; enter the price per share (0 for no consideration) or a footnote explaining it.', r.range, { pointer: `${rowPointer(r)}/pricePerShare` }));

const holdingArithmetic: Rule = ({ model }) => {
  const out: Finding[] = [];
  const last = new Map<string, ParsedRow>();
  for (const r of model.rows) {
    const rec = r.record;
    if (r.kind !== 'transaction' || rec.sharesOwnedFollowing === null) continue;
    const key = `${r.table}|${(rec.securityTitle ?? '').toLowerCase()}|${rec.directOrIndirect ?? ''}|${(rec.natureOfOwnership ?? '').toLowerCase()}`;
    const prev = last.get(key);
    last.set(key, r);
    if (!prev || prev.record.sharesOwnedFollowing === null || rec.shares === null || !rec.acquiredDisposed) continue;
    const expected = prev.record.sharesOwnedFollowing + (rec.acquiredDisposed === 'A' ? rec.shares : -rec.shares);
    if (expected < 0 || Math.abs(expected - rec.sharesOwnedFollowing) < 0.0005) continue;
    const range = fieldRange(r, 'sharesOwnedFollowing') ?? r.range;
    const raw = r.fields.find((f) => f.field === 'sharesOwnedFollowing')?.raw ?? '';
    const text = raw.includes(',') || expected >= 10000 ? fmt(expected) : String(expected);
    out.push(
      finding('holding-arithmetic', `Owned after this row should be ${fmt(expected)} (${fmt(prev.record.sharesOwnedFollowing)} ${rec.acquiredDisposed === 'A' ? '+' : '−'} ${fmt(rec.shares)}), not ${fmt(rec.sharesOwnedFollowing)}; check the amounts or the row order.`, range, {
        pointer: `${rowPointer(r)}/sharesOwnedFollowing`,
        fixes: fieldRange(r, 'sharesOwnedFollowing') ? [replaceFix(`Change to ${text}`, range, text)] : [],
      }),
    );
  }
  return out;
};

const missingOwnershipForm: Rule = ({ model }) =>
  model.rows
    .filter((r) => r.record.directOrIndirect === null)
    .map((r) => finding('missing-ownership-form', 'This row does not say whether ownership is direct (D) or indirect (I); fill in the Ownership Form column.', r.range, { pointer: `${rowPointer(r)}/directOrIndirect` }));

const indirectWithoutNature: Rule = ({ model }) =>
  model.rows
    .filter((r) => r.record.directOrIndirect === 'I' && !r.record.natureOfOwnership)
    .map((r) => finding('indirect-without-nature', 'Indirect ownership (I) needs its nature, e.g. "By Trust" or "By Spouse", in the last column.', fieldRange(r, 'directOrIndirect') ?? r.range, { pointer: `${rowPointer(r)}/natureOfOwnership` }));

function referencedIds(model: FilingModel): Map<string, Range[]> {
  const refs = new Map<string, Range[]>();
  for (const r of model.rows) for (const ref of r.refs) refs.set(ref.id, [...(refs.get(ref.id) ?? []), ref.range]);
  return refs;
}

/** Where a new footnote definition goes: after the last one, or under the explanation heading. */
function definitionInsertPoint(model: FilingModel): { line: number; prefix: string } | null {
  const last = model.footnotes[model.footnotes.length - 1];
  if (last) {
    const firstLine = model.lines.find((l) => l.line === last.range.start.line);
    const prefix = firstLine ? firstLine.raw.slice(0, firstLine.raw.length - firstLine.raw.trimStart().length) + (/^\s*-\s/.test(firstLine.raw) ? '- ' : '') : '';
    return { line: last.range.end.line + 1, prefix: prefix.replace(/-\s-\s$/, '- ') };
  }
  const heading = model.sections.find((s) => s.kind === 'explanation');
  if (heading) return { line: heading.headingRange.start.line + 1, prefix: '' };
  return null;
}

const undefinedFootnote: Rule = ({ model }) => {
  const defined = new Set(model.footnotes.map((f) => f.id));
  const out: Finding[] = [];
  const where = definitionInsertPoint(model);
  for (const [id, ranges] of referencedIds(model)) {
    if (defined.has(id)) continue;
    for (const range of ranges) {
      const fixes: Fix[] = where
        ? [{ title: `Add a definition of footnote (${id}) under Explanation of Responses`, edits: [{ range: { start: { line: where.line, character: 0 }, end: { line: where.line, character: 0 } }, newText: `${where.prefix}(${id}) \n` }], isPreferred: true }]
        : [];
      out.push(finding('undefined-footnote', `Footnote (${id}) is referenced but never defined; add its text under Explanation of Responses.`, range, { fixes }));
    }
  }
  return out;
};

function deleteLinesEdit(range: Range): TextEdit {
  return { range: { start: { line: range.start.line, character: 0 }, end: { line: range.end.line + 1, character: 0 } }, newText: '' };
}

const unusedFootnote: Rule = ({ model }) => {
  const refs = referencedIds(model);
  return model.footnotes
    .map((f, i) => ({ f, i }))
    .filter(({ f }) => !refs.has(f.id))
    .map(({ f, i }) =>
      finding('unused-footnote', `Footnote (${f.id}) is defined but no cell refers to it (EDGAR suspends such filings); add the reference (${f.id}) where it applies, or remove the footnote.`, f.markerRange, {
        pointer: `/footnotes/${i}`,
        fixes: [{ title: `Remove footnote (${f.id})`, edits: [deleteLinesEdit(f.range)], isPreferred: false }],
      }),
    );
};

const duplicateFootnote: Rule = ({ model }) => {
  const seen = new Set<string>();
  const out: Finding[] = [];
  model.footnotes.forEach((f, i) => {
    if (seen.has(f.id)) out.push(finding('duplicate-footnote', `Footnote (${f.id}) is defined twice; merge the texts or renumber one of them.`, f.markerRange, { pointer: `/footnotes/${i}` }));
    seen.add(f.id);
  });
  return out;
};

const lateFiling: Rule = ({ model }) => {
  if (model.form !== '4' || model.formType === '4/A') return [];
  const signed = firstSignatureDate(model);
  if (!signed) return [];
  // Each transaction is due two business days after it was executed (or deemed executed).
  const anchors: string[] = [];
  for (const r of transactions(model)) {
    const d = r.record.deemedExecutionDate ?? r.record.transactionDate;
    if (d) anchors.push(d);
  }
  if (!anchors.length && model.record.periodOfReport) anchors.push(model.record.periodOfReport);
  if (!anchors.length) return [];
  const earliest = anchors.sort()[0];
  const due = addBusinessDays(earliest, 2);
  if (!due || signed.iso <= due) return [];
  const late = businessDaysAfter(due, signed.iso);
  return [
    finding('late-filing', `Signed ${usDate(signed.iso)}, but a Form 4 for the transaction of ${usDate(earliest)} was due by ${usDate(due)} (two business days)${late ? `; ${late} business day${late === 1 ? '' : 's'} late` : ''}.`, signed.range, { pointer: '/signatures/0/date' }),
  ];
};

const missingSignature: Rule = ({ model, filingRange }) => {
  const anchor = model.titleRange ?? { start: filingRange.start, end: { line: filingRange.start.line, character: filingRange.start.character + 1 } };
  if (!model.signatures.length) {
    if (!model.rows.length && !model.footnotes.length) return [];
    return [finding('missing-signature', 'No signature of the reporting person found; add "/s/ Name" and the date above "Signature of Reporting Person".', anchor)];
  }
  return model.signatures
    .map((s, i) => ({ s, i }))
    .filter(({ s }) => !s.date && !s.rawDate)
    .map(({ s, i }) => finding('missing-signature', 'The signature has no date; add the date the form was signed.', s.range, { pointer: `/signatures/${i}/date` }));
};

const relationshipUnchecked: Rule = ({ model }) => {
  const out: Finding[] = [];
  model.owners.forEach((o, i) => {
    const r = o.record;
    const flags = [r.isDirector, r.isOfficer, r.isTenPercentOwner, r.isOther];
    if (flags.some((f) => f === null) || flags.some(Boolean)) return;
    out.push(finding('relationship-unchecked', 'No relationship box is checked; check Director, Officer, 10% Owner or Other for this reporting person.', (i === 0 ? model.header.relationshipRange : undefined) ?? o.range, { pointer: `/reportingOwners/${i}` }));
  });
  return out;
};

const officerTitleMissing: Rule = ({ model }) => {
  const out: Finding[] = [];
  model.owners.forEach((o, i) => {
    const r = o.record;
    const range = (i === 0 ? model.header.relationshipRange : undefined) ?? o.range;
    if (r.isOfficer && !r.officerTitle) out.push(finding('officer-title-missing', 'Officer is checked but no title is given; write the title (e.g. "Chief Financial Officer") below the boxes.', range, { pointer: `/reportingOwners/${i}/officerTitle` }));
    if (r.isOther && !r.otherText) out.push(finding('officer-title-missing', 'Other is checked but not specified; describe the relationship below the boxes.', range, { pointer: `/reportingOwners/${i}/otherText` }));
  });
  return out;
};

const noRows: Rule = ({ model, filingRange }) => {
  if (model.form === '3' || model.form === null || model.rows.length || model.exitBox.value === true) return [];
  const anchor = model.sections.find((s) => s.kind === 'tableI')?.headingRange ?? model.titleRange ?? filingRange;
  return [finding('no-rows', 'Neither table has a row; a Form 4 or 5 must report a transaction or holding unless the "no longer subject to Section 16" box is checked.', anchor)];
};

/** Boilerplate damage, kept with the line's facts: printed lines repeat verbatim across filings. */
function damagedBoilerplate(line: PLine): BoilerplateDamage[] {
  return (line.facts.damage ??= findDamagedBoilerplate(line.raw));
}

function hasNonAscii(raw: string): boolean {
  for (let i = 0; i < raw.length; i++) if (raw.charCodeAt(i) > 0x7f) return true;
  return false;
}

/** Greek or Cyrillic look-alike letters in Latin words (only non-ASCII lines can have them). */
function lookalikeLetters(line: PLine): LookalikeHit[] {
  return (line.facts.lookalikes ??= hasNonAscii(line.raw) ? findLookalikeLetters(line.raw) : []);
}

const ocrText: Rule = ({ model }) => {
  const out: Finding[] = [];
  const end = model.sections.find((s) => s.kind === 'trailer')?.start ?? model.lines.length;
  // Filer-written text (table rows, footnote texts) holds no printed boilerplate to compare.
  const filerText = new Set<number>();
  for (const r of model.rows) for (const line of r.lines) filerText.add(line);
  for (const f of model.footnotes) for (let line = f.range.start.line; line <= f.range.end.line; line++) filerText.add(line);
  for (let k = 0; k < end; k++) {
    const l = model.lines[k];
    if (l.directive || l.blank || l.rule) continue;
    for (const hit of lookalikeLetters(l)) {
      const range = { start: { line: l.line, character: hit.start }, end: { line: l.line, character: hit.end } };
      out.push(finding('ocr-text', `'${hit.word}' has a non-Latin look-alike letter (OCR); it should read '${hit.corrected}'.`, range, { fixes: [replaceFix(`Replace with '${hit.corrected}'`, range, hit.corrected)] }));
    }
    if (filerText.has(l.line)) continue;
    for (const hit of damagedBoilerplate(l)) {
      const range = { start: { line: l.line, character: hit.start }, end: { line: l.line, character: hit.end } };
      const shown = (t: string) => t.replace(/\s+/g, ' ');
      out.push(finding('ocr-text', `'${shown(hit.found)}' looks damaged by OCR; the form prints '${shown(hit.corrected)}'.`, range, { fixes: [replaceFix(`Replace with '${hit.corrected}'`, range, hit.corrected)] }));
    }
  }
  return out;
};

export const RULES: Record<RuleCode, Rule> = {
  'unknown-transaction-code': unknownTransactionCode,
  'missing-transaction-code': missingTransactionCode,
  'code-on-form3': codeOnForm3,
  'acquired-disposed-mismatch': acquiredDisposedMismatch,
  'invalid-date': invalidDate,
  'date-order': dateOrder,
  'missing-price': missingPrice,
  'holding-arithmetic': holdingArithmetic,
  'missing-ownership-form': missingOwnershipForm,
  'indirect-without-nature': indirectWithoutNature,
  'undefined-footnote': undefinedFootnote,
  'unused-footnote': unusedFootnote,
  'duplicate-footnote': duplicateFootnote,
  'late-filing': lateFiling,
  'missing-signature': missingSignature,
  'relationship-unchecked': relationshipUnchecked,
  'officer-title-missing': officerTitleMissing,
  'no-rows': noRows,
  'ocr-text': ocrText,
  ...EDGAR_RULES,
  // Run by the XML export, which has the CIK map (edgar/export.ts).
  'edgar-missing-cik': () => [],
};

/** Runs every rule; a rule that throws is skipped (a checker must never take the editor down). */
export function runRules(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const rule of Object.values(RULES)) {
    try {
      out.push(...rule(ctx));
    } catch {
      // A bug in one rule must not hide the others' findings.
    }
  }
  return out;
}
