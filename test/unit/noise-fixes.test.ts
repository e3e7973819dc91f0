/**
 * Reader fixes for the heaviest generated noise (issue 11, noise level 3), each on a tiny input
 * made by hand from the clean rule fixture: what a converter or OCR left of a row or a label, and
 * what a person still reads in it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '../../server/src/analysis';
import { maskLine } from '../../server/src/analysis/layout/mask';
import { splitCells } from '../../server/src/analysis/text/cells';
import { blankGluedHeaders, sectionOf } from '../../server/src/analysis/filing/vocabulary';
import { prepareLines } from '../../server/src/analysis/filing/prepare';

const TODAY = new Date('2026-11-23T12:00:00Z');
const CLEAN = readFileSync(path.resolve(__dirname, '..', '..', 'fixtures', 'rules', 'clean.form4.txt'), 'utf8');

function read(text: string) {
  const r = analyze(text, { today: TODAY });
  assert.equal(r.filings.length, 1);
  return { record: r.filings[0].record, findings: r.findings };
}

// ---------------------------------------------------------------------------------------------
// A row whose title cell came out empty

test('a holding row with its title cell empty still reads: amount, ownership form and nature', () => {
  const text = CLEAN.replace('Common Stock\t\t\t\t\t\t\t5,500\tI\tBy Trust (2)', '\t\t\t\t\t\t\t5,500\tI\tBy Trust (2)');
  assert.notEqual(text, CLEAN);
  const { record } = read(text);
  assert.equal(record.nonDerivative.length, 3);
  const row = record.nonDerivative[2]!;
  assert.equal(row.securityTitle, null);
  assert.equal(row.sharesOwnedFollowing, 5500);
  assert.equal(row.directOrIndirect, 'I');
  assert.equal(row.natureOfOwnership, 'By Trust');
  assert.deepEqual(row.footnoteIds, ['2']);
});

test('a transaction row with its title cell empty keeps its place among the rows', () => {
  const text = CLEAN.replace('Common Stock\t03/02/2021\t\tS\t', '\t03/02/2021\t\tS\t');
  assert.notEqual(text, CLEAN);
  const { record } = read(text);
  assert.equal(record.nonDerivative.length, 3);
  assert.equal(record.nonDerivative[1]!.securityTitle, null);
  assert.equal(record.nonDerivative[1]!.shares, 4000);
  assert.equal(record.nonDerivative[1]!.transactionCode, 'S');
});

test('a stray amount alone on a line under Table I is no row', () => {
  const text = CLEAN.replace('Common Stock\t\t\t\t\t\t\t5,500\tI\tBy Trust (2)\n', 'Common Stock\t\t\t\t\t\t\t5,500\tI\tBy Trust (2)\n\t\t\t\t\t\t\t5,500\t\t\n');
  assert.notEqual(text, CLEAN);
  assert.equal(read(text).record.nonDerivative.length, 3);
});

// ---------------------------------------------------------------------------------------------
// Box labels with a word cut by a wide gap

for (const gap of ['  ', '\t', '   ']) {
  test(`a box label word cut by a gap of ${JSON.stringify(gap)} still ends where the value begins`, () => {
    const text = CLEAN.replace('Ticker or Trading Symbol', `Ticker or Tra${gap}ding Symbol`);
    assert.notEqual(text, CLEAN);
    const { record } = read(text);
    assert.equal(record.issuer.name, 'NORTHWIND LABS, INC.');
    assert.equal(record.issuer.tradingSymbol, 'NWLB');
  });
}

// ---------------------------------------------------------------------------------------------
// The signature caption with a word cut

test('a signature caption whose first word is cut by a gap is a caption, not part of the name', () => {
  const text = CLEAN.replace('** Signature of Reporting Person\tDate', 'Signa  ture of Reporting Person\tDate');
  assert.notEqual(text, CLEAN);
  assert.deepEqual(read(text).record.signatures, [{ name: 'Ana M. Rivera', date: '2021-03-03' }]);
});

/** A fixed-width Form 3 down to its Table I's column labels, and its signature: rows go between. */
const FORM3_HEAD = `FORM 3

INITIAL STATEMENT OF BENEFICIAL OWNERSHIP OF SECURITIES

1. Name and Address of Reporting Person *      2. Date of Event Requiring Statement     3. Issuer Name and Ticker or Trading Symbol
Rivera Ana M.                                  (Month/Day/Year) 03/02/2021              NORTHWIND LABS, INC. [NWLB]
(Last) (First) (Middle)

      Table I - Non-Derivative Securities Beneficially Owned

  1. Title of       2. Amount of   3.            4. Nature of
  Security          Securities     Ownership     Indirect
  (Instr. 4)        Beneficially   Form:         Beneficial
                    Owned          Direct (D)    Ownership
                    (Instr. 4)     or Indirect   (Instr. 5)
                                   (I)
`;
const FORM3_TAIL = `
/s/ Ana M. Rivera                    03/03/2021
** Signature of Reporting Person     Date
`;

