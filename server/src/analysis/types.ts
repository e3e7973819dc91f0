/**
 * The contract of the analysis pipeline: what the server, the CLI and the preview consume.
 *
 * Pure data: no `vscode`, no LSP connection. Positions follow LSP conventions (0-based line,
 * 0-based character in UTF-16 code units) so the server can hand them to a client unchanged.
 * Every range in an {@link AnalysisResult} is absolute in the document it was computed from.
 */

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

// ---------------------------------------------------------------------------------------------
// Normalized records: exactly ../shared/schema/filing.schema.json (EDGAR ownership XML names).
// ---------------------------------------------------------------------------------------------

export type FormType = '3' | '4' | '5' | '3/A' | '4/A' | '5/A';

export interface IssuerRecord {
  name: string | null;
  tradingSymbol: string | null;
}

export interface ReportingOwnerRecord {
  name: string | null;
  street1: string | null;
  street2: string | null;
  city: string | null;
  state: string | null;
  zip: string | null;
  isDirector: boolean | null;
  isOfficer: boolean | null;
  isTenPercentOwner: boolean | null;
  isOther: boolean | null;
  officerTitle: string | null;
  otherText: string | null;
}

export type RowKind = 'transaction' | 'holding';
export type AcquiredDisposed = 'A' | 'D';
export type DirectIndirect = 'D' | 'I';

export interface NonDerivativeRow {
  kind: RowKind;
  securityTitle: string | null;
  transactionDate: string | null;
  deemedExecutionDate: string | null;
  transactionCode: string | null;
  /** K with the code (XML transactionCoding/equitySwapInvolved); false when a code is read without K. */
  equitySwapInvolved: boolean | null;
  /** The V column of Form 4: reported earlier than required (XML transactionFormType 5). */
  reportedEarly: boolean | null;
  shares: number | null;
  acquiredDisposed: AcquiredDisposed | null;
  pricePerShare: number | null;
  sharesOwnedFollowing: number | null;
  directOrIndirect: DirectIndirect | null;
  natureOfOwnership: string | null;
  footnoteIds: string[];
}

export interface DerivativeRow {
  kind: RowKind;
  securityTitle: string | null;
  conversionOrExercisePrice: number | null;
  transactionDate: string | null;
  deemedExecutionDate: string | null;
  transactionCode: string | null;
  /** K with the code (XML transactionCoding/equitySwapInvolved); false when a code is read without K. */
  equitySwapInvolved: boolean | null;
  /** The V column of Form 4: reported earlier than required (XML transactionFormType 5). */
  reportedEarly: boolean | null;
  shares: number | null;
  acquiredDisposed: AcquiredDisposed | null;
  dateExercisable: string | null;
  expirationDate: string | null;
  underlyingSecurityTitle: string | null;
  underlyingShares: number | null;
  pricePerShare: number | null;
  sharesOwnedFollowing: number | null;
  directOrIndirect: DirectIndirect | null;
  natureOfOwnership: string | null;
  footnoteIds: string[];
}

export interface FootnoteRecord {
  id: string;
  text: string;
}

export interface SignatureRecord {
  name: string | null;
  date: string | null;
}

/** One filing, as `form345 normalize` prints it. Property order is the schema's order. */
export interface FilingRecord {
  formType: FormType | null;
  issuer: IssuerRecord;
  reportingOwners: ReportingOwnerRecord[];
  periodOfReport: string | null;
  dateOfOriginalSubmission: string | null;
  notSubjectToSection16: boolean | null;
  jointFiling: boolean | null;
  nonDerivative: NonDerivativeRow[];
  derivative: DerivativeRow[];
  footnotes: FootnoteRecord[];
  signatures: SignatureRecord[];
  remarks: string | null;
}

// ---------------------------------------------------------------------------------------------
// Diagnostics ("findings") and their fixes.
// ---------------------------------------------------------------------------------------------

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type RuleLevel = Severity | 'off';

export const RULE_CODES = [
  'unknown-transaction-code',
  'missing-transaction-code',
  'code-on-form3',
  'acquired-disposed-mismatch',
  'invalid-date',
  'date-order',
  'missing-price',
  'holding-arithmetic',
  'missing-ownership-form',
  'indirect-without-nature',
  'undefined-footnote',
  'unused-footnote',
  'duplicate-footnote',
  'late-filing',
  'missing-signature',
  'relationship-unchecked',
  'officer-title-missing',
  'no-rows',
  'ocr-text',
  'unread-text',
  'internal-error',
  // EDGAR's acceptance checks (server/src/analysis/edgar).
  'edgar-too-many-owners',
  'edgar-too-many-rows',
  'edgar-too-many-footnotes',
  'edgar-value-too-long',
  'edgar-required-value',
  'edgar-nature-on-direct',
  'edgar-missing-original-date',
  'edgar-missing-cik',
] as const;

export type RuleCode = (typeof RULE_CODES)[number];

/**
 * Findings across filings (the holdings ledger of a workspace, server/src/ledger): not rules of
 * one filing, so not in {@link RULE_CODES}; the language server publishes them beside the rules'.
 */
export const LEDGER_CODES = ['ledger-break', 'short-swing'] as const;

export type LedgerCode = (typeof LEDGER_CODES)[number];

export interface TextEdit {
  range: Range;
  newText: string;
}

/** One way to fix a finding. A finding with several fixes offers the user a choice. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The fix an editor may apply on its own (fix-all, "preferred" quick fix). */
  isPreferred?: boolean;
}

