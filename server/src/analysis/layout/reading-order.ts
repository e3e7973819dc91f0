/**
 * Reading-order text: `pdftotext` without `-layout` (and tools like it) writes a printed form's
 * text block by block, one cell per line: box labels and the values in them come apart, other
 * boxes' text between them, and a table's cells follow each other one per line, row after row.
 *
 * This reader puts such a filing back together by the form's printed structure and hands the form
 * readers the layout they read best: each header box as its label line then its value, each table
 * row as one line of tab-separated cells, the signature as `name<TAB>date` above its caption.
 *
 * What it relies on (how the form is printed, not one filing's text):
 * * header values by their kind: the issuer is the value with `[ TICKER ]`; the owner's name is
 *   the value printed right above a name caption (`(Last)`, `(First)`, `(Middle)`); street lines
 *   come before the `(Street)` caption and city, state and zip after it; a lone date belongs to the
 *   box whose label was printed last before it (the amendment's box or the period's);
 * * a check mark beside its option's text (`X below)`, `X` then `Form filed by ...`) is that
 *   option's; a lone mark moved away from its box goes by the option texts read before and after
 *   it (`placeMarks`);
 * * Table I by its column grammar (`readRowsByGrammar`): each row's values keep the columns'
 *   order and each column keeps the rows' order, whether the text goes row by row, column by
 *   column or a mix; Table II's values: a new row starts at a security title (text where the
 *   row's title, underlying title or nature cannot stand); values read before the first title are
 *   the first row's last cells (the reading order takes a row's lower cells first).
 *
 * The header is written from the filing's first line; table rows and the footer at the lines their
 * text came from (in order), so their ranges stay near their source; the filing keeps its line
 * count.
 */

import { findFurniture } from './pages';
import {
  ADDRESS_CAPTIONS,
  BOX_LABEL_KEY,
  BOX_LABEL_PARTS,
  BOX_ORDER,
  CHECK_BOX_WORDING,
  HEADER_LINE_PIECES,
  JOINT_FILING_WORDING,
  LABEL_PATTERNS,
  PERIOD_BOX_LABELS,
  RELATIONSHIP_WORDING,
  SECTION_HEADINGS,
  SIGNATURE_CAPTION,
  STATEMENT_HEADINGS,
  SUB_COLUMN_CAPTIONS,
  TABLE_HEADINGS,
  type BoxKey,
  type FormNumber,
} from '../vocabulary/wording';
import { anyPhrase, CELL_EDGES, firstWords, phrasePattern, wordsOf } from '../vocabulary/patterns';

// ---------------------------------------------------------------------------------------------
// Vocabulary of the printed form: every pattern below is built from the wording table.

/**
 * A printed phrase as a pattern in text read one cell a line: a comma, colon or period optional,
 * since the reading order keeps or drops them as a cell's edge falls.
 */
const printed = (phrase: string): string => phrasePattern(phrase, CELL_EDGES);

const anyOf = (phrases: readonly string[]): string => anyPhrase(phrases, CELL_EDGES);

const CAPTIONS = Object.values(ADDRESS_CAPTIONS);
const NAME_CAPTIONS = [ADDRESS_CAPTIONS.last, ADDRESS_CAPTIONS.first, ADDRESS_CAPTIONS.middle];
const caption = (c: string) => `(${c})`;
const NAME_CAPTION_LINE = NAME_CAPTIONS.map(caption).join(' ');
const STREET_CAPTION_LINE = caption(ADDRESS_CAPTIONS.street);
const CITY_CAPTION_LINE = [ADDRESS_CAPTIONS.city, ADDRESS_CAPTIONS.state, ADDRESS_CAPTIONS.zip].map(caption).join(' ');

const CAPTION_RE = new RegExp(`^\\s*\\((${anyOf(CAPTIONS)})\\)\\s*$`, 'i');
const GLUED_CAPTION_RE = new RegExp(`^\\s*(\\S.*?)\\s+\\((${anyOf(CAPTIONS)})\\)\\s*$`, 'i');
const NAME_CAPTION_RE = new RegExp(`^\\s*\\((?:${anyOf(NAME_CAPTIONS)})\\)\\s*$`, 'i');

/**
 * Whether lines hold the name captions one a line: every other layout keeps `(Last) (First)
 * (Middle)` on one line (one cell), the reading order writes each caption apart.
 */
export function isReadingOrder(lines: readonly string[]): boolean {
  let captions = 0;
  let names = 0;
  const limit = Math.min(lines.length, 400);
  for (let i = 0; i < limit; i++) {
    const l = lines[i];
    if (l.includes('\t') || l.includes('|')) return false;
    if (l.length < 12 && CAPTION_RE.test(l)) {
      captions++;
      if (NAME_CAPTION_RE.test(l)) names++;
    }
  }
  return captions >= 4 && names >= 2;
}

/** The header boxes' labels, whose first words open a numbered label line ("3. Date of ..."). */
const BOX_OPENINGS = [
  BOX_LABEL_PARTS.nameAndAddress,
  BOX_LABEL_PARTS.issuerAndTicker,
  BOX_LABEL_PARTS.earliestTransaction,
  BOX_LABEL_PARTS.eventRequiringStatement,
  BOX_LABEL_PARTS.ifAmendment,
  BOX_LABEL_PARTS.relationship,
  BOX_LABEL_PARTS.individualOr,
  BOX_LABEL_PARTS.statementFor,
];

/** Printed header text (labels, captions, options, notices) of Forms 3, 4 and 5. */
const HEADER_PRINTED_RE = new RegExp(
  [
    String.raw`^(?:SEC\s+)?FORM\s+[345](?:\s*\/\s*A)?$`,
    // The approval block's numbers: the OMB number, its expiry date, the hours of burden.
    String.raw`^3235-?\d{4}$|^\d{8}$|^0\.5$|^\d{1,2}\.\d$`,
    String.raw`^\d\.\s+(?:${BOX_OPENINGS.map((p) => printed(firstWords(p, 1))).join('|')})`,
    String.raw`^\*+$`,
    anyOf(HEADER_LINE_PIECES.within),
    `^(?:${anyOf(HEADER_LINE_PIECES.whole)})$`,
    `^(?:${anyOf(HEADER_LINE_PIECES.opening)})`,
    `(?:${anyOf(HEADER_LINE_PIECES.closing)})$`,
  ].join('|'),
  'i',
);

const OWNER_BOX_RE = new RegExp(String.raw`^\s*1\.\s*${printed(firstWords(BOX_LABEL_PARTS.nameAndAddress, 5))}`, 'i');

/** A numbered box label: the number, then the label's first two words, which tell the boxes apart. */
const BOX_LABEL_RE = new RegExp(String.raw`^\s*(\d)\.\s+(${BOX_OPENINGS.map((p) => printed(firstWords(p, 2))).join('|')})`, 'i');
const AMENDMENT_LABEL_RE = new RegExp(printed(BOX_LABEL_PARTS.ifAmendment), 'i');
const DATE_BOX_LABEL_RE = new RegExp(
  [BOX_LABEL_PARTS.earliestTransaction, BOX_LABEL_PARTS.eventRequiringStatement, BOX_LABEL_PARTS.statementFor].map((p) => printed(firstWords(p, 2))).join('|'),
  'i',
);

