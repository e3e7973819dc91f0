/**
 * The printed wording of SEC Forms 3, 4 and 5: the one place it is written.
 *
 * Plain strings as the forms print them (the EDGAR renderer and the paper forms), no patterns:
 * the parser's tolerant patterns (built by vocabulary/patterns.ts for filing/vocabulary.ts,
 * filing/header.ts, filing/footer.ts, filing/parse.ts and layout/reading-order.ts), the hover
 * label texts (domain/labels.ts), the OCR boilerplate phrases
 * (domain/ocr.ts), filing detection (document.ts and the client) and the grammar's keywords
 * (scripts/grammar.ts writes syntaxes/) are all derived from these tables.
 * `test/unit/wording.test.ts` fails when a phrase of this module is written anywhere else.
 *
 * Pure data: the client bundles this module, so it imports nothing but types.
 */
import type { LabelKey } from '../types';

export type FormNumber = '3' | '4' | '5';

// ---------------------------------------------------------------------------------------------
// Titles and headings

/** The statement heading printed under each form's title. */
export const STATEMENT_HEADINGS: Readonly<Record<FormNumber, string>> = {
  '3': 'Initial Statement of Beneficial Ownership of Securities',
  '4': 'Statement of Changes in Beneficial Ownership of Securities',
  '5': 'Annual Statement of Changes in Beneficial Ownership of Securities',
};

/** The words every statement heading ends with, which converters often wrap onto a line of their own. */
export const STATEMENT_HEADING_TAIL = 'of Securities';

/**
 * How many of each heading's first words tell the forms apart, however the rest wraps:
 * Form 4's heading is Form 5's without "Annual", so it is known by its words up to "Beneficial".
 */
export const STATEMENT_OPENING_WORDS: Readonly<Record<FormNumber, number>> = { '3': 4, '4': 5, '5': 4 };

/** The OMB control number each form prints in its approval block. */
export const OMB_NUMBERS: Readonly<Record<FormNumber, string>> = { '3': '3235-0104', '4': '3235-0287', '5': '3235-0362' };

/** Section headings after the title block. */
export const SECTION_HEADINGS = {
  explanation: 'Explanation of Responses',
  remarks: 'Remarks',
  signatures: 'Signatures',
  reportingOwners: 'Reporting Owners',
  reportingOwnerAddress: 'Reporting Owner Name / Address',
} as const;

/** The table headings (Form 3 prints "Beneficially Owned" only; a dash or colon follows the number). */
export const TABLE_HEADINGS = {
  tableI: 'Table I',
  tableII: 'Table II',
  nonDerivative: 'Non-Derivative Securities',
  derivative: 'Derivative Securities',
  acquired: 'Acquired',
  beneficially: 'Beneficially',
  /** What Forms 4 and 5 say the tables hold; Form 3 prints the last two words only. */
  acquiredDisposedOwned: 'Acquired, Disposed of, or Beneficially Owned',
  beneficiallyOwned: 'Beneficially Owned',
  derivativeExamples: '(e.g., puts, calls, warrants, options, convertible securities)',
} as const;

/** Words of the tables' column headings: a line rich in them (and without dates) is a heading line. */
export const COLUMN_HEADER_WORDS: readonly string[] = [
  'Title', 'Instr', 'Transaction', 'Amount', 'Securities', 'Security', 'Derivative', 'Ownership', 'Beneficial', 'Beneficially',
  'Exercisable', 'Expiration', 'Underlying', 'Conversion', 'Exercise', 'Price', 'Code', 'Month', 'Nature', 'Indirect', 'Direct',
  'Following', 'Reported', 'Acquired', 'Disposed', 'Deemed', 'Execution', 'Owned', 'Number', 'Shares', 'Form',
];

/** Sub-column captions of Table II, which converters glue into the value cells below them. */
export const SUB_COLUMN_CAPTIONS = {
  amountOrNumber: 'Amount or Number of Shares',
  numberOfShares: 'Number of Shares',
  dateExercisable: 'Date Exercisable',
  expirationDate: 'Expiration Date',
  acquiredOrDisposed: '(A) or (D)',
} as const;

