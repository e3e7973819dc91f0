/**
 * Rows of a printed page read back by `pdftotext -layout` (server/src/analysis/layout/bands.ts and
 * its hook in tables.ts): a browser centres each cell in its row, so wrapped cells stand above and
 * below the line of the row's one-line cells. Tiny named inputs, one per quirk.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { centeredBands, type BandLine } from '../../server/src/analysis/layout/bands';
import { analyze } from '../../server/src/analysis';

const never = () => false;

test('text above the first row of a block: centred; each line goes to the nearer row, ties below', () => {
  const kinds: BandLine[] = ['barrier', 'text', 'text', 'anchor', 'text', 'text', 'text', 'text', 'anchor', 'text', 'barrier'];
  assert.deepStrictEqual(centeredBands(kinds, never), [-1, 3, 3, 3, 3, 3, 8, 8, 8, 8, -1]);
  // One line between two rows, at equal distance: the row below (extra lines of a centred cell go above).
  assert.deepStrictEqual(centeredBands(['text', 'anchor', 'text', 'anchor'], never), [1, 1, 3, 3]);
});

test('at equal distance, a line closes the cell its row above opened above itself in the same column', () => {
  // "See" / anchor / "Footnote(10)" / next anchor: line 2 answers line 0 (same column) of anchor 1.
  const column = (i: number, j: number) => (i === 2 && j === 0) || (i === 0 && j === 2);
  assert.deepStrictEqual(centeredBands(['text', 'anchor', 'text', 'anchor'], never, column), [1, 1, 1, 3]);
  // The cell above is already closed below (line 2 answered line 0): line 3 goes to the row below.
  const closed = (i: number, j: number) => j === 0 && (i === 2 || i === 4);
  assert.deepStrictEqual(centeredBands(['text', 'anchor', 'text', 'anchor', 'text'], never, closed), [1, 1, 1, 3, 3]);
  // Another column than the one above the row: ties still go below.
  assert.deepStrictEqual(centeredBands(['text', 'anchor', 'text', 'anchor'], never, () => false), [1, 1, 3, 3]);
});

test('rows whose wrapped text only goes on below (text converters): not centred', () => {
  assert.equal(centeredBands(['anchor', 'text', 'anchor', 'text', 'text', 'barrier', 'anchor'], never), null);
});

test('a line opening a cell of its own between rows shows centred rows', () => {
  const kinds: BandLine[] = ['anchor', 'text', 'anchor', 'text'];
  assert.deepStrictEqual(centeredBands(kinds, (i) => i === 1), [0, 2, 2, 2]);
});

test('a block without a row: its lines belong to none', () => {
  assert.deepStrictEqual(centeredBands(['text', 'anchor', 'barrier', 'text', 'text'], never), [1, 1, -1, -1, -1]);
});

const HEAD = `FORM 4
STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP
1. Name and Address of Reporting Person*          2. Issuer Name and Ticker or Trading Symbol
Doe Jane                                          Acme Corp [ ACME ]
                  Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned
1. Title of Security (Instr. 3)      2. Transaction Date    3. Transaction Code    4. Securities Acquired (A) or Disposed Of (D)      5. Amount of Securities    6. Ownership    7. Nature of Indirect Beneficial Ownership
                                                            Code    V              Amount      (A) or (D)    Price                 Beneficially Owned         Form
`;

test('rows packed without blank lines, each nature cell centred over two lines: the last one closes its own row', () => {
  const row = (owned: string, form: string) => `   Common Stock${' '.repeat(112)}${owned.padStart(9)}${' '.repeat(21)}${form}${' '.repeat(15)}`;
  const at = ' '.repeat(row('1', 'I').length);
  const rows = table1(`
${at}See
${row('1,000,000', 'I')}
${at}Footnote(1)
${at}See
${row('674,719', 'I')}
${at}Footnote(2)
${row('286,247', 'D')}

(1) Held by a trust.
(2) Held by a partnership.
`);
  assert.deepStrictEqual(rows.map((r) => [r.sharesOwnedFollowing, r.directOrIndirect, r.natureOfOwnership, r.footnoteIds]), [
    [1000000, 'I', 'See Footnote', ['1']],
    [674719, 'I', 'See Footnote', ['2']],
    [286247, 'D', null, []],
  ]);
});

function table1(text: string) {
  return analyze(HEAD + text, { today: new Date('2026-12-04') }).filings[0]!.record.nonDerivative;
}

test('a nature of ownership centred over three lines, a title above its row', () => {
  const row = '   Common Stock                      03/01/2021             P                      100         A             $10.00                1,100                     I               ';
  const at = ' '.repeat(row.length);
  const rows = table1(`
${at}By The
${row}Founders
${at}Fund, LP
   Class A
   Common                                                                                                                          2,000                     D
   Stock
`);
  assert.equal(rows.length, 2);
  assert.equal(rows[0]!.natureOfOwnership, 'By The Founders Fund, LP');
  assert.equal(rows[0]!.shares, 100);
  assert.equal(rows[1]!.securityTitle, 'Class A Common Stock');
  assert.equal(rows[1]!.sharesOwnedFollowing, 2000);
});

test('amounts a line below their row (raised by a footnote mark) complete it, opening no row', () => {
  const rows = table1(`
   Common Stock                      03/01/2021             S                      500         D             $12.3456      (3)
                                                                                                                                   4,500                     D
`);
  assert.equal(rows.length, 1);
  assert.equal(rows[0]!.sharesOwnedFollowing, 4500);
  assert.equal(rows[0]!.directOrIndirect, 'D');
});

test('a city centred around its state and zip (a printed page): "SAN" / "CA 94129" / "FRANCISCO"', () => {
  const text = `         FORM 4                                   STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP

   1. Name and Address of Reporting Person*                              2. Issuer Name and Ticker or Trading Symbol                             5. Relationship of Reporting Person(s) to Issuer

   Doe Jane                                                              Acme Corp [ ACME ]                                                      (Check all applicable)
                                                                                                                                                     X     Director                     10% Owner
                                                                                                                                                           Officer (give title          Other (specify
   (Last)                 (First)               (Middle)                 3. Date of Earliest Transaction (Month/Day/Year)                                  below)                       below)

   1 MAIN ST                                                             06/03/2024

                                                                         4. If Amendment, Date of Original Filed (Month/Day/Year)                6. Individual or Joint/Group Filing (Check Applicable
   (Street)
   SAN                                                                                                                                               X     Form filed by One Reporting Person
             CA                                 94129                                                                                                      Form filed by More than One Reporting
   FRANCISCO                                                                                                                                               Person

   (City)                 (State)               (Zip)
`;
  const owner = analyze(text, { today: new Date('2026-12-04') }).filings[0]!.record.reportingOwners[0]!;
  assert.deepStrictEqual([owner.name, owner.street1, owner.city, owner.state, owner.zip], ['Doe Jane', '1 MAIN ST', 'SAN FRANCISCO', 'CA', '94129']);
});

test('a centred title beside an amount: "Common" over "267.809" and "Stock" under it read as one title and the amount', () => {
  const HEAD2 = `FORM 4
STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP
                  Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned
1. Title of Derivative Security    2. Conversion    3. Transaction Date    4. Transaction Code    5. Number of Derivative Securities    6. Date Exercisable and Expiration Date    7. Title and Amount of Underlying    8. Price    9. Number    10. Ownership
                                                                           Code    V              (A)         (D)                       Date Exercisable    Expiration Date       Title            Amount
`;
  const row = ' Units        (1)            03/01/2021          A              267.809                    (2)           (2)                     ';
  const x = row.length + 3;
  const text = `${HEAD2}
${' '.repeat(x - 3)}Common
${row}   267.809                        $   0     14,242.084          D
${' '.repeat(x - 2)}Stock
`;
  const rows = analyze(text, { today: new Date('2026-12-04') }).filings[0]!.record.derivative;
  assert.equal(rows.length, 1);
  assert.equal(rows[0]!.underlyingSecurityTitle, 'Common Stock');
  assert.equal(rows[0]!.underlyingShares, 267.809);
});

test('a signature centred on its date, broken after a hyphen: "By: Ann Lee, Attorney-" / "in-fact 06/11/2021"', () => {
  const text = `${HEAD}
   Common Stock                      03/01/2021             P                      100         A             $10.00                1,100                     D
Explanation of Responses:
  1. A footnote.

                                          By: Ann Lee, Attorney-
                                          in-fact for Jane Doe           06/11/2021
                                          ** Signature of Reporting Person                 Date
`;
  const sig = analyze(text, { today: new Date('2026-12-04') }).filings[0]!.record.signatures;
  assert.deepStrictEqual(sig, [{ name: 'By: Ann Lee, Attorney-in-fact for Jane Doe', date: '2021-06-11' }]);
});

test('a check box centred on a two-line label: "X below)" under "Officer (give title" checks Officer', () => {
  const text = `         FORM 4                                   STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP

   1. Name and Address of Reporting Person*                              2. Issuer Name and Ticker or Trading Symbol                             5. Relationship of Reporting Person(s) to Issuer

   Doe Jane                                                              Acme Corp [ ACME ]                                                      (Check all applicable)
                                                                                                                                                           Director                     10% Owner
                                                                                                                                                           Officer (give title          Other (specify
   (Last)                 (First)               (Middle)                 3. Date of Earliest Transaction (Month/Day/Year)                          X       below)                       below)
                                                                                                                                                           Chief Technology Officer
   1 MAIN ST                                                             06/03/2024
`;
  const owner = analyze(text, { today: new Date('2026-12-04') }).filings[0]!.record.reportingOwners[0]!;
  assert.deepStrictEqual([owner.isDirector, owner.isOfficer, owner.isTenPercentOwner, owner.isOther], [false, true, false, false]);
});

test('a care-of line wrapped in a narrow cell: street 2 starts at the house number', () => {
  const text = `         FORM 4                                   STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP

   1. Name and Address of Reporting Person*                              2. Issuer Name and Ticker or Trading Symbol

   Doe Jane                                                              Acme Corp [ ACME ]

   (Last)                 (First)               (Middle)                 3. Date of Earliest Transaction (Month/Day/Year)

   C/O ACME HOLDINGS,                                                    06/03/2024
   INC.
   650 MAIN STREET
   (Street)
   BOSTON                     MA                       02210
   (City)                 (State)               (Zip)
`;
  const owner = analyze(text, { today: new Date('2026-12-04') }).filings[0]!.record.reportingOwners[0]!;
  assert.deepStrictEqual([owner.street1, owner.street2], ['C/O ACME HOLDINGS, INC.', '650 MAIN STREET']);
});
