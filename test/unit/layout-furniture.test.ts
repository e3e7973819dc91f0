/**
 * Page furniture of a printed page (browser header and footer), read back by pdftotext or OCR:
 * recognised by shape, blanked before the filing is read, never a filing's title.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { furnitureLines, isFurnitureLine } from '../../server/src/analysis/layout/furniture';
import { analyze } from '../../server/src/analysis';
import { filingStarts } from '../../server/src/analysis/document';

test('stamp, address and counter lines are furniture; values that look alike are not', () => {
  for (const l of ['12/3/26, 11:40 AM', '1/12/2026, 9:05 PM   SEC FORM 4', 'file:///home/u/form4.html', 'https://www.sec.gov/Archives/edgar/data/1/x.xml 2/3', '1/2', ' 10 / 12 ']) {
    assert.ok(isFurnitureLine(l), l);
  }
  for (const l of ['04/30/2025', '12/3/26', 'Common Stock 1/2 share', '757,756(1)', 'See 18 U.S.C. 1001', '(Month/Day/Year)']) {
    assert.ok(!isFurnitureLine(l), l);
  }
});

test('the page title right after the stamp is furniture, a title further down is not', () => {
  const lines = ['12/3/26, 11:41 AM', '', 'SEC FORM 3', '', 'SEC Form 3', 'FORM 3'];
  assert.deepEqual(furnitureLines(lines), [0, 2]);
});

test('a second page does not open a second filing', () => {
  const page = (n: number, of: number, body: string[]) => ['12/3/26, 11:41 AM', '', 'SEC FORM 4', '', ...body, '', 'file:///tmp/x.html', '', `${n}/${of}`];
  const text = [
    ...page(1, 2, ['FORM 4', 'STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP', ...Array.from({ length: 30 }, (_, i) => `line ${i}`)]),
    ...page(2, 2, ['Explanation of Responses:', '1. A note.']),
  ].join('\n');
  assert.equal(analyze(text).filings.length, 1);
});

test('titles of one filing may stand a block apart before its statement heading (OCR block order)', () => {
  const anchors = [
    { line: 3, kind: 'title' as const },
    { line: 20, kind: 'title' as const },
    { line: 26, kind: 'statement' as const },
    { line: 200, kind: 'title' as const },
  ];
  assert.deepEqual(filingStarts(anchors), [0, 200]);
});

test('OCR of a new page: the page title read lines after the date line, or anywhere once printed beside it', () => {
  const lines = [
    '12/3/26, 11:43 AM SEC FORM 3', // page 1's header, read as one line
    'SEC Form 3',
    'FORM 3',
    'INITIAL STATEMENT OF BENEFICIAL OWNERSHIP OF SECURITIES',
    'file:///tmp/x.html',
    '',
    '1/2',
    '12/3/26, 11:43 AM', // page 2's date line, its title read a few blocks later
    '1. Name and Address of Reporting Person*',
    'DOE JANE',
    'SEC FORM 3',
    ...Array.from({ length: 30 }, (_, i) => `text ${i}`),
    'SEC FORM 3',
  ];
  const furniture = furnitureLines(lines);
  assert.deepEqual(furniture, [0, 4, 6, 7, 10, 41]);
  assert.equal(analyze(lines.join('\n')).filings.length, 1);
});

test('a bare page title just below the statement heading is that filing\'s page title', () => {
  const anchors = [
    { line: 3, kind: 'title' as const },
    { line: 25, kind: 'statement' as const },
    { line: 29, kind: 'title' as const, bare: true },
    { line: 300, kind: 'title' as const, bare: true },
    { line: 303, kind: 'statement' as const },
  ];
  assert.deepEqual(filingStarts(anchors), [0, 300]);
});