const R = RELATIONSHIP_WORDING;
const J = JOINT_FILING_WORDING;
/** The relationship options' first lines ("Officer (give", "Other (specify") and their captions' last line ("below)"). */
const OFFICER_OPTION_RE = new RegExp(`^${printed(`${R.officer} (${firstWords(R.officerCaption, 1)}`)}`, 'i');
const OTHER_OPTION_RE = new RegExp(`^${printed(`${R.other} (${firstWords(R.otherCaption, 1)}`)}`, 'i');
const BELOW = `${wordsOf(R.officerCaption, -1)})`;
const BELOW_LINE_RE = new RegExp(`^${printed(BELOW)}$`, 'i');
const BELOW_END_RE = new RegExp(`${printed(BELOW)}$`, 'i');
const DIRECTOR_LINE_RE = new RegExp(`^(?:X\\s+)?${printed(R.director)}$`, 'i');
const TEN_PERCENT_LINE_RE = new RegExp(`^(?:X\\s+)?${printed(R.tenPercentOwner)}$`, 'i');
/** The joint-filing options: "Form filed by One Reporting Person", "... More than One ...". */
const JOINT_ONE_RE = new RegExp(`${printed(firstWords(J.one, 4))}|^${printed(wordsOf(J.one, 1, 4))}`, 'i');
const JOINT_MORE_RE = new RegExp(printed(firstWords(J.moreThanOne, 3)), 'i');
const JOINT_OPTION_RE = new RegExp(`^${printed(firstWords(J.one, 1))}`, 'i');
const JOINT_OPTION_START_RE = new RegExp(`^\\s*${printed(firstWords(J.one, 3))}`, 'i');
/** Which joint-filing option a line names: group 1 is set for the one-person option. */
const JOINT_WHICH_RE = new RegExp(`${printed(wordsOf(J.one, 1, 3))}\\s+(?:(${printed(wordsOf(J.one, 3, 4))})|${printed(firstWords(J.moreThanOne, 1))})`, 'i');
const JOINT_PERSON_WORDS = [wordsOf(J.one, -2, -1), wordsOf(J.one, -1)];
const JOINT_LABEL_RE = new RegExp(`^\\d\\.\\s+${printed(firstWords(BOX_LABEL_PARTS.individualOr, 1))}`, 'i');
const STREET_CAPTION_RE = new RegExp(ADDRESS_CAPTIONS.street, 'i');
/** The exit box's text, known by its first words up to "no longer". */
const EXIT_BOX_RE = new RegExp(`^${printed(firstWords(CHECK_BOX_WORDING.exit, 7))}`, 'i');
/** The Rule 10b5-1 box's text: "a transaction was made pursuant ..." or the rule's name. */
const PLAN_BOX_WORDS = wordsOf(CHECK_BOX_WORDING.plan, 7, 11);
const PLAN_RULE = CHECK_BOX_WORDING.planRule;

/** A heading word without its parentheses and trailing punctuation ("(Instr." is "Instr"). */
const bareWord = (word: string): string => word.replace(/\(s\)/i, '').replace(/^[(]+|[),:;.]+$/g, '');

/**
 * Words printed in the tables' column headings and table headings (lower case, bare): every
 * column label's printed texts and the sub-column captions. Words of
 * one letter or only digits are not among them: a lone "D" or "4" is a value.
 */
const COLUMN_WORDS: ReadonlySet<string> = new Set(
  [
    ...Object.entries(LABEL_PATTERNS)
      .filter(([key]) => key.startsWith('col.') || key === 'table1' || key === 'table2')
      .flatMap(([, texts]) => texts),
    ...Object.values(SUB_COLUMN_CAPTIONS),
  ]
    .flatMap((text) => text.split(/\s+/))
    .map((w) => bareWord(w).toLowerCase())
    .filter((w) => w.length > 1 && !/^\d+$/.test(w)),
);

/** Words of Table II's examples as printed ("options," with its comma: a lone "Options" is a title's). */
const EXAMPLE_WORDS: ReadonlySet<string> = new Set(TABLE_HEADINGS.derivativeExamples.toLowerCase().split(/\s+/));

/** Column numbers ("3.", "4A.", "8)"), instruction numbers ("3,"), the code column's "V", the "(A)" / "(D)" / "(I)" captions, a dash. */
const COLUMN_MARK_RE = /^(?:\d{1,2}[A-Z]?\.|\d\)|\d,?|V|\(A\)|\(D\)|\(I\)|-)$/i;

function isColumnHeading(line: string): boolean {
  const words = line.trim().split(/\s+/);
  if (!words.length || words[0] === '') return false;
  // A lone number is a value ("0", "5,381"), a column number keeps its "." or ")".
  if (/^\d[\d,.]*$/.test(line.trim()) && !/^\d{1,2}\.$/.test(line.trim())) return false;
  for (const word of words) {
    // A footnote reference is a value ("(1)"), a column number is not ("3.", "8)").
    if (/^\(\d{1,2}\)$/.test(word)) return false;
    const w = word.replace(/\(s\)/i, '');
    const bare = bareWord(w);
    if (!(COLUMN_MARK_RE.test(w) || COLUMN_MARK_RE.test(bare) || EXAMPLE_WORDS.has(w.toLowerCase()) || COLUMN_WORDS.has(bare.toLowerCase()) || bare === '')) return false;
  }
  return true;
}

const TABLE_I_RE = new RegExp(String.raw`^\s*${printed(TABLE_HEADINGS.tableI)}\s*[-–—]`, 'i');
const TABLE_II_RE = new RegExp(String.raw`^\s*${printed(TABLE_HEADINGS.tableII)}\s*[-–—]`, 'i');
const FOOTER_RE = new RegExp(
  String.raw`^\s*(?:${printed(SECTION_HEADINGS.explanation)}|${printed(SECTION_HEADINGS.remarks)}\s*:|${printed(SECTION_HEADINGS.reportingOwners)}\s*$)`,
  'i',
);
const SIGNATURE_CAPTION_RE = new RegExp(printed(firstWords(SIGNATURE_CAPTION, 3)), 'i');
/** The caption under a signature line as the header reader reads it, the date's caption beside it. */
const SIGNATURE_CAPTION_LINE = `${LABEL_PATTERNS.signature[0]}\tDate`;
/** A date ending a line, and what stands right before it (a space, or the word it was glued to). */
const GLUED_DATE_RE = /(^|\s|[A-Za-z])(\d{1,2}\/\d{1,2}\/\d{4})\s*$/;
/** The longest line of a signature cell (a name and its date read onto one line); remarks run longer. */
const SIGNATURE_WIDTH = 80;
/** How many lines a signature without `/s/` may take above its caption. */
const SIGNATURE_BARE_LINES = 6;
/** How far above its caption a signature block reaches (several signers, each wrapped narrow). */
const SIGNATURE_LINES = 60;

const DATE_RE = /^\s*\d{1,2}\/\d{1,2}\/\d{4}\s*$/;
const ISSUER_RE = /^\s*(.*?)\s*\[\s*([^\]]*?)\s*\]\s*$/;
const MARK_RE = /^\s*[Xx☒✓✔]\s*$/;
const MARK_WITH_TEXT_RE = /^\s*[Xx]\s+(\S.*)$/;
const ZIP_RE = /^\s*(\d{5}(?:-\d{4})?|[A-Z]\d[A-Z]\s?\d[A-Z]\d|[A-Z0-9]{3,10})\s*$/;
const STATE_RE = /^\s*([A-Z][A-Z0-9])\s*$/;
/** A street's line, never a city's: it has a number or names whom the mail goes in care of. */
const STREET_LINE_RE = /\d|^\s*C\/O\b|^\s*P\.?\s*O\.?\s+BOX\b/i;
/** A city and its state's two letters on one line ("NEW YORK NY"). */
const CITY_STATE_RE = /^\s*[A-Za-z][A-Za-z .'-]*[A-Za-z.]\s+[A-Z]{2}\s*$/;
/** Characters of a street cell's printed line (EDGAR's page at a browser's default print width). */
const STREET_WIDTH = 33;

/** A job title in the relationship box (officer title or other text), never an address. */
const JOB_TITLE_RE =
  /\b(?:Chief|Officer|President|Secretary|Treasurer|Counsel|CEO|CFO|COO|CTO|CAO|EVP|SVP|VP|Vice|Chair(?:man|woman|person)?|Partner|Controller|Founder|Executive|Remarks|Group|Member|GC)\b/i;

// ---------------------------------------------------------------------------------------------
// Header.

/** A line's text and where it stands (in the header: its index among the header's lines). */
interface Value {
  text: string;
  line: number;
  /** Table II's sub-column an amount was read under: `(A)` acquired or `(D)` disposed. */
  mark?: 'A' | 'D';
  /** Read between the lines of a wrapped text cell (a date printed beside them). */
  within?: boolean;
  /** Read after a column heading that followed the value before: the reading order left that value's block. */
  apart?: boolean;
}

interface Header {
  form: '3' | '4' | '5';
  title: Value | null;
  statement: Value | null;
  exitBox: Value | null;
  /** The Rule 10b5-1(c) box (Forms 4 and 5 since 2023): where its caption was printed, and whether a mark stood at it. */
  plan: { line: number; checked: boolean } | null;
  name: Value | null;
  streets: Value[];
  city: Value | null;
  state: Value | null;
  zip: Value | null;
  issuer: Value | null;
  period: Value | null;
  amendment: Value | null;
  relationship: { field: 'director' | 'tenPercent' | 'officer' | 'other'; line: number }[];
  jobTitle: Value[];
  joint: 'one' | 'more' | null;
}

function readHeader(source: readonly string[], from: number, to: number, form: '3' | '4' | '5', streetWidth = STREET_WIDTH): Header {
  // A caption printed on its value's line ("DOE JANE (Last)") is read as the value, then the caption.
  const lines: string[] = [];
  for (let i = from; i < to; i++) {
    const m = GLUED_CAPTION_RE.exec(source[i]);
    if (m) lines.push(m[1], `(${m[2]})`);
    // The issuer's cell wrapped inside its ticker's brackets ("... INC / MA [" / "VRTX ]").
    else if (/\[[^\]]*$/.test(source[i]) && i + 1 < to && /^[^[]*\]\s*$/.test(source[i + 1])) lines.push(`${source[i].trimEnd()} ${source[++i].trim()}`, '');
    else lines.push(source[i]);
  }
  from = 0;
  to = lines.length;
  const h: Header = { form, title: null, statement: null, exitBox: null, plan: null, name: null, streets: [], city: null, state: null, zip: null, issuer: null, period: null, amendment: null, relationship: [], jobTitle: [], joint: null };
  const at = (i: number) => lines[i].trim();
  let lastBox = 0;
  let streetCaption = -1;
  let cityBefore: Value | null = null;
  let pastStreetParts: Value[] = [];
  const addressParts: Value[] = [];
  // The options of the relationship box in the order their first lines were printed, for the
  // second lines ("below)") that a mark may share.
  const belowOwners: ('officer' | 'other')[] = [];
  let belowSeen = 0;
  let lastJointOption: 'one' | 'more' | null = null;
  const dates: { v: Value; amendmentBox: boolean }[] = [];
  let prevAddress: Value | null = null;
  // Lone marks, and where the relationship options' and other boxes' texts were printed.
  const marks: LoneMark[] = [];
  const labels = { director: -1, tenPercent: -1, officer: -1, joint: -1, plan: -1 };
  for (let i = from; i < to; i++) {
    const t = at(i);
    if (t === '') continue;
    if (!h.title && /^(?:SEC\s+)?FORM\s+[345]/i.test(t) && !/^SEC/i.test(t)) h.title = { text: t, line: i };
    if (!h.statement && /STATEMENT\s+OF/i.test(t)) h.statement = { text: t, line: i };
    const box = BOX_LABEL_RE.exec(t);
    if (box) lastBox = AMENDMENT_LABEL_RE.test(box[2]) ? -1 : DATE_BOX_LABEL_RE.test(box[2]) ? 2 : Number(box[1]);
    if (OFFICER_OPTION_RE.test(t)) belowOwners.push('officer');
    if (OTHER_OPTION_RE.test(t)) belowOwners.push('other');
    if (JOINT_ONE_RE.test(t)) lastJointOption = 'one';
    else if (JOINT_MORE_RE.test(t)) lastJointOption = 'more';
    if (CAPTION_RE.test(t)) {
      if (STREET_CAPTION_RE.test(t)) streetCaption = i;
      continue;
    }
    // A mark beside an option's text keeps its box.
    const withText = MARK_WITH_TEXT_RE.exec(t);
    if (withText) {
      const rest = withText[1];
      if (BELOW_LINE_RE.test(rest) && belowSeen < belowOwners.length) h.relationship.push({ field: belowOwners[belowSeen], line: i });
      else if (DIRECTOR_LINE_RE.test(rest)) h.relationship.push({ field: 'director', line: i });
      else if (TEN_PERCENT_LINE_RE.test(rest)) h.relationship.push({ field: 'tenPercent', line: i });
      else if (JOINT_OPTION_RE.test(rest)) {
        const m = JOINT_WHICH_RE.exec(rest);
        h.joint = m ? (m[1] ? 'one' : 'more') : lastJointOption;
      }
      if (BELOW_END_RE.test(rest)) belowSeen++;
      continue;
    }
    if (BELOW_LINE_RE.test(t)) belowSeen++;
    if (MARK_RE.test(t)) {
      const next = nextNonBlank(lines, i + 1, to);
      const which = next >= 0 ? JOINT_WHICH_RE.exec(lines[next]) : null;
      if (which && JOINT_OPTION_START_RE.test(lines[next])) h.joint = which[1] ? 'one' : 'more';
      else marks.push({ line: i, afterOptions: lastJointOption !== null && JOINT_OPTION_END_RE.test(lines[prevNonBlank(lines, i - 1, from)] ?? '') });
      continue;
    }
    if (DIRECTOR_LINE_RE.test(t) && labels.director < 0) labels.director = i;
    if (TEN_PERCENT_LINE_RE.test(t) && labels.tenPercent < 0) labels.tenPercent = i;
    if (OFFICER_OPTION_RE.test(t) && labels.officer < 0) labels.officer = i;
    if (JOINT_LABEL_RE.test(t) && labels.joint < 0) labels.joint = i;
    if (PLAN_BOX_RE.test(t) && labels.plan < 0) labels.plan = i;
    if (EXIT_BOX_RE.test(t)) h.exitBox = { text: t, line: i };
    if (HEADER_PRINTED_RE.test(t) || BOX_LABEL_RE.test(t)) continue;
    // A value.
    const v = { text: t, line: i };
    if (DATE_RE.test(t)) {
      dates.push({ v, amendmentBox: lastBox === -1 });
      continue;
    }
    if (!h.issuer && ISSUER_RE.test(t)) {
      h.issuer = v;
      continue;
    }
    const next = nextNonBlank(lines, i + 1, to);
    if (!h.name && next >= 0 && NAME_CAPTION_RE.test(lines[next])) {
      // The name's cell wrapped ("BERKSHIRE HATHAWAY" / "INC" / "(Last)"): its first line is the
      // value read right before, in the same block, that no box took.
      const before = addressParts[addressParts.length - 1];
      if (streetCaption < 0 && before && before.line === i - 1 && !/\d/.test(before.text)) {
        addressParts.pop();
        if (prevAddress === before) prevAddress = null;
        h.name = { text: `${before.text} ${t}`, line: before.line };
      } else h.name = v;
      continue;
    }
    if (!/\d/.test(t) && JOB_TITLE_RE.test(t)) {
      h.jobTitle.push(v);
      continue;
    }
    // A job title wrapped one word a line ("Chief" / "Technology" / "Officer") reads as one.
    if (!/\d/.test(t) && /^\S+$/.test(t) && next >= 0 && next === i + 1 && JOB_TITLE_RE.test(lines.slice(i, Math.min(to, i + 4)).join(' ')) && !STATE_RE.test(t)) {
      h.jobTitle.push(v);
      continue;
    }
    if (h.jobTitle.length && h.jobTitle[h.jobTitle.length - 1].line === i - 1 && !/\d/.test(t) && /^\S+$/.test(t) && !STATE_RE.test(t)) {
      h.jobTitle.push(v);
      continue;
    }
    // A lone state or zip is known by its kind wherever the reading order put it.
    if (!h.zip && ZIP_RE.test(t) && /^\d/.test(t)) {
      h.zip = v;
      continue;
    }
    if (!h.state && STATE_RE.test(t)) {
      h.state = v;
      continue;
    }
    // A street cell wraps at its printed width: a line that would not have fitted on the one
    // before continues it (one cell may also hold two streets, a line each). A line wider than
    // that width shows the cell is wider: then the break is no wrap, and the lines are two streets.
    if (prevAddress && prevAddress.line === i - 1 && prevAddress.text.length + 1 + t.split(' ')[0].length > streetWidth && t.length <= streetWidth && !/^\d/.test(t)) {
      prevAddress.text += ` ${t}`;
      continue;
    }
    prevAddress = v;
    if (streetCaption < 0) addressParts.push(v);
    else pastStreetParts.push(v);
  }
  placeMarks(h, marks, labels);
  // A city line with its state read among the streets ("NEW YORK NY"): a line after the first
  // street, without a number, ending in a state's two letters, when no state was read alone.
  const cityState = !cityBefore && !h.state ? addressParts.findIndex((v, k) => k > 0 && !STREET_LINE_RE.test(v.text) && CITY_STATE_RE.test(v.text)) : -1;
  if (cityState > 0) cityBefore = addressParts.splice(cityState, 1)[0];
  h.streets = addressParts.slice();
  // One date is the period's (every filing has one); a second is the amendment's when the text
  // put it after that box's label.
  if (dates.length === 1) h.period = dates[0].v;
  else if (dates.length > 1) {
    const amendment = dates.find((d) => d.amendmentBox) ?? dates[dates.length - 1];
    h.amendment = amendment.v;
    h.period = dates.find((d) => d !== amendment)!.v;
  }
  // After the street caption: city (one or more lines), state, zip, by their kind.
  const rest = cityBefore ? [cityBefore, ...pastStreetParts] : pastStreetParts;
  pastStreetParts = [];
  const cityWords: Value[] = [];
  const left: Value[] = [];
  for (const v of rest) {
    if (!h.zip && ZIP_RE.test(v.text) && /\d/.test(v.text)) h.zip = v;
    else if (!h.state && STATE_RE.test(v.text)) h.state = v;
    else left.push(v);
  }
  // Street lines the reading order put after the street caption: a line with a number or a
  // `C/O` is a street's, and so is a line read between two of them; the city is what is left.
  let lastStreet = -1;
  left.forEach((v, k) => {
    if (STREET_LINE_RE.test(v.text)) lastStreet = k;
  });
  const firstStreet = left.findIndex((v) => STREET_LINE_RE.test(v.text));
  for (let k = 0; k < left.length; k++) {
    if (firstStreet >= 0 && k >= firstStreet && k <= lastStreet) h.streets.push(left[k]);
    else cityWords.push(left[k]);
  }
  if (cityWords.length) {
    let city = cityWords.map((v) => v.text).join(' ');
    // "WILLIAMSVILLE NY 14221", "MORRISVILLE NC": state and zip kept on the city's line.
    const m = /^(.*?)\s+([A-Z][A-Z0-9])(?:\s+(\d{5}(?:-\d{4})?))?$/.exec(city);
    if (m && !h.state) {
      city = m[1];
      h.state = { text: m[2], line: cityWords[cityWords.length - 1].line };
      if (m[3] && !h.zip) h.zip = { text: m[3], line: cityWords[cityWords.length - 1].line };
    }
    h.city = { text: city, line: cityWords[0].line };
  }
  return h;
}

interface LoneMark {
  line: number;
  /** Read right after the joint filing options' lines. */
  afterOptions: boolean;
}

/** The last line of the joint filing options, as they wrap. */
const JOINT_OPTION_END_RE = new RegExp(`${printed(JOINT_FILING_WORDING.formFiled)}\\s+by|^\\s*(?:${printed(JOINT_PERSON_WORDS[0])}\\s+)?${printed(JOINT_PERSON_WORDS[1])}\\s*$`, 'i');
/** The Rule 10b5-1 check box's text (printed on Form 4 and 5 since 2023). */
const PLAN_BOX_RE = new RegExp(`${printed(PLAN_BOX_WORDS)}|${printed(PLAN_RULE)}`, 'i');

/**
 * Lone marks to their boxes. The reading order moves a mark away from its option's text but keeps
 * how it stands to the options printed around it:
 * * a mark read before the Rule 10b5-1 box's text is that box's (the last one before it);
 * * the joint filing mark is the one read right after the joint options, else the first after
 *   the joint box's label (a mark read right before an option's line is taken where it is read);
 * * of the relationship marks, in reading order: one read before the Director text is the
 *   director's; one after it but before the 10% Owner text the owner's; one after the Director,
 *   10% Owner and Officer texts the officer's; any other the next box not yet marked, in the
 *   order Director, 10% Owner, Officer, Other (a mark after the Director text is not the
 *   director's).
 */
function placeMarks(h: Header, marks: LoneMark[], labels: { director: number; tenPercent: number; officer: number; joint: number; plan: number }): void {
  let rest = marks.slice();
  if (labels.plan >= 0) {
    const before = rest.filter((m) => m.line < labels.plan);
    if (before.length) rest = rest.filter((m) => m !== before[before.length - 1]);
    // The box is printed: written back with its mark, or without one (an empty box prints nothing).
    h.plan = { line: labels.plan, checked: before.length > 0 };
  }
  if (h.joint === null) {
    const joint = rest.find((m) => m.afterOptions) ?? (labels.joint >= 0 ? rest.find((m) => m.line > labels.joint) : undefined);
    if (joint) {
      // After both options or away from them: the first option (one reporting person) unless
      // the text says otherwise.
      h.joint = 'one';
      rest = rest.filter((m) => m !== joint);
    }
  }
  const order = ['director', 'tenPercent', 'officer', 'other'] as const;
  const taken = new Set<string>(h.relationship.map((r) => r.field));
  const { director: d, tenPercent: t, officer: o } = labels;
  for (const m of rest) {
    const free = (f: (typeof order)[number]) => !taken.has(f);
    let field: (typeof order)[number] | undefined;
    if ((d < 0 || m.line < d) && free('director')) field = 'director';
    else if (d >= 0 && m.line > d && (t < 0 || m.line < t) && free('tenPercent')) field = 'tenPercent';
    else if (d >= 0 && m.line > d && t >= 0 && m.line > t && o >= 0 && m.line > o && free('officer')) field = 'officer';
    else field = order.find((f) => free(f) && !(f === 'director' && d >= 0 && m.line > d));
    if (!field) continue;
    taken.add(field);
    h.relationship.push({ field, line: m.line });
  }
  h.relationship.sort((a, b) => a.line - b.line);
}

function prevNonBlank(lines: readonly string[], from: number, to: number): number {
  for (let i = from; i >= to; i--) if (lines[i].trim() !== '') return i;
  return -1;
}

function nextNonBlank(lines: readonly string[], from: number, to: number): number {
  for (let i = from; i < to; i++) if (lines[i].trim() !== '') return i;
  return -1;
}

/** A header box's label line as the form prints it: its number on that form, then its label. */
function boxLabel(form: FormNumber, box: BoxKey): string {
  const label = box === 'periodOfReport' ? PERIOD_BOX_LABELS[form] : LABEL_PATTERNS[BOX_LABEL_KEY[box]][0];
  return `${BOX_ORDER[form].indexOf(box) + 1}. ${label}`;
}

/** The exit box's text as one line. */
const EXIT_BOX_LINE = `${CHECK_BOX_WORDING.exit}. ${CHECK_BOX_WORDING.exitContinued}. ${CHECK_BOX_WORDING.exitInstruction}.`;

/**
 * Which statement heading a line opens (a title the reading order cut from its form number): the
 * words that tell the headings apart, the more specific first.
 */
const STATEMENT_OPENINGS: [FormNumber, RegExp][] = (
  [
    ['3', 2],
    ['5', 2],
    ['4', 3],
  ] as const
).map(([form, n]) => [form, new RegExp(printed(firstWords(STATEMENT_HEADINGS[form], n)), 'i')]);

/** The header as label and value lines, each with the line its text came from. */
function writeHeader(h: Header, from: number): Value[] {
  const out: Value[] = [];
  const put = (text: string, line: number) => out.push({ text, line });
  const label = (box: BoxKey) => boxLabel(h.form, box);
  put(h.title?.text ?? `FORM ${h.form}`, h.title?.line ?? from);
  if (h.statement) put(h.statement.text, h.statement.line);
  if (h.exitBox && h.form !== '3') put(EXIT_BOX_LINE, h.exitBox.line);
  if (h.plan && h.form !== '3') put(`${h.plan.checked ? 'X ' : ''}${CHECK_BOX_WORDING.plan}.`, h.plan.line);
  const nameLine = h.name?.line ?? from;
  put(label('reportingPerson'), nameLine);
  put(h.name?.text ?? '', nameLine);
  put(NAME_CAPTION_LINE, nameLine);
  for (const s of h.streets) put(s.text, s.line);
  put(STREET_CAPTION_LINE, h.streets[h.streets.length - 1]?.line ?? nameLine);
  const csz = [h.city?.text, h.state?.text, h.zip?.text].filter(Boolean).join(' ');
  const cszLine = h.city?.line ?? h.zip?.line ?? nameLine;
  put(csz, cszLine);
  put(CITY_CAPTION_LINE, cszLine);
  const boxes: [string, Value | null][] =
    h.form === '3'
      ? [
          [label('periodOfReport'), h.period],
          [label('issuer'), h.issuer],
        ]
      : [
          [label('issuer'), h.issuer],
          [label('periodOfReport'), h.period],
        ];
  for (const [text, v] of boxes) {
    put(text, v?.line ?? from);
    put(v?.text ?? '', v?.line ?? from);
  }
  put(label('amendment'), h.amendment?.line ?? from);
  put(h.amendment?.text ?? '', h.amendment?.line ?? from);
  // The relationship box only when a mark kept its option; otherwise it is left out (null).
  const rel = h.relationship;
  const job = h.jobTitle.map((v) => v.text).join(' ');
  if (rel.length) {
    const on = (f: string) => (rel.some((r) => r.field === f) ? 'X ' : '');
    const line = rel[0].line;
    put(label('relationship'), line);
    put(`${on('director')}${R.director}`, line);
    put(`${on('tenPercent')}${R.tenPercentOwner}`, line);
    put(`${on('officer')}${R.officer} (${R.officerCaption})`, line);
    put(`${on('other')}${R.other} (${R.otherCaption})`, line);
    if (job) put(job, h.jobTitle[0].line);
  }
  if (h.joint) {
    put(label('jointFiling'), from);
    put(`${h.joint === 'one' ? 'X ' : ''}${J.one}`, from);
    put(`${h.joint === 'more' ? 'X ' : ''}${J.formFiled} by ${J.moreThanOne}`, from);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Tables.

const AMOUNT_RE = /^\s*\$?\s*\(?\d[\d,]*(?:\.\d+)?\)?(?:\s*\(\d{1,2}\))*\s*$/;
const REF_RE = /^\s*(?:\(\d{1,2}\)\s*)+$/;
/** A price's `$` read apart from its number, with any references printed after it. */
const DOLLAR_RE = /^\s*\$\s*(?:\(\d{1,2}\)\s*)*$/;
const LETTER_RE = /^\s*[A-Z]\s*$/;

function isTextValue(t: string): boolean {
  return /[A-Za-z]{2,}/.test(t) && !DATE_RE.test(t) && !AMOUNT_RE.test(t) && !REF_RE.test(t);
}

/** A line every whitespace-separated word of which is a typed value ("21.32 06/09/2021", "1,200 A"). */
const TYPED_WORD_RE = /^(?:\$?\(?\d[\d,]*(?:\.\d+)?\)?(?:\(\d{1,2}\))*|\d{1,2}\/\d{1,2}\/\d{4}(?:\(\d{1,2}\))*|[A-Z](?:\(\d{1,2}\))*|(?:\(\d{1,2}\))+|\$)$/;

/** A line of a text cell's words then its neighbour's amount, or the amount alone. */
const TEXT_THEN_AMOUNT_RE = /^(?:(\S.*?[A-Za-z].*?)\s+)?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+|\d+)$/;
const YEAR_RE = /^\s*(?:19|20)\d\d\s*$/;
/** A date, then a text's words on the same line. */
const LEADING_DATE_RE = /^(\d{1,2}\/\d{1,2}\/\d{4}(?:\(\d{1,2}\))*)\s+(\S*[A-Za-z]{2}.*)$/;
const TEXT_THEN_DATE_RE = /^(\S.*?)\s+(\d{1,2}\/\d{1,2}\/\d{4}(?:\(\d{1,2}\))*)$/;

/**
 * A table's cells in reading order: pdftotext writes each cell as a block of lines set off by
 * blank lines (a wrapped title keeps its lines together); heading lines are left out, and so is
 * the table's heading printed again at the top of a later page.
 *
 * Within a block, a text cell goes on over lines that are not values of another kind (a nature
 * wrapped narrow: "Sequoia" / "Capital" / "U.S." / "L.P.(2)"); a line whose every word is a typed
 * value holds cells printed side by side ("21.32 06/09/2021"); a lone `$` is its amount's sign.
 */
export function tableCells(lines: readonly string[], from: number, to: number, subColumns = false): Value[] {
  const cells: Value[] = [];
  let open: Value | null = null;
  let dollar: Value | null = null;
  // Table II's amount sub-columns: which one the values read next stand under (see subColumnMark).
  let under: SubColumnState = null;
  let lastHeading = '';
  let broken: Value | null = null;
  // The texts that opened a cell so far (a row's title is one).
  const seen = new Set<string>();
  // A column heading read since the last value: the next value starts another block.
  let apart = false;
  for (let i = from; i < to; i++) {
    let t = lines[i].trim();
    if (t === '') {
      open = null;
      continue;
    }
    if (TABLE_I_RE.test(t) || TABLE_II_RE.test(t)) {
      open = null;
      // The table's heading printed again: a page break. A row split by it goes on after the
      // heading, its text cell too: the text read last before the break, when no reference ends
      // it (a cell's references close its text), goes on with the first text after the heading,
      // unless that text is one the table already holds (a row's title: titles repeat).
      const last = cells[cells.length - 1];
      broken = last && kindOf(last.text) === 'text' && !/\)\s*$/.test(last.text) ? last : null;
      continue;
    }
    if (broken && !isColumnHeading(t)) {
      if ((isTextValue(t) || kindOf(t) === 'other') && !seen.has(t)) open = broken;
      broken = null;
    }
    if (subColumns && isColumnHeading(t)) {
      under = subColumnState(under, t, lastHeading);
      lastHeading = t;
    }
    if (isColumnHeading(t)) {
      // A heading word inside a text cell's block is the cell's ("Stock Option (right" / "to" / "buy)").
      const next = i + 1 < to ? lines[i + 1].trim() : '';
      if (open && isTextValue(open.text) && next !== '' && !isColumnHeading(next) && isTextValue(next)) open.text += ` ${t}`;
      else apart = true;
      continue;
    }
    // A title and the date printed right of it, read as one line ("Class A Common Stock 05/08/2024").
    const dated = TEXT_THEN_DATE_RE.exec(t);
    if (dated && isTextValue(dated[1])) {
      if (open && isTextValue(open.text)) open.text += ` ${dated[1]}`;
      else push({ text: dated[1], line: i });
      push({ text: dated[2], line: i });
      open = null;
      continue;
    }
    if (DOLLAR_RE.test(t)) {
      push({ text: t, line: i });
      if (!(open && isTextValue(open.text))) open = null;
      continue;
    }
    const words = t.split(/\s+/);
    if (words.length > 1 && words.every((w) => TYPED_WORD_RE.test(w))) {
      for (const w of words) push({ text: w, line: i });
      // Inside a text cell's block the values were printed beside its lines: the text goes on
      // below them ("Common" / "196.356 $222.81 12,629.042" / "Stock").
      if (!(open && isTextValue(open.text))) open = null;
      continue;
    }
    // A text cell wrapped around the cell beside it: the neighbour's amount comes between the
    // text's lines ("Common" / "267.809" / "Stock", or "Common 28.593" / "Stock"); a year stays
    // in the text ("US" / "Venture" / "2010" / "Seed").
    // A date printed left of a wrapped text cell, read onto the text's line ("Class A" /
    // "06/08/2031 Common 3,671" / "Stock"): the date is a cell of its own, the line goes on without it.
    const leading = LEADING_DATE_RE.exec(t);
    if (leading && open && isTextValue(open.text)) {
      push({ text: leading[1], line: i, within: true });
      t = leading[2];
    }
    const around = TEXT_THEN_AMOUNT_RE.exec(t);
    if (open && isTextValue(open.text) && around && !YEAR_RE.test(around[2])) {
      if (around[1]) open.text += ` ${around[1]}`;
      push({ text: around[2], line: i });
      continue;
    }
    // The same at a block's first line: the text opens the cell, a plain amount (with its comma or
    // decimals) is the neighbour's.
    if (!open && around && around[1] && isTextValue(around[1]) && /[,.]/.test(around[2])) {
      open = { text: around[1], line: i };
      push(open);
      push({ text: around[2], line: i });
      continue;
    }
    if (open && isTextValue(open.text) && (isTextValue(t) || kindOf(t) === 'other' || REF_RE.test(t) || YEAR_RE.test(t))) open.text += REF_RE.test(t) ? t : ` ${t}`;
    else {
      open = { text: t, line: i };
      push(open);
    }
  }
  if (dollar) cells.push(dollar);
  return cells;

  function push(v: Value): void {
    if (apart) v.apart = true;
    apart = false;
    // A price's sign, with the references printed beside it ("$ (4)"): its number was printed on
    // the line above or below, read next.
    if (DOLLAR_RE.test(v.text)) {
      if (dollar) cells.push(dollar);
      dollar = v;
      return;
    }
    if (dollar) {
      if (AMOUNT_RE.test(v.text) && !/^\s*\$/.test(v.text)) {
        v.text = `$${v.text.trim()}${dollar.text.replace(/[\s$]/g, '')}`;
        v.apart = v.apart || dollar.apart;
      } else cells.push(dollar);
      dollar = null;
    }
    seen.add(v.text);
    if (under) {
      const amount = kindOf(v.text) === 'number';
      if (amount) v.mark = under === 'A' ? 'A' : 'D';
      // Below `(D)` only the first value is the sub-column's: the rest of the block is the row's.
      if (under !== 'A' || !amount) under = null;
    }
    cells.push(v);
  }
}

/**
 * Where Table II's values stand relative to the `(A)` and `(D)` sub-captions of its amount column.
 * pdftotext reads a caption's block with the values printed under it:
 * * the amounts read right after `(A)`, before any other heading, are the `(A)` column's;
 * * the first value read after `(D)` and the date column's sub-captions printed on its line
 *   (`Date Exercisable`, `Expiration Date`), when an amount, is the `(D)` column's: the row below
 *   the captions, read from that column on. Right after `(A)`, `(D)` says nothing: the two
 *   captions were read as one block, and the amount under either follows them.
 */
type SubColumnState = 'A' | 'D?' | null;

function subColumnState(state: SubColumnState, t: string, lastHeading: string): SubColumnState {
  if (t === '(A)') return 'A';
  if (t === '(D)') return lastHeading === '(A)' ? null : 'D?';
  if (state === 'D?' && /^(?:Date|Exercisable|Expiration|Date\s+Exercisable|Expiration\s+Date)$/i.test(t)) return state;
  return null;
}

type Kind = 'text' | 'date' | 'ref' | 'letter' | 'code' | 'price' | 'number' | 'other';

/** A date cell, its footnote references after it ("06/08/2026(5)"). */
const CELL_DATE_RE = /^\s*\d{1,2}\/\d{1,2}\/\d{4}(?:\s*\(\d{1,2}\))*\s*$/;
/** A transaction code with its references ("J(1)"); a bare letter is a `letter`. */
const CODE_RE = /^\s*[A-Z](?:\s*\(\d{1,2}\))+\s*$/;

function kindOf(t: string): Kind {
  if (CELL_DATE_RE.test(t)) return 'date';
  if (REF_RE.test(t)) return 'ref';
  if (LETTER_RE.test(t)) return 'letter';
  if (CODE_RE.test(t)) return 'code';
  if (/^\s*\$/.test(t) && AMOUNT_RE.test(t)) return 'price';
  if (AMOUNT_RE.test(t)) return 'number';
  return isTextValue(t) ? 'text' : 'other';
}

// Table I by its column grammar.

/** Table I's columns in printed order, and what each holds. */
type Column = 'title' | 'date' | 'deemed' | 'code' | 'v' | 'amount' | 'ad' | 'price' | 'owned' | 'di' | 'nature';

/**
 * The columns a row's next value may stand in, after the column its last value took: a
 * transaction row goes on from its title to its date, a holding row straight to the amount owned;
 * the deemed date, the `V` mark and the price may be blank, the nature only follows an indirect
 * form (`I`).
 */
const NEXT_COLUMNS: Record<Column, readonly Column[]> = {
  title: ['date', 'owned'],
  date: ['deemed', 'code', 'amount'],
  deemed: ['code', 'amount'],
  code: ['v', 'amount'],
  v: ['amount'],
  amount: ['ad'],
  ad: ['price', 'owned'],
  price: ['owned'],
  owned: ['di'],
  di: ['nature'],
  nature: [],
};

/**
 * The (A)/(D) cell and the ownership form cell, each with the footnote references the filer put
 * after it ("D(2)", "I (3)"): a reference does not move the letter out of its column.
 */
const AD_CELL_RE = /^\s*[AD](?:\s*\(\d{1,2}\))*\s*$/;
const DI_CELL_RE = /^\s*[DI](?:\s*\(\d{1,2}\))*\s*$/;
const INDIRECT_CELL_RE = /^\s*I(?:\s*\(\d{1,2}\))*\s*$/;

/** Whether a value of this text can stand in the column. */
function fits(column: Column, text: string, prevText: string): boolean {
  const kind = kindOf(text);
  switch (column) {
    case 'title':
      return kind === 'text';
    case 'date':
    case 'deemed':
      return kind === 'date';
    case 'code':
      return kind === 'letter' || kind === 'code';
    case 'v':
      return /^\s*V\s*$/.test(text);
    case 'amount':
    case 'owned':
      return kind === 'number';
    case 'ad':
      return AD_CELL_RE.test(text);
    case 'price':
      return kind === 'price';
    case 'di':
      return DI_CELL_RE.test(text);
    case 'nature':
      return kind === 'text' && INDIRECT_CELL_RE.test(prevText);
  }
}

/** How many rows a value may go to, and how many waiting groups may claim a row: a page's rows. */
const WINDOW = 64;

/** A transaction's own cells, left of the amount owned. */
const TRANSACTION_COLUMNS: ReadonlySet<Column> = new Set<Column>(['date', 'deemed', 'code', 'v', 'amount', 'ad', 'price']);

/** The columns a value read before its row's title most likely stands in: a row's last ones first. */
const WAITING_COLUMNS: readonly Column[] = ['di', 'owned', 'price', 'ad', 'v', 'code', 'date'];

/** Where a row (or a group of values waiting for its row) stands: its last column and value. */
interface RowState {
  at: Column | null;
  last: string;
  /** Whether the row has its transaction date, and its code: a code may be read after the amounts. */
  dated: boolean;
  coded: boolean;
}

/** The row's state after it takes the value, or null when it cannot; a deemed date only when asked. */
function advance(state: RowState, text: string, deemed: boolean): RowState | null {
  const next = state.at === null ? WAITING_COLUMNS : NEXT_COLUMNS[state.at];
  for (const c of next) {
    if (c === 'deemed' && !deemed) continue;
    if (c === 'code' && state.coded) continue;
    if (fits(c, text, state.last)) return { at: c, last: text, dated: state.dated || c === 'date', coded: state.coded || c === 'code' };
  }
  // The code read after the row's amounts, or between its title and its date (a code cell's
  // line above the date's): the row stays where it was.
  if (state.dated && !state.coded && fits('code', text, state.last)) return { ...state, coded: true };
  if (state.at === 'title' && !state.coded && fits('code', text, state.last) && !/^\s*[ADIV]\s*$/.test(text)) return { ...state, coded: true };
  return null;
}

/**
 * A row's code cell back right after its dates when it was read elsewhere (after the amounts, or
 * between title and date): a letter that follows neither an amount (the `A`/`D` of the amount,
 * the form after the amount owned), nor the code (`V`), nor a date is the code read out of place.
 */
function codeAfterDates(cells: string[]): string[] {
  const kinds = cells.map((c) => kindOf(c.trim()));
  const firstDate = kinds.indexOf('date', 1);
  if (firstDate < 0) return cells;
  let lastDate = firstDate;
  while (lastDate + 1 < cells.length && kinds[lastDate + 1] === 'date') lastDate++;
  const next = kinds.slice(lastDate + 1).findIndex((k) => k !== 'ref') + lastDate + 1;
  if (next > lastDate && (kinds[next] === 'code' || kinds[next] === 'letter')) return cells;
  const prevKind = (k: number) => {
    let j = k - 1;
    while (j >= 0 && kinds[j] === 'ref') j--;
    return j >= 0 ? kinds[j] : null;
  };
  const misplaced = cells.map((_, k) => k).filter((k) => (kinds[k] === 'code' || kinds[k] === 'letter') && prevKind(k) !== 'number' && prevKind(k) !== 'date' && !/^\s*V\s*$/.test(cells[k]));
  if (misplaced.length !== 1) return cells;
  const [code] = misplaced;
  const out = cells.slice();
  const [cell] = out.splice(code, 1);
  const at = code < lastDate ? lastDate : lastDate + 1;
  out.splice(at, 0, cell);
  return out;
}

interface Row extends RowState {
  cells: string[];
  line: number;
}

/**
 * Table I's rows from its cells in reading order. The reading order goes row by row, column by
 * column (several titles, then their dates, ...), or a mix of both (the left cells of some rows,
 * then the right cells of the same rows); and it may read a row's last cells (amount owned, form,
 * nature) before its title. What holds in every order is each row's own column order and the
 * order of the rows within a column, so each value goes:
 *
 * * a text where no row can hold a nature (the value before it was not an `I`) opens a row;
 * * a transaction cell (date to price) right after a value of its row goes on with that row,
 *   unless the two values before it were of one kind (the text reads column by column);
 * * any other value goes to the first row (by title order) whose next columns can take it (a
 *   second date is another row's date before it is a row's deemed date), unless a group of
 *   values read earlier fits that row: the row is the group's;
 * * a value no row can take yet waits, with the values that continue it, for the first row that
 *   still lacks them at the end (a footnote reference goes with the value before it).
 */
function readRowsByGrammar(values: Value[]): { cells: string[]; line: number }[] {
  const rows: Row[] = [];
  /** The rows that may still take values, oldest first. */
  const open: Row[] = [];
  const waiting: Group[] = [];
  const titles = new Set<string>();
  // Where the value before went: a row, a waiting group, or nowhere yet.
  let prev: RowState | null = null;
  let prevValues: string[] | null = null;
  const put = (owner: RowState, values: string[], text: string, state: RowState) => {
    values.push(text);
    Object.assign(owner, state);
    prev = owner;
    prevValues = values;
  };
  let prevKind: Kind | null = null;
  let prevPrevKind: Kind | null = null;
  let lastKind: Kind | null = null;
  for (const v of values) {
    const text = v.text.trim();
    const kind = kindOf(text);
    if (kind !== 'ref' && kind !== 'other') {
      // Kinds of the two values before this one (references ride along).
      [prevPrevKind, prevKind] = [prevKind, lastKind];
      lastKind = kind;
    }
    if (kind === 'ref' || kind === 'other') {
      if (prevValues) prevValues.push(text);
      else {
        const g: Group = { values: [text], line: v.line, at: null, last: '', dated: false, coded: false, start: null };
        waiting.push(g);
        prev = g;
        prevValues = g.values;
      }
      continue;
    }
    if (kind === 'text') {
      // A nature after its row's (or a waiting group's) `I`; any other text opens a row.
      // Natures read one after another (down their column) go to the rows still lacking theirs.
      // A text some row has for its title is another row's title (titles repeat, natures follow them).
      // The table's first values, an amount owned and its `I`, are the first row's right cells
      // read before its title: the text after them is that title (its nature comes next).
      const p = prev as RowState | null;
      const wholeRight = p !== null && rows.length === 0 && (p as Group).values.some((t) => kindOf(t) === 'number');
      const state = p && p.at === 'di' && !titles.has(text) && !wholeRight ? advance(p, text, false) : null;
      const lacking = p && p.at === 'nature' && !state && !titles.has(text) ? open.find((r) => r.at === 'di' && advance(r, text, false)) : undefined;
      // Right after a row's title, the text is its nature when the row's amount and `I` were
      // read before its title and wait ("735,294" / "I" / title / nature).
      const titled = p && p.at === 'title' && !state && !lacking && !titles.has(text) ? (p as Row) : null;
      const early = titled ? waiting.findIndex((g) => g.at === 'di' && takes(titled, g.values)) : -1;
      if (p && state) put(p, prevValues!, text, state);
      else if (lacking) put(lacking, lacking.cells, text, advance(lacking, text, false)!);
      else if (titled && early >= 0 && stateAfter(titled, waiting[early].values) && advance(stateAfter(titled, waiting[early].values)!, text, false)) {
        const g = waiting.splice(early, 1)[0];
        titled.cells.push(...g.values);
        Object.assign(titled, stateAfter(titled, g.values));
        put(titled, titled.cells, text, advance(titled, text, false)!);
      } else {
        const row: Row = { cells: [], line: v.line, at: null, last: '', dated: false, coded: false };
        rows.push(row);
        open.push(row);
        titles.add(text);
        put(row, row.cells, text, { at: 'title', last: text, dated: false, coded: false });
      }
      continue;
    }
    let target: Row | null = null;
    let state: RowState | null = null;
    // A row read left to right goes on with its next value while that value is one of the row's
    // transaction cells; the amounts owned and forms go down their column (first row first), and
    // so does every value of a run of one kind (the text read column by column).
    const p = prev as RowState | null;
    if (p && rows.includes(p as Row) && prevKind !== kind && prevKind !== prevPrevKind) {
      const next = advance(p, text, false);
      if (next && next.at !== null && TRANSACTION_COLUMNS.has(next.at) && !waiting.some((g) => g.start === next.at && takes(p, g.values))) {
        target = p as Row;
        state = next;
      }
    }
    // Rows that can take nothing more leave the open rows; the oldest leave a full window as they
    // are (the work per value stays bounded, whatever the table's length).
    while (open.length && (open[0].at === 'nature' || (open[0].at === 'di' && !INDIRECT_CELL_RE.test(open[0].last)) || open.length > WINDOW)) open.shift();
    for (const deemed of [false, true]) {
      if (target) break;
      // A row whose column a waiting group fits is that group's: the group was read first.
      const pending = waiting.slice(0, WINDOW);
      for (const row of open) {
        if (target) break;
        const next = advance(row, text, deemed);
        if (!next) continue;
        const reserved = pending.findIndex((g) => g.start === next.at && takes(row, g.values));
        if (reserved >= 0) {
          pending.splice(reserved, 1);
          continue;
        }
        target = row;
        state = next;
      }
    }
    if (target && state) {
      put(target, target.cells, text, state);
      continue;
    }
    // No row can take it yet: it waits, continuing the group before it when the group's values
    // and it read as one row's columns in some way.
    const group = waiting.length && waiting[waiting.length - 1] === prev ? waiting[waiting.length - 1] : null;
    const read = group ? readGroup([...group.values, text]) : null;
    if (group && read) {
      group.start = read.start;
      put(group, group.values, text, read.state);
    } else {
      const g: Group = { values: [], line: v.line, at: null, last: '', dated: false, coded: false, start: null };
      waiting.push(g);
      const alone = readGroup([text]);
      g.start = alone?.start ?? null;
      put(g, g.values, text, alone?.state ?? { at: null, last: text, dated: false, coded: false });
    }
  }
  // Waiting groups to the first rows that can still take them, in order (looking a window of rows
  // back from the row the group before went to). A group no row takes stays a line of its own,
  // where the form readers report what they cannot read.
  let from = 0;
  const unplaced: { cells: string[]; line: number }[] = [];
  for (const g of waiting) {
    let found = -1;
    for (let k = Math.max(0, from - WINDOW); k < Math.min(rows.length, from + WINDOW) && found < 0; k++) if (takes(rows[k], g.values)) found = k;
    if (found < 0) {
      unplaced.push({ cells: g.values, line: g.line });
      continue;
    }
    const row = rows[found];
    for (const t of g.values) {
      const next = advance(row, t, true);
      if (next) Object.assign(row, next);
      row.cells.push(t);
    }
    from = found;
  }
  return [...rows, ...unplaced].sort((a, b) => a.line - b.line).map((r) => ({ cells: codeAfterDates(r.cells), line: r.line }));
}

interface Group extends RowState {
  values: string[];
  line: number;
  /** The column its first value stands in, as the group reads. */
  start: Column | null;
}

/** Where a row stands after values read without its title, trying each column the first can open. */
function readGroup(texts: readonly string[]): { state: RowState; start: Column | null } | null {
  const typed = texts.filter((t) => kindOf(t) !== 'ref' && kindOf(t) !== 'other');
  if (!typed.length) return { state: { at: null, last: '', dated: false, coded: false }, start: null };
  for (const start of WAITING_COLUMNS) {
    if (!fits(start, typed[0], '')) continue;
    let state: RowState | null = { at: start, last: typed[0], dated: start === 'date', coded: start === 'code' };
    for (const t of typed.slice(1)) {
      state = advance(state, t, true);
      if (!state) break;
    }
    if (state) return { state, start };
  }
  return null;
}

/** A row's state after these values in order (references ride along), or null when one does not fit. */
function stateAfter(row: RowState, texts: readonly string[]): RowState | null {
  let state: RowState = { at: row.at, last: row.last, dated: row.dated, coded: row.coded };
  for (const t of texts) {
    const kind = kindOf(t);
    if (kind === 'ref' || kind === 'other') continue;
    const next = advance(state, t, true);
    if (!next) return null;
    state = next;
  }
  return state;
}

/** Whether a row's next columns take these values in order (references ride along). */
function takes(row: RowState, texts: readonly string[]): boolean {
  return texts.some((t) => kindOf(t) !== 'ref' && kindOf(t) !== 'other') && stateAfter(row, texts) !== null;
}


/**
 * A Table II row whose underlying title and amount were read after its right cells: the price of
 * the derivative prints its `$` on the lower line of its cell, with the underlying title's lower
 * lines, so pdftotext reads the price's number, the amount owned and the form first, then the
 * underlying cells (an expiration date read among them), then the lone `$`
 * ("0 | 3,671 | D | Class A Common Stock | 3,671 | $"). The cells go back in the form's order,
 * the `$` onto its price; a nature after the `$` stays last.
 */
function underlyingReadLate(cells: string[]): string[] {
  const dollar = cells.findIndex((c) => c.trim() === '$');
  if (dollar < 3) return cells;
  let di = dollar - 1;
  while (di >= 0 && !DI_CELL_RE.test(cells[di])) di--;
  if (di < 2 || di === dollar - 1) return cells;
  const [price, owned] = [cells[di - 2], cells[di - 1]];
  if (kindOf(price) !== 'number' || kindOf(owned) !== 'number') return cells;
  const late = cells.slice(di + 1, dollar);
  const kinds = late.map(kindOf);
  if (!kinds.includes('number') || kinds.some((k) => k !== 'text' && k !== 'number' && k !== 'date' && k !== 'ref')) return cells;
  const dates = late.filter((_, k) => kinds[k] === 'date');
  const rest = late.filter((_, k) => kinds[k] !== 'date');
  return [...cells.slice(0, di - 2), ...dates, ...rest, `$${price.trim()}`, owned, cells[di], ...cells.slice(dollar + 1)];
}

// Table II by its column grammar.

/** Table II's columns in printed order (Form 3 prints no transaction columns, its price after the amount). */
type DColumn = 'title' | 'cprice' | 'date' | 'deemed' | 'code' | 'v' | 'amount' | 'exer' | 'expir' | 'utitle' | 'uamount' | 'price' | 'owned' | 'di' | 'nature';

const DERIVATIVE_COLUMNS: Record<'3' | '4', readonly DColumn[]> = {
  '3': ['title', 'exer', 'expir', 'utitle', 'uamount', 'cprice', 'di', 'nature'],
  '4': ['title', 'cprice', 'date', 'deemed', 'code', 'v', 'amount', 'exer', 'expir', 'utitle', 'uamount', 'price', 'owned', 'di', 'nature'],
};

/**
 * What leaving a column blank costs a reading: a deemed date, the `V` mark and the nature are
 * blank in most rows; any other cell is blank in some (a holding has no transaction cells, a
 * price may be left out), the underlying title and the form seldom.
 */
const SKIP_COST: Record<DColumn, number> = {
  title: 4, cprice: 1, date: 1, deemed: 0, code: 1, v: 0, amount: 1, exer: 1, expir: 1, utitle: 2, uamount: 1, price: 1, owned: 1, di: 2, nature: 0,
};

/** What opening a row costs (a text read as a title), a reference riding on the value before, a value no column takes. */
const NEW_ROW_COST = 1;
const RIDE_COST = 1.5;
const UNPLACED_COST = 6;
const RETURN_COST = 1;
/** A number in a price column: its `$` was read apart. */
const BARE_PRICE_COST = 1;

/** How many readings are kept at each value (the cheapest). */
const BEAM = 24;

function fitsDerivative(column: DColumn, text: string, di: string): boolean {
  const kind = kindOf(text);
  switch (column) {
    case 'title':
    case 'utitle':
      return kind === 'text';
    case 'nature':
      return kind === 'text' && INDIRECT_CELL_RE.test(di);
    case 'cprice':
    case 'price':
      return kind === 'price' || kind === 'ref';
    case 'date':
    case 'deemed':
      return kind === 'date';
    case 'exer':
    case 'expir':
      return kind === 'date' || kind === 'ref';
    case 'code':
      return kind === 'letter' || kind === 'code';
    case 'v':
      return /^\s*V\s*$/.test(text);
    case 'amount':
    case 'uamount':
    case 'owned':
      return kind === 'number';
    case 'di':
      return DI_CELL_RE.test(text);
  }
}

/** A row being read: the column its last value took, the columns it left blank, its form cell. */
interface DRow {
  at: number;
  skipped: number[];
  di: string;
  /** The column its run of values (read one after another) started at. */
  runStart: number;
}

/** A choice for one value: which row and column (row -1: a new row; column -1: riding on the value before). */
interface Choice {
  row: number;
  column: number;
  cost: number;
  fill?: boolean;
}

interface DState {
  rows: DRow[];
  /** The row the value before went to, or -1. */
  prev: number;
  /** The blank column the value before filled, or -1. */
  filled: number;
  /** The row the value before the value before went to, or -1. */
  before: number;
}

function cloneState(s: DState): DState {
  return { rows: s.rows.map((r) => ({ at: r.at, skipped: r.skipped.slice(), di: r.di, runStart: r.runStart })), prev: s.prev, filled: s.filled, before: s.before };
}

/** The columns after the row's last one that take the value, nearest first, and what the blanks left cost. */
function nextColumns(cols: readonly DColumn[], row: DRow, text: string): { column: number; cost: number }[] {
  const out: { column: number; cost: number }[] = [];
  let cost = 0;
  for (let c = row.at + 1; c < cols.length; c++) {
    if (cols[c] !== 'title' && fitsDerivative(cols[c], text, row.di)) out.push({ column: c, cost });
    // A price's number whose `$` was read apart (printed on the cell's other line).
    else if ((cols[c] === 'price' || cols[c] === 'cprice') && kindOf(text) === 'number') out.push({ column: c, cost: cost + BARE_PRICE_COST });
    cost += SKIP_COST[cols[c]];
  }
  return out;
}

/** The nearest column after the row's last one that takes the value. */
function nextColumn(cols: readonly DColumn[], row: DRow, text: string): { column: number; cost: number } | null {
  return nextColumns(cols, row, text)[0] ?? null;
}

/**
 * The choices for a value: the row the value before went to (unless a column heading came
 * between: the reading left that block), the first row whose next columns take it with the least
 * blank left, the row after the previous one when the value fits the column that row's run
 * started at (the reading goes across a block of rows, row by row), a column an earlier row left
 * blank, a new row for a text, riding on the value before for a reference.
 */
function choices(cols: readonly DColumn[], state: DState, v: Value, text: string): Choice[] {
  const out: Choice[] = [];
  const kind = kindOf(text);
  const { rows, prev } = state;
  if (prev >= 0 && prev + 1 < rows.length) {
    const start = rows[prev].runStart;
    const n = nextColumn(cols, rows[prev + 1], text);
    if (n && n.column === start) out.push({ row: prev + 1, column: n.column, cost: n.cost });
  }
  if (prev >= 0 && !v.apart) {
    // The row of the value before: any column it can still take (a nearer one may be the blank).
    const own = nextColumns(cols, rows[prev], text).map((n) => ({ row: prev, column: n.column, cost: n.cost }));
    out.unshift(...own);
  }
  let best: Choice | null = null;
  for (let r = Math.max(0, rows.length - WINDOW); r < rows.length; r++) {
    const n = nextColumn(cols, rows[r], text);
    if (n && (!best || n.cost < best.cost)) best = { row: r, column: n.column, cost: n.cost };
    if (best && best.cost === 0) break;
  }
  // The first row that takes the value with the least blank left: any column it can take.
  if (best) out.push(...nextColumns(cols, rows[best.row], text).map((n) => ({ row: best!.row, column: n.column, cost: n.cost })));
  // A value read right after one that filled a row's blank fills the blank right of it: the two
  // were read together, side by side.
  if (prev >= 0 && state.filled >= 0 && !v.apart) {
    const next = state.filled + 1;
    if (rows[prev].skipped.includes(next) && fitsDerivative(cols[next], text, rows[prev].di)) out.push({ row: prev, column: next, cost: 0, fill: true });
  }
  if (!out.length) {
    for (let r = Math.max(0, rows.length - WINDOW); r < rows.length && !out.length; r++) {
      // The blank a row seldom leaves first: a date read late is the exercise date's, not the deemed date's.
      let c = -1;
      for (const k of rows[r].skipped) if (fitsDerivative(cols[k], text, rows[r].di) && (c < 0 || SKIP_COST[cols[k]] > SKIP_COST[cols[c]])) c = k;
      if (c >= 0) out.push({ row: r, column: c, cost: 0.5, fill: true });
    }
  }
  // Back to the row read just before the value before, with no heading between: a block is
  // read row by row, not to and fro.
  if (!v.apart && state.before >= 0 && state.before !== prev) for (const o of out) if (o.row === state.before) o.cost += RETURN_COST;
  if (kind === 'text') out.push({ row: -1, column: 0, cost: NEW_ROW_COST });
  if ((kind === 'ref' || kind === 'other') && prev >= 0) out.push({ row: prev, column: -1, cost: kind === 'ref' ? RIDE_COST : 0 });
  return out;
}

/** What tells two readings' states apart (a reading that reached another's state at more cost is dropped). */
function stateKey(s: DState): string {
  return `${s.prev},${s.filled},${s.before}|${s.rows.map((r) => `${r.at}:${r.skipped.join('.')}:${r.di}:${r.runStart}`).join(';')}`;
}

/** The state after a choice. */
function apply(cols: readonly DColumn[], state: DState, choice: Choice, v: Value, text: string): void {
  // A value read between a wrapped text's lines leaves the text's blank the one filled last.
  if (!v.within) state.filled = choice.fill ? choice.column : -1;
  state.before = state.prev;
  if (choice.row < 0) {
    state.rows.push({ at: 0, skipped: [], di: '', runStart: 0 });
    state.prev = state.rows.length - 1;
    return;
  }
  const row = state.rows[choice.row];
  if (choice.column >= 0) {
    if (choice.fill) row.skipped = row.skipped.filter((k) => k !== choice.column);
    else {
      for (let c = row.at + 1; c < choice.column; c++) row.skipped.push(c);
      // A value read after a column heading, or after another row's, starts a run.
      if (choice.row !== state.prev || v.apart) row.runStart = choice.column;
      row.at = choice.column;
    }
    if (cols[choice.column] === 'di') row.di = text;
  }
  state.prev = choice.row;
}

/**
 * Table II's rows from its cells in reading order, by the column grammar. pdftotext reads a
 * table block by block: a block holds the cells of some columns of some rows, read row by row;
 * the blocks follow each other across and down the table. So a value goes on with the row of the
 * value before (same block), or starts the next row of its block (the column the block's rows
 * start at), or opens its block in the first row still lacking that column; each choice is tried
 * a few values ahead, and the one that leaves the fewest cells blank and values unplaced wins.
 * Returns the rows and what the reading cost (blanks left, values unplaced), or null when values
 * come before any title.
 */
export function readDerivativeByGrammar(values: readonly Value[], form: FormNumber): { rows: { cells: string[]; line: number }[]; cost: number } | null {
  const cols = DERIVATIVE_COLUMNS[form === '3' ? '3' : '4'];
  // The readings kept so far, cheapest first: each its state, cost and choices (a linked list).
  interface Reading {
    state: DState;
    cost: number;
    picks: { choice: Choice; before: Reading['picks'] } | null;
  }
  let beam: Reading[] = [{ state: { rows: [], prev: -1, filled: -1, before: -1 }, cost: 0, picks: null }];
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    const text = v.text.trim();
    const next: Reading[] = [];
    const seen = new Set<string>();
    for (const reading of beam) {
      for (const o of choices(cols, reading.state, v, text)) {
        const state = cloneState(reading.state);
        apply(cols, state, o, v, text);
        next.push({ state, cost: reading.cost + o.cost, picks: { choice: o, before: reading.picks } });
      }
    }
    if (!next.length) return null;
    // Stable: on a tie the reading found first (the row of the value before first) stays ahead.
    next.sort((a, b) => a.cost - b.cost);
    beam = [];
    for (const r of next) {
      const key = stateKey(r.state);
      if (seen.has(key)) continue;
      seen.add(key);
      beam.push(r);
      if (beam.length === BEAM) break;
    }
  }
  // A row without its form costs what leaving the form blank costs.
  const finalCost = (r: Reading) => r.cost + r.state.rows.reduce((a, row) => a + (row.at < cols.indexOf('di') ? SKIP_COST.di : 0), 0);
  const best = beam.reduce((a, b) => (finalCost(b) < finalCost(a) ? b : a));
  const picks: Choice[] = [];
  for (let p = best.picks; p; p = p.before) picks.push(p.choice);
  picks.reverse();
  const state = best.state;
  let cost = finalCost(best);
  const cells: { byColumn: Map<number, string[]>; line: number }[] = [];
  let prevColumn = -1;
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    const pick = picks[k];
    if (pick.row < 0) {
      cells.push({ byColumn: new Map([[0, [cellText(v)]]]), line: v.line });
      prevColumn = 0;
      continue;
    }
    const row = cells[pick.row];
    const column = pick.column >= 0 ? pick.column : prevColumn;
    const at = row.byColumn.get(column);
    if (at) at.push(cellText(v));
    else row.byColumn.set(column, [cellText(v)]);
    prevColumn = column;
  }
  void state;
  // A `$` read apart goes onto its row's price when that price was read without it.
  for (const r of cells) {
    for (const [column, texts] of r.byColumn) {
      const sign = texts.findIndex((t, k) => k > 0 && t.trim() === '$');
      if (sign < 0) continue;
      const price = [...r.byColumn.entries()].find(([c, t]) => (cols[c] === 'price' || cols[c] === 'cprice') && kindOf(t[0]) === 'number');
      if (!price) continue;
      texts.splice(sign, 1);
      price[1][0] = `$${price[1][0].trim()}`;
      if (!texts.length) r.byColumn.delete(column);
    }
  }
  const rows = cells.map((r) => ({
    // A reference riding on a cell is written onto it ("Stock(4)(7)(8)").
    cells: [...r.byColumn.entries()].sort((a, b) => a[0] - b[0]).map(([, texts]) => texts.map((t) => t.trim()).reduce((a, t) => (REF_RE.test(t) || t === '$' ? a + t : `${a} ${t}`))),
    line: r.line,
  }));
  return { rows, cost };
}

