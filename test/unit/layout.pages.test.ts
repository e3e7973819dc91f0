/**
 * Page furniture (server/src/analysis/layout/pages.ts): a browser's print header and footer, page
 * numbers and form feeds are set aside before reading, reported, and never open a new filing. One
 * tiny named input per quirk; then the whole pipeline on a two-page print.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findFurniture, isPageTitleAt } from '../../server/src/analysis/layout/pages';
import { analyze } from '../../server/src/analysis';

const kinds = (text: string) => findFurniture(text.split('\n')).map((f) => `${f.line}:${f.kind}`);

test('fixed-width header: date, time and the page title on one line', () => {
  assert.deepStrictEqual(kinds('12/3/26, 11:40 AM                                  SEC FORM 4\n\n  SEC Form 4'), ['0:print-header']);
});

test('fixed-width footer: the file address and the page number on one line', () => {
  assert.deepStrictEqual(kinds('text\nfile:///tmp/x/form4.html                                         1/2'), ['1:print-footer']);
  assert.deepStrictEqual(kinds('text\nhttps://www.sec.gov/Archives/edgar/data/1/x.xml            2/2'), ['1:print-footer']);
});

test('reading order: header, page title, footer and page number on lines of their own', () => {
  const text = ['12/3/26, 11:49 AM', '', 'SEC FORM 3', '', 'C/O BROOKFIELD', 'file:///tmp/x.html', '', '1/4', '', '\f12/3/26, 11:49 AM', '', 'SEC FORM 3', '', 'TORONTO'].join('\n');
  assert.deepStrictEqual(kinds(text), ['0:print-header', '2:page-title', '5:print-footer', '7:page-number', '9:form-feed', '9:print-header', '11:page-title']);
});

test('other date formats and a 24-hour clock', () => {
  assert.deepStrictEqual(kinds('03.12.26, 11:40                SEC FORM 4'), ['0:print-header']);
  assert.deepStrictEqual(kinds('2026-12-03, 11:40'), ['0:print-header']);
});

test('a lone https address or fraction is text of the filing, not furniture', () => {
  assert.deepStrictEqual(kinds('(3) Available at\nhttps://www.example.com/investors\nsee above'), []);
  assert.deepStrictEqual(kinds('Exercise price\n1/2\nof the shares'), []);
  // A date in a row is not a header (no comma and time after it).
  assert.deepStrictEqual(kinds('Common Stock   12/03/2026   S   100'), []);
});

test('with no sure part anywhere, only a page number or an address where the text ends is furniture', () => {
  // The last page's footer: nothing after it but blank lines.
  assert.deepStrictEqual(kinds('Remarks: none\n\n1/2\n\n'), ['2:page-number']);
  assert.deepStrictEqual(kinds('Remarks: none\nhttps://www.sec.gov/x.html\n'), ['1:print-footer']);
  // The same lines with text after them are the filing's.
  assert.deepStrictEqual(kinds('Remarks: none\n\n1/2\n\nsee above'), []);
  assert.deepStrictEqual(kinds('1/2\nhttps://www.sec.gov/x.html'), ['1:print-footer']);
});

test('a form feed inside a line of text is reported on its own', () => {
  assert.deepStrictEqual(kinds('Table I\n\fCommon Stock  03/01/2021  P  100'), ['1:form-feed']);
});

test('isPageTitleAt: the title under a lone date and time, not a filing title elsewhere', () => {
  const lines = ['12/3/26, 11:49 AM', '', 'SEC FORM 3', 'FORM 3'];
  assert.equal(isPageTitleAt(lines, 2), true);
  assert.equal(isPageTitleAt(lines, 3), false);
  assert.equal(isPageTitleAt(['text', 'FORM 4'], 1), false);
});

const PAGE1 = `12/3/26, 11:40 AM                                            SEC FORM 4

                                          FORM 4
                      STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP
 1. Name and Address of Reporting Person*          2. Issuer Name and Ticker or Trading Symbol
 Doe Jane                                          Acme Corp [ ACME ]
`;

test('a two-page print in reading order is one filing, and the furniture is listed', () => {
  const text = [
    '12/3/26, 11:40 AM', '', 'SEC FORM 4', '', 'FORM 4', 'STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP', '1. Name and Address of Reporting Person*', 'Doe Jane',
    'file:///tmp/form4.html', '', '1/2', '', '\f12/3/26, 11:40 AM', '', 'SEC FORM 4', '', 'Explanation of Responses:', '1. A footnote.',
    'file:///tmp/form4.html', '', '2/2', '', '\f',
  ].join('\n');
  const result = analyze(text, { today: new Date('2026-12-04') });
  assert.equal(result.filings.length, 1);
  const set = result.filings[0]!.setAside!.map((s) => `${s.range.start.line}:${s.kind}`);
  assert.deepStrictEqual(set, ['0:print-header', '2:page-title', '8:print-footer', '10:page-number', '12:form-feed', '12:print-header', '14:page-title', '18:print-footer', '20:page-number', '22:form-feed']);
  assert.match(result.filings[0]!.setAside![0]!.message, /print header/);
});

test('a page break inside the footnotes: the footnotes read as if the pages were one', () => {
  const footer = ['file:///tmp/form4.html                                                    1/2', '\f12/3/26, 11:40 AM                                            SEC FORM 4', ''];
  const notes = ['Explanation of Responses:', '1. The shares were sold in several trades at prices from', '$10.00 to $10.50.', '2. Held by a trust.'];
  const printed = PAGE1 + [...notes.slice(0, 3), ...footer, ...notes.slice(3)].join('\n');
  const plain = PAGE1 + notes.join('\n');
  const a = analyze(printed, { today: new Date('2026-12-04') }).filings;
  const b = analyze(plain, { today: new Date('2026-12-04') }).filings;
  assert.equal(a.length, 1);
  assert.deepStrictEqual(a[0]!.record.footnotes, b[0]!.record.footnotes);
  assert.deepStrictEqual(a[0]!.record.footnotes.map((f) => f.id), ['1', '2']);
});

test('a table broken by a page: the rows before and after the break read as one table', () => {
  const head = `FORM 4
STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP
1. Name and Address of Reporting Person*          2. Issuer Name and Ticker or Trading Symbol
Doe Jane                                          Acme Corp [ ACME ]
                  Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned
1. Title of Security (Instr. 3)      2. Transaction Date    3. Transaction Code    4. Securities Acquired (A) or Disposed Of (D)      5. Amount of Securities    6. Ownership
                                                            Code    V              Amount      (A) or (D)    Price                 Beneficially Owned         Form
`;
  const rows = [
    '   Common Stock                      03/01/2021             P                      100         A             $10.00                1,100                     D',
    '   Common Stock                      03/02/2021             S                      50          D             $11.00                1,050                     D',
  ];
  const pageBreak = ['', 'file:///tmp/form4.html                                                                                  1/2', '\f12/3/26, 11:40 AM                                            SEC FORM 4', ''];
  const plain = analyze(head + rows.join('\n') + '\n', { today: new Date('2026-12-04') }).filings;
  const broken = analyze(head + [rows[0], ...pageBreak, rows[1]].join('\n') + '\n', { today: new Date('2026-12-04') }).filings;
  assert.equal(broken.length, 1);
  assert.equal(plain[0]!.record.nonDerivative.length, 2);
  assert.deepStrictEqual(broken[0]!.record.nonDerivative, plain[0]!.record.nonDerivative);
});