/** Column captions that, alone in a cell, are a heading converters glued into a row. */
export const LONE_COLUMN_CAPTIONS: readonly string[] = ['Code', 'Title', 'Amount', 'Price'];

/** The first column of each table, numbered "1." (wrapped grid headers keep at least its first words). */
export const FIRST_COLUMN_TITLES = {
  nonDerivative: 'Title of Security',
  derivative: 'Title of Derivative Security',
} as const;

/** The caption under a signature line. */
export const SIGNATURE_CAPTION = 'Signature of Reporting Person';

/** The capacity a signer customarily writes after a name signed for the reporting person. */
export const SIGNER_CAPACITY = 'Attorney-in-Fact';

/** The heading and opening words of a power of attorney filed after the form. */
export const POWER_OF_ATTORNEY = { heading: 'Power of Attorney', opening: 'Know all by these presents', kinds: ['Limited', 'Special'], addressees: ['men', 'persons'] } as const;

/**
 * Phrases the reader knows the notices printed after the explanations by (each also by a
 * second phrase, for when OCR damaged the first). `closing`: past these no footnote is defined.
 */
export const NOTICE_MARKERS = {
  closing: ['one of which must be', 'are not required to respond', 'unless the form displays'],
  footnotesEnd: ['Note: File', 'three copies', 'Potential persons', 'Persons who respond', 'currently valid OMB'],
  other: ['line for each class of securities', 'omissions of facts constitute', 'See 18 U.S.C. 1001'],
  /** Notices known by their first words on a line (after the asterisks that refer to them). */
  lineStarts: ['Note: File', 'If the form is filed'],
  /** Notices whose last word OCR breaks ("fi led", "insuffi cient"): known by the words before it. */
  lastWordBroken: ['If the form is filed', 'If space is insufficient'],
  instructions: [
    'Reminder:',
    'Persons who respond',
    'respond to the collection',
    'collection of in',
    'currently valid',
    'Intentional misstatements',
    'three copies of this Form',
    'If space is insufficient',
    'Potential persons',
    'OMB APPROVAL',
    'OMB Number',
    'Estimated average',
    'hours per response',
  ],
} as const;

/**
 * Phrases of which a filing's first lines hold two when its title was lost (document.ts): a box
 * label, a table heading, the footnotes' heading, a column label.
 */
export const FILING_SIGNALS: readonly string[] = [
  'Reporting Person',
  'Table I',
  'Table II',
  'Explanation of Responses',
  'Issuer Name and Ticker',
  'Title of Security',
  'Title of Derivative Security',
];

// ---------------------------------------------------------------------------------------------
// The header boxes

export type BoxKey = 'reportingPerson' | 'issuer' | 'periodOfReport' | 'amendment' | 'relationship' | 'jointFiling';

/** The header boxes in the order each form numbers them (Form 3 puts the event date in box 2). */
export const BOX_ORDER: Readonly<Record<FormNumber, readonly BoxKey[]>> = {
  '3': ['reportingPerson', 'periodOfReport', 'issuer', 'relationship', 'amendment', 'jointFiling'],
  '4': ['reportingPerson', 'issuer', 'periodOfReport', 'amendment', 'relationship', 'jointFiling'],
  '5': ['reportingPerson', 'issuer', 'periodOfReport', 'amendment', 'relationship', 'jointFiling'],
};

/** Each box's label key among the hover texts. */
export const BOX_LABEL_KEY: Readonly<Record<BoxKey, LabelKey>> = {
  reportingPerson: 'box.reportingPerson',
  issuer: 'box.issuer',
  periodOfReport: 'box.periodOfReport',
  amendment: 'box.amendment',
  relationship: 'box.relationship',
  jointFiling: 'box.jointFiling',
};

/**
 * The box labels' parts as printed, which the header's patterns join with the tolerance each
 * needs (a box number before, "(Month/Day/Year)" after, OCR damage in any word).
 */
