/**
 * Rewrites the expected readings of the reading layer's named cases
 * (test/unit/layout/<reader>/<quirk>.expected.json) from the current readers.
 * Run: node --import tsx scripts/layout-cases.ts   (then review `git diff test/unit/layout`).
 */
import { writeFileSync } from 'node:fs';
import { listCases, readCaseFile } from '../test/unit/layout/cases';

let n = 0;
for (const c of listCases()) {
  writeFileSync(c.expected, `${JSON.stringify(readCaseFile(c), null, 1)}\n`);
  n++;
}
console.log(`${n} cases written`);
