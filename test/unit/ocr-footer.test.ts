/**
 * What follows the tables as tesseract reads a printed Form 3, 4 or 5 (fixtures/pdf
 * *.ocr300.txt): signatures, footnote texts. Tiny inputs made by hand in the shape OCR gives, one
 * quirk a test.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '../../server/src/analysis';

const TODAY = new Date('2026-11-23T12:00:00Z');
const CLEAN = readFileSync(path.resolve(__dirname, '..', '..', 'fixtures', 'rules', 'clean.form4.txt'), 'utf8');
const SIGNED = '/s/ Ana M. Rivera\t03/03/2021\n** Signature of Reporting Person\tDate';

/** The clean Form 4 with its signature block replaced by `block` (as OCR lays it out). */
function signaturesOf(block: string) {
  assert.ok(CLEAN.includes(SIGNED));
  return analyze(CLEAN.replace(SIGNED, block), { today: TODAY }).filings[0].record.signatures;
}

test('the date read as a block of its own under the caption: the lines above the caption are the signature', () => {
  assert.deepEqual(signaturesOf('/s/ Kim Lee,\nAttorney-in-Fact\n\n** Signature of Reporting Person Date\n\n03/03/2021\n'), [{ name: 'Kim Lee, Attorney-in-Fact', date: '2021-03-03' }]);
  // Without "/s/" too.
  assert.deepEqual(signaturesOf('Kim Lee, Attorney-\nin-fact for Ana M. Rivera\n\n** Signature of Reporting Person Date\n\n03/03/2021\n'), [
    { name: 'Kim Lee, Attorney-in-fact for Ana M. Rivera', date: '2021-03-03' },
  ]);
});

test('"/s/" as OCR reads it ("ls/", "Ish") opens the signature and is not part of the name', () => {
  assert.deepEqual(signaturesOf('ls/ Kim Lee, Attorney- 03/03/2021\nin-Fact\n** Signature of Reporting Person Date'), [{ name: 'Kim Lee, Attorney-in-Fact', date: '2021-03-03' }]);
  assert.deepEqual(signaturesOf('Ish Kim Lee, Attorney- 03/03/2021\nin-Fact\n** Signature of Reporting Person Date'), [{ name: 'Kim Lee, Attorney-in-Fact', date: '2021-03-03' }]);
});

test("OCR's reading of the rule under the date cell after the signer's capacity, or a damaged date, is not the name", () => {
  assert.deepEqual(signaturesOf('/s/ Kim Lee, Attorney- 03/03/2021\nin-Fact OO\n** Signature of Reporting Person Date'), [{ name: 'Kim Lee, Attorney-in-Fact', date: '2021-03-03' }]);
  assert.equal(signaturesOf('/s/ Kim Lee, Attorney in Fact for Ana Rivera OU26/2023\n** Signature of Reporting Person Date')[0]?.name, 'Kim Lee, Attorney in Fact for Ana Rivera');
  // "for" goes on with the name; a name's own short last word after other words stays.
  assert.equal(signaturesOf('/s/ Kim Lee, Attorney-in-Fact for Al Wu 03/03/2021\n** Signature of Reporting Person Date')[0]?.name, 'Kim Lee, Attorney-in-Fact for Al Wu');
  assert.equal(signaturesOf('/s/ Kim Lee Jr 03/03/2021\n** Signature of Reporting Person Date')[0]?.name, 'Kim Lee Jr');
});

test('the capacity\'s long word with one letter OCR misread ("Attomey") reads as written; a doubled comma as one', () => {
  assert.equal(signaturesOf('/s/ Kim Lee, Attomey-in-fact 03/03/2021\n** Signature of Reporting Person Date')[0]?.name, 'Kim Lee, Attorney-in-fact');
  assert.equal(signaturesOf('/s/ Kim Lee,, attomey-in-fact 03/03/2021\n** Signature of Reporting Person Date')[0]?.name, 'Kim Lee, attorney-in-fact');
  assert.equal(signaturesOf('/s/ Kim Lee, as attorney-in-fact 03/03/2021\n** Signature of Reporting Person Date')[0]?.name, 'Kim Lee, as attorney-in-fact');
});

/** The clean Form 4's footnotes replaced by `defs` (as OCR lays them out). */
function footnotesOf(defs: string) {
  const from = '(1) The price reported';
  const to = '(2) Held by the Rivera Family Trust, of which the reporting person is trustee.';
  const text = CLEAN.slice(0, CLEAN.indexOf(from)) + defs + CLEAN.slice(CLEAN.indexOf(to) + to.length);
  return analyze(text, { today: TODAY }).filings[0].record.footnotes.map((f) => f.text);
}

test("a footnote's last line past a blank line (a page break, or OCR's block of its own) goes on with it when it stopped mid-sentence", () => {
  assert.deepEqual(footnotesOf('(1) The price reported is a weighted average price of the\n\nshares sold.\n\n(2) Held by the Rivera Family Trust, of which the reporting person is\n\n\ntrustee.'), [
    'The price reported is a weighted average price of the shares sold.',
    'Held by the Rivera Family Trust, of which the reporting person is trustee.',
  ]);
  // A footnote that ended its sentence ends there; a marker after a blank opens the next.
  const texts = footnotesOf('(1) The price reported is a weighted average price.\n\nshares sold.\n(2) Held by the Rivera Family Trust, of which the reporting person is trustee.');
  assert.deepEqual(texts, ['The price reported is a weighted average price.', 'Held by the Rivera Family Trust, of which the reporting person is trustee.']);
});
