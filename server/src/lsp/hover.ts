/**
 * Hover: explains what is under the cursor, most specific first —
 * a footnote reference or definition, then a value (a transaction code gets the code's meaning
 * and how this row uses it), then a printed label of the form.
 */
import { MarkupKind, type Hover } from 'vscode-languageserver';
import type {
  AnalyzedFiling,
  DerivativeRow,
  FieldSpan,
  FootnoteDef,
  FootnoteRef,
  LabelKey,
  LabelSpan,
  NonDerivativeRow,
  Position,
} from '../analysis';
import type { DocumentSnapshot } from './documents';
import { businessDaysAfter, form4DueDate, weekdayName } from '../analysis/domain/calendar';
import { codeInfo, type ExpectedDirection, type TableKind } from '../analysis/domain/codes';
import { labelInfoFor } from '../analysis/domain/labels';
import { BOX_LABEL_PARTS, FIRST_COLUMN_TITLES, LABEL_PATTERNS, SECTION_HEADINGS, SHORT_CAPTIONS, SUB_COLUMN_CAPTIONS } from '../analysis/vocabulary/wording';
import { describePointer, filingAt, innermostAt, resolvePointer, rowOf } from './model';
import { isValidPosition, rangeContains } from './ranges';

export function hover(snapshot: DocumentSnapshot, position: Position): Hover | null {
  if (!isValidPosition(snapshot.document, position)) return null;
  const filing = filingAt(snapshot.result, position);
  if (!filing) return null;

  const ref = innermostAt(filing.footnoteRefs, position);
  if (ref) return markdown(footnoteRefHover(filing, ref), ref.range);
  const def = filing.footnoteDefs.find((d) => rangeContains(d.markerRange, position));
  if (def) return markdown(footnoteDefHover(filing, def), def.markerRange);
  const field = innermostAt(filing.fields, position);
  if (field) {
    const text = field.field === 'transactionCode' ? codeHover(filing, field) : valueHover(filing, field);
    return markdown(text, field.range);
  }
  const label = innermostAt(filing.labels, position);
  if (label) return markdown(labelHover(filing, label), label.range);
  // Anywhere on a footnote's text, not only its marker: where is this footnote used?
  const within = filing.footnoteDefs.find((d) => rangeContains(d.range, position));
  if (within) return markdown(footnoteDefHover(filing, within), within.markerRange);
  return null;
}

function markdown(value: string, range: Hover['range']): Hover {
  return range ? { contents: { kind: MarkupKind.Markdown, value }, range } : { contents: { kind: MarkupKind.Markdown, value } };
}

