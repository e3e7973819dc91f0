/**
 * Reading-order text (pdftotext without -layout): one cell a line, labels and values apart. Each
 * quirk is a tiny named input in test/unit/layout/reading-order/; the intermediate the reader
 * writes for the form readers is checked by layout-cases.test.ts (`<quirk>.expected.json`), what
 * the records say once the form readers have read it here.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '../../server/src/analysis';
import { isReadingOrder, readReadingOrder } from '../../server/src/analysis/layout/reading-order';

const DIR = path.join(__dirname, 'layout', 'reading-order');
const TODAY = new Date('2026-11-23T12:00:00Z');
const quirks = readdirSync(DIR)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => f.replace(/\.txt$/, ''));

const input = (q: string) => readFileSync(path.join(DIR, `${q}.txt`), 'utf8').split('\n');
const record = (q: string) => analyze(input(q).join('\n'), { today: TODAY }).filings[0].record;
/** A Table I row's code, amounts, (A)/(D), form and nature: what a row read in the wrong order gets wrong. */
const rowCells = (r: ReturnType<typeof record>['nonDerivative'][number]) => [r.transactionCode, r.shares, r.acquiredDisposed, r.sharesOwnedFollowing, r.directOrIndirect, r.natureOfOwnership];

describe('every quirk is read as reading order and keeps its line count', () => {
  for (const q of quirks) {
    test(q, () => {
      const lines = input(q);
      const out = readReadingOrder(lines);
      assert.ok(out, 'read as reading order');
      assert.equal(out.length, lines.length);
    });
  }
});

