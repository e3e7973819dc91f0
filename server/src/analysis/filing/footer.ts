/**
 * The parts after the tables: footnote definitions under "Explanation of Responses", remarks,
 * signatures, and the older renderings' "Reporting Owners" table.
 */
import type { Range } from '../types';
import { splitCells } from '../text/cells';
import { superscriptNumber, type LayoutProblem } from '../layout';
import { parseDateText } from './dates';
import type { PLine } from './prepare';
import { CLOSING_NOTICE_PHRASES, EXPLANATION_RE, REMARKS_RE, isBoilerplate, sectionOf } from './vocabulary';
import { NOTICE_MARKERS, SECTION_HEADINGS, SIGNATURE_CAPTION, SIGNER_CAPACITY } from '../vocabulary/wording';
import { anyPhrase, firstWords, fuzzyWord, phrasePattern } from '../vocabulary/patterns';
import { MONTH_ABBREVIATIONS } from '../domain/calendar';
import { FactsMemo } from '../text/memo';

/** A definition marker at the start of a line, followed by its text ("(1)." ends a sentence instead). */
const DEF_RE = /^\s*(?:\(\s*(\d{1,2})\s*\)|\^\(\s*(\d{1,2})\s*\)|\[(\d{1,2})\]|(\d{1,2})\s*[.)](?=\s)|([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,2})(?=\s))\s*(?=[^\s.,;:)]|\s*$)/;
/** Notices printed after the explanations; past them no footnote is defined. */
const CLOSING_RE = new RegExp(`${anyPhrase(NOTICE_MARKERS.footnotesEnd)}|${CLOSING_NOTICE_PHRASES}`, 'i');
/** The signature caption's first two words ("Signature of"), which end the footnotes where a signature follows them. */
const SIGNATURE_OF = phrasePattern(firstWords(SIGNATURE_CAPTION, 2));
const FOOTNOTES_END_RE = new RegExp(`\\/s\\/|(^|\\s)${SIGNATURE_OF}(\\s|$)`, 'i');
const EXPLANATION = phrasePattern(SECTION_HEADINGS.explanation);
const REMARKS = SECTION_HEADINGS.remarks;
/** A remarks or explanations heading first on its line. */
const SECTION_START_RE = new RegExp(`^\\s*(${REMARKS}\\s*:|${EXPLANATION})`, 'i');
/** A line that is nothing but a remarks or explanations heading. */
const SECTION_LINE_RE = new RegExp(`^\\s*(${REMARKS}\\s*:.*|${EXPLANATION}(?:\\s*:)?)\\s*$`, 'i');

export interface ParsedFootnote {
  id: string;
  text: string;
  range: Range;
  markerRange: Range;
}

/** How a sentence (and so a footnote) ends: its stop, or a closing bracket or quote after one. */
const SENTENCE_END_RE = /[.!?;:)\]"'”’]$/;

/** Why text under the footnotes' heading was not read. */
const UNHELD_REASON = `under "${SECTION_HEADINGS.explanation}", no numbered footnote holds it`;

function lineRange(l: PLine): Range {
  const start = l.masked.length - l.masked.trimStart().length;
  return { start: { line: l.line, character: start }, end: { line: l.line, character: l.masked.trimEnd().length } };
}

/**
 * A footnote's lines joined with spaces, except where a converter broke a word after its slash
 * ("... Trust f/b/" then "o Child 1"), or after a word's hyphen (converters that wrap at hyphens: "Irrevocable Non-" then
 * "Exempt Trust"): a line ending in a slash or hyphen glued to a word goes on unbroken.
 */
function joinWrapped(parts: readonly string[]): string {
  let text = '';
  for (const part of parts) {
    const glued = /[A-Za-z0-9]\/$|[A-Za-z]-$/.test(text.trimEnd()) && /^[A-Za-z0-9]/.test(part.trimStart());
    text = !text ? part : glued ? `${text.trimEnd()}${part.trimStart()}` : `${text} ${part}`;
  }
  return text;
}

/** Which of DEF_RE's marker forms matched: "(1)", "^(1)", "[1]", "1." or "¹". */
function markerStyle(m: RegExpExecArray): number {
  return m[1] !== undefined ? 1 : m[2] !== undefined ? 2 : m[3] !== undefined ? 3 : m[4] !== undefined ? 4 : 5;
}