test('fixed-width Table I: an amount alone where the title stands is the amount, not the title', () => {
  const form3 = `${FORM3_HEAD}
                      355,562           D

  Ordinary Shares       338             I        By GRAT
${FORM3_TAIL}`;
  const { record } = read(form3);
  assert.equal(record.nonDerivative.length, 2);
  assert.equal(record.nonDerivative[0]!.securityTitle, null);
  assert.equal(record.nonDerivative[0]!.sharesOwnedFollowing, 355562);
  assert.equal(record.nonDerivative[0]!.directOrIndirect, 'D');
  assert.equal(record.nonDerivative[1]!.securityTitle, 'Ordinary Shares');
  assert.equal(record.nonDerivative[1]!.sharesOwnedFollowing, 338);
});

// ---------------------------------------------------------------------------------------------
// Section headings with a word cut

test('"Explanation of Res  ponses" still opens the footnotes, and a cut "Rem arks:" the remarks', () => {
  const text = CLEAN.replace('Explanation of Responses:', 'Exlanation of Res  ponses:').replace('Remarks:\n', 'Rem  arks: Filed late by one day.\n');
  assert.notEqual(text, CLEAN);
  const { record } = read(text);
  assert.deepEqual(record.footnotes.map((f) => f.id), ['1', '2']);
  assert.equal(record.remarks, 'Filed late by one day.');
});

// ---------------------------------------------------------------------------------------------
// A tab inside a drawn cell

test('between drawn borders a tab is a gap inside the cell, not a cell edge', () => {
  for (const line of ['│ 3. Issuer Name and Tick\ter or Trading Symbol │ 2. Date │', '| 3. Issuer Name and Tick\ter or Trading Symbol | 2. Date |']) {
    const masked = maskLine(line);
    const cells = splitCells(masked).map((c) => c.text);
    assert.deepEqual(cells, ['3. Issuer Name and Tick er or Trading Symbol', '2. Date'], line);
  }
  // Without borders a tab still parts cells.
  assert.deepEqual(splitCells(maskLine('3. Issuer Name\tNORTHWIND LABS')).map((c) => c.text), ['3. Issuer Name', 'NORTHWIND LABS']);
});

// ---------------------------------------------------------------------------------------------
// A stray tab in text laid out with spaces

test('fixed-width header: a tab inside a label word does not make its line tab-separated', () => {
  const form3 = `FORM 3

INITIAL STATEMENT OF BENEFICIAL OWNERSHIP OF SECURITIES

1. Name and Address of Reporting Person     2. Date of Event Requiring Statement     3. Issuer Name and Ticker or Trading Symbol
                                            (Month/Day/Year) 03/02/2021              NORTHWIND LABS, INC. [NWLB]
Rivera Ana M.                                                                        5. If Amendment, Date Original Filed
(Last) (First) (Middle)                     4. R\telationship of Reporting Person(s) to       (Month/Day/Year)
                                            Issuer
200 HARBOR DRIVE                            (Check all applicable)
(Street)                                      Director                  X 10% Owner
PORTLAND    OR    97201
(City)       (State)      (Zip)

      Table I - Non-Derivative Securities Beneficially Owned

  1. Title of Security     2. Amount of Securities     3. Ownership Form     4. Nature of Indirect
  Common Stock                 25,000                      D

/s/ Ana M. Rivera                    03/03/2021
** Signature of Reporting Person     Date
`;
  const { record } = read(form3);
  const o = record.reportingOwners[0]!;
  assert.deepEqual([o.street1, o.city, o.state, o.zip], ['200 HARBOR DRIVE', 'PORTLAND', 'OR', '97201']);
  assert.equal(o.isTenPercentOwner, true);
  assert.equal(record.issuer.name, 'NORTHWIND LABS, INC.');
});

// ---------------------------------------------------------------------------------------------
// A foreign state code without its postal code

