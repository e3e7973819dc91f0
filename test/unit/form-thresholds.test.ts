/**
 * Boundary cases of the thresholds the form readers keep (filing/header.ts, filing/footer.ts): each test sits on
 * both sides of one threshold, so moving it (say by 8 either way) fails a test.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { prepareLines } from '../../server/src/analysis/filing/prepare';
import { labelCutAtEnd, parseCityLines, parseExitBox, parsePlanBox, truncatedLabel } from '../../server/src/analysis/filing/header';
import type { Piece } from '../../server/src/analysis/filing/stream';
import { analyze } from '../../server/src/analysis';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The exit box's caption wrapped a word a line in a narrow column starting at column 8,
 * `captionLines` lines in all, then a drawn box's mark alone on the next line, left of the column.
 */
function narrowExitBox(captionLines: number): string[] {
  const words = 'subject to Section 16. Form 4 or Form 5 obligations may continue. See Instruction 1(b).'.split(' ');
  const lines = ['        Check this box if no longer'];
  for (let i = 0; lines.length < captionLines; i++) lines.push(`        ${words[i % words.length]}`);
  lines.push('X');
  return lines;
}

test('exit box: a caption wrapped over 17 lines still reaches the mark below it, over 18 it does not', () => {
  // captionEnd follows a wrapped caption at most 16 lines past its first (k + 16); the mark
  // may stand on the line after the caption's end.
  for (const [captionLines, checked] of [
    [17, true],
    [18, false],
  ] as const) {
    const lines = narrowExitBox(captionLines);
    assert.equal(lines.length, captionLines + 1);
    const box = parseExitBox(prepareLines(lines, 0));
    assert.equal(box.value, checked, `caption of ${captionLines} lines`);
  }
});

test('exit box: the mark right under a short wrapped caption is read, one line further down it is not', () => {
  // Beside the caption's wrap, the mark is looked for at least 3 lines below the caption's first.
  const caption = ['        Check this box if no longer', '        subject to'];
  assert.equal(parseExitBox(prepareLines([...caption, 'X'], 0)).value, true);
  assert.equal(parseExitBox(prepareLines([...caption, '', 'X'], 0)).value, true);
  assert.equal(parseExitBox(prepareLines([...caption, '', '', 'X'], 0)).value, false);
});

test("exit box: the caption's last words three lines below its first are read, four lines below they are not", () => {
  // phraseAt joins a caption's line with the three lines after it (k + 4 excluded).
  const at = (blanks: number) => ['        Check this box if no', ...Array<string>(blanks).fill(''), '        longer subject to Section 16.', 'X'];
  assert.notEqual(parseExitBox(prepareLines(at(2), 0)).value, null, 'caption read over lines k..k+3');
  assert.equal(parseExitBox(prepareLines(at(3), 0)).value, null, 'caption end on line k+4 is not read');
});

test('a box label cut at the end of flattened text: at most 80 characters from its number to the end', () => {
  const cut = (gap: number) => `EVANS BANCORP INC [ EVBN ] 5. Relationship of${' '.repeat(gap)}Reporting`;
  const from = (text: string) => text.length - text.indexOf(' 5.');
  assert.equal(from(cut(52)), 80);
  assert.equal(labelCutAtEnd(cut(52), cut(52).toLowerCase())?.box, 'relationship');
  assert.equal(labelCutAtEnd(cut(53), cut(53).toLowerCase()), null);
});

test("a box label cut at the end of flattened text: its words read count from 8 characters on", () => {
  // "If amend" (8 characters, two words) opens box 4's label; "If amen" is too little to tell.
  const text = (rest: string) => `MSFT ] 4. ${rest}`;
  assert.equal(labelCutAtEnd(text('If amend'), text('If amend').toLowerCase())?.box, 'amendment');
  assert.equal(labelCutAtEnd(text('If amen'), text('If amen').toLowerCase()), null);
});

test('a cut box label: two letters of its start are enough in a cell that starts with its number', () => {
  assert.equal(truncatedLabel('3. Da', '4'), 'periodOfReport');
  assert.equal(truncatedLabel('3. Dx', '4'), null);
  // The label and then a value: the label is read, whatever follows it.
  assert.equal(truncatedLabel('3. Date of Earliest Transaction (Month/Day/Year) 03/02/2021', '4'), 'periodOfReport');
});

