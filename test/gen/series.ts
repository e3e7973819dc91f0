/**
 * Series of filings of one reporting owner in one issuer, as a compliance reviewer's folder holds
 * them: a Form 3, then Form 4s and a Form 5 per fiscal year over a year or more, in any layout,
 * with balances that follow from filing to filing, random P/S/A/M/F/G trades, amendments that
 * restate a wrong original, joint filings, late Form 4s, and breaks injected where the truth says.
 *
 * Independent of the parser: the truth (breaks, late counts, short-swing inputs) comes from the
 * records made here; the tests read the rendered texts back and compare.
 */

import type { FilingRecord, FormType, NonDerivativeRow, ReportingOwnerRecord } from '../../server/src/analysis/types';
import { addDays } from './format';
import { LAYOUTS, render, type Layout } from './render';
import { Rng, type Seed } from './random';
import { plainRecord } from './index';
import { randomFiling } from './truth';

export interface SeriesFile {
  name: string;
  text: string;
  record: FilingRecord;
  layout: Layout;
  /** An amendment in the folder replaces this filing. */
  superseded: boolean;
}

export interface InjectedBreak {
  file: string;
  /** Index of the row in the filing's Table I. */
  row: number;
  security: string;
  expected: number;
  reported: number;
}

export interface Series {
  files: SeriesFile[];
  breaks: InjectedBreak[];
  /** Late Form 4s of the series and the transactions they report late (Item 405). */
  late: { reports: number; transactions: number };
  /** Owner names as filed (the first is the series' owner; a second, when joint, is a co-filer on every filing). */
  owners: string[];
  issuer: { name: string; tradingSymbol: string };
}

export interface SeriesOptions {
  /** File name prefix (default "s"). */
  prefix?: string;
  /** Months covered (default 12–20). */
  months?: number;
  /** Breaks to inject (default 0–3). */
  breaks?: number;
  layouts?: readonly Layout[];
  /** A co-filer on every filing (joint filings). */
  joint?: boolean;
  /** Share the issuer of another series. */
  issuer?: { name: string; tradingSymbol: string };
  /** First year (default 2015–2021). */
  year?: number;
}

interface Pos {
  title: string;
  di: 'D' | 'I';
  nature: string | null;
  balance: number;
  /** Shown on some filing already (so a later row is not the position's opening entry). */
  opened: boolean;
}

const NATURES = ['By Trust', 'By Spouse', 'By LLC', 'By 401(k) Plan'];
const SECOND_TITLES = ['Class B Common Stock', 'Series A Preferred Stock'];

/** "Sullivan Nora M." as filers also write it: "Nora M. Sullivan", "SULLIVAN NORA M.". */
function nameVariant(name: string, rng: Rng): string {
  const words = name.split(' ');
  const v = rng.weighted([[0, 5], [1, 2], [2, 1]] as const);
  if (v === 1 && words.length > 1) return [...words.slice(1), words[0]!].join(' ');
  if (v === 2) return name.toUpperCase();
  return name;
}

function owner(template: ReportingOwnerRecord, name: string): ReportingOwnerRecord {
  return { ...template, name };
}

/** Calendar-day gap after which every transaction of a Form 4 is late (its due date is at most 5 days out). */
const SURELY_LATE = 8;

