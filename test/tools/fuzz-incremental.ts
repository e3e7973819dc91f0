/**
 * The long run of the incremental-analysis property test (`npm run fuzz`): random edit scripts on
 * a large multi-filing document (real filings and generated ones in every layout), compared with
 * a fresh open after checked steps; a failure is shrunk and printed, and the exit status is 1.
 *
 *   npm run fuzz -- [--edits 10000] [--size 1000000] [--steps 500] [--check-every 4] [--seed fuzz]
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { generateCase } from '../gen';
import { property } from '../support/incremental-model';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

const edits = Number(option('edits', '10000'));
const size = Number(option('size', String(1_000_000)));
const steps = Number(option('steps', '500'));
const checkEvery = Number(option('check-every', '4'));
const seed = option('seed', 'fuzz');
if (![edits, size, steps, checkEvery].every((n) => Number.isFinite(n) && n > 0)) {
  console.error('usage: npm run fuzz -- [--edits N] [--size BYTES] [--steps N] [--check-every N] [--seed S]');
  process.exit(2);
}

const seedsDir = path.resolve(__dirname, '..', '..', '..', 'shared', 'seeds');
const seeds = readdirSync(seedsDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(path.join(seedsDir, f), 'utf8'));
const filings = [...seeds, ...Array.from({ length: 40 }, (_, i) => generateCase(`fuzz-${seed}-${i}`, { noise: (i % 3) as 0 | 1 | 2 }).text)];
const parts: string[] = [];
for (let i = 0, n = 0; n < size; i++) {
  const f = filings[i % filings.length]!;
  parts.push(f);
  n += f.length + 1;
}
const initial = parts.join('\n');

async function main(): Promise<void> {
  const started = Date.now();
  // Scripts of `steps` notifications (1-3 changes each) until exactly `edits` changes were made.
  console.log(`document: ${initial.length} characters, ${parts.length} filings; ${edits} changes in scripts of ${steps} notifications, checked about every ${checkEvery} and at each script's end`);
  const done = await property({ name: 'fuzz', initial, filings, seed, scripts: 1, steps, checkEvery, changes: edits, log: (m) => console.log(`${m} (${((Date.now() - started) / 1000).toFixed(0)} s)`) });
  console.log(`${done} changes, no difference from a fresh open (${((Date.now() - started) / 1000).toFixed(0)} s)`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