/** The footnote number a DEF_RE match names. */
function markerNumber(m: RegExpExecArray): number {
  if (m[5] !== undefined) return superscriptNumber(m[5]);
  return Number(m[1] ?? m[2] ?? m[3] ?? m[4]);
}

/**
 * A footnote's own enumeration wrapped to a line's start ("... upon the following: (1) the sale;"
 * then "(2) the death ..." inside footnote 3): a marker of another form than the current
 * definition's that does not go past its number continues it.
 */
function innerEnumeration(m: RegExpExecArray, current: { id: string; style: number } | null): boolean {
  return current !== null && markerStyle(m) !== current.style && markerNumber(m) <= Number(current.id);
}

/**
 * Footnote definitions in the lines of the explanation section. Text there that no definition
 * holds (before the first marker, after a blank line that ended one, after the heading on its
 * line) is added to `problems`, unless a signature took its line (`taken`).
 */
export function parseFootnotes(lines: PLine[], problems: LayoutProblem[] = [], taken: ReadonlySet<number> = new Set()): ParsedFootnote[] {
  const out: ParsedFootnote[] = [];
  const lost = (l: PLine, from: number) => {
    const rest = l.masked.slice(from);
    if (taken.has(l.line) || !/[\p{L}\p{N}]/u.test(rest)) return;
    const start = from + rest.length - rest.trimStart().length;
    const end = l.masked.trimEnd().length;
    problems.push({ line: l.line, start, end, text: l.masked.slice(start, end), reason: UNHELD_REASON, advice: 'check its marker, or whether it goes on from the footnote above' });
  };
  let current: (ParsedFootnote & { parts: string[]; style: number }) | null = null;
  const finish = () => {
    if (current) {
      // Narrow text breaks lines after a "/" inside dates ("7/" then "21/11"): no space there.
      current.text = joinWrapped(current.parts).replace(/(\d\/)\s+(?=\d)|(\d)\s+(?=\/\d)/g, '$1$2').replace(/\s+/g, ' ').trim();
      out.push({ id: current.id, text: current.text, range: current.range, markerRange: current.markerRange });
      current = null;
    }
  };
  /** A blank line (or a page break) has come since the current footnote's last line. */
  let gap = false;
  for (const l of lines) {
    if (l.directive) continue;
    // Past the notices, or at the signature (some renderings print it right under the last footnote).
    // The caption may come with its first word cut by a gap (CAPTION_RE, loose).
    if (CLOSING_RE.test(l.masked) || FOOTNOTES_END_RE.test(l.masked) || CAPTION_RE.test(l.masked)) break;
    if (l.blank || l.rule) {
      if (current) gap = true;
      continue;
    }
    if (gap) {
      gap = false;
      // A footnote whose last line stopped mid-sentence goes on past the blank: a page break fell
      // in it, or OCR read its last line as a block of its own. A new marker or heading ends it.
      const last = current ? current.parts[current.parts.length - 1]!.trimEnd() : '';
      const open = current !== null && !SENTENCE_END_RE.test(last) && !DEF_RE.test(l.masked) && !isBoilerplate(l) && sectionOf(l) !== 'explanation' && !SECTION_START_RE.test(l.masked);
      if (!open) finish();
    }
    // The heading line: what follows the heading may already be the first definition.
    const heading = sectionOf(l) === 'explanation' ? EXPLANATION_RE.exec(l.masked) : null;
    const afterHeading = heading ? heading.index + heading[0].length + (/^\s*:/.exec(l.masked.slice(heading.index + heading[0].length))?.[0].length ?? 0) : 0;
    if (isBoilerplate(l) || heading) {
      finish();
      if (!heading || !DEF_RE.test(l.masked.slice(afterHeading))) {
        if (heading) lost(l, afterHeading);
        continue;
      }
    }
    const text = heading ? ' '.repeat(afterHeading) + l.masked.slice(afterHeading) : l.masked;
    const m = DEF_RE.exec(text);
    if (m && !innerEnumeration(m, current)) {
      finish();
      const id = String(markerNumber(m));
      const markerStart = text.length - text.trimStart().length;
      const markerText = m[0].trimEnd();
      const markerRange: Range = {
        start: { line: l.line, character: markerStart },
        end: { line: l.line, character: markerStart + markerText.trim().length },
      };
      current = { id, text: '', parts: [text.slice(m[0].length)], range: lineRange(l), markerRange, style: markerStyle(m) };
    } else if (current) {
      (current as { parts: string[] }).parts.push(text);
      current.range = { start: current.range.start, end: lineRange(l).end };
    } else lost(l, 0);
  }
  finish();
  return out;
}

