/**
 * Spotting OCR damage in the printed text of a form, with the text it should have been.
 *
 * Two kinds of damage matter to the `ocr-text` rule:
 *  - look-alike letters from another script inside an English word ("Γransaction" with a Greek
 *    capital gamma), which break searching and copying;
 *  - misread boilerplate ("DMB Number", "Estimated averag ge burden", "S. Relationship",
 *    "separate fine"), which confuses readers and the label parser.
 *
 * Both must stay quiet on clean text and on data (names, numbers), so the boilerplate check only
 * looks where words of a known printed phrase stand in the printed order, and only reports a
 * word that is a near miss of the phrase word *between* exactly matching phrase words.
 * Work per line is bounded (token and alignment caps), and every comparison is on short words.
 */
import { LOOKALIKE_TO_LATIN } from '../text/lookalikes';
import { BOILERPLATE_PHRASES } from '../vocabulary/wording';

export { BOILERPLATE_PHRASES };

/**
 * A name's Roman numeral whose strokes OCR read as look-alikes ("MITHRIL Il LP", "Fund 1] GP",
 * "I]"): a word of two or three strokes, one of them a letter or a bracket (all digits may be a
 * number), is that many "I"s.
 */
export function romanStrokesInName(name: string): string {
  return name.replace(/(^|\s)([Il1|\]!]{2,3})(?=[\s,]|$)/g, (all, pre: string, run: string) => (/[l|\]!]/.test(run) ? pre + 'I'.repeat(run.length) : all));
}

/**
 * A letter with a superscript reference printed after it ("S(1)"), as OCR reads the pair at
 * small print: the reference as a round glyph ("So", "C0", "G®") or as digits and a parenthesis
 * whose opening one came out as a digit ("S10)", "S1)"); the letter itself in lower case when its
 * two cases print alike ("so", "co"), or "j" for "J". Returns the capital letter, or null.
 */
export function letterGluedToReference(word: string): string | null {
  const m = /^([A-Z]|[cjkpsuvwxz])(?:[oO0°®©@]|1?\d{0,2}\))$/.exec(word);
  return m ? m[1]!.toUpperCase() : null;
}

/**
 * A name folded so that two OCR readings of it compare equal: letter case, punctuation, and a
 * word of strokes however many OCR kept ("MITHRIL I LP", "MITHRIL Il LP").
 */
