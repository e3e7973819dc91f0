/**
 * One filing, from its lines to its model: form type, section map, header boxes, table rows,
 * footnotes, remarks and signatures, with the source range of every value.
 */
import type {
  FieldName,
  FieldSpan,
  FilingRecord,
  FootnoteDef,
  FootnoteRef,
  FormType,
  LabelSpan,
  LayoutKind,
  Range,
  ReportingOwnerRecord,
} from '../types';
import { applyRelationship, parseExitBox, parseExtraOwnerBoxes, parseHeader, parsePlanBox, type HeaderResult, type OwnerBox } from './header';
import { splitNameAddress } from '../domain/address';
import { findSignatureLines, parseFootnotes, parseOwnersTable, parseRemarks, parseSignatureBlock, type OwnerTableRow, type ParsedFootnote, type ParsedSignature } from './footer';
import { prepareLines, type PLine } from './prepare';
import { detectLayout, readsInDocumentOrder, singleSpacedLines, type LayoutProblem } from '../layout';
import type { Furniture } from '../layout/pages';
import { parseTable, UNREAD_REFERENCE, type FormDigit, type ParsedRow } from './tables';
import { OMB_RE, STATEMENT_RE, formOfOmbNumber, onlyPrintedWords, sectionOf, titleMatch, type SectionKind } from './vocabulary';
import { BOX_LABEL_PARTS, COLUMN_LABEL_PARTS, SIGNATURE_CAPTION } from '../vocabulary/wording';
import { firstWords, phrasePattern, printingPattern, wordsOf } from '../vocabulary/patterns';
import { ocrNameKey, romanStrokesInName } from '../domain/ocr';
import { FactsMemo } from '../text/memo';

/** Everything rules and features need beyond the record itself. */
export interface FilingModel {
  lines: PLine[];
  form: FormDigit | null;
  formType: FormType | null;
  titleRange?: Range;
  layout: LayoutKind;
  header: HeaderResult;
  owners: OwnerBox[];
  ownerTable: OwnerTableRow[];
  rows: ParsedRow[];
  footnotes: ParsedFootnote[];
  signatures: ParsedSignature[];
  remarks: { text: string | null; range?: Range };
  exitBox: { value: boolean | null; range?: Range };
  /** The Rule 10b5-1(c) box (Forms 4 and 5 since 2023). */
  planBox: { value: boolean | null; range?: Range };
  sections: { kind: SectionKind | 'header'; start: number; end: number; headingRange: Range }[];
  record: FilingRecord;
  /** Text the readers saw and could not place in the record (reported by `unread-text`). */
  problems: LayoutProblem[];
  /** Page furniture set aside before reading (absolute lines), reported rather than dropped. */
  furniture: Furniture[];
}

function detectForm(lines: PLine[]): { form: FormDigit | null; amended: boolean; titleRange?: Range } {
  const limit = Math.min(lines.length, 60);
  for (let k = 0; k < limit; k++) {
    const m = titleMatch(lines[k].raw, lines[k].masked);
    if (m) {
      const start = lines[k].masked.indexOf(m[0].trim());
      return {
        form: m[1] as FormDigit,
        amended: Boolean(m[2]),
        titleRange: { start: { line: lines[k].line, character: start }, end: { line: lines[k].line, character: start + m[0].trim().length } },
      };
    }
  }
  for (let k = 0; k < limit; k++) {
    const m = STATEMENT_RE.exec(lines[k].masked);
    if (m) return { form: m[1] ? '3' : m[2] ? '5' : '4', amended: false };
  }
  for (let k = 0; k < limit; k++) {
    const m = OMB_RE.exec(lines[k].masked);
    if (m) return { form: formOfOmbNumber(m[1]), amended: false };
  }
  return { form: null, amended: false };
}

/**
 * Box 1 repeated after the tables (joint filings); the label may wrap after "of": "Name and
 * Address" and "of Reporting" on either side of the wrap.
 */