test('a city line with a foreign state code and no postal code: the code is the state', () => {
  for (const [line, city, state] of [['TEL AVIV, L3', 'TEL AVIV', 'L3'], ['LONDON X0', 'LONDON', 'X0'], ['HAMILTON, D0', 'HAMILTON', 'D0']] as const) {
    const text = CLEAN.replace('(Street) PORTLAND, OR 97201', `(Street) ${line}`);
    assert.notEqual(text, CLEAN);
    const o = read(text).record.reportingOwners[0]!;
    assert.deepEqual([o.city, o.state, o.zip], [city, state, null], line);
  }
  // A US code still reads as before.
  const o = read(CLEAN.replace('(Street) PORTLAND, OR 97201', '(Street) PORTLAND, OR')).record.reportingOwners[0]!;
  assert.deepEqual([o.city, o.state, o.zip], ['PORTLAND', 'OR', null]);
});

// ---------------------------------------------------------------------------------------------
// Table II: one date of the two, in text laid out with spaces

function form3WithTableII(row: string): string {
  return `FORM 3

INITIAL STATEMENT OF BENEFICIAL OWNERSHIP OF SECURITIES

1. Name and Address of Reporting Person *      2. Date of Event Requiring Statement     3. Issuer Name and Ticker or Trading Symbol
Rivera Ana M.                                  (Month/Day/Year) 03/02/2021              NORTHWIND LABS, INC. [NWLB]
(Last) (First) (Middle)

                     Table II - Derivative Securities Beneficially Owned

  1. Title of Derivative          2. Date Exercisable and    3. Title and Amount of       4.           5.
  Security (Instr. 4)             Expiration Date            Securities Underlying        Conversion   Ownership
                                  (Month/Day/Year)           Derivative Security          or           Form:
                                                                              Amount or   Exercise     Direct (D)
                                     Date       Expiration                    Number of   Price        or Indirect
                                  Exercisable      Date          Title         Shares                  (I)

${row}

/s/ Ana M. Rivera                    03/03/2021
** Signature of Reporting Person     Date
`;
}

test('fixed-width Table II: a lone date under "Exercisable" is the exercisable date, under "Expiration" the expiration', () => {
  const exercisable = read(form3WithTableII('  Warrant to Purchase Common      06/03/2021                  Common Stock     82,600       $0.71          D')).record.derivative[0]!;
  assert.deepEqual([exercisable.dateExercisable, exercisable.expirationDate], ['2021-06-03', null]);
  const expiration = read(form3WithTableII('  Warrant to Purchase Common                 06/03/2031       Common Stock     82,600       $0.71          D')).record.derivative[0]!;
  assert.deepEqual([expiration.dateExercisable, expiration.expirationDate], [null, '2031-06-03']);
  const both = read(form3WithTableII('  Warrant to Purchase Common      06/03/2021 06/03/2031       Common Stock     82,600       $0.71          D')).record.derivative[0]!;
  assert.deepEqual([both.dateExercisable, both.expirationDate], ['2021-06-03', '2031-06-03']);
});

test('tabbed header: a label cut by a tab keeps the boxes right of it in their lanes', () => {
  const text = CLEAN.replace('Ticker or Trading Symbol NORTHWIND', 'Ticker or Tradi\tng Symbol NORTHWIND');
  assert.notEqual(text, CLEAN);
  const { record } = read(text);
  assert.equal(record.issuer.name, 'NORTHWIND LABS, INC.');
  const o = record.reportingOwners[0]!;
  assert.deepEqual([o.isDirector, o.isOfficer, o.isTenPercentOwner, o.isOther, o.officerTitle], [false, true, false, false, 'Chief Financial Officer']);
  assert.equal(record.periodOfReport, '2021-03-02');
});

