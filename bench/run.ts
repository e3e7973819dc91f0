/**
 * `npm run bench`: how fast the analysis is, reported with the machine's noise in mind
 * (medians with min and max, machine facts before and after). Then the language server's
 * figures (bench/server.ts) and an independent client's (bench/client.ts). npm runs the esbuild bundle of this file (dist/bench/bench.js), so
 * what is measured is the code as built for the CLI and the server (no loader, no helpers that
 * keep function names); `node --import tsx bench/run.ts` runs the sources.
 *
 *   throughput of full analysis on a ~10 MB corpus of the seeds with varied values (target >= 30 MB/s)
 *   throughput on a ~10 MB corpus of generated filings in every layout (layouts the seeds lack)
 *   per-filing time on each seed
 *   the holdings ledger of a folder of 5,000 filings: reading them, building the ledger
 *
 * Options: --runs N (corpus runs, default 5, at least 5 for the figures of record), --size MB
 * (corpus size, default 10), --no-server (skip the language-server figures), --server-only,
 * --client-only (only the independent client of bench/client.ts: the server over stdio),
 * --ledger-only.
 * 1 MB here is 2^20 bytes of UTF-8 text.
 */
import os from 'node:os';
import { analyze, exportFiling } from '../server/src/analysis';
import { runLedgerBench } from './ledger';
import { rssChild, runServerBench } from './server';
import { runClientBench } from './client';
import { buildGeneratedCorpus, buildSeedCorpus, loadSeeds, type Corpus } from './corpus';

const TARGET_MBPS = 30;
const MB = 1024 * 1024;

interface Stats {
  median: number;
  min: number;
  max: number;
  p95: number;
}

export function stats(xs: readonly number[]): Stats {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { median: s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2, min: s[0]!, max: s[s.length - 1]!, p95: at(0.95) };
}

function timeMs(fn: () => void): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

function machine(): string {
  const cpus = os.cpus();
  return [
    `${os.availableParallelism?.() ?? cpus.length} cores (${cpus[0]?.model.trim() ?? 'unknown CPU'})`,
    `node ${process.version} (V8 ${process.versions.v8})`,
    `${os.platform()} ${os.release()}`,
    `memory ${(os.totalmem() / 1024 ** 3).toFixed(1)} GB (${(os.freemem() / 1024 ** 3).toFixed(1)} free)`,
  ].join(', ');
}

function load(): string {
  return os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
}

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

export interface ThroughputResult {
  mb: number;
  filings: number;
  found: number;
  runs: number;
  mbps: Stats;
  ms: Stats;
}

export function throughput(corpus: Corpus, runs: number): ThroughputResult {
  const mb = corpus.bytes / MB;
  const found = analyze(corpus.text).filings.length; // warm-up: JIT, caches; and a sanity figure
  const times = Array.from({ length: runs }, () => timeMs(() => analyze(corpus.text)));
  const ms = stats(times);
  const rates = stats(times.map((t) => mb / (t / 1000)));
  return { mb, filings: corpus.filings, found, runs, mbps: rates, ms };
}

/** `form345 normalize` against `form345 xml` on one corpus: analysis plus JSON, analysis plus XML. */
export function exportThroughput(corpus: Corpus, runs: number): { normalize: Stats; xml: Stats; ratio: number } {
  const mb = corpus.bytes / MB;
  const normalize = () => {
    let n = 0;
    for (const f of analyze(corpus.text).filings) n += JSON.stringify(f.record).length;
    return n;
  };
  const xml = () => {
    const result = analyze(corpus.text);
    let n = 0;
    for (const f of result.filings) n += exportFiling(result, f.index).xml.length;
    return n;
  };
  normalize();
  xml();
  // Interleaved, so a change of machine load hits both alike.
  const tn: number[] = [];
  const tx: number[] = [];
  for (let i = 0; i < runs; i++) {
    tn.push(timeMs(normalize));
    tx.push(timeMs(xml));
  }
  const n = stats(tn.map((t) => mb / (t / 1000)));
  const x = stats(tx.map((t) => mb / (t / 1000)));
  return { normalize: n, xml: x, ratio: x.median / n.median };
}

function printThroughput(title: string, r: ThroughputResult, target: boolean): void {
  console.log(`${title}: ${r.mb.toFixed(1)} MB, ${r.filings} filings (${r.found} found), ${r.runs} runs after a warm-up`);
  const verdict = target ? `; target >= ${TARGET_MBPS} MB/s: ${r.mbps.median >= TARGET_MBPS ? 'met' : 'NOT met'}` : '';
  console.log(`  throughput median ${r.mbps.median.toFixed(1)} MB/s (min ${r.mbps.min.toFixed(1)}, max ${r.mbps.max.toFixed(1)})${verdict}`);
  console.log(`  time median ${r.ms.median.toFixed(0)} ms (min ${r.ms.min.toFixed(0)}, max ${r.ms.max.toFixed(0)}); ${(r.ms.median / r.filings).toFixed(3)} ms per filing`);
}

async function main(): Promise<void> {
  if (process.argv.includes('--rss-child')) return rssChild();
  if (process.argv.includes('--ledger-only')) {
    runLedgerBench();
    return;
  }
  if (process.argv.includes('--server-only')) {
    await runServerBench();
    await runClientBench();
    return;
  }
  if (process.argv.includes('--client-only')) {
    await runClientBench();
    return;
  }
  const runs = Math.max(1, Math.round(option('--runs', 5)));
  const size = option('--size', 10) * MB;
  console.log(`machine: ${machine()}`);
  console.log(`load average (1, 5, 15 min) at start: ${load()}; figures on a loaded machine read low, compare medians`);
  console.log(`code measured: ${/\.ts$/.test(__filename) ? 'TypeScript sources through tsx (npm run bench measures the esbuild bundle)' : 'the esbuild bundle, built as the CLI and the server are'}`);

  printThroughput('full analysis, seeds with varied values', throughput(buildSeedCorpus(size), runs), true);
  printThroughput('full analysis, generated filings of every layout', throughput(buildGeneratedCorpus(size), runs), false);

  const exp = exportThroughput(buildSeedCorpus(size), runs);
  console.log(`EDGAR XML export, seeds with varied values (${runs} runs each, interleaved):`);
  console.log(`  normalize median ${exp.normalize.median.toFixed(1)} MB/s, xml median ${exp.xml.median.toFixed(1)} MB/s: xml at ${(exp.ratio * 100).toFixed(0)}% of normalize; target within 20%: ${exp.ratio >= 0.8 ? 'met' : 'NOT met'}`);

  const perSeedRuns = 300;
  console.log(`per filing, each seed (${perSeedRuns} runs after 30 warm-up runs):`);
  for (const seed of loadSeeds()) {
    for (let i = 0; i < 30; i++) analyze(seed.text);
    const s = stats(Array.from({ length: perSeedRuns }, () => timeMs(() => analyze(seed.text))));
    const kb = Buffer.byteLength(seed.text) / 1024;
    console.log(`  ${seed.name} (${kb.toFixed(1)} KB): median ${s.median.toFixed(3)} ms (min ${s.min.toFixed(3)}, p95 ${s.p95.toFixed(3)}, max ${s.max.toFixed(3)}), ${(kb / 1024 / (s.median / 1000)).toFixed(1)} MB/s`);
  }
  runLedgerBench();
  console.log(`load average at end: ${load()}`);

  if (!process.argv.includes('--no-server')) {
    console.log('language server:');
    await runServerBench();
    await runClientBench();
  }
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