const OWNER_BOX_HEAD = phrasePattern(firstWords(BOX_LABEL_PARTS.nameAndAddress, 3));
const OWNER_BOX_TAIL = phrasePattern(wordsOf(BOX_LABEL_PARTS.nameAndAddress, 3, 5));
const OWNER_BOX_RE = new RegExp(`${OWNER_BOX_HEAD}\\s+${phrasePattern(wordsOf(BOX_LABEL_PARTS.nameAndAddress, 3, 4))}\\b`, 'i');
const OWNER_BOX_HEAD_END_RE = new RegExp(`${OWNER_BOX_HEAD}\\s*$`, 'i');
const OWNER_BOX_TAIL_START_RE = new RegExp(`^\\s*${OWNER_BOX_TAIL}\\b`, 'i');

/** Box 1's label wrapped before "of" ("1. Name and Address" / "of Reporting Person"). */
function wrapsOwnerBoxLabel(lines: PLine[], k: number): boolean {
  const t = lines[k].masked;
  let end = t.length - 1;
  while (end >= 0 && t.charCodeAt(end) === 32) end--;
  // Cheap pre-check: the line ends with "s" (of "Address").
  if (end < 0 || (t.charCodeAt(end) | 32) !== 115) return false;
  return OWNER_BOX_HEAD_END_RE.test(lines[k].masked) && k + 1 < lines.length && OWNER_BOX_TAIL_START_RE.test(lines[k + 1].masked);
}

/** Splits the filing into sections by their headings. Tables only move forward (I, then II). */
function mapSections(lines: PLine[]): FilingModel['sections'] {
  const sections: FilingModel['sections'] = [];
  let current: FilingModel['sections'][number] = {
    kind: 'header',
    start: 0,
    end: lines.length,
    headingRange: { start: { line: lines[0]?.line ?? 0, character: 0 }, end: { line: lines[0]?.line ?? 0, character: 0 } },
  };
  sections.push(current);
  let seenTable = false;
  let seenTableII = false;
  let trailer = false;
  for (let k = 0; k < lines.length && !trailer; k++) {
    const l = lines[k];
    if (l.directive || l.rule) continue;
    let kind: SectionKind | 'ownerBox' | null = sectionOf(l);
    if (!kind && seenTable && (OWNER_BOX_RE.test(l.masked) || wrapsOwnerBoxLabel(lines, k))) kind = 'ownerBox' as SectionKind;
    if (!kind) continue;
    if (kind === 'tableI' && (seenTable || current.kind !== 'header')) continue;
    if (kind === 'tableII' && seenTableII) continue;
    if ((kind as string) === 'ownerBox' && (current.kind as string) === 'ownerBox') continue;
    if (kind === current.kind) continue;
    // "Exhibit 24 -" / "Power of Attorney": a remark wrapped onto the next line, not a heading.
    if (kind === 'trailer' && current.kind === 'remarks' && k > 0 && !lines[k - 1].blank && !lines[k - 1].rule) {
      if (k - 1 > current.start || /Remarks\s*:?\s*\S/i.test(lines[k - 1].masked)) continue;
    }
    if (kind === 'tableI' || kind === 'tableII') seenTable = true;
    if (kind === 'tableII') seenTableII = true;
    if (kind === 'trailer') trailer = true;
    current.end = k;
    const start = l.masked.length - l.masked.trimStart().length;
    current = {
      kind,
      start: k,
      end: lines.length,
      headingRange: { start: { line: l.line, character: start }, end: { line: l.line, character: l.masked.trimEnd().length } },
    };
    sections.push(current);
  }
  return sections;
}

function linesOf(lines: PLine[], sections: FilingModel['sections'], kind: string): PLine[] {
  return sections.filter((s) => s.kind === kind).flatMap((s) => lines.slice(s.start, s.end));
}

/** A table's body: its lines without the heading line that opened it. */
function bodyOf(lines: PLine[], sections: FilingModel['sections'], kind: string): PLine[] {
  return sections.filter((s) => s.kind === kind).flatMap((s) => lines.slice(s.start + 1, s.end));
}

