/**
 * Rules must not cry wolf on damaged input (issue 11): where the reader could not read a value (a
 * code OCR read as "so", a signature date OCR lost, a header OCR scrambled), the rule that would judge
 * it says so as a hint, or leaves it to `unread-text`, instead of an error. Each case pairs the
 * damaged text with the same defect in clean text, where the rule still reports an error.
 *
 * Made from fixtures/rules/clean.form4.txt; "OCR marks" are one printed word OCR damaged
 * ("DMB Number"), the sign the text was read from a printed image.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyze, type Finding } from '../../server/src/analysis';

const DIR = path.resolve(__dirname, '..', '..', 'fixtures', 'rules');
const TODAY = new Date('2026-11-23T12:00:00Z');
const CLEAN = readFileSync(path.join(DIR, 'clean.form4.txt'), 'utf8');

/** The text with one printed word as OCR damages it (the OMB box's "OMB Number" read "DMB Number"). */
function withOcrMarks(text: string): string {
  const at = 'Washington, D.C. 20549\n';
  assert.ok(text.includes(at));
  return text.replace(at, `${at}OMB APPROVAL\nDMB Number: 3235-0287\n`);
}

function edit(text: string, from: string, to: string): string {
  assert.ok(text.includes(from), `the text holds ${JSON.stringify(from)}`);
  return text.replace(from, to);
}

function of(text: string, code: string): Finding[] {
  return analyze(text, { today: TODAY }).findings.filter((f) => f.code === code);
}

const severities = (fs: Finding[]) => fs.map((f) => f.severity);

/** The rule is an error on the text as it stands and a hint, saying OCR, once the text shows OCR's marks. */
function errorInCleanHintInOcr(text: string, code: string): void {
  assert.deepEqual(severities(of(text, code)), ['error']);
  const ocr = of(withOcrMarks(text), code);
  assert.deepEqual(severities(ocr), ['hint']);
  assert.match(ocr[0]!.message, /OCR/);
}

test('the base filing raises nothing, and with OCR marks only the ocr-text hint', () => {
  assert.deepEqual(analyze(CLEAN, { today: TODAY }).findings.map((f) => f.code), []);
  assert.deepEqual([...new Set(analyze(withOcrMarks(CLEAN), { today: TODAY }).findings.map((f) => f.code))], ['ocr-text']);
});

test('missing-transaction-code: a code OCR read in lower case ("so") is unread text, not a missing code', () => {
  const lost = edit(CLEAN, '\tS\t\t4,000', '\tso\t\t4,000');
  assert.deepEqual(of(lost, 'missing-transaction-code'), []);
  const unread = of(lost, 'unread-text');
  assert.equal(unread.length, 1);
  assert.match(unread[0]!.message, /"so"/);
  // The same row with its code cell empty, in clean text: the code is missing.
  assert.deepEqual(severities(of(edit(CLEAN, '\tS\t\t4,000', '\t\t\t4,000'), 'missing-transaction-code')), ['error']);
});

test('relationship-unchecked: a title under the box with no mark read is a hint; no mark and no title an error', () => {
  const noMark = edit(CLEAN, '10% Owner X Officer', '10% Owner Officer');
  const hint = of(noMark, 'relationship-unchecked');
  assert.deepEqual(severities(hint), ['hint']);
  assert.match(hint[0]!.message, /Chief Financial Officer/);
  assert.deepEqual(severities(of(edit(noMark, ' Chief Financial Officer\n', '\n'), 'relationship-unchecked')), ['error']);
});

test("relationship-unchecked: with a name of no word (OCR's marks where box 1 stood) the header was not read: a hint", () => {
  // The asterisk read as a quote mark, the name lost, the next box's number beside it.
  const unread = edit(edit(edit(CLEAN, '10% Owner X Officer', '10% Owner Officer'), ' Chief Financial Officer\n', '\n'), ' * Rivera Ana M.\t', '” 2,\t');
  assert.deepEqual(severities(of(unread, 'relationship-unchecked')), ['hint']);
});

