/**
 * Phrases that survive OCR: each word of five letters or more also matches with one letter
 * substituted, dropped or added ("Rcporting", "Reportng", "Reporrting", "Re porting"), so the
 * form's printed labels are found in damaged text. Patterns are plain alternations of literal
 * strings, so matching stays linear.
 */

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * Regex source matching `word` with at most one edit (words under five letters: exactly).
 * `loose` (box labels, read where a damaged label would lose a whole box): four-letter words take
 * one edit after their first letter too ("Nae", "Dale", "Na me"), and a long word may be cut in two with
 * the letter before the cut read twice ("Earli iest", "Transact tion").
 */
export function fuzzyWord(word: string, loose = false): string {
  if (loose && word.length === 4 && /^[A-Za-z]+$/.test(word)) {
    const alts = new Set<string>([escape(word)]);
    for (let i = 1; i < 4; i++) {
      alts.add(`${escape(word.slice(0, i))}.${escape(word.slice(i + 1))}`);
      alts.add(`${escape(word.slice(0, i))}${escape(word.slice(i + 1))}`);
      alts.add(`${escape(word.slice(0, i))} ${escape(word.slice(i))}`);
      if (i > 1) alts.add(`${escape(word.slice(0, i))} ${escape(word.slice(i - 1))}`);
    }
    return `(?:${[...alts].join('|')})`;
  }
  if (word.length < 5 || !/^[A-Za-z]+$/.test(word)) return escape(word);
  const alts = new Set<string>([escape(word)]);
  if (loose) for (let i = 2; i < word.length - 1; i++) alts.add(`${escape(word.slice(0, i))} ${escape(word.slice(i - 1))}`);
  // OCR reads one letter as two (m → rn, d → cl, w → vv, n → ri), and two as one (rn → m).
  const PAIRS: Record<string, string> = { m: 'rn', d: 'cl', w: 'vv', n: 'ri' };
  for (let i = 0; i < word.length; i++) {
    const pair = PAIRS[word[i].toLowerCase()];
    if (pair) alts.add(`${escape(word.slice(0, i))}${pair}${escape(word.slice(i + 1))}`);
  }
  for (const [one, two] of Object.entries(PAIRS)) {
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
 * Regex source for a phrase written with words and the markers `~` (optional whitespace) and
 * raw regex pieces in `{...}`: fuzzyPhrase('Name and Address of Reporting Person').
 */
export function fuzzyPhrase(phrase: string, loose = false): string {
  return phrase
    .split(/\s+/)
    .map((w) => (w.startsWith('{') && w.endsWith('}') ? w.slice(1, -1) : fuzzyWord(w, loose)))
    // Loose: OCR may merge two words ("Relationshipof").
    .join(loose ? '\\s*' : '\\s+');
}

export function fuzzyRe(phrase: string, flags = 'i'): RegExp {
  return new RegExp(fuzzyPhrase(phrase), flags);
}
