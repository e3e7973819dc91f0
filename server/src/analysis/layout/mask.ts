/**
 * Masking: one pass over a line that turns every converter's decoration into plain text of the
 * SAME LENGTH, so an index into the masked line is an index into the document line.
 *
 * - cell borders (tab, `|` of pipe/ASCII grids, box-drawing verticals, `<td>`) become `\t`;
 * - horizontal rules, markdown markup (`#`, `**`, `\$`, `- `), HTML tags, `_` underlines, BOM and
 *   no-break spaces become spaces;
 * - checkboxes become one glyph: `<input checked>` → ☒, `<input>` → ☐;
 * - `<sup>1</sup>` becomes `   ^(1)     ` and `⁽¹⁾` becomes `(1)`, so footnote references read alike
 *   (a bare superscript digit, `S¹`, is left for the tokenizer, which reads it as a reference);
 * - Greek and Cyrillic letters that look like Latin ones (OCR damage) read as the Latin letter;
 * - pandoc's inline markup goes: the brackets of `[text]{.Class}` spans and `[text](target)` links,
 *   with the attributes and the target, and the backslash of a markdown escape (`1\.`, `\$`).
 *   Where such markup stands inside a word (`[519]{.FormData}[^(1)^]{.FootnoteData}`,
 *   `Issuer\'s`), the word closes up over it: its later characters move left and the freed
 *   columns at the word's end become spaces ("519^(1)^", "Issuer's"). The line keeps its length,
 *   and every character stays within its word.
 */
import { LOOKALIKE_TO_LATIN } from '../text/lookalikes';

const BOX_HORIZONTAL = new Set(['─', '━', '═', '╌', '╍', '┄', '┅', '┈', '┉', '╴', '╶', '╸', '╺']);


const SUPERSCRIPT: Record<string, string> = {
  '⁽': '(', '⁾': ')', '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6',
  '⁷': '7', '⁸': '8', '⁹': '9',
};

const ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#160': ' ', '#36': '$', '#39': "'",
};

/** What `<br>` becomes: a break inside a cell (U+2028 LINE SEPARATOR). */
export const LINE_BREAK = '\u2028';

export interface MaskedLine {
  /** Same length as the source line. */
  text: string;
  /** The line is drawn with borders (`| a | b |`, `│ a │`): its outermost cells are borders. */
  bordered: boolean;
}

function isBoxVertical(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return c >= 0x2500 && c <= 0x257f && !BOX_HORIZONTAL.has(ch);
}

function countPipes(line: string): number {
  let n = 0;
  for (let i = 0; i < line.length; i++) if (line.charCodeAt(i) === 124) n++;
  return n;
}

/**
 * The one `|` of a line is a cell border of a pipe table without outer pipes (html2text:
 * `a | b`, `---|---`, `| b` for an empty first cell) when it stands free: a space, a dash or the
 * line's end on each side.
 */
function isLonePipeBorder(line: string): boolean {
  const at = line.indexOf('|');
  if (isRuleInGap(line, at)) return false;
  const free = (c: number) => Number.isNaN(c) || c === 32 || c === 45 || c === 9;
  return free(line.charCodeAt(at - 1)) && free(line.charCodeAt(at + 1));
}

/**
 * A `|` inside a wide gap of text laid out with spaces (two spaces or more on each side, the line
 * neither starting nor ending with a pipe) is a printed column rule OCR read, not a cell border of
 * a pipe table (those stand one space from a cell's text on at least one side): the gap stays a gap.
 */
function isRuleInGap(line: string, at: number): boolean {
  if (line.charCodeAt(at - 1) !== 32 || line.charCodeAt(at - 2) !== 32 || line.charCodeAt(at + 1) !== 32 || line.charCodeAt(at + 2) !== 32) return false;
  const t = line.trim();
  return !t.startsWith('|') && !t.endsWith('|');
}

/** Replaces `len` characters at `at` with `first` followed by spaces. */
/** The masked line under construction: UTF-16 code units (every replacement is one unit). */
type Out = Uint16Array;

function set(out: Out, at: number, ch: string): void {
  out[at] = ch.charCodeAt(0);
}

function fill(out: Out, at: number, len: number, first = ' '): void {
  set(out, at, first);
  out.fill(32, at + 1, at + len);
}

function decode(out: Out): string {
  let text = '';
  for (let i = 0; i < out.length; i += 8192) text += String.fromCharCode.apply(null, out.subarray(i, i + 8192) as unknown as number[]);
  return text;
}