export function ocrNameKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/(^|\s)[il1|\]!]+(?=[\s,]|$)/g, '$1|')
    .replace(/[^\p{L}\p{N}|\s]+/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

// ---------------------------------------------------------------------------------------------
// Scripts and look-alike letters
// ---------------------------------------------------------------------------------------------

/** Greek and Cyrillic letters that print like a Latin letter (the one table, text/lookalikes.ts). */

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isAsciiDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Latin letters: ASCII plus Latin-1 and Latin Extended-A/B letters. */
function isLatinLetter(c: number): boolean {
  return isAsciiLetter(c) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
}

function isGreekOrCyrillicLetter(c: number): boolean {
  return (c >= 0x386 && c <= 0x3ff && c !== 0x387) || (c >= 0x400 && c <= 0x52f && !(c >= 0x482 && c <= 0x489));
}

function isWordChar(c: number): boolean {
  return isLatinLetter(c) || isAsciiDigit(c) || isGreekOrCyrillicLetter(c);
}

export interface LookalikeHit {
  start: number;
  /** Exclusive. */
  end: number;
  word: string;
  corrected: string;
}

/**
 * Words that are mostly Latin letters but contain Greek or Cyrillic look-alikes ("Γransaction",
 * "Cоmmon" with a Cyrillic о), with the all-Latin spelling. Words written entirely in Greek or
 * Cyrillic, and words with other non-Latin letters, are left alone: those are real text.
 */
export function findLookalikeLetters(text: string): LookalikeHit[] {
  const hits: LookalikeHit[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    if (!isLatinLetter(text.charCodeAt(i)) && !isGreekOrCyrillicLetter(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    let latin = 0;
    let lookalikes = 0;
    let foreign = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (isLatinLetter(c)) latin++;
      else if (isGreekOrCyrillicLetter(c)) {
        if (LOOKALIKE_TO_LATIN.has(text[i]!)) lookalikes++;
        else foreign++;
      } else break;
      i++;
    }
    if (lookalikes > 0 && foreign === 0 && latin >= lookalikes) {
      const word = text.slice(start, i);
      hits.push({ start, end: i, word, corrected: toLatin(word) });
    }
  }
  return hits;
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

function toLatin(word: string): string {
  let out = '';
  for (const ch of word) out += LOOKALIKE_TO_LATIN.get(ch) ?? ch;
  return out;
}

// ---------------------------------------------------------------------------------------------
// Tokens
// ---------------------------------------------------------------------------------------------

interface Token {
  start: number;
  end: number;
  /** Lower-cased, look-alikes mapped to Latin: what comparisons use. */
  folded: string;
}

/** Maximal runs of letters and digits; everything else (spaces, punctuation, markup) separates. */
function tokenize(text: string, limit: number): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = text.length;
  while (i < n && tokens.length < limit) {
    if (!isWordChar(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < n && isWordChar(text.charCodeAt(i))) i++;
    const word = text.slice(start, i);
    // Look-alike letters are never ASCII: an ASCII word needs no mapping.
    tokens.push({ start, end: i, folded: (isAscii(word) ? word : toLatin(word)).toLowerCase() });
  }
  return tokens;
}

function isAllDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isAsciiDigit(s.charCodeAt(i))) return false;
  return s.length > 0;
}

function hasDigit(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isAsciiDigit(s.charCodeAt(i))) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------
// The printed boilerplate of Forms 3, 4 and 5
// ---------------------------------------------------------------------------------------------


/** Words too common to anchor a match, and too weak to show as context around a fix. */
const STOPWORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'and', 'or', 'of', 'the', 'to', 'for', 'by', 'if', 'in', 'on', 'at', 'is', 'be', 'as',
  'any', 'each', 'this', 'that', 'are', 'not', 'who', 'with', 'see', 'may', 'one', 'all', 'no',
  'than', 'more', 'which', 'must', 'form',
]);

interface PhraseToken {
  /** Canonical spelling as printed in the phrase. */
  text: string;
  folded: string;
}

interface Phrase {
  tokens: PhraseToken[];
}

function compilePhrase(text: string): Phrase {
  return {
    tokens: tokenize(text, 1000).map((t) => ({ text: text.slice(t.start, t.end), folded: t.folded })),
  };
}

const PHRASES: readonly Phrase[] = BOILERPLATE_PHRASES.map(compilePhrase);

/** A phrase word good enough to start an alignment from: distinctive, not a number. */
function isAnchorWord(folded: string): boolean {
  return folded.length >= 3 && !STOPWORDS.has(folded) && !isAllDigits(folded);
}

/** folded word → where it occurs among the phrases, for anchor words only. */
const ANCHOR_INDEX: ReadonlyMap<string, ReadonlyArray<{ phrase: number; pos: number }>> = (() => {
  const index = new Map<string, Array<{ phrase: number; pos: number }>>();
  PHRASES.forEach((p, phrase) =>
    p.tokens.forEach((t, pos) => {
      if (!isAnchorWord(t.folded)) return;
      let list = index.get(t.folded);
      if (!list) index.set(t.folded, (list = []));
      list.push({ phrase, pos });
    }),
  );
  return index;
})();

// ---------------------------------------------------------------------------------------------
// Near-miss comparison of one word
// ---------------------------------------------------------------------------------------------

/** Character pairs OCR confuses (lower case); substituting one for the other costs half. */
const CONFUSABLE: ReadonlySet<string> = (() => {
  const pairs = [
    'o0', 'od', 'd0', 'oq', 'ce', 'co', 'eb', 'b8', 's5', 'l1', 'i1', 'il', 'fl', 'ft', 'tl', 'z2',
    'g6', 'g9', 'q9', 'b6', 'hb', 'nh', 'uv', 'rn', 'a4', 'ao',
  ];
  const set = new Set<string>();
  for (const p of pairs) {
    set.add(p);
    set.add(p[1]! + p[0]!);
  }
  return set;
})();

