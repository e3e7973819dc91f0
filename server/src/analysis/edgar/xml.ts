/**
 * EDGAR ownership XML (`<ownershipDocument>`) from an analysed filing.
 *
 * Follows the EDGAR Ownership XML Technical Specification as ../shared/docs/section16.md §3 lays it
 * out: an unnamespaced root, the elements in the enforced sequence order, ISO dates, decimals with
 * digits and a point only, footnotes `F1`..`F99` referenced from the element each reference sits
 * on in the text. What EDGAR derives itself (`schemaVersion`, `noSecuritiesOwned`, Form 5's
 * reported flags) is left out; `issuerName` and `rptOwnerName` are kept with the text's values,
 * since every reader of the XML needs them.
 *
 * Nothing is invented: a value the text lost is left out (the `edgar-` rules report it), and the
 * CIKs, which the printed form does not show, come from a {@link CikMap} or are left out.
 */
import type { AnalyzedFiling, DerivativeRow, FilingRecord, NonDerivativeRow, ReportingOwnerRecord } from '../types';
import { lookupCik, type CikMap } from './cikMap';

export interface XmlOptions {
  /** Names and trading symbols to CIKs (issuer and owners). */
  cikMap?: CikMap;
}

export interface XmlExport {
  xml: string;
  /** The issuer's CIK was found in the map. */
  issuerCik: string | null;
  /** Per reporting owner, the CIK found in the map, or null. */
  ownerCiks: (string | null)[];
}

// ---------------------------------------------------------------------------------------------
// Values as the specification writes them.

/** Escapes `& < > "` (§3.3); attribute values are double-quoted, so an apostrophe stays as it is. */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/** One line of text: values count whitespace toward their length, and must not wrap (§3.3). */
function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** A decimal with digits and a point only: no commas, sign, `$` or exponent (§3.3). */
export function decimal(n: number): string | null {
  if (!Number.isFinite(n) || n < 0) return null;
  let s = String(n);
  if (/e/i.test(s)) s = n.toFixed(10).replace(/\.?0+$/, '');
  return s;
}

/** A footnote number of the text ("3") as the XML's id ("F3"). */
export function footnoteXmlId(id: string): string {
  return `F${id}`;
}

const bool = (b: boolean): string => (b ? 'true' : 'false');

// ---------------------------------------------------------------------------------------------
// A tiny element builder: indented, one element or value per line.

class Out {
  private parts: string[] = [];
  private depth = 0;

  open(name: string): void {
    this.parts.push(`${'  '.repeat(this.depth)}<${name}>`);
    this.depth++;
  }

  close(name: string): void {
    this.depth--;
    this.parts.push(`${'  '.repeat(this.depth)}</${name}>`);
  }

  leaf(name: string, text: string, attrs = ''): void {
    this.parts.push(`${'  '.repeat(this.depth)}<${name}${attrs}>${escapeXml(text)}</${name}>`);
  }

  empty(name: string, attrs = ''): void {
    this.parts.push(`${'  '.repeat(this.depth)}<${name}${attrs}/>`);
  }

  text(): string {
    return `${this.parts.join('\n')}\n`;
  }
}

/** Footnote references per row pointer and field, in the order the text gives them, no repeats. */
type RefIndex = Map<string, string[]>;

function refIndex(filing: AnalyzedFiling): RefIndex {
  const index: RefIndex = new Map();
  for (const r of filing.footnoteRefs) {
    // A reference no value claims (a row of references only) annotates the row's security.
    const key = `${r.pointer}/${r.field ?? 'securityTitle'}`;
    const ids = index.get(key) ?? [];
    if (!ids.includes(r.id)) ids.push(r.id);
    index.set(key, ids);
  }
  return index;
}

/** Where the XML carries a reference written in a column of the text. */
const REF_FIELDS: Record<string, readonly string[]> = {
  transactionCoding: ['transactionCode', 'reportedEarly', 'equitySwapInvolved'],
};

