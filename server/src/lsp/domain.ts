/**
 * The domain facts the server's features need, behind one small interface.
 *
 * The authoritative tables live in `analysis/domain/` (codes, labels, calendar). Until they land
 * this module carries compact equivalents (from docs/section16.md), so hovers and completion work
 * either way; switching over means changing the bodies below, not the callers.
 */
import type { FormType, LabelKey } from '../analysis';

export type Direction = 'A' | 'D' | 'A or D';

export interface CodeFacts {
  code: string;
  /** The SEC's group heading, e.g. "Rule 16b-3 Transaction Codes". */
  group: string;
  meaning: string;
  /** Expected (A)/(D) in Table I and in Table II. */
  direction: { nonDerivative: Direction; derivative: Direction };
}

const GENERAL = 'General Transaction Codes';
const RULE_16B3 = 'Rule 16b-3 Transaction Codes';
const DERIVATIVE = 'Derivative Securities Codes (except for transactions exempted pursuant to Rule 16b-3)';
const EXEMPT = 'Other Section 16(b) Exempt Transaction and Small Acquisition Codes';
const OTHER = 'Other Transaction Codes';

function facts(code: string, group: string, meaning: string, nd: Direction, d: Direction = nd): CodeFacts {
  return { code, group, meaning, direction: { nonDerivative: nd, derivative: d } };
}

/** The 20 codes of Form 4 General Instruction 8, in the SEC's order. */
export const TRANSACTION_CODES: readonly CodeFacts[] = [
  facts('P', GENERAL, 'Open market or private purchase of non-derivative or derivative security', 'A'),
  facts('S', GENERAL, 'Open market or private sale of non-derivative or derivative security', 'D'),
  facts('V', GENERAL, 'Transaction voluntarily reported earlier than required', 'A or D'),
  facts('A', RULE_16B3, 'Grant, award or other acquisition pursuant to Rule 16b-3(d)', 'A'),
  facts('D', RULE_16B3, 'Disposition to the issuer of issuer equity securities pursuant to Rule 16b-3(e)', 'D'),
  facts(
    'F',
    RULE_16B3,
    'Payment of exercise price or tax liability by delivering or withholding securities incident to the receipt, exercise or vesting of a security issued in accordance with Rule 16b-3',
    'D',
  ),
  facts('I', RULE_16B3, 'Discretionary transaction in accordance with Rule 16b-3(f) resulting in acquisition or disposition of issuer securities', 'A or D'),
  facts('M', RULE_16B3, 'Exercise or conversion of derivative security exempted pursuant to Rule 16b-3', 'A', 'D'),
  facts('C', DERIVATIVE, 'Conversion of derivative security', 'A', 'D'),
  facts('E', DERIVATIVE, 'Expiration of short derivative position', 'A or D', 'D'),
  facts('H', DERIVATIVE, 'Expiration (or cancellation) of long derivative position with value received', 'A or D', 'D'),
  facts('O', DERIVATIVE, 'Exercise of out-of-the-money derivative security', 'A', 'D'),
  facts('X', DERIVATIVE, 'Exercise of in-the-money or at-the-money derivative security', 'A', 'D'),
  facts('G', EXEMPT, 'Bona fide gift', 'A or D'),
  facts('L', EXEMPT, 'Small acquisition under Rule 16a-6', 'A'),
  facts('W', EXEMPT, 'Acquisition or disposition by will or the laws of descent and distribution', 'A or D'),
  facts('Z', EXEMPT, 'Deposit into or withdrawal from voting trust', 'A or D'),
  facts('J', OTHER, 'Other acquisition or disposition (describe transaction)', 'A or D'),
  facts('K', OTHER, 'Transaction in equity swap or instrument with similar characteristics', 'A or D'),
  facts('U', OTHER, 'Disposition pursuant to a tender of shares in a change of control transaction', 'D'),
];

const BY_CODE = new Map(TRANSACTION_CODES.map((c) => [c.code, c]));

export function transactionCode(code: string): CodeFacts | undefined {
  return BY_CODE.get(code.trim().toUpperCase());
}

// ---------------------------------------------------------------------------------------------
// Labels: what a printed box or column means, and the instruction it cites.
// ---------------------------------------------------------------------------------------------

export interface LabelFacts {
  title: string;
  meaning: string;
  /** e.g. "Instr. 8"; absent when the label cites none. */
  instruction?: string;
}

function isForm3(formType: FormType | null): boolean {
  return formType === '3' || formType === '3/A';
}

