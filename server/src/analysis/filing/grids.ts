/**
 * pandoc grid tables read cell by cell (text/pandoc.ts), applied to a filing's prepared lines.
 */
import { readPandocGrids, readWrappedSpans } from '../text/pandoc';
import { ownFacts, type PLine } from './prepare';

/**
 * Replaces the masks of lines whose pandoc markup wraps (in grid cells, in the rows of other
 * tables), and records where grid cell text glues.
 */
export function applyPandocGrids(lines: PLine[]): void {
  const grid = lines.some((l) => l.raw.charCodeAt(0) === 43 /* + */);
  const wrapped = lines.some((l) => l.raw.includes(']{') || l.raw.includes(']('));
  if (!grid && !wrapped) return;
  const raws = lines.map((l) => l.raw);
  const reading = grid ? readPandocGrids(raws, lines.map((l) => l.masked)) : { masked: new Map<number, string>(), glue: new Map<number, number[]>(), spaced: new Map<number, number[]>() };
  if (wrapped) {
    const first = raws.map((_, i) => reading.masked.get(i) ?? lines[i].masked);
    const inGrid = (i: number) => raws[i].charCodeAt(0) === 43 || raws[i].charCodeAt(0) === 124;
    for (const [i, text] of readWrappedSpans(raws, first, inGrid)) reading.masked.set(i, text);
  }
  const own = new Set<number>();
  for (const [i, text] of reading.masked) {
    if (text === lines[i].masked) continue;
    ownFacts(lines[i], text);
    own.add(i);
  }
  for (const [i, offsets] of reading.glue) {
    // What is read of a glued line depends on its neighbours, not on its text alone.
    if (!own.has(i)) ownFacts(lines[i]);
    lines[i].glue = offsets;
    // Glued text is text even without a letter or digit (the ")" of "(Street" / ")"); the facts are the line's own.
    lines[i].facts.rule = false;
    // So is the text it continues: the "(" of a nested "(Street)" cut into "(" / "Street)".
    const above = lines[i - 1];
    if (above?.facts.rule && reading.glue.has(i) && isGlueSource(above.raw)) {
      if (!own.has(i - 1) && !reading.glue.has(i - 1)) ownFacts(above);
      above.facts.rule = false;
    }
  }
  for (const [i, offsets] of reading.spaced) {
    if (!own.has(i) && !reading.glue.has(i)) ownFacts(lines[i]);
    lines[i].spaced = offsets;
  }
}

/** A cell line of punctuation that glued text continues: an opening bracket left alone ("[(" / "("). */
function isGlueSource(raw: string): boolean {
  return raw.includes('(') && !raw.includes('--');
}