/**
 * A value wrapper `<name><value>…</value><footnoteId id="Fn"/>…</name>`. With neither a value nor
 * a reference it is left out; with references only it is the footnoted value EDGAR accepts in
 * place of a lost or inapplicable one (cm(8)).
 */
function valueElement(out: Out, name: string, value: string | null, ids: readonly string[]): void {
  if (value === null && !ids.length) return;
  out.open(name);
  if (value !== null) out.leaf('value', value);
  for (const id of ids) out.empty('footnoteId', ` id="${escapeXml(footnoteXmlId(id))}"`);
  out.close(name);
}

interface RowContext {
  out: Out;
  refs: RefIndex;
  pointer: string;
  formDigit: string;
}

function idsOf(ctx: RowContext, ...fields: string[]): string[] {
  const ids: string[] = [];
  for (const f of fields) for (const id of ctx.refs.get(`${ctx.pointer}/${f}`) ?? []) if (!ids.includes(id)) ids.push(id);
  return ids;
}

function field(ctx: RowContext, name: string, value: string | null, recordField: string): void {
  valueElement(ctx.out, name, value, idsOf(ctx, recordField));
}

const num = (n: number | null): string | null => (n === null ? null : decimal(n));
const text = (s: string | null): string | null => (s === null || oneLine(s) === '' ? null : oneLine(s));

/**
 * The transaction's coding. The form type is the form's own, except a Form 4 transaction marked
 * in the V column: reported early, it is a Form 5 transaction (§3.5). Timeliness is not printed.
 */
function coding(ctx: RowContext, row: NonDerivativeRow | DerivativeRow): void {
  const ids = idsOf(ctx, ...REF_FIELDS.transactionCoding);
  if (row.transactionCode === null && !ids.length) return;
  const { out } = ctx;
  out.open('transactionCoding');
  const formType = ctx.formDigit === '4' ? (row.reportedEarly ? '5' : row.reportedEarly === false ? '4' : null) : ctx.formDigit === '5' ? '5' : null;
  if (formType) out.leaf('transactionFormType', formType);
  if (row.transactionCode !== null) out.leaf('transactionCode', row.transactionCode);
  if (row.equitySwapInvolved !== null) out.leaf('equitySwapInvolved', bool(row.equitySwapInvolved));
  for (const id of ids) out.empty('footnoteId', ` id="${escapeXml(footnoteXmlId(id))}"`);
  out.close('transactionCoding');
}

function amounts(ctx: RowContext, row: NonDerivativeRow | DerivativeRow): void {
  const shares = idsOf(ctx, 'shares');
  const price = idsOf(ctx, 'pricePerShare');
  const ad = idsOf(ctx, 'acquiredDisposed');
  if (row.shares === null && row.pricePerShare === null && row.acquiredDisposed === null && !shares.length && !price.length && !ad.length) return;
  ctx.out.open('transactionAmounts');
  valueElement(ctx.out, 'transactionShares', num(row.shares), shares);
  valueElement(ctx.out, 'transactionPricePerShare', num(row.pricePerShare), price);
  valueElement(ctx.out, 'transactionAcquiredDisposedCode', row.acquiredDisposed, ad);
  ctx.out.close('transactionAmounts');
}

function postAmounts(ctx: RowContext, row: NonDerivativeRow | DerivativeRow): void {
  const ids = idsOf(ctx, 'sharesOwnedFollowing');
  if (row.sharesOwnedFollowing === null && !ids.length) return;
  ctx.out.open('postTransactionAmounts');
  valueElement(ctx.out, 'sharesOwnedFollowingTransaction', num(row.sharesOwnedFollowing), ids);
  ctx.out.close('postTransactionAmounts');
}