/** An owner the table alone names: name and address are one cell, split by the address's shape. */
function ownerFromTable(row: OwnerTableRow, known: readonly ReportingOwnerRecord[] = []): ReportingOwnerRecord {
  const { name, street1, street2, city, state, zip } = splitNameAddress(row.nameAddress, known);
  return {
    name,
    street1,
    street2,
    city,
    state,
    zip,
    isDirector: row.isDirector,
    isOfficer: row.isOfficer,
    isTenPercentOwner: row.isTenPercentOwner,
    isOther: row.isOther,
    officerTitle: row.officerTitle,
    otherText: row.otherText,
  };
}

/** Renderings repeat the first owner's box; the city may wrap differently in each copy. */
function sameOwner(a: ReportingOwnerRecord, b: ReportingOwnerRecord): boolean {
  return a.name === b.name && a.street1 === b.street1 && a.zip === b.zip;
}

/** One reading of a value extends the other: equal when folded, or cut short (the longer goes on after a word). */
function extends_(short: string, long: string): boolean {
  const a = ocrNameKey(short);
  const b = ocrNameKey(long);
  return a !== '' && (a === b || b.startsWith(a + ' '));
}

/**
 * The first owner box after the tables is box 1 again (the page lists every owner there) when its
 * name reads as the header's, one of them cut short, or the header's box gave no name of its own.
 */
function sameFirstOwner(a: ReportingOwnerRecord, b: ReportingOwnerRecord): boolean {
  if (!b.name) return false;
  if (!a.name || onlyPrintedWords(a.name)) return true;
  return extends_(a.name, b.name) || extends_(b.name, a.name);
}

const OWNER_TEXT_FIELDS = ['name', 'street1', 'street2', 'city', 'state', 'zip'] as const;

/** The header's reading of box 1, its gaps and its values cut short filled from the box read again. */
function fillOwner(a: ReportingOwnerRecord, b: ReportingOwnerRecord): void {
  for (const f of OWNER_TEXT_FIELDS) {
    const mine = a[f];
    const theirs = b[f];
    if (!theirs) continue;
    if (!mine || (f === 'name' && onlyPrintedWords(mine)) || (theirs.length > mine.length && extends_(mine, theirs))) a[f] = theirs;
  }
}

/**
 * References OCR damaged, repaired from the footnotes the filing defines (every reference names
 * one): "(0)" names none, so its number was lost; "(12)" with no footnote 12 but footnotes 1
 * and 2 is "(1)(2)" whose ")(" OCR dropped. A reference whose number was lost names the one
 * footnote when only one is defined; otherwise it stays unread (reported as such).
 */
function resolveOcrReferences(rows: ParsedRow[], defined: readonly string[], problems: LayoutProblem[]): void {
  const known = new Set(defined);
  for (const r of rows) {
    let changed = false;
    const kept: ParsedRow['refs'] = [];
    for (const ref of r.refs) {
      if (known.has(ref.id)) kept.push(ref);
      else if (ref.id === '0') {
        r.unreadRefs.push(ref.range);
        const { start, end } = ref.range;
        problems.push({ line: start.line, start: start.character, end: end.character, text: '(0)', reason: UNREAD_REFERENCE });
        changed = true;
      } else if (/^\d\d$/.test(ref.id) && known.has(ref.id[0]!) && known.has(ref.id[1]!)) {
        kept.push({ ...ref, id: ref.id[0]! }, { ...ref, id: ref.id[1]! });
        changed = true;
      } else kept.push(ref);
    }
    if (defined.length === 1) {
      for (const range of r.unreadRefs) kept.push({ id: defined[0]!, range });
      changed ||= r.unreadRefs.length > 0;
    }
    if (!changed) continue;
    r.refs = kept;
    r.record.footnoteIds = [...new Set(kept.map((x) => x.id))].sort((a, b) => Number(a) - Number(b));
  }
}

