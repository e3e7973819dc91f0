/**
 * One generated case, its text and where the reader differs from its truth (for tuning, never for a
 * holdout seed).
 *
 *   node --import tsx test/tools/gen-case.ts SEED NOISE LAYOUT [--plain] [--text]
 *
 * SEED is the case seed gen-report prints (e.g. `tune/3/17`); `--plain` for the plain generator.
 */
import { analyze } from '../../server/src/analysis';
import { FORM_TYPES, LAYOUTS, generateCase, generateVariedCase, type Layout, type NoiseLevel } from '../gen';
import { fieldScore, lostSet } from './gen-report';

const [seed, noiseArg, layoutArg] = process.argv.slice(2);
if (!seed || !noiseArg || !layoutArg) {
  console.error('usage: gen-case.ts SEED NOISE LAYOUT [--plain] [--text]');
  process.exit(2);
}
const noise = +noiseArg as NoiseLevel;
const layout = layoutArg as Layout;
const i = +(seed.split('/').pop() ?? 0);
const c = process.argv.includes('--plain')
  ? generateCase(seed, { noise, layout, formType: FORM_TYPES[Math.floor(i / LAYOUTS.length) % FORM_TYPES.length]! })
  : generateVariedCase(seed, { noise, layout });
if (process.argv.includes('--text')) console.log(c.text);
const r = analyze(c.text, { today: new Date('2026-11-23T12:00:00Z') });
const s = fieldScore(r.filings[0]?.record, c.truth, lostSet(c.layout, c.truth, c.lost));
console.log(`--- ${r.filings.length} filings; ${s.right}/${s.total}`);
for (const d of s.diffs) console.log(d);
for (const f of r.findings) console.log(`${f.severity} ${f.code} L${f.range?.start.line ?? '?'}: ${f.message}`);