/** The confusable pairs keyed by their two UTF-16 code units, so the distance loop builds no strings. */
const CONFUSABLE_CODES: ReadonlySet<number> = new Set([...CONFUSABLE].map((p) => p.charCodeAt(0) * 0x10000 + p.charCodeAt(1)));

/** Rows of the distance table, reused from call to call (words are short; grown when needed). */
let prevRow = new Float64Array(64);
let curRow = new Float64Array(64);

/** Edit distance where OCR-confusable substitutions cost 0.5; gives up (Infinity) above `max`. */
function ocrDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return Infinity;
  if (prevRow.length <= b.length) {
    prevRow = new Float64Array(b.length + 1);
    curRow = new Float64Array(b.length + 1);
  }
  let prev = prevRow;
  let cur = curRow;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cb = b.charCodeAt(j - 1);
      const sub = ca === cb ? 0 : CONFUSABLE_CODES.has(ca * 0x10000 + cb) ? 0.5 : 1;
      const v = Math.min(prev[j - 1]! + sub, prev[j]! + 1, cur[j - 1]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return Infinity;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

/** How damaged a phrase word may be and still be recognised: longer words tolerate more. */
function allowedCost(word: string): number {
  if (word.length <= 2) return 0;
  if (word.length === 3) return 0.5;
  if (word.length <= 5) return 1;
  if (word.length <= 9) return 1.5;
  return 2;
}

/**
 * Whether `seen` is a damaged copy of the phrase word `want`; `pieces` says how many blank-separated
 * tokens were joined to make `seen`.
 * - Numbers are data: phrase words with digits match exactly only, and an all-digit token is
 *   never a misread word (a digit inside a word, as in "0MB", is).
 * - A word cut at either edge ("Natur", "stimated") is a column or line clipped by the converter,
 *   not a misread letter; the parser copes with those, so they are not reported.
 * - A whole word with extra letters at an edge is another word ("persons", "Indirect"), not
 *   damage. Joined pieces may carry a stray fragment ("Following g" from a wrapped cell).
 */
function isNearMiss(seen: string, want: string, pieces: number): boolean {
  if (seen === want || hasDigit(want) || isAllDigits(seen)) return false;
  if (want.startsWith(seen) || want.endsWith(seen)) return false;
  if (pieces === 1 && (seen.startsWith(want) || seen.endsWith(want))) return false;
  const max = allowedCost(want);
  if (max === 0) return false;
  if (ocrDistance(seen, want, max) <= max) return true;
  // Letter pairs that print like one letter ("Nurnber", "Wamants") cost half, like a confusion.
  const merged = mergeLookalikePairs(seen);
  return merged !== seen && ocrDistance(merged, want, max - 0.5) <= max - 0.5;
}

/** rn → m, cl → d, vv → w: two letters OCR reads for one (and the one it should have read). */
function mergeLookalikePairs(s: string): string {
  if (!s.includes('rn') && !s.includes('cl') && !s.includes('vv')) return s; // the common case: nothing to merge
  return s.split('rn').join('m').split('cl').join('d').split('vv').join('w');
}

/** A box number at the start of a label ("5." misread as "S."): a digit and its look-alike. */
function isMisreadBoxNumber(line: string, tok: Token, want: string): boolean {
  if (!isAllDigits(want) || want.length !== 1 || tok.folded.length !== 1) return false;
  if (!CONFUSABLE.has(tok.folded + want)) return false;
  const before = tok.start > 0 ? line.charCodeAt(tok.start - 1) : 32;
  const after = line.charCodeAt(tok.end);
  return !isWordChar(before) && before !== 46 /* . */ && after === 46;
}

// ---------------------------------------------------------------------------------------------
// Aligning a phrase with a line
// ---------------------------------------------------------------------------------------------

type StepKind = 'exact' | 'split' | 'damaged';

/** One phrase word matched to one or more consecutive line tokens. */
interface Step {
  pos: number;
  first: number;
  last: number;
  kind: StepKind;
}

/** Only blanks between two pieces of one word count as a split ("Acqui\tred"). */
function blankBetween(line: string, a: Token, b: Token): boolean {
  if (b.start <= a.end) return false;
  for (let i = a.end; i < b.start; i++) {
    const c = line.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 0xa0) return false;
  }
  return true;
}