/** Parses one filing's lines (absolute line numbers start at `baseLine`). */
export function parseFiling(rawLines: readonly string[], baseLine: number): FilingModel {
  const furniture: Furniture[] = [];
  // Double-spaced text reads without its spacing lines (each keeps its own number).
  const spaced = singleSpacedLines(rawLines);
  const lines = spaced ? prepareLines(spaced.map((i) => rawLines[i]!), baseLine, furniture, spaced) : prepareLines(rawLines, baseLine, furniture);
  const { form, amended, titleRange } = detectForm(lines);
  const digit: FormDigit = form ?? '4';
  const sections = mapSections(lines);
  // The header runs up to and including the line that opens the first table (seed-style text
  // puts "(City) (State) (Zip)" and the Table I heading on one line).
  const headerSection = sections[0];
  const headerLines = lines.slice(headerSection.start, Math.min(lines.length, headerSection.end + 1));
  // The header's reading order: document order, or boxes side by side told apart by column.
  const documentOrder = readsInDocumentOrder(headerLines);
  const header = parseHeader(headerLines, digit, documentOrder);
  const exitBox = digit === '3' ? { value: null } : parseExitBox(headerLines);
  const planBox = digit === '3' ? { value: null } : parsePlanBox(headerLines);

  const problems: LayoutProblem[] = [...header.problems];
  const rows = [
    ...parseTable(bodyOf(lines, sections, 'tableI'), 'nonDerivative', digit, problems),
    ...parseTable(bodyOf(lines, sections, 'tableII'), 'derivative', digit, problems),
  ];
  let nd = 0;
  let d = 0;
  for (const r of rows) r.index = r.table === 'nonDerivative' ? nd++ : d++;

  const ownerTable = parseOwnersTable(linesOf(lines, sections, 'owners'));
  const owners: OwnerBox[] = [...header.owners];
  const extras = parseExtraOwnerBoxes(linesOf(lines, sections, 'ownerBox'), digit, documentOrder);
  extras.forEach((extra, k) => {
    if (owners.some((o) => sameOwner(o.record, extra.record))) return;
    // The page lists every owner of a joint filing after the tables, the first again: OCR reads
    // that box apart from the header's, so the two readings differ and fill each other's gaps.
    if (k === 0 && extras.length >= 2 && owners.length && sameFirstOwner(owners[0].record, extra.record)) {
      fillOwner(owners[0].record, extra.record);
      return;
    }
    owners.push(extra);
    problems.push(...extra.problems);
  });
  for (const o of owners) if (o.record.name) o.record.name = romanStrokesInName(o.record.name);
  // Box 4/5 speaks for the first owner; the Reporting Owners table fills what the box lost.
  const rel = header.relationship;
  if (owners.length && rel) applyRelationship(owners[0].record, rel);
  ownerTable.forEach((row, i) => {
    if (i >= owners.length) {
      owners.push({ record: ownerFromTable(row, owners.map((o) => o.record)), range: row.range, fields: [], problems: [] });
      return;
    }
    const o = owners[i].record;
    const fromRow = ownerFromTable(row);
    o.isDirector ??= fromRow.isDirector;
    o.isOfficer ??= fromRow.isOfficer;
    o.isTenPercentOwner ??= fromRow.isTenPercentOwner;
    o.isOther ??= fromRow.isOther;
    if (o.isOfficer) o.officerTitle ??= fromRow.officerTitle;
    if (o.isOther) o.otherText ??= fromRow.otherText;
  });

  const tail = lines.slice(sections.find((s) => s.kind !== 'header' && s.kind !== 'tableI' && s.kind !== 'tableII')?.start ?? headerSection.end, sections.find((s) => s.kind === 'trailer')?.start ?? lines.length);
  const signatureLines = findSignatureLines(tail);
  const footnotes = parseFootnotes(linesOf(lines, sections, 'explanation'), problems, new Set(signatureLines.map((l) => l.line)));
  resolveOcrReferences(rows, footnotes.map((f) => f.id), problems);
  const signatures = parseSignatureBlock(signatureLines);
  const remarks = parseRemarks(linesOf(lines, sections, 'remarks'), new Set(signatureLines.map((l) => l.line)));

  const dateOfOriginalSubmission = header.dateOfOriginalSubmission.value;
  const formType: FormType | null = form ? ((amended || dateOfOriginalSubmission ? `${form}/A` : form) as FormType) : null;
  const record: FilingRecord = {
    formType,
    issuer: { name: header.issuerName.value, tradingSymbol: header.tradingSymbol.value },
    reportingOwners: owners.map((o) => o.record),
    periodOfReport: header.periodOfReport.value,
    dateOfOriginalSubmission,
    notSubjectToSection16: exitBox.value,
    jointFiling: header.jointFiling.value,
    nonDerivative: rows.filter((r) => r.table === 'nonDerivative').map((r) => r.record) as FilingRecord['nonDerivative'],
    derivative: rows.filter((r) => r.table === 'derivative').map((r) => r.record) as FilingRecord['derivative'],
    footnotes: footnotes.map((f) => ({ id: f.id, text: f.text })),
    signatures: signatures.map((s) => ({ name: s.name, date: s.date })),
    remarks: remarks.text,
  };
  return {
    lines,
    form,
    formType,
    titleRange,
    layout: detectLayout(lines),
    header,
    owners,
    ownerTable,
    rows,
    footnotes,
    signatures,
    remarks,
    exitBox,
    planBox,
    sections,
    record,
    problems,
    furniture,
  };
}

