/**
 * What each printed box and column of Forms 3, 4 and 5 means, and how its label is printed.
 *
 * Hovers look texts up by {@link LabelKey}; the parser uses {@link LABEL_PATTERNS} to find the
 * labels in converted text. The base texts describe Form 4. Form 3 numbers its header boxes
 * differently and reports holdings only; Form 5 reports a fiscal year. {@link labelInfoFor}
 * applies those differences.
 */
import type { LabelKey } from '../types';
import { LABEL_PATTERNS, TABLE_HEADINGS } from '../vocabulary/wording';

export interface LabelInfo {
  /** The label as the form prints it, with its box or column number. */
  title: string;
  /** The General Instruction the label cites, e.g. "(Instr. 8)". */
  instruction?: string;
  /** What the box or column holds, in plain words, ending with its EDGAR XML element. */
  description: string;
  /** The EDGAR ownership XML element(s) that carry the value. */
  xml?: string;
}

function info(title: string, instruction: string | undefined, description: string, xml?: string): LabelInfo {
  const full = xml ? `${description} In EDGAR XML: \`${xml}\`.` : description;
  const out: LabelInfo = { title, description: full };
  if (instruction !== undefined) out.instruction = instruction;
  if (xml !== undefined) out.xml = xml;
  return out;
}

/** The first printed text of a label (the most specific) that holds every one of `parts` ("!x": does not hold x). */
function printed(key: LabelKey, ...parts: string[]): string {
  const text = LABEL_PATTERNS[key].find((t) => parts.every((p) => (p.startsWith('!') ? !t.includes(p.slice(1)) : t.includes(p))));
  if (text === undefined) throw new Error(`no printed text of ${key} holds ${parts.join(', ')}`);
  return text;
}

/** A box's title: "Box 3. " and its printed label. */
const box = (n: number, key: LabelKey, ...parts: string[]): string => `Box ${n}. ${printed(key, ...parts)}`;

/** A column's title: "Column 2A. " and its printed label. */
const column = (n: string, key: LabelKey, ...parts: string[]): string => `Column ${n}. ${printed(key, ...parts)}`;