/**
 * What the column grammar makes of rows of cells: each row read from its title, cell by cell into
 * the nearest column that takes it; the blanks it leaves before its last cell and a form it lacks
 * cost as in a reading, a cell no column takes (nor rides on the cell before, a reference) more.
 */
export function readingCost(rows: readonly { cells: readonly string[] }[], form: FormNumber): number {
  const cols = DERIVATIVE_COLUMNS[form === '3' ? '3' : '4'];
  let cost = 0;
  for (const r of rows) {
    if (!r.cells.length || kindOf(r.cells[0]) !== 'text') {
      cost += UNPLACED_COST * Math.max(1, r.cells.length);
      continue;
    }
    const row: DRow = { at: 0, skipped: [], di: '', runStart: 0 };
    for (const cell of r.cells.slice(1)) {
      const text = cell.replace(/^\((?:A|D)\)\s*/, '').trim();
      const n = nextColumn(cols, row, text);
      if (n) {
        cost += n.cost;
        row.at = n.column;
        if (cols[n.column] === 'di') row.di = text;
      } else if (kindOf(text) === 'ref' || kindOf(text) === 'other') cost += RIDE_COST;
      else cost += UNPLACED_COST;
    }
    if (row.at < cols.indexOf('di')) cost += SKIP_COST.di;
  }
  return cost;
}

