/**
 * The reading layer's named cases (test/unit/layout/<reader>/<quirk>.txt): each read as its
 * expected reading says, and each table case detected as the family its folder names.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listCases, readCaseFile, READER_FOLDERS, TABLE_FAMILIES } from './layout/cases';

const cases = listCases();

test('every reader of the reading layer has a folder of named cases', () => {
  const readers = new Set(cases.map((c) => c.reader));
  const modules = readdirSync(join(__dirname, '..', '..', 'server', 'src', 'analysis', 'layout')).filter((f) => f.endsWith('.ts') && f !== 'index.ts' && f !== 'types.ts');
  assert.deepEqual(modules.filter((m) => !READER_FOLDERS[m]), [], 'a reader without its folders in READER_FOLDERS');
  for (const m of modules) for (const r of READER_FOLDERS[m]) assert.ok(readers.has(r), `test/unit/layout/${r}/ has cases (${m})`);
  for (const r of readers) assert.ok(Object.values(READER_FOLDERS).some((f) => f.includes(r)), `test/unit/layout/${r}/ names no reader`);
});

for (const c of cases) {
  test(`${c.reader}/${c.name}`, () => {
    assert.ok(existsSync(c.expected), `${c.expected} missing: run node --import tsx scripts/layout-cases.ts`);
    const got = readCaseFile(c) as { family?: string };
    assert.deepEqual(got, JSON.parse(readFileSync(c.expected, 'utf8')));
    if (TABLE_FAMILIES.includes(c.reader)) assert.equal(got.family, c.reader, 'detected as its folder\'s family');
  });
}
