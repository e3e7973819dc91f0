/**
 * pandoc Markdown: inline markup masked in one line (mask.ts), and grid cells read over their
 * lines (pandoc.ts): spans and link targets wrapped inside a cell, words cut at the cell width.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { maskLine } from '../../server/src/analysis/layout/mask';
import { readPandocGrids, readWrappedSpans } from '../../server/src/analysis/layout/pandoc';
import { prepareLines } from '../../server/src/analysis/filing/prepare';
import { parseHeader } from '../../server/src/analysis/filing/header';

const mask = (line: string) => maskLine(line).text;

test('spans and links lose their brackets, attributes and targets; the line keeps its length', () => {
  const line = '  [Common Stock]{.FormData}   [SULLIVAN NORA B](/cgi-bin/browse-edgar?CIK=1)  [X]{.FormData}';
  const m = mask(line);
  assert.equal(m.length, line.length);
  assert.deepEqual(m.trim().split(/\s{2,}/), ['Common Stock', 'SULLIVAN NORA B', 'X']);
  // The value keeps its place: "Common" starts where it started.
  assert.equal(m.indexOf('Common'), line.indexOf('Common'));
});

test('a word closes up over markup inside it: adjacent spans, escapes', () => {
  assert.equal(mask('[519]{.FormData}[^(1)^]{.FootnoteData}').trim(), '519^(1)^');
  assert.equal(mask('[\\$]{.FormText}[39.52]{.FormData}').trim(), '$39.52');
  assert.equal(mask("the Issuer\\'s IPO").replace(/\s+/g, ' '), "the Issuer's IPO");
  assert.equal(mask('1\\. Title').replace(/\s+/g, ' '), '1. Title');
  // At the start of a word the escape is a space, as before.
  assert.equal(mask('price \\$0.01'), 'price  $0.01');
  // Escaped brackets are text: the ticker's brackets stay.
  assert.equal(mask('\\[ [EVBN]{.FormData} \\]').replace(/\s+/g, ' ').trim(), '[ EVBN ]');
  for (const line of ['[519]{.FormData}[^(1)^]{.FootnoteData}', 'a\\.b\\.c', '[[/s/ X]{.FormData}]{.underline}']) {
    assert.equal(mask(line).length, line.length);
  }
});

test('markup cut at the end of a line is masked up to there; a bracket never spans a grid border', () => {
  assert.equal(mask('| 20549]{.Med | x |').replace(/\t/g, '|'), '| 20549       | x |');
  assert.equal(mask('| [A | B]{.C} |').replace(/\t/g, '|'), '| [A | B      |');
});

const GRID = [
  '+-----------------------+',
  '|   ----------          |',
  '| --------------------- |',
  '|   [6460 MA            |',
  '| IN STREET]{.FormData} |',
  '|   ----------          |',
  '| --------------------- |',
  '| [Washington,          |',
  '| D.C.                  |',
  '| 20549]{.Med           |',
  '| SmallFormText}\\       |',
  '| [0                    |',
  '| 1/24/2023]{.FormData} |',
  '+-----------------------+',
];

test('a grid cell: a span wrapped over its lines and a word cut at the cell width', () => {
  const reading = readPandocGrids(GRID, GRID.map(mask));
  const masked = GRID.map((l, i) => reading.masked.get(i) ?? mask(l));
  masked.forEach((m, i) => assert.equal(m.length, GRID[i].length));
  // The opener of "[6460 MA" closes two lines down; the attributes cut after ".Med" continue.
  assert.equal(masked[3].replace(/\t/g, '|'), '|    6460 MA            |');
  assert.equal(masked[10].replace(/\t/g, '|'), '|                       |');
  // "6460 MA" / "IN STREET" is one cut word (a nested table's row); "[0" / "1/24/2023" too.
  assert.deepEqual(reading.glue.get(4), [2]);
  assert.deepEqual(reading.glue.get(12), [2]);
  // Wrapped at spaces: no glue.
  assert.equal(reading.glue.get(8), undefined);
  assert.equal(reading.glue.get(9), undefined);
});

test('a nested table of one row: its rule says whether the first piece ended in a space', () => {
  const cell = (rows: string[]) => ['+-----------------------+', ...rows.map((r) => `| ${r.padEnd(21)} |`), '+-----------------------+'];
  // "  [SULLIVAN NORA B](…)" is 75 wide, its rule 77: the first piece is "  [SULLIVAN " (12).
  const spaced = cell([
    '  ------------',
    '---------------------',
    '---------------------',
    '---------------------',
    '  [SULLIVAN',
    'NORA B](/cgi-bin/brow',
    'se-edgar?action=getco',
    'mpany&CIK=0001057067)',
    '  ------------',
    '---------------------',
    '---------------------',
    '---------------------',
  ]);
  assert.equal(readPandocGrids(spaced, spaced.map(mask)).glue.get(6), undefined);
  // "  [GARRETT MARK](…)": the first piece "  [GARRETT M" is all there is of it.
  const cut = cell([
    '  -----------',
    '---------------------',
    '---------------------',
    '---------------------',
    '  [GARRETT M',
    'ARK](/cgi-bin/browse-',
    'edgar?action=getcompa',
    'ny&CIK=0001246215)',
    '  -----------',
  ]);
  assert.deepEqual(readPandocGrids(cut, cut.map(mask)).glue.get(6), [2]);
});

test('the header reads a name, a street and a date cut over the lines of narrow grid cells', () => {
  const lines = [
    '+-----------------------+-----------------------+',
    '| [1. Name and Address  | [3. Date of Earliest  |',
    '| of Reporting          | Transaction           |',
    '| Person^\\*             | (Month/Day/Year)      |',
    '| ^]{.MedSmallFormText} | ]{.MedSmallFormText}\\ |',
    '| --------------------- | [0                    |',
    '| --------------------- | 4/30/2025]{.FormData} |',
    '|   [Melkote Rajesh Ram |                       |',
    '| aswamy](/cgi-bin/brow |                       |',
    '| se-edgar?action=getco |                       |',
    '| mpany&CIK=0002064133) |                       |',
    '| --------------------- |                       |',
    '|   (Last)   (First)    |                       |',
    '|   (Middle)            |                       |',
    '|   -----               |                       |',
    '| --------------------- |                       |',
    '|   [C/O 374 W          |                       |',
    '| ATER INC.]{.FormData} |                       |',
    '|   -----               |                       |',
    '| --------------------- |                       |',
    '| [(Street              |                       |',
    '| )]{.MedSmallFormText} |                       |',
    '+-----------------------+-----------------------+',
  ];
  const header = parseHeader(prepareLines(lines, 0), '4');
  assert.equal(header.owners[0]?.record.name, 'Melkote Rajesh Ramaswamy');
  assert.equal(header.owners[0]?.record.street1, 'C/O 374 WATER INC.');
  assert.equal(header.periodOfReport.value, '2025-04-30');
});

test('a street line of a nested table cut where a space fell goes on after the space', () => {
  // pandoc plain at 72 columns: "   C/O SNOWFLAKE INC." and "   450 CONCAR DRIVE" cut to the
  // cell's 15 columns from their ends; the first cut falls at a space, the second inside a word.
  const lines = [
    '+-----------------+',
    '| 1. Name and     |',
    '| Address of      |',
    '| Reporting       |',
    '| Person^(*)      |',
    '|  -------------- |',
    '|   GARRETT MARK  |',
    '|  -------------- |',
    '|  -------- ----- |',
    '| ---- ---------- |',
    '|   (Last)   (Fi  |',
    '| rst)   (Middle) |',
    '|  -------- ----- |',
    '| ---- ---------- |',
    '|   -----         |',
    '| --------------- |',
    '|   C/O           |',
    '|  SNOWFLAKE INC. |',
    '|   4             |',
    '| 50 CONCAR DRIVE |',
    '|   -----         |',
    '| --------------- |',
    '| (Street)        |',
    '+-----------------+',
  ];
  const reading = readPandocGrids(lines, lines.map(mask));
  assert.deepEqual(reading.spaced.get(17), [3]);
  assert.deepEqual(reading.glue.get(19), [2]);
  const header = parseHeader(prepareLines(lines, 0), '3');
  assert.equal(header.owners[0]?.record.street1, 'C/O SNOWFLAKE INC.');
  assert.equal(header.owners[0]?.record.street2, '450 CONCAR DRIVE');
});

test('a span wrapped over the lines of a simple table row closes on the nearest opener', () => {
  const raws = [
    '  [Series E Preferred      [Class B Common                 [134,018]{.FormData}',
    '  Stock]{.FormData}     Stock]{.FormData}[^(2)^]{.FootnoteData}',
  ];
  const masked = raws.map(mask);
  const out = readWrappedSpans(raws, masked, () => false);
  const first = out.get(0) ?? masked[0];
  assert.equal(first.length, raws[0].length);
  assert.deepEqual(first.trim().split(/\s{2,}/), ['Series E Preferred', 'Class B Common', '134,018']);
  // The continuation moved, within its own word, under the text it continues.
  const second = out.get(1) ?? masked[1];
  assert.equal(second.length, raws[1].length);
  assert.equal(second.indexOf('Stock^(2)^'), raws[0].indexOf('Class'));
});

test('hostile pandoc markup stays linear', () => {
  const n = 200_000;
  for (const line of ['[]{'.repeat(n / 3), '](x'.repeat(n / 3), '['.repeat(n) + ']{.A}', 'a\\.'.repeat(n / 3), '[a]{.B}'.repeat(n / 7)]) {
    const t0 = Date.now();
    assert.equal(maskLine(line).text.length, line.length);
    const grid = ['+' + '-'.repeat(40) + '+', ...Array.from({ length: 2000 }, () => `| ${line.slice(0, 38)} |`), '+' + '-'.repeat(40) + '+'];
    readPandocGrids(grid, grid.map(mask));
    readWrappedSpans(Array(2000).fill(line.slice(0, 500)), Array(2000).fill(mask(line.slice(0, 500))), () => false);
    assert.ok(Date.now() - t0 < 3000, `${line.slice(0, 12)}… took ${Date.now() - t0} ms`);
  }
});