/** A value as its row's cell: an amount keeps the sub-column it was read under (`(A) 1,500`). */
function cellText(v: Value): string {
  return v.mark ? `(${v.mark}) ${v.text.trim()}` : v.text;
}

/** A table's value lines cut into rows (each a list of cells), by the form's column order. */
function readTable(lines: readonly string[], from: number, to: number, derivative: boolean): { cells: string[]; line: number }[] {
  const values = tableCells(lines, from, to, derivative);
  // Column by column (several titles first): the reading order went down each column.
  // (a title's own dates and references may come between the titles).
  let lead = 0;
  let titles = 0;
  for (let prev: Kind | null = null; lead < values.length; lead++) {
    const kind = kindOf(values[lead].text);
    // Text after a date in Table II is the row's underlying title: the row goes on.
    if (kind === 'text' && derivative && (prev === 'date' || prev === 'ref')) break;
    if (kind === 'text') titles++;
    else if (kind !== 'date' && kind !== 'ref') break;
    prev = kind;
  }
  if (lead < values.length && titles >= 2 && derivative && kindOf(values[lead].text) === 'text') titles = 0;
  if (titles >= 2 && kindOf(values[0].text) === 'text') return byColumns(values, lead);
  const rows: { cells: string[]; line: number }[] = [];
  const orphans: string[] = [];
  let row: { cells: string[]; line: number } | null = null;
  let afterI = false;
  let hadDate = false;
  let underlying = false;
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    if (kindOf(v.text) === 'text') {
      // After an `I` a text is the row's nature, unless the values after it (references aside)
      // go on as a row's first cells (a price or a date: the conversion price, the dates): then
      // it is the next row's title, and the nature was read elsewhere.
      const next = values.slice(k + 1, k + 1 + WINDOW).find((w) => kindOf(w.text) !== 'ref' && kindOf(w.text) !== 'other' && !w.within);
      const opensRow = next !== undefined && (kindOf(next.text) === 'date' || kindOf(next.text) === 'price');
      if (row && afterI && !opensRow) {
        row.cells.push(cellText(v));
      } else if (row && derivative && hadDate && !underlying) {
        row.cells.push(cellText(v));
        underlying = true;
      } else {
        row = { cells: [cellText(v)], line: v.line };
        rows.push(row);
        hadDate = false;
        underlying = false;
      }
      afterI = false;
      continue;
    }
    if (!row) {
      orphans.push(cellText(v));
      continue;
    }
    row.cells.push(cellText(v));
    afterI = /^I$/.test(v.text.trim());
    if (DATE_RE.test(v.text) || REF_RE.test(v.text)) hadDate = true;
  }
  if (rows.length && orphans.length) rows[0].cells.push(...orphans);
  return natureReadLate(rows).map((r) => ({ cells: r.cells.map((c) => c.trim()), line: r.line }));
}