export const BOX_LABEL_PARTS = {
  nameAndAddress: 'Name and Address of Reporting Person',
  issuerAndTicker: 'Issuer Name and Ticker or Trading Symbol',
  earliestTransaction: 'Date of Earliest Transaction',
  requiredToBeReported: 'Required to be Reported',
  eventRequiringStatement: 'Date of Event Requiring Statement',
  statementFor: 'Statement for',
  issuers: "Issuer's",
  fiscalYearEnded: 'Fiscal Year Ended',
  ifAmendment: 'If Amendment',
  dateOfOriginal: 'Date of Original',
  filed: 'Filed',
  filing: 'Filing',
  relationship: 'Relationship of Reporting Person',
  toIssuer: 'to Issuer',
  checkAllApplicable: 'Check all applicable',
  individualOr: 'Individual or',
  joint: 'Joint',
  groupFiling: 'Group Filing',
  checkApplicableLine: 'Check Applicable Line',
  monthDayYear: 'Month/Day/Year',
} as const;

/** Words of which each box label keeps at least one intact even when OCR damaged the others (lower case). */
export const BOX_LABEL_KEYWORDS: Readonly<Record<BoxKey, readonly string[]>> = {
  reportingPerson: ['address', 'reporting', 'name and'],
  issuer: ['ticker', 'trading', 'issuer'],
  periodOfReport: ['earliest', 'event', 'fiscal', 'transaction'],
  amendment: ['amendment', 'original'],
  relationship: ['relationship', 'issuer', 'reporting'],
  jointFiling: ['joint', 'individual', 'group'],
};

/** The captions printed under the lines of box 1 (a reporting person's name and address). */
export const ADDRESS_CAPTIONS = { last: 'Last', first: 'First', middle: 'Middle', street: 'Street', city: 'City', state: 'State', zip: 'Zip' } as const;

/** The options of the relationship box and their captions. */
export const RELATIONSHIP_WORDING = {
  director: 'Director',
  tenPercentOwner: '10% Owner',
  tenPercentOwnerSpelled: 'Ten Percent Owner',
  officer: 'Officer',
  other: 'Other',
  officerCaption: 'give title below',
  otherCaption: 'specify below',
} as const;

/** The lines of the joint-filing box. */
export const JOINT_FILING_WORDING = {
  formFiled: 'Form filed',
  one: 'Form filed by One Reporting Person',
  moreThanOne: 'More than One Reporting Person',
} as const;

/** Form 5's boxes for holdings and transactions that should have been reported earlier. */
export const LATE_REPORT_WORDING = {
  holdings: 'Form 3 Holdings Reported',
  transactions: 'Form 4 Transactions Reported',
} as const;

/** The agency's name and address printed above each form's title. */
export const AGENCY_WORDING = {
  name: 'United States Securities and Exchange Commission',
  address: 'Washington, D.C. 20549',
} as const;

/** The period box's full label as each form prints it (its number aside). */
export const PERIOD_BOX_LABELS: Readonly<Record<FormNumber, string>> = {
  '3': 'Date of Event Requiring Statement (Month/Day/Year)',
  '4': 'Date of Earliest Transaction (Month/Day/Year)',
  '5': "Statement for Issuer's Fiscal Year Ended (Month/Day/Year)",
};

/**
 * The header's printed text as it breaks into lines when the page is read one cell a line (the
 * cells of EDGAR's page at a print width): pieces of the phrases above, each a run of their words.
 * `within`: a line holding one is printed text; `whole`: printed when it is all of its line;
 * `opening` / `closing`: printed when its line starts / ends with it.
 */
