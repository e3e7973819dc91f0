/**
 * Printed words a tab split in two (vocabulary/words.ts): letter spacing a converter read as a cell
 * border cuts a box label, and the label's box text then falls into the next box's column.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/analysis';
import { joinSplitPrintedWords } from '../../server/src/analysis/vocabulary/words';
import { generateVariedCase } from '../gen';

const TODAY = new Date('2026-11-23T12:00:00Z');

test('a tab inside a printed word becomes a space; offsets stay', () => {
  const line = '6. Indi\tvidual or Joint/Group Filing (Check Applicab\tle Line)';
  const out = joinSplitPrintedWords(line);
  assert.equal(out, '6. Indi vidual or Joint/Group Filing (Check Applicab le Line)');
  assert.equal(out.length, line.length);
});

test('tabs between words, or between pieces that are no printed word, stay cell borders', () => {
  for (const line of ['Common\tStock', 'Code\tV', 'Director\tOfficer', 'Smith\tJohn', 'By\tTrust', 'Reporting\tPerson']) {
    assert.equal(joinSplitPrintedWords(line), line, line);
  }
});

test('generated markdown-html filings whose box labels a tab split read as their truth', () => {
  // Noise-3 cases of the generator's tuning seed whose box 6 label ("Applicab\tle", "Indi\tvidual")
  // a tab split: box 6's text fell into box 5's column as the officer title.
  for (const seed of ['tune-s6/3/30', 'tune-s6/3/107']) {
    const c = generateVariedCase(seed, { noise: 3, layout: 'markdown-html' });
    assert.match(c.text, /\p{L}\t\p{L}/u, seed);
    const rec = analyze(c.text, { today: TODAY }).filings[0]!.record;
    assert.equal(rec.jointFiling, c.truth.jointFiling, seed);
    assert.equal(rec.reportingOwners[0]!.officerTitle, c.truth.reportingOwners[0]!.officerTitle, seed);
  }
});