/** Length of an HTML tag starting at `i` (a `<` followed by a letter, `/` or `!`), or 0. */
function tagLength(line: string, i: number): number {
  const next = line.charCodeAt(i + 1);
  const isStart = (next >= 65 && next <= 90) || (next >= 97 && next <= 122) || next === 47 || next === 33;
  if (!isStart) return 0;
  const limit = Math.min(line.length, i + 400);
  for (let j = i + 1; j < limit; j++) {
    const c = line.charCodeAt(j);
    if (c === 62 /* > */) return j - i + 1;
    if (c === 60 /* < */) return 0;
  }
  return 0;
}

/**
 * `<sup>1</sup>` → `   ^(1)     `; `<sup>(1)</sup>` → `    ^(1)      ` (the parentheses are
 * already there). `opensParen` says whether the opening tag supplied the "(".
 */
function maskSup(closing: boolean, tagLength: number, out: Out, at: number, opensParen: boolean): void {
  fill(out, at, tagLength);
  if (!opensParen) {
    if (!closing) set(out, at + tagLength - 1, '^');
    return;
  }
  if (closing) set(out, at, ')');
  else {
    set(out, at + tagLength - 1, '(');
    if (tagLength >= 2) set(out, at + tagLength - 2, '^');
  }
}

function maskTag(tag: string, out: Out, at: number, supParen: boolean): void {
  const lower = tag.toLowerCase();
  const name = /^<\/?\s*([a-z0-9]+)/.exec(lower)?.[1] ?? '';
  const closing = lower.startsWith('</');
  if (name === 'input') {
    fill(out, at, tag.length, lower.includes('checked') ? '☒' : '☐');
  } else if (name === 'sup') {
    // The reference reads like lynx's "^(1)".
    maskSup(closing, tag.length, out, at, supParen);
  } else if (name === 'br') {
    // A line break inside a cell: "PO BOX 1<br/>SUITE 2" are two address lines.
    fill(out, at, tag.length, LINE_BREAK);
  } else if (name === 'td' || name === 'th') {
    fill(out, at, tag.length, closing ? ' ' : '\t');
  } else {
    fill(out, at, tag.length);
  }
}

/**
 * Characters that need masking anywhere (< & \\ * _ |, non-ASCII, a pandoc `]{` or `](`) or at
 * the start (# - + >).
 */
function needsMasking(line: string): boolean {
  let i = 0;
  while (i < line.length && (line.charCodeAt(i) === 32 || line.charCodeAt(i) === 9)) i++;
  const lead = line.charCodeAt(i);
  if (lead === 35 || lead === 45 || lead === 43 || lead === 62) return true;
  for (; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c > 0x7e || c === 60 || c === 38 || c === 92 || c === 42 || c === 95 || c === 124) return true;
    if (c === 93 && isSpanCloser(line, i)) return true;
  }
  return false;
}

/** The superscript digit at `i` stands inside `⁽…⁾`. */
function inSuperscriptParens(line: string, i: number): boolean {
  let k = i - 1;
  while (k >= 0 && SUPERSCRIPT_DIGITS.includes(line[k]!)) k--;
  return k >= 0 && line[k] === '⁽';
}

/** The superscript digits, each at its value's index. */
export const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** The number superscript digits write ("¹²" → 12); NaN when a character is no superscript digit. */
export function superscriptNumber(digits: string): number {
  let n = 0;
  for (const c of digits) {
    const d = SUPERSCRIPT_DIGITS.indexOf(c);
    if (d < 0) return NaN;
    n = n * 10 + d;
  }
  return n;
}

/** A `]` that closes a pandoc span (`]{.Class}`) or link (`](target)`). */
function isSpanCloser(line: string, i: number): boolean {
  const next = line.charCodeAt(i + 1);
  if (next === 123 /* { */) {
    const a = line.charCodeAt(i + 2);
    return a === 46 || a === 35 || (a >= 65 && a <= 90) || (a >= 97 && a <= 122) || Number.isNaN(a);
  }
  return next === 40 /* ( */ && i + 2 < line.length && line.charCodeAt(i + 2) !== 32;
}

/** A code unit the masked line marks as removed markup until {@link closeUp} (never in a masked line). */
const GONE = 0xffff;

/**
 * Removes the markup marked {@link GONE}: at the start of a word it becomes a space (the word
 * stays where it is), inside a word the word closes up over it and the freed columns at the
 * word's end become spaces. Linear.
 */
function closeUp(out: Out): void {
  const n = out.length;
  let r = 0;
  while (r < n) {
    const c = out[r];
    if (c === 32 || c === 9) {
      r++;
      continue;
    }
    // A word: [r, end).
    let w = r;
    let kept = false;
    for (; r < n && out[r] !== 32 && out[r] !== 9; r++) {
      const ch = out[r];
      if (ch === GONE) {
        if (!kept) out[w++] = 32;
        continue;
      }
      kept = true;
      out[w++] = ch;
    }
    out.fill(32, w, r);
  }
}

