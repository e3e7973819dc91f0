/**
 * The header boxes as tesseract reads a printed Form 3, 4 or 5 (fixtures/pdf *.ocr300.txt): one
 * line per printed line, cells apart by single spaces, boxes that stand side by side read into
 * one line, or read one box after another in an order of OCR's own. Tiny inputs made by hand in
 * that shape, one quirk a test.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/analysis';
import { strayOptionsStart } from '../../server/src/analysis/filing/header';
import { romanStrokesInName } from '../../server/src/analysis/domain/ocr';

const TODAY = new Date('2026-11-23T12:00:00Z');

const TABLE = [
  'Table | - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned',
  'Code V Amount (A) or (D) Price',
  'Common Stock 03/01/2021 P 1,000 A $10 5,000 D',
];

function read(header: string[]) {
  const r = analyze(['FORM 4', 'STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP', ...header, ...TABLE].join('\n'), { today: TODAY });
  const o = r.filings[0].record.reportingOwners[0];
  return {
    rel: [o.isDirector, o.isOfficer, o.isTenPercentOwner, o.isOther, o.officerTitle, o.otherText],
    record: r.filings[0].record,
    findings: r.findings,
  };
}

// The asterisk after the label read as a quote mark, as OCR reads it.
const OWNER = ['1. Name and Address of Reporting Person”', 'Rivera Ana', '(Last) (First) (Middle)', '12 MAIN STREET', '(Street)', 'PORTLAND OR 97201', '(City) (State) (Zip)'];

test("box 5's label read before boxes 3 and 4, its options after them: the options are still box 5's", () => {
  const { rel, record } = read([
    ...OWNER,
    '2. Issuer Name and Ticker or Trading Symbol',
    'Northwind Labs, Inc. [ NWLB ]',
    '5. Relationship of Reporting Person(s) to Issuer',
    '(Check all applicable)',
    '3. Date of Earliest Transaction (Month/Day/Year)',
    '03/01/2021',
    '4. If Amendment, Date of Original Filed (Month/Day/Year)',
    'Director 10% Owner',
    'xX Officer (give title Other (specify',
    'below) below)',
    'Chief',
    'Technology',
    'Officer',
    '6. Individual or Joint/Group Filing (Check Applicable Line)',
    'X Form filed by One Reporting Person',
    'Form filed by More than One Reporting Person',
  ]);
  assert.deepEqual(rel, [false, true, false, false, 'Chief Technology Officer', null]);
  assert.equal(record.periodOfReport, '2021-03-01');
  assert.equal(record.dateOfOriginalSubmission, null);
});

test("box 5's label too damaged to open it: the options read where they stand, the box's text after them is no title", () => {
  const { rel } = read([
    '1. Name and Address of Reporting Person* 2. Issuer Name and Ticker or Trading Symbol',
    ' (Cheat slr appiica nen Person(s) to Issuer',
    'Rivera Ana Northwind Labs, Inc. [ NWLB ]',
    'X Director 10% Owner',
    'Officer (give title Other (specify',
    '(Last) (First) (Middle) 3. Date of Earliest Transaction (Month/Day/Year) below) below)',
    'C/O NORTHWIND LABS 03/01/2021',
    '12 MAIN STREET',
    '(Street)',
    'PORTLAND OR 97201',
    '(City) (State) (Zip)',
  ]);
  assert.deepEqual(rel, [true, false, false, false, null, null]);
});

test('the rest of an option\'s caption and box 1\'s captions on the options\' lines are no title', () => {
  const { rel } = read([
    '1. Name and Address of Reporting Person* 2. Issuer Name and Ticker or Trading Symbol 5. Relationship of Reporting Person(s) to Issuer',
    'Northwind Labs, Inc. [ NWLB ] (Check all applicable)',
    'RIVERA ANA X Director 10% Owner',
    '/ Officer (give title Other (specify',
    '(Last) (First) (Middle) 3. Date of Earliest Transaction (Month/Day/Year) below) below)',
    'C/O NORTHWIND LABS, INC. 03/01/2021',
    '12 MAIN STREET',
    '(Street)',
    'PORTLAND OR 97201',
    '(City) (State) (Zip)',
  ]);
  assert.deepEqual(rel, [true, false, false, false, null, null]);
});

test('three of the four printed options in one text say where box 5 stands; fewer do not', () => {
  assert.equal(strayOptionsStart('4. If Amendment\nDirector 10% Owner\nX Officer (give title Other (specify\nbelow) below)'), '4. If Amendment\n'.length);
  // A director's name or an address holds one option word, not three.
  assert.equal(strayOptionsStart('4. If Amendment\nC/O Director of Finance\n12 Other Road'), -1);
});

test('on OCR text, Officer checked without a title read is a hint: the title may stand unread on the page', () => {
  const { rel, findings } = read([
    ...OWNER,
    '2. Issuer Name and Ticker or Trading Symbol',
    'Northwind Labs, Inc. [ NWLB ]',
    '5. Relationship of Reporting Person(s) to Issuer',
    '(Check all applicable)',
    'Director 10% Owner',
    'X Officer (give title Other (specify',
    'below) below)',
    '3. Date of Earliest Transaction (Month/Day/Year)',
    '03/01/2021',
  ]);
  assert.equal(rel[1], true);
  assert.equal(rel[4], null);
  const f = findings.filter((x) => x.code === 'officer-title-missing');
  assert.equal(f.length, 1);
  assert.equal(f[0].severity, 'hint');
});

/** Box 1's lines with box 6's beside them, as OCR runs them together, then the first table. */
function jointOf(cityLines: string[]) {
  return read([
    '1. Name and Address of Reporting Person* 2. Issuer Name and Ticker or Trading Symbol 5. Relationship of Reporting Person(s) to Issuer',
    'Northwind Labs, Inc. [ NWLB ] (Check all applicable)',
    'RIVERA ANA X Director 10% Owner',
    'Officer (give title Other (specify',
    '(Last) (First) (Middle) 3. Date of Earliest Transaction (Month/Day/Year) below) below)',
    'C/O NORTHWIND LABS, INC. 03/01/2021',
    '12 MAIN STREET',
    '(Street) 4. If Amendment, Date of Original Filed (Month/Day/Year) 6. Individual or Joint/Group Filing (Check Applicable Line)',
    ...cityLines,
    '(City) (State) (Zip)',
  ]).record.jointFiling;
}