interface Aligner {
  line: string;
  tokens: Token[];
  phrase: Phrase;
}

/** Tokens first..last joined, if they are separated by blanks only. */
function joined(al: Aligner, first: number, last: number): string | null {
  let s = al.tokens[first]!.folded;
  for (let i = first + 1; i <= last; i++) {
    if (!blankBetween(al.line, al.tokens[i - 1]!, al.tokens[i]!)) return null;
    s += al.tokens[i]!.folded;
  }
  return s;
}

/** Whether phrase word `pos` matches exactly (whole or split in up to three pieces) at token `at`. */
function exactAt(al: Aligner, pos: number, at: number, dir: 1 | -1): Step | null {
  const want = al.phrase.tokens[pos]!.folded;
  for (let pieces = 1; pieces <= 3; pieces++) {
    const far = at + dir * (pieces - 1);
    if (far < 0 || far >= al.tokens.length) break;
    const first = Math.min(at, far);
    const last = Math.max(at, far);
    const s = joined(al, first, last);
    if (s === null) break;
    if (s === want) return { pos, first, last, kind: pieces === 1 ? 'exact' : 'split' };
    if (s.length >= want.length) break;
  }
  return null;
}

/**
 * Whether the phrase continues properly after a damaged word: the next phrase word in the
 * direction of travel matches exactly, or the damaged word ends the phrase. This is what keeps
 * plurals, other labels and data from being "corrected".
 */
function enclosedAfter(al: Aligner, pos: number, nextToken: number, dir: 1 | -1): boolean {
  const nextPos = pos + dir;
  if (nextPos < 0 || nextPos >= al.phrase.tokens.length) return true;
  if (nextToken < 0 || nextToken >= al.tokens.length) return false;
  return exactAt(al, nextPos, nextToken, dir) !== null;
}

/** The damaged reading of phrase word `pos` at token `at` (one token, or two pieces), if any. */
function damagedAt(al: Aligner, pos: number, at: number, dir: 1 | -1): Step | null {
  const want = al.phrase.tokens[pos]!.folded;
  const options: Step[] = [];
  const far = at + dir;
  if (far >= 0 && far < al.tokens.length) {
    const first = Math.min(at, far);
    const last = Math.max(at, far);
    const s = joined(al, first, last);
    if (s !== null && isNearMiss(s, want, 2)) options.push({ pos, first, last, kind: 'damaged' });
  }
  const tok = al.tokens[at]!;
  const boxNumber = pos === 0 && isMisreadBoxNumber(al.line, tok, want);
  if (boxNumber || isNearMiss(tok.folded, want, 1)) options.push({ pos, first: at, last: at, kind: 'damaged' });
  for (const o of options) {
    const next = dir === 1 ? o.last + 1 : o.first - 1;
    if (enclosedAfter(al, pos, next, dir)) return o;
  }
  return null;
}

/**
 * The far token of phrase word `pos` matched exactly at token `at` (the step `exactAt` would
 * return, by its last token in the direction of travel), or -1: the same test, with no step built.
 */
function exactFar(al: Aligner, pos: number, at: number, dir: 1 | -1): number {
  const want = al.phrase.tokens[pos]!.folded;
  for (let pieces = 1; pieces <= 3; pieces++) {
    const far = at + dir * (pieces - 1);
    if (far < 0 || far >= al.tokens.length) break;
    const s = joined(al, Math.min(at, far), Math.max(at, far));
    if (s === null) break;
    if (s === want) return far;
    if (s.length >= want.length) break;
  }
  return -1;
}

/** The far token of the damaged reading `damagedAt` would return, or -1 (no step built). */
function damagedFar(al: Aligner, pos: number, at: number, dir: 1 | -1): number {
  const want = al.phrase.tokens[pos]!.folded;
  const far = at + dir;
  if (far >= 0 && far < al.tokens.length) {
    const s = joined(al, Math.min(at, far), Math.max(at, far));
    if (s !== null && isNearMiss(s, want, 2) && enclosedAfter(al, pos, far + dir, dir)) return far;
  }
  const tok = al.tokens[at]!;
  const boxNumber = pos === 0 && isMisreadBoxNumber(al.line, tok, want);
  if ((boxNumber || isNearMiss(tok.folded, want, 1)) && enclosedAfter(al, pos, at + dir, dir)) return at;
  return -1;
}

