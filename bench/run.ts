/**
 * `npm run bench`: how fast the analysis is, reported with the machine's noise in mind
 * (medians with min and max, machine facts). Then the language server's figures (bench/server.ts).
 *
 *   throughput of full analysis on a ~10 MB multi-filing corpus (target: >= 30 MB/s)
 *   per-filing time on each seed
 */
import os from 'node:os';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '../server/src/analysis';
import { generateCase, LAYOUTS } from '../test/gen';
import { runServerBench } from './server';

const SEEDS = path.resolve(__dirname, '..', '..', 'shared', 'seeds');

function stats(xs: number[]): { median: number; min: number; max: number } {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], min: s[0], max: s[s.length - 1] };
}

function timeMs(fn: () => void): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/** ~10 MB of different filings: generated ones in every layout plus the seeds, not one text repeated. */
export function buildCorpus(targetBytes = 10 * 1024 * 1024): { text: string; filings: number } {
  const parts: string[] = [];
  let size = 0;
  let seed = 0;
  const seeds = readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readFileSync(path.join(SEEDS, f), 'utf8'));
  while (size < targetBytes) {
    const text = seed % 10 === 0 ? seeds[(seed / 10) % seeds.length] : generateCase(seed, { layout: LAYOUTS[seed % LAYOUTS.length], noise: seed % 3 === 0 ? 1 : 0 }).text;
    parts.push(text);
    size += Buffer.byteLength(text) + 2;
    seed++;
  }
  return { text: parts.join('\n\n'), filings: parts.length };
}

function machine(): string {
  const load = os.loadavg().map((l) => l.toFixed(2)).join(' ');
  return `${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), node ${process.version}, load average ${load}`;
}

async function main(): Promise<void> {
  console.log(`machine: ${machine()}`);
  const { text, filings } = buildCorpus();
  const mb = Buffer.byteLength(text) / (1024 * 1024);
  analyze(text); // warm-up: JIT, caches
  const runs = Array.from({ length: 5 }, () => timeMs(() => analyze(text)));
  const t = stats(runs);
  const mbps = (ms: number) => (mb / (ms / 1000)).toFixed(1);
  console.log(`full analysis, ${mb.toFixed(1)} MB corpus of ${filings} filings (5 runs):`);
  console.log(`  throughput median ${mbps(t.median)} MB/s (min ${mbps(t.max)}, max ${mbps(t.min)}); target >= 30 MB/s: ${Number(mbps(t.median)) >= 30 ? 'met' : 'NOT met'}`);
  console.log(`  time median ${t.median.toFixed(0)} ms (min ${t.min.toFixed(0)}, max ${t.max.toFixed(0)})`);
  console.log('per filing, each seed (200 runs):');
  for (const f of readdirSync(SEEDS).filter((f) => f.endsWith('.txt'))) {
    const seedText = readFileSync(path.join(SEEDS, f), 'utf8');
    for (let i = 0; i < 20; i++) analyze(seedText);
    const s = stats(Array.from({ length: 200 }, () => timeMs(() => analyze(seedText))));
    console.log(`  ${f}: median ${s.median.toFixed(3)} ms (min ${s.min.toFixed(3)}, max ${s.max.toFixed(3)})`);
  }
  console.log('language server:');
  await runServerBench();
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