test("box 6's options on box 1's lines, the mark read with the rule under its box", () => {
  assert.equal(jointOf(['MENLO CA 94025 X_— Form filed by One Reporting Person', 'PARK Form filed by More than One Reporting Person']), false);
  assert.equal(jointOf(['AUSTIN TX 78725 X.— Form filed by One Reporting Person', 'Form filed by More than One Reporting Person']), false);
  assert.equal(jointOf(['MENLO CA 94025 Form filed by One Reporting Person', 'PARK X_— Form filed by More than One Reporting Person']), true);
  // No mark read: not guessed.
  assert.equal(jointOf(['MENLO CA 94025 Form filed by One Reporting Person', 'PARK Form filed by More than One Reporting Person']), null);
});

test('an option wrapped after "Reporting", its mark read before the wrapped "Person"', () => {
  assert.equal(jointOf(['LONGBOAT FL 34228', 'KEY Form filed by One Reporting', 'Xx Person', 'Form filed by More than One Reporting Person']), false);
  assert.equal(jointOf(['LONGBOAT FL 34228', 'KEY Form filed by One Reporting Person', 'Form filed by More than One Reporting', 'X Person']), true);
});

/** A joint filing: box 1 in the header, then every owner listed again after the tables. */
function jointOwners(headerName: string, listed: string[]) {
  const box = (name: string) => ['1. Name and Address of Reporting Person*', name, '(Last) (First) (Middle)', 'C/O NORTHWIND CAPITAL LLC', '(Street)', 'AUSTIN TX 78701', '(City) (State) (Zip)'];
  const text = [
    'FORM 4',
    'STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP',
    '1. Name and Address of Reporting Person*',
    headerName,
    '(Last) (First) (Middle)',
    'C/O NORTHWIND CAPITAL',
    '(Street)',
    'AUSTIN TX 78701',
    '(City) (State) (Zip)',
    '2. Issuer Name and Ticker or Trading Symbol',
    'Northwind Labs, Inc. [ NWLB ]',
    ...TABLE,
    'Table Il - Derivative Securities Acquired, Disposed of, or Beneficially Owned',
    ...listed.flatMap(box),
  ].join('\n');
  return analyze(text, { today: TODAY }).filings[0].record.reportingOwners.map((o) => [o.name, o.street1]);
}

test("the first owner listed after the tables is box 1 again, however OCR read each; its values cut short are filled", () => {
  assert.deepEqual(jointOwners('NORTHWIND I LP', ['NORTHWIND Il LP', 'Northwind 1] GP LP', 'RIVERA ANA']), [
    ['NORTHWIND II LP', 'C/O NORTHWIND CAPITAL LLC'],
    ['Northwind II GP LP', 'C/O NORTHWIND CAPITAL LLC'],
    ['RIVERA ANA', 'C/O NORTHWIND CAPITAL LLC'],
  ]);
  // The header's name cut short, or no name of its own read there.
  assert.deepEqual(jointOwners('NORTHWIND CAPITAL', ['NORTHWIND CAPITAL INC', 'RIVERA ANA']).map((o) => o[0]), ['NORTHWIND CAPITAL INC', 'RIVERA ANA']);
  assert.deepEqual(jointOwners('(Street)', ['NORTHWIND CAPITAL INC', 'RIVERA ANA']).map((o) => o[0]), ['NORTHWIND CAPITAL INC', 'RIVERA ANA']);
  // Another name first in the list is another owner.
  assert.deepEqual(jointOwners('RIVERA ANA', ['NORTHWIND CAPITAL INC', 'LEE KIM']).map((o) => o[0]), ['RIVERA ANA', 'NORTHWIND CAPITAL INC', 'LEE KIM']);
});