/**
 * Masks pandoc's inline markup at `i` (a `]` that {@link isSpanCloser}): the `]`, its
 * attributes or target, and the matching `[` (the last one still open in this cell). Returns the
 * index after the markup. Attributes and targets hold no spaces here: one that meets a space,
 * a cell border or the line's end before it closes continues on the next line of its cell
 * (see pandoc.ts), and is masked up to there.
 */
function maskSpanCloser(line: string, i: number, out: Out, opens: number[]): number {
  const close = line.charCodeAt(i + 1) === 123 ? 125 : 41;
  let j = i + 2;
  for (; j < line.length; j++) {
    const c = line.charCodeAt(j);
    if (c === close || c === 32 || c === 9 || c === 124) break;
  }
  const stop = j < line.length && line.charCodeAt(j) === close ? j + 1 : j;
  out.fill(GONE, i, stop);
  const open = opens.pop();
  if (open !== undefined) out[open] = GONE;
  return stop;
}

/**
 * An HTML tag left open at the end of a line (HTML re-wrapped at 80 columns splits
 * `<a href="..."` over lines): the rest of the line is tag, and the next line is tag up to its
 * first `>`. Returns where the open tag starts, or -1.
 */
export function openTagAt(line: string): number {
  const lt = line.lastIndexOf('<');
  if (lt < 0 || line.indexOf('>', lt) >= 0) return -1;
  const next = line.charCodeAt(lt + 1);
  const isTag = (next >= 65 && next <= 90) || (next >= 97 && next <= 122) || next === 47;
  return isTag ? lt : -1;
}

/** True when masking leaves the line as it is (no markup, no tag left open): most plain and tabbed lines. */
export function isPlainLine(line: string): boolean {
  return openTagAt(line) < 0 && !needsMasking(line);
}

/**
 * Masks one line (see the module comment). Linear in the line length. `inTag`: the line starts
 * inside a tag opened on the line before (see {@link openTagAt}).
 */
