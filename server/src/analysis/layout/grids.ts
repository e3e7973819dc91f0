/**
 * Line-level reading of grids whose cells cut words at the cell width and wrap inline markup
 * (pandoc's grid tables, see pandoc.ts), and of span and link markup wrapped over the rows of
 * other tables. Returns what changes of the lines' masks as a value; the caller applies it.
 */
import { readPandocGrids, readWrappedSpans } from './pandoc';
import { isRuleOrBlank } from './mask';
import type { LineRewrite } from './types';

/**
 * The rewrites of a filing's lines: masks of lines whose pandoc markup wraps (in grid cells, in
 * the rows of other tables), and where grid cell text glues to the line above.
 * `raws` and `masked`: the lines' text and the masks their text alone gives.
 */
export function readGridLines(raws: readonly string[], masked: readonly string[]): Map<number, LineRewrite> {
  const out = new Map<number, LineRewrite>();
  const grid = raws.some((r) => r.charCodeAt(0) === 43 /* + */);
  const wrapped = raws.some((r) => r.includes(']{') || r.includes(']('));
  if (!grid && !wrapped) return out;
  const reading = grid ? readPandocGrids(raws, masked) : { masked: new Map<number, string>(), glue: new Map<number, number[]>(), spaced: new Map<number, number[]>() };
  if (wrapped) {
    const first = raws.map((_, i) => reading.masked.get(i) ?? masked[i]);
    const inGrid = (i: number) => raws[i].charCodeAt(0) === 43 || raws[i].charCodeAt(0) === 124;
    for (const [i, text] of readWrappedSpans(raws, first, inGrid)) reading.masked.set(i, text);
  }
  const final = (i: number) => out.get(i)?.masked ?? masked[i];
  const entry = (i: number): LineRewrite => {
    let e = out.get(i);
    if (!e) out.set(i, (e = { masked: masked[i] }));
    return e;
  };
  for (const [i, text] of reading.masked) if (text !== masked[i]) entry(i).masked = text;
  for (const [i, offsets] of reading.glue) {
    const e = entry(i);
    e.glue = offsets;
    // Glued text is text even without a letter or digit (the ")" of "(Street" / ")").
    e.text = true;
    // So is the text it continues: the "(" of a nested "(Street)" cut into "(" / "Street)".
    if (i > 0 && !reading.glue.has(i - 1) && isRuleOrBlank(final(i - 1)) && isGlueSource(raws[i - 1])) entry(i - 1).text = true;
  }
  for (const [i, offsets] of reading.spaced) entry(i).spaced = offsets;
  return out;
}

/** A cell line of punctuation that glued text continues: an opening bracket left alone ("[(" / "("). */
function isGlueSource(raw: string): boolean {
  return raw.includes('(') && !raw.includes('--');
}