test('fixed-width Table I: with title and amount lost, a code, a direction and a price are no title', () => {
  const form4 = (row: string) => `FORM 4

STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP OF SECURITIES

1. Name and Address of Reporting Person     2. Issuer Name and Ticker or Trading Symbol
Moreau Patrick N.                             NORTHWIND LABS, INC. [NWLB]
(Last) (First) (Middle)                     3. Date of Earliest Transaction (Month/Day/Year)
                                              07/16/2012

  Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned
  1. Title of Security    2. Transaction     2A. Deemed         3.            4. Securities Acquired (A) or       5. Amount of   6.          7. Nature of Indirect
  (Instr. 3)              Date               Execution Date,    Transaction   Disposed Of (D) (Instr. 3, 4 and    Securities     Ownership   Beneficial Ownership
                          (Month/Day/Year)   if any             Code          5)                                  Beneficially   Form:       (Instr. 4)
                                             (Month/Day/Year)   (Instr. 8)                                        Owned          Direct (D)
                                                                                           (A) or                 Following      or Indirect
                                                                               Amount        (D)        Price     Reported       (I)
${row}
  Common Stock               07/16/2012                            S             69           D       $100.009        469            D

/s/ Patrick N. Moreau                07/18/2012
** Signature of Reporting Person     Date
`;
  const { record } = read(form4('                             07/16/2012                            P                          A        $93.603      104,115          D'));
  assert.equal(record.nonDerivative.length, 2);
  const row = record.nonDerivative[0]!;
  assert.deepEqual([row.kind, row.securityTitle, row.transactionDate, row.transactionCode, row.shares, row.acquiredDisposed, row.pricePerShare, row.sharesOwnedFollowing, row.directOrIndirect],
    ['transaction', null, '2012-07-16', 'P', null, 'A', 93.603, 104115, 'D']);
  // A title that starts with a number and goes on with words is a title.
  const titled = read(form4('  2028 Notes                 07/16/2012                            P            1,000          A        $93.603      104,115          D')).record.nonDerivative[0]!;
  assert.equal(titled.securityTitle, '2028 Notes');
});

// ---------------------------------------------------------------------------------------------
// A row whose every value the converter lost: its title and a second text column are left


test('fixed-width: a line of title and nature alone between blank lines is a holding whose values were lost', () => {
  const { record } = read(`${FORM3_HEAD}
  Ordinary Shares       338             I        By GRAT

  Preferred Shares                               See Footnote
${FORM3_TAIL}`);
  assert.equal(record.nonDerivative.length, 2);
  const row = record.nonDerivative[1]!;
  assert.equal(row.securityTitle, 'Preferred Shares');
  assert.equal(row.natureOfOwnership, 'See Footnote');
  assert.equal(row.sharesOwnedFollowing, null);
  assert.equal(row.directOrIndirect, null);
});

test('fixed-width: text under a row without a blank line between stays that row\'s wrapped text', () => {
  const { record } = read(`${FORM3_HEAD}
  Ordinary Shares       338             I        By GRAT
  par value                                      Trust
${FORM3_TAIL}`);
  assert.equal(record.nonDerivative.length, 1);
  assert.equal(record.nonDerivative[0]!.securityTitle, 'Ordinary Shares par value');
  assert.equal(record.nonDerivative[0]!.natureOfOwnership, 'By GRAT Trust');
});

test('pipe table: a line with the title and the nature only is a row of its own', () => {
  const lines = CLEAN.split('\n');
  const at = lines.findIndex((l) => l.startsWith('Common Stock\t\t\t\t\t\t\t5,500'));
  assert.ok(at > 0);
  // The clean fixture's Table I as a markdown pipe table, one holding with every value lost.
  const head = lines.findIndex((l) => /^1\. Title of Security/.test(l));
  const pipe = (l: string) => `| ${l.split('\t').join(' | ')} |`;
  const width = lines[head]!.split('\t').length;
  const table = [pipe(lines[head]!), `|${'---|'.repeat(width)}`, ...lines.slice(head + 1, at + 1).filter((l) => l.includes('\t')).map(pipe), pipe(['Preferred Stock', ...Array(width - 2).fill(''), 'By LLC'].join('\t'))];
  const text = [...lines.slice(0, head), ...table, ...lines.slice(at + 1)].join('\n');
  const { record } = read(text);
  const last = record.nonDerivative[record.nonDerivative.length - 1]!;
  assert.equal(last.securityTitle, 'Preferred Stock');
  assert.equal(last.natureOfOwnership, 'By LLC');
  assert.equal(last.sharesOwnedFollowing, null);
  assert.equal(record.nonDerivative.length, 4);
});

