/**
 * Page furniture as OCR reads it (layout/pages.ts): tesseract keeps one space where a printed
 * header or footer had a gap, and reads a page block by block, so the page title may stand lines
 * below its header. One filing stays one filing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/analysis';
import { filingStarts } from '../../server/src/analysis/document';
import { findFurniture, isPageTitleAt } from '../../server/src/analysis/layout/pages';

test('OCR header and footer with one space between their parts', () => {
  const lines = ['12/3/26, 11:43 AM SEC FORM 3', 'SEC Form 3', 'FORM 3', 'file:///tmp/x.html 2/2'];
  assert.deepEqual(
    findFurniture(lines).map((f) => [f.line, f.kind, f.text]),
    [
      [0, 'print-header', '12/3/26, 11:43 AM SEC FORM 3'],
      [3, 'print-footer', 'file:///tmp/x.html 2/2'],
    ],
  );
});

test('the text a header printed beside its date is the page title wherever OCR read it later', () => {
  const lines = [
    '12/3/26, 11:43 AM SEC FORM 3',
    'SEC Form 3',
    'FORM 3',
    'INITIAL STATEMENT OF BENEFICIAL OWNERSHIP OF SECURITIES',
    'file:///tmp/x.html',
    '',
    '1/2',
    '12/3/26, 11:43 AM',
    '1. Name and Address of Reporting Person*',
    'DOE JANE',
    ...Array.from({ length: 30 }, (_, i) => `text ${i}`),
    'SEC FORM 3',
    'more text',
  ];
  const at = lines.lastIndexOf('SEC FORM 3');
  assert.ok(findFurniture(lines).some((f) => f.line === at && f.kind === 'page-title'));
  assert.equal(isPageTitleAt(lines, at), true);
  // The form's own titles differ from the page title: they stay.
  assert.equal(isPageTitleAt(lines, 1), false);
  assert.equal(isPageTitleAt(lines, 2), false);
  assert.equal(analyze(lines.join('\n')).filings.length, 1);
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

test("a bare page title just below the statement heading is that filing's page title", () => {
  const anchors = [
    { line: 3, kind: 'title' as const },
    { line: 25, kind: 'statement' as const },
    { line: 29, kind: 'title' as const, bare: true },
    { line: 300, kind: 'title' as const, bare: true },
    { line: 303, kind: 'statement' as const },
  ];
  assert.deepEqual(filingStarts(anchors), [0, 300]);
});

test("a later page's bare form title a cell below that page's date and time (reading order)", () => {
  const lines = ['FORM 4', 'text', 'file:///tmp/x.html', '', '1/2', '', '\f12/3/26, 12:17 PM', '(City)', '', 'SEC FORM 4', '(State)'];
  assert.equal(isPageTitleAt(lines, 9), true);
  // On the first page (no page break before its date and time) the form's title stays.
  assert.equal(isPageTitleAt(['12/3/26, 12:17 PM', '(City)', '', 'FORM 4'], 3), false);
});
