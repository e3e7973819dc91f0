/**
 * The twenty transaction codes of Form 4 General Instruction 8 (Form 5 uses the same list).
 *
 * One table feeds everything that talks about codes: the parser (is this cell a code?), the rules
 * (does the (A)/(D) column fit the code? may this code be on this form?), hovers and the
 * "Show Transaction Code Reference" command. Meanings paraphrase the SEC's list closely; the
 * plain-English explanations are written for readers who are not securities lawyers and
 * correct the misreadings that circulate in public tools (V is not "10b5-1", I is not
 * "disposition otherwise than to the issuer", P/S are not only open-market trades).
 */

export type CodeGroup =
  | 'General'
  | 'Rule 16b-3'
  | 'Derivative Securities'
  | 'Other Section 16(b) Exempt and Small Acquisition'
  | 'Other';

export type TableKind = 'nonDerivative' | 'derivative';

export type DirectionStrength = 'hard' | 'strong' | 'typical';

export interface ExpectedDirection {
  direction: 'A' | 'D';
  /** 'hard': the other direction is all but impossible; 'strong'/'typical': a usual pattern only. */
  strength: DirectionStrength;
}

export interface TransactionCodeInfo {
  code: string;
  group: CodeGroup;
  /** Close paraphrase of the official meaning. */
  meaning: string;
  /** One or two sentences for a reader without a securities background. */
  explanation: string;
  /** The direction the code implies, per table; null where either direction is normal. */
  direction: Record<TableKind, ExpectedDirection | null>;
  /** Short note on the (A)/(D) column for this code, for hovers and the reference table. */
  directionNote: string;
  /**
   * Whether EDGAR ownership XML accepts the letter in <transactionCode>. K and V are not accepted:
   * EDGAR derives K from equitySwapInvolved and V from transactionFormType = 5 on a Form 4.
   */
  allowedInXml: boolean;
}

/** The SEC's group titles, in the SEC's order. */
export const CODE_GROUPS: readonly CodeGroup[] = [
  'General',
  'Rule 16b-3',
  'Derivative Securities',
  'Other Section 16(b) Exempt and Small Acquisition',
  'Other',
];

/** Longer headings used by the SEC for each group (the reference table prints them). */
const GROUP_HEADINGS: Record<CodeGroup, string> = {
  General: 'General Transaction Codes',
  'Rule 16b-3': 'Rule 16b-3 Transaction Codes',
  'Derivative Securities':
    'Derivative Securities Codes (except for transactions exempted pursuant to Rule 16b-3)',
  'Other Section 16(b) Exempt and Small Acquisition':
    'Other Section 16(b) Exempt Transaction and Small Acquisition Codes (except for Rule 16b-3 codes above)',
  Other: 'Other Transaction Codes',
};

const HARD_A: ExpectedDirection = { direction: 'A', strength: 'hard' };
const HARD_D: ExpectedDirection = { direction: 'D', strength: 'hard' };
const STRONG_A: ExpectedDirection = { direction: 'A', strength: 'strong' };
const STRONG_D: ExpectedDirection = { direction: 'D', strength: 'strong' };
const TYPICAL_A: ExpectedDirection = { direction: 'A', strength: 'typical' };
const TYPICAL_D: ExpectedDirection = { direction: 'D', strength: 'typical' };

function both(d: ExpectedDirection | null): Record<TableKind, ExpectedDirection | null> {
  return { nonDerivative: d, derivative: d };
}

/** Exercise-like codes: the shares arrive in Table I, the derivative leaves Table II. */
const EXERCISE_DIRECTIONS: Record<TableKind, ExpectedDirection | null> = {
  nonDerivative: TYPICAL_A,
  derivative: TYPICAL_D,
};

/** Expirations concern the derivative position only. */
const EXPIRATION_DIRECTIONS: Record<TableKind, ExpectedDirection | null> = {
  nonDerivative: null,
  derivative: TYPICAL_D,
};