/** Escapes text from the document so an OCR'd `*` or `_` does not turn into formatting. */
export function escapeMarkdown(text: string): string {
  // Only characters that format inline; escaping "." or "(" would leave backslashes in plain clients.
  return text.replace(/([\\`*_[\]<>|~])/g, '\\$1').replace(/^([#+-])/gm, '\\$1');
}

// ---------------------------------------------------------------------------------------------
// Footnotes
// ---------------------------------------------------------------------------------------------

function footnoteText(filing: AnalyzedFiling, id: string): string | undefined {
  return filing.footnoteDefs.find((d) => d.id === id)?.text ?? filing.record.footnotes.find((f) => f.id === id)?.text;
}

function footnoteRefHover(filing: AnalyzedFiling, ref: FootnoteRef): string {
  const text = footnoteText(filing, ref.id);
  if (text === undefined) {
    return `**Footnote (${ref.id})** is not defined under *${SECTION_HEADINGS.explanation}*.`;
  }
  return `**Footnote (${ref.id})**\n\n${escapeMarkdown(text)}`;
}

function footnoteDefHover(filing: AnalyzedFiling, def: FootnoteDef): string {
  const uses = filing.footnoteRefs.filter((r) => r.id === def.id);
  if (uses.length === 0) {
    return `**Footnote (${def.id})** is never referenced. EDGAR suspends a filing with an unused footnote: cite it as (${def.id}) where it applies, or remove it.`;
  }
  const lines = uses.map((u) => `- ${escapeMarkdown(describePointer(filing.record, u.pointer))}, line ${u.range.start.line + 1}`);
  return `**Footnote (${def.id})** is used ${uses.length === 1 ? 'once' : `${uses.length} times`}:\n\n${lines.join('\n')}`;
}

// ---------------------------------------------------------------------------------------------
// Transaction codes
// ---------------------------------------------------------------------------------------------

export function formatNumber(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 10 });
}

function spellDirection(d: ExpectedDirection | null): string {
  if (!d) return 'either (A) or (D)';
  const verb = d.direction === 'A' ? 'acquired (A)' : 'disposed of (D)';
  return d.strength === 'hard' ? `always ${verb}` : d.strength === 'strong' ? `normally ${verb}` : `typically ${verb}`;
}

function rowAt(filing: AnalyzedFiling, pointer: string): NonDerivativeRow | DerivativeRow | undefined {
  const row = rowOf(pointer);
  return row ? filing.record[row.table][row.index] : undefined;
}

/** "here: 41,140 shares acquired at $0" — what this row does with its code. */
function rowUse(row: NonDerivativeRow | DerivativeRow): string | undefined {
  const parts: string[] = [];
  if (row.shares !== null) parts.push(`${formatNumber(row.shares)} shares`);
  if (row.acquiredDisposed) parts.push(row.acquiredDisposed === 'A' ? 'acquired' : 'disposed of');
  if (row.pricePerShare !== null) parts.push(`at $${formatNumber(row.pricePerShare)}`);
  if (parts.length === 0) return undefined;
  let use = parts.join(' ');
  if ('underlyingShares' in row && row.underlyingShares !== null) {
    const title = row.underlyingSecurityTitle ? ` ${row.underlyingSecurityTitle}` : '';
    use += `, underlying ${formatNumber(row.underlyingShares)}${title}`;
  }
  return use;
}

function tableName(table: TableKind): string {
  return table === 'derivative' ? 'Table II' : 'Table I';
}

function codeHover(filing: AnalyzedFiling, field: FieldSpan): string {
  const row = rowAt(filing, field.pointer);
  const code = (typeof row?.transactionCode === 'string' ? row.transactionCode : field.raw).trim();
  const info = codeInfo(code);
  if (!info) {
    return `**${escapeMarkdown(code || field.raw)}** is not a transaction code. Form 4 General Instruction 8 lists 20: P S V A D F I M C E H O X G L W Z J K U.`;
  }
  const table: TableKind = rowOf(field.pointer)?.table ?? 'nonDerivative';
  const other: TableKind = table === 'derivative' ? 'nonDerivative' : 'derivative';
  let implies = `${spellDirection(info.direction[table])} in ${tableName(table)}`;
  if (JSON.stringify(info.direction[table]) !== JSON.stringify(info.direction[other])) {
    implies += `; ${spellDirection(info.direction[other])} in ${tableName(other)}`;
  }
  const out = [
    `**${info.code}** — ${info.meaning}`,
    `*${info.group} transaction codes* (Form 4 General Instruction 8)`,
    info.explanation,
    `(A)/(D): ${implies}. ${info.directionNote}`,
  ];
  const use = row && rowUse(row);
  if (use) out.push(`**Here:** ${use}.`);
  if (row?.equitySwapInvolved) out.push('An equity swap is involved (the K beside the code; XML `equitySwapInvolved`).');
  if (row?.reportedEarly) out.push('Marked V: reported on this Form 4 earlier than required (it could have waited for Form 5; XML `transactionFormType` 5).');
  return out.join('\n\n');
}

// ---------------------------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------------------------

const DATE_FIELDS = new Set([
  'transactionDate',
  'deemedExecutionDate',
  'dateExercisable',
  'expirationDate',
  'periodOfReport',
  'dateOfOriginalSubmission',
  'signatureDate',
]);

/** A label's shortest printed text (its words without the instructions after them). */
function shortestLabel(key: LabelKey): string {
  return LABEL_PATTERNS[key].reduce((a, b) => (b.length < a.length ? b : a));
}

const FIELD_TITLES: Partial<Record<string, string>> = {
  securityTitle: FIRST_COLUMN_TITLES.nonDerivative,
  transactionDate: shortestLabel('col.transactionDate'),
  deemedExecutionDate: shortestLabel('col.deemedExecutionDate'),
  shares: 'Amount',
  acquiredDisposed: '(A) or (D)',
  pricePerShare: 'Price',
  sharesOwnedFollowing: 'Amount Owned Following',
  directOrIndirect: 'Ownership Form',
  natureOfOwnership: SHORT_CAPTIONS.natureOfOwnership,
  conversionOrExercisePrice: shortestLabel('col.conversionOrExercisePrice'),
  dateExercisable: SUB_COLUMN_CAPTIONS.dateExercisable,
  expirationDate: SUB_COLUMN_CAPTIONS.expirationDate,
  underlyingSecurityTitle: 'Underlying Security',
  underlyingShares: 'Underlying Shares',
  issuerName: 'Issuer',
  tradingSymbol: 'Trading Symbol',
  periodOfReport: 'Period of Report',
  dateOfOriginalSubmission: SHORT_CAPTIONS.dateOfOriginal,
  signatureName: 'Signature',
  signatureDate: 'Signature Date',
  officerTitle: 'Officer Title',
  otherText: 'Other Relationship',
  name: 'Reporting Person',
  street1: 'Street',
  street2: 'Street (line 2)',
  city: 'City',
  state: 'State',
  zip: 'ZIP Code',
  isDirector: 'Director',
  isOfficer: 'Officer',
  isTenPercentOwner: '10% Owner',
  isOther: 'Other',
  equitySwapInvolved: 'Equity Swap Involved (K)',
  reportedEarly: 'V: Reported Early (voluntarily, before Form 5 was due)',
  kind: 'Row Kind',
};

/** The field's name as the form in hand prints it (box 2/3 and the holdings column differ by form). */
function fieldTitle(field: string, formType: string | null): string {
  const form = formType?.charAt(0);
  if (field === 'periodOfReport') {
    return form === '3' ? BOX_LABEL_PARTS.eventRequiringStatement : form === '5' ? `${BOX_LABEL_PARTS.issuers} ${BOX_LABEL_PARTS.fiscalYearEnded}` : BOX_LABEL_PARTS.earliestTransaction;
  }
  if (field === 'sharesOwnedFollowing' && form === '3') return 'Amount Beneficially Owned';
  return FIELD_TITLES[field] ?? field;
}

function describeDate(iso: string): string {
  const day = weekdayName(iso);
  return day ? `\`${iso}\` (${day})` : `\`${iso}\``;
}

function valueHover(filing: AnalyzedFiling, field: FieldSpan): string {
  const value = resolvePointer(filing.record, field.pointer);
  const title = fieldTitle(field.field, filing.record.formType);
  const head = `**${title}**`;
  if (value === null || value === undefined) {
    return `${head}: \`${escapeMarkdown(field.raw)}\` could not be read as a value (normalized: null).`;
  }
  if (DATE_FIELDS.has(field.field) && typeof value === 'string') {
    const out = [`${head}: ${describeDate(value)}`];
    if (field.field === 'signatureDate') {
      const due = signatureDue(filing, value);
      if (due) out.push(due);
    }
    return out.join('\n\n');
  }
  if (typeof value === 'number') return `${head}: \`${String(value)}\``;
  if (typeof value === 'boolean') return `${head}: ${value ? 'checked' : 'not checked'}`;
  if (field.field === 'acquiredDisposed') return `${head}: ${value === 'A' ? '**A**: acquired' : '**D**: disposed of'}`;
  if (field.field === 'directOrIndirect') return `${head}: ${value === 'D' ? '**D**: direct ownership' : '**I**: indirect ownership'}`;
  if (typeof value === 'string') return `${head}: "${escapeMarkdown(value)}"`;
  return head;
}

/**
 * For a Form 4 signature date: the due date (two business days after the earliest transaction, or
 * after its deemed execution date) and whether the signature met it.
 */
function signatureDue(filing: AnalyzedFiling, signed: string): string | undefined {
  const form = filing.record.formType;
  if (form !== '4' && form !== '4/A') return undefined;
  let earliest: string | undefined;
  for (const row of [...filing.record.nonDerivative, ...filing.record.derivative]) {
    if (row.kind !== 'transaction') continue;
    const d = row.deemedExecutionDate ?? row.transactionDate;
    if (d && (!earliest || d < earliest)) earliest = d;
  }
  earliest ??= filing.record.periodOfReport ?? undefined;
  if (!earliest) return undefined;
  const due = form4DueDate(earliest);
  if (!due) return undefined;
  const late = businessDaysAfter(due, signed) ?? 0;
  const verdict =
    signed <= due ? '✓ met' : `✗ **late** by ${late} business day${late === 1 ? '' : 's'}`;
  return `Form 4 due ${describeDate(due)}: two business days after the transaction of ${describeDate(earliest)}. ${verdict}.`;
}

// ---------------------------------------------------------------------------------------------
// Labels
// ---------------------------------------------------------------------------------------------

function labelHover(filing: AnalyzedFiling, label: LabelSpan): string {
  const info = labelInfoFor(label.key, filing.record.formType);
  const instr = info.instruction ? ` ${info.instruction}` : '';
  return `**${escapeMarkdown(info.title)}**${instr}\n\n${info.description}`;
}
