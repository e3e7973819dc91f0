/**
 * Turns a `form345/records` result into what the preview shows: display strings, pointers for
 * click-to-source, code meanings, and each finding placed beside the record it is about.
 *
 * Pure (no `vscode`, no DOM): the host builds this model and posts it; the webview script only
 * lays it out with `textContent`, so no filing text is ever interpreted as HTML.
 */
import { codeInfo } from '../../../server/src/analysis/domain/codes';
import type { DerivativeRow, FilingRecord, LabelKey, NonDerivativeRow, ReportingOwnerRecord } from '../../../server/src/analysis/types';
import type { FilingRecords, PublishedFinding, RecordsResult } from '../../../server/src/protocol';
import { isWithin, pointerAt } from '../sources';
import { CHECK_BOX_WORDING, LABEL_PATTERNS, SHORT_CAPTIONS, SUB_COLUMN_CAPTIONS, TABLE_HEADINGS } from '../../../server/src/analysis/vocabulary/wording';
import {
  formatAmount,
  formatBoolean,
  formatDate,
  formatPrice,
  formTitle,
  MISSING,
  spellAcquiredDisposed,
  spellDirectIndirect,
  spellKind,
  text,
} from './format';

export interface FindingView {
  severity: PublishedFinding['severity'];
  code: string;
  message: string;
}

export interface CellView {
  text: string;
  /** JSON pointer of the value (click reveals it in the editor). */
  pointer: string;
  /** Extra explanation (code meanings); shown on hover and read by screen readers. */
  title?: string;
  numeric?: boolean;
}

export interface ColumnView {
  header: string;
  numeric?: boolean;
}

export interface RowView {
  pointer: string;
  /** Accessible name of the row: table, position, security. */
  label: string;
  cells: CellView[];
  footnoteIds: string[];
  findings: FindingView[];
}

export interface TableView {
  id: 'nonDerivative' | 'derivative';
  caption: string;
  columns: ColumnView[];
  rows: RowView[];
}

export interface FieldView {
  label: string;
  text: string;
  pointer: string;
  findings: FindingView[];
}

export interface OwnerView {
  pointer: string;
  name: string;
  address: string;
  relationships: string;
  findings: FindingView[];
}

export interface FootnoteView {
  id: string;
  text: string;
  pointer: string;
  /** Pointers of the rows citing it, for "back to row" links. */
  citedBy: string[];
  findings: FindingView[];
}

export interface SignatureView {
  pointer: string;
  name: string;
  date: string;
  findings: FindingView[];
}

export interface FilingView {
  index: number;
  title: string;
  layout: string;
  header: FieldView[];
  owners: OwnerView[];
  tables: TableView[];
  footnotes: FootnoteView[];
  signatures: SignatureView[];
  remarks: FieldView | null;
  /** Findings not about any one record shown (e.g. "no rows"). */
  findings: FindingView[];
  /** Would EDGAR accept the filing's XML, and why not (each reason links to the text). */
  edgar?: EdgarView;
}

export interface EdgarView {
  verdict: 'suspended' | 'warnings' | 'accepted';
  /** One sentence: what EDGAR would do. */
  summary: string;
  reasons: (FindingView & { pointer: string })[];
}

export interface PreviewOptions {
  showFindings: boolean;
}

export interface PreviewModel {
  uri: string;
  version: number;
  fileName: string;
  showFindings: boolean;
  filings: FilingView[];
}

// ---------------------------------------------------------------------------------------------
// Columns
// ---------------------------------------------------------------------------------------------

type AnyRow = NonDerivativeRow | DerivativeRow;

interface ColumnDef<R> {
  header: string;
  field: keyof R & string;
  cell(row: R): Omit<CellView, 'pointer'>;
  numeric?: boolean;
  /** Only meaningful for transactions: hidden when a table holds holdings only (Form 3). */
  transactionOnly?: boolean;
  /** Hidden when no row has a value (Form 3's Table II has no "owned after" column). */
  hideWhenEmpty?: boolean;
}

function codeCell(row: AnyRow): Omit<CellView, 'pointer'> {
  if (!row.transactionCode) return { text: MISSING };
  const info = codeInfo(row.transactionCode);
  const meaning = info ? info.meaning : 'Not one of the 20 transaction codes of Form 4 General Instruction 8';
  const swap = row.equitySwapInvolved ? ' Equity swap involved (K).' : '';
  const early = row.reportedEarly ? ' V: reported early, before Form 5 was due.' : '';
  const sentence = /[.!?]$/.test(meaning) ? meaning : meaning + '.';
  const marks = (row.equitySwapInvolved ? ' (K)' : '') + (row.reportedEarly ? ' V' : '');
  return { text: row.transactionCode + marks, title: `${row.transactionCode}: ${sentence}${swap}${early}` };
}