test('relationship-unchecked: no mark read in text OCR read (a mark OCR lost or moved) is a hint; in clean text an error', () => {
  const noMark = edit(edit(CLEAN, '10% Owner X Officer', '10% Owner Officer'), ' Chief Financial Officer\n', '\n');
  errorInCleanHintInOcr(noMark, 'relationship-unchecked');
});

test('missing-signature: a date lost in text OCR read is a hint; in clean text an error', () => {
  const undated = edit(CLEAN, '/s/ Ana M. Rivera\t03/03/2021', '/s/ Ana M. Rivera');
  errorInCleanHintInOcr(undated, 'missing-signature');
});

test("missing-signature: what is left of a damaged date is quoted in a hint (slashes read as 7 and 1)", () => {
  const damaged = of(edit(CLEAN, '/s/ Ana M. Rivera\t03/03/2021', '/s/ Ana M. Rivera\t0370312021'), 'missing-signature');
  assert.deepEqual(severities(damaged), ['hint']);
  assert.match(damaged[0]!.message, /"0370312021"/);
});

test('invalid-date: an impossible date in text OCR read is a hint with its fixes; in clean text an error', () => {
  const bad = edit(CLEAN, '/s/ Ana M. Rivera\t03/03/2021', '/s/ Ana M. Rivera\t08/43/2021');
  const clean = of(bad, 'invalid-date');
  assert.deepEqual(severities(clean), ['error']);
  const ocr = of(withOcrMarks(bad), 'invalid-date');
  assert.deepEqual(severities(ocr), ['hint']);
  assert.ok((ocr[0]!.fixes ?? []).length > 0, 'the plausible dates are still offered');
});

test('duplicate-footnote: in text OCR read, a number standing where a missing number belongs is a misread number (hint)', () => {
  // "(1)" read as "(2)": footnotes (2) (2), and (1) defined nowhere although the first stands in its place.
  const misread = edit(CLEAN, '(1) The price reported', '(2) The price reported');
  assert.deepEqual(severities(of(misread, 'duplicate-footnote')), ['error']);
  assert.deepEqual(severities(of(withOcrMarks(misread), 'duplicate-footnote')), ['hint']);
  // A number defined again at the end (the filer's duplicate) stays an error in OCR text too.
  const again = edit(CLEAN, '(2) Held by the Rivera Family Trust, of which the reporting person is trustee.\n', '(2) Held by the Rivera Family Trust, of which the reporting person is trustee.\n(1) The price is a weighted average.\n');
  assert.deepEqual(severities(of(withOcrMarks(again), 'duplicate-footnote')), ['error']);
});

test('edgar-value-too-long: a header value in text OCR read is a hint to check the page; in clean text an error', () => {
  const long = readFileSync(path.join(DIR, 'edgar-value-too-long.txt'), 'utf8');
  errorInCleanHintInOcr(long, 'edgar-value-too-long');
});

test('edgar-required-value: a Rule 10b5-1(c) box printed but not read is a hint; a form without the box a warning', () => {
  // Signed after 2023-04-01 on a form whose header lacks the box (the clean filing is an older form).
  const signedLate = edit(CLEAN, '/s/ Ana M. Rivera\t03/03/2021', '/s/ Ana M. Rivera\t03/03/2024');
  const planOf = (text: string) => of(text, 'edgar-required-value').filter((f) => /10b5-1/.test(f.message));
  assert.deepEqual(severities(planOf(signedLate)), ['warning']);
  // The caption's end printed in the header, its start and mark where no reader found them.
  const printed = edit(signedLate, 'STATEMENT OF CHANGES', 'is intended to satisfy the affirmative defense conditions of Rule 10b5-1(c). See Instruction 10.\n\nSTATEMENT OF CHANGES');
  assert.deepEqual(severities(planOf(printed)), ['hint']);
});