export function labelFacts(key: LabelKey, formType: FormType | null): LabelFacts {
  const f3 = isForm3(formType);
  switch (key) {
    case 'box.reportingPerson':
      return { title: 'Name and Address of Reporting Person', meaning: 'The insider filing the form: name (Last, First, Middle) and address.', instruction: f3 ? 'Instr. 5(b)(v) for joint filers' : 'Instr. 4(b)(v) for joint filers' };
    case 'box.issuer':
      return { title: 'Issuer Name and Ticker or Trading Symbol', meaning: 'The company whose securities are reported, and its ticker.' };
    case 'box.periodOfReport':
      return f3
        ? { title: 'Date of Event Requiring Statement', meaning: 'The day the person became an insider (Month/Day/Year); the Form 3 is due within 10 days.' }
        : formType === '5' || formType === '5/A'
          ? { title: "Statement for Issuer's Fiscal Year Ended", meaning: 'The last day of the fiscal year the Form 5 covers (Month/Day/Year).' }
          : { title: 'Date of Earliest Transaction', meaning: 'The date of the earliest transaction reported on this form (Month/Day/Year).' };
    case 'box.amendment':
      return { title: 'If Amendment, Date Original Filed', meaning: 'Required on a /A amendment: the filing date of the form it amends. Left empty on an original.' };
    case 'box.relationship':
      return { title: 'Relationship of Reporting Person(s) to Issuer', meaning: 'Check all that apply: Director, 10% Owner, Officer (give the title below), Other (specify below). At least one box must be checked.' };
    case 'box.jointFiling':
      return { title: 'Individual or Joint/Group Filing', meaning: 'Whether the form is filed by one reporting person or by more than one.' };
    case 'box.exit':
      return { title: 'No longer subject to Section 16', meaning: 'Checked when the person is no longer an insider; Form 4 or Form 5 obligations may continue.', instruction: 'Instr. 1(b)' };
    case 'box.tenb5One':
      return { title: 'Rule 10b5-1(c) plan', meaning: 'Checked when a transaction was made under a plan meant to satisfy the affirmative defense of Rule 10b5-1(c) (since 2023).', instruction: 'Instr. 10' };
    case 'table1':
      return f3
        ? { title: 'Table I: Non-Derivative Securities Beneficially Owned', meaning: 'Holdings of stock and other non-derivative securities on the event date.' }
        : { title: 'Table I: Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned', meaning: 'One line per transaction or holding in stock and other non-derivative securities.' };
    case 'table2':
      return { title: 'Table II: Derivative Securities', meaning: 'Puts, calls, warrants, options, convertible securities: one line per transaction or holding.' };
    case 'col.securityTitle':
      return { title: 'Title of Security', meaning: 'The class of security, e.g. "Common Stock" or "Stock Option (Right to Buy)".', instruction: f3 ? 'Instr. 4' : 'Instr. 3' };
    case 'col.transactionDate':
      return { title: 'Transaction Date', meaning: 'The trade (execution) date, Month/Day/Year; the Form 4 is due two business days after it.' };
    case 'col.deemedExecutionDate':
      return { title: 'Deemed Execution Date, if any', meaning: 'For 10b5-1 plan and similar trades: when the insider learned of the execution, at most three business days after the trade.' };
    case 'col.transactionCode':
      return { title: 'Transaction Code', meaning: 'One of the 20 codes of General Instruction 8 (P purchase, S sale, A grant, M exercise, ...); V marks a voluntary early report.', instruction: 'Instr. 8' };
    case 'col.amount':
      return { title: 'Securities Acquired (A) or Disposed Of (D)', meaning: 'Amount of the transaction, whether it was acquired (A) or disposed of (D), and the price per share.', instruction: 'Instr. 3, 4 and 5' };
    case 'col.sharesOwnedFollowing':
      return f3
        ? { title: 'Amount of Securities Beneficially Owned', meaning: 'Holdings on the event date.', instruction: 'Instr. 4' }
        : { title: 'Amount of Securities Beneficially Owned Following Reported Transaction(s)', meaning: 'The running balance after this line: the previous balance plus (A) or minus (D) this amount.', instruction: 'Instr. 3 and 4' };
    case 'col.directOrIndirect':
      return { title: 'Ownership Form: Direct (D) or Indirect (I)', meaning: 'D when the insider holds the securities directly; I when held through a trust, spouse, entity etc. (then give the nature).', instruction: f3 ? 'Instr. 5' : 'Instr. 4' };
    case 'col.natureOfOwnership':
      return { title: 'Nature of Indirect Beneficial Ownership', meaning: 'Required for an indirect (I) holding: who holds it, e.g. "By Trust".', instruction: f3 ? 'Instr. 5' : 'Instr. 4' };
    case 'col.conversionOrExercisePrice':
      return { title: 'Conversion or Exercise Price of Derivative Security', meaning: 'The strike price of an option or the conversion price of a convertible security.' };
    case 'col.derivativeAmount':
      return { title: 'Number of Derivative Securities Acquired (A) or Disposed of (D)', meaning: 'How many derivative securities (e.g. options) this transaction acquired or disposed of.', instruction: 'Instr. 3, 4 and 5' };
    case 'col.exerciseExpiration':
      return { title: 'Date Exercisable and Expiration Date', meaning: 'When the derivative can first be exercised and when it expires (Month/Day/Year); the expiration comes after the exercise date.' };
    case 'col.underlying':
      return { title: 'Title and Amount of Securities Underlying Derivative Security', meaning: 'The security the derivative converts into and how many shares.', instruction: f3 ? 'Instr. 4' : 'Instr. 3 and 4' };
    case 'col.derivativePrice':
      return { title: 'Price of Derivative Security', meaning: "The price of the derivative itself (not its exercise price); $0 for a grant.", instruction: 'Instr. 5' };
    case 'col.derivativeOwnedFollowing':
      return { title: 'Number of Derivative Securities Beneficially Owned Following Reported Transaction(s)', meaning: 'The running balance of this derivative after the line.', instruction: 'Instr. 4' };
    case 'explanation':
      return { title: 'Explanation of Responses', meaning: 'The footnotes: every (n) cited in the tables must be defined here, and every footnote defined here must be cited.' };
    case 'remarks':
      return { title: 'Remarks', meaning: 'Free text for the whole filing, e.g. exhibit lists or the power of attorney reference.' };
    case 'signature':
      return { title: 'Signature of Reporting Person', meaning: 'The signature (often "/s/" or an attorney-in-fact) and the date signed; a Form 4 signature date shows whether it was filed on time.', instruction: 'Instr. 7 (power of attorney as exhibit 24)' };
  }
}