export function generateSeries(seed: Seed, opts: SeriesOptions = {}): Series {
  const rng = new Rng(`series:${seed}`);
  const prefix = opts.prefix ?? 's';
  const layouts = opts.layouts ?? LAYOUTS;
  const year = opts.year ?? rng.int(2015, 2021);
  const base = randomFiling(rng.fork('base'), { formType: '4', owners: 1, year });
  const issuer = opts.issuer ?? { name: base.issuer.name!, tradingSymbol: base.issuer.tradingSymbol! };
  const main = base.reportingOwners[0]!;
  const co = opts.joint ? randomFiling(rng.fork('co'), { formType: '4', owners: 1, year }).reportingOwners[0]! : null;
  const ownerNames = [main.name!, ...(co && co.name !== main.name ? [co.name!] : [])];
  const basePrice = Number((rng.int(500, 8000) / 100).toFixed(2));
  const exercisePrice = Number((basePrice * 0.4).toFixed(2));
  const months = opts.months ?? rng.int(12, 20);

  const positions: Pos[] = [{ title: rng.pick(['Common Stock', 'Common Stock', 'Class A Common Stock', 'Ordinary Shares']), di: 'D', nature: null, balance: rng.int(2, 200) * 500, opened: false }];
  if (rng.chance(0.6)) positions.push({ title: positions[0]!.title, di: 'I', nature: rng.pick(NATURES), balance: rng.int(1, 60) * 250, opened: false });

  const files: SeriesFile[] = [];
  const late = { reports: 0, transactions: 0 };
  // Rows whose balance may carry an injected break: transactions not opening their position.
  const candidates: { file: number; row: number }[] = [];
  // Rows that open their position (nothing before them to follow from).
  const openingRows = new Set<NonDerivativeRow>();

  const emit = (formType: FormType, period: string, rows: NonDerivativeRow[], signDate: string, extra: Partial<FilingRecord> = {}): number => {
    const owners = [owner(main, nameVariant(main.name!, rng)), ...(co ? [owner(co, nameVariant(co.name!, rng))] : [])];
    const record: FilingRecord = {
      formType,
      issuer: { name: issuer.name, tradingSymbol: issuer.tradingSymbol },
      reportingOwners: owners,
      periodOfReport: period,
      dateOfOriginalSubmission: null,
      notSubjectToSection16: formType.startsWith('3') ? null : false,
      jointFiling: owners.length > 1,
      nonDerivative: rows,
      derivative: [],
      footnotes: [],
      signatures: owners.map((o) => ({ name: o.name, date: signDate })),
      remarks: null,
      ...extra,
    };
    const layout = rng.pick(layouts);
    const n = files.length;
    const name = `${prefix}-${String(n).padStart(3, '0')}-form${formType.replace('/A', 'a')}.txt`;
    files.push({ name, text: '', record, layout, superseded: false });
    return n;
  };

  const holdingRow = (p: Pos): NonDerivativeRow => ({
    kind: 'holding', securityTitle: p.title, transactionDate: null, deemedExecutionDate: null, transactionCode: null,
    equitySwapInvolved: null, reportedEarly: null, shares: null, acquiredDisposed: null, pricePerShare: null,
    sharesOwnedFollowing: p.balance, directOrIndirect: p.di, natureOfOwnership: p.nature, footnoteIds: [],
  });

  // Form 3: the opening holdings.
  let day = `${year}-${String(rng.int(1, 6)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
  emit('3', day, positions.map((p) => ((p.opened = true), holdingRow(p))), addDays(day, rng.int(0, 8)));
  const end = addDays(day, Math.round(months * 30.4));
  let fiscalYear = +day.slice(0, 4);

  const trade = (p: Pos, date: string): NonDerivativeRow | null => {
    const code = p.di === 'I'
      ? rng.weighted([['P', 2], ['S', 2], ['G', 1]] as const)
      : rng.weighted([['P', 5], ['S', 5], ['A', 2], ['M', 2], ['F', 2], ['G', 1]] as const);
    const ad = code === 'P' || code === 'A' || code === 'M' ? 'A' : 'D';
    let shares = rng.int(1, 40) * 50;
    if (ad === 'D') shares = Math.min(shares, p.balance);
    if (shares <= 0) return null;
    const market = Number((basePrice * (0.8 + rng.next() * 0.4)).toFixed(2));
    const price = code === 'P' || code === 'S' || code === 'F' ? market : code === 'M' ? exercisePrice : code === 'A' ? 0 : null;
    p.balance += ad === 'A' ? shares : -shares;
    const opening = !p.opened;
    p.opened = true;
    const row: NonDerivativeRow = {
      kind: 'transaction', securityTitle: p.title, transactionDate: date, deemedExecutionDate: null, transactionCode: code,
      equitySwapInvolved: false, reportedEarly: false, shares, acquiredDisposed: ad, pricePerShare: price,
      sharesOwnedFollowing: p.balance, directOrIndirect: p.di, natureOfOwnership: p.nature, footnoteIds: [],
    };
    if (opening) openingRows.add(row);
    return row;
  };

  while (true) {
    day = addDays(day, rng.int(4, 45));
    // A Form 5 closes each fiscal year (Dec 31) the series passes: gifts not yet reported.
    if (+day.slice(0, 4) > fiscalYear) {
      const fye = `${fiscalYear}-12-31`;
      const rows: NonDerivativeRow[] = [];
      for (let i = rng.int(0, 2); i > 0; i--) {
        const p = rng.pick(positions);
        if (p.balance < 100) continue;
        const shares = rng.int(1, Math.min(20, Math.floor(p.balance / 50))) * 50;
        p.balance -= shares;
        rows.push({
          kind: 'transaction', securityTitle: p.title, transactionDate: addDays(fye, -rng.int(0, 40)), deemedExecutionDate: null, transactionCode: 'G',
          equitySwapInvolved: false, reportedEarly: null, shares, acquiredDisposed: 'D', pricePerShare: 0,
          sharesOwnedFollowing: p.balance, directOrIndirect: p.di, natureOfOwnership: p.nature, footnoteIds: [],
        });
      }
      rows.sort((a, b) => (a.transactionDate! < b.transactionDate! ? -1 : a.transactionDate! > b.transactionDate! ? 1 : 0));
      // Re-chain balances in date order (each row's "following" follows the row before).
      rechain(rows, positions);
      if (rows.length) {
        const n = emit('5', fye, rows, addDays(fye, rng.int(20, 44)));
        rows.forEach((_, i) => candidates.push({ file: n, row: i }));
      }
      fiscalYear++;
    }
    if (day > end) break;
    // The Form 5 (period Dec 31) follows every Form 4 of its year in ledger order only when no
    // Form 4 shares its period: none in the last days of the year.
    if (day.slice(5) >= '12-29') continue;

    // A Form 4: one to four trades over up to three days.
    if (rng.chance(0.1) && positions.length < 4) {
      const title = rng.pick(SECOND_TITLES);
      if (!positions.some((p) => p.title === title)) positions.push({ title, di: 'D', nature: null, balance: 0, opened: false });
    }
    const rows: NonDerivativeRow[] = [];
    const nTrades = rng.weighted([[1, 4], [2, 3], [3, 2], [4, 1]] as const);
    let last = day;
    for (let i = 0; i < nTrades; i++) {
      const date = addDays(day, Math.min(2, Math.floor((i * 3) / nTrades)));
      last = date;
      const p = rng.weighted(positions.map((q) => [q, q.di === 'D' ? 4 : 1] as const));
      const row = trade(p, date);
      if (row) rows.push(row);
    }
    if (!rows.length) continue;
    // Sometimes the indirect line is shown unchanged as a holding.
    const indirect = positions.find((p) => p.di === 'I' && p.opened);
    if (indirect && rng.chance(0.25) && !rows.some((r) => r.directOrIndirect === 'I')) rows.push(holdingRow(indirect));
    const isLate = rng.chance(0.2);
    const sign = isLate ? addDays(last, SURELY_LATE + rng.int(0, 30)) : last;
    if (isLate) {
      late.reports++;
      late.transactions += rows.filter((r) => r.kind === 'transaction').length;
    }
    const amend = files.length > 1 && rng.chance(0.15);
    if (amend) {
      // An original with a wrong balance or price, then the amendment that restates it.
      const wrong = JSON.parse(JSON.stringify(rows)) as NonDerivativeRow[];
      const t = wrong.find((r) => r.kind === 'transaction')!;
      if (rng.chance(0.5)) t.sharesOwnedFollowing = t.sharesOwnedFollowing! + rng.int(1, 9) * 100;
      else t.pricePerShare = t.pricePerShare === null ? null : Number((t.pricePerShare + 1.5).toFixed(2));
      const orig = emit('4', day, wrong, sign);
      files[orig]!.superseded = true;
      const n = emit('4/A', day, rows, addDays(sign, rng.int(3, 60)), { dateOfOriginalSubmission: sign });
      pushCandidates(rows, n);
    } else {
      pushCandidates(rows, emit('4', day, rows, sign));
    }
  }

  function pushCandidates(rows: NonDerivativeRow[], n: number): void {
    rows.forEach((r, i) => {
      if (r.kind === 'transaction' && !openingRows.has(r)) candidates.push({ file: n, row: i });
    });
  }

  // Inject breaks: the reported balance is off; later rows follow what was reported, so only the
  // injected rows break.
  // Deltas are positive so no balance goes below zero; figures are read once all are injected.
  const want = opts.breaks ?? rng.int(0, 3);
  const injected = rng.sample(candidates, want).map((c) => ({ ...c, delta: rng.int(1, 40) * 25 }));
  for (const c of injected) shiftFrom(files, c.file, c.row, files[c.file]!.record.nonDerivative[c.row]!, c.delta);
  const breaks: InjectedBreak[] = injected.map((c) => {
    const row = files[c.file]!.record.nonDerivative[c.row]!;
    return { file: files[c.file]!.name, row: c.row, security: row.securityTitle!, expected: row.sharesOwnedFollowing! - c.delta, reported: row.sharesOwnedFollowing! };
  });

  for (const f of files) {
    f.record = plainRecord(f.record);
    f.text = render(f.record, f.layout, rng.fork(`render:${f.name}`));
  }
  return { files, breaks, late, owners: ownerNames, issuer };
}

/** Walks rows in order and sets each one's balance from its position's running balance. */
function rechain(rows: NonDerivativeRow[], positions: Pos[]): void {
  const key = (t: string | null, di: string | null, n: string | null) => `${t}|${di}|${n}`;
  const after = new Map(positions.map((p) => [key(p.title, p.di, p.nature), p.balance]));
  // The rows were applied already: walk backwards from the final balances.
  for (let i = rows.length - 1; i >= 0; i--) {
    const r = rows[i]!;
    const k = key(r.securityTitle, r.directOrIndirect, r.natureOfOwnership);
    const bal = after.get(k)!;
    r.sharesOwnedFollowing = bal;
    after.set(k, bal + (r.acquiredDisposed === 'A' ? -r.shares! : r.shares!));
  }
}

/**
 * Adds `delta` to the balance of one row and of every later row of the same position (in this
 * filing and all later ones, amendments' originals included), so the series stays consistent
 * with what the injected row reports.
 */
function shiftFrom(files: SeriesFile[], file: number, rowIndex: number, row: NonDerivativeRow, delta: number): void {
  const same = (r: NonDerivativeRow) => r.securityTitle === row.securityTitle && r.directOrIndirect === row.directOrIndirect && r.natureOfOwnership === row.natureOfOwnership;
  for (let f = file; f < files.length; f++) {
    const rows = files[f]!.record.nonDerivative;
    for (let i = f === file ? rowIndex : 0; i < rows.length; i++) {
      const r = rows[i]!;
      if (same(r) && r.sharesOwnedFollowing !== null) r.sharesOwnedFollowing += delta;
    }
  }
}