/** Remarks: text after "Remarks:" (on its line or the next ones) up to a blank line or the signatures. */
export function parseRemarks(lines: PLine[], signatureLines: ReadonlySet<number> = new Set()): { text: string | null; range?: Range } {
  const parts: string[] = [];
  let range: Range | undefined;
  for (let k = 0; k < lines.length; k++) {
    const l = lines[k];
    if (l.directive) continue;
    let text = l.masked;
    if (k === 0) text = text.replace(REMARKS_RE.test(text) ? REMARKS_RE : /^\s*Remarks\s*:?/i, (m) => ' '.repeat(m.length));
    if (k > 0 && l.blank && !parts.length) continue;
    if (k > 0 && (l.blank || l.rule || signatureLines.has(l.line) || isBoilerplate(l) || SIGNED_ANY_RE.test(l.masked) || CAPTION_RE.test(l.masked) || SIGNATURE_HEADING_RE.test(l.masked))) break;
    const t = text.replace(/\s+/g, ' ').trim();
    if (t) {
      parts.push(t);
      const start = text.length - text.trimStart().length;
      range ??= { start: { line: l.line, character: start }, end: { line: l.line, character: text.trimEnd().length } };
    }
  }
  const text = parts.join(' ').trim();
  return { text: text || null, range };
}

export interface ParsedSignature {
  name: string | null;
  date: string | null;
  rawDate?: string;
  range: Range;
  dateRange?: Range;
}

/**
 * A signature's date: 03/05/2021 (spaces OCR puts around the slashes allowed), 3-5-2021, 2021-03-05,
 * or a month written out ("March 5, 2021", "Mar. 5 2021") standing as a cell of its own (a column gap
 * or the line's edge on each side, or after "Date:"): a remark wrapped after "dated as of April 11,
 * 2023" is no signature.
 */
const DATE_IN_LINE = new RegExp(
  String.raw`\b\d{1,2}\s*\/\s*\d{1,2}\s*\/\s*\d{2,4}\b|\b\d{1,2}-\d{1,2}-\d{4}\b|\b\d{4}-\d{2}-\d{2}\b|` +
    String.raw`(?<=^\s*|\s{2}|\t|:\s?)(?:${MONTH_ABBREVIATIONS.map((n) => n[0]!.toUpperCase() + n.slice(1)).join('|')})[a-z]*\.?\s+\d{1,2},?\s+\d{4}(?=\s{2,}|\t|\s*$)`,
);

/**
 * A month written out ending a "/s/" line after a single space: a signature line holds no running
 * text, so the date ending it is its date even where the gap before it shrank to one space (a tab
 * expanded to the next stop).
 */
const SIGNED_LONG_DATE = new RegExp(
  String.raw`^\s*\/s\/.*\s((?:${MONTH_ABBREVIATIONS.map((n) => n[0]!.toUpperCase() + n.slice(1)).join('|')})[a-z]*\.?\s+\d{1,2},?\s+\d{4})\s*$`,
  'i',
);

/**
 * "/s/" opening a signature, and how OCR reads it: its first slash as a stroke ("ls/", "Is/"),
 * or its last slash and the space as "h" before the signer's name ("Ish Kim Lee").
 */
const SIGNED_START_RE = /^\s*(?:\/s\/|[lI|]s\/|Ish(?= \p{Lu}))\s*/u;
/** "/s/" anywhere in a line, or read by OCR with its first slash as a stroke. */
const SIGNED_ANY_RE = /\/s\/|(?:^|\s)[lI|]s\/(?=\s|\p{Lu})/u;

