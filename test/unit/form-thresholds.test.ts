/**
 * Boundary cases of the thresholds the form readers keep (filing/header.ts): each test sits on
 * both sides of one threshold, so moving it (say by 8 either way) fails a test.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { prepareLines } from '../../server/src/analysis/filing/prepare';
import { parseExitBox } from '../../server/src/analysis/filing/header';

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
