/**
 * Header boxes wrapped a word or two a line, as w3m prints them at a terminal's 80 columns.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { prepareLines } from '../../server/src/analysis/filing/prepare';
import { parseExitBox, parseHeader } from '../../server/src/analysis/filing/header';

const EXIT = [
  '     FORM 4',
  '',
  '     Check this      UNITED STATES SECURITIES AND EXCHANGE',
  '     box if no                    COMMISSION',
  '     longer                 Washington, D.C. 20549',
  '     subject to',
  '     Section 16.      STATEMENT OF CHANGES IN BENEFICIAL',
  '┌─┐  Form 4 or                     OWNERSHIP',
  '└─┘  Form 5',
  '     obligations    Filed pursuant to Section 16(a) of the',
  '     may                Securities Exchange Act of 1934',
  '     continue.',
  '     See',
  '     Instruction',
  '     1(b).',
  '',
  '     Check this',
  '     box to',
  '     indicate',
];

test('the exit box beside its caption wrapped a word or two a line', () => {
  assert.equal(parseExitBox(prepareLines(EXIT, 0)).value, false);
  const checked = EXIT.map((l) => l.replace('┌─┐', '   ').replace('└─┘', '│X│'));
  assert.equal(parseExitBox(prepareLines(checked, 0)).value, true);
});

test('a joint-filing mark on a middle line of its wrapped option', () => {
  const box = (one: string, more: string) => [
    '│ 6. Individual  │',
    '│ or Joint/Group │',
    '│ Filing (Check  │',
    '│ Applicable     │',
    '│ Line)          │',
    '│                │',
    '│    Form filed  │',
    `│ ${one}  by One      │`,
    '│    Reporting   │',
    '│    Person      │',
    '│    Form filed  │',
    '│    by More     │',
    `│ ${more}  than One    │`,
    '│    Reporting   │',
    '│    Person      │',
  ];
  assert.equal(parseHeader(prepareLines(box('X', ' '), 0), '3').jointFiling.value, false);
  assert.equal(parseHeader(prepareLines(box(' ', 'X'), 0), '3').jointFiling.value, true);
});