test('unused-footnote: several footnotes and no reference read anywhere is a hint (the references were lost); one unreferenced among read ones a warning', () => {
  const noRefs = CLEAN.replace('$ 31.20 (1)', '$ 31.20').replace('By Trust (2)', 'By Trust');
  assert.deepEqual(severities(of(noRefs, 'unused-footnote')), ['hint', 'hint']);
  const oneLost = CLEAN.replace('By Trust (2)', 'By Trust');
  assert.deepEqual(severities(of(oneLost, 'unused-footnote')), ['warning']);
});

test('row warnings on text OCR read are hints to check the page; on clean text warnings', () => {
  const noPrice = edit(CLEAN, '\t$ 4.50\t25,000', '\t\t25,000');
  assert.deepEqual(severities(of(noPrice, 'missing-price')), ['warning']);
  assert.deepEqual(severities(of(withOcrMarks(noPrice), 'missing-price')), ['hint']);
  const noForm = edit(CLEAN, '\t21,000\tD\t', '\t21,000\t\t');
  assert.deepEqual(severities(of(noForm, 'missing-ownership-form')), ['warning']);
  assert.deepEqual(severities(of(withOcrMarks(noForm), 'missing-ownership-form')), ['hint']);
  const noNature = edit(CLEAN, 'By Trust (2)', '(2)');
  assert.deepEqual(severities(of(noNature, 'indirect-without-nature')), ['warning']);
  assert.deepEqual(severities(of(withOcrMarks(noNature), 'indirect-without-nature')), ['hint']);
});

test("a row whose nature took other columns' values (a title and an amount) was misread: its warnings are hints", () => {
  const natureOf = (nature: string) => of(edit(CLEAN, '\t21,000\tD\t', `\t21,000\tD\t${nature}`), 'edgar-nature-on-direct');
  assert.deepEqual(severities(natureOf('By Trust')), ['warning']);
  assert.deepEqual(severities(natureOf('By 2019 GRAT')), ['warning']);
  const shifted = natureOf('Common Stock 7,583');
  assert.deepEqual(severities(shifted), ['hint']);
  assert.match(shifted[0]!.message, /wrong columns/);
});

test("OCR's mark on box 1's label (the printed asterisk read as a quote mark) tells text read from an image", () => {
  const undated = edit(CLEAN, '/s/ Ana M. Rivera\t03/03/2021', '/s/ Ana M. Rivera');
  assert.deepEqual(severities(of(edit(undated, 'Reporting Person * Rivera', 'Reporting Person\u201d Rivera'), 'missing-signature')), ['hint']);
  // A quoted defined term in filer text ("the \u201cReporting Person\u201d") is no such mark.
  const quoted = edit(undated, '(2) Held by the Rivera Family Trust', '(2) Held by the Rivera Family Trust (the \u201cReporting Person\u201d)');
  assert.deepEqual(severities(of(quoted, 'missing-signature')), ['error']);
});

test('undefined-footnote: in text OCR read a reference without its definition is a hint; in clean text an error', () => {
  const undefinedRef = edit(CLEAN, '$ 31.20 (1)', '$ 31.20 (7)');
  const clean = of(undefinedRef, 'undefined-footnote');
  assert.deepEqual(severities(clean), ['error']);
  assert.deepEqual(severities(of(withOcrMarks(undefinedRef), 'undefined-footnote')), ['hint']);
});

test('edgar-value-too-long: a table value in text OCR read is a hint too (column headings glued to a title)', () => {
  const long = edit(CLEAN, 'Common Stock\t03/02/2021\t\tS', 'Common Stock Code V Amount (A) or (D) Price Transactions Reported Ownership\t03/02/2021\t\tS');
  assert.deepEqual(severities(of(long, 'edgar-value-too-long')), ['error']);
  assert.deepEqual(severities(of(withOcrMarks(long), 'edgar-value-too-long')), ['hint']);
});
