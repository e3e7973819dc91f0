/**
 * The forms' printed phrases as patterns: the one place a phrase of the wording table
 * (`wording.ts`) becomes regular-expression source. Readers ask for the tolerance their text
 * needs and write only the structure around it (anchors, box numbers, the cells between).
 *
 * - `escapeRegExp`: literal text as a pattern;
 * - `wordsOf`, `firstWords`, `lastWord`: a phrase's words, as text (a label's opening words, the
 *   part of a phrase a line keeps);
 * - `phrasePattern`: a phrase's words with white space between them, its punctuation exact or
 *   optional (`PhraseStyle`); `printingPattern`: one way a column label is printed, in parts;
 * - `fuzzyWord`, `fuzzyPhrase`, `lastWordFuzzy`, `ROMAN_STROKE`: the same with the letters OCR
 *   misreads (a letter substituted, dropped, added or read as two).
 *
 * Every pattern is an alternation of literal pieces joined by single white-space quantifiers: no
 * nested quantifiers, so matching stays linear in the line.
 */
import type { ColumnLabelPart } from './wording';

/** Literal text as pattern source (the slash too, so the source can sit in a regex literal). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** A phrase's words from `from` up to (not including) `to`; negative indices count from the end. */
export function wordsOf(phrase: string, from: number, to?: number): string {
  return phrase.trim().split(/\s+/).slice(from, to).join(' ');
}

/** A phrase's first `n` words. */
export function firstWords(phrase: string, n: number): string {
  return wordsOf(phrase, 0, n);
}

/** A phrase's last word. */
export function lastWord(phrase: string): string {
  return wordsOf(phrase, -1);
}

/** How tolerant a phrase's pattern is of the way a converter wrote it. */
export interface PhraseStyle {
  /**
   * A period, comma or colon may be missing (text read one cell a line keeps or drops them as a
   * cell's edge falls). Otherwise each is required, a colon with any space around it and a lone
   * comma optional.
   */
  optionalPunctuation?: boolean;
  /** No space needed after a word's final period or before an opening parenthesis ("Instr.3", "Transaction(s)"). */
  touching?: boolean;
  /** Any space around a slash ("Month / Day / Year"). */
  spacedSlash?: boolean;
}

/** Text read one cell a line: punctuation optional, words may touch at a period or parenthesis. */
export const CELL_EDGES: PhraseStyle = { optionalPunctuation: true, touching: true };

/** A heading line's printed label: words may touch at a period or parenthesis, a slash spaced. */
export const HEADING_LINE: PhraseStyle = { touching: true, spacedSlash: true };

/**
 * A printed phrase as pattern source: its words in order with white space between them (`\s+`,
 * or `\s*` where the style lets words touch), an abbreviation's inner periods ("U.S.C.") with
 * optional space after each.
 */
