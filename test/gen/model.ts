/**
 * What every layout prints, independent of how: the form's labels (per form type, with the wording
 * variants real renderings show), the table models (column groups, sub-columns, one cell per leaf
 * column), printed forms of values and footnote references, and the boilerplate paragraphs.
 */

import type { DerivativeRow, FilingRecord, NonDerivativeRow, ReportingOwnerRecord } from '../../server/src/analysis/types';
import { Rng } from './random';
import { amount, longDate, mdy, priceDigits } from './format';
import { cellNotes } from './truth';

export type Base = '3' | '4' | '5';

export interface Spec {
  base: Base;
  amended: boolean;
  title: string;
  statement: string;
  omb: string;
  burden: string;
  secNumber: string;
  jointInstr: string;
}

export function formSpec(rec: FilingRecord, rng: Rng): Spec {
  const ft = rec.formType ?? '4';
  const base = ft.charAt(0) as Base;
  const ofSec = rng.chance(0.5) ? ' OF SECURITIES' : '';
  return {
    base,
    amended: ft.endsWith('/A'),
    title: `FORM ${base}`,
    statement: base === '3' ? 'INITIAL STATEMENT OF BENEFICIAL OWNERSHIP OF SECURITIES'
      : base === '4' ? `STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP${ofSec}`
        : `ANNUAL STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP${ofSec}`,
    omb: base === '3' ? '3235-0104' : base === '4' ? '3235-0287' : '3235-0362',
    burden: base === '5' ? '1.0' : '0.5',
    secNumber: base === '3' ? 'SEC 1473 (7-02)' : base === '4' ? 'SEC 1474 (9-02)' : 'SEC 2270 (9-02)',
    jointInstr: rng.pick(base === '3' ? ['5(b)(v)', '5 (b)(v)'] : ['4(b)(v)', '4 (b)(v)']),
  };
}

// ---------------------------------------------------------------------------------------------
// Printing style
// ---------------------------------------------------------------------------------------------

/** How a reference is printed; `bracket` ([1]) and `bare` (¹) only where a case asks for them. */
export type RefStyle = 'paren' | 'caret' | 'sup' | 'supParen' | 'unicode' | 'bracket' | 'bare';

export interface Style {
  /** "$" or "$ " before prices. */
  dollar: string;
  fixedCents: boolean;
  refStyle: RefStyle;
  /** Between a value and its footnote marker: "" or " ". */
  refGap: string;
  /** Markdown-escape "$" and "*" in printed text. */
  mdEscape: boolean;
}