/**
 * A text no value followed (a "row" of a title alone, references aside) is a nature read after
 * the rows: it goes to the first row that ends in an indirect form (`I`) without its nature. Every
 * row of the tables has values; a title alone is no row.
 */
function natureReadLate(rows: { cells: string[]; line: number }[]): { cells: string[]; line: number }[] {
  const endsIndirect = (r: { cells: string[] }) => {
    let k = r.cells.length - 1;
    while (k > 0 && kindOf(r.cells[k]) === 'ref') k--;
    return k > 0 && /^\s*I(?:\s*\(\d{1,2}\))*\s*$/.test(r.cells[k]);
  };
  const out: { cells: string[]; line: number }[] = [];
  // The rows still lacking their nature, oldest first (each takes one; the work stays linear).
  const lacking: { cells: string[] }[] = [];
  for (const r of rows) {
    const alone = r.cells.length > 0 && kindOf(r.cells[0]) === 'text' && r.cells.slice(1).every((c) => kindOf(c) === 'ref');
    const owner = alone ? lacking.shift() : undefined;
    if (owner) owner.cells.push(...r.cells);
    else {
      out.push(r);
      if (endsIndirect(r)) lacking.push(r);
    }
  }
  return out;
}

/**
 * Rows from cells read column by column: the first `count` cells are the rows' titles; then each
 * run of cells of one kind is a column, its cells the first rows' (a column with fewer cells than
 * rows is filled from the top: transactions come before holdings). A run of pairs (a D/I letter
 * and the nature text) goes one pair a row.
 */