describe('records', () => {
  test('header values found by kind wherever the reading order put them', () => {
    const r = record('header-scattered');
    assert.deepEqual(r.issuer, { name: 'Example Widgets Corp.', tradingSymbol: 'EXW' });
    const o = r.reportingOwners[0];
    assert.equal(o.name, 'DOE JANE Q');
    // A street cell wrapped at its printed width is one street; a second line is the second street.
    assert.equal(o.street1, 'C/O EXAMPLE WIDGETS CORPORATION HOLDINGS');
    assert.equal(o.street2, '12 HARBOR ROAD');
    assert.deepEqual([o.city, o.state, o.zip], ['SPRINGFIELD', 'ST', '12345']);
    // "X below)": the mark kept beside the officer option's second line.
    assert.deepEqual([o.isDirector, o.isTenPercentOwner, o.isOfficer, o.isOther], [false, false, true, false]);
    assert.equal(o.officerTitle, 'Vice President, Finance');
    assert.equal(r.periodOfReport, '2024-02-03');
    assert.equal(r.dateOfOriginalSubmission, null);
    assert.equal(r.jointFiling, false);
    assert.deepEqual(r.signatures, [{ name: 'Jane Q. Doe', date: '2024-02-05' }]);
  });

  test('a street line wider than a wrapped cell is a second street, not the first one wrapped', () => {
    const o = record('header-two-streets-second-wider-than-a-wrap').reportingOwners[0];
    // "C/O EXAMPLE WIDGETS CORPORATION" and "EXAMPLE ..." would not share a line of the assumed cell, but
    // the second line alone is wider than that cell: the cell is wider, and its break no wrap.
    assert.deepEqual([o.street1, o.street2], ['C/O EXAMPLE WIDGETS CORPORATION', 'EXAMPLE PLACE 181 HARBOR ROAD SUITE 100']);
  });

  test('street lines read after the street caption go by their kind; the issuer wrapped in its brackets', () => {
    const r = record('header-streets-after-caption');
    assert.deepEqual(r.issuer, { name: 'EXAMPLE WIDGETS HOLDINGS INC / DE', tradingSymbol: 'EXW' });
    const o = r.reportingOwners[0];
    // The Rule 10b5-1 box's wrapped text is printed form, not an address.
    assert.deepEqual([o.street1, o.street2, o.city, o.state, o.zip], ['C/O EXAMPLE CAPITAL LLC', '1200 17TH STREET, FLOOR 15', 'SAN MARCOS', 'ST', '12345']);
  });

  test('lone marks read away from their options: placed by the option texts read around them', () => {
    const r = record('header-marks-apart-from-options');
    const o = r.reportingOwners[0];
    // Marks before the 10% Owner text and between the Officer and Director texts: director and
    // 10% owner; the mark above the Rule 10b5-1 box's text is that box's, not a relationship.
    assert.deepEqual([o.isDirector, o.isTenPercentOwner, o.isOfficer, o.isOther], [true, true, false, false]);
    // The mark read after both joint options: one reporting person.
    assert.equal(r.jointFiling, false);
    // The Rule 10b5-1 box is written back with its mark (its value was dropped before).
    assert.equal(analyze(input('header-marks-apart-from-options').join('\n'), { today: TODAY }).filings[0].aff10b5One, true);
  });

  test('the Rule 10b5-1 box printed without a mark reads unchecked, not absent', () => {
    assert.equal(analyze(input('header-streets-after-caption').join('\n'), { today: TODAY }).filings[0].aff10b5One, false);
  });

  test('a lone mark read after every option text but the last is the officer\'s', () => {
    const r = record('header-officer-mark-after-options');
    const o = r.reportingOwners[0];
    assert.deepEqual([o.isDirector, o.isTenPercentOwner, o.isOfficer, o.isOther], [false, false, true, false]);
    assert.equal(o.officerTitle, 'Chief Financial Officer');
    assert.equal(r.jointFiling, false);
  });

  test('row by row: a row is cut at its title; cells read before the first title end the first row', () => {
    const rows = record('table-rows').nonDerivative;
    assert.equal(rows.length, 3);
    assert.deepEqual(
      rows.map((r) => [r.transactionDate, r.transactionCode, r.shares, r.acquiredDisposed, r.pricePerShare, r.sharesOwnedFollowing, r.directOrIndirect]),
      [
        ['2024-03-04', 'S', 500, 'D', 20.25, 9500, 'D'],
        ['2024-03-05', 'S', 700, 'D', 20.5, 8800, 'D'],
        [null, null, null, null, null, 1200, 'I'],
      ],
    );
    assert.equal(rows[2].natureOfOwnership, 'By Family Trust');
  });

  test('column by column: titles first, then each column top down; D/I and nature pairs row by row', () => {
    const rows = record('table-columns').nonDerivative;
    assert.deepEqual(
      rows.map((r) => [r.kind, r.transactionCode, r.shares, r.sharesOwnedFollowing, r.directOrIndirect, r.natureOfOwnership]),
      [
        ['transaction', 'P', 10000, 10000, 'I', 'By Alpha Fund, LP'],
        ['holding', null, null, 400000, 'I', 'By Beta Fund, LP'],
        ['holding', null, null, 25000, 'I', 'By Gamma Fund, LP'],
      ],
    );
  });

  test('a row\'s right cells read before the titles wait for the rows that lack them, in order', () => {
    const rows = record('table-right-cells-before-titles').nonDerivative;
    assert.deepEqual(
      rows.map(rowCells),
      [
        ['C', 11733, 'A', 11733, 'D', null],
        ['S', 11733, 'D', 0, 'D', null],
        ['C', 23465, 'A', 23465, 'I', 'See Footnote'],
      ],
    );
  });

  test('the first row\'s amount owned and form read before its title: the text after them is the title, then the nature', () => {
    const rows = record('table-first-row-right-cells-then-title-then-nature').nonDerivative;
    assert.deepEqual(
      rows.map((r) => [r.securityTitle, r.sharesOwnedFollowing, r.directOrIndirect, r.natureOfOwnership]),
      [['Common Stock', 15805, 'I', 'By Living Trust']],
    );
  });

  test('rows read left to right up to the price, then the amounts owned and forms down their column', () => {
    const rows = record('table-left-cells-row-by-row-then-right-cells').nonDerivative;
    assert.deepEqual(
      rows.map((r) => [r.shares, r.pricePerShare, r.sharesOwnedFollowing, r.directOrIndirect]),
      [
        [9176, 28.8164, 82999, 'D'],
        [100, 29.8, 82899, 'D'],
      ],
    );
  });

  test('a block of rows read column by column after the forms and natures of its rows', () => {
    const rows = record('table-column-block-natures-first').nonDerivative;
    assert.deepEqual(
      rows.map((r) => [r.transactionDate, r.shares, r.sharesOwnedFollowing, r.directOrIndirect, r.natureOfOwnership]),
      [
        ['2024-05-14', 4501181, 0, 'I', 'Alpha Fund, L.P.'],
        ['2024-05-14', 915328, 0, 'I', 'Beta Fund, L.P.'],
        ['2024-05-14', 320464, 0, 'I', 'Gamma Fund, LLC'],
      ],
    );
  });

  test('a title and its date on one line; a nature wrapped one word a line with initials and a reference', () => {
    const rows = record('table-title-date-one-line-nature-wrapped').nonDerivative;
    assert.deepEqual(
      rows.map((r) => [r.securityTitle, r.transactionDate, r.transactionCode, r.shares, r.pricePerShare, r.sharesOwnedFollowing, r.natureOfOwnership]),
      [
        ['Class A Common Stock', '2024-05-08', 'S', 6285833, 21.3303, 64520599, 'Delta Capital U.S. Growth Fund IV, L.P.'],
        ['Class A Common Stock', null, null, null, null, 20823993, null],
      ],
    );
  });

  test('the table\'s heading printed again on the next page opens no row', () => {
    const rows = record('table-heading-again-after-page-break').nonDerivative;
    assert.deepEqual(
      rows.map((r) => [r.securityTitle, r.sharesOwnedFollowing, r.directOrIndirect]),
      [
        ['Common Stock', 9500, 'D'],
        ['Common Stock', 1200, 'I'],
      ],
    );
  });

  test('an underlying title wrapped around its amount: the amount between the title\'s lines', () => {
    const rows = record('table-title-wrapped-around-its-amount').derivative;
    assert.deepEqual(
      rows.map((r) => [r.transactionDate, r.shares, r.underlyingSecurityTitle, r.underlyingShares, r.sharesOwnedFollowing]),
      [
        ['2023-09-13', 267.809, 'Common Stock', 267.809, 14242.084],
        ['2023-09-14', 28.593, 'Common Stock', 28.593, 14270.678],
      ],
    );
  });

  test('a Form 3 derivative holding with one amount and "shares" in its titles is a row, not column labels', () => {
    const r = record('table-form3-holding-one-amount');
    assert.equal(r.formType, '3');
    assert.deepEqual(
      r.derivative.map((x) => [x.securityTitle, x.underlyingSecurityTitle, x.underlyingShares, x.directOrIndirect, x.natureOfOwnership]),
      [['Class B ordinary shares', 'Class A ordinary shares', 17130000, 'I', 'See Footnote']],
    );
  });

  test('further owners printed as box 1 after the tables, captions glued to their values', () => {
    const owners = record('owners-after-tables').reportingOwners;
    assert.deepEqual(
      owners.map((o) => [o.name, o.street1, o.city, o.state, o.zip]),
      [
        ['FIRST HOLDINGS LP', '1 MAIN STREET', 'DOVER', 'DE', '19901'],
        ['SECOND HOLDINGS LLC', '1 MAIN STREET', 'DOVER', 'DE', '19901'],
      ],
    );
  });
});

