/**
 * Random but plausible normalized records (the "truth" a renderer prints and a parser must recover).
 *
 * Built from the structure of Forms 3/4/5 (docs/section16.md §2, §4): which columns each form and row
 * kind fills, which direction each transaction code normally has, running balances per security title
 * and ownership line, $0 prices for grants and gifts, footnote-only exercise dates, amendments.
 *
 * Besides the record, the generator decides in which cell each footnote reference stands; that is kept
 * in a side table ({@link cellNotes}) so the record itself stays exactly schema-shaped.
 */

import type {
  AcquiredDisposed,
  DerivativeRow,
  DirectIndirect,
  FilingRecord,
  FootnoteRecord,
  FormType,
  NonDerivativeRow,
  ReportingOwnerRecord,
  SignatureRecord,
} from '../../server/src/analysis/types';
import { Rng } from './random';
import { addDays, isoDate, longDate, mdy, round4 } from './format';

export type Row = NonDerivativeRow | DerivativeRow;
/** Footnote ids per printed cell of a row: field name → ids. */
export type CellNotes = Record<string, string[]>;

const NOTES = new WeakMap<object, CellNotes>();

/** Which footnote ids stand in which cell of this row (undefined for rows not made here). */
export function cellNotes(row: object): CellNotes | undefined {
  return NOTES.get(row);
}

/** Deep copy that keeps the cell-note side table. */
export function cloneFiling(rec: FilingRecord): FilingRecord {
  const copy = JSON.parse(JSON.stringify(rec)) as FilingRecord;
  rec.nonDerivative.forEach((r, i) => {
    const n = NOTES.get(r);
    if (n) NOTES.set(copy.nonDerivative[i]!, JSON.parse(JSON.stringify(n)) as CellNotes);
  });
  rec.derivative.forEach((r, i) => {
    const n = NOTES.get(r);
    if (n) NOTES.set(copy.derivative[i]!, JSON.parse(JSON.stringify(n)) as CellNotes);
  });
  return copy;
}