/** All twenty codes in the SEC's order: P S V | A D F I M | C E H O X | G L W Z | J K U. */
export const ALL_CODES: readonly TransactionCodeInfo[] = [
  {
    code: 'P',
    group: 'General',
    meaning: 'Purchase of a non-derivative or derivative security, on the open market or privately.',
    explanation:
      'The insider bought the securities. This includes privately negotiated purchases, so a P alone does not prove an open-market buy.',
    direction: both(HARD_A),
    directionNote: 'Always (A): a purchase is an acquisition.',
    allowedInXml: true,
  },
  {
    code: 'S',
    group: 'General',
    meaning: 'Sale of a non-derivative or derivative security, on the open market or privately.',
    explanation:
      'The insider sold the securities, on an exchange or in a private deal. Whether the sale was made under a Rule 10b5-1 trading plan is shown by the 10b5-1 checkbox and the footnotes, not by the code.',
    direction: both(HARD_D),
    directionNote: 'Always (D): a sale is a disposition.',
    allowedInXml: true,
  },
  {
    code: 'V',
    group: 'General',
    meaning: 'Transaction reported voluntarily, earlier than the rules require.',
    explanation:
      'The transaction could have waited for the annual Form 5, but the insider reported it early on a Form 4. V does NOT mean the trade was made under a Rule 10b5-1 plan; that is a common mistake.',
    direction: both(null),
    directionNote: 'Not a direction: V marks early, voluntary reporting and goes in the V sub-column.',
    allowedInXml: false,
  },
  {
    code: 'A',
    group: 'Rule 16b-3',
    meaning: 'Grant, award or other acquisition from the issuer exempted by Rule 16b-3(d).',
    explanation:
      'The company gave the insider securities, for example a stock or option grant under an equity plan. It is compensation, not a purchase with the insider\'s own money.',
    direction: both(STRONG_A),
    directionNote: 'Normally (A): a grant is an acquisition; (D) is unusual.',
    allowedInXml: true,
  },
  {
    code: 'D',
    group: 'Rule 16b-3',
    meaning: 'Disposition of issuer equity securities to the issuer, exempted by Rule 16b-3(e).',
    explanation:
      'The insider handed securities back to the company itself, for example shares forfeited, cancelled or sold back to the issuer. It is not a sale on the market.',
    direction: both(STRONG_D),
    directionNote: 'Normally (D): securities go back to the issuer.',
    allowedInXml: true,
  },
  {
    code: 'F',
    group: 'Rule 16b-3',
    meaning:
      'Payment of an exercise price or a tax bill by delivering securities or having them withheld, when a Rule 16b-3 security is received, exercised or vests.',
    explanation:
      'Shares were withheld or handed over to pay taxes or an option\'s exercise price, typically when restricted stock vests. It is not a decision to sell.',
    direction: both(STRONG_D),
    directionNote: 'Normally (D): the withheld or delivered shares leave the insider.',
    allowedInXml: true,
  },
  {
    code: 'I',
    group: 'Rule 16b-3',
    meaning:
      'Discretionary transaction under Rule 16b-3(f) that results in an acquisition or disposition of issuer securities.',
    explanation:
      'A discretionary move inside an employee benefit plan, such as shifting a 401(k) balance into or out of the company stock fund. It does not mean "disposition otherwise than to the issuer", as some tools say.',
    direction: both(null),
    directionNote: 'Either (A) or (D): money can move into or out of company stock.',
    allowedInXml: true,
  },
  {
    code: 'M',
    group: 'Rule 16b-3',
    meaning: 'Exercise or conversion of a derivative security exempted under Rule 16b-3.',
    explanation:
      'The insider exercised an option or converted a unit (such as an RSU) granted under a company plan. It usually shows twice: the derivative leaves Table II and the shares arrive in Table I on the same date.',
    direction: EXERCISE_DIRECTIONS,
    directionNote: 'Table I row (A) (shares received); Table II row (D) (derivative used up).',
    allowedInXml: true,
  },
  {
    code: 'C',
    group: 'Derivative Securities',
    meaning: 'Conversion of a derivative security.',
    explanation:
      'A convertible security, such as convertible preferred stock, was turned into another security, usually common stock. The converted instrument leaves Table II and the new security arrives in Table I.',
    direction: EXERCISE_DIRECTIONS,
    directionNote: 'Table II row (D) (converted instrument); Table I row (A) (new security).',
    allowedInXml: true,
  },
  {
    code: 'E',
    group: 'Derivative Securities',
    meaning: 'Expiration of a short derivative position.',
    explanation:
      'A derivative position in which the insider was on the short side, such as a call option the insider wrote, expired.',
    direction: EXPIRATION_DIRECTIONS,
    directionNote: 'Usually a Table II row with (D).',
    allowedInXml: true,
  },
  {
    code: 'H',
    group: 'Derivative Securities',
    meaning: 'Expiration, or cancellation, of a long derivative position with value received.',
    explanation:
      'A derivative the insider held (the long side) expired or was cancelled, and the insider received something of value for it.',
    direction: EXPIRATION_DIRECTIONS,
    directionNote: 'Usually a Table II row with (D).',
    allowedInXml: true,
  },
  {
    code: 'O',
    group: 'Derivative Securities',
    meaning: 'Exercise of an out-of-the-money derivative security.',
    explanation:
      'The insider exercised an option or similar right even though its exercise price was above the market price, which is rare and often done for tax or timing reasons.',
    direction: EXERCISE_DIRECTIONS,
    directionNote: 'Like M: Table I row (A), Table II row (D).',
    allowedInXml: true,
  },
  {
    code: 'X',
    group: 'Derivative Securities',
    meaning: 'Exercise of an in-the-money or at-the-money derivative security.',
    explanation:
      'The insider exercised an option or warrant worth exercising (exercise price at or below the market price) outside the Rule 16b-3 exemption.',
    direction: EXERCISE_DIRECTIONS,
    directionNote: 'Like M: Table I row (A), Table II row (D).',
    allowedInXml: true,
  },
  {
    code: 'G',
    group: 'Other Section 16(b) Exempt and Small Acquisition',
    meaning: 'Bona fide gift.',
    explanation:
      'Securities were given away or received as a genuine gift, for example to a family member or a charity. Since February 27, 2023 gifts must be reported on Form 4 within two business days.',
    direction: both(null),
    directionNote: 'Either: (D) for a gift given (price usually 0), (A) for a gift received.',
    allowedInXml: true,
  },
  {
    code: 'L',
    group: 'Other Section 16(b) Exempt and Small Acquisition',
    meaning: 'Small acquisition under Rule 16a-6.',
    explanation:
      'A small purchase (worth $10,000 or less, counting the prior six months) not made from the company, which the rules let the insider report later, on Form 5.',
    direction: both(STRONG_A),
    directionNote: 'Normally (A): the code is for small acquisitions.',
    allowedInXml: true,
  },
  {
    code: 'W',
    group: 'Other Section 16(b) Exempt and Small Acquisition',
    meaning: 'Acquisition or disposition by will or the laws of descent and distribution.',
    explanation:
      'Securities passed through an inheritance: received from, or passed on through, the estate of someone who died.',
    direction: both(null),
    directionNote: 'Either (A) or (D).',
    allowedInXml: true,
  },
  {
    code: 'Z',
    group: 'Other Section 16(b) Exempt and Small Acquisition',
    meaning: 'Deposit into, or withdrawal from, a voting trust.',
    explanation:
      'Securities were put into or taken out of a voting trust, an arrangement that hands their voting rights to a trustee.',
    direction: both(null),
    directionNote: 'Either (A) or (D).',
    allowedInXml: true,
  },
  {
    code: 'J',
    group: 'Other',
    meaning: 'Other acquisition or disposition (the transaction must be described).',
    explanation:
      'A catch-all for transactions no other code fits. The filer has to explain what happened, so look for a footnote or the remarks.',
    direction: both(null),
    directionNote: 'Either (A) or (D); needs an explanatory footnote or remark.',
    allowedInXml: true,
  },
  {
    code: 'K',
    group: 'Other',
    meaning: 'Transaction in an equity swap or an instrument with similar characteristics.',
    explanation:
      'The transaction involved an equity swap or a similar contract that tracks the stock\'s value without a plain purchase or sale of the shares.',
    direction: both(null),
    directionNote: 'Either (A) or (D); in XML it is the equitySwapInvolved flag, not a code.',
    allowedInXml: false,
  },
  {
    code: 'U',
    group: 'Other',
    meaning: 'Disposition by tendering shares in a change of control transaction.',
    explanation:
      'The insider tendered the shares in a takeover or merger offer for the company.',
    direction: both(STRONG_D),
    directionNote: 'Normally (D): tendered shares leave the insider.',
    allowedInXml: true,
  },
];

