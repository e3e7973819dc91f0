/**
 * CSV export: one row per transaction or holding, with the filing's issuer, owners and the texts
 * of the footnotes the row cites joined in, so a spreadsheet needs no lookups. Pure.
 *
 * Quoting follows RFC 4180 (quote fields holding a comma, quote or line break; double the quotes;
 * CRLF between records). Filing text is untrusted: a text cell starting with `=`, `+`, `-`, `@`
 * would run as a formula in a spreadsheet, so such cells get a leading apostrophe. Numbers are
 * written plainly (no grouping, no currency) so they stay numbers.
 */
import type { DerivativeRow, FilingRecord, NonDerivativeRow, ReportingOwnerRecord } from '../../../server/src/analysis/types';

export const CSV_COLUMNS = [
  'filing',
  'formType',
  'issuerName',
  'issuerTradingSymbol',
  'periodOfReport',
  'reportingOwners',
  'relationships',
  'table',
  'row',
  'kind',
  'securityTitle',
  'conversionOrExercisePrice',
  'transactionDate',
  'deemedExecutionDate',
  'transactionCode',
  'equitySwapInvolved',
  'reportedEarly',
  'shares',
  'acquiredDisposed',
  'pricePerShare',
  'dateExercisable',
  'expirationDate',
  'underlyingSecurityTitle',
  'underlyingShares',
  'sharesOwnedFollowing',
  'directOrIndirect',
  'natureOfOwnership',
  'footnoteIds',
  'footnotes',
] as const;

export type CsvColumn = (typeof CSV_COLUMNS)[number];
export type CsvValue = string | number | boolean | null;
export type CsvRow = Record<CsvColumn, CsvValue>;

/** Owner names joined; `; ` because names themselves contain commas ("Locke, Benjamin"). */
function ownerNames(owners: readonly ReportingOwnerRecord[]): string {
  return owners.map((o) => o.name ?? '').filter(Boolean).join('; ');
}

function ownerRelationships(owners: readonly ReportingOwnerRecord[]): string {
  return owners
    .map((o) => {
      const r: string[] = [];
      if (o.isDirector) r.push('Director');
      if (o.isTenPercentOwner) r.push('10% Owner');
      if (o.isOfficer) r.push(o.officerTitle ? `Officer: ${o.officerTitle}` : 'Officer');
      if (o.isOther) r.push(o.otherText ? `Other: ${o.otherText}` : 'Other');
      return r.join(', ');
    })
    .join('; ');
}

function footnoteTexts(record: FilingRecord, ids: readonly string[]): string {
  return ids
    .map((id) => {
      const f = record.footnotes.find((x) => x.id === id);
      return f ? `(${id}) ${f.text}` : `(${id})`;
    })
    .join(' ');
}

function rowValues(row: NonDerivativeRow | DerivativeRow): Partial<CsvRow> {
  const d = row as Partial<DerivativeRow>;
  return {
    kind: row.kind,
    securityTitle: row.securityTitle,
    conversionOrExercisePrice: d.conversionOrExercisePrice ?? null,
    transactionDate: row.transactionDate,
    deemedExecutionDate: row.deemedExecutionDate,
    transactionCode: row.transactionCode,
    equitySwapInvolved: row.equitySwapInvolved,
    reportedEarly: row.reportedEarly,
    shares: row.shares,
    acquiredDisposed: row.acquiredDisposed,
    pricePerShare: row.pricePerShare,
    dateExercisable: d.dateExercisable ?? null,
    expirationDate: d.expirationDate ?? null,
    underlyingSecurityTitle: d.underlyingSecurityTitle ?? null,
    underlyingShares: d.underlyingShares ?? null,
    sharesOwnedFollowing: row.sharesOwnedFollowing,
    directOrIndirect: row.directOrIndirect,
    natureOfOwnership: row.natureOfOwnership,
    footnoteIds: row.footnoteIds.join(' '),
  };
}

/** The CSV rows of some filings (in document order), Table I rows before Table II rows. */
export function csvRows(records: readonly FilingRecord[]): CsvRow[] {
  const out: CsvRow[] = [];
  records.forEach((record, filing) => {
    const base = {
      filing,
      formType: record.formType,
      issuerName: record.issuer.name,
      issuerTradingSymbol: record.issuer.tradingSymbol,
      periodOfReport: record.periodOfReport,
      reportingOwners: ownerNames(record.reportingOwners),
      relationships: ownerRelationships(record.reportingOwners),
    };
    const tables: Array<['I' | 'II', readonly (NonDerivativeRow | DerivativeRow)[]]> = [
      ['I', record.nonDerivative],
      ['II', record.derivative],
    ];
    for (const [table, rows] of tables) {
      rows.forEach((row, i) => {
        const full = Object.fromEntries(CSV_COLUMNS.map((c) => [c, null])) as CsvRow;
        Object.assign(full, base, rowValues(row), { table, row: i + 1, footnotes: footnoteTexts(record, row.footnoteIds) });
        out.push(full);
      });
    }
  });
  return out;
}

/** One field, quoted when needed; formula-looking text defused. */
export function csvField(value: CsvValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  let s = value;
  if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(rows: readonly CsvRow[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const row of rows) lines.push(CSV_COLUMNS.map((c) => csvField(row[c])).join(','));
  return lines.join('\r\n') + '\r\n';
}
