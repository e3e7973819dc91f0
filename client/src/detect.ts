/**
 * Recognizes the text of a Form 3, 4 or 5 filing opened as plain text or markdown.
 *
 * Pure (no `vscode`): the extension calls it on open, the unit tests call it on the seeds.
 * Converters (PDF/OCR, w3m, pandoc, html2text) break the title block in different ways: headings
 * wrapped over several lines, interleaved with the OMB box, markdown or HTML markup around them,
 * OCR look-alike letters. So the check works on words, not lines: a `FORM 3|4|5` title at the start
 * of a cell, and the words of a statement heading in order, each allowed a little OCR damage.
 */
import { LOOKALIKE_TO_LATIN } from '../../server/src/analysis/text/lookalikes';
import { STATEMENT_HEADING_TAIL, STATEMENT_HEADINGS } from '../../server/src/analysis/vocabulary/wording';

/** How many lines from the top are looked at; the title block always sits there. */
export const DETECTION_LINES = 40;

/** Characters looked at per line: tabbed converter output can put a whole table on one line. */
const MAX_LINE_CHARS = 2000;

/**
 * The statement headings of the three forms as word sequences: their words of three letters or
 * more, without the "of Securities" converters often wrap away (Form 5's holds Form 4's).
 */
const HEADINGS: readonly (readonly string[])[] = Object.values(STATEMENT_HEADINGS).map((h) =>
  h
    .slice(0, h.length - STATEMENT_HEADING_TAIL.length)
    .toUpperCase()
    .split(/\s+/)
    .filter((w) => w.length >= 3),
);

/** Words allowed between two heading words: table converters interleave other columns. */
const MAX_GAP = 16;


/** Digits OCR reads in place of letters, replaced only inside words that also hold letters. */
const DIGIT_LETTERS: Record<string, string> = { '0': 'O', '1': 'I', '5': 'S', '8': 'B' };

/** The title: `FORM 4`, `F0RM 4`, `SEC Form 4`, `FORM 4/A` at the start of a cell, not `Form 4 or Form 5`. */
const TITLE = /^(?:SEC\s+)?F[O0]RM\s?([345])(?:\/A)?(?![\w/])(?!\s+or\b)/i;

/** Markup and table drawing that may precede a title in its cell. */
const CELL_PREFIX = /^[\s#>*_\\[\]|:+=~`\u2500-\u257f-]+/;

/** Cells: converters separate columns with tabs, pipes, box-drawing bars or runs of spaces. */
const CELL_SPLIT = /\t|\||\u2502|\s{2,}/;

/** HTML tags some converters leave in (`<b>`, `<input type="checkbox"/>`); bounded for linear time. */
const HTML_TAG = /<\/?[A-Za-z][^<>]{0,200}>/g;

/** The first lines of a text, capped per line, with HTML tags blanked out. */
function headLines(text: string, maxLines: number): string[] {
  const lines: string[] = [];
  let start = 0;
  while (lines.length < maxLines && start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    lines.push(text.slice(start, Math.min(end, start + MAX_LINE_CHARS)).replace(HTML_TAG, ' '));
    start = end + 1;
  }
  return lines;
}

/** The form number (3, 4 or 5) of the first title found at the start of a cell, if any. */
export function findTitle(lines: readonly string[]): '3' | '4' | '5' | undefined {
  for (const line of lines) {
    for (const cell of line.split(CELL_SPLIT)) {
      const m = TITLE.exec(cell.replace(CELL_PREFIX, ''));
      if (m) return m[1] as '3' | '4' | '5';
    }
  }
  return undefined;
}

/** Upper-cased words with OCR look-alikes mapped back to Latin letters. */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const m of text.toUpperCase().matchAll(/[\p{L}\p{N}]+/gu)) {
    let w = m[0].replace(/[\u0370-\u03ff\u0400-\u052f]/g, (c) => LOOKALIKE_TO_LATIN.get(c)?.toUpperCase() ?? c);
    if (/[A-Z]/.test(w)) w = w.replace(/[0158]/g, (d) => DIGIT_LETTERS[d] ?? d);
    out.push(w);
  }
  return out;
}

/** Edit distance, stopping early once it exceeds `max` (words here are short). */
export function withinDistance(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return false;
    prev = cur;
  }
  return prev[b.length]! <= max;
}

/**
 * Whether a word of the text stands for a heading word: equal, one or two OCR errors for longer
 * words, or the first part of it when a converter wrapped the word (`OWNERSHI` / `P`).
 */
export function wordMatches(token: string, word: string): boolean {
  if (token === word) return true;
  if (token.length >= 5 && word.startsWith(token)) return true;
  const max = word.length >= 9 ? 2 : word.length >= 6 ? 1 : 0;
  return max > 0 && withinDistance(token, word, max);
}

/** Whether the words hold `heading` in order, each next word within {@link MAX_GAP} words. */
export function hasHeading(tokens: readonly string[], heading: readonly string[]): boolean {
  for (let start = 0; start < tokens.length; start++) {
    if (!wordMatches(tokens[start]!, heading[0]!)) continue;
    let at = start;
    let found = 1;
    while (found < heading.length) {
      let next = -1;
      for (let k = at + 1; k <= Math.min(tokens.length - 1, at + 1 + MAX_GAP); k++) {
        if (wordMatches(tokens[k]!, heading[found]!)) {
          next = k;
          break;
        }
      }
      if (next < 0) break;
      at = next;
      found++;
    }
    if (found === heading.length) return true;
  }
  return false;
}

export interface Detection {
  /** The form number of the title. */
  form: '3' | '4' | '5';
}

/**
 * Whether `text` looks like a Form 3/4/5 filing: a title and a statement heading within the
 * first {@link DETECTION_LINES} lines. Returns the form of the title, or undefined.
 */
export function detectFiling(text: string, maxLines = DETECTION_LINES): Detection | undefined {
  const lines = headLines(text, maxLines);
  const form = findTitle(lines);
  if (!form) return undefined;
  const tokens = words(lines.join('\n'));
  return HEADINGS.some((h) => hasHeading(tokens, h)) ? { form } : undefined;
}