const [CAPACITY_FIRST, CAPACITY_IN, CAPACITY_LAST] = SIGNER_CAPACITY.split('-') as [string, string, string];
/** "Attorney-in-Fact" with OCR's damage in its long word ("Attomey"): group 1 that word. */
const CAPACITY_RE = new RegExp(`\\b(${fuzzyWord(CAPACITY_FIRST)})([- ]${CAPACITY_IN}[- ]${CAPACITY_LAST})\\b`, 'gi');
/**
 * After the capacity that ends a signature, one or two tokens of three characters at most other
 * than "for": OCR's reading of the rule printed under the date cell beside the signer's last line.
 */
const AFTER_CAPACITY_NOISE_RE = new RegExp(`(\\b${fuzzyWord(CAPACITY_FIRST)}[- ]${CAPACITY_IN}[- ]${CAPACITY_LAST})(?: (?!for\\b)\\S{1,3}){1,2}$`, 'i');
/** A date OCR damaged at the end of a signer's line ("OU26/2023"): no name ends in numbers and slashes. */
const DAMAGED_DATE_END_RE = /\s\S*\d\/\d{2,4}$/;

/** A signer's name as OCR read it, without the damage OCR adds to every signature alike. */
function cleanSignerName(name: string): string {
  return name
    .replace(DAMAGED_DATE_END_RE, '')
    .replace(AFTER_CAPACITY_NOISE_RE, '$1')
    .replace(CAPACITY_RE, (all, word: string, rest: string) => {
      // The long word read with one letter wrong: the word the customary phrase holds, in the case written.
      const right = word[0] === word[0]!.toLowerCase() ? CAPACITY_FIRST.toLowerCase() : CAPACITY_FIRST;
      return /[^A-Za-z]/.test(word) || word.toLowerCase() === CAPACITY_FIRST.toLowerCase() ? all : right + rest;
    })
    .replace(/,{2,}/g, ',');
}

/** The date of a signature line: see {@link DATE_IN_LINE} and {@link SIGNED_LONG_DATE}. */
function signatureDate(masked: string): { index: number; 0: string } | null {
  const dm = DATE_IN_LINE.exec(masked);
  if (dm) return dm;
  const m = masked.includes('/') ? SIGNED_LONG_DATE.exec(masked) : null;
  return m ? { index: m.index + m[0].lastIndexOf(m[1]!), 0: m[1]! } : null;
}

/**
 * Signatures stand above the caption "Signature of Reporting Person ... Date": a name (often
 * "/s/ ..."), possibly wrapped, with its date at the end of the first line.
 */
export function parseSignatureBlock(lines: PLine[]): ParsedSignature[] {
  const out: ParsedSignature[] = [];
  let current: (ParsedSignature & { parts: string[] }) | null = null;
  let lastLine = -2;
  for (const l of lines) {
    if (l.directive || l.blank || l.rule) continue;
    const dm = signatureDate(l.masked);
    const namePart = (dm ? l.masked.slice(0, dm.index) + ' ' + l.masked.slice(dm.index + dm[0].length) : l.masked).replace(/\s+/g, ' ').trim();
    // A signature wraps onto the lines right below it; a gap (its caption) ends it.
    // A date alone on its line dates the signature above that has none, however far OCR's block
    // order put it (below the caption, past the notices: findSignatureLines).
    const datesCurrent = dm !== null && namePart === '' && current !== null && current.date === null;
    const startsNew = SIGNED_START_RE.test(namePart) || !current || (dm !== null && current.date !== null) || (l.line > lastLine + 1 && !(l.afterSpacing && l.line === lastLine + 2) && !datesCurrent && !joinsAcrossBlanks(l, current));
    lastLine = l.line;
    if (startsNew) {
      current = { name: null, date: null, parts: [], range: lineRange(l) };
      out.push(current);
    }
    const cur = current!;
    if (namePart) cur.parts.push(namePart);
    if (dm && !cur.rawDate) {
      // Spaces OCR puts around slashes go; a month name keeps one space between its words.
      cur.rawDate = /^\d/.test(dm[0]) ? dm[0].replace(/\s+/g, '') : dm[0].replace(/\s+/g, ' ');
      cur.date = parseDateText(cur.rawDate)?.iso ?? null;
      cur.dateRange = { start: { line: l.line, character: dm.index }, end: { line: l.line, character: dm.index + dm[0].length } };
    }
    // A line broken after a hyphen ("Attorney-" / "in-Fact") joins without a space: pages break at hyphens, never add them.
    cur.name = cur.parts.map((p, i) => (i > 0 && /[A-Za-z]-$/.test(cur.parts[i - 1]!) && /^[A-Za-z]/.test(p) ? '\u0000' : ' ') + p).join('').replace(/ ?\u0000/g, '').trim().replace(SIGNED_START_RE, '').replace(/\s+/g, ' ').trim();
    cur.name = cur.name ? cleanSignerName(cur.name) || null : null;
  }
  return out.map(({ name, date, rawDate, range, dateRange }) => ({ name, date, rawDate, range, dateRange }));
}