/** Whether the last `walk` took a damaged word (read right after the call). */
let walkDamaged = false;

/**
 * What {@link extend} finds, without building its steps: the token where the walk stopped (the
 * first not taken, in the direction of travel), and in `walkDamaged` whether a word on the way was
 * damaged. Most walks take none, and those need no steps: the line's printed words are whole.
 */
function walk(al: Aligner, pos: number, at: number, dir: 1 | -1): number {
  walkDamaged = false;
  let p = pos + dir;
  let t = at + dir;
  while (p >= 0 && p < al.phrase.tokens.length && t >= 0 && t < al.tokens.length) {
    let far = exactFar(al, p, t, dir);
    if (far < 0) {
      far = damagedFar(al, p, t, dir);
      if (far < 0) break;
      walkDamaged = true;
    }
    t = far + dir;
    p += dir;
  }
  return t;
}

/** Walks from an anchor in one direction while phrase words keep matching. */
function extend(al: Aligner, pos: number, at: number, dir: 1 | -1): Step[] {
  const steps: Step[] = [];
  let p = pos + dir;
  let t = at + dir;
  while (p >= 0 && p < al.phrase.tokens.length && t >= 0 && t < al.tokens.length) {
    const step = exactAt(al, p, t, dir) ?? damagedAt(al, p, t, dir);
    if (!step) break;
    steps.push(step);
    t = dir === 1 ? step.last + 1 : step.first - 1;
    p += dir;
  }
  return steps;
}

// ---------------------------------------------------------------------------------------------
// Reporting
// ---------------------------------------------------------------------------------------------

export interface BoilerplateDamage {
  start: number;
  /** Exclusive. */
  end: number;
  found: string;
  corrected: string;
}

interface Candidate extends BoilerplateDamage {
  /** Phrase words matched around the damage: more means a surer reading. */
  score: number;
  damageStart: number;
  damageEnd: number;
}

/** Gives the canonical word the letter case the damaged text was written in. */
function matchCase(canonical: string, written: string): string {
  let upper = 0;
  let lower = 0;
  let firstIsUpper: boolean | null = null;
  for (const ch of written) {
    const isUpper = ch !== ch.toLowerCase();
    const isLower = ch !== ch.toUpperCase();
    if (isUpper) upper++;
    if (isLower) lower++;
    if (firstIsUpper === null && (isUpper || isLower)) firstIsUpper = isUpper;
  }
  const acronym = canonical.length > 1 && canonical === canonical.toUpperCase();
  if (upper >= 2 && lower === 0) return canonical.toUpperCase();
  if (acronym) return canonical;
  if (firstIsUpper) return canonical.charAt(0).toUpperCase() + canonical.slice(1).toLowerCase();
  return canonical.toLowerCase();
}

/** Minimum letters of exactly matched phrase words around a damaged word. */
const MIN_EXACT_CONTEXT = 6;
/** Work caps per line: tokens looked at and alignments tried. */
const MAX_TOKENS_PER_LINE = 400;
const MAX_ALIGNMENTS_PER_LINE = 300;