export function maskLine(line: string, inTag = false): MaskedLine {
  const tagEnd = inTag ? line.indexOf('>') : -1;
  if (inTag) line = ' '.repeat(tagEnd < 0 ? line.length : tagEnd + 1) + line.slice(tagEnd < 0 ? line.length : tagEnd + 1);
  const open = openTagAt(line);
  if (open >= 0) line = line.slice(0, open) + ' '.repeat(line.length - open);
  // Most lines of plain and tabbed text need nothing: skip the character array.
  if (!needsMasking(line)) return { text: line, bordered: false };
  const out: Out = new Uint16Array(line.length);
  for (let k = 0; k < line.length; k++) {
    const c = line.charCodeAt(k);
    out[k] = c === GONE ? 32 : c;
  }
  // Bracket openers still unmatched, for pandoc spans and links; markup marked GONE, if any.
  const opens: number[] = [];
  let gone = false;
  let escaped = -1;
  const n = line.length;
  const pipes = countPipes(line);
  const pipeGrid = pipes >= 2 || (pipes === 1 && isLonePipeBorder(line));
  let i = 0;
  // Markdown heading marks and list bullets at the start of a line.
  let lead = 0;
  // A BOM before the first line's markup ("\uFEFF# FORM 4") does not hide the markup.
  while (lead < n && (line[lead] === ' ' || line[lead] === '\t' || line[lead] === '\uFEFF')) lead++;
  if (line[lead] === '#') {
    let k = lead;
    while (k < n && line[k] === '#') set(out, k++, ' ');
  } else if ((line[lead] === '-' || line[lead] === '+' || line[lead] === '•') && line[lead + 1] === ' ') {
    set(out, lead, ' ');
  } else if (line[lead] === '>' && line[lead + 1] === ' ') {
    set(out, lead, ' ');
  }
  let supParen = true;
  while (i < n) {
    const code = line.charCodeAt(i);
    // Plain ASCII letters, digits, spaces and tabs are by far the most common: nothing to do.
    if (code < 0x7f && code !== 60 && code !== 38 && code !== 92 && code !== 42 && code !== 95 && code !== 124 && code !== 91 && code !== 93) {
      i++;
      continue;
    }
    if (code === 91 /* [ */ || code === 93 /* ] */) {
      if (i !== escaped) {
        if (code === 91) opens.push(i);
        else if (isSpanCloser(line, i)) {
          i = maskSpanCloser(line, i, out, opens);
          gone = true;
          continue;
        }
      }
    } else if (code === 60 /* < */) {
      const len = tagLength(line, i);
      if (len > 0) {
        const tag = line.slice(i, i + len);
        if (/^<sup\b/i.test(tag)) supParen = line.charCodeAt(i + len) !== 40;
        maskTag(tag, out, i, supParen);
        i += len;
        continue;
      }
    } else if (code === 38 /* & */) {
      const semi = line.indexOf(';', i);
      if (semi > i && semi - i <= 7) {
        const rep = ENTITIES[line.slice(i + 1, semi).toLowerCase()];
        if (rep !== undefined) {
          fill(out, i, semi - i + 1, rep);
          i = semi + 1;
          continue;
        }
      }
    } else if (code === 92 /* \\ */) {
      if (i + 1 < n && /[!-/:-@[-`{-~]/.test(line[i + 1])) {
        // Markdown escape: the backslash goes, the character is read as usual ("\$" → " $",
        // "\*" → "  "; inside a word the word closes up: "1\." → "1. ", "Issuer\'s" → "Issuer's ").
        out[i] = GONE;
        gone = true;
        escaped = i + 1;
      } else if (i + 1 === n) {
        // A hard line break (pandoc writes `\` at the end of the line).
        set(out, i, ' ');
      }
    } else if (code === 42 || code === 95 || code === 0xfeff || code === 0xa0 || code === 0x200b) {
      set(out, i, ' ');
    } else if (code === 124 /* | */) {
      if (isRuleInGap(line, i)) set(out, i, ' ');
      else if (pipeGrid) {
        set(out, i, '\t');
        opens.length = 0; // a bracket never spans a cell border
      }
    } else if (code >= 0x2500 && code <= 0x257f) {
      set(out, i, isBoxVertical(line[i]) ? '\t' : ' ');
    } else if (code >= 0x2580 && code <= 0x259f) {
      set(out, i, ' '); // block elements used as shading
    } else {
      const ch = line[i];
      if (ch === '☐' || ch === '☒' || ch === '☑' || ch === '✓' || ch === '✔' || ch === '✗' || ch === '✘') {
        set(out, i, ch === '☐' ? '☐' : '☒');
      } else if (SUPERSCRIPT[ch] !== undefined && (ch === '⁽' || ch === '⁾' || inSuperscriptParens(line, i))) {
        // Inside ⁽¹⁾ the digits read as "(1)"; a bare superscript digit ("S¹") stays as it is: the
        // tokenizer reads it as a reference, where a plain "1" would glue onto the value.
        set(out, i, SUPERSCRIPT[ch]);
      } else if (code >= 0x370 && LOOKALIKE_TO_LATIN.has(ch)) {
        // Look-alike letters OCR puts into English words read as their Latin letter.
        set(out, i, LOOKALIKE_TO_LATIN.get(ch)!);
      }
    }
    i++;
  }
  let first = 0;
  while (first < n && (line[first] === ' ' || line[first] === '\uFEFF')) first++;
  // Between drawn borders a tab is a gap inside a cell (letter spacing OCR read as a tab), not a
  // cell edge: the borders are the edges.
  if (pipeGrid || (first < n && isBoxVertical(line[first]))) {
    for (let k = 0; k < n; k++) if (line.charCodeAt(k) === 9) set(out, k, ' ');
  }
  if (gone) closeUp(out);
  const text = decode(out);
  first = 0;
  while (first < n && text[first] === ' ') first++;
  const bordered = first < n && text[first] === '\t' && (pipes >= 2 || isBoxVertical(line[first]));
  return { text, bordered };
}

/** True when a masked line carries no letter or digit: a rule, a border, or blank. */
export function isRuleOrBlank(masked: string): boolean {
  for (let i = 0; i < masked.length; i++) {
    const c = masked.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 0x7f && c !== 0x2610 && c !== 0x2612) {
      return false;
    }
  }
  return true;
}

/** The line ends inside a markdown link target: `](` with no `)` or space after it. */
export function opensLinkTarget(raw: string): boolean {
  const at = raw.lastIndexOf('](');
  if (at < 0 || at + 2 >= raw.length) return false;
  for (let i = at + 2; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 41 || c === 32 || c === 9) return false;
  }
  return true;
}

/**
 * A link target wrapped onto the next line (html2text: `[NAME](/cgi-bin/browse-` /
 * `edgar?action=getcompany&CIK=0001057067)`): the line's first word, up to its `)`, is target.
 * Returns the end of the target's rest, or -1.
 */
export function linkTargetRest(raw: string): number {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 41) return i + 1;
    if (c === 32 || c === 9 || c === 93 || c === 91) return -1;
  }
  return -1;
}
