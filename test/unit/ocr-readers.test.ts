/**
 * How tesseract reads a printed Form 3, 4 or 5 (fixtures/pdf *.ocr300.txt, *.ocr150.txt), one
 * quirk a test, each on a tiny input made by hand in the shape OCR gives: one line per printed
 * line, cells apart by single spaces, box labels and values run together where the boxes stand
 * side by side. Each rule follows from how the form is printed and how OCR misreads print.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '../../server/src/analysis';
import { CHECK_BEFORE_RE, sectionOf } from '../../server/src/analysis/filing/vocabulary';
import { classify } from '../../server/src/analysis/text/cells';
import { prepareLines, type PLine } from '../../server/src/analysis/filing/prepare';
import { parseTable } from '../../server/src/analysis/filing/tables';
import { splitLines } from '../../server/src/analysis/text/lines';

const TODAY = new Date('2026-11-23T12:00:00Z');
const CLEAN = readFileSync(path.resolve(__dirname, '..', '..', 'fixtures', 'rules', 'clean.form4.txt'), 'utf8');
const SIGNED = '/s/ Ana M. Rivera\t03/03/2021\n** Signature of Reporting Person\tDate';

/** The clean Form 4 with its signature block replaced by `block` (as OCR lays it out). */
function signedAs(block: string) {
  assert.ok(CLEAN.includes(SIGNED));
  const r = analyze(CLEAN.replace(SIGNED, block), { today: TODAY });
  assert.equal(r.filings.length, 1);
  return { signatures: r.filings[0].record.signatures, errors: r.findings.filter((f) => f.severity === 'error').map((f) => f.code) };
}

