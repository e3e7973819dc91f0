/**
 * Boundary cases of the thresholds the form readers keep (filing/header.ts): each test sits on
 * both sides of one threshold, so moving it (say by 8 either way) fails a test.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { prepareLines } from '../../server/src/analysis/filing/prepare';
import { labelCutAtEnd, parseExitBox, truncatedLabel } from '../../server/src/analysis/filing/header';

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
