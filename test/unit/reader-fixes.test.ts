/**
 * Reader fixes for layouts the varied generator prints (issue 11, failure classes 4–8), each on a
 * tiny input made by hand from the clean rule fixture: signature tables with the caption row
 * first, a Form 3 on a Form 4 template (a code column), further owners named only in the
 * Reporting Owners table (name and address in one cell), OCR damage inside box labels.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '../../server/src/analysis';
import { splitNameAddress } from '../../server/src/analysis/domain/address';

const TODAY = new Date('2026-11-23T12:00:00Z');
const CLEAN = readFileSync(path.resolve(__dirname, '..', '..', 'fixtures', 'rules', 'clean.form4.txt'), 'utf8');

function read(text: string) {
  const r = analyze(text, { today: TODAY });
  assert.equal(r.filings.length, 1);
  return { record: r.filings[0].record, codes: r.findings.map((f) => f.code), errors: r.findings.filter((f) => f.severity === 'error').map((f) => f.code) };
}

// ---------------------------------------------------------------------------------------------
// Signatures

test('signature table with its caption row first: the /s/ row below it is the signature', () => {
  const text = CLEAN.replace('/s/ Ana M. Rivera\t03/03/2021\n** Signature of Reporting Person\tDate', '** Signature of Reporting Person\tDate\n/s/ Ana M. Rivera\t03/03/2021');
  assert.notEqual(text, CLEAN);
  const { record, errors } = read(text);
  assert.deepEqual(record.signatures, [{ name: 'Ana M. Rivera', date: '2021-03-03' }]);
  assert.deepEqual(errors, []);
});

test('caption row first, two signers on rows of their own, blank lines between', () => {
  const text = CLEAN.replace('/s/ Ana M. Rivera\t03/03/2021\n** Signature of Reporting Person\tDate',
    '** Signature of Reporting Person\tDate\n\n/s/ Ana M. Rivera\t03/03/2021\n\n/s/ Rivera Family Trust, by Ana M. Rivera, Trustee\t03/04/2021');
  const { record } = read(text);
  assert.deepEqual(record.signatures, [
    { name: 'Ana M. Rivera', date: '2021-03-03' },
    { name: 'Rivera Family Trust, by Ana M. Rivera, Trustee', date: '2021-03-04' },
  ]);
});

test('caption below the signature (the usual order) still reads, and a remark with a date above stays a remark', () => {
  assert.deepEqual(read(CLEAN).record.signatures, [{ name: 'Ana M. Rivera', date: '2021-03-03' }]);
  const text = CLEAN.replace('Remarks:\n', 'Remarks:\nThis amendment corrects the Form 4 filed on 02/27/2021.\n');
  const { record } = read(text);
  assert.equal(record.remarks, 'This amendment corrects the Form 4 filed on 02/27/2021.');
  assert.deepEqual(record.signatures, [{ name: 'Ana M. Rivera', date: '2021-03-03' }]);
});

// ---------------------------------------------------------------------------------------------
// A Form 3 on a Form 4 template

const FORM3 = `FORM 3

INITIAL STATEMENT OF BENEFICIAL OWNERSHIP OF SECURITIES

1. Name and Address of Reporting Person * Rivera Ana M.\t2. Date of Event Requiring Statement (Month/Day/Year) 03/02/2021\t3. Issuer Name and Ticker or Trading Symbol NORTHWIND LABS, INC. [NWLB]
(Last) (First) (Middle) 200 HARBOR DRIVE\t4. Relationship of Reporting Person(s) to Issuer (Check all applicable) X Director 10% Owner Officer (give title below) Other (specify below)
(Street) PORTLAND, OR 97201\t6. Individual or Joint/Group Filing (Check Applicable Line) X Form filed by One Reporting Person Form filed by More than One Reporting Person
(City) (State) (Zip)

Table I - Non-Derivative Securities Beneficially Owned
1. Title of Security (Instr. 3)\t2. Transaction Code (Instr. 8)\t3. Amount of Securities Beneficially Owned (Instr. 4)\t4. Ownership Form: Direct (D) or Indirect (I) (Instr. 5)\t5. Nature of Indirect Beneficial Ownership (Instr. 5)
Common Stock\tP\t25,000\tD\t
Class B Common Stock\t\t5,500\tI\tBy Trust

Explanation of Responses:

/s/ Ana M. Rivera\t03/03/2021
** Signature of Reporting Person\tDate
`;

test('a code in its own cell of a Form 3 Table I: code-on-form3 fires, the title stays clean', () => {
  const { record, codes } = read(FORM3);
  assert.deepEqual(record.nonDerivative.map((r) => r.securityTitle), ['Common Stock', 'Class B Common Stock']);
  assert.deepEqual(record.nonDerivative.map((r) => r.sharesOwnedFollowing), [25000, 5500]);
  assert.ok(codes.includes('code-on-form3'), codes.join());
});

test('a Form 3 title ending in a letter of its own cell ("Class B") is not a code without a code column', () => {
  const text = FORM3.replace('\t2. Transaction Code (Instr. 8)', '').replace('Common Stock\tP\t25,000', 'Common Stock Class A\t25,000').replace('\t\t5,500', '\t5,500');
  const { record, codes } = read(text);
  assert.deepEqual(record.nonDerivative.map((r) => r.securityTitle), ['Common Stock Class A', 'Class B Common Stock']);
  assert.ok(!codes.includes('code-on-form3'));
});

// ---------------------------------------------------------------------------------------------
// Owners only in the Reporting Owners table

test('name and address in one cell: split by the address\'s shape', () => {
  assert.deepEqual(splitNameAddress('THE X FAMILY TRUST 100 MAIN ST ANYTOWN, DE 19801'),
    { name: 'THE X FAMILY TRUST', street1: '100 MAIN ST', street2: null, city: 'ANYTOWN', state: 'DE', zip: '19801' });
  assert.deepEqual(splitNameAddress('Greenfield Capital Partners, L.P. C/O NORTHWIND LABS, INC. 2108 AVENUE OF THE AMERICAS NEW YORK, NY 10036'),
    { name: 'Greenfield Capital Partners, L.P.', street1: 'C/O NORTHWIND LABS, INC.', street2: '2108 AVENUE OF THE AMERICAS', city: 'NEW YORK', state: 'NY', zip: '10036' });
  assert.deepEqual(splitNameAddress('Okafor Li 77 Lakeview Blvd. 2ND FLOOR Salt Lake City, UT 84101'),
    { name: 'Okafor Li', street1: '77 Lakeview Blvd.', street2: '2ND FLOOR', city: 'Salt Lake City', state: 'UT', zip: '84101' });
  assert.deepEqual(splitNameAddress('NORTHGATE INVESTMENTS LTD PO BOX 4410 HAMILTON, D0 HM 11'),
    { name: 'NORTHGATE INVESTMENTS LTD', street1: 'PO BOX 4410', street2: null, city: 'HAMILTON', state: 'D0', zip: 'HM 11' });
  assert.deepEqual(splitNameAddress('Shah Mei ONE MARKET PLAZA SUITE 400 SAN MATEO, CA 94402'),
    { name: 'Shah Mei', street1: 'ONE MARKET PLAZA', street2: 'SUITE 400', city: 'SAN MATEO', state: 'CA', zip: '94402' });
  // A name alone stays a name.
  assert.deepEqual(splitNameAddress('Rivera Ana M.').name, 'Rivera Ana M.');
});

test('an address the filing already gave (box 1) is matched whole, whatever its shape', () => {
  const known = { name: 'Rivera Ana M.', street1: 'Two Bridges Center', street2: null, city: 'PORT WASHINGTON', state: 'NY', zip: '11050' };
  assert.deepEqual(splitNameAddress('Rivera Family Trust Two Bridges Center PORT WASHINGTON, NY 11050', [known]),
    { name: 'Rivera Family Trust', street1: 'Two Bridges Center', street2: null, city: 'PORT WASHINGTON', state: 'NY', zip: '11050' });
});

test('a known address that is only the tail of this one: the street line before it is this owner\'s first', () => {
  const known = { name: 'Ardent Fund II, L.P.', street1: '2ND FLOOR', street2: null, city: 'WALTHAM', state: 'MA', zip: '02451' };
  assert.deepEqual(splitNameAddress('Nakamura Robert S. TWO Industrial Way 2ND FLOOR WALTHAM, MA 02451', [known]),
    { name: 'Nakamura Robert S.', street1: 'TWO Industrial Way', street2: '2ND FLOOR', city: 'WALTHAM', state: 'MA', zip: '02451' });
  const plaza = { ...known, street1: '6061 MARKET PLAZA' };
  assert.deepEqual(splitNameAddress('Greenfield Capital Partners, L.P. C/O TECTON HOLDINGS, INC. 6061 MARKET PLAZA WALTHAM, MA 02451', [plaza]),
    { name: 'Greenfield Capital Partners, L.P.', street1: 'C/O TECTON HOLDINGS, INC.', street2: '6061 MARKET PLAZA', city: 'WALTHAM', state: 'MA', zip: '02451' });
  // A number in a name that makes no street stays in the name.
  assert.equal(splitNameAddress('Castor Fund 2 LP 6061 MARKET PLAZA WALTHAM, MA 02451', [plaza]).name, 'Castor Fund 2 LP');
});

test('a further owner named only in the Reporting Owners table keeps its address', () => {
  const table = [
    'Reporting Owners',
    '',
    'Reporting Owner Name / Address\tRelationships\t\t\t',
    '\tDirector\t10% Owner\tOfficer\tOther',
    'Rivera Ana M. 200 HARBOR DRIVE PORTLAND, OR 97201\t\t\tChief Financial Officer\t',
    'Rivera Family Trust 200 HARBOR DRIVE PORTLAND, OR 97201\t\tX\t\t',
    '',
    'Explanation of Responses:',
  ].join('\n');
  const text = CLEAN.replace('Explanation of Responses:', table).replace('X Form filed by One Reporting Person Form filed by More', 'Form filed by One Reporting Person X Form filed by More');
  const { record } = read(text);
  assert.equal(record.reportingOwners.length, 2);
  assert.deepEqual(record.reportingOwners[1], {
    name: 'Rivera Family Trust', street1: '200 HARBOR DRIVE', street2: null, city: 'PORTLAND', state: 'OR', zip: '97201',
    isDirector: false, isOfficer: false, isTenPercentOwner: true, isOther: false, officerTitle: null, otherText: null,
  });
});

// ---------------------------------------------------------------------------------------------
// OCR damage inside box labels

test('box labels damaged by OCR (letters dropped, words cut or run together) still open their boxes', () => {
  const text = CLEAN
    .replace('2. Issuer Name and Ticker or Trading Symbol', '2. Issuer Nae and Ticker or Γrading Symbol')
    .replace('3. Date of Earliest Transaction (Month/Day/Year)', '3. Date of Earli iest Transact tion (Montb/Day/Year)')
    .replace('5. Relationship of Reporting Person(s)', '5. Relationshipof Reporting Person(s)')
    .replace('6. Individual or Joint/Group Filing', '6. Indi ividual or Joirit/Group Filing');
  const { record, errors } = read(text);
  const clean = read(CLEAN).record;
  assert.deepEqual(record.issuer, clean.issuer);
  assert.equal(record.periodOfReport, '2021-03-02');
  assert.deepEqual(record.reportingOwners, clean.reportingOwners);
  assert.equal(record.jointFiling, false);
  assert.deepEqual(errors, []);
});

// ---------------------------------------------------------------------------------------------
// Header boxes in another column order

for (const order of [[1, 0, 2], [2, 1, 0]]) {
  test(`tab-separated header with its columns in the order ${order.join(', ')}: box 1's address and the officer title stay where they belong`, () => {
    const lines = CLEAN.split('\n');
    const at = lines.findIndex((l) => l.startsWith('1. Name and Address'));
    // The officer title in a cell of its own; the columns (box 1, boxes 2-4, boxes 5-6) reordered.
    for (let k = at; k < at + 3; k++) {
      const cells = lines[k].split('\t');
      cells[2] = cells[2]!.replace(' Chief Financial Officer', '\tChief Financial Officer');
      lines[k] = order.map((i) => cells[i]).join('\t');
    }
    lines[at + 3] = `${'\t'.repeat(order.indexOf(0))}${lines[at + 3]}`;
    const { record, errors } = read(lines.join('\n'));
    const clean = read(CLEAN).record;
    assert.deepEqual(record.reportingOwners, clean.reportingOwners);
    assert.deepEqual(record.issuer, clean.issuer);
    assert.equal(record.periodOfReport, clean.periodOfReport);
    assert.deepEqual(errors, []);
  });
}

test('a Form 3 row whose title was lost: a code alone under a code column is the code, not the title', () => {
  const text = FORM3.replace('Common Stock\tP\t25,000', '\tP\t25,000');
  const { record, codes } = read(text);
  assert.equal(record.nonDerivative[0]!.securityTitle, null);
  assert.equal(record.nonDerivative[0]!.sharesOwnedFollowing, 25000);
  assert.ok(codes.includes('code-on-form3'), codes.join());
});
