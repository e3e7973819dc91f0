/**
 * The Ledger view's display model, from the server's `form345/ledger` result. Pure: no `vscode`.
 *
 * Per group: each position as a chart (points in 0..1 coordinates, reported and computed lines,
 * breaks marked; the webview scales them) and as a table (the chart's accessible alternative),
 * the short-swing pairs with their profit and total, and the Item 405 counts.
 */
import type { LedgerEntryJson, LedgerGroupJson, LedgerResult } from '../../../server/src/protocol';

/** Balances this close are equal (fractional shares are printed to 4 places at most). */
const TOLERANCE = 0.0005;

export interface ChartPoint {
  /** 0..1 along the time axis. */
  x: number;
  /** 0..1 up the balance axis; null when the entry has no reported balance. */
  y: number | null;
  /** Where the computed balance lies (null when not computable). */
  cy: number | null;
  isBreak: boolean;
  isTransaction: boolean;
  /** What a screen reader and the tooltip say. */
  label: string;
  uri: string;
  /** 1-based line. */
  line: number;
}

export interface TableRow {
  date: string;
  code: string;
  change: string;
  price: string;
  reported: string;
  computed: string;
  status: 'opens' | 'follows' | 'break' | 'unknown';
  file: string;
  uri: string;
  line: number;
}

export interface PositionView {
  title: string;
  summary: string;
  open: boolean;
  points: ChartPoint[];
  yMin: number;
  yMax: number;
  firstDate: string;
  lastDate: string;
  rows: TableRow[];
}

export interface PairView {
  purchase: string;
  sale: string;
  shares: string;
  profit: string;
  purchaseAt: { uri: string; line: number };
  saleAt: { uri: string; line: number };
}

export interface GroupView {
  title: string;
  filings: string;
  positions: PositionView[];
  breaks: number;
  pairs: PairView[];
  profit: string;
  unmatchable: string[];
  scope: string;
  late: string;
}

export interface LedgerView {
  groups: GroupView[];
  unplaced: string[];
  summary: string;
}

export function num(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : n.toLocaleString('en-US', { maximumFractionDigits: 4 });
}