test('exit box: a mark alone on a line up to 2 lines above the caption is its mark, 3 lines above it is not', () => {
  const caption = '        Check this box if no longer subject to Section 16.';
  // Lines between the mark and the caption: text of another cell, or nothing.
  for (const between of ['', 'Washington, D.C. 20549']) {
    const above = (n: number) => parseExitBox(prepareLines(['X', ...Array<string>(n - 1).fill(between), caption], 0)).value;
    assert.equal(above(1), true);
    assert.equal(above(2), true, `2 lines above, ${JSON.stringify(between)} between`);
    assert.equal(above(3), false, `3 lines above, ${JSON.stringify(between)} between`);
  }
});

test("plan box: a mark up to 2 lines above its caption is its mark, 3 lines above it is not; a blank line ends the box's cell", () => {
  const caption = '        Check this box to indicate that a transaction was made pursuant to a contract';
  const above = (n: number, between: string) => parsePlanBox(prepareLines(['X', ...Array<string>(n - 1).fill(between), caption], 0)).value;
  assert.equal(above(2, 'OMB Number: 3235-0287'), true);
  assert.equal(above(3, 'OMB Number: 3235-0287'), false);
  assert.equal(above(2, ''), false, 'a blank line between: another cell');
});

/** A piece of a header line at column `x`. */
const piece = (line: number, x: number, text: string): Piece => ({ line, start: x, end: x + text.length, text, x });

test("city: a centred city's other line is in its column up to 3 characters either way, not 4", () => {
  // "SAN" / "CA   94129" / "FRANCISCO": the city centred on the line of state and zip.
  const centred = (shift: number, stateAt = 20) =>
    parseCityLines([[piece(0, 10, 'SAN')], [piece(1, stateAt, 'CA'), piece(1, stateAt + 10, '94129')], [piece(2, 10 + shift, 'FRANCISCO')]]);
  for (const shift of [-3, 3]) assert.deepEqual(pick(centred(shift)), ['SAN FRANCISCO', 'CA', '94129'], `shifted ${shift}`);
  for (const shift of [-4, 4]) assert.notEqual(centred(shift).city, 'SAN FRANCISCO', `shifted ${shift}`);
  // State and zip stand right of the city's column: 4 characters right of the city's start is enough.
  assert.deepEqual(pick(centred(0, 14)), ['SAN FRANCISCO', 'CA', '94129']);
  assert.equal(centred(0, 13).state, null);
  assert.equal(centred(0, 5).state, null, 'left of the city');
});

test("city: a wrapped city's second line is under it up to 3 characters either way, not 4", () => {
  // "TORONTO   A6   M5J2T3" / "ONTARIO".
  const wrapped = (shift: number) => parseCityLines([[piece(0, 10, 'TORONTO'), piece(0, 25, 'A6'), piece(0, 35, 'M5J2T3')], [piece(1, 10 + shift, 'ONTARIO')]]);
  for (const shift of [-3, 3]) assert.deepEqual(pick(wrapped(shift)), ['TORONTO ONTARIO', 'A6', 'M5J2T3'], `shifted ${shift}`);
  for (const shift of [-4, 4]) assert.deepEqual(pick(wrapped(shift)), ['TORONTO', 'A6', 'M5J2T3'], `shifted ${shift}`);
});

function pick(c: { city: string | null; state: string | null; zip: string | null }): (string | null)[] {
  return [c.city, c.state, c.zip];
}

test("relationship titles by column: the officer's and other's options in cells of their own, however near, split the titles below them", () => {
  // No minimum distance between the two options: cells of their own (not one run of text) say columns.
  const text = readFileSync(path.join(__dirname, '..', '..', 'fixtures', 'synthetic', 'fixed-width-3-form4A-noise1.txt'), 'utf8');
  const OPTIONS = '[ ] Officer (give title below)  [ ] Other (specify below)';
  const BELOW = 'TWO Lakeview Blvd.                            08/13/2010';
  assert.ok(text.includes(OPTIONS) && text.includes(BELOW));
  const owner = (options: string, officerAt: number, otherAt: number) => {
    const below = `${BELOW.padEnd(officerAt)}Chief Executive Officer`.padEnd(otherAt) + 'Trustee';
    return analyze(text.replace(OPTIONS, options).replace(BELOW, below), { today: new Date('2026-11-23T12:00:00Z') }).filings[0].record.reportingOwners[0];
  };
  const o = owner('[X] Officer (give title below)  [X] Other (specify below)', 92, 124);
  assert.deepEqual([o.isOfficer, o.officerTitle, o.isOther, o.otherText], [true, 'Chief Executive Officer', true, 'Trustee']);
});