/** Form 4 wording (Forms 4 and 5 share the layout; Form 3 differences are applied on lookup). */
export const LABEL_INFO: Record<LabelKey, LabelInfo> = {
  'box.reportingPerson': info(
    box(1, 'box.reportingPerson'),
    undefined,
    'The insider who files: last name first, then street, city, state and ZIP. When several people file one form together, each is listed (see the instruction on joint filing, 4(b)(v) on Form 4).',
    'reportingOwner/reportingOwnerId/rptOwnerName, reportingOwnerAddress',
  ),
  'box.issuer': info(
    box(2, 'box.issuer'),
    undefined,
    'The company whose securities are reported, with its ticker symbol (often shown in brackets, e.g. "TECOGEN INC. [TGEN]").',
    'issuer/issuerName, issuer/issuerTradingSymbol',
  ),
  'box.periodOfReport': info(
    box(3, 'box.periodOfReport'),
    undefined,
    'The date of the earliest transaction reported on this form. It should equal the earliest transaction date in the tables; the two-business-day deadline runs from each transaction date.',
    'periodOfReport',
  ),
  'box.amendment': info(
    box(4, 'box.amendment', 'Date Original'),
    undefined,
    'Filled only on an amendment (Form 4/A): the filing date of the report being corrected. Leave it blank on an original report. There is no other link to the original filing.',
    'dateOfOriginalSubmission',
  ),
  'box.relationship': info(
    box(5, 'box.relationship'),
    undefined,
    'Why the person must report: Director, 10% Owner (more than ten percent of a class), Officer (with the title written below) or Other (explained below). At least one box must be checked.',
    'reportingOwnerRelationship/isDirector, isTenPercentOwner, isOfficer, isOther, officerTitle, otherText',
  ),
  'box.jointFiling': info(
    box(6, 'box.jointFiling'),
    undefined,
    'Whether the form is filed by one reporting person or jointly by more than one. EDGAR derives it from the number of reporting owners.',
    'number of reportingOwner elements',
  ),
  'box.exit': info(
    printed('box.exit'),
    'Instruction 1(b)',
    'Checked when the person has stopped being an insider (for example left the board). Form 4 or Form 5 obligations may still continue for a while. A form with this box checked may have no table rows at all. Forms 4 and 5 only.',
    'notSubjectToSection16',
  ),
  'box.tenb5One': info(
    'Rule 10b5-1(c) checkbox',
    'Instruction 10',
    'Checked when a reported transaction was made under a trading plan intended to satisfy the Rule 10b5-1(c) affirmative defense. One flag for the whole form: it does not say which rows were plan trades. The instructions ask for a footnote giving the date the plan was adopted. On Forms 4 and 5 since April 2023.',
    'aff10b5One',
  ),
  table1: info(
    printed('table1'),
    undefined,
    'Ordinary securities such as common stock: one line per transaction, plus lines for holdings that did not change. Report each class of securities, and direct and indirect ownership, on separate lines.',
    'nonDerivativeTable (nonDerivativeTransaction, nonDerivativeHolding)',
  ),
  table2: info(
    `${printed('table2')} ${TABLE_HEADINGS.derivativeExamples}`,
    undefined,
    'Rights to buy, sell or convert into the company\'s securities: stock options, restricted stock units, warrants, convertible preferred stock and the like.',
    'derivativeTable (derivativeTransaction, derivativeHolding)',
  ),
  'col.securityTitle': info(
    column('1', 'col.securityTitle', '!Derivative', '(Instr. 3)'),
    '(Instr. 3)',
    'The name of the class of securities, e.g. "Common Stock" in Table I or "Stock Option (Right to Buy)" in Table II ("Title of Derivative Security").',
    'securityTitle',
  ),
  'col.transactionDate': info(
    column('2', 'col.transactionDate'),
    undefined,
    'The day the transaction was executed (the trade date, not the settlement date). The Form 4 is due by the end of the second business day after it. Column 3 in Table II.',
    'transactionDate',
  ),
  'col.deemedExecutionDate': info(
    column('2A', 'col.deemedExecutionDate'),
    undefined,
    'Used only for trades the insider did not time, such as Rule 10b5-1 plan trades and Rule 16b-3(f) discretionary transactions: the day the broker or plan administrator told the insider, at most three business days after the trade. Otherwise blank. Column 3A in Table II.',
    'deemedExecutionDate',
  ),
  'col.transactionCode': info(
    column('3', 'col.transactionCode'),
    '(Instr. 8)',
    'A letter saying what kind of transaction it was (P purchase, S sale, A grant, M option exercise, F tax withholding, G gift, ...; 20 codes in all). The "V" sub-column marks a transaction reported earlier than required. Column 4 in Table II.',
    'transactionCoding/transactionCode, transactionFormType, equitySwapInvolved',
  ),
  'col.amount': info(
    column('4', 'col.amount'),
    '(Instr. 3, 4 and 5)',
    'Three sub-columns: the number of securities, (A) if they were acquired or (D) if disposed of, and the price per security. Amounts are never negative; the direction is the (A)/(D) mark. A price of $0 means no payment (a grant or gift); a footnote instead of a price explains it.',
    'transactionAmounts/transactionShares, transactionAcquiredDisposedCode, transactionPricePerShare',
  ),
  'col.sharesOwnedFollowing': info(
    column('5', 'col.sharesOwnedFollowing'),
    '(Instr. 3 and 4)',
    'How many securities of this class the person owns, on this ownership line, after the transaction on this row.',
    'postTransactionAmounts/sharesOwnedFollowingTransaction',
  ),
  'col.directOrIndirect': info(
    column('6', 'col.directOrIndirect', 'Form: Direct', '(Instr. 4)'),
    '(Instr. 4)',
    'D when the person holds the securities in their own name; I when they are held through someone else (a trust, a spouse, a company), which must then be explained in the next column. Column 10 in Table II.',
    'ownershipNature/directOrIndirectOwnership',
  ),
  'col.natureOfOwnership': info(
    column('7', 'col.natureOfOwnership'),
    '(Instr. 4)',
    'For indirect (I) holdings only: through whom the securities are held, e.g. "By Trust" or "By Spouse". Must be empty for direct (D) holdings. Column 11 in Table II.',
    'ownershipNature/natureOfOwnership',
  ),
  'col.conversionOrExercisePrice': info(
    column('2', 'col.conversionOrExercisePrice'),
    undefined,
    'The price at which the option or warrant can be exercised, or the conversion price of a convertible security. Not the price paid in this transaction (that is Column 8).',
    'conversionOrExercisePrice',
  ),
  'col.derivativeAmount': info(
    column('5', 'col.derivativeAmount'),
    '(Instr. 3, 4 and 5)',
    'How many derivative securities (options, units, warrants) the transaction added (A) or removed (D).',
    'transactionAmounts/transactionShares, transactionAcquiredDisposedCode',
  ),
  'col.exerciseExpiration': info(
    column('6', 'col.exerciseExpiration'),
    undefined,
    'When the derivative can first be exercised and when it expires. A footnote often stands in for the date exercisable (e.g. a vesting schedule).',
    'exerciseDate, expirationDate',
  ),
  'col.underlying': info(
    column('7', 'col.underlying'),
    '(Instr. 3 and 4)',
    'The security the derivative turns into (usually common stock) and how many of those shares it covers.',
    'underlyingSecurity/underlyingSecurityTitle, underlyingSecurityShares',
  ),
  'col.derivativePrice': info(
    column('8', 'col.derivativePrice'),
    '(Instr. 5)',
    'The price paid or received for the derivative itself in this transaction; often $0 for grants and exercises. Differs from the exercise price in Column 2.',
    'transactionAmounts/transactionPricePerShare',
  ),
  'col.derivativeOwnedFollowing': info(
    column('9', 'col.derivativeOwnedFollowing'),
    '(Instr. 4)',
    'How many of these derivative securities the person holds, on this ownership line, after the transaction.',
    'postTransactionAmounts/sharesOwnedFollowingTransaction',
  ),
  explanation: info(
    printed('explanation', '!:'),
    undefined,
    'The footnotes. A marker such as (1) in a cell points to the note of that number here. Each note must be referenced somewhere, and notes explain prices, vesting, weighted averages and indirect holders.',
    'footnotes/footnote (id F1 ... F99)',
  ),
  remarks: info(
    printed('remarks', '!:'),
    undefined,
    'Free text for anything the boxes cannot hold, such as a long officer title ("See Remarks") or an explanation of an amendment.',
    'remarks',
  ),
  signature: info(
    `${printed('signature')} / Date`,
    undefined,
    'The reporting person\'s signature, often "/s/" and the name, or an attorney-in-fact signing under a power of attorney, and the date signed. The signature date is a proxy for when the form was filed.',
    'ownerSignature/signatureName, signatureDate',
  ),
};