/** Builds one report per damaged word (with an anchoring neighbour on each side, if any). */
function reportsFromRun(al: Aligner, run: Step[]): Candidate[] {
  let exactLetters = 0;
  let damagedCount = 0;
  let exactCount = 0;
  for (const s of run) {
    if (s.kind === 'damaged') damagedCount++;
    else {
      exactCount++;
      exactLetters += al.phrase.tokens[s.pos]!.folded.length;
    }
  }
  if (damagedCount === 0 || exactLetters < MIN_EXACT_CONTEXT || damagedCount > exactCount) return [];

  const out: Candidate[] = [];
  const { line, tokens } = al;
  run.forEach((step, k) => {
    if (step.kind !== 'damaged') return;
    const isContext = (s: Step | undefined): s is Step =>
      s !== undefined && s.kind === 'exact' && isAnchorWord(al.phrase.tokens[s.pos]!.folded);
    const left = isContext(run[k - 1]) ? run[k - 1]! : null;
    const right = isContext(run[k + 1]) ? run[k + 1]! : null;
    const damageStart = tokens[step.first]!.start;
    const damageEnd = tokens[step.last]!.end;
    const start = left ? tokens[left.first]!.start : damageStart;
    const end = right ? tokens[right.last]!.end : damageEnd;
    const written = line.slice(damageStart, damageEnd);
    const fixed = matchCase(al.phrase.tokens[step.pos]!.text, written);
    out.push({
      start,
      end,
      found: line.slice(start, end),
      corrected: line.slice(start, damageStart) + fixed + line.slice(damageEnd, end),
      score: run.length,
      damageStart,
      damageEnd,
    });
  });
  return out;
}

/**
 * Near misses of the forms' printed phrases in one line ("DMB Number" → "OMB Number",
 * "Estimated averag\tge burden" → "Estimated average burden", "S. Relationship" →
 * "5. Relationship", "separate fine" → "separate line"). Each report covers the damaged word
 * plus an exactly printed neighbour on each side when there is a distinctive one; `corrected`
 * is that same stretch repaired. Offsets are UTF-16 indices into `line`.
 */
export function findDamagedBoilerplate(line: string): BoilerplateDamage[] {
  const tokens = tokenize(line, MAX_TOKENS_PER_LINE);
  if (tokens.length < 2) return [];
  const candidates: Candidate[] = [];
  const mark = nextCoverMark();
  let alignments = 0;
  // One aligner a line, its phrase set before each alignment (nothing keeps it past one).
  const al: Aligner = { line, tokens, phrase: PHRASES[0]! };

  for (let at = 0; at < tokens.length && alignments < MAX_ALIGNMENTS_PER_LINE; at++) {
    const occurrences = ANCHOR_INDEX.get(tokens[at]!.folded);
    if (!occurrences) continue;
    for (const { phrase, pos } of occurrences) {
      const row = phrase * MAX_TOKENS_PER_LINE;
      if (covered[row + at] === mark) continue;
      if (++alignments > MAX_ALIGNMENTS_PER_LINE) break;
      al.phrase = PHRASES[phrase]!;
      // A run's steps take consecutive tokens: the walks' ends bound what it covers.
      const from = walk(al, pos, at, -1) + 1;
      let damaged = walkDamaged;
      const to = walk(al, pos, at, 1) - 1;
      damaged ||= walkDamaged;
      covered.fill(mark, row + from, row + to + 1);
      // Only a run with a damaged word reports; the others are done with.
      if (!damaged) continue;
      const run = [
        ...extend(al, pos, at, -1).reverse(),
        { pos, first: at, last: at, kind: 'exact' as const },
        ...extend(al, pos, at, 1),
      ];
      candidates.push(...reportsFromRun(al, run));
    }
  }
  return pickBest(candidates);
}

/**
 * Phrase words already aligned with a line's tokens, at `phrase * MAX_TOKENS_PER_LINE + token`:
 * one table for every line, an entry counting as set when it holds the current line's mark.
 */
const covered = new Uint32Array(PHRASES.length * MAX_TOKENS_PER_LINE);
let coverMark = 0;

function nextCoverMark(): number {
  if (coverMark === 0xffffffff) {
    covered.fill(0);
    coverMark = 0;
  }
  return ++coverMark;
}

/** One report per damaged stretch: the reading with the most matched phrase words wins. */
function pickBest(candidates: Candidate[]): BoilerplateDamage[] {
  const ranked = [...candidates].sort((a, b) => b.score - a.score || a.damageStart - b.damageStart);
  const kept: Candidate[] = [];
  for (const c of ranked) {
    if (kept.some((k) => c.damageStart < k.damageEnd && k.damageStart < c.damageEnd)) continue;
    kept.push(c);
  }
  kept.sort((a, b) => a.start - b.start);
  return kept.map(({ start, end, found, corrected }) => ({ start, end, found, corrected }));
}