/** Lines found by one walk up from a caption across blank lines (OCR's wrapped signature cell). */
const acrossBlanks = new WeakSet<PLine>();

/** The line continues the signature above it across blank lines only: the walk that found it said so. */
function joinsAcrossBlanks(l: PLine, current: ParsedSignature | null): boolean {
  return current !== null && acrossBlanks.has(l);
}

/** The caption under a signature, "Signature of Reporting Person" (OCR-tolerant). */
const CAPTION_RE = new RegExp(`(^|\\s)${fuzzyWord('Signature', true)}\\s+of(\\s|$)`, 'i');
/** A "Signatures" heading, or a signature table's header row ("Signature | Date"). */
const SIGNATURE_HEADING_RE = new RegExp(`^\\s*${fuzzyWord('Signature')}s?\\s*(?::\\s*)?(?:Date\\s*)?$`, 'i');

/** The caption's first word alone at a line's end, when a narrow pane wraps it ("Signature" / "of Reporting Date"). */
const CAPTION_HEAD_RE = new RegExp(`(^|\\s)${fuzzyWord('Signature', true)}\\s*$`, 'i');
const CAPTION_TAIL_RE = /^\s*of(\s|$)/i;

/**
 * What OCR leaves of the caption on its own line: its first word too damaged to read, the rest
 * there ("penature of Reporting Date"), or its "**" and first word alone, the rest lost.
 */
const [CAPTION_FIRST, CAPTION_OF, CAPTION_REPORTING, CAPTION_PERSON] = SIGNATURE_CAPTION.split(' ') as [string, string, string, string];
const DAMAGED_CAPTION_RE = new RegExp(`^\\s*(?:\\*{1,2}\\s*)?\\S{3,12}\\s+${CAPTION_OF}\\s+${fuzzyWord(CAPTION_REPORTING)}(?:\\s+${CAPTION_PERSON})?(?:\\s+Date)?\\s*$`, 'i');
/** The caption's "**" and first word alone (raw text: masking reads "**" as emphasis). */
const STARRED_CAPTION_RE = new RegExp(`^\\s*\\*{2}\\s*${fuzzyWord(CAPTION_FIRST)}\\s*$`, 'i');

const WHOLE_CAPTION = 1;
const CAPTION_HEAD = 2;
const CAPTION_TAIL = 4;
/**
 * What a line's text alone says of the caption (the bits above), by its facts: every line of
 * every filing is asked, and the printed lines come back in filing after filing.
 */
const captionMemo = new FactsMemo<number>();

function captionBits(l: PLine): number {
  return captionMemo.get(l.facts, () =>
    (CAPTION_RE.test(l.masked) || DAMAGED_CAPTION_RE.test(l.masked) || STARRED_CAPTION_RE.test(l.raw) ? WHOLE_CAPTION : 0) |
    (CAPTION_HEAD_RE.test(l.masked) ? CAPTION_HEAD : 0) |
    (CAPTION_TAIL_RE.test(l.masked) ? CAPTION_TAIL : 0),
  );
}

