/**
 * Section 16(b) short-swing profit, "lowest in, highest out" (Smolowe v. Delendo): among all
 * purchase/sale pairs within the six-month window with the sale price above the purchase price
 * and shares left on both sides, take the pair with the largest price difference (ties: the
 * earlier purchase, then the earlier sale), match the smaller of the remaining share counts, and
 * repeat. Losses are not netted. Only open-market purchases (P) and sales (S) of Table I are
 * matched in this version; rows without a date, an amount or a price are listed, never guessed.
 *
 * Price differences do not change as shares are used up, so taking the pairs once in order of
 * (difference desc, purchase, sale) and skipping those with a side used up is the same greedy.
 */
import type { Entry, ShortSwing, SwingPair, SwingSide, Unmatchable } from './types';
import { windowEnd } from './window';

/** `entries` in ledger order (the order decides "earlier" between trades of one date). */
export function shortSwing(entries: readonly Entry[]): ShortSwing {
  const purchases: (SwingSide & { seq: number })[] = [];
  const sales: (SwingSide & { seq: number })[] = [];
  const unmatchable: Unmatchable[] = [];
  const otherCodes: Record<string, number> = {};
  entries.forEach((entry, seq) => {
    const r = entry.row;
    if (r.kind !== 'transaction') return;
    const code = (r.code ?? '').toUpperCase();
    if (code !== 'P' && code !== 'S') {
      const key = code || '(none)';
      otherCodes[key] = (otherCodes[key] ?? 0) + 1;
      return;
    }
    const missing = [r.date === null || windowEnd(r.date) === null ? 'date' : '', r.shares === null || !(r.shares > 0) ? 'amount' : '', r.price === null ? 'price' : ''].filter(Boolean);
    if (missing.length) {
      unmatchable.push({ entry, reason: `no ${missing.join(', no ')}` });
      return;
    }
    const side = { entry, date: r.date!, shares: r.shares!, price: r.price!, seq };
    (code === 'P' ? purchases : sales).push(side);
  });

  // Sales by date, with each one's window end: a purchase matches a sale before it when the
  // purchase falls on or before the sale's window end, a sale after it up to its own window end.
  const byDate = (a: { date: string; seq: number }, b: { date: string; seq: number }) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.seq - b.seq);
  const salesSorted = [...sales].sort(byDate);
  const saleEnds = salesSorted.map((s) => windowEnd(s.date)!);
  const candidates: { p: number; s: number; diff: number }[] = [];
  const pOrder = [...purchases].sort(byDate);
  const sIndex = new Map(salesSorted.map((s, i) => [s, i]));
  for (let pi = 0; pi < pOrder.length; pi++) {
    const p = pOrder[pi]!;
    const pEnd = windowEnd(p.date)!;
    // Window ends grow with the date: the first sale whose window reaches the purchase...
    let lo = 0;
    let hi = salesSorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (saleEnds[mid]! >= p.date) hi = mid;
      else lo = mid + 1;
    }
    // ...up to the last sale inside the purchase's own window.
    for (let si = lo; si < salesSorted.length && salesSorted[si]!.date <= pEnd; si++) {
      const s = salesSorted[si]!;
      if (s.price > p.price) candidates.push({ p: pi, s: sIndex.get(s)!, diff: s.price - p.price });
    }
  }
  candidates.sort((a, b) => b.diff - a.diff || byDate(pOrder[a.p]!, pOrder[b.p]!) || byDate(salesSorted[a.s]!, salesSorted[b.s]!));
  const pLeft = pOrder.map((p) => p.shares);
  const sLeft = salesSorted.map((s) => s.shares);
  const pairs: SwingPair[] = [];
  let profitCents = 0;
  for (const c of candidates) {
    const shares = Math.min(pLeft[c.p]!, sLeft[c.s]!);
    if (!(shares > 0)) continue;
    pLeft[c.p]! -= shares;
    sLeft[c.s]! -= shares;
    const cents = Math.round(shares * c.diff * 100);
    profitCents += cents;
    const { seq: _p, ...purchase } = pOrder[c.p]!;
    const { seq: _s, ...sale } = salesSorted[c.s]!;
    pairs.push({ purchase, sale, shares, profitCents: cents });
  }
  return { pairs, profitCents, unmatchable, otherCodes };
}
