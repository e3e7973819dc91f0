/**
 * Writes sample synthetic cases to fixtures/synthetic/ so people can look at them:
 * three per layout (two clean, one with level-1 noise), each as NAME.txt + NAME.expected.json,
 * and an index.json with seed, layout, noise and lost values per case.
 *
 *   node --import tsx test/gen/write-fixtures.ts [outDir]
 */

import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LAYOUTS, generateCase } from './index';
import type { NoiseLevel } from './noise';
import type { FormType } from '../../server/src/analysis/types';

const outDir = resolve(process.argv[2] ?? join(__dirname, '..', '..', 'fixtures', 'synthetic'));
mkdirSync(outDir, { recursive: true });
for (const f of readdirSync(outDir)) if (/\.(txt|json)$/.test(f)) rmSync(join(outDir, f));

const index: { name: string; seed: string; layout: string; formType: string | null; noise: number; lost: string[] }[] = [];
LAYOUTS.forEach((layout, li) => {
  // Per layout: a Form 4, a Form 3 or 5, and an amendment (noisy); over all layouts every type.
  const forms: FormType[] = ['4', li % 2 ? '5' : '3', (['4/A', '3/A', '5/A'] as const)[li % 3]!];
  for (let i = 0; i < 3; i++) {
    const noise: NoiseLevel = i === 2 ? 1 : 0;
    const formType = forms[i]!;
    const seed = `fixture/${layout}/${i}`;
    const c = generateCase(seed, { layout, noise, formType, requireRows: true });
    const name = `${layout}-${i + 1}-form${formType.replace('/', '')}${noise ? '-noise1' : ''}`;
    writeFileSync(join(outDir, `${name}.txt`), c.text);
    writeFileSync(join(outDir, `${name}.expected.json`), `${JSON.stringify(c.truth, null, 2)}\n`);
    index.push({ name, seed, layout, formType: c.truth.formType, noise, lost: c.lost });
  }
});
writeFileSync(join(outDir, 'index.json'), `${JSON.stringify(index, null, 2)}\n`);
console.log(`wrote ${index.length} cases to ${outDir}`);