/** Line k holds the caption, whole or wrapped after its first word. */
function isCaption(lines: PLine[], k: number): boolean {
  const bits = captionBits(lines[k]);
  if (bits & WHOLE_CAPTION) return true;
  const next = lines[k + 1];
  return next !== undefined && (bits & CAPTION_HEAD) !== 0 && (captionBits(next) & CAPTION_TAIL) !== 0;
}

/** A line with "/s/" or a date. */
function isSignedLine(l: PLine): boolean {
  return SIGNED_ANY_RE.test(l.masked) || DATE_IN_LINE.test(l.masked);
}

/** The caption's own line holds no date, and a signed or dated line follows it. */
function signedBelow(lines: PLine[], captionAt: number): boolean {
  if (DATE_IN_LINE.test(lines[captionAt].masked)) return false;
  for (let k = captionAt + 1; k < lines.length; k++) {
    const l = lines[k];
    if (l.blank || l.rule || l.directive || CAPTION_TAIL_RE.test(l.masked)) continue;
    // A date alone is OCR's block of the date cell beside the signature above (see loneDateBelow).
    const date = DATE_IN_LINE.exec(l.masked);
    if (date && l.masked.trim() === date[0]) return false;
    return !isBoilerplate(l) && isSignedLine(l);
  }
  return false;
}

/**
 * The signature lines under a caption row, up to `end` (the next caption): a blank line ends them
 * unless the next text is signed or dated too (one signer per row, rows apart).
 */
function linesBelowCaption(lines: PLine[], captionAt: number, end: number): PLine[] {
  const out: PLine[] = [];
  let k = captionAt + 1;
  if (k < end && CAPTION_TAIL_RE.test(lines[k].masked)) k++;
  for (; k < end; k++) {
    const l = lines[k];
    if (l.directive) continue;
    if (l.blank || l.rule) {
      const next = lines.slice(k + 1, end).find((x) => !x.blank && !x.rule && !x.directive);
      if (out.length && (!next || !isSignedLine(next))) break;
      continue;
    }
    if (isBoilerplate(l) || SIGNATURE_HEADING_RE.test(l.masked) || SECTION_START_RE.test(l.masked)) break;
    out.push(l);
  }
  return out;
}

/** Short enough to be a line of the narrow signature cell, not a remark's or a footnote's. */
const SIGNATURE_CELL_WIDTH = 48;
/** How many non-blank lines above its caption a signature cell's top is looked for. */
const SIGNED_TOP_REACH = 8;

/**
 * The top of a signature cell above a caption whose lines stand apart with blank lines between
 * (OCR), or -1: the "/s/" line near above across short lines only; without one, the first of
 * the short lines under the text above (a heading, a long line), when they are at least three,
 * hold a date, and every gap between them is one blank line (how OCR writes one wrapped cell).
 */
function signedTopAbove(lines: PLine[], captionAt: number, floor: number): number {
  let seen = 0;
  let top = -1;
  let dated = false;
  let gaps = 0;
  let blanks = 0;
  let evenGaps = true;
  for (let k = captionAt - 1; k > floor && seen < SIGNED_TOP_REACH; k--) {
    const l = lines[k];
    if (l.blank || l.rule || l.directive) {
      blanks++;
      continue;
    }
    const text = l.masked.trim();
    if (text.length > SIGNATURE_CELL_WIDTH || isBoilerplate(l) || DEF_RE.test(l.masked) || /^(Remarks\s*:|Explanation\s+of)/i.test(text)) break;
    if (top >= 0) {
      gaps++;
      if (blanks !== 1) evenGaps = false;
    }
    blanks = 0;
    seen++;
    if (SIGNED_START_RE.test(text)) return k;
    if (DATE_IN_LINE.test(text)) dated = true;
    top = k;
  }
  return top >= 0 && dated && evenGaps && gaps >= 2 ? top : -1;
}

/** What OCR leaves of a caption when its words come apart: "Person", "Reporting Person Date", "Date". */
const CAPTION_REMAINS_RE = new RegExp(`^\\s*(?:\\*{1,2}\\s*)?(?:${CAPTION_FIRST}\\s+${CAPTION_OF}\\s*)?(?:${CAPTION_REPORTING}\\s*)?(?:${CAPTION_PERSON}\\s*)?(?:Date\\s*)?$`, 'i');