const BY_CODE: ReadonlyMap<string, TransactionCodeInfo> = new Map(ALL_CODES.map((c) => [c.code, c]));

/** Accepts a code as written in a cell: surrounding whitespace ignored, case ignored. */
function normalizeCode(s: string): string {
  return s.trim().toUpperCase();
}

/** True for one of the 20 code letters (case-insensitive, whitespace around it ignored). */
export function isTransactionCode(s: string): boolean {
  return BY_CODE.has(normalizeCode(s));
}

/** The code's entry, or undefined for anything that is not one of the 20 codes. */
export function codeInfo(code: string): TransactionCodeInfo | undefined {
  return BY_CODE.get(normalizeCode(code));
}

/**
 * The (A)/(D) value a code fixes in the given table, or null where the code allows either
 * (I, G, W, Z, J, K, V, and E/H in Table I) or the code is unknown.
 */
export function expectedDirection(code: string, table: TableKind): ExpectedDirection | null {
  const info = codeInfo(code);
  return info ? info.direction[table] : null;
}

/** Date from which bona fide gifts (G) must be reported on Form 4 within two business days. */
export const GIFT_FORM4_SINCE = '2023-02-27';

export interface FormUsage {
  /**
   * Forms whose tables can carry the code. Form 3 never carries transaction codes. Every code that
   * goes on Form 4 can also show up on a Form 5, but only as a late (delinquent) item.
   */
  forms: Array<'4' | '5'>;
  /** The code's usual home is Form 5 (a deferred report); reporting it on Form 4 is early (V). */
  form5Typical: boolean;
  /** Must be reported on Form 4 within two business days; on a Form 5 it is a late item. */
  form4Required: boolean;
  note: string;
}