const t = <R>(f: (r: R) => string) => (r: R): Omit<CellView, 'pointer'> => ({ text: f(r) });

/** A printed label as a column heading: its first letter capital, the others lower case. */
const sentenceCase = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1).toLowerCase();
/** A column's shortest printed label. */
const shortestLabel = (key: LabelKey): string => LABEL_PATTERNS[key].reduce((a, b) => (b.length < a.length ? b : a));
const HEADINGS = {
  transactionDate: sentenceCase(shortestLabel('col.transactionDate')),
  deemedExecutionDate: sentenceCase(shortestLabel('col.deemedExecutionDate')),
  conversionOrExercisePrice: sentenceCase(shortestLabel('col.conversionOrExercisePrice')),
  natureOfOwnership: sentenceCase(SHORT_CAPTIONS.natureOfOwnership),
  dateExercisable: sentenceCase(SUB_COLUMN_CAPTIONS.dateExercisable),
  expirationDate: sentenceCase(SUB_COLUMN_CAPTIONS.expirationDate),
};
/** The exit box's caption: its text after "Check this box if", capitalised. */
const EXIT_BOX_CAPTION = ((text: string) => text.charAt(0).toUpperCase() + text.slice(1))(CHECK_BOX_WORDING.exit.slice(CHECK_BOX_WORDING.exit.indexOf(' if ') + 4));

const COMMON_TAIL: ColumnDef<AnyRow>[] = [
  { header: 'Owned after', field: 'sharesOwnedFollowing', cell: t((r) => formatAmount(r.sharesOwnedFollowing)), numeric: true },
  { header: 'Ownership form', field: 'directOrIndirect', cell: t((r) => spellDirectIndirect(r.directOrIndirect)) },
  { header: HEADINGS.natureOfOwnership, field: 'natureOfOwnership', cell: t((r) => text(r.natureOfOwnership)) },
];

const NON_DERIVATIVE_COLUMNS: ColumnDef<NonDerivativeRow>[] = [
  { header: 'Security', field: 'securityTitle', cell: t((r) => text(r.securityTitle)) },
  { header: 'Kind', field: 'kind', cell: t((r) => spellKind(r.kind)) },
  { header: HEADINGS.transactionDate, field: 'transactionDate', cell: t((r) => formatDate(r.transactionDate)), transactionOnly: true },
  { header: HEADINGS.deemedExecutionDate, field: 'deemedExecutionDate', cell: t((r) => formatDate(r.deemedExecutionDate)), transactionOnly: true },
  { header: 'Code', field: 'transactionCode', cell: codeCell, transactionOnly: true },
  { header: 'Amount', field: 'shares', cell: t((r) => formatAmount(r.shares)), numeric: true, transactionOnly: true },
  { header: '(A) or (D)', field: 'acquiredDisposed', cell: t((r) => spellAcquiredDisposed(r.acquiredDisposed)), transactionOnly: true },
  { header: 'Price', field: 'pricePerShare', cell: t((r) => formatPrice(r.pricePerShare)), numeric: true, transactionOnly: true },
  ...COMMON_TAIL,
];

const DERIVATIVE_COLUMNS: ColumnDef<DerivativeRow>[] = [
  { header: 'Security', field: 'securityTitle', cell: t((r) => text(r.securityTitle)) },
  { header: 'Kind', field: 'kind', cell: t((r) => spellKind(r.kind)) },
  { header: HEADINGS.conversionOrExercisePrice, field: 'conversionOrExercisePrice', cell: t((r) => formatPrice(r.conversionOrExercisePrice)), numeric: true },
  { header: HEADINGS.transactionDate, field: 'transactionDate', cell: t((r) => formatDate(r.transactionDate)), transactionOnly: true },
  { header: HEADINGS.deemedExecutionDate, field: 'deemedExecutionDate', cell: t((r) => formatDate(r.deemedExecutionDate)), transactionOnly: true },
  { header: 'Code', field: 'transactionCode', cell: codeCell, transactionOnly: true },
  { header: 'Amount', field: 'shares', cell: t((r) => formatAmount(r.shares)), numeric: true, transactionOnly: true },
  { header: '(A) or (D)', field: 'acquiredDisposed', cell: t((r) => spellAcquiredDisposed(r.acquiredDisposed)), transactionOnly: true },
  { header: HEADINGS.dateExercisable, field: 'dateExercisable', cell: t((r) => formatDate(r.dateExercisable)) },
  { header: HEADINGS.expirationDate, field: 'expirationDate', cell: t((r) => formatDate(r.expirationDate)) },
  { header: 'Underlying security', field: 'underlyingSecurityTitle', cell: t((r) => text(r.underlyingSecurityTitle)) },
  { header: 'Underlying amount', field: 'underlyingShares', cell: t((r) => formatAmount(r.underlyingShares)), numeric: true },
  { header: 'Price', field: 'pricePerShare', cell: t((r) => formatPrice(r.pricePerShare)), numeric: true, transactionOnly: true },
  { ...COMMON_TAIL[0]!, hideWhenEmpty: true },
  ...COMMON_TAIL.slice(1),
];

