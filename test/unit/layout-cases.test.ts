/**
 * The reading layer's named cases (test/unit/layout/<reader>/<quirk>.txt): each read as its
 * expected reading says, and each table case detected as the family its folder names.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { listCases, readCaseFile, TABLE_FAMILIES } from './layout/cases';

const cases = listCases();

test('every reader family has a folder of named cases', () => {
  const readers = new Set(cases.map((c) => c.reader));
  for (const r of [...TABLE_FAMILIES, 'cut-grid', 'markup']) assert.ok(readers.has(r), `test/unit/layout/${r}/ has cases`);
});

for (const c of cases) {
  test(`${c.reader}/${c.name}`, () => {
    assert.ok(existsSync(c.expected), `${c.expected} missing: run node --import tsx scripts/layout-cases.ts`);
    const got = readCaseFile(c) as { family?: string };
    assert.deepEqual(got, JSON.parse(readFileSync(c.expected, 'utf8')));
    if (TABLE_FAMILIES.includes(c.reader)) assert.equal(got.family, c.reader, 'detected as its folder\'s family');
  });
}