describe('signatures', () => {
  test('several signers above one caption, each with its date; a date read onto a name line; hyphenated wraps', () => {
    assert.deepEqual(record('signatures-several').signatures, [
      { name: 'Alex Example, Managing Member, Example Fund GP LLC, General Partner of Example Fund LP', date: '2024-04-05' },
      { name: 'Sam Sample as Attorney-in-Fact', date: '2024-04-05' },
    ]);
  });
});

describe('signatures cut at a hyphen', () => {
  test('a date glued to a word: the word was cut at a hyphen pdftotext dropped', () => {
    assert.deepEqual(record('signature-date-glued-to-a-word-cut-at-hyphen').signatures, [{ name: 'Tami Example, Attorney-in-Fact', date: '2024-07-02' }]);
  });

  test('a signer without /s/ right above the caption; "Attorneyin-fact" gets its hyphen back', () => {
    assert.deepEqual(record('signature-without-s-compound-hyphen-dropped').signatures, [
      { name: 'By: Julia Example, Attorney-in-fact For: the Reporting Person', date: '2021-06-11' },
    ]);
  });
});

describe('owner boxes', () => {
  test("a box's zip read between the next box label's lines goes back to its box; the repeated first owner counts once", () => {
    const r = record('owners-after-tables-label-star-after-box-before');
    assert.deepEqual(r.reportingOwners.map((o) => [o.name, o.zip]), [['FIRST FUND LP', '19901'], ['SECOND FUND GP LLC', '19901']]);
  });

  test('a box printed across the page after the tables wraps its streets at its own width', () => {
    const o = record('owners-after-tables-street-lines-wider-than-the-header').reportingOwners[1];
    assert.deepEqual([o.street1, o.street2], ['C/O FIRST CAPITAL MANAGEMENT', 'FIRST PLACE 181 BAY STREET SUITE 100']);
  });

  test('a city read with its state among the street lines is the city, not a third street', () => {
    const o = record('header-city-and-state-read-among-the-streets').reportingOwners[0];
    assert.deepEqual([o.street1, o.street2, o.city, o.state, o.zip], ['C/O EXAMPLE PARTNERS', '100 MAIN STREET, FLOOR 2', 'SPRINGFIELD', 'ST', '10001']);
  });

  test("a name wrapped above its caption is one name, not a street", () => {
    const o = record('header-name-wrapped-above-its-caption').reportingOwners[0];
    assert.deepEqual([o.name, o.street1, o.street2], ['LONG HOLDING COMPANY INC', '1 MAIN STREET', null]);
  });
});