// ---------------------------------------------------------------------------------------------
// Findings beside their records
// ---------------------------------------------------------------------------------------------

/**
 * Groups findings by the record they are about: the deepest anchor (row, owner, footnote, ...)
 * containing the finding's pointer, or, for findings without a pointer, the record whose source
 * contains the finding's start. What matches nothing stays with the filing.
 */
export class FindingPlacer {
  private readonly byAnchor = new Map<string, FindingView[]>();
  readonly unplaced: FindingView[] = [];

  constructor(anchors: readonly string[], filing: Pick<FilingRecords, 'findings' | 'sources'>) {
    for (const a of anchors) this.byAnchor.set(a, []);
    // Deeper anchors first so `/issuer/name` wins over a hypothetical `/issuer`.
    const ordered = [...anchors].sort((a, b) => b.length - a.length);
    for (const f of filing.findings) {
      const pointer = f.pointer ?? pointerAt(filing.sources, f.range.start);
      const anchor = pointer === undefined ? undefined : ordered.find((a) => isWithin(pointer, a));
      const view: FindingView = { severity: f.severity, code: f.code, message: f.message };
      if (anchor === undefined) this.unplaced.push(view);
      else this.byAnchor.get(anchor)!.push(view);
    }
  }

  at(anchor: string): FindingView[] {
    return this.byAnchor.get(anchor) ?? [];
  }
}

// ---------------------------------------------------------------------------------------------
// Sections
// ---------------------------------------------------------------------------------------------

function tableView<R extends AnyRow>(
  id: TableView['id'],
  caption: string,
  rows: readonly R[],
  defs: readonly ColumnDef<R>[],
  findings: FindingPlacer,
): TableView {
  const anyTransaction = rows.some((r) => r.kind === 'transaction');
  const columns = defs.filter(
    (d) => (anyTransaction || !d.transactionOnly) && !(d.hideWhenEmpty && rows.every((r) => r[d.field] === null)),
  );
  const tableName = id === 'nonDerivative' ? 'Table I' : 'Table II';
  return {
    id,
    caption,
    columns: columns.map((c) => ({ header: c.header, ...(c.numeric ? { numeric: true } : {}) })),
    rows: rows.map((row, i) => {
      const pointer = `/${id}/${i}`;
      return {
        pointer,
        label: `${tableName}, row ${i + 1}: ${text(row.securityTitle)}`,
        cells: columns.map((c) => ({ ...c.cell(row), pointer: `${pointer}/${c.field}`, ...(c.numeric ? { numeric: true } : {}) })),
        footnoteIds: [...row.footnoteIds],
        findings: findings.at(pointer),
      };
    }),
  };
}

function relationships(o: ReportingOwnerRecord): string {
  const flags = [o.isDirector, o.isTenPercentOwner, o.isOfficer, o.isOther];
  if (flags.every((f) => f === null)) return MISSING;
  const out: string[] = [];
  if (o.isDirector) out.push('Director');
  if (o.isTenPercentOwner) out.push('10% Owner');
  if (o.isOfficer) out.push(o.officerTitle ? `Officer (${o.officerTitle})` : 'Officer');
  if (o.isOther) out.push(o.otherText ? `Other (${o.otherText})` : 'Other');
  return out.length ? out.join(', ') : 'None checked';
}

