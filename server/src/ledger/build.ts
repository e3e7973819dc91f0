/**
 * Builds the ledger from filing extracts: groups (one owner in one issuer), the filings in order
 * with amendments replacing what they amend, positions (one security and ownership line) with
 * the balance each entry should show and the breaks, the short-swing pairs and the late counts.
 *
 * Order: by period of report, then transaction date, then the order in the files (files by path,
 * filings and rows as they stand). A row without a date takes the date of the row before it in
 * its filing (or the period), so it stays where the filer put it among its neighbours.
 */
import { issuerNameKey, natureKey, ownerKey, securityKey, symbolKey } from './identity';
import { shortSwing } from './shortSwing';
import type { Entry, Group, GroupFiling, Ledger, LedgerFiling, LedgerRow, Position, Unplaced } from './types';
import { BOX_LABEL_PARTS, SECTION_HEADINGS } from '../analysis/vocabulary/wording';

/** Printed words as a reason names a field: lower case. */
const named = (words: string): string => words.toLowerCase();
/** The issuer box's two values as its label names them: "issuer name", "trading symbol". */
const [ISSUER_NAME, TRADING_SYMBOL] = ((label: string) => [named(label.split(' ').slice(0, 2).join(' ')), named(label.split(' ').slice(-2).join(' '))])(BOX_LABEL_PARTS.issuerAndTicker);

/** Balances closer than this are equal (fractional shares are printed to 4 places at most). */
const TOLERANCE = 0.0005;

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function baseForm(f: LedgerFiling): string {
  return (f.formType ?? '').charAt(0);
}

function isAmendment(f: LedgerFiling): boolean {
  return (f.formType ?? '').endsWith('/A');
}

/** Earliest row date of a filing, for ordering filings of one period. */
function firstDate(f: LedgerFiling): string {
  let d = '';
  for (const r of f.rows) if (r.date && (d === '' || r.date < d)) d = r.date;
  return d;
}

interface Rank {
  /** Position of the filing among all, by file path then index. */
  fileOrder: Map<LedgerFiling, number>;
  /** Earliest row date of each filing ('9999' when none). */
  firstDate: Map<LedgerFiling, string>;
}

function filingOrder(rank: Rank) {
  return (a: LedgerFiling, b: LedgerFiling): number =>
    cmp(a.period ?? '9999', b.period ?? '9999') || cmp(rank.firstDate.get(a)!, rank.firstDate.get(b)!) || rank.fileOrder.get(a)! - rank.fileOrder.get(b)!;
}

