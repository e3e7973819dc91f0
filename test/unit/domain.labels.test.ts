import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LabelKey } from '../../server/src/analysis/types';
import { LABEL_INFO, LABEL_PATTERNS, labelInfoFor } from '../../server/src/analysis/domain/labels';

// Every LabelKey of types.ts, spelled out: the Record type makes a missing key a compile error,
// this list makes a stray extra key a test failure.
const ALL_KEYS: LabelKey[] = [
  'box.reportingPerson', 'box.issuer', 'box.periodOfReport', 'box.amendment', 'box.relationship',
  'box.jointFiling', 'box.exit', 'box.tenb5One', 'table1', 'table2', 'col.securityTitle',
  'col.transactionDate', 'col.deemedExecutionDate', 'col.transactionCode', 'col.amount',
  'col.sharesOwnedFollowing', 'col.directOrIndirect', 'col.natureOfOwnership',
  'col.conversionOrExercisePrice', 'col.derivativeAmount', 'col.exerciseExpiration', 'col.underlying',
  'col.derivativePrice', 'col.derivativeOwnedFollowing', 'explanation', 'remarks', 'signature',
];

const fold = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

test('every LabelKey has info and at least one printed pattern', () => {
  assert.deepEqual(Object.keys(LABEL_INFO).sort(), [...ALL_KEYS].sort());
  assert.deepEqual(Object.keys(LABEL_PATTERNS).sort(), [...ALL_KEYS].sort());
  for (const key of ALL_KEYS) {
    for (const form of [null, '3', '3/A', '4', '4/A', '5', '5/A']) {
      const info = labelInfoFor(key, form);
      assert.ok(info.title.length > 3, `${key} ${form} title`);
      assert.ok(info.description.length > 30, `${key} ${form} description`);
    }
    assert.ok(LABEL_PATTERNS[key].length > 0, key);
  }
});

test('instructions are cited the way the form prints them', () => {
  assert.equal(LABEL_INFO['col.transactionCode'].instruction, '(Instr. 8)');
  assert.equal(LABEL_INFO['col.securityTitle'].instruction, '(Instr. 3)');
  assert.equal(labelInfoFor('col.securityTitle', '3').instruction, '(Instr. 4)');
  assert.equal(labelInfoFor('col.directOrIndirect', '3').instruction, '(Instr. 5)');
  assert.equal(LABEL_INFO['box.exit'].instruction, 'Instruction 1(b)');
  assert.equal(LABEL_INFO['box.tenb5One'].instruction, 'Instruction 10');
});

test('descriptions name the XML element', () => {
  assert.match(LABEL_INFO['box.periodOfReport'].description, /periodOfReport/);
  assert.match(LABEL_INFO['col.transactionCode'].description, /transactionCode/);
  assert.equal(LABEL_INFO['box.amendment'].xml, 'dateOfOriginalSubmission');
});

test('Form 3 box numbers and wording', () => {
  assert.match(labelInfoFor('box.periodOfReport', '3').title, /^Box 2\. Date of Event Requiring Statement/);
  assert.match(labelInfoFor('box.issuer', '3').title, /^Box 3\./);
  assert.match(labelInfoFor('box.relationship', '3').title, /^Box 4\./);
  assert.match(labelInfoFor('box.amendment', '3/A').title, /^Box 5\./);
  assert.match(labelInfoFor('col.sharesOwnedFollowing', '3').title, /^Column 2\. Amount of Securities Beneficially Owned/);
  assert.match(labelInfoFor('col.transactionCode', '3').description, /Form 3 has no such column/);
  assert.match(labelInfoFor('box.exit', '3').description, /Form 3 has no/);
});

test('Form 4 wording is the default', () => {
  assert.match(labelInfoFor('box.periodOfReport', '4').title, /^Box 3\. Date of Earliest Transaction/);
  assert.deepEqual(labelInfoFor('box.issuer', null), LABEL_INFO['box.issuer']);
  assert.deepEqual(labelInfoFor('box.issuer', 'Form 4'), LABEL_INFO['box.issuer']);
});

test('Form 5: fiscal year end box and end-of-year holdings', () => {
  assert.match(labelInfoFor('box.periodOfReport', '5').title, /Fiscal Year Ended/);
  assert.match(labelInfoFor('col.sharesOwnedFollowing', '5/A').title, /end of Issuer's Fiscal Year/);
  assert.match(labelInfoFor('col.transactionCode', '5').description, /no V sub-column/);
});

test('within a key, no pattern is a prefix of a later one (first match is the longest)', () => {
  for (const key of ALL_KEYS) {
    const pats = LABEL_PATTERNS[key].map(fold);
    for (let i = 0; i < pats.length; i++) {
      for (let j = i + 1; j < pats.length; j++) {
        assert.ok(!pats[j]!.startsWith(pats[i]!) || pats[j] === pats[i], `${key}: "${pats[i]}" shadows "${pats[j]}"`);
      }
    }
  }
});

function foundKeys(text: string): Set<LabelKey> {
  const hay = fold(text);
  const keys = new Set<LabelKey>();
  for (const key of ALL_KEYS) if (LABEL_PATTERNS[key].some((p) => hay.includes(fold(p)))) keys.add(key);
  return keys;
}

test('the patterns find the labels in a real rendered Form 4 and Form 3', () => {
  const root = join(__dirname, '..', '..');
  const form4 = readFileSync(join(root, 'fixtures/real/374WaterForm4.lynx.txt'), 'utf8');
  const keys4 = foundKeys(form4);
  for (const key of ALL_KEYS) {
    if (key === 'remarks') continue; // this filing has no remarks
    assert.ok(keys4.has(key), `Form 4: ${key}`);
  }
  const form3 = readFileSync(join(root, '..', 'shared/seeds/003_80bceb74459482a7.txt'), 'utf8');
  const keys3 = foundKeys(form3);
  for (const key of [
    'box.reportingPerson', 'box.periodOfReport', 'box.issuer', 'box.relationship', 'box.amendment',
    'box.jointFiling', 'table1', 'table2', 'col.securityTitle', 'col.sharesOwnedFollowing',
    'col.directOrIndirect', 'col.natureOfOwnership', 'col.exerciseExpiration', 'col.underlying',
    'col.conversionOrExercisePrice', 'explanation', 'signature',
  ] as LabelKey[]) {
    assert.ok(keys3.has(key), `Form 3: ${key}`);
  }
});