function address(o: ReportingOwnerRecord): string {
  const cityLine = [o.city, [o.state, o.zip].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  const parts = [o.street1, o.street2, cityLine].filter((p): p is string => !!p);
  return parts.length ? parts.join(', ') : MISSING;
}

function isForm3(record: FilingRecord): boolean {
  return record.formType === '3' || record.formType === '3/A';
}

function tableCaptions(record: FilingRecord): [string, string] {
  // Form 3 reports holdings only: its tables are "... Beneficially Owned".
  const holds = isForm3(record) ? TABLE_HEADINGS.beneficiallyOwned : TABLE_HEADINGS.acquiredDisposedOwned;
  return [`${TABLE_HEADINGS.tableI} — ${TABLE_HEADINGS.nonDerivative} ${holds}`, `${TABLE_HEADINGS.tableII} — ${TABLE_HEADINGS.derivative} ${holds}`];
}

const HEADER_FIELDS: ReadonlyArray<{ label: string; pointer: string; value(r: FilingRecord): string }> = [
  { label: 'Issuer', pointer: '/issuer/name', value: (r) => text(r.issuer.name) },
  { label: 'Trading symbol', pointer: '/issuer/tradingSymbol', value: (r) => text(r.issuer.tradingSymbol) },
  { label: 'Period of report', pointer: '/periodOfReport', value: (r) => formatDate(r.periodOfReport) },
  { label: 'Amendment of', pointer: '/dateOfOriginalSubmission', value: (r) => formatDate(r.dateOfOriginalSubmission) },
  { label: EXIT_BOX_CAPTION, pointer: '/notSubjectToSection16', value: (r) => formatBoolean(r.notSubjectToSection16) },
  { label: 'Joint filing', pointer: '/jointFiling', value: (r) => formatBoolean(r.jointFiling) },
];

/** Every pointer a finding can be shown beside. */
function anchorsOf(record: FilingRecord): string[] {
  return [
    ...HEADER_FIELDS.map((h) => h.pointer),
    '/remarks',
    ...record.reportingOwners.map((_, i) => `/reportingOwners/${i}`),
    ...record.nonDerivative.map((_, i) => `/nonDerivative/${i}`),
    ...record.derivative.map((_, i) => `/derivative/${i}`),
    ...record.footnotes.map((_, i) => `/footnotes/${i}`),
    ...record.signatures.map((_, i) => `/signatures/${i}`),
  ];
}

function citations(record: FilingRecord, id: string): string[] {
  const out: string[] = [];
  record.nonDerivative.forEach((r, i) => r.footnoteIds.includes(id) && out.push(`/nonDerivative/${i}`));
  record.derivative.forEach((r, i) => r.footnoteIds.includes(id) && out.push(`/derivative/${i}`));
  return out;
}

/** EDGAR's verdict on the filing's XML, each reason with the pointer of the text it is about. */
export function edgarView(filing: Pick<FilingRecords, 'edgar' | 'sources'>): EdgarView | undefined {
  const e = filing.edgar;
  if (!e) return undefined;
  const n = e.findings.length;
  const summary =
    e.verdict === 'accepted'
      ? 'EDGAR would accept this filing\'s XML.'
      : `${e.verdict === 'suspended' ? 'EDGAR would suspend this filing\'s XML' : 'EDGAR would accept this filing\'s XML with warnings'}: ${n} reason${n === 1 ? '' : 's'}.`;
  return {
    verdict: e.verdict,
    summary,
    reasons: e.findings.map((f) => ({ severity: f.severity, code: f.code, message: f.message, pointer: f.pointer ?? pointerAt(filing.sources, f.range.start) ?? '' })),
  };
}

export function filingView(filing: FilingRecords, options: PreviewOptions): FilingView {
  const record = filing.record;
  const placer = new FindingPlacer(anchorsOf(record), options.showFindings ? filing : { ...filing, findings: [] });
  const [caption1, caption2] = tableCaptions(record);
  return {
    index: filing.index,
    title: formTitle(record.formType),
    layout: filing.layout,
    header: HEADER_FIELDS.map((h) => ({ label: h.label, text: h.value(record), pointer: h.pointer, findings: placer.at(h.pointer) })),
    owners: record.reportingOwners.map((o, i) => ({
      pointer: `/reportingOwners/${i}`,
      name: text(o.name),
      address: address(o),
      relationships: relationships(o),
      findings: placer.at(`/reportingOwners/${i}`),
    })),
    tables: [
      tableView('nonDerivative', caption1, record.nonDerivative, NON_DERIVATIVE_COLUMNS, placer),
      tableView('derivative', caption2, record.derivative, DERIVATIVE_COLUMNS, placer),
    ],
    footnotes: record.footnotes.map((f, i) => ({
      id: f.id,
      text: f.text,
      pointer: `/footnotes/${i}`,
      citedBy: citations(record, f.id),
      findings: placer.at(`/footnotes/${i}`),
    })),
    signatures: record.signatures.map((s, i) => ({
      pointer: `/signatures/${i}`,
      name: text(s.name),
      date: formatDate(s.date),
      findings: placer.at(`/signatures/${i}`),
    })),
    remarks: record.remarks === null ? null : { label: 'Remarks', text: record.remarks, pointer: '/remarks', findings: placer.at('/remarks') },
    findings: placer.unplaced,
    edgar: edgarView(filing),
  };
}

/** The last path segment of a URI, for the panel title. */
export function fileNameOf(uri: string): string {
  const path = uri.replace(/[?#].*$/, '');
  const name = path.slice(path.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(name) || uri;
  } catch {
    return name || uri;
  }
}

export function previewModel(result: RecordsResult, options: PreviewOptions): PreviewModel {
  return {
    uri: result.uri,
    version: result.version,
    fileName: fileNameOf(result.uri),
    showFindings: options.showFindings,
    filings: result.filings.map((f) => filingView(f, options)),
  };
}