/**
 * A date alone on its line below the last caption, past the printed notices and what is left of
 * the caption: OCR reads the signature's date cell as a block of its own, after the blocks
 * beside it. Any other text first ends the search.
 */
function loneDateBelow(lines: PLine[], captionAt: number): PLine | null {
  for (let k = captionAt + 1; k < lines.length; k++) {
    const l = lines[k];
    if (l.blank || l.rule || l.directive || isBoilerplate(l) || CAPTION_REMAINS_RE.test(l.masked)) continue;
    const m = DATE_IN_LINE.exec(l.masked);
    return m && l.masked.trim() === m[0] ? l : null;
  }
  return null;
}

/** Finds the lines that hold signatures in the part of the filing after the tables. */
export function findSignatureLines(lines: PLine[]): PLine[] {
  const captions = lines.map((_, k) => (isCaption(lines, k) ? k : -1)).filter((k) => k >= 0);
  if (captions.length && signedBelow(lines, captions[captions.length - 1])) {
    // A signature table whose caption row comes first (signed lines follow even the last caption):
    // each caption opens the lines below it.
    const block: PLine[] = [];
    captions.forEach((captionAt, i) => block.push(...linesBelowCaption(lines, captionAt, captions[i + 1] ?? lines.length)));
    return block;
  }
  if (captions.length) {
    // Each caption closes the signature lines above it (joint filings print one per owner).
    const block: PLine[] = [];
    let floor = -1;
    for (const captionAt of captions) {
      const part: PLine[] = [];
      // OCR writes a wrapped signature cell's lines with blank lines between them (and its date on
      // a line of its own): past a blank, the walk goes on up to a "/s/" line standing near above
      // across short lines only, the signed cell's top.
      const top = part.length ? -1 : signedTopAbove(lines, captionAt, floor);
      for (let k = captionAt - 1; k > floor; k--) {
        const l = lines[k];
        if (l.blank || l.rule) {
          if (part.length && k <= top) break;
          if (part.length && top < 0) break;
          continue;
        }
        if (top >= 0 && k >= top) acrossBlanks.add(l);
        if (SECTION_LINE_RE.test(l.masked) || SIGNATURE_HEADING_RE.test(l.masked) || isBoilerplate(l)) break;
        part.unshift(l);
      }
      // Text right above the first signed or dated line (a remark without a blank line) is not a signature.
      // (A cell without "/s/" whose top the walk found starts there.)
      let first = top >= 0 && !SIGNED_START_RE.test(lines[top]!.masked) ? part.indexOf(lines[top]!) : part.findIndex((l) => SIGNED_ANY_RE.test(l.masked) || DATE_IN_LINE.test(l.masked));
      // A printed page centres the signature cell on its date: lines above the dated one standing in
      // the same column, away from the margin, are the signature's first lines.
      const indent = (l: PLine) => l.masked.length - l.masked.trimStart().length;
      if (first > 0 && indent(part[first]!) >= 10) while (first > 0 && indent(part[first - 1]!) === indent(part[first]!)) first--;
      block.push(...(first > 0 ? part.slice(first) : part));
      floor = captionAt;
    }
    const date = block.some((l) => DATE_IN_LINE.test(l.masked)) ? null : loneDateBelow(lines, captions[captions.length - 1]!);
    if (date) block.push(date);
    return block;
  }
  const heading = lines.findIndex((l) => SIGNATURE_HEADING_RE.test(l.masked) && !/Date\s*$/i.test(l.masked));
  if (heading < 0) return [];
  const block: PLine[] = [];
  for (let k = heading + 1; k < lines.length; k++) {
    const l = lines[k];
    if (l.blank || l.rule) {
      if (block.length) break;
      continue;
    }
    if (isBoilerplate(l)) break;
    block.push(l);
  }
  return block;
}

export interface OwnerTableRow {
  nameAddress: string;
  range: Range;
  isDirector: boolean;
  isTenPercentOwner: boolean;
  isOfficer: boolean;
  isOther: boolean;
  officerTitle: string | null;
  otherText: string | null;
}

type OwnerField = 'isDirector' | 'isTenPercentOwner' | 'isOfficer' | 'isOther';