function ownership(ctx: RowContext, row: NonDerivativeRow | DerivativeRow): void {
  const di = idsOf(ctx, 'directOrIndirect');
  const nature = idsOf(ctx, 'natureOfOwnership');
  const natureText = text(row.natureOfOwnership);
  if (row.directOrIndirect === null && natureText === null && !di.length && !nature.length) return;
  ctx.out.open('ownershipNature');
  valueElement(ctx.out, 'directOrIndirectOwnership', row.directOrIndirect, di);
  valueElement(ctx.out, 'natureOfOwnership', natureText, nature);
  ctx.out.close('ownershipNature');
}

function nonDerivativeRow(ctx: RowContext, row: NonDerivativeRow): void {
  const tx = row.kind === 'transaction';
  const name = tx ? 'nonDerivativeTransaction' : 'nonDerivativeHolding';
  ctx.out.open(name);
  field(ctx, 'securityTitle', text(row.securityTitle), 'securityTitle');
  if (tx) {
    field(ctx, 'transactionDate', row.transactionDate, 'transactionDate');
    field(ctx, 'deemedExecutionDate', row.deemedExecutionDate, 'deemedExecutionDate');
    coding(ctx, row);
    amounts(ctx, row);
  }
  postAmounts(ctx, row);
  ownership(ctx, row);
  ctx.out.close(name);
}

function derivativeRow(ctx: RowContext, row: DerivativeRow): void {
  const tx = row.kind === 'transaction';
  const name = tx ? 'derivativeTransaction' : 'derivativeHolding';
  const { out } = ctx;
  out.open(name);
  field(ctx, 'securityTitle', text(row.securityTitle), 'securityTitle');
  field(ctx, 'conversionOrExercisePrice', num(row.conversionOrExercisePrice), 'conversionOrExercisePrice');
  if (tx) {
    field(ctx, 'transactionDate', row.transactionDate, 'transactionDate');
    field(ctx, 'deemedExecutionDate', row.deemedExecutionDate, 'deemedExecutionDate');
    coding(ctx, row);
    amounts(ctx, row);
  }
  field(ctx, 'exerciseDate', row.dateExercisable, 'dateExercisable');
  field(ctx, 'expirationDate', row.expirationDate, 'expirationDate');
  const titleIds = idsOf(ctx, 'underlyingSecurityTitle');
  const sharesIds = idsOf(ctx, 'underlyingShares');
  if (text(row.underlyingSecurityTitle) !== null || row.underlyingShares !== null || titleIds.length || sharesIds.length) {
    out.open('underlyingSecurity');
    valueElement(out, 'underlyingSecurityTitle', text(row.underlyingSecurityTitle), titleIds);
    valueElement(out, 'underlyingSecurityShares', num(row.underlyingShares), sharesIds);
    out.close('underlyingSecurity');
  }
  postAmounts(ctx, row);
  ownership(ctx, row);
  out.close(name);
}

function reportingOwner(out: Out, owner: ReportingOwnerRecord, cik: string | null): void {
  out.open('reportingOwner');
  out.open('reportingOwnerId');
  if (cik) out.leaf('rptOwnerCik', cik);
  if (text(owner.name)) out.leaf('rptOwnerName', text(owner.name)!);
  out.close('reportingOwnerId');
  const address: [string, string | null][] = [
    ['rptOwnerStreet1', text(owner.street1)],
    ['rptOwnerStreet2', text(owner.street2)],
    ['rptOwnerCity', text(owner.city)],
    ['rptOwnerState', text(owner.state)],
    ['rptOwnerZipCode', text(owner.zip)],
  ];
  // Without any address field EDGAR uses the address of record.
  if (address.some(([, v]) => v !== null)) {
    out.open('reportingOwnerAddress');
    for (const [name, v] of address) if (v !== null) out.leaf(name, v);
    out.close('reportingOwnerAddress');
  }
  const flags: [string, boolean | null][] = [
    ['isDirector', owner.isDirector],
    ['isOfficer', owner.isOfficer],
    ['isTenPercentOwner', owner.isTenPercentOwner],
    ['isOther', owner.isOther],
  ];
  const officerTitle = owner.isOfficer ? text(owner.officerTitle) : null;
  const otherText = owner.isOther ? text(owner.otherText) : null;
  if (flags.some(([, v]) => v !== null) || officerTitle || otherText) {
    out.open('reportingOwnerRelationship');
    for (const [name, v] of flags) if (v !== null) out.leaf(name, bool(v));
    if (officerTitle) out.leaf('officerTitle', officerTitle);
    if (otherText) out.leaf('otherText', otherText);
    out.close('reportingOwnerRelationship');
  }
  out.close('reportingOwner');
}