export interface TruthOptions {
  formType?: FormType;
  /** Number of reporting owners (1–3 by default). */
  owners?: number;
  /** Year of the period of report (default 2004–2025). */
  year?: number;
  /** Never produce a filing without table rows. */
  requireRows?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Vocabulary (invented; no real filer's data)
// ---------------------------------------------------------------------------------------------

const ISSUER_STEMS = [
  'ACME', 'Blue Harbor', "O'Neil & Co", 'Northfield', 'Quantum Leap', 'Tecton', 'Halvorsen', 'Pinecrest',
  'Meridian Bio', 'Carver-Lowe', 'Silverline', 'Argent Mills', "Dunmore's", 'Kestrel', 'Orbis Dynamics',
  'Ferro & Sons', 'Vantage Point', 'Lumen Therapeutics', 'Redwood Valley', 'Cobalt Ridge', 'Anselm', 'Brightwater',
];
const ISSUER_SUFFIXES = [
  'Inc.', 'INC.', 'HOLDINGS, INC.', 'Holdings, Inc.', 'Corp', 'Corporation', 'CORP /DE/', 'Ltd', 'plc',
  'N.V.', 'Bancorp, Inc.', 'Group, Inc.', 'Co.', 'Technologies Inc', 'Energy Partners, L.P.', 'S.A.',
];
const FIRST = [
  'Nora', 'Robert', 'Maria', 'James', 'Li', 'Aisha', 'Thomas', 'Ingrid', 'Carlos', 'Priya', 'Sean', 'Mei',
  'Olufemi', 'Anne-Marie', 'Dmitri', 'Grace', 'Hector', 'Yuki', 'Patrick', 'Fatima', 'Willem', 'Rosa',
];
const LAST = [
  'Sullivan', 'Okafor', 'Lindqvist', "O'Brien", 'Nakamura', 'Delacroix', 'Hartley', 'Van der Berg', 'Moreau',
  'Castellanos', 'Whitaker', 'McAllister', 'Fontaine', 'Abernathy', 'Kowalski', 'Ramirez', 'Shah', 'Brennan',
];
const ENTITY_OWNERS = [
  'Greenfield Capital Partners, L.P.', 'HALCYON VENTURES FUND III LP', 'Redstone Holdings LLC',
  'The Whitaker Family Trust', 'Ardent Growth Equity Fund II, L.P.', 'NORTHGATE INVESTMENTS LTD',
  'Pelham Street Advisors, LLC', 'Castor & Pollux Capital Management LP',
];
const OFFICER_TITLES = [
  'Chief Executive Officer', 'CEO', 'EVP & CFO', 'SVP, General Counsel', 'Co-CEO', 'COO and President',
  'See Remarks', 'Chief Accounting Officer', 'VP, Finance', 'General Counsel & Secretary', 'President',
  'EVP, Chief Operating Officer', 'Chief Technology Officer', 'CFO & Treasurer',
];
const LONG_TITLES = [
  'Executive Vice President, Chief Legal Officer and Corporate Secretary',
  'Senior Vice President, Global Operations and Supply Chain',
  'President, International Division and Chief Commercial Officer',
];
const OTHER_TEXTS = [
  'Member of 13(d) group', 'Former Director', 'See Remarks', 'Director by deputization', 'Trustee of 10% owner',
  'Former Officer',
];
const STREETS = [
  'MAIN STREET', 'MARKET PLAZA', 'CONCOURSE PARKWAY', 'HARBOR DRIVE', 'COMMERCE ST.', 'Lakeview Blvd.',
  'Industrial Way', 'AVENUE OF THE AMERICAS', 'FIRST AVE', 'Elm Street', 'RIVERSIDE DRIVE',
];
const US_CITIES: [string, string, string][] = [
  ['WALTHAM', 'MA', '02451'], ['SAN MATEO', 'CA', '94402'], ['NEW YORK', 'NY', '10036'],
  ['Austin', 'TX', '78701'], ['WILMINGTON', 'DE', '19801-1120'], ['CHICAGO', 'IL', '60606'],
  ['BOZEMAN', 'MT', '59715'], ['Salt Lake City', 'UT', '84101'], ['MORRISVILLE', 'NC', '27560'],
  ['Greenwich', 'CT', '06830'], ['SEATTLE', 'WA', '98101-3045'], ['Boca Raton', 'FL', '33431'],
];
const FOREIGN_CITIES: [string, string, string][] = [
  ['TORONTO ONTARIO', 'A6', 'M5J 2T3'], ['LONDON', 'X0', 'EC2N 4AY'], ['GRAND CAYMAN', 'E9', 'KY1-1104'],
  ['HAMILTON', 'D0', 'HM 11'], ['TEL AVIV', 'L3', '6789141'], ['ZUG', 'V8', '6300'], ['SINGAPORE', 'U0', '018989'],
];
const STOCK_TITLES = [
  'Common Stock', 'Common Stock', 'Common Stock', 'Class A Common Stock', 'Class B Common Stock',
  'Common Stock, par value $0.01 per share', 'Ordinary Shares', 'American Depositary Shares',
  'Common Units representing limited partner interests', 'Common Shares, no par value',
];
const NATURES = [
  'By Trust', 'By Spouse', 'By LLC', 'See footnote', 'By 401(k) Plan', 'By GRAT',
  'Held by Family Limited Partnership', "By Children's Trust", 'By IRA', 'See Footnote',
];
const OPTION_TITLES = [
  'Stock Option (Right to Buy)', 'Employee Stock Option (right to buy)', 'Non-Qualified Stock Option (Right to Buy)',
  'Incentive Stock Option (right to buy)', 'Stock Options (Right to Buy)',
];
const UNIT_TITLES = ['Restricted Stock Units', 'Performance Stock Units', 'Deferred Stock Units', 'Phantom Stock Units', 'RSUs'];
const WARRANT_TITLES = ['Warrants (right to buy)', 'Common Stock Warrants', 'Warrant to Purchase Common Stock'];
const PREFERRED_TITLES = ['Series A Convertible Preferred Stock', 'Series B Preferred Stock', 'Convertible Notes due 2028'];

// ---------------------------------------------------------------------------------------------

function personName(rng: Rng): { filed: string; signed: string } {
  const first = rng.pick(FIRST);
  const last = rng.pick(LAST);
  const mid = rng.chance(0.6) ? String.fromCharCode(65 + rng.int(0, 25)) : '';
  const style = rng.int(0, 2);
  // EDGAR keeps "Last First Middle"; some filers type it in upper case.
  const filed =
    style === 0 ? `${last} ${first}${mid ? ` ${mid}` : ''}`.toUpperCase()
      : style === 1 ? `${last} ${first}${mid ? ` ${mid}.` : ''}`
        : `${last} ${first}${mid ? ` ${mid}` : ''}`;
  const signed = `${first}${mid ? ` ${mid}.` : ''} ${last}`;
  return { filed, signed };
}

function issuerName(rng: Rng): string {
  const stem = rng.pick(ISSUER_STEMS);
  const suffix = rng.pick(ISSUER_SUFFIXES);
  const name = `${stem} ${suffix}`;
  return rng.chance(0.35) ? name.toUpperCase() : name;
}

function ticker(rng: Rng, name: string): string {
  const letters = name.replace(/[^A-Za-z]/g, '').toUpperCase();
  let t = letters.slice(0, rng.int(2, 4));
  if (rng.chance(0.3)) t += String.fromCharCode(65 + rng.int(0, 25));
  if (rng.chance(0.06)) t += rng.pick(['.A', '.B']);
  return t;
}

function address(rng: Rng, issuer: string): Pick<ReportingOwnerRecord, 'street1' | 'street2' | 'city' | 'state' | 'zip'> {
  const foreign = rng.chance(0.15);
  const [city, state, zip] = rng.pick(foreign ? FOREIGN_CITIES : US_CITIES);
  const number = rng.pick([String(rng.int(1, 9999)), String(rng.int(10, 999)), 'ONE', 'TWO']);
  const street = `${number} ${rng.pick(STREETS)}`;
  let street1 = street;
  let street2: string | null = null;
  const form = rng.int(0, 9);
  if (form <= 2) {
    street1 = `C/O ${issuer.toUpperCase()}`.slice(0, 40).trim();
    street2 = street;
  } else if (form <= 4) {
    street2 = rng.pick(['SUITE 400', 'Suite 1200', 'FLOOR 12', '2ND FLOOR', 'BUILDING C', `SUITE ${rng.int(100, 3900)}`]);
  } else if (form === 5) {
    street1 = `PO BOX ${rng.int(10, 99999)}`;
  }
  return { street1, street2, city, state, zip };
}

interface Ctx {
  rng: Rng;
  notes: Map<string, string>;
  /** Per-row note keys by cell, before ids are assigned. */
  rowKeys: Map<Row, Record<string, string[]>>;
  balances: Map<string, number>;
  /** Rows printed so far per ownership line (title, D/I, nature). */
  lines: Map<string, Row[]>;
  basePrice: number;
}

function addNote(ctx: Ctx, row: Row, cell: string, key: string, text: string): void {
  if (!ctx.notes.has(key)) ctx.notes.set(key, text);
  const m = ctx.rowKeys.get(row) ?? {};
  (m[cell] ??= []).push(key);
  ctx.rowKeys.set(row, m);
}

function price(ctx: Ctx, spread = 0.06): number {
  const { rng } = ctx;
  const p = ctx.basePrice * (1 + (rng.next() * 2 - 1) * spread);
  const decimals = rng.weighted([[2, 6], [4, 2], [3, 1], [1, 1]] as const);
  return Math.max(0.0001, Number(p.toFixed(decimals)));
}

function shareCount(rng: Rng, scale = 1): number {
  const n = Math.round(Math.exp(Math.log(40) + rng.next() * Math.log(5000)) * scale);
  const rounded = rng.chance(0.5) ? Math.max(100, Math.round(n / 100) * 100) : Math.max(1, n);
  if (rng.chance(0.07)) return round4(rounded + rng.int(1, 999) / 1000);
  return rounded;
}

function balance(ctx: Ctx, key: string, atLeast: number): number {
  let b = ctx.balances.get(key);
  if (b === undefined) {
    b = ctx.rng.chance(0.15) ? 0 : shareCount(ctx.rng, 3);
    ctx.balances.set(key, b);
  }
  if (b < atLeast) {
    // The opening balance is never printed, so it can be raised to cover a disposition: every row
    // already printed on this line shifts by the same amount and the running balance still holds.
    const raised = round4(atLeast + (ctx.rng.chance(0.3) ? 0 : shareCount(ctx.rng)));
    const delta = round4(raised - b);
    for (const row of ctx.lines.get(key) ?? []) {
      if (row.sharesOwnedFollowing !== null) row.sharesOwnedFollowing = round4(row.sharesOwnedFollowing + delta);
    }
    b = raised;
    ctx.balances.set(key, b);
  }
  return b;
}

function register(ctx: Ctx, key: string, row: Row): void {
  const rows = ctx.lines.get(key) ?? [];
  rows.push(row);
  ctx.lines.set(key, rows);
}

function newNd(kind: 'transaction' | 'holding', title: string): NonDerivativeRow {
  return {
    kind, securityTitle: title, transactionDate: null, deemedExecutionDate: null, transactionCode: null,
    equitySwapInvolved: null, reportedEarly: null, shares: null, acquiredDisposed: null, pricePerShare: null,
    sharesOwnedFollowing: null, directOrIndirect: null, natureOfOwnership: null, footnoteIds: [],
  };
}

function newD(kind: 'transaction' | 'holding', title: string): DerivativeRow {
  return {
    kind, securityTitle: title, conversionOrExercisePrice: null, transactionDate: null, deemedExecutionDate: null,
    transactionCode: null, equitySwapInvolved: null, reportedEarly: null, shares: null, acquiredDisposed: null, dateExercisable: null,
    expirationDate: null, underlyingSecurityTitle: null, underlyingShares: null, pricePerShare: null,
    sharesOwnedFollowing: null, directOrIndirect: null, natureOfOwnership: null, footnoteIds: [],
  };
}

interface Ownership {
  di: DirectIndirect;
  nature: string | null;
}

function ownership(ctx: Ctx, row: Row, pIndirect = 0.25): Ownership {
  const { rng } = ctx;
  if (!rng.chance(pIndirect)) return { di: 'D', nature: null };
  const nature = rng.pick(NATURES);
  if (/footnote/i.test(nature) || rng.chance(0.4)) {
    const who = natureHolder(nature, rng);
    addNote(ctx, row, 'natureOfOwnership', `own:${who}`,
      `These securities are held by ${who}. The Reporting Person disclaims beneficial ownership of these securities except to the extent of his or her pecuniary interest therein.`);
  }
  return { di: 'I', nature };
}

function natureHolder(nature: string, rng: Rng): string {
  if (/spouse/i.test(nature)) return "the Reporting Person's spouse";
  if (/LLC/.test(nature)) return 'a limited liability company of which the Reporting Person is the managing member';
  if (/GRAT/.test(nature)) return 'a grantor retained annuity trust of which the Reporting Person is trustee';
  if (/401/.test(nature)) return "the Issuer's 401(k) plan for the benefit of the Reporting Person";
  if (/IRA/.test(nature)) return 'an individual retirement account for the benefit of the Reporting Person';
  if (/Partnership/.test(nature)) return 'a family limited partnership of which the Reporting Person is the general partner';
  if (/Children/.test(nature)) return "a trust for the benefit of the Reporting Person's children";
  return rng.pick(['a revocable trust of which the Reporting Person is trustee', "a trust for the benefit of the Reporting Person's children",
    'a family limited partnership of which the Reporting Person is the general partner']);
}

function lineKey(title: string, o: Ownership): string {
  return `${title}|${o.di}|${o.nature ?? ''}`;
}

interface Tx1 {
  title: string;
  date: string;
  code: string;
  ad: AcquiredDisposed;
  shares: number;
  price: number | null;
  own: Ownership;
}

function tableOneTx(ctx: Ctx, form: '4' | '5', t: Tx1): NonDerivativeRow {
  const { rng } = ctx;
  const row = newNd('transaction', t.title);
  row.transactionDate = t.date;
  if (rng.chance(0.08)) row.deemedExecutionDate = addDays(t.date, rng.int(0, 3));
  row.transactionCode = t.code;
  // Code K is a transaction in an equity swap: EDGAR sets equitySwapInvolved with it.
  row.equitySwapInvolved = row.transactionCode === 'K';
  row.reportedEarly = form === '4' ? rng.chance(['G', 'L', 'W', 'J'].includes(t.code) ? 0.3 : 0.03) : null;
  const key = lineKey(t.title, t.own);
  const before = balance(ctx, key, t.ad === 'D' ? t.shares : 0);
  const after = round4(t.ad === 'A' ? before + t.shares : before - t.shares);
  ctx.balances.set(key, after);
  row.shares = t.shares;
  row.acquiredDisposed = t.ad;
  row.pricePerShare = t.price;
  row.sharesOwnedFollowing = after;
  row.directOrIndirect = t.own.di;
  row.natureOfOwnership = t.own.nature;
  register(ctx, key, row);
  return row;
}

function holdingOne(ctx: Ctx, title: string, own: Ownership, row?: NonDerivativeRow): NonDerivativeRow {
  const r = row ?? newNd('holding', title);
  const key = lineKey(title, own);
  const b = balance(ctx, key, 1);
  r.sharesOwnedFollowing = b;
  register(ctx, key, r);
  r.directOrIndirect = own.di;
  r.natureOfOwnership = own.nature;
  return r;
}

interface DerivSpec {
  title: string;
  conv: number | null;
  exercisable: string | null;
  expiration: string | null;
  underlying: string;
}

function derivSpec(ctx: Ctx, kind: 'option' | 'unit' | 'warrant' | 'preferred', date: string, stock: string): DerivSpec {
  const { rng } = ctx;
  const y = +date.slice(0, 4);
  if (kind === 'option') {
    const grant = isoDate(y - rng.int(0, 6), rng.int(1, 12), rng.int(1, 28));
    return {
      title: rng.pick(OPTION_TITLES),
      conv: Number((ctx.basePrice * (0.4 + rng.next())).toFixed(rng.pick([2, 2, 4]))),
      exercisable: rng.chance(0.55) ? addDays(grant, 365) : null,
      expiration: addDays(grant, 3650 - 1),
      underlying: stock,
    };
  }
  if (kind === 'unit') {
    return { title: rng.pick(UNIT_TITLES), conv: null, exercisable: null, expiration: null, underlying: stock };
  }
  if (kind === 'warrant') {
    return {
      title: rng.pick(WARRANT_TITLES),
      conv: Number((ctx.basePrice * (0.5 + rng.next())).toFixed(2)),
      exercisable: isoDate(y - rng.int(0, 2), rng.int(1, 12), rng.int(1, 28)),
      expiration: isoDate(y + rng.int(2, 6), rng.int(1, 12), rng.int(1, 28)),
      underlying: stock,
    };
  }
  return { title: rng.pick(PREFERRED_TITLES), conv: null, exercisable: null, expiration: null, underlying: stock };
}

function explainDerivCells(ctx: Ctx, row: DerivativeRow, spec: DerivSpec, kindWord: string): void {
  const { rng } = ctx;
  if (spec.conv === null) {
    addNote(ctx, row, 'conversionOrExercisePrice', `conv:${spec.title}`,
      kindWord === 'unit'
        ? `Each ${spec.title.replace(/s$/, '').toLowerCase().replace(/^rsu$/, 'restricted stock unit')} represents a contingent right to receive one share of the Issuer's ${spec.underlying}.`
        : `Each share of ${spec.title} is convertible into ${rng.pick(['one share', 'two shares', '1.5 shares'])} of ${spec.underlying} at any time at the holder's election and has no expiration date.`);
  }
  if (spec.exercisable === null) {
    const key = `vest:${spec.title}:${spec.expiration ?? ''}`;
    const text = kindWord === 'option'
      ? `The option vests and becomes exercisable in ${rng.pick(['four', 'three', 'five'])} equal annual installments beginning on ${longDate(addDays(spec.expiration ?? '2030-01-01', -3650 + 365))}, subject to continued service.`
      : kindWord === 'unit'
        ? `The units vest in ${rng.pick(['three', 'four'])} equal annual installments beginning on the first anniversary of the grant date; vested units settle in shares upon vesting.`
        : `The securities are convertible at any time and have no expiration date.`;
    addNote(ctx, row, 'dateExercisable', key, text);
    if (spec.expiration === null) addNote(ctx, row, 'expirationDate', key, text);
  }
}

function derivTx(
  ctx: Ctx, form: '4' | '5', spec: DerivSpec, kindWord: string, date: string, code: string, ad: AcquiredDisposed,
  shares: number, price: number | null, own: Ownership,
): DerivativeRow {
  const { rng } = ctx;
  const row = newD('transaction', spec.title);
  row.conversionOrExercisePrice = spec.conv;
  row.transactionDate = date;
  if (rng.chance(0.05)) row.deemedExecutionDate = addDays(date, rng.int(0, 2));
  row.transactionCode = code;
  // Code K is a transaction in an equity swap: EDGAR sets equitySwapInvolved with it.
  row.equitySwapInvolved = row.transactionCode === 'K';
  row.reportedEarly = form === '4' ? rng.chance(0.03) : null;
  row.shares = shares;
  row.acquiredDisposed = ad;
  row.dateExercisable = spec.exercisable;
  row.expirationDate = spec.expiration;
  row.underlyingSecurityTitle = spec.underlying;
  row.underlyingShares = shares;
  row.pricePerShare = price;
  const key = `${spec.title}|${spec.conv}|${spec.expiration}|${own.di}|${own.nature ?? ''}`;
  const before = balance(ctx, key, ad === 'D' ? shares : 0);
  const after = round4(ad === 'A' ? before + shares : before - shares);
  ctx.balances.set(key, after);
  row.sharesOwnedFollowing = after;
  register(ctx, key, row);
  row.directOrIndirect = own.di;
  row.natureOfOwnership = own.nature;
  explainDerivCells(ctx, row, spec, kindWord);
  return row;
}

function derivHolding(ctx: Ctx, spec: DerivSpec, kindWord: string, form3: boolean, own: Ownership): DerivativeRow {
  const row = newD('holding', spec.title);
  row.conversionOrExercisePrice = spec.conv;
  row.dateExercisable = spec.exercisable;
  row.expirationDate = spec.expiration;
  row.underlyingSecurityTitle = spec.underlying;
  const n = shareCount(ctx.rng);
  row.underlyingShares = n;
  // Form 3 Table II has no "owned following" column: the amount is the underlying amount.
  row.sharesOwnedFollowing = form3 ? null : n;
  row.directOrIndirect = own.di;
  row.natureOfOwnership = own.nature;
  explainDerivCells(ctx, row, spec, kindWord);
  return row;
}

function weightedAverageNote(ctx: Ctx, row: NonDerivativeRow, verb: string): void {
  const p = row.pricePerShare ?? ctx.basePrice;
  const lo = Math.max(0.01, p - ctx.rng.next() * 0.45).toFixed(2);
  const hi = (p + ctx.rng.next() * 0.45).toFixed(2);
  addNote(ctx, row, 'pricePerShare', `wavg:${row.transactionDate}:${p}`,
    `The price reported is a weighted average price. These shares were ${verb} in multiple transactions at prices ranging from $${lo} to $${hi}, inclusive. The Reporting Person undertakes to provide to the Issuer or its staff, upon request, full information regarding the number of shares ${verb} at each separate price.`);
}

// ---------------------------------------------------------------------------------------------

function form4Rows(ctx: Ctx, form: '4' | '5', start: string, end: string, stock: string, nd: NonDerivativeRow[], dv: DerivativeRow[]): void {
  const { rng } = ctx;
  const span = Math.max(0, Math.round((Date.parse(end) - Date.parse(start)) / 86400000));
  const dateAt = (): string => addDays(start, rng.int(0, span));
  const events = form === '4'
    ? rng.int(1, 4)
    : rng.int(1, 3);
  const planKey = rng.chance(0.25) ? `plan:${start}` : null;
  const planDate = addDays(start, -rng.int(95, 400));
  // Events in date order, so running balances read top to bottom as they were computed.
  const eventDates = Array.from({ length: events }, () => dateAt()).sort();
  if (form === '4') eventDates[0] = start;
  for (let e = 0; e < events; e++) {
    const ev = form === '4'
      ? rng.weighted([
        ['buy', 3], ['sell', 4], ['grantStock', 2], ['grantOption', 2], ['exercise', 3], ['rsuVest', 2], ['gift', 1],
        ['conversion', 1], ['misc', 3],
      ] as const)
      : rng.weighted([['gift', 4], ['small', 2], ['will', 1], ['misc5', 3], ['late', 2]] as const);
    const date = eventDates[e]!;
    const own = ownership(ctx, newNd('holding', stock), ev === 'gift' ? 0.4 : 0.15);
    // ownership() may have attached a note to a throwaway row; re-create it on the real row below.
    const ownNote = (row: Row): void => {
      if (own.di === 'I' && (/footnote/i.test(own.nature ?? '') || rng.chance(0.4))) {
        addNote(ctx, row, 'natureOfOwnership', `own:${own.nature}`, `Shares held by ${natureHolder(own.nature!, rng)}. The Reporting Person disclaims beneficial ownership except to the extent of any pecuniary interest therein.`);
      }
    };
    switch (ev) {
      case 'buy':
      case 'sell': {
        const n = rng.int(1, 3);
        for (let i = 0; i < n; i++) {
          const r = tableOneTx(ctx, form, {
            title: stock, date, code: ev === 'buy' ? 'P' : 'S',
            ad: ev === 'buy' ? 'A' : 'D', shares: shareCount(rng, 0.3), price: price(ctx), own,
          });
          if (rng.chance(0.35)) weightedAverageNote(ctx, r, ev === 'buy' ? 'purchased' : 'sold');
          if (planKey && ev === 'sell') addNote(ctx, r, rng.pick(['transactionCode', 'securityTitle']), planKey,
            `The sales reported on this Form 4 were effected pursuant to a Rule 10b5-1 trading plan adopted by the Reporting Person on ${longDate(planDate)}.`);
          ownNote(r);
          nd.push(r);
        }
        break;
      }
      case 'grantStock': {
        const r = tableOneTx(ctx, form, { title: stock, date, code: 'A', ad: 'A', shares: shareCount(rng, 0.2), price: 0, own: { di: 'D', nature: null } });
        if (rng.chance(0.7)) addNote(ctx, r, rng.pick(['shares', 'transactionCode']), `rsa:${date}`,
          `Represents a grant of restricted stock that vests ${rng.pick(['in full on the first anniversary of the grant date', 'in three equal annual installments', 'on ' + longDate(addDays(date, 365))])}.`);
        nd.push(r);
        break;
      }
      case 'grantOption': {
        const kindWord = rng.pick(['option', 'option', 'unit', 'warrant'] as const);
        const spec = derivSpec(ctx, kindWord, date, stock);
        if (kindWord === 'option') { spec.expiration = addDays(date, 3650 - 1); if (spec.exercisable) spec.exercisable = addDays(date, 365); }
        const r = derivTx(ctx, form, spec, kindWord, date, 'A', 'A', shareCount(rng, 0.3), 0, { di: 'D', nature: null });
        dv.push(r);
        break;
      }
      case 'exercise':
      case 'rsuVest': {
        const kindWord = ev === 'rsuVest' ? 'unit' : 'option';
        const spec = derivSpec(ctx, kindWord, date, stock);
        const code = ev === 'rsuVest' ? 'M' : rng.weighted([['M', 6], ['X', 2], ['O', 1]] as const);
        const n = shareCount(rng, 0.2);
        const d = derivTx(ctx, form, spec, kindWord, date, code, 'D', n, 0, { di: 'D', nature: null });
        dv.push(d);
        const t = tableOneTx(ctx, form, {
          title: stock, date, code, ad: 'A', shares: n, price: ev === 'rsuVest' ? 0 : spec.conv, own: { di: 'D', nature: null },
        });
        nd.push(t);
        if (rng.chance(0.6)) {
          const f = ev === 'rsuVest' || rng.chance(0.5);
          const n2 = round4(Math.max(1, Math.round(n * (f ? 0.3 + rng.next() * 0.15 : 0.5 + rng.next() * 0.5))));
          const r2 = tableOneTx(ctx, form, { title: stock, date, code: f ? 'F' : 'S', ad: 'D', shares: n2, price: price(ctx), own: { di: 'D', nature: null } });
          if (f && rng.chance(0.6)) addNote(ctx, r2, 'transactionCode', `tax:${date}`,
            `Represents shares withheld by the Issuer to satisfy tax withholding obligations in connection with the ${ev === 'rsuVest' ? 'vesting and settlement of restricted stock units' : 'exercise of stock options'}.`);
          nd.push(r2);
        }
        break;
      }
      case 'gift': {
        const ad: AcquiredDisposed = rng.chance(0.8) ? 'D' : 'A';
        const r = tableOneTx(ctx, form, { title: stock, date, code: 'G', ad, shares: shareCount(rng, 0.1), price: 0, own });
        if (rng.chance(0.5)) addNote(ctx, r, 'transactionCode', `gift:${date}`,
          ad === 'D' ? 'Represents a bona fide gift by the Reporting Person for no consideration.' : 'Represents shares received by the Reporting Person as a gift for no consideration.');
        ownNote(r);
        nd.push(r);
        break;
      }
      case 'conversion': {
        const spec = derivSpec(ctx, 'preferred', date, stock);
        const n = shareCount(rng, 0.3);
        dv.push(derivTx(ctx, form, spec, 'preferred', date, 'C', 'D', n, 0, { di: 'D', nature: null }));
        nd.push(tableOneTx(ctx, form, { title: stock, date, code: 'C', ad: 'A', shares: n, price: null, own: { di: 'D', nature: null } }));
        const last = nd[nd.length - 1]!;
        addNote(ctx, last, 'pricePerShare', `convpx:${date}`, `The shares were received upon conversion of ${spec.title} for no additional consideration.`);
        break;
      }
      case 'misc': {
        const code = rng.pick(['I', 'D', 'J', 'K', 'L', 'W', 'Z', 'U', 'E', 'H', 'F', 'A', 'P', 'S'] as const);
        if (code === 'E' || code === 'H') {
          const spec = derivSpec(ctx, rng.pick(['option', 'warrant'] as const), date, stock);
          const r = derivTx(ctx, form, spec, 'option', date, code, 'D', shareCount(rng, 0.2), code === 'H' ? price(ctx, 0.3) : 0, { di: 'D', nature: null });
          addNote(ctx, r, 'transactionCode', `exp:${date}:${code}`, code === 'H'
            ? 'Represents the cancellation of the derivative security in exchange for a cash payment equal to its spread value.'
            : 'Represents the expiration of a short derivative position.');
          dv.push(r);
          break;
        }
        const ad: AcquiredDisposed = code === 'D' || code === 'U' || code === 'F' || code === 'S' ? 'D'
          : code === 'L' || code === 'A' || code === 'P' ? 'A' : rng.chance(0.5) ? 'A' : 'D';
        const px = code === 'W' || code === 'A' ? 0 : code === 'J' && rng.chance(0.5) ? null : price(ctx);
        const r = tableOneTx(ctx, form, { title: stock, date, code, ad, shares: shareCount(rng, 0.2), price: px, own });
        if (code === 'J' || px === null) addNote(ctx, r, px === null ? 'pricePerShare' : 'transactionCode', `j:${date}`,
          `Represents a ${ad === 'A' ? 'distribution received' : 'pro rata distribution'} ${rng.pick(['from a limited partnership to its partners', 'in connection with a corporate reorganization', 'to the beneficiaries of a trust'])}, for no consideration.`);
        else if (code === 'K') addNote(ctx, r, 'transactionCode', `k:${date}`, 'The transaction was effected through a cash-settled equity swap with an unaffiliated broker-dealer.');
        else if (code === 'U') addNote(ctx, r, 'transactionCode', `u:${date}`, 'Disposed of pursuant to the tender offer for all outstanding shares of the Issuer at the offer price per share.');
        ownNote(r);
        nd.push(r);
        break;
      }
      case 'small':
      case 'will':
      case 'misc5':
      case 'late': {
        const code = ev === 'small' ? 'L' : ev === 'will' ? 'W' : ev === 'late' ? rng.pick(['A', 'P', 'S'] as const) : rng.pick(['J', 'Z', 'G', 'I'] as const);
        const ad: AcquiredDisposed = code === 'L' || code === 'A' || code === 'P' ? 'A' : code === 'S' ? 'D' : rng.chance(0.5) ? 'A' : 'D';
        const px = code === 'W' || code === 'G' || code === 'A' ? 0 : price(ctx);
        const r = tableOneTx(ctx, form, { title: stock, date, code, ad, shares: code === 'L' ? rng.int(10, 300) : shareCount(rng, 0.1), price: px, own });
        if (ev === 'late') addNote(ctx, r, 'transactionCode', 'late', 'This transaction should have been reported on a Form 4 and is reported late on this Form 5.');
        else if (code === 'J' || code === 'Z') addNote(ctx, r, 'transactionCode', `j5:${date}`, code === 'Z'
          ? 'Represents a deposit of shares into a voting trust.'
          : 'Represents an in-kind distribution from a limited partnership to its partners for no consideration.');
        ownNote(r);
        nd.push(r);
        break;
      }
    }
  }
  // Holdings lines without a transaction (Table I columns 1, 5, 6, 7 only).
  const holdings = rng.weighted([[0, 5], [1, 3], [2, 1]] as const);
  for (let h = 0; h < holdings; h++) {
    const row = newNd('holding', rng.chance(0.8) ? stock : rng.pick(STOCK_TITLES));
    const own: Ownership = { di: 'I', nature: rng.pick(NATURES) };
    holdingOne(ctx, row.securityTitle!, own, row);
    ownNote(row);
    function ownNote(r: Row): void {
      if (/footnote/i.test(own.nature ?? '') || rng.chance(0.4)) {
        addNote(ctx, r, 'natureOfOwnership', `hold:${own.nature}`, `Held by ${natureHolder(own.nature!, rng)}; the Reporting Person disclaims beneficial ownership except to the extent of his or her pecuniary interest.`);
      }
    }
    nd.push(row);
  }
  if (rng.chance(0.12)) {
    const kindWord = rng.pick(['option', 'warrant', 'unit'] as const);
    dv.push(derivHolding(ctx, derivSpec(ctx, kindWord, start, stock), kindWord, false, { di: 'D', nature: null }));
  }
}

function form3Rows(ctx: Ctx, date: string, stock: string, nd: NonDerivativeRow[], dv: DerivativeRow[]): void {
  const { rng } = ctx;
  const nLines = rng.weighted([[0, 1], [1, 5], [2, 3], [3, 1]] as const);
  for (let i = 0; i < nLines; i++) {
    const row = newNd('holding', i === 0 ? stock : rng.pick(STOCK_TITLES));
    const own = i === 0 && rng.chance(0.7) ? { di: 'D' as const, nature: null } : ownership(ctx, row, 0.8);
    holdingOne(ctx, row.securityTitle!, own, row);
    nd.push(row);
  }
  const nDeriv = rng.weighted([[0, 3], [1, 4], [2, 2], [3, 1]] as const);
  for (let i = 0; i < nDeriv; i++) {
    const kindWord = rng.weighted([['option', 5], ['unit', 2], ['warrant', 1], ['preferred', 1]] as const);
    const spec = derivSpec(ctx, kindWord, date, stock);
    const row = derivHolding(ctx, spec, kindWord, true, { di: 'D', nature: null });
    if (rng.chance(0.15)) {
      const o = ownership(ctx, row, 1);
      row.directOrIndirect = o.di;
      row.natureOfOwnership = o.nature;
    }
    dv.push(row);
  }
}

// ---------------------------------------------------------------------------------------------

export function randomFiling(rng: Rng, opts: TruthOptions = {}): FilingRecord {
  const formType: FormType = opts.formType ?? rng.weighted([
    ['4', 50], ['3', 18], ['5', 14], ['4/A', 9], ['3/A', 4], ['5/A', 5],
  ] as const);
  const base = formType.charAt(0) as '3' | '4' | '5';
  const amended = formType.endsWith('/A');
  const year = opts.year ?? rng.int(2004, 2025);

  const name = issuerName(rng);
  const issuer = { name, tradingSymbol: ticker(rng, name) };

  // Period of report.
  let period: string;
  let windowEnd: string;
  if (base === '5') {
    const fyMonth = rng.weighted([[12, 7], [1, 1], [6, 1], [9, 1]] as const);
    const lastDay = new Date(Date.UTC(year, fyMonth, 0)).getUTCDate();
    period = isoDate(year, fyMonth, lastDay);
    windowEnd = period;
  } else {
    period = isoDate(year, rng.int(1, 12), rng.int(1, 28));
    windowEnd = addDays(period, rng.chance(0.6) ? 0 : rng.int(1, 6));
  }

  // Owners.
  const nOwners = opts.owners ?? rng.weighted([[1, 8], [2, 2], [3, 1]] as const);
  const owners: ReportingOwnerRecord[] = [];
  const signers: string[] = [];
  let remarks: string[] = [];
  const entityGroup = nOwners > 1 && rng.chance(0.6);
  for (let i = 0; i < nOwners; i++) {
    const entity = entityGroup ? i > 0 || rng.chance(0.5) : rng.chance(0.12);
    const person = personName(rng);
    const ownerName = entity ? rng.pick(ENTITY_OWNERS.filter((e) => !owners.some((o) => o.name === e))) : person.filed;
    const addr = i > 0 && rng.chance(0.6) ? { ...owners[0]!, name: undefined } : address(rng, name);
    let isDirector = false;
    let isOfficer = false;
    let isTen = false;
    let isOther = false;
    if (entity) {
      if (rng.chance(0.8)) isTen = true;
      if (!isTen || rng.chance(0.2)) isOther = true;
    } else {
      isDirector = rng.chance(0.45);
      isOfficer = rng.chance(isDirector ? 0.4 : 0.85);
      isTen = rng.chance(0.08);
      isOther = rng.chance(0.06);
      if (!isDirector && !isOfficer && !isTen && !isOther) isOfficer = true;
    }
    let officerTitle: string | null = null;
    let otherText: string | null = null;
    if (isOfficer) {
      officerTitle = rng.pick(OFFICER_TITLES);
      if (officerTitle === 'See Remarks') remarks.push(`${person.signed} serves as ${rng.pick(LONG_TITLES)} of the Issuer.`);
    }
    if (isOther) {
      otherText = rng.pick(OTHER_TEXTS);
      if (otherText === 'See Remarks') remarks.push(`The Reporting Person may be deemed a member of a "group" for purposes of Section 13(d) of the Exchange Act with the other reporting persons named herein.`);
    }
    owners.push({
      name: ownerName,
      street1: addr.street1 ?? null,
      street2: addr.street2 ?? null,
      city: addr.city ?? null,
      state: addr.state ?? null,
      zip: addr.zip ?? null,
      isDirector, isOfficer, isTenPercentOwner: isTen, isOther, officerTitle, otherText,
    });
    signers.push(entity ? ownerName : person.signed);
  }

  // Rows.
  const ctx: Ctx = {
    rng, notes: new Map(), rowKeys: new Map(), balances: new Map(), lines: new Map(),
    basePrice: Number(Math.exp(Math.log(0.5) + rng.next() * Math.log(800)).toFixed(2)),
  };
  const stock = rng.pick(STOCK_TITLES);
  const nd: NonDerivativeRow[] = [];
  const dv: DerivativeRow[] = [];
  let notSubject: boolean | null = null;
  if (base === '3') {
    form3Rows(ctx, period, stock, nd, dv);
    if (nd.length + dv.length === 0) {
      if (opts.requireRows) form3Rows(ctx, period, stock, nd, dv);
      if (nd.length + dv.length === 0) remarks.push('No securities are beneficially owned.');
    }
  } else {
    notSubject = rng.chance(0.05);
    const empty = notSubject && rng.chance(0.4) && !opts.requireRows;
    if (!empty) {
      const start = base === '5' ? addDays(period, -rng.int(30, 360)) : period;
      do {
        form4Rows(ctx, base, start, windowEnd, stock, nd, dv);
      } while (nd.length + dv.length === 0);
    }
  }

  // Sort transactions by date (stable), holdings after transactions in Table I.
  const byDate = <T extends Row>(rows: T[]): T[] => {
    const idx = new Map(rows.map((r, i) => [r, i]));
    return rows.slice().sort((a, b) => {
      if (a.kind !== b.kind) return a.kind === 'transaction' ? -1 : 1;
      const da = a.transactionDate ?? '';
      const db = b.transactionDate ?? '';
      return da < db ? -1 : da > db ? 1 : idx.get(a)! - idx.get(b)!;
    });
  };
  const ndSorted = byDate(nd);
  const dvSorted = byDate(dv);
  // Running balances were computed in creation order; recompute them in print order so every line
  // reads prev ± shares from top to bottom.
  recomputeBalances(ndSorted, dvSorted);

  if (base === '4') {
    const dates = [...ndSorted, ...dvSorted].map((r) => r.transactionDate).filter((d): d is string => !!d).sort();
    if (dates.length) period = dates[0]!;
  }

  // Footnote ids in order of first reference (Table I, then Table II; left to right within a row).
  const CELL_ORDER = ['securityTitle', 'conversionOrExercisePrice', 'transactionDate', 'deemedExecutionDate', 'transactionCode',
    'shares', 'pricePerShare', 'dateExercisable', 'expirationDate', 'underlyingSecurityTitle', 'underlyingShares',
    'sharesOwnedFollowing', 'directOrIndirect', 'natureOfOwnership'];
  const ids = new Map<string, string>();
  const footnotes: FootnoteRecord[] = [];
  for (const row of [...ndSorted, ...dvSorted]) {
    const keys = ctx.rowKeys.get(row);
    const cells: CellNotes = {};
    if (keys) {
      for (const cell of CELL_ORDER) {
        for (const key of keys[cell] ?? []) {
          let id = ids.get(key);
          if (!id) {
            id = String(ids.size + 1);
            ids.set(key, id);
            footnotes.push({ id, text: ctx.notes.get(key)! });
          }
          if (!(cells[cell] ??= []).includes(id)) cells[cell]!.push(id);
        }
      }
    }
    row.footnoteIds = [...new Set(Object.values(cells).flat())].sort((a, b) => +a - +b);
    NOTES.set(row, cells);
  }

  // Amendment.
  let dateOfOriginalSubmission: string | null = null;
  let signDate = addDays(windowEnd, base === '5' ? rng.int(10, 44) : base === '3' ? rng.int(0, 10) : rng.weighted([[0, 2], [1, 3], [2, 4], [3, 1], [rng.int(4, 40), 1]] as const));
  if (amended) {
    dateOfOriginalSubmission = signDate;
    signDate = addDays(signDate, rng.int(3, 120));
    if (rng.chance(0.6)) remarks.push(rng.pick([
      `This amendment is filed to correct the number of shares reported in Column 5 of Table I of the original Form ${base} filed on ${mdy(dateOfOriginalSubmission)}.`,
      `This Form ${base}/A amends the Form ${base} filed on ${longDate(dateOfOriginalSubmission)} to report a transaction inadvertently omitted.`,
      'This amendment is being filed solely to correct the transaction code reported in the original filing.',
    ]));
  }

  // Signatures: one per owner, sometimes through an attorney-in-fact.
  const attorney = rng.chance(0.45) ? personName(rng).signed : null;
  const signatures: SignatureRecord[] = signers.slice(0, Math.min(signers.length, 3)).map((s) => {
    let n = s;
    if (attorney) {
      n = rng.pick([
        `${attorney}, attorney-in-fact`, `${attorney}, Attorney-in-Fact`, `${attorney}, as Attorney-in-Fact for ${s}`,
        `${attorney}, Attorney in Fact for ${s}`,
      ]);
    } else if (ENTITY_OWNERS.includes(s)) {
      n = `${personName(rng).signed}, ${rng.pick(['Managing Member', 'Authorized Signatory', 'General Partner', 'Trustee'])}, for ${s}`;
    }
    return { name: n, date: signDate };
  });

  if (rng.chance(0.12)) remarks.push(rng.pick(['Exhibit 24 - Power of Attorney', 'Exhibit List: Exhibit 24 - Power of Attorney.']));
  remarks = [...new Set(remarks)];

  return {
    formType,
    issuer,
    reportingOwners: owners,
    periodOfReport: period,
    dateOfOriginalSubmission,
    notSubjectToSection16: notSubject,
    jointFiling: owners.length > 1,
    nonDerivative: ndSorted,
    derivative: dvSorted,
    footnotes,
    signatures,
    remarks: remarks.length ? remarks.join(' ') : null,
  };
}

/** Walks rows in print order and rewrites sharesOwnedFollowing as a running balance per line. */
function recomputeBalances(nd: NonDerivativeRow[], dv: DerivativeRow[]): void {
  const bal = new Map<string, number>();
  const step = (key: string, r: Row): void => {
    if (r.kind !== 'transaction' || r.shares === null || r.acquiredDisposed === null || r.sharesOwnedFollowing === null) return;
    const prev = bal.get(key);
    if (prev !== undefined) {
      let next = round4(r.acquiredDisposed === 'A' ? prev + r.shares : prev - r.shares);
      if (next < 0 && prev > 0) {
        // Disposition larger than what this order leaves: shrink it to the balance.
        r.shares = prev;
        if ('underlyingShares' in r && r.underlyingShares !== null) r.underlyingShares = prev;
        next = 0;
      }
      if (next >= 0) r.sharesOwnedFollowing = next;
    }
    bal.set(key, r.sharesOwnedFollowing);
  };
  for (const r of nd) step(`${r.securityTitle}|${r.directOrIndirect}|${r.natureOfOwnership ?? ''}`, r);
  for (const r of dv) step(`${r.securityTitle}|${r.conversionOrExercisePrice}|${r.expirationDate}|${r.directOrIndirect}|${r.natureOfOwnership ?? ''}`, r);
}