describe('Table I', () => {
  test("Form 5: the fiscal year's column heading is not a title; a code read before its date; right cells read first", () => {
    const r = record('table-form5-code-read-between-title-and-date');
    assert.equal(r.nonDerivative.length, 1);
    const t = r.nonDerivative[0];
    assert.deepEqual(
      [t.securityTitle, t.transactionDate, t.transactionCode, t.shares, t.acquiredDisposed, t.pricePerShare, t.sharesOwnedFollowing, t.directOrIndirect, t.footnoteIds],
      ['Common Stock', '2021-12-23', 'G', 1000, 'D', 0, 54666, 'D', ['1', '2']],
    );
    // The statement's heading wrapped onto a line of its own is printed text, not a street.
    assert.equal(r.reportingOwners[0].street1, 'C/O EXAMPLE INC.');
  });

  test('a form cell with a footnote reference ("D(2)") is the form, so the next row keeps its lone code letter', () => {
    const rows = record('table-form-cells-with-footnote-references').nonDerivative;
    assert.deepEqual(
      rows.map(rowCells),
      [
        ['C', 5000, 'A', 5000, 'D', null],
        ['P', 2000, 'A', 7000, 'D', null],
        ['P', 300, 'A', 300, 'I', 'Example Trust'],
      ],
    );
    const findings = analyze(input('table-form-cells-with-footnote-references').join('\n'), { today: TODAY }).filings[0].findings;
    assert.deepEqual(findings.filter((f) => f.code === 'missing-transaction-code'), []);
  });
});