export const HEADER_LINE_PIECES = {
  within: [
    'United States', 'Securities and Exchange', 'Washington, D.C.',
    'OMB APPROVAL', 'OMB Number', 'Estimated average', 'burden', 'hours per',
    'Statement of', 'Beneficial Ownership', 'Filed pursuant', 'Section 30(h)', 'Section 16', 'Investment Company Act',
    'Check this box', 'no longer subject', 'obligations may', 'continue. See', 'Form 4 or Form 5',
    'was made pursuant', 'written plan', 'intended to satisfy', 'defense conditions', 'transaction was made', 'contract, instruction',
    'purchase or sale', 'of the issuer', 'affirmative defense', 'Rule 10b5-1', 'equity securities',
    'Reporting Person', 'Ticker or Trading', 'Trading Symbol', 'Date of Earliest', 'Date of Event', 'Date of Original', 'Requiring Statement', 'Fiscal Year',
    'Month/Day/Year', 'If Amendment', '(Check all applicable)',
    'Individual or Joint', 'Joint/Group', 'Applicable Line', 'Form filed by', 'More than One',
    'Form 3 Holdings', 'Form 4 Transactions',
  ],
  whole: [
    'Commission', 'response:', 'Securities', 'of', 'Ownership', 'Ownership of', 'Ownership of Securities', 'Instruction 1(b).', 'Form 5', 'Statement', 'Ended', 'Original', 'Issuer',
    'Director', '10% Owner', 'Officer (give', 'Officer (give title', 'Officer (give title below)', 'Other (specify', 'Other (specify below)',
    'title below)', 'below)', '(give title', '(specify', 'title',
    'Line)', 'Form', 'Person', 'Reporting', 'Person*', 'Reported',
  ],
  opening: [
    'or sale of', 'is intended', 'transaction was', 'Name and Address', 'Filed (', 'Check all', 'Check Applicable', '(Check all', '(Check Applicable',
    'See Instruction', 'filed by', 'One Reporting', 'Holdings Reported', 'Transactions Reported',
  ],
  closing: ['pursuant to a', 'conditions of', 'Instruction 10.', 'applicable)', 'to Issuer'],
} as const;

/**
 * Shorter captions of a box or column for the editor (hover titles, preview headings), in the
 * printed label's own words: the nature column without "Beneficial", the amendment box without "If Amendment".
 */
export const SHORT_CAPTIONS = {
  natureOfOwnership: 'Nature of Indirect Ownership',
  dateOfOriginal: 'Date Original Filed',
} as const;

/** The check boxes printed beside the title: the exit box and (since 2023) the Rule 10b5-1 box. */
export const CHECK_BOX_WORDING = {
  exit: 'Check this box if no longer subject to Section 16',
  exitContinued: 'Form 4 or Form 5 obligations may continue',
  exitInstruction: 'See Instruction 1(b)',
  plan: 'Check this box to indicate that a transaction was made pursuant to a contract, instruction or written plan',
  planRule: 'Rule 10b5-1',
  planInstruction: 'See Instruction 10',
} as const;

// ---------------------------------------------------------------------------------------------
// Labels: boxes, tables, columns, sections

/**
 * Printed label texts as they appear in filings, most specific first (so the first match is the
 * longest). Plain strings without box or column numbers, since numbers differ between forms and
 * OCR often damages them; the parser matches them case-insensitively with whitespace folded.
 */
