import { anyPhrase, escapeRegExp, firstWords, fuzzyPhrase, fuzzyWord, lastWord, lastWordFuzzy, phrasePattern, ROMAN_STROKE } from '../vocabulary/patterns';
import type { PLine } from './prepare';
import { FactsMemo } from '../text/memo';
import { PRINTED_WORDS } from '../vocabulary/words';
import {
  COLUMN_HEADER_WORDS,
  FILING_SIGNALS,
  FIRST_COLUMN_TITLES,
  LONE_COLUMN_CAPTIONS,
  NOTICE_MARKERS,
  OMB_NUMBERS,
  POWER_OF_ATTORNEY,
  RELATIONSHIP_WORDING,
  SECTION_HEADINGS,
  STATEMENT_HEADINGS,
  STATEMENT_OPENING_WORDS,
  SUB_COLUMN_CAPTIONS,
  TABLE_HEADINGS,
  type FormNumber,
} from '../vocabulary/wording';

/**
 * The printed words of Forms 3, 4 and 5 that the parser navigates by: section headings, box
 * labels, boilerplate, and the column-header fragments converters glue into value cells.
 * Every pattern is tolerant of the damage seen in practice (missing box numbers, OCR'd letters,
 * words split across cells) and free of nested quantifiers, so matching stays linear. The
 * words come from the one table of the forms' wording (vocabulary/wording.ts), their patterns
 * from vocabulary/patterns.ts.
 */


/** Letters that start or end a printed word: what a narrow cell or OCR left of a cut word ("(Mon" / "th/Day/Year)", "Acqui"). */
const printedPart = (w: string): boolean => {
  if (w.length < 2 || !/^\p{L}+$/u.test(w)) return false;
  for (const p of PRINTED_WORDS) if (p.length > w.length && (p.startsWith(w) || p.endsWith(w))) return true;
  return false;
};

/**
 * Whether a text holds nothing but the forms' printed words (or pieces of them cut by a narrow
 * cell), box and column numbers and punctuation: no value of a filer's.
 */
export function onlyPrintedWords(text: string): boolean {
  for (const w of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    // Check marks ("X", "xX") and box or column numbers ("3", "2A") are printed or marked, not written.
    if (PRINTED_WORDS.has(w) || /^x{1,2}$/.test(w) || /^\d{1,2}[a-z]?$/.test(w) || printedPart(w)) continue;
    return false;
  }
  return true;
}

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

/**
 * The statement heading that names the form, by the opening words that tell the headings apart;
 * group 1 is Form 3's, group 2 Form 5's, group 3 Form 4's (which Form 5's contains).
 */
export const STATEMENT_RE = new RegExp(
  (['3', '5', '4'] as const).map((f) => `(${phrasePattern(firstWords(STATEMENT_HEADINGS[f], STATEMENT_OPENING_WORDS[f]))})`).join('|'),
  'i',
);

/** OMB numbers print the form too; group 1 is the number's second part. */
export const OMB_RE = (() => {
  const parts = Object.values(OMB_NUMBERS).map((n) => n.split('-'));
  return new RegExp(`${parts[0][0]}\\s*-\\s*(${parts.map((p) => p[1]).join('|')})`);
})();

/** The form whose OMB number group 1 of {@link OMB_RE} holds. */
export function formOfOmbNumber(second: string): FormNumber {
  return (Object.keys(OMB_NUMBERS) as FormNumber[]).find((f) => OMB_NUMBERS[f].endsWith(`-${second}`)) ?? '4';
}

/**
 * Lines that say a text is a filing when its title was lost: a box label, a table heading, the
 * footnotes' heading, a column label. A phrase ending in a short word ("Table I") ends at a word's end.
 */
export const FILING_SIGNAL_RE = new RegExp(
  FILING_SIGNALS.map((p) => phrasePattern(p) + (/\b\w{1,2}$/.test(p) ? '\\b' : '')).join('|'),
  'i',
);

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

/** The heading of the footnotes, "Explanation of Responses" (OCR-tolerant, loose: a word may be cut by a gap). */
export const EXPLANATION_RE = new RegExp(fuzzyPhrase(SECTION_HEADINGS.explanation, true), 'i');

/** The remarks heading, "Remarks:" (OCR-tolerant, loose: the word may be cut by a gap). */
export const REMARKS_RE = new RegExp(`^\\s*${fuzzyWord(SECTION_HEADINGS.remarks, true)}\\s*:`, 'i');

const [NON, DERIVATIVE, SECURITIES] = TABLE_HEADINGS.nonDerivative.split(/[\s-]+/);
/** "Table" and one stroke however OCR read it ("Table |", "Table 1"): see ROMAN_STROKE. */
const TABLE_WORD = TABLE_HEADINGS.tableI.split(' ')[0]!;
const TABLE_I_OCR = `${TABLE_WORD}\\s+${ROMAN_STROKE}`;
/** "Reporting Owner Name / Address": the heading of the older renderings' owners table. */
const [OWNER_A, OWNER_B, OWNER_NAME, , OWNER_ADDRESS] = SECTION_HEADINGS.reportingOwnerAddress.split(/\s+/);
/** "Power of Attorney", its last word with the "tt" OCR and typists may write single. */
const POWER_HEADING = `${phrasePattern(firstWords(POWER_OF_ATTORNEY.heading, 2))}\\s+${escapeRegExp(lastWord(POWER_OF_ATTORNEY.heading)).replace(/tt/i, 't+')}`;
const [KNOW, ALL, ...PRESENTS] = POWER_OF_ATTORNEY.opening.split(/\s+/);

