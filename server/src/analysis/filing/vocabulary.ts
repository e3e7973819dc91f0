import { fuzzyPhrase, fuzzyWord, ROMAN_STROKE } from '../domain/ocr';
import type { PLine } from './prepare';
import { FactsMemo } from '../text/memo';

/**
 * The printed words of Forms 3, 4 and 5 that the parser navigates by: section headings, box
 * labels, boilerplate, and the column-header fragments converters glue into value cells.
 * Every pattern is tolerant of the damage seen in practice (missing box numbers, OCR'd letters,
 * words split across cells) and free of nested quantifiers, so matching stays linear.
 */

/** "FORM 4", "SEC Form 4", "FORM 4/A" at the start of a line or cell; group 1 digit, group 2 "/A". */
export const TITLE_RE = /^\s*(?:SEC\s+)?FORM\s+([345])(\s*\/\s*A\b)?(?:\s*$|\s{2,}|\t|\s+(?=UNITED|\())/i;

/**
 * A title line: "FORM 4" first on its line (or in the first grid cell). A drawn check box
 * ("┌─┐  Form 4" / "└─┘  Transactions Reported." on Form 5) is not a title.
 */
export function titleMatch(raw: string, masked: string): RegExpExecArray | null {
  if (/^\s*[┌└╔╚┏┗+]/.test(raw)) return null;
  const m = TITLE_RE.exec(masked);
  // Raw HTML: a cell opened on the line and left open goes on below, so "FORM 4" is not all of
  // it (Form 5's check box "<td>Form 4" / "Transactions Reported.</td>").
  if (m && raw.charCodeAt(0) === 124 /* | */ && !inFirstCell(raw, m.index + m[0].length - m[0].trimStart().length)) return null;
  if (m && raw.includes('<') && /<t[dh]\b/i.test(raw) && !/>\s*$/.test(raw) && masked.trimEnd().length <= m.index + m[0].length) return null;
  return m;
}

/**
 * A grid or pipe row ("| ... | Form 4 or |" / "|   | Form 5   |"): a title is its first cell's;
 * "Form 5" in another cell is a wrapped line of the check box's text ("Form 4 or Form 5
 * obligations may continue"), not a filing's title.
 */
function inFirstCell(raw: string, at: number): boolean {
  return raw.indexOf('|', 1) < 0 || raw.indexOf('|', 1) >= at;
}

/** The statement heading that names the form. */
export const STATEMENT_RE =
  /(INITIAL\s+STATEMENT\s+OF\s+BENEFICIAL)|(ANNUAL\s+STATEMENT\s+OF\s+CHANGES)|(STATEMENT\s+OF\s+CHANGES\s+IN\s+BENEFICIAL)/i;

/** OMB numbers print the form too: 3235-0104 (3), 3235-0287 (4), 3235-0362 (5). */
export const OMB_RE = /3235\s*-\s*(0104|0287|0362)/;

export type SectionKind =
  | 'tableI'
  | 'tableII'
  | 'owners'
  | 'signatures'
  | 'explanation'
  | 'remarks'
  | 'trailer';

interface SectionPattern {
  kind: SectionKind;
  re: RegExp;
  /** Lower-case fragments one of which a heading always keeps, even when OCR damaged a word. */
  hints: string[];
}

/** The heading of the footnotes, "Explanation of Responses" (OCR-tolerant). */
export const EXPLANATION_RE = new RegExp(fuzzyPhrase('Explanation of Responses'), 'i');

/** Headings that start a section. Tested against the masked line; order matters (II before I). */
const SECTION_PATTERNS: SectionPattern[] = [
  // Two strokes after "Table", however OCR read them ("Table Il", "Table 11"), then the end of the numeral.
  { kind: 'tableII', re: new RegExp(`\\bTable\\s+${ROMAN_STROKE}${ROMAN_STROKE}(?![A-Za-z0-9])`, 'i'), hints: ['table'] },
  { kind: 'tableII', re: new RegExp(`(^|\\s)1\\.?\\s*Title\\s+of\\s+${fuzzyWord('Derivative')}\\b`, 'i'), hints: ['title'] },
  { kind: 'tableI', re: new RegExp(`Table\\s+${ROMAN_STROKE}\\s*[-–—:.]|Table\\s+${ROMAN_STROKE}\\s+Non|\\bNon\\s*-\\s*${fuzzyWord('Derivative')}\\s+${fuzzyWord('Securities')}\\s+(Acquired|Beneficially)`, 'i'), hints: ['table', 'non'] },
  { kind: 'tableI', re: new RegExp(`(^|\\s)1\\.?\\s*Title\\s+of\\s+${fuzzyWord('Security')}\\b`, 'i'), hints: ['title'] },
  { kind: 'owners', re: new RegExp(`^\\s*${fuzzyPhrase('Reporting Owners')}\\s*(?::\\s*)?$|${fuzzyPhrase('Reporting Owner')}\\s+Name\\s*\\/\\s*${fuzzyWord('Address')}`, 'i'), hints: ['own', 'rep'] },
  { kind: 'explanation', re: EXPLANATION_RE, hints: ['expl', 'resp', 'ation of', 'onses'] },
  { kind: 'signatures', re: new RegExp(`^\\s*${fuzzyWord('Signatures')}?\\s*(?::\\s*)?$`, 'i'), hints: ['sig', 'nat', 'ure'] },
  { kind: 'remarks', re: new RegExp(`^\\s*${fuzzyWord('Remarks')}\\s*:`, 'i'), hints: ['rem', 'ark', 'mar'] },
  // A power of attorney after the form: its heading line, or its opening words.
  { kind: 'trailer', re: /^\W*(?:LIMITED\s+|SPECIAL\s+)?POWER\s+OF\s+AT+ORNEY\b.{0,60}$|Know\s+all\s+(men\s+|persons\s+)?by\s+these\s+presents/i, hints: ['power', 'presents'] },
];

/** This stage's facts of a line (the section it opens, whether it is boilerplate), one record per line facts record. */
const vocabularyFacts = new FactsMemo<{ section?: SectionKind | null; boilerplate?: boolean }>();

function findSection(masked: string): SectionKind | null {
  const lower = masked.toLowerCase();
  for (const p of SECTION_PATTERNS) if (p.hints.some((h) => lower.includes(h)) && p.re.test(masked)) return p.kind;
  return null;
}

/** The section a heading line starts, if any. */
export function sectionOf(line: PLine): SectionKind | null {
  const f = vocabularyFacts.get(line.facts, () => ({}));
  if (f.section === undefined) f.section = findSection(line.masked);
  return f.section;
}

/**
 * Second phrases of the notices printed after the explanations (the three-copies note, the
 * collection-of-information notice): past them no footnote is defined (footer.ts).
 */
export const CLOSING_NOTICE_PHRASES = ['one\\s+of\\s+which\\s+must\\s+be', 'are\\s+not\\s+required\\s+to\\s+respond', 'unless\\s+the\\s+form\\s+displays'].join('|');

/**
 * Each notice also by a second phrase of short words, for when OCR damaged the first one
 * ("If the form is fi led by more than one reporting person"): the notices end footnotes.
 */
const NOTICE_PHRASES = [
  'line\\s+for\\s+each\\s+class\\s+of\\s+securities',
  '^\\s*(?:\\*{1,2}\\s*)?If\\s+the\\s+form\\s+is\\s+\\S',
  'omissions\\s+of\\s+facts\\s+constitute',
  'See\\s+18\\s+U\\.\\s*S\\.\\s*C\\.\\s*1001',
  'If\\s+space\\s+is\\s+\\S',
  CLOSING_NOTICE_PHRASES,
].join('|');

/**
 * Printed instructions and notices that are never data: they end footnote and remarks
 * sections and are never table rows.
 */
export const BOILERPLATE_RE =
  new RegExp(String.raw`Reminder\s*:|Persons\s+who\s+respond|respond\s+to\s+the\s+collection|collection\s+of\s+in|currently\s+valid|SEC\s*\d{3,4}\s*\(|\(\s*\d{1,2}\s*-\s*\d{2}\s*\)|separate\s+(line|fine)\s+for|^\s*(?:\*{1,2}\s*)?If\s+the\s+form\s+is\s+filed|Intentional\s+misstatements|^\s*Note\s*:\s*File|three\s+copies\s+of\s+this\s+Form|If\s+space\s+is\s+insufficient|Potential\s+persons|OMB\s+(APPROVAL|Number)|Estimated\s+average|hours\s+per\s+response|${NOTICE_PHRASES}`, 'i');


/** Whether a line is printed instructions or a notice. */
export function isBoilerplate(line: PLine): boolean {
  const f = vocabularyFacts.get(line.facts, () => ({}));
  return (f.boilerplate ??= BOILERPLATE_RE.test(line.masked));
}

/** Column-header vocabulary: a line rich in these words (and without dates) is a header line. */
const HEADER_WORD_RE =
  /\b(Title|Instr|Transaction|Amount|Securities|Security|Derivative|Ownership|Beneficial|Beneficially|Exercisable|Expiration|Underlying|Conversion|Exercise|Price|Code|Month|Nature|Indirect|Direct|Following|Reported|Acquired|Disposed|Deemed|Execution|Owned|Number|Shares|Form)\b/gi;

export function headerWordCount(masked: string): number {
  let n = 0;
  HEADER_WORD_RE.lastIndex = 0;
  while (HEADER_WORD_RE.exec(masked)) n++;
  return n;
}

/**
 * Column-header fragments that converters glue into value cells ("Title Common",
 * "(Instr. 4) 62,500", a cell that says just "Code"). Blanked out of data rows before tokenizing.
 */
const AMOUNT_OR_NUMBER = `${fuzzyWord('Amount')}\\s+or\\s+${fuzzyWord('Number')}\\s+of\\s+${fuzzyWord('Shares')}`;
const NUMBER_OF_SHARES = `${fuzzyWord('Number')}\\s+of\\s+${fuzzyWord('Shares')}`;
const DATE_EXERCISABLE = `Date\\s+${fuzzyWord('Exercisable')}`;
const EXPIRATION_DATE = `${fuzzyWord('Expiration')}\\s+Date`;
export const GLUED_HEADER_RE = new RegExp(
  [
    '\\(Instr\\.?(?:\\s*(?:\\d{1,2}[A-Za-z]?|and|,))*\\s*\\)?',
    '\\b\\d\\s+and\\s+\\d\\s*\\)',
    '\\(Month\\s*\\/\\s*Day\\s*\\/\\s*Y[a-z]*\\)',
    `\\b${AMOUNT_OR_NUMBER}\\b`,
    `\\b${NUMBER_OF_SHARES}\\b`,
    `\\b${DATE_EXERCISABLE}\\b`,
    `\\b${EXPIRATION_DATE}\\b`,
    '\\(A\\)\\s+or\\s+\\(D\\)',
    // At a line start, or after a tab, then spaces only: a tab run must not be re-scanned from every tab.
    `(?:^\\s*|\\t[^\\S\\t]*)(?:${AMOUNT_OR_NUMBER}|${NUMBER_OF_SHARES}|${DATE_EXERCISABLE}|${EXPIRATION_DATE}|Code|Title|${fuzzyWord('Amount')}|${fuzzyWord('Price')})(?=\\s|\\t|$)`,
  ].join('|'),
  'gi',
);

/** Blanks glued header fragments in a masked line (same length). */
export function blankGluedHeaders(masked: string): string {
  return masked.replace(GLUED_HEADER_RE, (m) => m.replace(/[^\t]/g, ' '));
}

/** Relationship options of box 4/5 and their record fields. */
export const RELATIONSHIP_OPTIONS: { field: 'isDirector' | 'isTenPercentOwner' | 'isOfficer' | 'isOther'; re: RegExp }[] = [
  { field: 'isDirector', re: new RegExp(`\\b${fuzzyWord('Director')}\\b`, 'gi') },
  { field: 'isTenPercentOwner', re: /\b10\s*%\s*Owner\b|\bTen\s+Percent\s+Owner\b/gi },
  { field: 'isOfficer', re: new RegExp(`\\b${fuzzyWord('Officer')}\\b`, 'gi') },
  { field: 'isOther', re: /\bOther\b/gi },
];

/**
 * A check mark written before an option: X, x, ☒, [X], (X), X. — the text right before it. OCR
 * reads the printed mark with the rule under its box ("X__", "X_—") or twice in two cases ("xX").
 */
export const CHECK_BEFORE_RE = /(?:^|[\s\t(\[])(?:X|x|xX|Xx|☒|✓|✔|\[\s*[Xx]\s*\]|\(\s*[Xx]\s*\))(?:\.|_{1,3}[—–]?)?\s*$/;
