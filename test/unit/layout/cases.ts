/**
 * Named cases of the reading layer: `test/unit/layout/<reader>/<quirk>.txt`, each with the
 * reading expected of it in `<quirk>.expected.json` beside it. The folder names the reader:
 *
 * - a table family (raw-html, pipe-table, bare-pipe, drawn-grid, flattened, fixed-width,
 *   tab-separated): the text is a table region's lines after its heading, read by
 *   readTableRows, and the region must be detected as that family;
 * - cut-grid: the lines of a filing whose grid cells cut words and wrap markup, read by
 *   readGridLines (the mask rewrites);
 * - markup: lines masked one by one (maskLine);
 * - reading-order: a whole filing as pdftotext's reading order writes it, read by
 *   readReadingOrder (its non-blank lines: the layout handed to the form readers).
 *
 * `node --import tsx scripts/layout-cases.ts` rewrites every `.expected.json` from the current
 * readers; review the diff before committing it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { prepareLines } from '../../../server/src/analysis/filing/prepare';
import { ROW_JUDGE } from '../../../server/src/analysis/filing/tables';
import { maskLine, readGridLines, readTableRows } from '../../../server/src/analysis/layout';
import { readReadingOrder } from '../../../server/src/analysis/layout/reading-order';
import { splitLines } from '../../../server/src/analysis/text/lines';
import type { Token } from '../../../server/src/analysis/text/cells';

export const CASES_DIR = __dirname;

export const TABLE_FAMILIES = ['raw-html', 'pipe-table', 'bare-pipe', 'drawn-grid', 'flattened', 'fixed-width', 'tab-separated', 'stacked'];

/** A token as the cases print it: its text, with its references. */
function tokenText(t: Token): string {
  return t.refs.length && t.type !== 'ref' ? `${t.text}^(${t.refs.join(',')})` : t.type === 'ref' ? `(${t.refs.join(',')})` : t.text;
}

export interface Case {
  reader: string;
  name: string;
  txt: string;
  expected: string;
}

export function listCases(): Case[] {
  const out: Case[] = [];
  for (const reader of readdirSync(CASES_DIR, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    for (const f of readdirSync(join(CASES_DIR, reader)).filter((n) => n.endsWith('.txt')).sort()) {
      const name = f.slice(0, -4);
      out.push({ reader, name, txt: join(CASES_DIR, reader, f), expected: join(CASES_DIR, reader, `${name}.expected.json`) });
    }
  }
  return out;
}

/** What the case's reader makes of its text, as plain JSON. */
export function readCase(reader: string, text: string): unknown {
  const raws = splitLines(text.replace(/\n$/, ''));
  if (TABLE_FAMILIES.includes(reader)) {
    const reading = readTableRows(prepareLines(raws, 0), ROW_JUDGE);
    return {
      family: reading.family,
      rows: reading.rows.map((r) => ({
        lines: r.lines.map((l) => l.line),
        bordered: r.bordered,
        cells: r.cells.filter((c) => c.tokens.some((t) => t.type !== 'empty')).map((c) => `${c.col}: ` + c.tokens.filter((t) => t.type !== 'empty').map(tokenText).join(' ')),
        ...(r.stacked ? { above: r.stacked.above.map((l) => l.map(tokenText).join(' ')), below: r.stacked.below.map((l) => l.map(tokenText).join(' ')) } : {}),
      })),
      problems: reading.problems,
    };
  }
  if (reader === 'cut-grid') {
    const masked = raws.map((r) => maskLine(r).text);
    return [...readGridLines(raws, masked)].sort((a, b) => a[0] - b[0]).map(([line, r]) => ({ line, ...r }));
  }
  if (reader === 'markup') return raws.map((r) => maskLine(r));
  if (reader === 'reading-order') {
    const read = readReadingOrder(raws);
    return read && { lines: read.length, text: read.filter((l) => l !== '') };
  }
  throw new Error(`no reader for the case folder '${reader}'`);
}

export function readCaseFile(c: Case): unknown {
  return readCase(c.reader, readFileSync(c.txt, 'utf8'));
}