function byColumns(values: Value[], lead: number): { cells: string[]; line: number }[] {
  const rows: { cells: string[]; line: number }[] = [];
  for (const v of values.slice(0, lead)) {
    if (kindOf(v.text) === 'text') rows.push({ cells: [cellText(v)], line: v.line });
    else rows[rows.length - 1].cells.push(cellText(v));
  }
  const count = rows.length;
  let k = lead;
  while (k < values.length) {
    const kind = kindOf(values[k].text);
    let end = k;
    while (end < values.length && kindOf(values[end].text) === kind) end++;
    // Letter and text alternating: the ownership form and its nature, row by row.
    if (kind === 'letter' && end - k === 1 && end < values.length && kindOf(values[end].text) === 'text') {
      let r = 0;
      while (k + 1 < values.length && kindOf(values[k].text) === 'letter' && kindOf(values[k + 1].text) === 'text' && r < count) {
        rows[r].cells.push(cellText(values[k]), cellText(values[k + 1]));
        k += 2;
        r++;
      }
      continue;
    }
    for (let r = 0; k < end; k++, r++) rows[Math.min(r, count - 1)].cells.push(cellText(values[k]));
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Footer: the signature written as name and date above its caption; the rest as printed.

function readFooter(lines: readonly string[], from: number, to: number): Value[] {
  const out: Value[] = [];
  let caption = -1;
  for (let i = from; i < to; i++) if (SIGNATURE_CAPTION_RE.test(lines[i])) caption = i;
  // The signature block: its `/s/` lines above the caption (one a signer, each cell's lines
  // wrapped narrow, the dates among them), back to a long line of remarks or a heading.
  let sigStart = -1;
  if (caption >= 0) {
    let top = -1;
    let filled = 0;
    let dated = false;
    let block = true;
    for (let i = caption - 1; i >= from && i >= caption - SIGNATURE_LINES; i--) {
      const t = lines[i];
      if (t.length > SIGNATURE_WIDTH || FOOTER_RE.test(t)) break;
      if (/^\s*\/s\//i.test(t)) sigStart = i;
      // The block right above the caption (set off by a blank line) is the bare signer's.
      if (t.trim() === '') {
        if (top >= 0) block = false;
        continue;
      }
      if (!block) continue;
      top = i;
      filled++;
      if (GLUED_DATE_RE.test(t)) dated = true;
    }
    // A signer who wrote no `/s/` ("By: ... For: ..."): the few short lines above the caption
    // with a date among them.
    if (sigStart < 0 && top >= 0 && dated && filled <= SIGNATURE_BARE_LINES) sigStart = top;
  }
  for (let i = from; i < to; i++) {
    if (sigStart >= 0 && i === sigStart) {
      const signers: { names: string[]; date: string; line: number }[] = [];
      for (let k = sigStart; k < caption; k++) {
        let t = lines[k].trim();
        if (t === '') continue;
        if (/^\/s\//i.test(t) || !signers.length) signers.push({ names: [], date: '', line: k });
        const signer = signers[signers.length - 1];
        // The date cell read onto a name line ("Castillo as Attorney- 01/13/2021"). Glued to a
        // word, the word was cut at a hyphen: pdftotext joins a line ending in a hyphen to the
        // next word on the line without it ("Attorney07/02/2024" / "in-Fact").
        const glued = GLUED_DATE_RE.exec(t);
        if (glued && !signer.date && !DATE_RE.test(t)) {
          signer.date = glued[2];
          t = t.slice(0, glued.index + glued[1].length).trim() + (/[A-Za-z]/.test(glued[1]) ? '-' : '');
        }
        if (DATE_RE.test(t) && !signer.date) signer.date = t;
        else signer.names.push(t);
      }
      // A date printed after the caption ("** Signature of Reporting Person" / "Date" / date).
      if (signers.length === 1 && !signers[0].date) {
        for (let k = caption + 1; k < Math.min(to, caption + 10); k++) if (DATE_RE.test(lines[k])) signers[0].date = lines[k].trim();
      }
      // Each signer above a caption of its own; a cell's line ending in a hyphen goes on unbroken.
      for (const s of signers) {
        // pdftotext's joining of a word cut at a hyphen also drops the hyphen of a compound cut
        // there: "Attorney-" / "in-fact" reads "Attorneyin-fact".
        const name = s.names.join(' ').replace(/(\w-) (?=\w)/g, '$1').replace(/([a-z])(in-fact)\b/gi, '$1-$2');
        out.push({ text: `${name}\t${s.date}`, line: s.line });
        out.push({ text: SIGNATURE_CAPTION_LINE, line: s.line });
      }
      i = caption;
      // The caption's wrapped rest ("Person", "Date").
      while (i + 1 < to && /^\s*(?:Person|Date|)\s*$/i.test(lines[i + 1])) i++;
      continue;
    }
    const t = lines[i];
    if (sigStart >= 0 && i > caption && DATE_RE.test(t)) continue;
    out.push({ text: t, line: i });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

/**
 * The filing's lines in the layout the form readers read, or null when the text is not in reading
 * order. The result has as many lines as the input.
 */
export function readReadingOrder(raws: readonly string[]): string[] | null {
  if (!isReadingOrder(raws)) return null;
  // Page furniture goes first: a page break falls anywhere, even inside a table.
  const lines = raws.slice();
  for (const f of findFurniture(raws)) lines[f.line] = f.kind === 'form-feed' ? lines[f.line].replace(/\f/g, '') : '';
  let tableI = -1;
  let tableII = -1;
  let footer = -1;
  let form: '3' | '4' | '5' | null = null;
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i];
    if (form === null) {
      const m = /^\s*(?:SEC\s+)?FORM\s+([345])\b/i.exec(t);
      if (m) form = m[1] as FormNumber;
      else form = STATEMENT_OPENINGS.find(([, re]) => re.test(t))?.[0] ?? null;
    }
    if (tableI < 0 && TABLE_I_RE.test(t)) tableI = i;
    else if (tableII < 0 && TABLE_II_RE.test(t)) tableII = i;
    else if (footer < 0 && tableI >= 0 && FOOTER_RE.test(t)) footer = i;
  }
  if (form === null || tableI < 0) return null;
  if (tableII < 0) tableII = footer >= 0 ? footer : lines.length;
  if (footer < 0) footer = lines.length;
  // The header is written as one block from the top: its boxes' label and value lines must stand
  // together for the header reader, whatever order the values were read in.
  const out: Value[] = writeHeader(readHeader(lines, 0, tableI, form), 0).map((v) => ({ text: v.text, line: 0 }));
  out.push({ text: lines[tableI].trim(), line: tableI });
  for (const r of readRowsByGrammar(tableCells(lines, tableI + 1, tableII))) out.push({ text: r.cells.join('\t'), line: r.line });
  // Further reporting owners, each printed as box 1 again after Table II.
  let owners = footer;
  for (let i = Math.max(tableI, tableII) + 1; i < footer; i++) {
    if (OWNER_BOX_RE.test(lines[i])) {
      owners = i;
      break;
    }
  }
  if (tableII < owners) {
    out.push({ text: lines[tableII].trim(), line: tableII });
    // Two readings of Table II: the one by its rows' titles (a row's values follow its title) and
    // the one by the column grammar (rows read in blocks); the one the grammar reads at less cost
    // is kept, the first on a tie.
    const byTitles = readTable(lines, tableII + 1, owners, true).map((r) => ({ cells: underlyingReadLate(r.cells), line: r.line }));
    const grammar = readDerivativeByGrammar(tableCells(lines, tableII + 1, owners, true), form);
    const rows = grammar && readingCost(grammar.rows, form) < readingCost(byTitles, form) ? grammar.rows : byTitles;
    for (const r of rows) out.push({ text: r.cells.join('\t'), line: r.line });
  }
  for (const { start, text } of ownerBoxes(lines, owners, footer)) {
    // A box printed across the page after the tables is wider than the header's: its longest
    // line shows how much one of its cells' lines holds.
    const widest = text.slice(1).reduce((w, t) => (CAPTION_RE.test(t) || OWNER_LABEL_REST_RE.test(t) ? w : Math.max(w, t.trim().length)), STREET_WIDTH);
    const box = readHeader(text, 0, text.length, form, widest);
    const written = writeHeader(box, start);
    // Box 1 only: its label down to the city caption.
    const last = written.findIndex((v) => v.text === CITY_CAPTION_LINE);
    out.push(...written.slice(written.findIndex((v) => v.text === boxLabel(form, 'reportingPerson')), last + 1).map((v) => ({ text: v.text, line: start })));
  }
  out.push(...readFooter(lines, footer, lines.length));
  return place(out, lines.length);
}

/** How many lines after a box 1 label its wrapped rest (`*`) may stand. */
const LABEL_REST_LINES = 12;
const OWNER_LABEL_REST_RE = /^\s*(?:Reporting\s+)?(?:Person\s*)?\*\s*$/i;

/**
 * The owner boxes printed again after the tables, each from its box 1 label to the next. A label
 * wrapped before its `*` may have the box before it end between its two lines: pdftotext reads the
 * label's first line, then the last cells of the box printed beside or above it (its zip and the
 * `(Zip)` caption), then the label's `*`. Those lines go back to the box before.
 */
function ownerBoxes(lines: readonly string[], from: number, to: number): { start: number; text: string[] }[] {
  const boxes: { start: number; text: string[] }[] = [];
  for (let start = from; start < to; ) {
    let end = start + 1;
    while (end < to && !OWNER_BOX_RE.test(lines[end])) end++;
    const text = lines.slice(start, end);
    if (boxes.length && !/\*\s*$/.test(lines[start])) {
      const rest = text.findIndex((t, k) => k > 0 && k <= LABEL_REST_LINES && OWNER_LABEL_REST_RE.test(t));
      if (rest > 0) {
        boxes[boxes.length - 1].text.push(...text.slice(1, rest));
        text.splice(1, rest);
      }
    }
    boxes.push({ start, text });
    start = end;
  }
  return boxes;
}

/** Puts each synthetic line at (or after) the line its text came from, in order; blank elsewhere. */
function place(values: Value[], count: number): string[] {
  const out = new Array<string>(count).fill('');
  let cursor = 0;
  for (let k = 0; k < values.length; k++) {
    const left = values.length - k;
    const slot = Math.min(Math.max(cursor, values[k].line), count - left);
    if (slot < cursor || slot >= count) {
      // More synthetic lines than room: the rest joins the last line (never happens for a form).
      out[count - 1] += ` ${values[k].text}`;
      continue;
    }
    out[slot] = values[k].text;
    cursor = slot + 1;
  }
  return out;
}