/** Form 3 differences: box numbers, instruction numbers, holdings-only columns. */
const FORM3_OVERRIDES: Partial<Record<LabelKey, LabelInfo>> = {
  'box.reportingPerson': info(
    box(1, 'box.reportingPerson'),
    undefined,
    'The person who has just become an insider: last name first, then street, city, state and ZIP. For joint filings see Instruction 5(b)(v).',
    'reportingOwner/reportingOwnerId/rptOwnerName, reportingOwnerAddress',
  ),
  'box.periodOfReport': info(
    box(2, 'box.periodOfReport', 'Event'),
    undefined,
    'The day the person became an insider (officer, director or more-than-10% owner). The Form 3 is due within 10 days of it.',
    'periodOfReport',
  ),
  'box.issuer': info(
    box(3, 'box.issuer'),
    undefined,
    'The company whose securities the new insider holds, with its ticker symbol.',
    'issuer/issuerName, issuer/issuerTradingSymbol',
  ),
  'box.relationship': info(
    box(4, 'box.relationship'),
    undefined,
    'Why the person is an insider: Director, 10% Owner, Officer (title below) or Other (explained below). At least one box must be checked.',
    'reportingOwnerRelationship/isDirector, isTenPercentOwner, isOfficer, isOther, officerTitle, otherText',
  ),
  'box.amendment': info(
    box(5, 'box.amendment', 'Date Original'),
    undefined,
    'Filled only on a Form 3/A: the filing date of the Form 3 being corrected. Blank on an original.',
    'dateOfOriginalSubmission',
  ),
  'box.exit': info(
    `${printed('box.exit')} (not on Form 3)`,
    undefined,
    'Form 3 has no such box: it is the first report of a new insider.',
  ),
  'box.tenb5One': info(
    'Rule 10b5-1(c) checkbox (not on Form 3)',
    undefined,
    'Form 3 has no 10b5-1 checkbox: it reports holdings, not trades.',
  ),
  table1: info(
    printed('table1', 'I - Non', 'Securities Beneficially'),
    undefined,
    'The ordinary securities (such as common stock) the person owns on the date of the event, one line per class and ownership form. No transactions.',
    'nonDerivativeTable/nonDerivativeHolding',
  ),
  table2: info(
    `${printed('table2', 'Securities Beneficially')} ${TABLE_HEADINGS.derivativeExamples}`,
    undefined,
    'Options, warrants, convertible securities and the like that the person holds on the date of the event.',
    'derivativeTable/derivativeHolding',
  ),
  'col.securityTitle': info(
    column('1', 'col.securityTitle', '!Derivative', '(Instr. 4)'),
    '(Instr. 4)',
    'The class of securities held, e.g. "Common Stock", or in Table II the derivative, e.g. "Stock Option (Right to Buy)".',
    'securityTitle',
  ),
  'col.sharesOwnedFollowing': info(
    column('2', 'col.sharesOwnedFollowing', '(Instr. 4)'),
    '(Instr. 4)',
    'How many securities of this class the person owns on the date of the event, on this ownership line.',
    'postTransactionAmounts/sharesOwnedFollowingTransaction',
  ),
  'col.directOrIndirect': info(
    column('3', 'col.directOrIndirect', 'Form: Direct', '(Instr. 5)'),
    '(Instr. 5)',
    'D for securities held in the person\'s own name; I for securities held through someone else, explained in the next column. Column 5 in Table II.',
    'ownershipNature/directOrIndirectOwnership',
  ),
  'col.natureOfOwnership': info(
    column('4', 'col.natureOfOwnership', '(Instr. 5)'),
    '(Instr. 5)',
    'For indirect (I) holdings only: through whom they are held, e.g. "By Trust". Column 6 in Table II.',
    'ownershipNature/natureOfOwnership',
  ),
  'col.exerciseExpiration': info(
    column('2', 'col.exerciseExpiration'),
    undefined,
    'When the derivative can first be exercised and when it expires. A footnote often stands in for the date exercisable.',
    'exerciseDate, expirationDate',
  ),
  'col.underlying': info(
    column('3', 'col.underlying', '(Instr. 4)'),
    '(Instr. 4)',
    'The security the derivative turns into and how many of those shares it covers.',
    'underlyingSecurity/underlyingSecurityTitle, underlyingSecurityShares',
  ),
  'col.conversionOrExercisePrice': info(
    column('4', 'col.conversionOrExercisePrice'),
    undefined,
    'The price at which the option or warrant can be exercised, or the conversion price.',
    'conversionOrExercisePrice',
  ),
  signature: info(
    `${printed('signature')} / Date`,
    undefined,
    'The reporting person\'s signature (or an attorney-in-fact\'s under a power of attorney) and the date signed.',
    'ownerSignature/signatureName, signatureDate',
  ),
};

