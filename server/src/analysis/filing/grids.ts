/**
 * pandoc grid tables read cell by cell (text/pandoc.ts), applied to a filing's prepared lines.
 */
import { isRuleOrBlank } from '../text/mask';
import { readPandocGrids, readWrappedSpans } from '../text/pandoc';
import type { PLine } from './prepare';

/**
 * Replaces the masks of lines whose pandoc markup wraps (in grid cells, in the rows of other
 * tables), and records where grid cell text glues.
 */
export function applyPandocGrids(lines: PLine[]): void {
  const grid = lines.some((l) => l.raw.charCodeAt(0) === 43 /* + */);
  const wrapped = lines.some((l) => l.raw.includes(']{') || l.raw.includes(']('));
  if (!grid && !wrapped) return;
  const raws = lines.map((l) => l.raw);
  const reading = grid ? readPandocGrids(raws, lines.map((l) => l.masked)) : { masked: new Map<number, string>(), glue: new Map<number, number[]>() };
  if (wrapped) {
    const first = raws.map((_, i) => reading.masked.get(i) ?? lines[i].masked);
    const inGrid = (i: number) => raws[i].charCodeAt(0) === 43 || raws[i].charCodeAt(0) === 124;
    for (const [i, text] of readWrappedSpans(raws, first, inGrid)) reading.masked.set(i, text);
  }
  for (const [i, text] of reading.masked) {
    const l = lines[i];
    if (text === l.masked) continue;
    l.maskedLine = { text, bordered: l.maskedLine.bordered };
    l.masked = text;
    l.rule = isRuleOrBlank(text);
    l.blank = text.trim() === '';
    l.valueText = undefined;
  }
  for (const [i, offsets] of reading.glue) {
    lines[i].glue = offsets;
    // Glued text is text even without a letter or digit (the ")" of "(Street" / ")").
    lines[i].rule = false;
  }
}