// ---------------------------------------------------------------------------------------------
// Source maps, spans and the outline.

export interface FilingSpans {
  sources: Record<string, Range>;
  fields: FieldSpan[];
  labels: LabelSpan[];
  footnoteRefs: FootnoteRef[];
  footnoteDefs: FootnoteDef[];
}

/**
 * Printed column labels (one line each; wrapped grid headers match where a line holds the phrase),
 * from the wording's label parts. `word`: lower-case text every match contains (a printed word of
 * every way to print it), checked before the pattern runs.
 */
const COLUMN_LABELS: { key: LabelSpan['key']; word: string; re: RegExp }[] = Object.entries(COLUMN_LABEL_PARTS).map(([key, printings]) => {
  const required = printings!.map((parts) => new Set(parts.filter((p): p is string => typeof p === 'string').flatMap((p) => p.toLowerCase().match(/[a-z]{4,}/g) ?? [])));
  const word = [...required[0]].find((w) => required.every((r) => r.has(w)))!;
  return { key: key as LabelSpan['key'], word, re: new RegExp(printings!.map((parts) => `\\b${printingPattern(parts)}`).join('|'), 'gi') };
});

/** The column labels printed on a line, left to right per label kind, never overlapping. */
function findColumnLabels(masked: string): { key: LabelSpan['key']; start: number; end: number }[] {
  const found: { key: LabelSpan['key']; start: number; end: number }[] = [];
  const lower = masked.toLowerCase();
  for (const { key, word, re } of COLUMN_LABELS) {
    if (!lower.includes(word)) continue;
    re.lastIndex = 0;
    for (let m = re.exec(masked); m; m = re.exec(masked)) {
      const [a, b] = [m.index, m.index + m[0].length];
      if (found.some((x) => a < x.end && b > x.start)) continue;
      found.push({ key, start: a, end: b });
    }
  }
  return found;
}

const columnLabelMemo = new FactsMemo<{ key: LabelSpan['key']; start: number; end: number }[]>();

const SIGNATURE_CAPTION_RE = new RegExp(phrasePattern(SIGNATURE_CAPTION), 'i');