/** The form's digit ("4" for 4/A), or null when the form type was not read. */
function formDigitOf(record: FilingRecord): string | null {
  return record.formType ? record.formType[0] : null;
}

/** The `ownershipDocument` of one filing. */
export function ownershipXml(filing: AnalyzedFiling, options: XmlOptions = {}): XmlExport {
  const tenb5One = filing.aff10b5One ?? null;
  const rec = filing.record;
  const digit = formDigitOf(rec);
  const out = new Out();
  out.open('ownershipDocument');
  if (rec.formType) out.leaf('documentType', rec.formType);
  if (rec.periodOfReport) out.leaf('periodOfReport', rec.periodOfReport);
  // Mandatory in amendments, not used in originals (§2.4).
  if (rec.formType?.endsWith('/A') && rec.dateOfOriginalSubmission) out.leaf('dateOfOriginalSubmission', rec.dateOfOriginalSubmission);
  // The exit box exists on Forms 4 and 5 only.
  if (digit !== '3' && rec.notSubjectToSection16 !== null) out.leaf('notSubjectToSection16', bool(rec.notSubjectToSection16));

  const issuerCik = options.cikMap ? lookupCik(options.cikMap, rec.issuer.tradingSymbol, rec.issuer.name) : null;
  out.open('issuer');
  if (issuerCik) out.leaf('issuerCik', issuerCik);
  if (text(rec.issuer.name)) out.leaf('issuerName', text(rec.issuer.name)!);
  if (text(rec.issuer.tradingSymbol)) out.leaf('issuerTradingSymbol', text(rec.issuer.tradingSymbol)!);
  out.close('issuer');

  const ownerCiks = rec.reportingOwners.map((o) => (options.cikMap ? lookupCik(options.cikMap, o.name) : null));
  rec.reportingOwners.forEach((o, i) => reportingOwner(out, o, ownerCiks[i]));

  if (digit !== '3' && tenb5One !== null) out.leaf('aff10b5One', bool(tenb5One));

  const refs = refIndex(filing);
  const formDigit = digit ?? '';
  if (rec.nonDerivative.length) {
    out.open('nonDerivativeTable');
    rec.nonDerivative.forEach((row, i) => nonDerivativeRow({ out, refs, pointer: `/nonDerivative/${i}`, formDigit }, row));
    out.close('nonDerivativeTable');
  }
  if (rec.derivative.length) {
    out.open('derivativeTable');
    rec.derivative.forEach((row, i) => derivativeRow({ out, refs, pointer: `/derivative/${i}`, formDigit }, row));
    out.close('derivativeTable');
  }
  if (rec.footnotes.length) {
    out.open('footnotes');
    for (const f of rec.footnotes) out.leaf('footnote', oneLine(f.text), ` id="${escapeXml(footnoteXmlId(f.id))}"`);
    out.close('footnotes');
  }
  if (text(rec.remarks)) out.leaf('remarks', text(rec.remarks)!);
  for (const s of rec.signatures) {
    out.open('ownerSignature');
    if (text(s.name)) out.leaf('signatureName', text(s.name)!);
    if (s.date) out.leaf('signatureDate', s.date);
    out.close('ownerSignature');
  }
  out.close('ownershipDocument');
  return { xml: `<?xml version="1.0" encoding="UTF-8"?>\n${out.text()}`, issuerCik, ownerCiks };
}