/** Codes whose transactions may wait for the annual Form 5. G only before 2023-02-27. */
const DEFERRABLE = new Set(['G', 'L', 'W', 'Z', 'J']);

/**
 * Which forms a code belongs on. `transactionIso` (YYYY-MM-DD) matters only for G: gifts moved
 * from Form 5 to Form 4 on 2023-02-27. Returns null for an unknown code.
 */
export function formsAllowing(code: string, transactionIso?: string | null): FormUsage | null {
  const info = codeInfo(code);
  if (!info) return null;
  const c = info.code;
  if (c === 'V') {
    return {
      forms: ['4'],
      form5Typical: false,
      form4Required: false,
      note: 'V appears only on Form 4: it marks a transaction reported there early instead of on Form 5. Form 5 has no V column.',
    };
  }
  if (c === 'G' && transactionIso && transactionIso >= GIFT_FORM4_SINCE) {
    return {
      forms: ['4', '5'],
      form5Typical: false,
      form4Required: true,
      note: 'Gifts made on or after 2023-02-27 must be reported on Form 4 within two business days; on a Form 5 such a gift is late.',
    };
  }
  if (DEFERRABLE.has(c)) {
    const gift = c === 'G' ? ' (gifts made before 2023-02-27)' : '';
    const j = c === 'J' ? ' when the transaction is exempt and not otherwise reportable on Form 4' : '';
    return {
      forms: ['4', '5'],
      form5Typical: true,
      form4Required: false,
      note: `Typically reported on Form 5${gift}${j}; reporting it earlier on Form 4 is allowed and is marked V.`,
    };
  }
  return {
    forms: ['4', '5'],
    form5Typical: false,
    form4Required: true,
    note: 'Must be reported on Form 4 within two business days; on a Form 5 it can only be a late item.',
  };
}

/** Escapes the characters that would break a Markdown table cell. */
function cell(s: string): string {
  return s.replace(/\|/g, '\\|');
}

/** The whole code table as Markdown, grouped as the SEC groups it. */
export function codeReferenceMarkdown(): string {
  const out: string[] = [
    '# Transaction codes (Form 4 General Instruction 8)',
    '',
    'The code goes in Column 3 of Table I and Column 4 of Table II. Forms 4 and 5 use the same list; Form 3 has no codes.',
    '',
  ];
  for (const group of CODE_GROUPS) {
    out.push(`## ${GROUP_HEADINGS[group]}`, '', '| Code | Official meaning | In plain English | (A)/(D) |', '|---|---|---|---|');
    for (const c of ALL_CODES) {
      if (c.group !== group) continue;
      out.push(`| **${c.code}** | ${cell(c.meaning)} | ${cell(c.explanation)} | ${cell(c.directionNote)} |`);
    }
    out.push('');
  }
  out.push(
    'K and V are not accepted in the XML `<transactionCode>` element: EDGAR adds K when `equitySwapInvolved` is true, and V to an early (form type 5) transaction on a Form 4.',
    '',
  );
  return out.join('\n');
}