describe('Table I across pages', () => {
  test("a row's nature split by a page break goes on after the table's heading printed again", () => {
    const rows = record('table-row-split-across-a-page-break').nonDerivative;
    assert.deepEqual(rows.map((r) => [r.sharesOwnedFollowing, r.natureOfOwnership, r.footnoteIds]), [
      [1000, 'Example Holdings Fund XV (Q), L.P.', ['1']],
      [2000, 'Example Trust', ['2']],
    ]);
  });

  test("a title some row holds, read after another row's nature, opens a row (not a nature)", () => {
    const rows = record('table-repeated-title-after-a-nature-is-a-row').nonDerivative;
    assert.deepEqual(rows.map((r) => [r.securityTitle, r.sharesOwnedFollowing, r.directOrIndirect, r.natureOfOwnership]), [
      ['Common Stock', 1000, 'I', null],
      ['Common Stock', 2000, 'I', 'Example Fund LP'],
      ['Common Stock', 3000, 'D', null],
    ]);
  });
});

describe('Table II', () => {
  const d = (q: string) => record(q).derivative[0];
  test('an amount read right below the (A) caption was acquired; below (D) and the date captions, disposed', () => {
    assert.equal(d('table-ii-amount-read-right-below-its-acquired-caption').acquiredDisposed, 'A');
    assert.equal(d('table-ii-amount-read-below-the-disposed-and-date-captions').acquiredDisposed, 'D');
    // Read after both captions, the amount could stand under either.
    assert.equal(d('table-ii-amount-after-both-sub-captions-says-neither').acquiredDisposed, null);
  });

  test("a title after a row's I that a date follows opens a row; the nature read after the rows goes back", () => {
    const rows = record('table-ii-nature-read-after-the-rows').derivative;
    assert.deepEqual(
      rows.map((r) => [r.securityTitle, r.expirationDate, r.underlyingShares, r.conversionOrExercisePrice, r.directOrIndirect, r.natureOfOwnership]),
      [
        ['Series B Preferred Stock', null, 5000, null, 'I', 'Example Partners LP'],
        ['Stock Option (Right to Buy)', '2028-04-14', 1000, 3.74, 'D', null],
      ],
    );
  });

  test('an underlying title wrapped around a line of the values beside it is one title', () => {
    const r = d('table-ii-title-wrapped-around-a-line-of-values');
    assert.deepEqual([r.underlyingSecurityTitle, r.underlyingShares, r.pricePerShare, r.sharesOwnedFollowing, r.directOrIndirect], ['Common Stock', 196.356, 222.81, 12629.042, 'D']);
  });

  test('underlying title and amount read after the right cells, the price\'s $ last', () => {
    const r = d('table-ii-underlying-cells-read-after-the-right-cells');
    assert.deepEqual(
      [r.expirationDate, r.underlyingSecurityTitle, r.underlyingShares, r.pricePerShare, r.sharesOwnedFollowing, r.directOrIndirect, r.natureOfOwnership],
      ['2034-03-03', 'Class B Common Stock', 2500, 0, 2500, 'I', 'By Trust'],
    );
  });
});

describe('detection', () => {
  test('captions on one line (every other layout) are not reading order', () => {
    const lines = ['FORM 4', '1. Name and Address of Reporting Person*', 'DOE JANE', '(Last) (First) (Middle)', '1 MAIN ST', '(Street)', 'DOVER DE 19901', '(City) (State) (Zip)', 'Table I - Non-Derivative Securities Acquired'];
    assert.equal(isReadingOrder(lines), false);
    assert.equal(readReadingOrder(lines), null);
  });

  test('tabbed text is not reading order, even with lone captions', () => {
    assert.equal(isReadingOrder(['(Last)', '(First)', '(Street)', '(City)', 'a\tb']), false);
  });

  test('the page furniture of a printed page is not read as values', () => {
    const lines = input('table-rows');
    const at = lines.indexOf('Common Stock');
    const paged = [...lines.slice(0, at), 'file:///home/user/filing.html', '', '1/2', '', '12/3/26, 11:40 AM', '', 'SEC FORM 4', '', ...lines.slice(at)];
    const out = readReadingOrder(paged)!;
    assert.ok(!out.some((l) => /file:|11:40|SEC FORM|1\/2/.test(l)), out.join('\n'));
  });
});