/** Headings that start a section. Tested against the masked line; order matters (II before I). */
const SECTION_PATTERNS: SectionPattern[] = [
  // Two strokes after "Table", however OCR read them ("Table Il", "Table 11"), then the end of the numeral.
  { kind: 'tableII', re: new RegExp(`\\b${TABLE_WORD}\\s+${ROMAN_STROKE}${ROMAN_STROKE}(?![A-Za-z0-9])`, 'i'), hints: ['table'] },
  { kind: 'tableII', re: new RegExp(`(^|\\s)1\\.?\\s*${lastWordFuzzy(firstWords(FIRST_COLUMN_TITLES.derivative, 3))}\\b`, 'i'), hints: ['title'] },
  {
    kind: 'tableI',
    re: new RegExp(
      `${TABLE_I_OCR}\\s*[-–—:.]|${TABLE_I_OCR}\\s+${NON}|\\b${NON}\\s*-\\s*${fuzzyWord(DERIVATIVE)}\\s+${fuzzyWord(SECURITIES)}\\s+(${TABLE_HEADINGS.acquired}|${TABLE_HEADINGS.beneficially})`,
      'i',
    ),
    hints: ['table', 'non'],
  },
  { kind: 'tableI', re: new RegExp(`(^|\\s)1\\.?\\s*${lastWordFuzzy(FIRST_COLUMN_TITLES.nonDerivative)}\\b`, 'i'), hints: ['title'] },
  {
    kind: 'owners',
    // Loose: OCR cuts a heading word with a gap ("Rep  orting Owner Name / Address").
    re: new RegExp(`^\\s*${fuzzyPhrase(SECTION_HEADINGS.reportingOwners, true)}\\s*(?::\\s*)?$|${fuzzyPhrase(`${OWNER_A} ${OWNER_B}`, true)}\\s+${OWNER_NAME}\\s*\\/\\s*${fuzzyWord(OWNER_ADDRESS)}`, 'i'),
    hints: ['own', 'rep'],
  },
  { kind: 'explanation', re: EXPLANATION_RE, hints: ['expl', 'resp', 'ation of', 'onses'] },
  { kind: 'signatures', re: new RegExp(`^\\s*${fuzzyWord(SECTION_HEADINGS.signatures.replace(/s$/, ''))}s?\\s*(?::\\s*)?$`, 'i'), hints: ['sig', 'nat', 'ure'] },
  { kind: 'remarks', re: REMARKS_RE, hints: ['rem', 'ark', 'mar'] },
  // A power of attorney after the form: its heading line, or its opening words.
  {
    kind: 'trailer',
    re: new RegExp(
      `^\\W*(?:${POWER_OF_ATTORNEY.kinds.map((k) => `${k}\\s+`).join('|')})?${POWER_HEADING}\\b.{0,60}$|${KNOW}\\s+${ALL}\\s+(${POWER_OF_ATTORNEY.addressees.map((a) => `${a}\\s+`).join('|')})?${phrasePattern(PRESENTS.join(' '))}`,
      'i',
    ),
    hints: ['power', 'presents'],
  },
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
export const CLOSING_NOTICE_PHRASES = anyPhrase(NOTICE_MARKERS.closing);

/** A notice first on its line, after the asterisks that refer to it. */
const lineStart = (phrase: string): string => `^\\s*(?:\\*{1,2}\\s*)?${phrasePattern(phrase)}`;

/**
 * Each notice also by a second phrase of short words, for when OCR damaged the first one
 * ("If the form is fi led by more than one reporting person"): the notices end footnotes.
 */
const NOTICE_PHRASES = [
  anyPhrase(NOTICE_MARKERS.other),
  ...NOTICE_MARKERS.lastWordBroken.map((p) => {
    const head = firstWords(p, p.trim().split(/\s+/).length - 1);
    return `${(NOTICE_MARKERS.lineStarts as readonly string[]).includes(p) ? lineStart(head) : phrasePattern(head)}\\s+\\S`;
  }),
  CLOSING_NOTICE_PHRASES,
].join('|');

/**
 * Printed instructions and notices that are never data: they end footnote and remarks
 * sections and are never table rows. Besides the wording: the form's number and edition
 * ("SEC 1474 (9-02)"), and OCR's "fine" for "line".
 */
export const BOILERPLATE_RE = new RegExp(
  [
    anyPhrase(NOTICE_MARKERS.instructions),
    ...NOTICE_MARKERS.lineStarts.map(lineStart),
    String.raw`SEC\s*\d{3,4}\s*\(|\(\s*\d{1,2}\s*-\s*\d{2}\s*\)|separate\s+(line|fine)\s+for`,
    NOTICE_PHRASES,
  ].join('|'),
  'i',
);

/** Whether a line is printed instructions or a notice. */
export function isBoilerplate(line: PLine): boolean {
  const f = vocabularyFacts.get(line.facts, () => ({}));
  return (f.boilerplate ??= BOILERPLATE_RE.test(line.masked));
}

/** Column-header vocabulary: a line rich in these words (and without dates) is a header line. */
const HEADER_WORD_RE = new RegExp(`\\b(${COLUMN_HEADER_WORDS.join('|')})\\b`, 'gi');

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
const AMOUNT_OR_NUMBER = fuzzyPhrase(SUB_COLUMN_CAPTIONS.amountOrNumber);
const NUMBER_OF_SHARES = fuzzyPhrase(SUB_COLUMN_CAPTIONS.numberOfShares);
/** OCR cuts a long caption word with a gap ("Date Exerci  sable"): loose, since the caption is glued into value cells. */
const DATE_EXERCISABLE = fuzzyPhrase(SUB_COLUMN_CAPTIONS.dateExercisable, true);
const EXPIRATION_DATE = fuzzyPhrase(SUB_COLUMN_CAPTIONS.expirationDate, true);
/**
 * Captions alone in a cell: "Code" and "Title" as printed (a letter off, they are words of
 * security titles and names), the others OCR-tolerant.
 */
const LONE_CAPTIONS = LONE_COLUMN_CAPTIONS.map((w) => (w === 'Code' || w === 'Title' ? w : fuzzyWord(w))).join('|');
export const GLUED_HEADER_RE = new RegExp(
  [
    '\\(Instr\\.?(?:\\s*(?:\\d{1,2}[A-Za-z]?|and|,))*\\s*\\)?',
    '\\b\\d\\s+and\\s+\\d\\s*\\)',
    '\\(Month\\s*\\/\\s*Day\\s*\\/\\s*Y[a-z]*\\)',
    `\\b${AMOUNT_OR_NUMBER}\\b`,
    `\\b${NUMBER_OF_SHARES}\\b`,
    `\\b${DATE_EXERCISABLE}\\b`,
    `\\b${EXPIRATION_DATE}\\b`,
    phrasePattern(SUB_COLUMN_CAPTIONS.acquiredOrDisposed),
    // At a line start, or after a tab, then spaces only: a tab run must not be re-scanned from every tab.
    `(?:^\\s*|\\t[^\\S\\t]*)(?:${AMOUNT_OR_NUMBER}|${NUMBER_OF_SHARES}|${DATE_EXERCISABLE}|${EXPIRATION_DATE}|${LONE_CAPTIONS})(?=\\s|\\t|$)`,
    // "Title" is the sub-column after "Expiration Date": the two captions run together when the
    // gap between their cells is one space. Followed by the next caption, it is the heading line.
    `(?<=${EXPIRATION_DATE}\\s)Title(?=\\s+(?!(?:${LONE_CAPTIONS})\\b)\\S)`,
  ].join('|'),
  'gi',
);

/** Blanks glued header fragments in a masked line (same length). */
export function blankGluedHeaders(masked: string): string {
  return masked.replace(GLUED_HEADER_RE, (m) => m.replace(/[^\t]/g, ' '));
}

/** Relationship options of box 4/5 and their record fields. */
export const RELATIONSHIP_OPTIONS: { field: 'isDirector' | 'isTenPercentOwner' | 'isOfficer' | 'isOther'; re: RegExp }[] = [
  { field: 'isDirector', re: new RegExp(`\\b${fuzzyWord(RELATIONSHIP_WORDING.director)}\\b`, 'gi') },
  {
    field: 'isTenPercentOwner',
    re: new RegExp(`\\b${phrasePattern(RELATIONSHIP_WORDING.tenPercentOwner).replace('%\\s+', '\\s*%\\s*')}\\b|\\b${phrasePattern(RELATIONSHIP_WORDING.tenPercentOwnerSpelled)}\\b`, 'gi'),
  },
  { field: 'isOfficer', re: new RegExp(`\\b${fuzzyWord(RELATIONSHIP_WORDING.officer)}\\b`, 'gi') },
  { field: 'isOther', re: new RegExp(`\\b${RELATIONSHIP_WORDING.other}\\b`, 'gi') },
];

/**
 * A check mark written before an option: X, x, ☒, [X], (X), X. — the text right before it. OCR
 * reads the printed mark with the rule under its box ("X__", "X_—", "X.—"; "X —" once the
 * underscores are masked) or twice in two cases ("xX").
 */
export const CHECK_BEFORE_RE = /(?:^|[\s\t(\[])(?:X|x|xX|Xx|☒|✓|✔|\[\s*[Xx]\s*\]|\(\s*[Xx]\s*\))(?:\.|[._]{1,3}[—–]?|\s[—–])?\s*$/;
