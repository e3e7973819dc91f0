/**
 * How tesseract reads a printed Form 3, 4 or 5 (fixtures/pdf *.ocr300.txt, *.ocr150.txt), one
 * quirk a test, each on a tiny input made by hand in the shape OCR gives: one line per printed
 * line, cells apart by single spaces, box labels and values run together where the boxes stand
 * side by side. Each rule follows from how the form is printed and how OCR misreads print.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sectionOf } from '../../server/src/analysis/filing/vocabulary';
import type { PLine } from '../../server/src/analysis/filing/prepare';

/** A line as the section finder sees it (only its masked text and facts matter). */
function line(masked: string): PLine {
  return { masked, facts: {} } as unknown as PLine;
}

// ---------------------------------------------------------------------------------------------
// Table captions

test('Roman numerals read as strokes: "Table |" opens Table I, "Table Il" and "Table 11" open Table II', () => {
  assert.equal(sectionOf(line('Table | - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned')), 'tableI');
  assert.equal(sectionOf(line('Table 1 - Non-Derivative Securities Beneficially Owned')), 'tableI');
  assert.equal(sectionOf(line('Table Il - Derivative Securities Acquired, Disposed of, or Beneficially Owned')), 'tableII');
  assert.equal(sectionOf(line('Table lI - Derivative Securities Beneficially Owned')), 'tableII');
  assert.equal(sectionOf(line('Table 11 - Derivative Securities Beneficially Owned')), 'tableII');
  assert.equal(sectionOf(line('Table |l - De')), 'tableII');
  // Three strokes or a word after them are something else.
  assert.equal(sectionOf(line('Table III - Other')), null);
  assert.equal(sectionOf(line('Table Illustrated')), null);
});