export function phrasePattern(phrase: string, style: PhraseStyle = {}): string {
  const words = phrase.trim().split(/\s+/);
  const loose = style.optionalPunctuation === true;
  return words
    .map((w, i) => {
      const colon = !loose && w.endsWith(':');
      let body = escapeRegExp(colon ? w.slice(0, -1) : w).replace(/\\\.(?=[A-Za-z])/g, loose ? '\\.?\\s*' : '\\.\\s*');
      if (loose) body = body.replace(/\\\.(?![?])/g, '\\.?').replace(/([,:])/g, '$1?');
      else if (w === ',') body = ',?';
      if (style.spacedSlash) body = body.replace(/\\\//g, '\\s*\\/\\s*');
      if (colon) body += '\\s*:';
      const next = words[i + 1];
      if (next === undefined) return body;
      return body + (colon || (style.touching && (w.endsWith('.') || next.startsWith('('))) ? '\\s*' : '\\s+');
    })
    .join('');
}

/** Any of the phrases (alternatives joined by `|`, each in the same style). */
export function anyPhrase(phrases: readonly string[], style: PhraseStyle = {}): string {
  return phrases.map((p) => phrasePattern(p, style)).join('|');
}

/**
 * One way of printing a column label (`COLUMN_LABEL_PARTS`) as a heading line's pattern: each
 * part in the `HEADING_LINE` style, an optional part (its alternatives) with the space before
 * it: none before a comma, any before a parenthesis.
 */
export function printingPattern(parts: readonly ColumnLabelPart[]): string {
  return parts
    .map((part, i) => {
      if (typeof part === 'string') return (i ? (part.startsWith('(') ? '\\s*' : '\\s+') : '') + phrasePattern(part, HEADING_LINE);
      const alternatives = part.map((text) => (text.startsWith('(') ? '\\s*' : /^[,:]/.test(text) ? '' : '\\s+') + phrasePattern(text, HEADING_LINE));
      return `(?:${alternatives.join('|')})?`;
    })
    .join('');
}

// ---------------------------------------------------------------------------------------------
// OCR-tolerant words
// ---------------------------------------------------------------------------------------------
//
// Phrases that survive OCR: each word of five letters or more also matches with one letter
// substituted, dropped or added ("Rcporting", "Reportng", "Reporrting", "Re porting"), and with
// one of the letters OCR reads as two written so (see OCR_SPLITS), so the form's printed labels
// are found in damaged text. Patterns are plain alternations of literal strings, so matching
// stays linear. Reporting damage (domain/ocr.ts) measures the same kinds of misreading with a
// weighted distance instead, to say what the text should have been.

/** OCR reads one letter as two (m → rn, d → cl, w → vv, n → ri), and two as one (rn → m). */
export const OCR_SPLITS: Readonly<Record<string, string>> = { m: 'rn', d: 'cl', w: 'vv', n: 'ri' };

/**
 * Regex source matching `word` with at most one edit (words under five letters: exactly).
 * `loose` (box labels, read where a damaged label would lose a whole box): four-letter words take
 * one edit after their first letter too ("Nae", "Dale", "Na me"), and a long word may be cut in
 * two with the letter before the cut read twice ("Earli iest", "Transact tion").
 */
export function fuzzyWord(word: string, loose = false): string {
  const escape = escapeRegExp;
  if (loose && word.length === 4 && /^[A-Za-z]+$/.test(word)) {
    const alts = new Set<string>([escape(word)]);
    for (let i = 1; i < 4; i++) {
      alts.add(`${escape(word.slice(0, i))}.${escape(word.slice(i + 1))}`);
      alts.add(`${escape(word.slice(0, i))}${escape(word.slice(i + 1))}`);
      alts.add(`${escape(word.slice(0, i))} ${escape(word.slice(i))}`);
      if (i > 1) alts.add(`${escape(word.slice(0, i))} ${escape(word.slice(i - 1))}`);
      // Cut by a wider gap (letter spacing read as a tab or a column gap, a cell's line break).
      alts.add(`${escape(word.slice(0, i))}\\s+${escape(word.slice(i))}`);
    }
    return `(?:${[...alts].join('|')})`;
  }
  if (word.length < 5 || !/^[A-Za-z]+$/.test(word)) return escape(word);
  const alts = new Set<string>([escape(word)]);
  if (loose) {
    for (let i = 2; i < word.length - 1; i++) alts.add(`${escape(word.slice(0, i))} ${escape(word.slice(i - 1))}`);
    // Cut in two by a gap of any width: letter spacing read as a tab or a column gap, a line break
    // between the pieces of a box.
    for (let i = 1; i < word.length; i++) alts.add(`${escape(word.slice(0, i))}\\s+${escape(word.slice(i))}`);
  }
  for (let i = 0; i < word.length; i++) {
    const pair = OCR_SPLITS[word[i].toLowerCase()];
    if (pair) alts.add(`${escape(word.slice(0, i))}${pair}${escape(word.slice(i + 1))}`);
  }
  for (const [one, two] of Object.entries(OCR_SPLITS)) {
    for (let i = word.toLowerCase().indexOf(two); i >= 0; i = word.toLowerCase().indexOf(two, i + 1)) {
      alts.add(`${escape(word.slice(0, i))}${one}${escape(word.slice(i + 2))}`);
    }
  }
  for (let i = 0; i < word.length; i++) {
    const before = escape(word.slice(0, i));
    alts.add(`${before}.${escape(word.slice(i + 1))}`); // substitution
    if (i > 0) alts.add(`${before}${escape(word.slice(i + 1))}`); // deletion (not the first letter)
    alts.add(`${before}.${escape(word.slice(i))}`); // insertion
  }
  return `(?:${[...alts].join('|')})`;
}

/**
 * Regex source for a phrase written with words and raw regex pieces in `{...}`, each word
 * OCR-tolerant: fuzzyPhrase('Name and Address of Reporting Person').
 */
export function fuzzyPhrase(phrase: string, loose = false): string {
  return phrase
    .split(/\s+/)
    .map((w) => (w.startsWith('{') && w.endsWith('}') ? w.slice(1, -1) : fuzzyWord(w, loose)))
    // Loose: OCR may run two words together ("Relationshipof").
    .join(loose ? '\\s*' : '\\s+');
}

/** A phrase whose last word only is OCR-tolerant (the words before it are short and common). */
export function lastWordFuzzy(phrase: string): string {
  const words = phrase.trim().split(/\s+/);
  return [...words.slice(0, -1).map(escapeRegExp), fuzzyWord(words[words.length - 1])].join('\\s+');
}

/** An OCR-tolerant phrase as a RegExp (case-insensitive unless `flags` say otherwise). */
export function fuzzyRe(phrase: string, flags = 'i'): RegExp {
  return new RegExp(fuzzyPhrase(phrase), flags);
}

/**
 * One printed stroke of a Roman numeral as OCR reads it: `I`, or the vertical strokes it is
 * mistaken for (`l`, `|`, `1`, `!`). "Table II" reads "Table Il" or "Table 11", "Table I" reads
 * "Table |"; the count of strokes still tells the tables apart.
 */
export const ROMAN_STROKE = '[Il1|!]';