test('drawn grid: a row between rules with the title and the underlying title only is a holding', () => {
  const { record } = read(`FORM 3

INITIAL STATEMENT OF BENEFICIAL OWNERSHIP OF SECURITIES

1. Name and Address of Reporting Person *      2. Date of Event Requiring Statement     3. Issuer Name and Ticker or Trading Symbol
Rivera Ana M.                                  (Month/Day/Year) 03/02/2021              NORTHWIND LABS, INC. [NWLB]

Table II - Derivative Securities Beneficially Owned

+------------------------+-------------+------------+----------------+-----------+------------+------------+--------------+
| 1. Title of Derivative | 2. Date Exercisable and  | 3. Title and Amount of     | 4. Conver- | 5. Owner-  | 6. Nature of |
| Security (Instr. 4)    | Expiration Date          | Securities Underlying      | sion or    | ship Form  | Indirect     |
|                        |                          | Derivative Security        | Exercise   | (Instr. 5) | Beneficial   |
+------------------------+-------------+------------+----------------+-----------+------------+------------+--------------+
|                        | Date        | Expiration | Title          | Amount or |            |            |              |
|                        | Exercisable | Date       |                | Number of |            |            |              |
+------------------------+-------------+------------+----------------+-----------+------------+------------+--------------+
| Stock Option           | 03/15/2019  | 03/15/2028 | Common Stock   | 10,000    | $ 4.50     | D          |              |
+------------------------+-------------+------------+----------------+-----------+------------+------------+--------------+
| Restricted Stock Units |             |            | Common Stock   |           |            |            |              |
+------------------------+-------------+------------+----------------+-----------+------------+------------+--------------+

Explanation of Responses:
${FORM3_TAIL}`);
  assert.equal(record.derivative.length, 2);
  assert.equal(record.derivative[1]!.securityTitle, 'Restricted Stock Units');
  assert.equal(record.derivative[1]!.underlyingSecurityTitle, 'Common Stock');
  assert.equal(record.derivative[1]!.underlyingShares, null);
});

// ---------------------------------------------------------------------------------------------
// Table II sub-column captions glued into a row's cells

test('"Title" run on after "Expiration Date" by a one-space gap is the caption, not the underlying title', () => {
  const cell = 'Expiration Date Title Class A Common Stock';
  assert.equal(blankGluedHeaders(cell).trim(), 'Class A Common Stock');
  // The captions' own line keeps its "Title": the next word is the next caption.
  assert.match(blankGluedHeaders('Date Exercisable Expiration Date Title Amount or Number of Shares'), /Title/);
});

test('a caption word OCR cut with a wide gap ("Date Exerci  sable") is still blanked out of the cell', () => {
  assert.equal(blankGluedHeaders('Date Exerci  sable (4)').trim(), '(4)');
  assert.equal(blankGluedHeaders('Expi ration Date 03/15/2028').trim(), '03/15/2028');
  // A security title with the word "Date" in it is not a caption.
  assert.equal(blankGluedHeaders('Target Date Fund Units').trim(), 'Target Date Fund Units');
});

// ---------------------------------------------------------------------------------------------
// A Form 3 code column whose label a drawn grid wrapped in its cell

test('Form 3 grid: "Code" alone in a wrapped header cell is the code column, and its code is flagged', () => {
  const grid = (title: string) => `FORM 3

INITIAL STATEMENT OF BENEFICIAL OWNERSHIP OF SECURITIES

1. Name and Address of Reporting Person *      2. Date of Event Requiring Statement     3. Issuer Name and Ticker or Trading Symbol
Rivera Ana M.                                  (Month/Day/Year) 03/02/2021              NORTHWIND LABS, INC. [NWLB]

Table I - Non-Derivative Securities Beneficially Owned

┌──────────────────┬─────────────┬──────────────┬────────────┬──────────────┐
│ 1. Title of      │ 2.          │ 3. Amount of │ 4.         │ 5. Nature of │
│ Security         │ Transaction │ Securities   │ Ownership  │ Indirect     │
│ (Instr. 3)       │ Code        │ Beneficially │ Form       │ Ownership    │
│                  │ (Instr. 8)  │ Owned        │            │              │
├──────────────────┼─────────────┼──────────────┼────────────┼──────────────┤
│ ${title.padEnd(16)} │      G      │    24,000    │     D      │              │
└──────────────────┴─────────────┴──────────────┴────────────┴──────────────┘

Explanation of Responses:

/s/ Ana M. Rivera                    03/03/2021
** Signature of Reporting Person     Date
`;
  for (const title of ['Common Stock', '']) {
    const r = analyze(grid(title), { today: TODAY });
    assert.ok(r.findings.some((f) => f.code === 'code-on-form3'), `title ${JSON.stringify(title)}`);
    assert.equal(r.filings[0]!.record.nonDerivative[0]!.sharesOwnedFollowing, 24000);
  }
});