test('a Roman numeral in a name whose strokes OCR read as look-alikes is read as strokes; numbers and words stay', () => {
  assert.equal(romanStrokesInName('MITHRIL Il LP'), 'MITHRIL II LP');
  assert.equal(romanStrokesInName('Fund 1] GP'), 'Fund II GP');
  assert.equal(romanStrokesInName('Fund lII, L.P.'), 'Fund III, L.P.');
  assert.equal(romanStrokesInName('Partners 11 LLC'), 'Partners 11 LLC');
  assert.equal(romanStrokesInName('Fund II'), 'Fund II');
  assert.equal(romanStrokesInName('Illumina Ill Holdings'), 'Illumina III Holdings');
  assert.equal(romanStrokesInName('Lee Li'), 'Lee Li');
});

/** A Form 3 header as OCR interleaves its boxes 1, 2 and 3, then the first table. */
function form3Header(amendmentDate = '') {
  const text = [
    'FORM 3',
    'INITIAL STATEMENT OF BENEFICIAL OWNERSHIP OF SECURITIES',
    '1. Name and Address of Reporting Person” 2. Date of Event 3. Issuer Name and Ticker or Trading Symbol',
    '. Requiring Statement ‘',
    'Rivera Ana (Month/Day/Year) Northwind Labs, Inc. [ NWLB ]',
    '03/01/2021 4. Relationship of Reporting Person(s) to 5. If Amendment, Date of Original',
    `: ; Issuer Filed (Month/Day/Year) ${amendmentDate}`,
    '(Last) (First) (Middle) (Check all applicable)',
    '12 MAIN STREET X__ Director X 10% Owner',
    '(Street)',
    'Table | - Non-Derivative Securities Beneficially Owned',
    'Common Stock 5,000 D',
  ].join('\n');
  const r = analyze(text, { today: TODAY }).filings[0];
  return { record: r.record, unread: r.findings.filter((f) => f.code === 'unread-text').map((f) => f.message) };
}

test("the period box's label broken over interleaved lines: the header's one full date is the period", () => {
  const { record, unread } = form3Header();
  assert.equal(record.periodOfReport, '2021-03-01');
  assert.ok(!unread.some((m) => m.includes('03/01/2021')), unread.join('\n'));
  // Two dates in the header: which is which is not guessed.
  assert.equal(form3Header('02/01/2021').record.periodOfReport, null);
});

/** Box 1 beside boxes 2, 3 and 5 as OCR runs them into one line each, its street lines `streets`. */
function streetsOf(streets: string[]) {
  const rec = read([
    '1. Name and Address of Reporting Person” 2. Issuer Name and Ticker or Trading Symbol 5. Relationship of Reporting Person(s) to Issuer',
    'Northwind Labs, Inc. [ NWLB ] (Check all applicable)',
    'RIVERA ANA X Director 10% Owner',
    'Officer (give title Other (specify',
    '(Last) (First) (Middle) below) below)',
    '3. Date of Earliest Transaction (Month/Day/Year)',
    ...streets,
    '4. If Amendment, Date of Original Filed (Month/Day/Year) 6. Individual or Joint/Group Filing (Check Applicable Line)',
    '(Street) X_ Form filed by One Reporting Person',
    'AUSTIN TX 78753 Form filed by More than One Reporting Person',
    '(City) (State) (Zip)',
  ]).record.reportingOwners[0];
  return [rec.street1, rec.street2, rec.city];
}

test("box 1's streets wrapped over three lines beside other boxes: split where the wrapping says", () => {
  // A house number opens street 2.
  assert.deepEqual(streetsOf(['C/O NORTHWIND LABS, INC. 03/01/2021', '13011 MCCALLEN PASS BUILDING A', 'SUITE 100']), ['C/O NORTHWIND LABS, INC.', '13011 MCCALLEN PASS BUILDING A SUITE 100', 'AUSTIN']);
  assert.deepEqual(streetsOf(['C/O NORTHWIND TECHNOLOGIES 03/01/2021', 'INC.', '1200 17TH STREET, FLOOR 15']), ['C/O NORTHWIND TECHNOLOGIES INC.', '1200 17TH STREET, FLOOR 15', 'AUSTIN']);
  // A break where the next word would have fitted starts street 2.
  assert.deepEqual(streetsOf(['C/O NORTHWIND CAPITAL, 2800 SAND — | 03/01/2021', 'HILL ROAD', 'SUITE 101 —— — —']), ['C/O NORTHWIND CAPITAL, 2800 SAND HILL ROAD', 'SUITE 101', 'AUSTIN']);
});