export const LABEL_PATTERNS: Record<LabelKey, readonly string[]> = {
  'box.reportingPerson': ['Name and Address of Reporting Person*', 'Name and Address of Reporting Person'],
  'box.issuer': ['Issuer Name and Ticker or Trading Symbol', 'Issuer Name and Ticker'],
  'box.periodOfReport': [
    'Date of Earliest Transaction (Month/Day/Year)',
    'Date of Earliest Transaction',
    'Date of Event Requiring Statement (Month/Day/Year)',
    'Date of Event Requiring Statement',
    "Statement for Issuer's Fiscal Year Ended (Month/Day/Year)",
    "Statement for Issuer's Fiscal Year Ended",
    'Statement for Issuers Fiscal Year Ended',
  ],
  'box.amendment': [
    'If Amendment, Date of Original Filed (Month/Day/Year)',
    'If Amendment, Date Original Filed (Month/Day/Year)',
    'If Amendment, Date Original Filed(Month/Day/Year)',
    'If Amendment, Date of Original Filed',
    'If Amendment, Date Original Filed',
  ],
  'box.relationship': [
    'Relationship of Reporting Person(s) to Issuer (Check all applicable)',
    'Relationship of Reporting Person(s) to Issuer',
    'Relationship of Reporting Person to Issuer',
  ],
  'box.jointFiling': [
    'Individual or Joint/Group Filing (Check Applicable Line)',
    'Individual or Joint/Group Filing(Check Applicable Line)',
    'Individual or Joint/Group Filing',
  ],
  'box.exit': [
    'Check this box if no longer subject to Section 16',
    'no longer subject to Section 16',
  ],
  'box.tenb5One': [
    'Check this box to indicate that a transaction was made pursuant to a contract, instruction or written plan',
    'intended to satisfy the affirmative defense conditions of Rule 10b5-1(c)',
  ],
  table1: [
    'Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned',
    'Table I - Non-Derivative Securities Beneficially Owned',
    'Table I – Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned',
    'Table I – Non-Derivative Securities Beneficially Owned',
    'Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned',
    'Non-Derivative Securities Beneficially Owned',
    // Its first words where the heading wraps.
    'Table I - Non-Derivative Securities',
  ],
  table2: [
    'Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned',
    'Table II - Derivative Securities Beneficially Owned',
    'Table II – Derivative Securities Acquired, Disposed of, or Beneficially Owned',
    'Table II – Derivative Securities Beneficially Owned',
    'Table II - Derivative Securities',
  ],
  'col.securityTitle': [
    'Title of Derivative Security (Instr. 3)',
    'Title of Derivative Security (Instr. 4)',
    'Title of Derivative Security',
    'Title of Security (Instr. 3)',
    'Title of Security (Instr. 4)',
    'Title of Security',
  ],
  'col.transactionDate': ['Transaction Date (Month/Day/Year)', 'Transaction Date'],
  'col.deemedExecutionDate': [
    'Deemed Execution Date, if any (Month/Day/Year)',
    'Deemed Execution Date, if any',
    'Deemed Execution Date',
  ],
  'col.transactionCode': ['Transaction Code (Instr. 8)', 'Transaction Code', 'Code (Instr. 8)'],
  'col.amount': [
    'Securities Acquired (A) or Disposed Of (D) (Instr. 3, 4 and 5)',
    'Securities Acquired (A) or Disposed of (D) (Instr. 3, 4, and 5)',
    'Securities Acquired (A) or Disposed Of (D)',
  ],
  'col.sharesOwnedFollowing': [
    'Amount of Securities Beneficially Owned Following Reported Transaction(s) (Instr. 3 and 4)',
    'Amount of Securities Beneficially Owned Following Reported Transaction(s)',
    "Amount of Securities Beneficially Owned at end of Issuer's Fiscal Year (Instr. 3 and 4)",
    "Amount of Securities Beneficially Owned at end of Issuer's Fiscal Year",
    'Amount of Securities Beneficially Owned (Instr. 4)',
    'Amount of Securities Beneficially Owned',
  ],
  'col.directOrIndirect': [
    'Ownership Form of Derivative Security: Direct (D) or Indirect (I) (Instr. 4)',
    'Ownership Form of Derivative Security: Direct (D) or Indirect (I) (Instr. 5)',
    'Ownership Form of Derivative Security: Direct (D) or Indirect (I)',
    'Ownership Form: Direct (D) or Indirect (I) (Instr. 4)',
    'Ownership Form: Direct (D) or Indirect (I) (Instr. 5)',
    'Ownership Form: Direct (D) or Indirect (I)',
    'Ownership Form of Derivative Security',
    // Its first words where a narrow column wraps the label.
    'Ownership Form',
  ],
  'col.natureOfOwnership': [
    'Nature of Indirect Beneficial Ownership (Instr. 4)',
    'Nature of Indirect Beneficial Ownership (Instr. 5)',
    'Nature of Indirect Beneficial Ownership',
  ],
  'col.conversionOrExercisePrice': [
    'Conversion or Exercise Price of Derivative Security',
    'Conversion or Exercise Price',
  ],
  'col.derivativeAmount': [
    'Number of Derivative Securities Acquired (A) or Disposed of (D) (Instr. 3, 4 and 5)',
    'Number of Derivative Securities Acquired (A) or Disposed of (D) (Instr. 3, 4, and 5)',
    'Number of Derivative Securities Acquired (A) or Disposed of (D)',
    'Number of Derivative Securities',
  ],
  'col.exerciseExpiration': [
    'Date Exercisable and Expiration Date (Month/Day/Year)',
    'Date Exercisable and Expiration Date',
  ],
  'col.underlying': [
    'Title and Amount of Securities Underlying Derivative Security (Instr. 3 and 4)',
    'Title and Amount of Securities Underlying Derivative Security (Instr. 4)',
    'Title and Amount of Securities Underlying Derivative Security',
    'Title and Amount of Underlying Securities',
    'Title and Amount of Securities Underlying',
  ],
  'col.derivativePrice': ['Price of Derivative Security (Instr. 5)', 'Price of Derivative Security'],
  'col.derivativeOwnedFollowing': [
    'Number of derivative Securities Beneficially Owned Following Reported Transaction(s) (Instr. 4)',
    'Number of derivative Securities Beneficially Owned Following Reported Transaction(s)',
    "Number of Derivative Securities Beneficially Owned at End of Issuer's Fiscal Year (Instr. 4)",
    "Number of Derivative Securities Beneficially Owned at End of Issuer's Fiscal Year",
  ],
  explanation: ['Explanation of Responses:', 'Explanation of Responses'],
  remarks: ['Remarks:', 'Remarks'],
  signature: ['** Signature of Reporting Person', 'Signature of Reporting Person'],
};