/** Columns that exist only on forms with transactions; on Form 3 their hover says so. */
const FORM3_ABSENT: ReadonlySet<LabelKey> = new Set<LabelKey>([
  'col.transactionDate',
  'col.deemedExecutionDate',
  'col.transactionCode',
  'col.amount',
  'col.derivativeAmount',
  'col.derivativePrice',
  'col.derivativeOwnedFollowing',
]);

/** Form 5 differences: a fiscal year instead of a transaction date, no V sub-column. */
const FORM5_OVERRIDES: Partial<Record<LabelKey, LabelInfo>> = {
  'box.periodOfReport': info(
    box(3, 'box.periodOfReport', 'Fiscal'),
    undefined,
    'The last day of the company\'s fiscal year that this annual statement covers. The Form 5 is due on or before the 45th day after it.',
    'periodOfReport',
  ),
  'box.amendment': info(
    box(4, 'box.amendment', 'Date Original'),
    undefined,
    'Filled only on a Form 5/A: the filing date of the Form 5 being corrected. Blank on an original.',
    'dateOfOriginalSubmission',
  ),
  'col.transactionCode': info(
    column('3', 'col.transactionCode'),
    '(Instr. 8)',
    'A letter saying what kind of transaction it was (G gift, L small acquisition, W inheritance, J other, ...). Form 5 has no V sub-column. Column 4 in Table II.',
    'transactionCoding/transactionCode, transactionFormType, equitySwapInvolved',
  ),
  'col.sharesOwnedFollowing': info(
    column('5', 'col.sharesOwnedFollowing', 'Fiscal'),
    '(Instr. 3 and 4)',
    'How many securities of this class the person owned, on this ownership line, at the end of the fiscal year.',
    'postTransactionAmounts/sharesOwnedFollowingTransaction',
  ),
  'col.derivativeOwnedFollowing': info(
    column('9', 'col.derivativeOwnedFollowing', 'Fiscal'),
    '(Instr. 4)',
    'How many of these derivative securities the person held, on this ownership line, at the end of the fiscal year.',
    'postTransactionAmounts/sharesOwnedFollowingTransaction',
  ),
  'col.transactionDate': info(
    column('2', 'col.transactionDate'),
    undefined,
    'The day the transaction was executed. On a Form 5 it normally falls in the fiscal year being reported; an earlier date marks a late item. Column 3 in Table II.',
    'transactionDate',
  ),
};

/** "3", "3/A", "Form 4" ... → '3' | '4' | '5', or null when unknown. */
function baseForm(formType: string | null): '3' | '4' | '5' | null {
  if (!formType) return null;
  const digit = formType.replace(/^\s*form\s*/i, '').trim().charAt(0);
  return digit === '3' || digit === '4' || digit === '5' ? digit : null;
}

/**
 * The label's info for a given form type ("3", "4/A", "5", ... or null when unknown, which gives
 * the Form 4 wording).
 */
export function labelInfoFor(key: LabelKey, formType: string | null): LabelInfo {
  const form = baseForm(formType);
  if (form === '3') {
    const override = FORM3_OVERRIDES[key];
    if (override) return override;
    if (FORM3_ABSENT.has(key)) {
      const base = LABEL_INFO[key];
      return { ...base, description: `${base.description} Form 3 has no such column: it reports holdings only.` };
    }
  }
  if (form === '5') {
    const override = FORM5_OVERRIDES[key];
    if (override) return override;
  }
  return LABEL_INFO[key];
}

export { LABEL_PATTERNS };