export function buildLedger(input: readonly LedgerFiling[]): Ledger {
  const all = [...input].sort((a, b) => cmp(a.file, b.file) || a.index - b.index);
  const rank: Rank = { fileOrder: new Map(all.map((f, i) => [f, i])), firstDate: new Map(all.map((f) => [f, firstDate(f) || '9999'])) };
  const unplaced: Unplaced[] = [];

  // Issuers by symbol; a filing without a symbol joins the symbol another filing gives its name.
  const symbolOfName = new Map<string, string>();
  for (const f of all) {
    if (f.tradingSymbol && f.issuerName) {
      const k = issuerNameKey(f.issuerName);
      if (k && !symbolOfName.has(k)) symbolOfName.set(k, symbolKey(f.tradingSymbol));
    }
  }
  const groups = new Map<string, { owner: string; issuer: string; ownerKey: string; issuerKey: string; filings: LedgerFiling[] }>();
  for (const f of all) {
    const sym = f.tradingSymbol ? symbolKey(f.tradingSymbol) : '';
    const nameKey = f.issuerName ? issuerNameKey(f.issuerName) : '';
    const issuerKey = sym ? `$${sym}` : nameKey ? (symbolOfName.has(nameKey) ? `$${symbolOfName.get(nameKey)}` : `#${nameKey}`) : '';
    if (!issuerKey) {
      unplaced.push({ filing: f, row: null, reason: `no ${ISSUER_NAME} or ${TRADING_SYMBOL} was read` });
      continue;
    }
    const owners = [...new Map(f.owners.map((o) => [ownerKey(o), o])).entries()].filter(([k]) => k);
    if (!owners.length) {
      unplaced.push({ filing: f, row: null, reason: `no ${named(SECTION_HEADINGS.reportingOwners).replace(/s$/, '')} name was read` });
      continue;
    }
    // A joint filing belongs to each of its owners' groups.
    for (const [ok, name] of owners) {
      const key = `${ok}\u0000${issuerKey}`;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { owner: name, issuer: sym || (f.issuerName ?? '').trim(), ownerKey: ok, issuerKey, filings: [] }));
      if (!sym && g.issuer === '' && f.issuerName) g.issuer = f.issuerName.trim();
      g.filings.push(f);
    }
  }

  const out: Group[] = [];
  const reportedUnplaced = new Set<LedgerRow>();
  for (const g of groups.values()) {
    const filings = g.filings.sort(filingOrder(rank));
    const duplicates = duplicateFilings(filings);
    const superseded = supersededFilings(filings.filter((f) => !duplicates.has(f)), rank);
    const positions = new Map<string, Position>();
    const sequence: Entry[] = [];
    for (const f of filings) {
      if (superseded.has(f) || duplicates.has(f)) continue;
      let lastDate = f.period ?? '';
      for (const row of f.rows) {
        if (row.date) lastDate = row.date;
        if (!row.security || !row.directOrIndirect) {
          if (!reportedUnplaced.has(row)) {
            reportedUnplaced.add(row);
            unplaced.push({ filing: f, row, reason: !row.security ? 'no security title was read' : 'no ownership form (D or I) was read' });
          }
          continue;
        }
        const key = `${securityKey(row.security)}\u0000${row.directOrIndirect}\u0000${row.directOrIndirect === 'I' ? natureKey(row.nature) : ''}`;
        let pos = positions.get(key);
        if (!pos) positions.set(key, (pos = { security: row.security.trim(), directOrIndirect: row.directOrIndirect, nature: row.directOrIndirect === 'I' ? row.nature : null, entries: [], open: false }));
        const entry: Entry = { filing: f, row, computed: null, prev: null, isBreak: false };
        (entry as SortableEntry).sortDate = lastDate;
        pos.entries.push(entry);
      }
    }
    const breaks: Entry[] = [];
    const fileOrder = rank.fileOrder;
    const period = (e: Entry) => e.filing.period ?? '9999';
    const entryOrder = (a: Entry, b: Entry) =>
      cmp(period(a), period(b)) || cmp((a as SortableEntry).sortDate, (b as SortableEntry).sortDate) || fileOrder.get(a.filing)! - fileOrder.get(b.filing)! || a.row.index - b.row.index;
    for (const pos of positions.values()) {
      pos.entries.sort(entryOrder);
      let prev: Entry | null = null;
      let balance: number | null = null;
      for (const e of pos.entries) {
        const r = e.row;
        e.prev = prev;
        if (prev !== null && balance !== null) {
          if (r.kind === 'holding') e.computed = balance;
          else if (r.shares !== null && r.acquiredDisposed) e.computed = round(balance + (r.acquiredDisposed === 'A' ? r.shares : -r.shares));
        }
        e.isBreak = e.computed !== null && r.reported !== null && Math.abs(e.computed - r.reported) >= TOLERANCE;
        if (e.isBreak) breaks.push(e);
        // The next entry follows from what this one reports (or, when that was not read, from
        // what it should show).
        balance = r.reported ?? e.computed;
        prev = e;
      }
      pos.open = balance === null || Math.abs(balance) >= TOLERANCE;
      sequence.push(...pos.entries);
    }
    sequence.sort(entryOrder);
    breaks.sort(entryOrder);
    let reports = 0;
    let transactions = 0;
    for (const f of filings) {
      if (f.late && !duplicates.has(f)) {
        reports++;
        transactions += f.lateTransactions;
      }
    }
    const groupFilings: GroupFiling[] = filings.map((filing) => ({ filing, superseded: superseded.has(filing), duplicate: duplicates.has(filing) }));
    out.push({
      owner: g.owner,
      issuer: g.issuer,
      ownerKey: g.ownerKey,
      issuerKey: g.issuerKey,
      filings: groupFilings,
      positions: [...positions.values()],
      breaks,
      shortSwing: shortSwing(sequence),
      late: { reports, transactions },
    });
  }
  out.sort((a, b) => cmp(a.ownerKey, b.ownerKey) || cmp(a.issuerKey, b.issuerKey));
  unplaced.sort((a, b) => rank.fileOrder.get(a.filing)! - rank.fileOrder.get(b.filing)! || (a.row?.index ?? -1) - (b.row?.index ?? -1));
  return { groups: out, unplaced };
}

interface SortableEntry extends Entry {
  sortDate: string;
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/** Copies of a filing after its first: same form, period, signature date and Table I transactions. */
function duplicateFilings(filings: readonly LedgerFiling[]): Set<LedgerFiling> {
  const seen = new Set<string>();
  const out = new Set<LedgerFiling>();
  for (const f of filings) {
    const rows = f.rows.map((r) => `${r.kind}:${r.date}:${r.code}:${r.shares}:${r.acquiredDisposed}`).join(';');
    const key = `${f.formType}|${f.period}|${f.signatureDate}|${rows}`;
    if (seen.has(key)) out.add(f);
    else seen.add(key);
  }
  return out;
}

/**
 * Filings an amendment replaces: of one form and one period, the last amendment (by signature
 * date, then file order) stands; the original and earlier amendments are replaced.
 */
function supersededFilings(filings: readonly LedgerFiling[], rank: Rank): Set<LedgerFiling> {
  const buckets = new Map<string, LedgerFiling[]>();
  for (const f of filings) {
    if (!f.period || !baseForm(f)) continue;
    const k = `${baseForm(f)}|${f.period}`;
    const b = buckets.get(k);
    if (b) b.push(f);
    else buckets.set(k, [f]);
  }
  const out = new Set<LedgerFiling>();
  for (const b of buckets.values()) {
    const amendments = b.filter(isAmendment);
    if (!amendments.length) continue;
    amendments.sort((x, y) => cmp(x.signatureDate ?? '', y.signatureDate ?? '') || rank.fileOrder.get(x)! - rank.fileOrder.get(y)!);
    const standing = amendments[amendments.length - 1]!;
    for (const f of b) if (f !== standing) out.add(f);
  }
  return out;
}