// ---------------------------------------------------------------------------------------------
// Calendar: weekdays and business days (US federal holidays), for dates and Form 4 due dates.
// ---------------------------------------------------------------------------------------------

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function parseIso(iso: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return undefined;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCMonth() === Number(m[2]) - 1 ? d : undefined;
}

function toIso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function weekdayName(iso: string): string | undefined {
  const d = parseIso(iso);
  return d ? WEEKDAYS[d.getUTCDay()] : undefined;
}

/** nth (1-based) weekday `dow` of a month; n = -1 for the last one. */
function nthWeekday(year: number, month: number, dow: number, n: number): string {
  if (n > 0) {
    const first = new Date(Date.UTC(year, month, 1)).getUTCDay();
    return toIso(new Date(Date.UTC(year, month, 1 + ((dow - first + 7) % 7) + 7 * (n - 1))));
  }
  const lastDay = new Date(Date.UTC(year, month + 1, 0));
  const back = (lastDay.getUTCDay() - dow + 7) % 7;
  return toIso(new Date(Date.UTC(year, month, lastDay.getUTCDate() - back)));
}

/** A fixed-date holiday moves to Friday when on Saturday, to Monday when on Sunday. */
function observed(year: number, month: number, day: number): string {
  const d = new Date(Date.UTC(year, month, day));
  const dow = d.getUTCDay();
  if (dow === 6) d.setUTCDate(day - 1);
  if (dow === 0) d.setUTCDate(day + 1);
  return toIso(d);
}

const holidayCache = new Map<number, Set<string>>();

function federalHolidays(year: number): Set<string> {
  let set = holidayCache.get(year);
  if (set) return set;
  set = new Set([
    observed(year, 0, 1),
    nthWeekday(year, 0, 1, 3), // Martin Luther King Jr. Day
    nthWeekday(year, 1, 1, 3), // Washington's Birthday
    nthWeekday(year, 4, 1, -1), // Memorial Day
    observed(year, 6, 4),
    nthWeekday(year, 8, 1, 1), // Labor Day
    nthWeekday(year, 9, 1, 2), // Columbus Day
    observed(year, 10, 11),
    nthWeekday(year, 10, 4, 4), // Thanksgiving
    observed(year, 11, 25),
  ]);
  if (year >= 2021) set.add(observed(year, 5, 19)); // Juneteenth
  // New Year's Day of next year observed on Dec 31 of this one.
  const nextNewYear = observed(year + 1, 0, 1);
  if (nextNewYear.startsWith(String(year))) set.add(nextNewYear);
  holidayCache.set(year, set);
  return set;
}

export function isBusinessDay(iso: string): boolean {
  const d = parseIso(iso);
  if (!d) return false;
  const dow = d.getUTCDay();
  return dow !== 0 && dow !== 6 && !federalHolidays(d.getUTCFullYear()).has(iso);
}

/** The date `n` business days after `iso` (the Form 4 deadline is n = 2 after the transaction). */
export function addBusinessDays(iso: string, n: number): string | undefined {
  const d = parseIso(iso);
  if (!d) return undefined;
  let left = n;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    if (isBusinessDay(toIso(d))) left--;
  }
  return toIso(d);
}

export function form4DueDate(transactionIso: string): string | undefined {
  return addBusinessDays(transactionIso, 2);
}
