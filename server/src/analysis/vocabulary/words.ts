/**
 * Every word the forms print, from the whole wording table: what a cut or split word is checked
 * against ("Applicab" + "le" is a printed word, "Common" + "Stock" is not one word).
 */
import * as WORDING from './wording';

/** Every word the forms print (lower case). */
export const PRINTED_WORDS: ReadonlySet<string> = (() => {
  const out = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === 'string') for (const w of v.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) out.add(w);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(Object.values(WORDING));
  return out;
})();

/**
 * A printed word a tab split in two ("Applicab\tle", "Indi\tvidual": letter spacing a converter
 * read as a cell border) made one again: the tab becomes a space, so offsets stay, and the label
 * reads as its box's (the patterns take a word cut by a space). Only letters touching the tab on
 * both sides, two or more each, whose joining is a printed word of five letters or more.
 */
export function joinSplitPrintedWords(masked: string): string {
  if (!masked.includes('\t')) return masked;
  return masked.replace(/(\p{L}{2,})\t(\p{L}{2,})/gu, (all, a: string, b: string) => {
    const w = (a + b).toLowerCase();
    return w.length >= 5 && PRINTED_WORDS.has(w) && !PRINTED_WORDS.has(a.toLowerCase()) ? `${a} ${b}` : all;
  });
}
