/**
 * The ledger as `form345 ledger` prints it: the JSON contract (README, "Across filings") and CSV
 * rows of the entries. Lines are 1-based here; money is rounded to cents.
 */
import type { Entry, Group, Ledger, SwingSide } from './types';

export const SHORT_SWING_METHOD = 'lowest-in-highest-out';
export const SHORT_SWING_SCOPE =
  'Only open-market or private purchases (P) and sales (S) of Table I are matched; other codes are exempt (Rule 16b-3, 16b-6(b), gifts) or not matchable in this version and are counted in otherCodes.';

const cents = (c: number): number => Math.round(c) / 100;

export function entryLine(e: Entry): number {
  return (e.row.balanceRange ?? e.row.range).start.line + 1;
}

function entryJson(e: Entry) {
  const r = e.row;
  return {
    file: e.filing.file,
    line: entryLine(e),
    date: r.date,
    code: r.code,
    shares: r.shares,
    acquiredDisposed: r.acquiredDisposed,
    price: r.price,
    reported: r.reported,
    computed: e.computed,
  };
}

function sideJson(s: SwingSide) {
  return { file: s.entry.filing.file, line: entryLine(s.entry), date: s.date, shares: s.shares, price: s.price };
}

export function groupJson(g: Group) {
  return {
    owner: g.owner,
    issuer: g.issuer,
    filings: g.filings.map(({ filing, superseded, duplicate }) => ({ file: filing.file, filing: filing.index, formType: filing.formType, period: filing.period, superseded, duplicate })),
    positions: g.positions.map((p) => ({
      security: p.security,
      directOrIndirect: p.directOrIndirect,
      nature: p.nature,
      entries: p.entries.map(entryJson),
      open: p.open,
    })),
    breaks: g.breaks.map((e) => ({ file: e.filing.file, line: entryLine(e), security: e.row.security, expected: e.computed, reported: e.row.reported })),
    shortSwing: {
      method: SHORT_SWING_METHOD,
      profit: cents(g.shortSwing.profitCents),
      pairs: g.shortSwing.pairs.map((p) => ({ purchase: sideJson(p.purchase), sale: sideJson(p.sale), shares: p.shares, profit: cents(p.profitCents) })),
      unmatchable: g.shortSwing.unmatchable.map((u) => ({
        file: u.entry.filing.file,
        line: entryLine(u.entry),
        date: u.entry.row.date,
        code: u.entry.row.code,
        shares: u.entry.row.shares,
        price: u.entry.row.price,
        reason: u.reason,
      })),
      scope: SHORT_SWING_SCOPE,
      otherCodes: g.shortSwing.otherCodes,
    },
    late: { ...g.late },
  };
}

export function ledgerJson(l: Ledger) {
  return {
    groups: l.groups.map(groupJson),
    unplaced: l.unplaced.map((u) => ({ file: u.filing.file, filing: u.filing.index, line: (u.row?.range ?? u.filing.range).start.line + 1, reason: u.reason })),
  };
}

const CSV_COLUMNS = ['owner', 'issuer', 'security', 'directOrIndirect', 'nature', 'file', 'line', 'date', 'code', 'shares', 'acquiredDisposed', 'price', 'reported', 'computed', 'break'] as const;

function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  let s = String(v);
  // A cell a spreadsheet would run as a formula is written as text.
  if (/^[=+\-@\t\r]/.test(s) && typeof v === 'string') s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function ledgerCsv(l: Ledger): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const g of l.groups) {
    for (const p of g.positions) {
      for (const e of p.entries) {
        const j = entryJson(e);
        lines.push(
          [g.owner, g.issuer, p.security, p.directOrIndirect, p.nature, j.file, j.line, j.date, j.code, j.shares, j.acquiredDisposed, j.price, j.reported, j.computed, e.isBreak ? 'yes' : '']
            .map(csvCell)
            .join(','),
        );
      }
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}