/**
 * A column label as a heading line prints it, in parts: a string is printed by every printing; a
 * list is a part some printings add (any one of its texts) and others leave out.
 */
export type ColumnLabelPart = string | readonly string[];

/**
 * Each column's label in parts (one or more ways to print it), in the order the parser looks for
 * them: a label that holds another's words ("Number of Derivative Securities Acquired ...",
 * "Securities Acquired ...") before it.
 */
export const COLUMN_LABEL_PARTS: Readonly<Partial<Record<LabelKey, readonly (readonly ColumnLabelPart[])[]>>> = {
  'col.securityTitle': [['Title of', ['Derivative'], 'Security', ['(Instr. 3)', '(Instr. 4)', '(Instr. 5)']]],
  'col.conversionOrExercisePrice': [['Conversion or Exercise Price', ['of Derivative Security']]],
  'col.deemedExecutionDate': [['Deemed Execution Date', [', if any'], ['(Month/Day/Year)']]],
  'col.transactionDate': [['Transaction Date', ['(Month/Day/Year)']]],
  'col.transactionCode': [['Transaction Code', ['(Instr. 8)']], ['Code (Instr. 8)']],
  'col.derivativeAmount': [['Number of Derivative Securities Acquired (A) or Disposed of (D)']],
  'col.amount': [['Securities Acquired (A) or Disposed of (D)']],
  'col.exerciseExpiration': [['Date Exercisable and Expiration Date']],
  'col.underlying': [['Title and Amount of Securities Underlying', ['Derivative Security']]],
  'col.derivativePrice': [['Price of Derivative Security']],
  'col.derivativeOwnedFollowing': [['Number of derivative Securities Beneficially Owned Following']],
  'col.sharesOwnedFollowing': [['Amount of Securities Beneficially Owned', ['Following Reported Transaction(s)', 'Following Reported Transactions', 'Following Reported Transaction']]],
  'col.directOrIndirect': [['Ownership Form', ['of Derivative Security'], [':'], ['Direct (D) or Indirect (I)']]],
  'col.natureOfOwnership': [['Nature of Indirect Beneficial Ownership']],
};

// ---------------------------------------------------------------------------------------------
// Boilerplate

/**
 * Phrases printed on the forms (headers, box and column labels, footer notes), as the EDGAR
 * renderer and the paper forms print them. Text that filers write themselves (powers of attorney,
 * "United States Securities and Exchange Commission" inside them) is deliberately absent: a typo
 * there is the filer's, not OCR damage of the form.
 */
