/**
 * The varied generator (test/gen/variants.ts) on a bounded corpus: 56 filings per noise level
 * (eight per layout) with up to two variation classes each, four mixed-layout documents and 60
 * one-defect filings. Floors sit just under what the reader measures on this seed, per class, so
 * a regression in any class fails; the corpus is a pure function of the seed, so they never flake.
 * `npm run gen-report` prints the same table on larger corpora (and the failing cases).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatReport, measureGenerator, fieldScore, lostSet, type GenReport } from '../tools/gen-report';
import { generateVariedCase, type NoiseLevel } from '../gen';
import { analyze } from '../../server/src/analysis';

/** [share read exactly, field accuracy] per group. */
const FLOORS: Record<string, [number, number]> = {
  all: [0.97, 0.998],
  'noise:0': [0.98, 0.999],
  'noise:1': [0.98, 0.999],
  'noise:2': [0.96, 0.996],
  'class:plain': [1, 1],
  'class:owners-in-table': [1, 1],
  'class:signature-caption-first': [0.95, 0.996],
  'class:label-ocr': [0.97, 0.999],
  'class:box-order': [0.9, 0.998],
  'class:form3-code-column': [0.97, 0.998],
  'class:lost-v-column': [1, 1],
  'class:narrow-columns': [1, 1],
  'class:mixed-document': [1, 1],
  'class:page-furniture': [0.94, 0.998],
  'class:printed-values': [0.95, 0.999],
  'class:tab-expanded': [0.9, 0.997],
  'class:table-page-break': [0.94, 0.998],
  'class:ocr-rules': [1, 1],
};

let report: GenReport;

test('varied generator: the corpus is measured', () => {
  report = measureGenerator({ seed: 'unit', count: 56, defects: 60, documents: 4, keepFailures: 3 });
  console.log(formatReport(report));
  for (const [k, l] of Object.entries(report.failures)) if (l.length && k.startsWith('class:')) console.log(`${k}\n  ${l.join('\n  ')}`);
  assert.ok(report.groups.all!.filings >= 168);
});

for (const [group, [exact, fields]] of Object.entries(FLOORS)) {
  test(`varied generator ${group}: at least ${exact * 100}% read exactly, field accuracy at least ${fields}`, () => {
    const g = report.groups[group];
    assert.ok(g && g.filings > 0, `${group} has filings`);
    assert.ok(g.exact / g.filings >= exact, `${g.exact}/${g.filings} exact`);
    assert.ok(g.fieldsRight / g.fields >= fields, `field accuracy ${(g.fieldsRight / g.fields).toFixed(4)}`);
  });
}

test('varied generator: no error diagnostic on a clean filing', () => {
  const g = report.groups.all!;
  assert.equal(g.falseErrors, 0);
  assert.equal(report.groups['class:mixed-document']!.falseErrors, 0);
});

test('varied generator: a code column on a Form 3 raises code-on-form3 every time', () => {
  const g = report.groups['class:form3-code-column']!;
  assert.ok(g.expected > 0);
  assert.equal(g.expectedHit, g.expected);
});

test('one-defect filings: every defect is found (recall 1 on this seed, at least 0.95 overall)', () => {
  let n = 0;
  let hit = 0;
  for (const [defect, g] of Object.entries(report.defects)) {
    n += g.filings;
    hit += g.hit;
    assert.ok(g.hit / g.filings >= 0.75, `${defect}: ${g.hit}/${g.filings}`);
  }
  assert.ok(n >= 60 && hit / n >= 0.95, `${hit}/${n}`);
});

test('ocr-rules: column rules OCR read as "|" in the gaps of aligned rows leave every record as it was', () => {
  let barred = 0;
  let exact = 0;
  const n = 24;
  for (let i = 0; i < n; i++) {
    const noise = (i % 3) as NoiseLevel;
    const c = generateVariedCase(`ocr-rules/${i}`, { layout: 'fixed-width', noise, classes: ['ocr-rules'] });
    if (/\S {2,}\| {2,}\S/.test(c.text)) barred++;
    const r = analyze(c.text, { today: new Date('2026-11-23T12:00:00Z') });
    if (r.filings.length === 1 && fieldScore(r.filings[0]!.record, c.truth, lostSet(c.layout, c.truth, c.lost)).diffs.length === 0) exact++;
  }
  // The class prints bars in most cases (a filing without rows, or without wide gaps, has none).
  assert.ok(barred >= n * 0.6, `${barred}/${n} with bars`);
  assert.ok(exact >= n - 1, `${exact}/${n} read exactly`);
});
