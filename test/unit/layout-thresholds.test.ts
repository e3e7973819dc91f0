/**
 * Boundary cases of the thresholds the row readers keep (layout/rows.ts): each test sits on
 * both sides of one threshold, so moving it fails a test.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { prepareLines } from '../../server/src/analysis/filing/prepare';
import { ROW_JUDGE } from '../../server/src/analysis/filing/tables';
import { readStrayTabs, readTableRows } from '../../server/src/analysis/layout';

/** A flattened row's first line of exactly `length` characters, ending before its owned amount. */
function openLine(length: number): string {
  const tail = ' 03/02/2021 S 4,000 D $31.20';
  const title = 'Common Stock';
  const pad = length - title.length - tail.length - 1;
  assert.ok(pad >= 1, `line of ${length} too short`);
  return `${title} ${'B'.repeat(pad)}${tail}`;
}

/** A complete flattened row of exactly `length` characters: the table's widest line. */
function fullLine(length: number): string {
  const tail = ' 03/01/2021 P 1,000 A $30.00 25,000 D';
  const title = 'Common Stock';
  const pad = length - title.length - tail.length - 1;
  assert.ok(pad >= 1);
  return `${title} ${'A'.repeat(pad)}${tail}`;
}

function rowsOf(lines: string[]): number[][] {
  return readTableRows(prepareLines(lines, 0), ROW_JUDGE).rows.map((r) => r.lines.map((l) => l.line));
}

test('flattened rows: a line at least (width - 30) long is continued by the next line, a shorter one is not', () => {
  const width = 120;
  for (const [length, joined] of [
    [width - 30, true],
    [width - 31, false],
  ] as const) {
    const rows = rowsOf([fullLine(width), openLine(length), '21,000 D']);
    assert.deepEqual(rows, joined ? [[0], [1, 2]] : [[0], [1], [2]], `last line ${length} of ${width}`);
  }
});

test('flattened rows: wrapped rows are rejoined in a table 40 columns wide, not 39', () => {
  // Width 40 (the narrowest pane read as flattened), and 39: the same shape one column narrower.
  for (const [width, joined] of [
    [40, true],
    [39, false],
  ] as const) {
    const lines = ['Stock ' + 'X'.repeat(width - 6 - 30) + ' 03/01/2021 P 1,000 A 25,000 D', 'Stock 03/02/2021 S 4,000 D', '21,000 D'];
    assert.equal(Math.max(...lines.map((l) => l.length)), width);
    assert.ok(lines[1].length >= width - 30);
    const rows = rowsOf(lines);
    assert.equal(rows.some((r) => r.length === 2 && r[0] === 1 && r[1] === 2), joined, `width ${width}: ${JSON.stringify(rows)}`);
  }
});

test('single-spaced rows in a table with spaced columns: rejoined from 100 columns wide, not 99', () => {
  // A column-header line with wide gaps makes the table not flattened: only wide text wraps rows.
  for (const [width, joined] of [
    [100, true],
    [99, false],
  ] as const) {
    const rows = rowsOf(['Code  V  Amount  (A) or (D)  Price', fullLine(width), openLine(width - 20), '21,000 D']);
    assert.equal(rows.some((r) => r.length === 2 && r[0] === 2 && r[1] === 3), joined, `width ${width}: ${JSON.stringify(rows)}`);
  }
});

test('stray tabs: below a fourth of the lines with text carrying a tab, a tab between letters is a space; at a fourth, every tab is a cell edge', () => {
  const lines = (withTab: number, without: number): string[] => [
    ...Array.from({ length: withTab }, () => '4. R\telationship of Reporting Person'),
    ...Array.from({ length: without }, () => 'Common Stock        5,500     I'),
  ];
  // 1 of 5 lines (20%): space-laid text with a stray tab.
  assert.deepEqual([...readStrayTabs(lines(1, 4), (i) => lines(1, 4)[i]!).values()], ['4. R elationship of Reporting Person']);
  // 1 of 4 lines (25%): tab-separated text.
  assert.equal(readStrayTabs(lines(1, 3), (i) => lines(1, 3)[i]!).size, 0);
  // A tab beside a space or a digit is a gap between cells, whatever the share.
  const gaps = ['Common Stock \t5,500', 'Common Stock\t5,500', ...lines(0, 8)];
  assert.equal(readStrayTabs(gaps, (i) => gaps[i]!).size, 0);
});