export const BOILERPLATE_PHRASES: readonly string[] = [
  'OMB APPROVAL',
  'OMB Number',
  'Estimated average burden',
  'hours per response',
  'Check this box if no longer subject to Section 16',
  'Form 4 or Form 5 obligations may continue',
  'STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP OF SECURITIES',
  'INITIAL STATEMENT OF BENEFICIAL OWNERSHIP OF SECURITIES',
  'ANNUAL STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP OF SECURITIES',
  'Filed pursuant to Section 16(a) of the Securities Exchange Act of 1934',
  'or Section 30(h) of the Investment Company Act of 1940',
  '(Print or Type Responses)',
  '1. Name and Address of Reporting Person',
  '2. Issuer Name and Ticker or Trading Symbol',
  '3. Issuer Name and Ticker or Trading Symbol',
  '2. Date of Event Requiring Statement (Month/Day/Year)',
  '3. Date of Earliest Transaction (Month/Day/Year)',
  "3. Statement for Issuer's Fiscal Year Ended (Month/Day/Year)",
  '4. If Amendment, Date Original Filed (Month/Day/Year)',
  '5. If Amendment, Date Original Filed (Month/Day/Year)',
  'If Amendment, Date of Original Filed (Month/Day/Year)',
  '4. Relationship of Reporting Person(s) to Issuer',
  '5. Relationship of Reporting Person(s) to Issuer',
  '(Check all applicable)',
  'Officer (give title below)',
  'Other (specify below)',
  '6. Individual or Joint/Group Filing (Check Applicable Line)',
  'Form filed by One Reporting Person',
  'Form filed by More than One Reporting Person',
  '(Last) (First) (Middle)',
  '(City) (State) (Zip)',
  'Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned',
  'Table I - Non-Derivative Securities Beneficially Owned',
  'Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned',
  'Table II - Derivative Securities Beneficially Owned',
  TABLE_HEADINGS.derivativeExamples,
  'Title of Security (Instr. 3)',
  'Title of Derivative Security (Instr. 3)',
  'Transaction Date (Month/Day/Year)',
  'Deemed Execution Date, if any (Month/Day/Year)',
  'Transaction Code (Instr. 8)',
  'Securities Acquired (A) or Disposed of (D) (Instr. 3, 4 and 5)',
  'Amount of Securities Beneficially Owned Following Reported Transaction(s) (Instr. 3 and 4)',
  "Amount of Securities Beneficially Owned at end of Issuer's Fiscal Year (Instr. 3 and 4)",
  'Ownership Form: Direct (D) or Indirect (I)',
  'Ownership Form of Derivative Security: Direct (D) or Indirect (I)',
  'Nature of Indirect Beneficial Ownership',
  'Conversion or Exercise Price of Derivative Security',
  'Number of Derivative Securities Acquired (A) or Disposed of (D) (Instr. 3, 4 and 5)',
  'Date Exercisable and Expiration Date (Month/Day/Year)',
  'Title and Amount of Securities Underlying Derivative Security',
  'Amount or Number of Shares',
  'Price of Derivative Security (Instr. 5)',
  'Number of Derivative Securities Beneficially Owned Following Reported Transaction(s) (Instr. 4)',
  'Reporting Owner Name / Address',
  'Explanation of Responses',
  'Signature of Reporting Person',
  'If the form is filed by more than one reporting person, see Instruction 4(b)(v)',
  'Intentional misstatements or omissions of facts constitute Federal Criminal Violations',
  'Reminder: Report on a separate line for each class of securities beneficially owned directly or indirectly',
  'Note: File three copies of this Form, one of which must be manually signed',
  'If space is insufficient, see Instruction 6 for procedure',
  'Persons who respond to the collection of information contained in this form are not required to respond unless the form displays a currently valid OMB control number',
  'Potential persons who are to respond to the collection of information contained in this form are not required to respond unless the form displays a currently valid OMB number',
  'Check this box to indicate that a transaction was made pursuant to a contract, instruction or written plan for the purchase or sale of equity securities of the issuer that is intended to satisfy the affirmative defense conditions of Rule 10b5-1(c)',
];