export function money(n: number): string {
  return `$${n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** The file name of a uri or path, decoded. */
export function baseName(file: string): string {
  const tail = file.slice(file.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(tail);
  } catch {
    return tail;
  }
}

function dayOf(iso: string | null): number | null {
  if (!iso || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null;
  const t = Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10));
  return Number.isFinite(t) ? t / 86400000 : null;
}

function isBreak(e: LedgerEntryJson): boolean {
  return e.computed !== null && e.reported !== null && Math.abs(e.computed - e.reported) >= TOLERANCE;
}

function positionView(p: LedgerGroupJson['positions'][number]): PositionView {
  // Entries without a date (holdings) stand where the entry before them stands in time; leading
  // ones (a Form 3's holdings) where the first dated entry stands.
  const known = p.entries.map((e) => dayOf(e.date));
  const firstKnown = known.find((d) => d !== null) ?? 0;
  const days: number[] = [];
  let last = firstKnown;
  for (const d of known) {
    if (d !== null) last = d;
    days.push(last);
  }
  const lo = Math.min(...days);
  const hi = Math.max(...days);
  const values = p.entries.flatMap((e) => [e.reported, e.computed]).filter((v): v is number => v !== null);
  const yMin = Math.min(0, ...values);
  const yMax = Math.max(1, ...values);
  const xs = (d: number, i: number) => (hi > lo ? (d - lo) / (hi - lo) : p.entries.length > 1 ? i / (p.entries.length - 1) : 0.5);
  const ys = (v: number | null) => (v === null ? null : (v - yMin) / (yMax - yMin || 1));
  const points: ChartPoint[] = p.entries.map((e, i) => {
    const brk = isBreak(e);
    const what = e.code ? `${e.code} ${e.acquiredDisposed === 'D' ? '−' : '+'}${num(e.shares)}${e.price !== null ? ` at ${money(e.price)}` : ''}` : 'holding';
    return {
      x: xs(days[i]!, i),
      y: ys(e.reported),
      cy: ys(e.computed),
      isBreak: brk,
      isTransaction: e.code !== null,
      label: `${e.date ?? 'no date'}: ${what}; reported ${num(e.reported)}${e.computed !== null ? `, follows as ${num(e.computed)}` : ''}${brk ? ' (break)' : ''} — ${baseName(e.file)}:${e.line}`,
      uri: e.file,
      line: e.line,
    };
  });
  const rows: TableRow[] = p.entries.map((e, i) => ({
    date: e.date ?? '',
    code: e.code ?? 'holding',
    change: e.shares === null ? '' : `${e.acquiredDisposed === 'D' ? '−' : e.acquiredDisposed === 'A' ? '+' : ''}${num(e.shares)}`,
    price: e.price === null ? '' : money(e.price),
    reported: num(e.reported),
    computed: num(e.computed),
    status: i === 0 && e.computed === null ? 'opens' : isBreak(e) ? 'break' : e.computed === null ? 'unknown' : 'follows',
    file: `${baseName(e.file)}:${e.line}`,
    uri: e.file,
    line: e.line,
  }));
  const breaks = rows.filter((r) => r.status === 'break').length;
  const lastEntry = p.entries[p.entries.length - 1];
  const title = `${p.security} (${p.directOrIndirect}${p.nature ? `, ${p.nature}` : ''})`;
  return {
    title,
    summary: `${title}: ${p.entries.length} entr${p.entries.length === 1 ? 'y' : 'ies'}, last balance ${num(lastEntry?.reported ?? lastEntry?.computed)}${p.open ? ' (open)' : ''}, ${breaks} break${breaks === 1 ? '' : 's'}`,
    open: p.open,
    points,
    yMin,
    yMax,
    firstDate: p.entries.find((e) => e.date)?.date ?? '',
    lastDate: [...p.entries].reverse().find((e) => e.date)?.date ?? '',
    rows,
  };
}

export function ledgerView(result: LedgerResult): LedgerView {
  const groups = result.groups.map((g): GroupView => {
    const s = g.shortSwing;
    const replaced = g.filings.filter((f) => f.superseded).length;
    const dup = g.filings.filter((f) => f.duplicate).length;
    return {
      title: `${g.owner} in ${g.issuer}`,
      filings: `${g.filings.length} filing${g.filings.length === 1 ? '' : 's'}${replaced ? `, ${replaced} replaced by amendments` : ''}${dup ? `, ${dup} duplicate${dup === 1 ? '' : 's'}` : ''}`,
      positions: g.positions.map(positionView),
      breaks: g.breaks.length,
      pairs: s.pairs.map((p) => ({
        purchase: `${p.purchase.date} at ${money(p.purchase.price)}`,
        sale: `${p.sale.date} at ${money(p.sale.price)}`,
        shares: num(p.shares),
        profit: money(p.profit),
        purchaseAt: { uri: p.purchase.file, line: p.purchase.line },
        saleAt: { uri: p.sale.file, line: p.sale.line },
      })),
      profit: money(s.profit),
      unmatchable: s.unmatchable.map((u) => `${baseName(u.file)}:${u.line} ${u.code ?? ''} (${u.reason})`),
      scope: s.scope,
      late: `${g.late.reports} late Form 4${g.late.reports === 1 ? '' : 's'}, ${g.late.transactions} transaction${g.late.transactions === 1 ? '' : 's'} reported late`,
    };
  });
  const breaks = groups.reduce((n, g) => n + g.breaks, 0);
  // What needs a look first: groups with breaks, then with short-swing pairs, then the longest histories.
  const entries = (g: GroupView) => g.positions.reduce((n, p) => n + p.rows.length, 0);
  const order = groups.map((g, i) => ({ g, i })).sort((a, b) => b.g.breaks - a.g.breaks || b.g.pairs.length - a.g.pairs.length || entries(b.g) - entries(a.g) || a.i - b.i);
  return {
    groups: order.map((x) => x.g),
    unplaced: result.unplaced.map((u) => `${baseName(u.file)}:${u.line} ${u.reason}`),
    summary: groups.length ? `${groups.length} owner/issuer group${groups.length === 1 ? '' : 's'}, ${breaks} break${breaks === 1 ? '' : 's'}` : 'No filings in the workspace ledger.',
  };
}
