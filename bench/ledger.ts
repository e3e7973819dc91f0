/**
 * The ledger on a folder of 5,000 filings (generated series of owners' filings in every layout):
 * reading them (analysis and the Table I extract, what the CLI and the server's folder scan do per
 * file) and building the ledger from the extracts (what the server redoes after a file changes).
 */
import { analyze } from '../server/src/analysis';
import { buildLedger, ledgerFilings, type LedgerFiling } from '../server/src/ledger';
import { generateSeries } from '../test/gen/series';

function timeMs(fn: () => void): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

export function runLedgerBench(filings = 5000, runs = 9): void {
  const texts: { name: string; text: string }[] = [];
  for (let i = 0; texts.length < filings; i++) {
    const s = generateSeries(`bench-${i}`, { prefix: `o${i}`, joint: i % 5 === 0, breaks: i % 3 });
    for (const f of s.files) if (texts.length < filings) texts.push({ name: f.name, text: f.text });
  }
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t.text), 0);
  let extracts: LedgerFiling[] = [];
  const readMs = timeMs(() => {
    extracts = texts.flatMap((t) => ledgerFilings(t.name, analyze(t.text)));
  });
  for (let i = 0; i < 3; i++) buildLedger(extracts); // warm-up (JIT)
  const builds = Array.from({ length: runs }, () => timeMs(() => buildLedger(extracts))).sort((a, b) => a - b);
  const ledger = buildLedger(extracts);
  const breaks = ledger.groups.reduce((n, g) => n + g.breaks.length, 0);
  const pairs = ledger.groups.reduce((n, g) => n + g.shortSwing.pairs.length, 0);
  console.log(`ledger, ${texts.length} filings (${(bytes / 1024 / 1024).toFixed(1)} MB, ${ledger.groups.length} owner/issuer groups, ${breaks} breaks, ${pairs} short-swing pairs):`);
  console.log(`  read (analysis + extract, once per file): ${readMs.toFixed(0)} ms, ${(readMs / texts.length).toFixed(3)} ms a filing`);
  console.log(`  build the ledger from the extracts (after any change): median ${builds[Math.floor(builds.length / 2)]!.toFixed(1)} ms (min ${builds[0]!.toFixed(1)}, max ${builds[builds.length - 1]!.toFixed(1)}), ${runs} runs after 3 warm-up runs`);
}