const OWNER_LABEL_RE = /\b(?:(Director)|(10\s*%\s*Owner)|(Officer)|(Other))\b/gi;

/**
 * The relationship labels a header cell of the owners table holds, with their offsets in the
 * cell: one label alone, or several whose cells the text merged, nothing else between or after
 * them. `before`: other text (the name column's label) stands before the first.
 */
function ownerLabels(text: string): { labels: { field: OwnerField; at: number }[]; before: boolean } {
  const out: { field: OwnerField; at: number }[] = [];
  let end = -1;
  OWNER_LABEL_RE.lastIndex = 0;
  for (let m = OWNER_LABEL_RE.exec(text); m; m = OWNER_LABEL_RE.exec(text)) {
    if (end >= 0 && /\S/.test(text.slice(end, m.index))) return { labels: [], before: false };
    out.push({ field: m[1] ? 'isDirector' : m[2] ? 'isTenPercentOwner' : m[3] ? 'isOfficer' : 'isOther', at: m.index });
    end = m.index + m[0].length;
  }
  if (!out.length || /\S/.test(text.slice(end))) return { labels: [], before: false };
  return { labels: out, before: /\S/.test(text.slice(0, out[0]!.at)) };
}

/** The "Reporting Owners" table: Name / Address, then Director, 10% Owner, Officer, Other. */
export function parseOwnersTable(lines: PLine[]): OwnerTableRow[] {
  const headerAt = lines.findIndex((l) => /Director/i.test(l.masked) && /Officer/i.test(l.masked) && /Other/i.test(l.masked));
  if (headerAt < 0) return [];
  const header = lines[headerAt];
  const columns: { field: OwnerField; x: number }[] = [];
  const xOf = (l: PLine, c: { col: number; start: number }) => (l.hasBorders ? c.col : c.start);
  // A cell may hold several labels whose cells the text merged ("Officer Other"): each is a column
  // of its own, and in bordered text every cell after it stands one column further right.
  let shift = 0;
  for (const c of splitCells(header.maskedLine)) {
    const { labels: found, before } = ownerLabels(c.text);
    // The name column's label run on into the first relationship label: that one is a column on.
    const lead = before ? 1 : 0;
    found.forEach((f, k) => columns.push({ field: f.field, x: header.hasBorders ? c.col + shift + lead + k : c.start + f.at }));
    if (found.length + lead > 1) shift += found.length + lead - 1;
  }
  if (columns.length < 3) return [];
  const firstX = Math.min(...columns.map((c) => c.x));
  const rows: OwnerTableRow[] = [];
  let current: OwnerTableRow | null = null;
  for (const l of lines.slice(headerAt + 1)) {
    if (l.directive) continue;
    if (l.blank || l.rule) {
      if (current) break;
      continue;
    }
    if (isBoilerplate(l) || /^\s*Signatures?\s*$/i.test(l.masked)) break;
    const cells = splitCells(l.maskedLine).filter((c) => c.text.length);
    const nameCells = cells.filter((c) => xOf(l, c) < firstX - (l.hasBorders ? 0 : 2));
    const marks = cells.filter((c) => !nameCells.includes(c));
    if (marks.length || !current) {
      current = {
        nameAddress: '',
        range: lineRange(l),
        isDirector: false,
        isTenPercentOwner: false,
        isOfficer: false,
        isOther: false,
        officerTitle: null,
        otherText: null,
      };
      rows.push(current);
    }
    current.nameAddress = `${current.nameAddress} ${nameCells.map((c) => c.text).join(' ')}`.replace(/\s+/g, ' ').trim();
    for (const m of marks) {
      const x = xOf(l, m);
      let best = columns[0];
      for (const c of columns) if (Math.abs(c.x - x) < Math.abs(best.x - x)) best = c;
      current[best.field] = true;
      const text = m.text.trim();
      if (!/^(X|x|☒|✓)$/.test(text)) {
        if (best.field === 'isOfficer') current.officerTitle = text;
        if (best.field === 'isOther') current.otherText = text;
      }
    }
  }
  return rows.filter((r) => r.nameAddress || r.isDirector || r.isOfficer || r.isOther || r.isTenPercentOwner);
}
