/**
 * From an analysed filing to the compact extract the ledger reads: Table I rows with where their
 * balance stands in the text, the header values that place the filing in a group, and the
 * late-report counts of Item 405.
 */
import type { AnalyzedFiling, AnalysisResult } from '../analysis/types';
import { form4DueDate } from '../analysis/domain/calendar';
import type { LedgerFiling, LedgerRow } from './types';

export function ledgerFilings(file: string, result: AnalysisResult): LedgerFiling[] {
  return result.filings.map((f) => ledgerFiling(file, f));
}

export function ledgerFiling(file: string, f: AnalyzedFiling): LedgerFiling {
  const rec = f.record;
  const balances = new Map<string, { range: LedgerRow['range']; raw: string }>();
  for (const span of f.fields) {
    if (span.field === 'sharesOwnedFollowing' && span.pointer.startsWith('/nonDerivative/')) balances.set(span.pointer, { range: span.range, raw: span.raw });
  }
  const rows: LedgerRow[] = rec.nonDerivative.map((r, index) => {
    const pointer = `/nonDerivative/${index}`;
    const balance = balances.get(`${pointer}/sharesOwnedFollowing`);
    return {
      index,
      kind: r.kind,
      security: r.securityTitle,
      date: r.transactionDate,
      code: r.transactionCode,
      shares: r.shares,
      acquiredDisposed: r.acquiredDisposed,
      price: r.pricePerShare,
      reported: r.sharesOwnedFollowing,
      directOrIndirect: r.directOrIndirect,
      nature: r.natureOfOwnership,
      range: f.sources[pointer] ?? f.range,
      balanceRange: balance?.range ?? null,
      balanceRaw: balance?.raw ?? null,
    };
  });
  const late = f.findings.some((x) => x.code === 'late-filing');
  const signed = rec.signatures.find((s) => s.date)?.date ?? null;
  let lateTransactions = 0;
  if (late && signed) {
    // Each transaction is due two business days after it was executed (or deemed executed).
    for (const r of [...rec.nonDerivative, ...rec.derivative]) {
      if (r.kind !== 'transaction') continue;
      const d = r.deemedExecutionDate ?? r.transactionDate;
      const due = d ? form4DueDate(d) : null;
      if (due && signed > due) lateTransactions++;
    }
  }
  return {
    file,
    index: f.index,
    formType: rec.formType,
    period: rec.periodOfReport,
    owners: rec.reportingOwners.map((o) => o.name ?? '').filter((n) => n.trim().length > 0),
    issuerName: rec.issuer.name,
    tradingSymbol: rec.issuer.tradingSymbol,
    signatureDate: signed,
    late,
    lateTransactions,
    rows,
    range: f.range,
  };
}