test("a check mark counts before its box's caption when it ends within 8 characters of it, not 9", () => {
  // Text before the mark on its line ("FORM 4"): only the characters right before the caption decide.
  const exit = (before: string) => parseExitBox(prepareLines([`FORM 4 ${before}Check this box if no longer subject to Section 16.`], 0)).value;
  assert.equal(exit(`X${' '.repeat(7)}`), true, 'the mark 8 characters before the caption');
  assert.equal(exit(`X${' '.repeat(8)}`), false, '9 characters before');
  assert.equal(exit(`[X]${' '.repeat(5)}`), true, 'a bracketed mark within 8');
  assert.equal(exit(`[X]${' '.repeat(6)}`), false);
});

// Signatures that OCR wrote a line of the cell at a time, blank lines between (filing/footer.ts).
const CLEAN = readFileSync(path.join(__dirname, '..', '..', 'fixtures', 'rules', 'clean.form4.txt'), 'utf8');
const SIGNED = '/s/ Ana M. Rivera\t03/03/2021\n** Signature of Reporting Person\tDate';
const CAPTION = '** Signature of Reporting Person';
const signaturesOf = (block: string) => {
  assert.ok(CLEAN.includes(SIGNED));
  return analyze(CLEAN.replace(SIGNED, `${block}\n\n${CAPTION}`), { today: new Date('2026-11-23T12:00:00Z') }).filings[0].record.signatures;
};

test("a signature cell's lines are up to 48 characters long; a line of 49 above the caption is not the cell's", () => {
  const line = (n: number) => `in-fact for Ana ${'x'.repeat(n - 16)}`;
  assert.equal(line(48).length, 48);
  const cell = (n: number) => signaturesOf(`Kim Lee, Attorney-\n\n${line(n)}\n\n03/03/2021\n\nRivera`);
  assert.deepEqual(cell(48), [{ name: `Kim Lee, Attorney-${line(48)} Rivera`, date: '2021-03-03' }]);
  assert.ok(!cell(49)[0]!.name?.startsWith('Kim Lee'), JSON.stringify(cell(49)));
});

test("a signature cell's /s/ line is found among the 8 lines above its caption, not the 9th", () => {
  const cell = (between: number) =>
    signaturesOf(`/s/ Kim Lee\n\n${Array.from({ length: between }, (_, i) => `line ${i}`).join('\n\n')}\n\n03/03/2021`)[0]!.name;
  // `between` short lines and the date under the /s/ line: it is line between + 2 above the caption.
  assert.equal(cell(6), 'Kim Lee line 0 line 1 line 2 line 3 line 4 line 5', '8th line');
  assert.equal(cell(7), 'line 0 line 1 line 2 line 3 line 4 line 5 line 6', '9th line: not reached');
});

test('a signature cell without /s/: three short lines one blank apart (two gaps) are one, two lines are not', () => {
  assert.deepEqual(signaturesOf('Kim Lee,\n\nAttorney-in-fact\n\n03/03/2021'), [{ name: 'Kim Lee, Attorney-in-fact', date: '2021-03-03' }]);
  assert.notEqual(signaturesOf('Kim Lee, Attorney-in-fact\n\n03/03/2021')[0]!.name, 'Kim Lee, Attorney-in-fact');
});

test('a signature cell centred on its date: lines above the date in its column count from an indent of 10, not 9', () => {
  const centred = (indent: number) => {
    const pad = ' '.repeat(indent);
    return analyze(CLEAN.replace(SIGNED, `${pad}Kim Lee\n${pad}03/03/2021\n${CAPTION}`), { today: new Date('2026-11-23T12:00:00Z') }).filings[0].record.signatures;
  };
  assert.deepEqual(centred(10), [{ name: 'Kim Lee', date: '2021-03-03' }]);
  assert.notEqual(centred(9)[0]!.name, 'Kim Lee', 'near the margin: the line above the date is not the signature');
});

test("a check mark under a caption that starts its line counts in the line's first 8 characters, not the 9th", () => {
  const below = (mark: string) => parseExitBox(prepareLines(['Check this box if no longer subject to Section 16.', mark], 0)).value;
  assert.equal(below(`${' '.repeat(7)}X`), true, 'the 8th character');
  assert.equal(below(`${' '.repeat(8)}X`), false, 'the 9th');
  assert.equal(below(`${' '.repeat(7)}X  Form 4 or Form 5 obligations`), true, 'the caption wrapped after the mark');
  assert.equal(below(`${' '.repeat(8)}X  Form 4 or Form 5 obligations`), false);
});