// ---------------------------------------------------------------------------------------------
// A lone transaction date in text laid out with spaces: the column it stands under

test('fixed-width Table I: a lone date under "2A. Deemed" is the deemed date, under "2." the transaction date', () => {
  const form4 = (row: string) => `FORM 4

STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP

1. Name and Address of Reporting Person *      2. Issuer Name and Ticker or Trading Symbol
Rivera Ana M.                                  NORTHWIND LABS, INC. [NWLB]

                    Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned

  1. Title of Security    2. Transaction     2A. Deemed         3.            4. Securities Acquired (A) or      5. Amount of   6.           7. Nature of
  (Instr. 3)              Date               Execution Date,    Transaction   Disposed of (D) (Instr. 3, 4       Securities     Ownership    Indirect
                          (Month/Day/Year)   if any             Code          and 5)                             Beneficially   Form:        Beneficial
                                             (Month/Day/Year)   (Instr. 8)                                       Owned          Direct (D)   Ownership
                                                                                           (A) or                Following      or Indirect  (Instr. 4)
                                                                              Amount        (D)        Price     Reported       (I)
                                                                Code    V                                       Transaction(s)
${row}

Explanation of Responses:

/s/ Ana M. Rivera                    03/03/2021
** Signature of Reporting Person     Date
`;
  const deemed = read(form4('  Common Stock                                 12/16/2018          S              194          D        $112.75        306            D')).record.nonDerivative[0]!;
  assert.equal(deemed.transactionDate, null);
  assert.equal(deemed.deemedExecutionDate, '2018-12-16');
  assert.equal(deemed.shares, 194);
  const own = read(form4('  Common Stock            12/16/2018                             S              194          D        $112.75        306            D')).record.nonDerivative[0]!;
  assert.equal(own.transactionDate, '2018-12-16');
  assert.equal(own.deemedExecutionDate, null);
});

// ---------------------------------------------------------------------------------------------
// A column rule OCR read as "|" in text laid out with spaces

test('a "|" alone in a wide gap of spaced text is a printed rule read by OCR: the gap stays a gap', () => {
  const m = maskLine('  Common Stock    07/21/2025      |      G    805    D');
  assert.equal(m.bordered, false);
  assert.ok(!m.text.includes('\t') && !m.text.includes('|'), JSON.stringify(m.text));
  // A pipe table without outer pipes (a cell's text one space from the pipe) keeps its border.
  assert.ok(maskLine('Common Stock       | 07/21/2025').text.includes('\t'));
  assert.ok(maskLine('Common Stock | 07/21/2025 | G').text.includes('\t'));
  // An empty cell of a pipe table without outer pipes ("|  |") keeps both its borders.
  assert.equal(maskLine('Common Stock | 04/30/2025 |  | A |  |  757,756 | A').text.split('\t').length, 7);
  // Outer pipes make it a pipe table whatever the padding.
  assert.ok(maskLine('|  Common Stock  |  07/21/2025  |').bordered);
});

// ---------------------------------------------------------------------------------------------
// The Reporting Owners heading with a word cut by a gap

test('"Rep  orting Owner Name / Address" and "Reporting Own ers" still open the owners table', () => {
  const lines = prepareLines(['Rep  orting Owner Name / Address                Relationships', 'Reporting Own  ers', 'Reporting Owner Name / Address', 'Common Stock  Owner'], 0);
  assert.deepEqual(lines.map((l) => sectionOf(l)), ['owners', 'owners', 'owners', null]);
});

// ---------------------------------------------------------------------------------------------
// The V column beside a lost code

test('a V alone in its own cell beside an empty code cell is the row\'s mark: reported early, the code unknown', () => {
  const text = CLEAN.replace('Common Stock\t03/02/2021\t\tM\t\t10,000', 'Common Stock\t03/02/2021\t\t\tV\t10,000');
  assert.notEqual(text, CLEAN);
  const row = read(text).record.nonDerivative[0]!;
  assert.equal(row.transactionCode, null);
  assert.equal(row.reportedEarly, true);
  assert.equal(row.shares, 10000);
  // The "Code V" header glued into the row's cells: the code cell reads "Code", the V stays unknown.
  const glued = CLEAN.replace('Common Stock\t03/02/2021\t\tM\t\t10,000', 'Common Stock\t03/02/2021\t\tCode\tV\t10,000');
  assert.equal(read(glued).record.nonDerivative[0]!.reportedEarly, null);
});