function columnLabels(model: FilingModel): LabelSpan[] {
  const out: LabelSpan[] = [];
  const rowLines = new Set(model.rows.flatMap((r) => r.lines));
  for (const s of model.sections) {
    if (s.kind !== 'tableI' && s.kind !== 'tableII') continue;
    for (const l of model.lines.slice(s.start, s.end)) {
      if (rowLines.has(l.line) || l.blank) continue;
      for (const { key, start, end } of columnLabelMemo.get(l.facts, () => findColumnLabels(l.masked))) {
        out.push({ key, range: { start: { line: l.line, character: start }, end: { line: l.line, character: end } } });
      }
    }
  }
  const caption = model.lines.find((l) => SIGNATURE_CAPTION_RE.test(l.masked));
  if (caption) {
    const m = SIGNATURE_CAPTION_RE.exec(caption.masked)!;
    out.push({ key: 'signature', range: { start: { line: caption.line, character: m.index }, end: { line: caption.line, character: m.index + m[0].length } } });
  }
  return out;
}

export function collectSpans(model: FilingModel): FilingSpans {
  const sources: Record<string, Range> = {};
  const fields: FieldSpan[] = [];
  const put = (pointer: string, field: FieldName, range: Range | undefined, raw: string | undefined) => {
    if (!range) return;
    sources[pointer] = range;
    fields.push({ pointer, field, range, raw: raw ?? '' });
  };
  const h = model.header;
  put('/issuer/name', 'issuerName', h.issuerName.range, h.issuerName.raw);
  put('/issuer/tradingSymbol', 'tradingSymbol', h.tradingSymbol.range, h.tradingSymbol.raw);
  put('/periodOfReport', 'periodOfReport', h.periodOfReport.range, h.periodOfReport.raw);
  put('/dateOfOriginalSubmission', 'dateOfOriginalSubmission', h.dateOfOriginalSubmission.range, h.dateOfOriginalSubmission.raw);
  if (h.jointFiling.range) sources['/jointFiling'] = h.jointFiling.range;
  if (model.exitBox.range) sources['/notSubjectToSection16'] = model.exitBox.range;
  model.owners.forEach((o, i) => {
    sources[`/reportingOwners/${i}`] = o.range;
    for (const f of o.fields) put(`/reportingOwners/${i}/${f.field}`, f.field, f.range, f.raw);
  });
  if (h.relationship?.titleRange && model.owners.length) {
    const field = h.relationship.isOther && !h.relationship.isOfficer ? 'otherText' : 'officerTitle';
    put(`/reportingOwners/0/${field}`, field, h.relationship.titleRange, h.relationship.officerTitle ?? h.relationship.otherText ?? '');
  }
  const footnoteRefs: FootnoteRef[] = [];
  for (const r of model.rows) {
    const base = `/${r.table}/${r.index}`;
    sources[base] = r.range;
    for (const f of r.fields) put(`${base}/${f.field}`, f.field, f.range, f.raw);
    for (const ref of r.refs) footnoteRefs.push({ id: ref.id, range: ref.range, pointer: base, ...(ref.field ? { field: ref.field } : {}) });
  }
  const footnoteDefs: FootnoteDef[] = model.footnotes.map((f, i) => {
    sources[`/footnotes/${i}`] = f.range;
    return { id: f.id, range: f.range, markerRange: f.markerRange, text: f.text };
  });
  model.signatures.forEach((s, i) => {
    sources[`/signatures/${i}`] = s.range;
    put(`/signatures/${i}/name`, 'signatureName', s.range, s.name ?? '');
    if (s.dateRange) put(`/signatures/${i}/date`, 'signatureDate', s.dateRange, s.rawDate);
  });
  if (model.remarks.range) sources['/remarks'] = model.remarks.range;
  const labels: LabelSpan[] = [...h.labels, ...columnLabels(model)];
  const SECTION_LABEL: Partial<Record<string, LabelSpan['key']>> = {
    tableI: 'table1',
    tableII: 'table2',
    explanation: 'explanation',
    remarks: 'remarks',
  };
  for (const s of model.sections) {
    const key = SECTION_LABEL[s.kind];
    if (key) labels.push({ key, range: s.headingRange });
  }
  return { sources, fields, labels, footnoteRefs, footnoteDefs };
}