/** A line as the section finder sees it (only its masked text and facts matter). */
function line(masked: string): PLine {
  return { masked, facts: { memos: [] } } as unknown as PLine;
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

// ---------------------------------------------------------------------------------------------
// Signatures

test('a wrapped signature cell with blank lines between its lines, the date on a line of its own', () => {
  const { signatures, errors } = signedAs('/s/ Kim Lee,\nAttorney-in-Fact for\n\n03/03/2021\n\nAna M. Rivera\n\n** Signature of Reporting Person Date');
  assert.deepEqual(signatures, [{ name: 'Kim Lee, Attorney-in-Fact for Ana M. Rivera', date: '2021-03-03' }]);
  assert.deepEqual(errors, []);
});

test('without "/s/": three short lines one blank apart, one dated, under a heading are one signature', () => {
  const { signatures } = signedAs('Kim Lee, Attorney-\n\nin-fact for Ana\n\n03/03/2021\n\nRivera\n\n** Signature of Reporting Person');
  assert.deepEqual(signatures, [{ name: 'Kim Lee, Attorney-in-fact for Ana Rivera', date: '2021-03-03' }]);
  // Uneven gaps (a remark, then the signature) keep the old reading: the lines next to the caption.
  const uneven = signedAs('See Exhibit 24.\n\n\nKim Lee 03/03/2021\n** Signature of Reporting Person');
  assert.deepEqual(uneven.signatures, [{ name: 'Kim Lee', date: '2021-03-03' }]);
});

test("the signature's date read as a block of its own below the caption and the notices", () => {
  const block = '/s/ Ana M. Rivera\n\n** Signature of\n\nReminder: Report on a separate line for each class of securities beneficially owned directly or indirectly.\n\n03/03/2021\n\nReporting Person Date';
  const { signatures, errors } = signedAs(block);
  assert.deepEqual(signatures, [{ name: 'Ana M. Rivera', date: '2021-03-03' }]);
  assert.deepEqual(errors, []);
  // Other text before it: the date is not the signature's, and the missing date is reported.
  const other = signedAs('/s/ Ana M. Rivera\n\n** Signature of Reporting Person Date\n\nExhibit list follows\n\n03/03/2021');
  assert.deepEqual(other.signatures, [{ name: 'Ana M. Rivera', date: null }]);
  assert.ok(other.errors.includes('missing-signature'));
});

// ---------------------------------------------------------------------------------------------
// Tokens of a table row

/** Type and text of one word as the row tokenizer reads it. */
function token(word: string) {
  const t = classify(word, 0, 0, 0);
  return [t.type, t.text, t.unreadRef ?? false];
}

test("a cell's rule glued to the value beside it is not part of the value", () => {
  assert.deepEqual(token('9,244,580}'), ['number', '9,244,580', false]);
  assert.deepEqual(token('1,063,260]'), ['number', '1,063,260', false]);
  assert.deepEqual(token(']7,583]'), ['number', '7,583', false]);
  assert.deepEqual(token('$28.8164]'), ['money', '28.8164', false]);
  assert.deepEqual(token('{$5.37|'), ['money', '5.37', false]);
  // With a reference glyph between value and rule: the value, its reference unread.
  assert.deepEqual(token('$5.6016™]'), ['money', '5.6016', true]);
  assert.deepEqual(token('|$50.8848®]'), ['money', '50.8848', true]);
  // Words keep their brackets.
  assert.deepEqual(token('Common]'), ['word', 'Common]', false]);
  // A bracketed reference is no rule.
  assert.deepEqual(token('[1]'), ['ref', '', false]);
  assert.deepEqual(classify('$31.20[1]', 0, 0, 0).refs, ['1']);
});

test('a superscript reference read as a token of its own: a reference whose number is lost', () => {
  for (const w of ['@', '@)', '®', '(o)', 'o)', 'Q)', '©)', '(e))', '@@']) assert.deepEqual(token(w), ['ref', '', true], w);
  // Two characters of a mark before a closing parenthesis, or in a pair of them.
  for (const w of ['Me)', '(Me)', 'ws)', 'a6)', '(ea)', '(@)', '[)']) assert.deepEqual(token(w), ['ref', '', true], w);
  // Letters and column numbers are not, nor a class letter or numeral closing its parenthesis.
  for (const w of ['o', 'Q', '8)', 'O', 'A)', 'II)', '(Q)', '(A)', '12)', 'buy)', 'Buy)']) assert.notEqual(token(w)[0], 'ref', w);
});

test('a price with its reference read as a symbol after it: the price, its reference unread', () => {
  assert.deepEqual(token('$987.54¢9'), ['money', '987.54', true]);
  assert.deepEqual(token('$0.3621%'), ['money', '0.3621', true]);
  assert.deepEqual(token('$886.39?'), ['money', '886.39', true]);
  assert.deepEqual(token('$880.34@»'), ['money', '880.34', true]);
  assert.deepEqual(token('$988.61°'), ['money', '988.61', true]);
  assert.deepEqual(token('$1,250.5¢'), ['money', '1,250.5', true]);
  // A price followed by letters, or by a word's punctuation, is no price with a reference.
  assert.equal(token('$12abc')[0], 'word');
  assert.deepEqual(token('$12.50,'), ['money', '12.50', false]);
});

test('the dollar sign read as a letter s: a price when zero or with cents follow', () => {
  assert.deepEqual(token('s0'), ['money', '0', false]);
  assert.deepEqual(token('S0'), ['money', '0', false]);
  assert.deepEqual(token('s46.92'), ['money', '46.92', false]);
  assert.deepEqual(token('s0®'), ['money', '0', true]);
  // A code with a reference glued, and words, are not prices.
  for (const w of ['S10', 'S2', 's10)', 'So', 'Ss0x']) assert.notEqual(token(w)[0], 'money', w);
});

test('an amount whose last group has more than three digits: the extra digits are its glued reference', () => {
  const t = classify('3,1332', 0, 0, 0);
  assert.deepEqual([t.type, t.text, t.refs, t.end], ['number', '3,133', ['2'], 6]);
  assert.deepEqual(classify('877,97302)', 0, 0, 0).refs, ['2']);
  // "0" names no footnote: read as "(0)", whose number is lost.
  assert.deepEqual(classify('6,2740', 0, 0, 0).refs, ['0']);
  // Well-formed amounts and plain numbers keep their digits.
  for (const w of ['3,133', '12,345,678', '31332']) assert.deepEqual(classify(w, 0, 0, 0).refs, [], w);
});

test("a word's reference read as a question mark, an ampersand, or a glyph and its parenthesis: the word, its reference unread", () => {
  assert.deepEqual(token('Footnote?'), ['word', 'Footnote', true]);
  assert.deepEqual(token('Footnote?”'), ['word', 'Footnote', true]);
  assert.deepEqual(token('L.P.&'), ['word', 'L.P.', true]);
  assert.deepEqual(token('LLC®)'), ['word', 'LLC', true]);
  assert.deepEqual(token('Stock@@)'), ['word', 'Stock', true]);
  // An abbreviation in capitals with the reference read as one lower-case letter.
  assert.deepEqual(token('LPw'), ['word', 'LP', true]);
  assert.deepEqual(token('L.P.o'), ['word', 'L.P.', true]);
  for (const w of ['LPs', 'LLCs', 'Lp', 'McX', 'i.e']) assert.deepEqual(token(w)[2], false, w);
  assert.deepEqual(token('Stock22)'), ['word', 'Stock', true]);
  // An amount with a quote for the reference's opening parenthesis.
  assert.deepEqual(token('3,939")'), ['number', '3,939', true]);
  // Words written so by the filer stay words.
  for (const w of ['AT&T', 'Trust', 'L.P.', 'Fund,', 'Trust”)']) assert.deepEqual(token(w)[2], false, w);
  // An opening quote before the parenthesis is OCR's, not a filer's quotation.
  assert.deepEqual(token('Trust“)'), ['word', 'Trust', true]);
});

test('a code letter OCR read in lower case or twice, when its two cases print alike', () => {
  assert.deepEqual(token('s'), ['letter', 'S', false]);
  assert.deepEqual(token('Ss'), ['letter', 'S', false]);
  assert.deepEqual(token('p'), ['letter', 'P', false]);
  assert.deepEqual(token('Cc'), ['letter', 'C', false]);
  for (const w of ['a', 'm', 'Sp', 'Ab', 'By']) assert.equal(token(w)[0], 'word', w);
});

// ---------------------------------------------------------------------------------------------
// Box 1: captions OCR read as blocks of their own

/** A Form 4 header whose box 1 is `box`, then the first table's caption. */
function ownerOf(box: string) {
  const text = `FORM 4\n\nSTATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP\n\n1. Name and Address of Reporting Person*\n\n${box}\n\n2. Issuer Name and Ticker or Trading Symbol\nNorthwind Labs, Inc. [ NWLB ]\n\nTable | - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned\n`;
  const r = analyze(text, { today: TODAY });
  const o = r.filings[0].record.reportingOwners[0];
  return [o.name, o.street1, o.street2, o.city, o.state, o.zip];
}

test('"(Middle)" read after the street lines beside it: the streets are the lines between the name captions', () => {
  assert.deepEqual(ownerOf('Rivera Ana\n\n(Last) (First)\nC/O NORTHWIND LABS, INC.\n200 HARBOR DRIVE\n\n(Middle)\n\n(Street)\nPORTLAND OR 97201\n(City) (State) (Zip)'),
    ['Rivera Ana', 'C/O NORTHWIND LABS, INC.', '200 HARBOR DRIVE', 'PORTLAND', 'OR', '97201']);
});

test('the zip read as a block of its own under "(City) (State)", above "(Zip)"', () => {
  assert.deepEqual(ownerOf('Rivera Ana\n\n(Last) (First)\n\n(Middle)\n\n200 HARBOR DRIVE\n\n(Street)\nPORTLAND OR\n(City) (State)\n\n97201\n\n(Zip)'),
    ['Rivera Ana', '200 HARBOR DRIVE', null, 'PORTLAND', 'OR', '97201']);
});

// ---------------------------------------------------------------------------------------------
// References whose number OCR lost

test('a reference read as a glyph: unread text, and no footnote is called unused', () => {
  const text = CLEAN.replace('$ 31.20 (1)', '$ 31.20®');
  assert.notEqual(text, CLEAN);
  const r = analyze(text, { today: TODAY });
  const codes = r.findings.map((f) => f.code);
  assert.ok(!codes.includes('unused-footnote'), codes.join(' '));
  const hint = r.findings.find((f) => f.code === 'unread-text' && /OCR lost/.test(f.message));
  assert.ok(hint, 'the lost reference is reported');
  assert.equal(r.filings[0].record.nonDerivative[1].pricePerShare, 31.2);
  assert.deepEqual(r.filings[0].record.nonDerivative[1].footnoteIds, []);
  // Read exactly, the same filing does report a footnote nobody refers to.
  const unused = analyze(CLEAN.replace('$ 31.20 (1)', '$ 31.20'), { today: TODAY }).findings.map((f) => f.code);
  assert.ok(unused.includes('unused-footnote'));
});

test('with one footnote defined, a reference whose number OCR lost can only name it', () => {
  const one = CLEAN.replace('$ 31.20 (1)', '$ 31.20®').replace('By Trust (2)', 'By Trust').replace(/^\(2\) Held by.*\n/m, '');
  assert.notEqual(one, CLEAN);
  const r = analyze(one, { today: TODAY });
  assert.equal(r.filings[0].record.footnotes.length, 1);
  assert.deepEqual(r.filings[0].record.nonDerivative[1].footnoteIds, ['1']);
  assert.ok(!r.findings.some((f) => f.code === 'unused-footnote' || f.code === 'undefined-footnote'));
});

// ---------------------------------------------------------------------------------------------
// Check marks

test('a check mark read with the rule under its box ("X__", "X_—") or twice ("xX") still checks its option', () => {
  for (const mark of ['X__', 'X_', 'X_—', 'xX']) {
    assert.ok(CHECK_BEFORE_RE.test(`Director ${mark} `), mark);
  }
  for (const text of ['below) ', 'Director ', '__ ', 'XXX ', 'Box ']) assert.ok(!CHECK_BEFORE_RE.test(text), text);
  const text = CLEAN.replace('X Officer (give title below)', 'X__ Officer (give title below)').replace('X Form filed by One', 'X__ Form filed by One');
  assert.notEqual(text, CLEAN);
  const r = analyze(text, { today: TODAY }).filings[0].record;
  assert.equal(r.reportingOwners[0].isOfficer, true);
  assert.equal(r.jointFiling, false);
});

// ---------------------------------------------------------------------------------------------
// Codes OCR glued to a reference

test('a code letter OCR glued to its reference ("S10)") is unread text, not a missing code', () => {
  const row = 'Common Stock\t03/02/2021\t\tS\t\t4,000\tD\t$ 31.20 (1)\t21,000\tD\t';
  assert.ok(CLEAN.includes(row));
  const r = analyze(CLEAN.replace(row, row.replace('\tS\t', '\tS10)\t')), { today: TODAY });
  const codes = r.findings.map((f) => f.code);
  assert.ok(!codes.includes('missing-transaction-code'), codes.join(' '));
  assert.ok(r.findings.some((f) => f.code === 'unread-text' && f.message.includes('S10)')));
  // A code column left empty is still a missing code.
  const empty = analyze(CLEAN.replace(row, row.replace('\tS\t', '\t\t')), { today: TODAY }).findings.map((f) => f.code);
  assert.ok(empty.includes('missing-transaction-code'));
});

test('a code glued to its reference between the date and the amount reads as the code ("Co", "so", "S10)", "jo")', () => {
  const rows = tableRows(
    [
      'Code V Amount (A) or (D) Price',
      'Class A Common Stock 02/27/2012 Co 78,667 | A $0 78,667 I',
      'Class A Common Stock 02/27/2012 so 19,600 | D | $89.65 59,067 I',
      'Class A Common Stock 02/27/2012 S10) 18,251 D | $88.11 40,816 I',
      'Common Stock 05/24/2011 jo 19,066,032 D $0 0 I',
      // Not a code letter ("Qo"), or no amount after it: left as it was read.
      'Common Stock 05/24/2011 Qo 1,000 D $0 0 I',
    ].join('\n'),
    'nonDerivative',
    '4',
  );
  assert.deepEqual(rows.map((r) => [r.kind, r.transactionCode, r.shares]), [
    ['transaction', 'C', 78667],
    ['transaction', 'S', 19600],
    ['transaction', 'S', 18251],
    ['transaction', 'J', 19066032],
    ['transaction', null, 1000],
  ]);
});

test('references OCR damaged, repaired from the footnotes defined: "(12)" is (1)(2), "(0)" is unread', () => {
  const glued = analyze(CLEAN.replace('$ 31.20 (1)', '$ 31.20 (12)'), { today: TODAY });
  assert.deepEqual(glued.filings[0].record.nonDerivative[1].footnoteIds, ['1', '2']);
  assert.ok(!glued.findings.some((f) => f.code === 'undefined-footnote'));
  const zero = analyze(CLEAN.replace('$ 31.20 (1)', '$ 31.20 (0)'), { today: TODAY });
  assert.deepEqual(zero.filings[0].record.nonDerivative[1].footnoteIds, []);
  const codes = zero.findings.map((f) => f.code);
  assert.ok(!codes.includes('undefined-footnote') && !codes.includes('unused-footnote'), codes.join(' '));
  assert.ok(zero.findings.some((f) => f.code === 'unread-text' && f.message.includes('(0)')));
});

test('a caption OCR damaged: its first word unreadable, or its "**" and first word alone', () => {
  const damaged = signedAs('/s/ Ana M. Rivera 03/03/2021\n\npenature of Reporting Date');
  assert.deepEqual(damaged.signatures, [{ name: 'Ana M. Rivera', date: '2021-03-03' }]);
  assert.deepEqual(damaged.errors, []);
  const starred = signedAs('/s/ Ana M. Rivera,\n\n03/03/2021\n\nAttorney-in-Fact\n\n** Signature');
  assert.deepEqual(starred.signatures, [{ name: 'Ana M. Rivera, Attorney-in-Fact', date: '2021-03-03' }]);
  assert.deepEqual(starred.errors, []);
});

// ---------------------------------------------------------------------------------------------
// Stacked rows: a browser centres each cell of a printed row, so a wrapped cell's lines stand
// above and below the line of the row's values (layout/stacked.ts); each goes into its column.

function tableRows(text: string, table: 'nonDerivative' | 'derivative', form: '3' | '4') {
  return parseTable(prepareLines(splitLines(text), 0), table, form).map((r) => r.record as unknown as Record<string, unknown>);
}

test('stacked Table I rows: the nature wrapped around the values line, its footnote mark on its last line', () => {
  const rows = tableRows(
    ['Code V Amount (A) or (D) Price', 'See', 'Class A Common Stock 02/27/2012 C 78,667 | A $0 78,667 I', 'footnote(4)', 'See', 'Class A Common Stock 02/27/2012 S 18,251 D | $88.1132 60,416 I', 'footnote(5)'].join('\n'),
    'nonDerivative',
    '4',
  );
  assert.deepEqual(rows.map((r) => [r.securityTitle, r.shares, r.sharesOwnedFollowing, r.directOrIndirect, r.natureOfOwnership, r.footnoteIds]), [
    ['Class A Common Stock', 78667, 78667, 'I', 'See footnote', ['4']],
    ['Class A Common Stock', 18251, 60416, 'I', 'See footnote', ['5']],
  ]);
});

test('stacked Table I rows: a line clearly wider than the nature column continues the title', () => {
  const rows = tableRows(
    ['1. Title of Security (Instr. 4) 2. Amount of Securities 3. Ownership', 'Class A Common Stock, par value $0.0001 per', 'Common 803,737 I See footnote', 'share', 'By Levchin 2012', 'Class A Common Stock 735,294 I', 'Irrevocable Trust'].join('\n'),
    'nonDerivative',
    '3',
  );
  assert.deepEqual(rows.map((r) => [r.securityTitle, r.sharesOwnedFollowing, r.natureOfOwnership]), [
    ['Class A Common Stock, par value $0.0001 per Common', 803737, 'See footnote share'],
    ['Class A Common Stock', 735294, 'By Levchin 2012 Irrevocable Trust'],
  ]);
});

test('stacked Table I rows: a speck OCR read on the values line is no word of the nature or the title', () => {
  const rows = tableRows(
    ['1. Title of Security (Instr. 4) 2. Amount of Securities 3. Ownership', 'Estate', 'Class A Common Stock 438,456 I .', 'Planning', 'See', 'Common , Stock 5,000 I ,', 'Footnote & Co'].join('\n'),
    'nonDerivative',
    '3',
  );
  assert.deepEqual(rows.map((r) => [r.securityTitle, r.sharesOwnedFollowing, r.natureOfOwnership]), [
    ['Class A Common Stock', 438456, 'Estate Planning'],
    ['Common Stock', 5000, 'See Footnote & Co'],
  ]);
});

test("a text cell's word with a rule glued to its end, or a lone capital glued to a word, reads as its words", () => {
  const rows = tableRows(
    ['1. Title of Security (Instr. 4) 2. Amount of Securities 3. Ownership', 'ClassA Common} Stock 5,000 I By PayPal Trust]', 'Class ACommon Stock 7,000 D'].join('\n'),
    'nonDerivative',
    '3',
  );
  assert.deepEqual(rows.map((r) => [r.securityTitle, r.sharesOwnedFollowing, r.natureOfOwnership]), [
    ['Class A Common Stock', 5000, 'By PayPal Trust'],
    ['Class A Common Stock', 7000, null],
  ]);
});

test('stacked Table II rows: a line of pieces of narrow columns splits where each piece starts', () => {
  const rows = tableRows(
    ['Date Expiration Number of Transaction(s)', 'Class B Class A See', 'Common (1) 02/27/2012 C 78,667 (1) (1) Common 78,667 $0 18,872,030 I', 'footnote(3)', 'Stock Stock'].join('\n'),
    'derivative',
    '4',
  );
  assert.deepEqual(rows.map((r) => [r.securityTitle, r.underlyingSecurityTitle, r.underlyingShares, r.natureOfOwnership]), [
    ['Class B Common Stock', 'Class A Common Stock', 78667, 'See footnote'],
  ]);
});

test('stacked Table II rows: a lone code letter right after the date is no first word of the underlying title', () => {
  const rows = tableRows(
    ['Code | V | (A) (D) Exercisable Date Title Shares', 'Restricted', 'Stock Class A', 'Units @) 05/15/2022 M 946 8) @ |Common|] 946 30 0 D', '(RSU) Stock'].join('\n'),
    'derivative',
    '4',
  );
  assert.deepEqual(rows.map((r) => [r.kind, r.transactionDate, r.transactionCode, r.shares, r.underlyingShares, r.sharesOwnedFollowing]), [['transaction', '2022-05-15', 'M', 946, 946, 0]]);
});

test("stacked rows: a price's dollar sign read as a 3 is the sign; a lone \"2)\" among the values is a reference", () => {
  const rows = tableRows(
    ['Code V (A) (D) Exercisable Date Title Shares', 'Stock', 'Option Common', '(right 346.92 07/10/2020 A 643 2) 07/09/2030 Stock 643 30 643 D', 'to buy)'].join('\n'),
    'derivative',
    '4',
  );
  assert.deepEqual(rows.map((r) => [r.conversionOrExercisePrice, r.shares, r.expirationDate, r.underlyingShares, r.pricePerShare, r.sharesOwnedFollowing, r.footnoteIds]), [
    [46.92, 643, '2030-07-09', 643, 0, 643, ['2']],
  ]);
  // Written with its sign, or in text that is not a printed page, a price keeps its digits.
  const tabbed = tableRows('Stock Option (right to buy)\t$346.92\t07/10/2020\t\tA\t\t643\t\t\t07/09/2030\tCommon Stock\t643\t30\t643\tD\t', 'derivative', '4');
  assert.deepEqual(tabbed.map((r) => [r.conversionOrExercisePrice, r.pricePerShare]), [[346.92, 30]]);
});

test('stacked rows: a ")" in a text column that closes no "(" is a reference read as a parenthesis', () => {
  const rows = tableRows(
    ['Code V Amount (A) or (D) Price', 'See', 'Class A Common Stock 11/13/2024 S 59,070 | D | $5.6016 125,000 I Footnotes', 'G)', 'Class A Common Stock 11/13/2024 S 1,000 | D | $5.6016 124,000 I Trust)'].join('\n'),
    'nonDerivative',
    '4',
  );
  assert.deepEqual(rows.map((r) => [r.sharesOwnedFollowing, r.natureOfOwnership]), [
    [125000, 'See Footnotes'],
    [124000, 'Trust'],
  ]);
  // A parenthesis opened before it in the column is closed: "(Class" / "A)" stays text.
  const units = tableRows(
    ['Code V (A) (D) Exercisable Date Title Shares', 'Restricted', 'Stock Units (Class Class A', 'Units 05/15/2021 M 1,386 (3) Common 1,386 $0 0 D', 'A) Stock'].join('\n'),
    'derivative',
    '4',
  );
  assert.deepEqual(units.map((r) => [r.underlyingSecurityTitle, r.footnoteIds]), [['Class A Common Stock', ['3']]]);
  assert.match(String(units[0]!.securityTitle), /^Restricted Stock Units \(Class .*A\)$/);
});

test('stacked rows: a lone digit on the values line of a nature whose words stand around it is its reference mark', () => {
  const rows = tableRows(
    ['Code V Amount (A) or (D) Price', 'See', 'Class A Common Stock 02/27/2012 C 78,667 | A $0 78,667 I 4', 'footnote', 'By', 'Class A Common Stock 02/27/2012 S 1,000 | D $12.50 77,667 I 2012', 'Trust'].join('\n'),
    'nonDerivative',
    '4',
  );
  assert.deepEqual(rows.map((r) => [r.sharesOwnedFollowing, r.natureOfOwnership, r.footnoteIds])[0], [78667, 'See footnote', []]);
  // A number of more digits is the nature's own.
  assert.match(String(rows[1]!.natureOfOwnership), /2012/);
});

test('stacked rows: a code after the date with its reference read as a round letter or digits ("Co", "jo", "S10)") is the code', () => {
  const rows = tableRows(
    ['Code V Amount (A) or (D) Price', 'See', 'Class A Common Stock 02/27/2012 Co 78,667 | A $0 78,667 I', 'footnote(4)', 'See', 'Class A Common Stock 05/24/2011 jo 1,000 | D $0 77,667 I', 'footnote(4)', 'See', 'Class A Common Stock 05/24/2011 S10) 1,000 | D $41.85 77,667 I', 'footnote(4)', 'By', 'Class A Common Stock 05/24/2011 Yo 1,000 | D $0 76,667 I', 'Trust'].join('\n'),
    'nonDerivative',
    '4',
  );
  assert.deepEqual(rows.map((r) => [r.transactionCode, r.equitySwapInvolved, r.shares]), [
    ['C', false, 78667],
    ['J', false, 1000],
    ['S', false, 1000],
    // "Y" is no transaction code: the word stays unread as a code.
    [null, null, 1000],
  ]);
});

test('stacked rows: the ownership form with its reference\'s digit glued on ("D2") after the amount', () => {
  const rows = tableRows(['Code V Amount (A) or (D) Price', 'Series B', 'Preferred 08/10/2021 P 1,997,000 A $17 11,241,580 D2', 'Stock'].join('\n'), 'nonDerivative', '4');
  assert.deepEqual(rows.map((r) => [r.securityTitle, r.sharesOwnedFollowing, r.directOrIndirect, r.natureOfOwnership, r.footnoteIds]), [['Series B Preferred Stock', 11241580, 'D', null, ['2']]]);
  // Rows of one line each, in a table that shows OCR's marks (a reference read as "o)"), read so too.
  const flat = tableRows(['Code V Amount (A) or (D) Price', 'Common Stock 08/10/2021 C 9,244,580 A o) 9,244,580 D®', 'Common Stock 08/10/2021 Co 1,997,000 A $17 11,241,580 D2'].join('\n'), 'nonDerivative', '4');
  assert.deepEqual(flat.map((r) => [r.transactionCode, r.sharesOwnedFollowing, r.directOrIndirect, r.natureOfOwnership, r.footnoteIds]), [
    ['C', 9244580, 'D', null, []],
    ['C', 11241580, 'D', null, ['2']],
  ]);
  // Without a mark of OCR in the table, the ownership form's cell is left as written.
  const clean = tableRows(['Code V Amount (A) or (D) Price', 'Common Stock 08/10/2021 C 9,244,580 A $0 9,244,580 D', 'Common Stock 08/10/2021 P 1,997,000 A $17 11,241,580 D2'].join('\n'), 'nonDerivative', '4');
  assert.deepEqual(clean.map((r) => [r.directOrIndirect, r.footnoteIds]), [['D', []], [null, []]]);
  // A class named with a digit in a title is no ownership form.
  const series = tableRows(['Code V Amount (A) or (D) Price', 'Series', 'Preferred D2 08/10/2021 P 1,997,000 A $17 11,241,580 D', 'Stock'].join('\n'), 'nonDerivative', '4');
  assert.deepEqual(series.map((r) => [r.securityTitle, r.footnoteIds]), [['Series Preferred D2 Stock', []]]);
});

test("a price read from a page with a digit or two more than the column's precision: its reference glued on", () => {
  const row = (price: string, glyph = '') => `Common Stock 04/26/2022 S 1,140 | D | ${price}${glyph} | 169,142,639 I by Trust`;
  const read = (prices: string[]) =>
    tableRows(['Code V Amount (A) or (D) Price', ...prices.map((p, i) => row(p, i === 0 ? '®' : ''))].join('\n'), 'nonDerivative', '4').map((r) => r.pricePerShare);
  assert.deepEqual(read(['$973.54', '$976.45', '$879.112', '$885.3829', '$977.54']), [973.54, 976.45, 879.11, 885.38, 977.54]);
  // Too few prices to know the column's precision, or prices of mixed precision: as written.
  assert.deepEqual(read(['$28.81642', '$29.8']), [28.81642, 29.8]);
  assert.deepEqual(read(['$10.25', '$10.3125', '$10.5', '$10.75']), [10.25, 10.3125, 10.5, 10.75]);
  // Text that shows no sign of OCR keeps every digit.
  const clean = tableRows(['Code V Amount (A) or (D) Price', ...['$973.54', '$976.45', '$879.112'].map((p) => row(p))].join('\n'), 'nonDerivative', '4');
  assert.deepEqual(clean.map((r) => r.pricePerShare), [973.54, 976.45, 879.112]);
});

test('stacked rows: an amount with a digit glued on that the row shows again without it', () => {
  const read = (amount: string) =>
    tableRows(['Code V (A) (D) Exercisable Date Title Shares', 'Stock', `Option 46.92 07/10/2020 A ${amount} 07/10/2020 07/09/2030 Common 643 $0 643 D`, 'to buy)'].join('\n'), 'derivative', '4')
      .map((r) => [r.shares, r.underlyingShares, r.sharesOwnedFollowing]);
  assert.deepEqual(read('6430'), [[643, 643, 643]]);
  assert.deepEqual(read('64312'), [[643, 643, 643]]);
  // Amounts that differ otherwise stay as written.
  assert.deepEqual(read('6431234'), [[6431234, 643, 643]]);
  assert.deepEqual(read('1643'), [[1643, 643, 643]]);
});

test('stacked Table II rows: a column with no text on the values line has as many lines below it as above', () => {
  // The underlying title stands on two lines centred on the row ("Common" above, "Stock" below),
  // the title on three ("Series A", "Preferred" on the values line, "Stock").
  const rows = tableRows(
    ['Code | V | (A) (D) Exercisable Date Title Shares', 'Series A Common', 'Preferred (1) 08/10/2021 C 1,250,000 (1) (1) 6,250,000 $0 0 D', 'Stock', 'Stock'].join('\n'),
    'derivative',
    '4',
  );
  assert.deepEqual(rows.map((r) => [r.securityTitle, r.underlyingSecurityTitle, r.shares, r.underlyingShares]), [['Series A Preferred Stock', 'Common Stock', 1250000, 6250000]]);
});

test('stacked Table II rows: words in parentheses are one piece of a line', () => {
  const rows = tableRows(
    ['Code | V | (A) (D) Exercisable Date Title Shares', 'Restricted', 'Stock Class A', 'Units (2) 05/15/2021 M 1,386 (3) (3) Common 1,386 $0 0 D', '(RSU) Stock', '(Class A)'].join('\n'),
    'derivative',
    '4',
  );
  assert.deepEqual(rows.map((r) => [r.securityTitle, r.underlyingSecurityTitle]), [['Restricted Stock Units (RSU) (Class A)', 'Class A Common Stock']]);
});

test('stacked Table II rows: a text column does not take an amount with thousands separators past a stray mark', () => {
  // "8)" is a reference OCR read without its opening parenthesis (a stray word among the values), "30" the price "$0".
  const rows = tableRows(
    ['Code | V | (A) (D) Exercisable Date Title Shares', 'Restricted', 'Stock Class A', 'Units Q) 05/15/2021 M 1,386 8) @) Common ]1,386] 30 0 D', '(RSU) Stock'].join('\n'),
    'derivative',
    '4',
  );
  assert.deepEqual(rows.map((r) => [r.kind, r.transactionDate, r.transactionCode, r.shares, r.underlyingShares, r.sharesOwnedFollowing]), [['transaction', '2021-05-15', 'M', 1386, 1386, 0]]);
  // The underlying title keeps its words around the values line, not the row's amount.
  assert.match(String(rows[0]!.underlyingSecurityTitle), /^Class A .*Common Stock$/);
  assert.doesNotMatch(String(rows[0]!.underlyingSecurityTitle), /1,386/);
});

// ---------------------------------------------------------------------------------------------
// Boxes 1 and 2 run together on one line

const RUN_TOGETHER = (valueLine: string) =>
  [
    'FORM 4 UNITED STATES SECURITIES AND EXCHANGE COMMISSION OMB APPROVAL',
    'STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP',
    '1. Name and Address of Reporting Person* 2. Issuer Name and Ticker or Trading Symbol 5. Relationship of Reporting Person(s) to Issuer',
    valueLine,
    'X Director 10% Owner',
    '(Last) (First) (Middle) 3. Date of Earliest Transaction (Month/Day/Year)',
    'C/O NORTHWIND LABS 03/01/2021',
    '(Street)',
    'BOSTON MA 02110',
    '(City) (State) (Zip)',
    'Table | - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned',
    'Code V Amount (A) or (D) Price',
    'Common Stock 03/01/2021 P 1,000 A $10 5,000 D',
  ].join('\n');

function issuerAndOwner(text: string) {
  const rec = analyze(text, { today: TODAY }).filings[0].record;
  return { issuer: rec.issuer, owner: rec.reportingOwners[0]?.name };
}

test('boxes 1 and 2 on one line: the issuer from "Name [ TICKER ]", the owner split off where the letter case switches', () => {
  assert.deepEqual(issuerAndOwner(RUN_TOGETHER('RIVERA ANA Northwind Labs, Inc. [ NWLB ] (Check all applicable)')), {
    issuer: { name: 'Northwind Labs, Inc.', tradingSymbol: 'NWLB' },
    owner: 'RIVERA ANA',
  });
  assert.deepEqual(issuerAndOwner(RUN_TOGETHER('Rivera Ana NORTHWIND LABS INC [ NWLB ]')), {
    issuer: { name: 'NORTHWIND LABS INC', tradingSymbol: 'NWLB' },
    owner: 'Rivera Ana',
  });
  // One letter case throughout: no split is guessed, the ticker is still read.
  const same = issuerAndOwner(RUN_TOGETHER('Rivera Ana Northwind Labs, Inc. [ NWLB ]'));
  assert.equal(same.issuer.tradingSymbol, 'NWLB');
  assert.equal(same.issuer.name, 'Rivera Ana Northwind Labs, Inc.');
});

test('a label\'s last words OCR left before the issuer name are cut ("... Person(s) to Issuer Tesla, Inc.")', () => {
  const text = RUN_TOGETHER('RIVERA ANA').replace('X Director', 'roheck all apuicatic Person(s) to Issuer Northwind Labs, Inc. [ NWLB ]\nX Director');
  assert.deepEqual(issuerAndOwner(text).issuer, { name: 'Northwind Labs, Inc.', tradingSymbol: 'NWLB' });
});

test('box 1 beside other boxes: its lines begin the lines between its captions, the other boxes\' text after', () => {
  const text = [
    'FORM 4 UNITED STATES SECURITIES AND EXCHANGE COMMISSION OMB APPROVAL',
    'STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP',
    '1. Name and Address of Reporting Person* 2. Issuer Name and Ticker or Trading Symbol 5. Relationship of Reporting Person(s) to Issuer',
    'Northwind Labs, Inc. [ NWLB ] (Check all applicable)',
    'RIVERA ANA X Director X 10% Owner',
    'Officer (give title Other (specify',
    '(Last) (First) (Middle) below) below)',
    '3. Date of Earliest Transaction (Month/Day/Year)',
    'C/O NORTHWIND LABS, INC. 03/01/2021',
    '12 MAIN STREET',
    '(Street) 4. If Amendment, Date of Original Filed (Month/Day/Year) 6. Individual or Joint/Group Filing (Check Applicable Line)',
    'SAN CA 94103 X Form filed by One Reporting Person',
    'FRANCISCO Form filed by More than One Reporting Person',
    '(City) (State) (Zip)',
    'Table | - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned',
    'Code V Amount (A) or (D) Price',
    'Common Stock 03/01/2021 P 1,000 A $10 5,000 D',
  ].join('\n');
  const rec = analyze(text, { today: TODAY }).filings[0].record;
  const o = rec.reportingOwners[0];
  assert.deepEqual([o.name, o.street1, o.street2, o.city, o.state, o.zip], ['RIVERA ANA', 'C/O NORTHWIND LABS, INC.', '12 MAIN STREET', 'SAN FRANCISCO', 'CA', '94103']);
  assert.deepEqual(rec.issuer, { name: 'Northwind Labs, Inc.', tradingSymbol: 'NWLB' });
  assert.equal(rec.periodOfReport, '2021-03-01');
});

test('a page of Table I read one cell a line (tesseract cut it into blocks): rows by the column grammar', () => {
  const rows = tableRows(
    [
      'Code V Amount (A) or (D) Price',
      'By Harbor',
      'Common Stock 03/02/2022 S 1,200 | D | $14.25 8,800 I Point',
      '1. Title of Security (Instr. 3)',
      '',
      // The nature of the row above, cut by the page's end, before the page's first title.
      'Capital',
      'Fund, L.P.',
      '',
      'Common Stock', '', '03/03/2022', '', 'Jo', '', '2,500', '', '$0', '',
      'By Lakeview', '', 'Partners LLC', '',
      'Common Stock', '', '03/03/2022', '', 'S', '', '700', '', '$15.10', '', '6,100', '',
      'Class B Common Stock', '', '4,250',
    ].join('\n'),
    'nonDerivative',
    '4',
  );
  assert.deepEqual(
    rows.map((r) => [r.kind, r.securityTitle, r.transactionDate, r.transactionCode, r.shares, r.pricePerShare, r.sharesOwnedFollowing, r.natureOfOwnership]),
    [
      ['transaction', 'Common Stock', '2022-03-02', 'S', 1200, 14.25, 8800, 'By Harbor Point Capital Fund, L.P.'],
      ['transaction', 'Common Stock', '2022-03-03', 'J', 2500, 0, null, 'By Lakeview Partners LLC'],
      ['transaction', 'Common Stock', '2022-03-03', 'S', 700, 15.1, 6100, null],
      ['holding', 'Class B Common Stock', null, null, null, null, 4250, null],
    ],
  );
});

test("a run of one cell a line in Table II is not read by Table I's grammar (its columns differ)", () => {
  const text = ['Code V Amount (A) or (D) Price', 'By', 'Common Stock 03/02/2022 S 1,200 | D | $14.25 8,800 I Holdings', '1. Title of Security (Instr. 3)', '', 'Class B Common Stock', '', '4,250'].join('\n');
  assert.ok(tableRows(text, 'nonDerivative', '4').some((r) => r.securityTitle === 'Class B Common Stock' && r.sharesOwnedFollowing === 4250));
  assert.ok(!tableRows(text, 'derivative', '4').some((r) => r.securityTitle === 'Class B Common Stock'));
});