export interface Finding {
  code: RuleCode | LedgerCode;
  /** The rule's default severity; {@link applyRuleLevels} maps it to the configured level. */
  severity: Severity;
  /** One line, says what is wrong and what to do. */
  message: string;
  /** Always within one line of the document. */
  range: Range;
  /** Index of the filing in {@link AnalysisResult.filings}. */
  filing: number;
  /** JSON pointer into that filing's record of the value the finding is about, if any. */
  pointer?: string;
  fixes?: Fix[];
}

// ---------------------------------------------------------------------------------------------
// Source structure: what hovers, navigation, the outline and the preview need.
// ---------------------------------------------------------------------------------------------

/**
 * Which printed label a span of text is: a header box or a table column of the form.
 * Keys are stable; hover texts are looked up by key (see domain/labels.ts).
 */
export type LabelKey =
  | 'box.reportingPerson'
  | 'box.issuer'
  | 'box.periodOfReport'
  | 'box.amendment'
  | 'box.relationship'
  | 'box.jointFiling'
  | 'box.exit'
  | 'box.tenb5One'
  | 'table1'
  | 'table2'
  | 'col.securityTitle'
  | 'col.transactionDate'
  | 'col.deemedExecutionDate'
  | 'col.transactionCode'
  | 'col.amount'
  | 'col.sharesOwnedFollowing'
  | 'col.directOrIndirect'
  | 'col.natureOfOwnership'
  | 'col.conversionOrExercisePrice'
  | 'col.derivativeAmount'
  | 'col.exerciseExpiration'
  | 'col.underlying'
  | 'col.derivativePrice'
  | 'col.derivativeOwnedFollowing'
  | 'explanation'
  | 'remarks'
  | 'signature';

export interface LabelSpan {
  key: LabelKey;
  range: Range;
}

/** Record fields a value cell can hold (the record's property names, plus header fields). */
export type FieldName =
  | keyof NonDerivativeRow
  | keyof DerivativeRow
  | keyof ReportingOwnerRecord
  | 'issuerName'
  | 'tradingSymbol'
  | 'periodOfReport'
  | 'dateOfOriginalSubmission'
  | 'signatureName'
  | 'signatureDate';

/** A value as it stands in the text, and where the record holds it. */
export interface FieldSpan {
  /** JSON pointer into the filing record, e.g. "/nonDerivative/0/transactionCode". */
  pointer: string;
  field: FieldName;
  range: Range;
  /** The text as written (e.g. "$ 2.64", "11/14/2017"). */
  raw: string;
}

export interface FootnoteRef {
  id: string;
  /** The marker itself: "(1)", "^(1)", "⁽¹⁾", "<sup>1</sup>". */
  range: Range;
  /** Pointer of the row (or header value) that cites it, e.g. "/derivative/0". */
  pointer: string;
  /**
   * The field of that row whose value the reference annotates (the value it is written after), e.g.
   * "pricePerShare"; `reportedEarly` is the V column. EDGAR's XML carries the reference on that element.
   */
  field?: FieldName;
}

export interface FootnoteDef {
  id: string;
  /** The whole definition, marker and text, possibly over several lines. */
  range: Range;
  /** The "(1)" or "1." marker. */
  markerRange: Range;
  text: string;
}

export type SymbolKind = 'filing' | 'section' | 'box' | 'owner' | 'row' | 'footnote' | 'signature';

/** One node of the document outline (maps onto LSP DocumentSymbol). */
export interface OutlineNode {
  name: string;
  detail?: string;
  kind: SymbolKind;
  range: Range;
  selectionRange: Range;
  /** JSON pointer of the record this node shows, if any. */
  pointer?: string;
  children: OutlineNode[];
}

export type LayoutKind =
  | 'tabbed'
  | 'markdown'
  | 'html'
  | 'fixed-width'
  | 'pipe-table'
  | 'grid'
  | 'linear';

export interface AnalyzedFiling {
  /** Position in the document: 0 for the first filing. */
  index: number;
  /** From the title line to the last line of the filing (power of attorney etc. included). */
  range: Range;
  layout: LayoutKind;
  record: FilingRecord;
  /**
   * The Rule 10b5-1(c) box of Forms 4 and 5 (XML `aff10b5One`): checked, unchecked, or null where the
   * form does not print it. Not in the normalized record (the shared schema has no such field).
   */
  aff10b5One?: boolean | null;
  /** JSON pointer → where the value, row, owner, footnote or signature stands in the text. */
  sources: Record<string, Range>;
  fields: FieldSpan[];
  labels: LabelSpan[];
  footnoteRefs: FootnoteRef[];
  footnoteDefs: FootnoteDef[];
  outline: OutlineNode;
  /** Findings of this filing, before rule levels and disable comments are applied. */
  findings: Finding[];
  /**
   * Text the reader set aside before reading (page furniture: a browser's print header and
   * footer, page numbers, form feeds), each with where it stood: reported, never dropped silently.
   */
  setAside?: SetAsideText[];
}

export interface SetAsideText {
  kind: 'print-header' | 'page-title' | 'print-footer' | 'page-number' | 'form-feed';
  text: string;
  message: string;
  range: Range;
}

export interface AnalysisResult {
  filings: AnalyzedFiling[];
  /** Every finding in the document after disable comments (not rule levels), sorted by position. */
  findings: Finding[];
}

/** Anything with the shape of an LSP CancellationToken. */
export interface CancellationLike {
  readonly isCancellationRequested: boolean;
}

export interface AnalyzeOptions {
  /** Dates after this are "in the future" (tests pin it). Default: now. */
  today?: Date;
}