const SUPERSCRIPT: Record<string, string> = { '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };

export function fmtRef(id: string, style: RefStyle): string {
  switch (style) {
    case 'paren': return `(${id})`;
    case 'caret': return `^(${id})`;
    case 'sup': return `<sup>${id}</sup>`;
    case 'supParen': return `<sup>(${id})</sup>`;
    case 'unicode': return `⁽${[...id].map((c) => SUPERSCRIPT[c] ?? c).join('')}⁾`;
    case 'bracket': return `[${id}]`;
    case 'bare': return superscriptDigits(id);
  }
}

/** "12" → "¹²". */
export function superscriptDigits(id: string): string {
  return [...id].map((c) => SUPERSCRIPT[c] ?? c).join('');
}

export function fmtRefs(ids: readonly string[], style: RefStyle): string {
  return ids.map((id) => fmtRef(id, style)).join('');
}

export function mdEsc(s: string, st: Style): string {
  return st.mdEscape ? s.replace(/([$*])/g, '\\$1') : s;
}

export function fmtPrice(n: number, st: Style): string {
  return `${st.dollar}${priceDigits(n, st.fixedCents)}`;
}

// ---------------------------------------------------------------------------------------------
// Labels
// ---------------------------------------------------------------------------------------------

export interface Labels {
  box1: string;
  lastFirstMiddle: string;
  street: string;
  cityStateZip: string;
  issuer: string;
  date: string;
  amend: string;
  rel: string;
  relSub: string;
  director: string;
  tenPct: string;
  officer: string;
  other: string;
  joint: string;
  jointSub: string;
  one: string;
  more: string;
  exitBox: string;
  planBox: string;
  form3Holdings: string;
  form4Transactions: string;
  printType: string;
}

export function labels(spec: Spec, rng: Rng, htmlDump = false): Labels {
  const f3 = spec.base === '3';
  const n = (f3num: number, f45num: number): string => `${f3 ? f3num : f45num}.`;
  const origFiled = rng.pick(['Date of Original Filed', 'Date Original Filed', 'Date of Original Filing']);
  const mdyLabel = '(Month/Day/Year)';
  return {
    box1: `1. Name and Address of Reporting Person${htmlDump ? '^*' : rng.pick(['*', ' *', ' * '])}`.trimEnd(),
    lastFirstMiddle: '(Last) (First) (Middle)',
    street: '(Street)',
    cityStateZip: '(City) (State) (Zip)',
    issuer: `${n(3, 2)} Issuer Name and Ticker or Trading Symbol`,
    date: f3 ? `2. Date of Event Requiring Statement ${mdyLabel}`
      : spec.base === '4' ? `3. Date of Earliest Transaction ${mdyLabel}`
        : `3. Statement for Issuer's Fiscal Year Ended ${mdyLabel}`,
    amend: `${n(5, 4)} If Amendment, ${origFiled} ${mdyLabel}`,
    rel: `${n(4, 5)} Relationship of Reporting Person(s) to Issuer`,
    relSub: '(Check all applicable)',
    director: 'Director',
    tenPct: '10% Owner',
    officer: 'Officer (give title below)',
    other: 'Other (specify below)',
    joint: '6. Individual or Joint/Group Filing',
    jointSub: '(Check Applicable Line)',
    one: 'Form filed by One Reporting Person',
    more: 'Form filed by More than One Reporting Person',
    exitBox: `Check this box if no longer subject to Section 16. Form 4 or Form 5 obligations may continue. ${rng.pick(['See', '*See*'])} Instruction 1(b).`,
    planBox: 'Check this box to indicate that a transaction was made pursuant to a contract, instruction or written plan for the purchase or sale of equity securities of the issuer that is intended to satisfy the affirmative defense conditions of Rule 10b5-1(c). See Instruction 10.',
    form3Holdings: 'Form 3 Holdings Reported.',
    form4Transactions: 'Form 4 Transactions Reported.',
    printType: '(Print or Type Responses)',
  };
}

// ---------------------------------------------------------------------------------------------
// Tables
// ---------------------------------------------------------------------------------------------

export type Align = 'l' | 'c' | 'r';

export interface Cell {
  /** The printed value, without footnote markers ("" when the cell is empty). */
  text: string;
  refs: string[];
  align: Align;
}

export interface Col {
  label: string;
  subs?: string[];
  /** Cells of this column hold long text (titles, nature). */
  wide?: boolean;
}

export interface TableModel {
  key: 'table1' | 'table2';
  title: string;
  subtitle: string | null;
  cols: Col[];
  rows: Cell[][];
}

export function leafCount(cols: readonly Col[]): number {
  return cols.reduce((s, c) => s + (c.subs?.length ?? 1), 0);
}

/** Leaf labels: a sub-column's own label, or the column label for columns without sub-columns. */
export function leafLabels(cols: readonly Col[]): string[] {
  return cols.flatMap((c) => c.subs ?? [c.label]);
}

function tableOneCols(base: Base, rng: Rng, codeColumn = false): Col[] {
  const disposedOf = rng.pick(['Disposed Of', 'Disposed of']);
  if (base === '3' && codeColumn) {
    // A Form 4 template used for a Form 3: a transaction-code column the form itself does not have.
    return [
      { label: '1. Title of Security (Instr. 3)', wide: true },
      { label: '2. Transaction Code (Instr. 8)' },
      { label: '3. Amount of Securities Beneficially Owned (Instr. 4)' },
      { label: '4. Ownership Form: Direct (D) or Indirect (I) (Instr. 5)' },
      { label: '5. Nature of Indirect Beneficial Ownership (Instr. 5)', wide: true },
    ];
  }
  if (base === '3') {
    return [
      { label: '1. Title of Security (Instr. 4)', wide: true },
      { label: '2. Amount of Securities Beneficially Owned (Instr. 4)' },
      { label: '3. Ownership Form: Direct (D) or Indirect (I) (Instr. 5)' },
      { label: '4. Nature of Indirect Beneficial Ownership (Instr. 5)', wide: true },
    ];
  }
  return [
    { label: '1. Title of Security (Instr. 3)', wide: true },
    { label: '2. Transaction Date (Month/Day/Year)' },
    { label: '2A. Deemed Execution Date, if any (Month/Day/Year)' },
    base === '4' ? { label: '3. Transaction Code (Instr. 8)', subs: ['Code', 'V'] } : { label: '3. Transaction Code (Instr. 8)' },
    { label: `4. Securities Acquired (A) or ${disposedOf} (D) (Instr. 3, 4 and 5)`, subs: ['Amount', '(A) or (D)', 'Price'] },
    {
      label: base === '4'
        ? '5. Amount of Securities Beneficially Owned Following Reported Transaction(s) (Instr. 3 and 4)'
        : "5. Amount of Securities Beneficially Owned at end of Issuer's Fiscal Year (Instr. 3 and 4)",
    },
    { label: '6. Ownership Form: Direct (D) or Indirect (I) (Instr. 4)' },
    { label: '7. Nature of Indirect Beneficial Ownership (Instr. 4)', wide: true },
  ];
}

function tableTwoCols(base: Base, rng: Rng): Col[] {
  if (base === '3') {
    return [
      { label: '1. Title of Derivative Security (Instr. 4)', wide: true },
      { label: '2. Date Exercisable and Expiration Date (Month/Day/Year)', subs: ['Date Exercisable', 'Expiration Date'] },
      { label: '3. Title and Amount of Securities Underlying Derivative Security (Instr. 4)', subs: ['Title', 'Amount or Number of Shares'] },
      { label: '4. Conversion or Exercise Price of Derivative Security' },
      { label: rng.pick(['5. Ownership Form of Derivative Security: Direct (D) or Indirect (I) (Instr. 5)', '5. Ownership Form: Direct (D) or Indirect (I) (Instr. 5)']) },
      { label: '6. Nature of Indirect Beneficial Ownership (Instr. 5)', wide: true },
    ];
  }
  return [
    { label: '1. Title of Derivative Security (Instr. 3)', wide: true },
    { label: '2. Conversion or Exercise Price of Derivative Security' },
    { label: '3. Transaction Date (Month/Day/Year)' },
    { label: '3A. Deemed Execution Date, if any (Month/Day/Year)' },
    base === '4' ? { label: '4. Transaction Code (Instr. 8)', subs: ['Code', 'V'] } : { label: '4. Transaction Code (Instr. 8)' },
    { label: '5. Number of Derivative Securities Acquired (A) or Disposed of (D) (Instr. 3, 4 and 5)', subs: ['(A)', '(D)'] },
    { label: '6. Date Exercisable and Expiration Date (Month/Day/Year)', subs: ['Date Exercisable', 'Expiration Date'] },
    { label: '7. Title and Amount of Securities Underlying Derivative Security (Instr. 3 and 4)', subs: ['Title', 'Amount or Number of Shares'] },
    { label: '8. Price of Derivative Security (Instr. 5)' },
    {
      label: base === '4' || rng.chance(0.5)
        ? '9. Number of derivative Securities Beneficially Owned Following Reported Transaction(s) (Instr. 4)'
        : "9. Number of derivative Securities Beneficially Owned at End of Issuer's Fiscal Year (Instr. 4)",
    },
    { label: '10. Ownership Form: Direct (D) or Indirect (I) (Instr. 4)' },
    { label: '11. Nature of Indirect Beneficial Ownership (Instr. 4)', wide: true },
  ];
}

type Field = string;

/** Builds the leaf cells of one row: [field, printed value, align] per leaf; then places footnote ids. */
function placeRow(row: NonDerivativeRow | DerivativeRow, leaves: [Field | null, string, Align][]): Cell[] {
  const cells: Cell[] = leaves.map(([, text, align]) => ({ text, refs: [], align }));
  const notes = cellNotes(row);
  const placed = new Set<string>();
  if (notes) {
    for (const [field, ids] of Object.entries(notes)) {
      let idx = leaves.findIndex(([f]) => f === field);
      if (idx < 0) idx = 0;
      for (const id of ids) {
        if (!row.footnoteIds.includes(id)) continue;
        if (!cells[idx]!.refs.includes(id)) cells[idx]!.refs.push(id);
        placed.add(id);
      }
    }
  }
  // Ids not placed by the generator (records made elsewhere) go on the title cell.
  for (const id of row.footnoteIds) if (!placed.has(id)) cells[0]!.refs.push(id);
  return cells;
}

export function buildTables(rec: FilingRecord, spec: Spec, st: Style, rng: Rng, form3Code?: { row: number; code: string }): [TableModel, TableModel] {
  const base = spec.base;
  const d = (s: string | null): string => (s ? mdy(s) : '');
  const a = (n: number | null): string => (n === null ? '' : amount(n));
  const p = (n: number | null): string => (n === null ? '' : fmtPrice(n, st));
  const t = (s: string | null): string => s ?? '';

  const rows1 = rec.nonDerivative.map((r, i) => {
    if (base === '3' && form3Code) {
      return placeRow(r, [
        ['securityTitle', t(r.securityTitle), 'l'],
        [null, i === form3Code.row ? form3Code.code : '', 'c'],
        ['sharesOwnedFollowing', a(r.sharesOwnedFollowing), 'c'],
        ['directOrIndirect', t(r.directOrIndirect), 'c'],
        ['natureOfOwnership', t(r.natureOfOwnership), 'l'],
      ]);
    }
    if (base === '3') {
      return placeRow(r, [
        ['securityTitle', t(r.securityTitle), 'l'],
        ['sharesOwnedFollowing', a(r.sharesOwnedFollowing), 'c'],
        ['directOrIndirect', t(r.directOrIndirect), 'c'],
        ['natureOfOwnership', t(r.natureOfOwnership), 'l'],
      ]);
    }
    const leaves: [Field | null, string, Align][] = [
      ['securityTitle', t(r.securityTitle), 'l'],
      ['transactionDate', d(r.transactionDate), 'c'],
      ['deemedExecutionDate', d(r.deemedExecutionDate), 'c'],
      ['transactionCode', t(r.transactionCode), 'c'],
    ];
    if (base === '4') leaves.push(['reportedEarly', r.reportedEarly ? 'V' : '', 'c']);
    leaves.push(
      ['shares', a(r.shares), 'c'],
      ['acquiredDisposed', t(r.acquiredDisposed), 'c'],
      ['pricePerShare', p(r.pricePerShare), 'c'],
      ['sharesOwnedFollowing', a(r.sharesOwnedFollowing), 'c'],
      ['directOrIndirect', t(r.directOrIndirect), 'c'],
      ['natureOfOwnership', t(r.natureOfOwnership), 'l'],
    );
    return placeRow(r, leaves);
  });

  const rows2 = rec.derivative.map((r) => {
    if (base === '3') {
      return placeRow(r, [
        ['securityTitle', t(r.securityTitle), 'l'],
        ['dateExercisable', d(r.dateExercisable), 'c'],
        ['expirationDate', d(r.expirationDate), 'c'],
        ['underlyingSecurityTitle', t(r.underlyingSecurityTitle), 'c'],
        ['underlyingShares', a(r.underlyingShares), 'c'],
        ['conversionOrExercisePrice', p(r.conversionOrExercisePrice), 'c'],
        ['directOrIndirect', t(r.directOrIndirect), 'c'],
        ['natureOfOwnership', t(r.natureOfOwnership), 'l'],
      ]);
    }
    const leaves: [Field | null, string, Align][] = [
      ['securityTitle', t(r.securityTitle), 'l'],
      ['conversionOrExercisePrice', p(r.conversionOrExercisePrice), 'c'],
      ['transactionDate', d(r.transactionDate), 'c'],
      ['deemedExecutionDate', d(r.deemedExecutionDate), 'c'],
      ['transactionCode', t(r.transactionCode), 'c'],
    ];
    if (base === '4') leaves.push(['reportedEarly', r.reportedEarly ? 'V' : '', 'c']);
    leaves.push(
      [r.acquiredDisposed === 'D' ? null : 'shares', r.acquiredDisposed === 'D' ? '' : a(r.shares), 'c'],
      [r.acquiredDisposed === 'D' ? 'shares' : null, r.acquiredDisposed === 'D' ? a(r.shares) : '', 'c'],
      ['dateExercisable', d(r.dateExercisable), 'c'],
      ['expirationDate', d(r.expirationDate), 'c'],
      ['underlyingSecurityTitle', t(r.underlyingSecurityTitle), 'c'],
      ['underlyingShares', a(r.underlyingShares), 'c'],
      ['pricePerShare', p(r.pricePerShare), 'c'],
      ['sharesOwnedFollowing', a(r.sharesOwnedFollowing), 'c'],
      ['directOrIndirect', t(r.directOrIndirect), 'c'],
      ['natureOfOwnership', t(r.natureOfOwnership), 'l'],
    );
    return placeRow(r, leaves);
  });

  const t1: TableModel = {
    key: 'table1',
    title: base === '3' ? 'Table I - Non-Derivative Securities Beneficially Owned'
      : 'Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned',
    subtitle: null,
    cols: tableOneCols(base, rng, !!form3Code),
    rows: rows1,
  };
  const t2: TableModel = {
    key: 'table2',
    title: base === '3' ? 'Table II - Derivative Securities Beneficially Owned'
      : 'Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned',
    subtitle: '(e.g., puts, calls, warrants, options, convertible securities)',
    cols: tableTwoCols(base, rng),
    rows: rows2,
  };
  return [t1, t2];
}

/** Value and footnote markers as one printed string. */
export function cellString(c: Cell, st: Style, escape = true): string {
  const v = escape ? mdEsc(c.text, st) : c.text;
  if (!c.refs.length) return v;
  const r = fmtRefs(c.refs, st.refStyle);
  return v ? `${v}${st.refGap}${r}` : r;
}

// ---------------------------------------------------------------------------------------------
// Owners, signatures, boilerplate
// ---------------------------------------------------------------------------------------------

export function cityLine(o: ReportingOwnerRecord, comma: boolean): string {
  const parts = [o.city ? (comma && (o.state || o.zip) ? `${o.city},` : o.city) : '', o.state ?? '', o.zip ?? ''];
  return parts.filter(Boolean).join(' ');
}

export function ownerAddressLines(o: ReportingOwnerRecord, comma: boolean): string[] {
  return [o.street1, o.street2, cityLine(o, comma)].filter((x): x is string => !!x);
}

export function signatureText(name: string | null, prefix: string): string {
  return name === null ? '' : `${prefix}${name}`;
}

export function pickSigPrefix(rng: Rng): string {
  return rng.weighted([['/s/ ', 8], ['/s/', 2], ['', 2]] as const);
}

export interface Boilerplate {
  reminder: string;
  joint: string;
  intentional: string;
  note: string;
  persons: string;
  sigLabel: string;
}

export function boilerplate(spec: Spec, rng: Rng): Boilerplate {
  return {
    reminder: 'Reminder: Report on a separate line for each class of securities beneficially owned directly or indirectly.',
    joint: `* If the form is filed by more than one reporting person, see Instruction ${spec.jointInstr}.`,
    intentional: `** Intentional misstatements or omissions of facts constitute Federal Criminal Violations${rng.pick(['.', ''])} See 18 U.S.C. 1001 and 15 U.S.C. 78ff(a).`,
    note: 'Note: File three copies of this Form, one of which must be manually signed. If space is insufficient, see Instruction 6 for procedure.',
    persons: rng.pick([
      'Persons who respond to the collection of information contained in this form are not required to respond unless the form displays a currently valid OMB Number.',
      'Potential persons who are to respond to the collection of information contained in this form are not required to respond unless the form displays a currently valid OMB number.',
    ]),
    sigLabel: '** Signature of Reporting Person',
  };
}

function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${s}`;
}

export interface PowerOfAttorney {
  title: string;
  intro: string;
  items: string[];
  after: string[];
  witness: string;
  signer: string;
}

/** A power of attorney in the shape filers attach (numbered paragraphs and its own /s/ line). */
export function powerOfAttorney(rec: FilingRecord, rng: Rng): PowerOfAttorney {
  const attorneys = rng.sample(['Dana M. Keller', 'Jonah Reyes', 'Priscilla Onwu', 'Martin Egan', 'Ruth Calloway'], rng.int(1, 2));
  const issuer = rec.issuer.name ?? 'the Company';
  const owner = rec.reportingOwners[0]?.name ?? 'the undersigned';
  const date = rec.periodOfReport ?? '2015-01-01';
  const y = +date.slice(0, 4) - rng.int(0, 2);
  const m = rng.int(1, 12);
  const day = rng.int(1, 28);
  const monthName = longDate(`${y}-${String(m).padStart(2, '0')}-01`).split(' ')[0];
  return {
    title: rng.pick(['POWER OF ATTORNEY', 'LIMITED POWER OF ATTORNEY', 'POWER OF ATTORNEY FOR SECTION 16 FILINGS']),
    intro: `Know all persons by these presents, that the undersigned hereby makes, constitutes and appoints ${attorneys.join(' and ')}${attorneys.length > 1 ? ', each acting singly,' : ''} as the undersigned's true and lawful attorney-in-fact, with full power and authority to:`,
    items: [
      `(1) prepare, execute in the undersigned's name and on the undersigned's behalf, and submit to the U.S. Securities and Exchange Commission Forms 3, 4 and 5, and any amendments to them, relating to the securities of ${issuer} (the "Company");`,
      `(2) do and perform any and all acts that may be necessary or desirable to complete and execute any such form, including obtaining EDGAR access codes, and to file it with the Commission and any stock exchange; and`,
      `(3) take any other action in connection with the foregoing that, in the opinion of the attorney-in-fact, may benefit, be in the best interest of, or be legally required of the undersigned.`,
    ],
    after: [
      `The undersigned acknowledges that the attorney-in-fact, in serving in such capacity at the request of the undersigned, is not assuming any of the undersigned's responsibilities to comply with Section 16 of the Securities Exchange Act of 1934.`,
      `This Power of Attorney remains in effect until the undersigned is no longer required to file Forms 3, 4 and 5 with respect to securities of the Company, unless revoked earlier in a signed writing delivered to the attorney-in-fact.`,
    ],
    witness: `IN WITNESS WHEREOF, the undersigned has caused this Power of Attorney to be executed as of this ${ordinal(day)} day of ${monthName}, ${y}.`,
    signer: owner,
  };
}
