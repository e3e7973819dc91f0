/**
 * `npm run accuracy`: how well form345 reads every corpus it has, in one table.
 *
 *   node --import tsx test/tools/accuracy.ts [--json] [--gen N] [--only CORPUS[,CORPUS]]
 *
 * Corpora: the seeds (../shared/seeds, when present), the real EDGAR filings through every HTML
 * converter (fixtures/real), the rendered XML-only filings (fixtures/rendered), the tools' default
 * settings (fixtures/defaults), the printed PDFs through pdftotext and OCR (fixtures/pdf), the held-out
 * PDFs nobody tunes on (fixtures/pdf-holdout), the synthetic fixtures, and the generator (test/gen) on
 * a tuning seed and on a held-out seed, per layout and noise level.
 *
 * Per group (corpus and route, or layout and noise): field accuracy (leaves of the records equal to
 * the truth's, a value the route destroyed excluded as the fixture tests exclude it: a lost value read
 * as null counts as right), filings read exactly, filings found vs expected, error diagnostics on clean
 * filings (a real filing that EDGAR accepted, a generated filing without noise: every error there is
 * false), and warnings per filing.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { analyze, type AnalysisResult } from '../../server/src/analysis';
import { generateCorpus, generateVariedCase, HOLDOUT_SEED_BASE, LAYOUTS, type NoiseLevel } from '../gen/index';
import { lostOf, TODAY } from '../support/fixtures';

const ROOT = path.resolve(__dirname, '..', '..');
const FIX = path.join(ROOT, 'fixtures');
const SEEDS = path.resolve(ROOT, '..', 'shared', 'seeds');

// ---------------------------------------------------------------------------------------------
// Scoring one document (pure: tested on made-up cases in test/unit/accuracy.test.ts).

/** A record's leaves by JSON pointer: scalars, and arrays of scalars (a row's footnoteIds) whole. */
export function leaves(value: unknown, at = '', out = new Map<string, string>()): Map<string, string> {
  if (value !== null && typeof value === 'object') {
    const isScalarArray = Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object');
    if (isScalarArray) {
      out.set(at, JSON.stringify(value));
      return out;
    }
    for (const [k, v] of Object.entries(value)) leaves(v, `${at}/${k}`, out);
    return out;
  }
  out.set(at, JSON.stringify(value ?? null));
  return out;
}

export interface Score {
  /** Leaves compared: the union of the truth's and the reading's. */
  fields: number;
  /** Leaves equal to the truth (or lost and read as null). */
  correct: number;
  /** Filings in the truth. */
  filings: number;
  /** Truth filings read exactly (every leaf right). */
  exact: number;
  /** Filings the reader found. */
  found: number;
}

/**
 * Compares the records read from one document with its truth records, filing by filing in order. A
 * truth filing not found counts all its leaves wrong; a filing found beyond the truth counts its
 * leaves wrong too (a page read as a filing of its own is a mistake the user sees).
 */
export function scoreDocument(got: readonly unknown[], truth: readonly unknown[], lost: readonly (readonly string[])[] = []): Score {
  const score: Score = { fields: 0, correct: 0, filings: truth.length, exact: 0, found: got.length };
  for (let i = 0; i < Math.max(got.length, truth.length); i++) {
    const g = i < got.length ? leaves(got[i]) : new Map<string, string>();
    const t = i < truth.length ? leaves(truth[i]) : new Map<string, string>();
    const lostHere = new Set(lost[i] ?? []);
    let wrong = 0;
    for (const key of new Set([...g.keys(), ...t.keys()])) {
      score.fields++;
      const want = t.get(key);
      const have = g.get(key);
      const ok = have === want || (isLost(key, lostHere) && (have === 'null' || have === undefined));
      if (ok) score.correct++;
      else wrong++;
    }
    if (i < truth.length && i < got.length && wrong === 0) score.exact++;
  }
  return score;
}

/** A leaf lies under a lost pointer (a lost object or array loses everything in it). */
function isLost(key: string, lost: ReadonlySet<string>): boolean {
  if (lost.has(key)) return true;
  for (let i = key.lastIndexOf('/'); i > 0; i = key.lastIndexOf('/', i - 1)) if (lost.has(key.slice(0, i))) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------
// Groups and the table.

export interface Group extends Score {
  corpus: string;
  /** Route, tool or layout. */
  route: string;
  /** Noise level for generated filings; '' otherwise. */
  noise: string;
  documents: number;
  /** Documents whose filings are clean (every error diagnostic on them is false). */
  cleanFilings: number;
  falseErrors: number;
  warnings: number;
  /** Error codes on clean filings and how often each fired. */
  errorCodes: Record<string, number>;
}

export interface Doc {
  corpus: string;
  route: string;
  noise?: string;
  text: string;
  truth: unknown[];
  lost?: string[][];
  clean: boolean;
  /** The fixture file the text was read from (folder corpora). */
  file?: string;
}

export function newGroup(corpus: string, route: string, noise = ''): Group {
  return { corpus, route, noise, documents: 0, fields: 0, correct: 0, filings: 0, exact: 0, found: 0, cleanFilings: 0, falseErrors: 0, warnings: 0, errorCodes: {} };
}

/** Adds one document's reading (its analysis result) to its group. */
export function addDocument(group: Group, doc: Doc, result: Pick<AnalysisResult, 'filings' | 'findings'>): void {
  const s = scoreDocument(result.filings.map((f) => f.record), doc.truth, doc.lost);
  group.documents++;
  group.fields += s.fields;
  group.correct += s.correct;
  group.filings += s.filings;
  group.exact += s.exact;
  group.found += s.found;
  for (const f of result.findings) if (f.severity === 'warning') group.warnings++;
  if (doc.clean) {
    group.cleanFilings += doc.truth.length;
    for (const f of result.findings) {
      if (f.severity !== 'error') continue;
      group.falseErrors++;
      group.errorCodes[f.code] = (group.errorCodes[f.code] ?? 0) + 1;
    }
  }
}

export function accuracyOf(g: Score): number {
  return g.fields === 0 ? 1 : g.correct / g.fields;
}

function groupKey(doc: Doc): string {
  return `${doc.corpus}\u0000${doc.route}\u0000${doc.noise ?? ''}`;
}

/** Reads every document and sums the scores per corpus, route and noise. */
export function measure(docs: Iterable<Doc>): Group[] {
  const groups = new Map<string, Group>();
  for (const doc of docs) {
    const key = groupKey(doc);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = newGroup(doc.corpus, doc.route, doc.noise ?? '')));
    let result: AnalysisResult;
    try {
      result = analyze(doc.text, { today: TODAY });
    } catch (e) {
      // A crash is a reading of nothing (and a bug the fuzz tests should catch): scored, not fatal.
      process.stderr.write(`analysis threw on a ${doc.corpus}/${doc.route} document: ${String(e)}\n`);
      result = { filings: [], findings: [] };
    }
    addDocument(g, doc, result);
  }
  return [...groups.values()];
}

/** One line per group, then a total per corpus. */
export function table(groups: readonly Group[]): string {
  const head = ['corpus', 'route', 'noise', 'docs', 'filings', 'found', 'field acc', 'exact', 'false err', 'warn/filing', 'false error codes'];
  const rows: string[][] = [head];
  const corpora = [...new Set(groups.map((g) => g.corpus))];
  const fmt = (g: Group, route: string, noise: string): string[] => [
    g.corpus, route, noise, String(g.documents), String(g.filings), String(g.found), accuracyOf(g).toFixed(4),
    `${g.exact}/${g.filings} ${g.filings ? ((100 * g.exact) / g.filings).toFixed(0) : '-'}%`,
    g.cleanFilings ? String(g.falseErrors) : '-',
    g.filings ? (g.warnings / g.filings).toFixed(2) : '-',
    Object.entries(g.errorCodes).sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c} ${n}`).join(', '),
  ];
  for (const corpus of corpora) {
    const mine = groups.filter((g) => g.corpus === corpus);
    for (const g of mine) rows.push(fmt(g, g.route, g.noise));
    if (mine.length > 1) rows.push(fmt(sum(corpus, mine), 'all', ''));
  }
  const widths = head.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd()).join('\n');
}

export function sum(corpus: string, groups: readonly Group[]): Group {
  const total = newGroup(corpus, 'all');
  for (const g of groups) {
    for (const k of ['documents', 'fields', 'correct', 'filings', 'exact', 'found', 'cleanFilings', 'falseErrors', 'warnings'] as const) total[k] += g[k];
    for (const [c, n] of Object.entries(g.errorCodes)) total.errorCodes[c] = (total.errorCodes[c] ?? 0) + n;
  }
  return total;
}

// ---------------------------------------------------------------------------------------------
// The corpora.

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`${path.relative(ROOT, file)}: ${(e as Error).message}`);
  }
}

/** The truth records of `<stem>.expected.json` (one filing) or `.expected.jsonl` (several). */
function truthOf(dir: string, stem: string): unknown[] | null {
  const one = path.join(dir, `${stem}.expected.json`);
  if (existsSync(one)) return [readJson(one)];
  const many = path.join(dir, `${stem}.expected.jsonl`);
  if (existsSync(many)) return readFileSync(many, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as unknown);
  return null;
}

/** Conversions `<stem>.<route>.txt` of a fixture folder (TOOLS.txt and README excluded). */
function conversions(dir: string): { stem: string; route: string; file: string }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt') && f !== 'TOOLS.txt')
    .sort()
    .map((f) => {
      const parts = f.split('.');
      return { stem: parts.slice(0, -2).join('.'), route: parts[parts.length - 2]!, file: path.join(dir, f) };
    });
}

/** Lost lists of several files merged filing by filing. */
function mergeLost(...lists: string[][][]): string[][] {
  const out: string[][] = [];
  for (const list of lists) list.forEach((l, i) => (out[i] = [...(out[i] ?? []), ...l]));
  return out;
}

function* seedDocs(): Generator<Doc> {
  const dir = path.join(SEEDS, 'expected');
  if (!existsSync(dir)) return;
  for (const f of readdirSync(SEEDS).filter((x) => x.endsWith('.txt')).sort()) {
    const truthFile = path.join(dir, f.replace(/\.txt$/, '.json'));
    if (!existsSync(truthFile)) continue;
    // The seeds are real OCR and converter output with real damage: not clean.
    yield { corpus: 'seeds', route: f.slice(0, 3), text: readFileSync(path.join(SEEDS, f), 'utf8'), truth: [readJson(truthFile)], clean: false };
  }
}

function* folderDocs(corpus: string, dir: string, clean: boolean, extraLost?: (stem: string, route: string) => string[][]): Generator<Doc> {
  for (const { stem, route, file } of conversions(dir)) {
    const truth = truthOf(dir, stem) ?? truthElsewhere(stem);
    if (!truth) continue;
    // `<stem>.lost.json` (what the printed page never shows, whatever reads it) applies to every route.
    const lost = mergeLost(lostOf(file), lostOf(path.join(dir, `${stem}.txt`)), extraLost?.(stem, route) ?? []);
    yield { corpus, route, text: readFileSync(file, 'utf8'), truth, lost, clean, file };
  }
}

/** fixtures/defaults keeps no truth of its own: it is the real or rendered filing's. */
function truthElsewhere(stem: string): unknown[] | null {
  return truthOf(path.join(FIX, 'real'), stem) ?? truthOf(path.join(FIX, 'rendered'), stem);
}

/** The full-width conversion whose lost list applies to a default-settings conversion too. */
const DEFAULT_FAMILY: Record<string, string> = { w3m80: 'w3m', lynx80: 'lynx', 'pandoc-plain72': 'pandoc-plain', gfm: 'pandoc-plain', h2md: 'w3m', links: 'w3m', elinks: 'w3m', w3m60: 'w3m', lynx60: 'lynx', html2text60: 'html2text', 'pandoc-plain60': 'pandoc-plain', 'pandoc-md120': 'pandoc-md' };

function defaultsLost(stem: string, route: string): string[][] {
  const dir = existsSync(path.join(FIX, 'real', `${stem}.expected.json`)) ? path.join(FIX, 'real') : path.join(FIX, 'rendered');
  const family = DEFAULT_FAMILY[route];
  return family ? lostOf(path.join(dir, `${stem}.${family}.txt`)) : [];
}

/** Flattened rows (the linear layout, lynx-like) lose which Table II sub-column, (A) or (D), held the amount. */
export function layoutLost(layout: string, truth: unknown): string[] {
  if (layout !== 'linear') return [];
  const derivative = (truth as { derivative?: unknown[] }).derivative ?? [];
  return derivative.map((_, k) => `/derivative/${k}/acquiredDisposed`);
}

function* syntheticDocs(): Generator<Doc> {
  const dir = path.join(FIX, 'synthetic');
  const index = path.join(dir, 'index.json');
  if (!existsSync(index)) return;
  for (const c of readJson(index) as { name: string; layout: string; noise: number; lost: string[] }[]) {
    const truth = truthOf(dir, c.name);
    if (!truth) continue;
    const lost = [[...c.lost, ...layoutLost(c.layout, truth[0])]];
    yield { corpus: 'synthetic', route: c.layout, noise: String(c.noise), text: readFileSync(path.join(dir, `${c.name}.txt`), 'utf8'), truth, lost, clean: c.noise === 0 };
  }
}

/** Generated filings: every layout at every noise level; `n` per noise level. */
function* generatedDocs(corpus: string, seed: string, n: number): Generator<Doc> {
  for (const noise of [0, 1, 2, 3] as NoiseLevel[]) {
    for (const c of generateCorpus(n, `${seed}/noise${noise}`, { noise })) {
      const lost = [[...c.lost, ...layoutLost(c.layout, c.truth)]];
      yield { corpus, route: c.layout, noise: String(noise), text: c.text, truth: [c.truth], lost, clean: noise === 0 };
    }
  }
}

/**
 * The varied generator (test/gen/variants.ts: owners only in the owners table, signature captions
 * first, OCR damage in labels, a code column on a Form 3, ...), grouped by layout and noise; the
 * per-class figures are `npm run gen-report`'s. A case whose text must raise a rule is not clean.
 */
function* variedDocs(corpus: string, seed: string, n: number): Generator<Doc> {
  for (const noise of [0, 1, 2] as NoiseLevel[]) {
    for (let i = 0; i < n; i++) {
      const c = generateVariedCase(`${seed}/${noise}/${i}`, { noise, layout: LAYOUTS[i % LAYOUTS.length] });
      const lost = [[...c.lost, ...layoutLost(c.layout, c.truth)]];
      yield { corpus, route: c.layout, noise: String(noise), text: c.text, truth: [c.truth], lost, clean: noise === 0 && c.expect.length === 0 };
    }
  }
}

export const CORPORA = ['seeds', 'real', 'rendered', 'defaults', 'pdf', 'pdf-holdout', 'synthetic', 'gen', 'gen-holdout', 'varied', 'varied-holdout'] as const;

/** Seeds of the generator: one to tune on, one nobody looks at while tuning. */
export const GEN_SEED = 'accuracy-tune';
export const GEN_HOLDOUT_SEED = 'accuracy-holdout-7f3c';

export function* corpus(name: (typeof CORPORA)[number], genCount: number): Generator<Doc> {
  switch (name) {
    case 'seeds': yield* seedDocs(); break;
    case 'real': yield* folderDocs('real', path.join(FIX, 'real'), true); break;
    case 'rendered': yield* folderDocs('rendered', path.join(FIX, 'rendered'), true); break;
    case 'defaults': yield* folderDocs('defaults', path.join(FIX, 'defaults'), true, defaultsLost); break;
    case 'pdf': yield* folderDocs('pdf', path.join(FIX, 'pdf'), true); break;
    case 'pdf-holdout': yield* folderDocs('pdf-holdout', path.join(FIX, 'pdf-holdout'), true); break;
    case 'synthetic': yield* syntheticDocs(); break;
    case 'gen': yield* generatedDocs('gen', GEN_SEED, genCount); break;
    case 'gen-holdout': yield* generatedDocs('gen-holdout', GEN_HOLDOUT_SEED, genCount); break;
    case 'varied': yield* variedDocs('varied', 'tune', genCount); break;
    case 'varied-holdout': yield* variedDocs('varied-holdout', String(HOLDOUT_SEED_BASE), genCount); break;
  }
}

function main(argv: string[]): void {
  const json = argv.includes('--json');
  const genAt = argv.indexOf('--gen');
  const genCount = genAt >= 0 ? Number(argv[genAt + 1]) : 140;
  const onlyAt = argv.indexOf('--only');
  const only = onlyAt >= 0 ? argv[onlyAt + 1]!.split(',') : [...CORPORA];
  const unknown = only.filter((c) => !(CORPORA as readonly string[]).includes(c));
  if (!Number.isInteger(genCount) || genCount < 0 || unknown.length) {
    process.stderr.write(`usage: accuracy [--json] [--gen N] [--only ${CORPORA.join(',')}]${unknown.length ? `\nunknown corpus: ${unknown.join(', ')}` : ''}\n`);
    process.exit(2);
  }
  const groups: Group[] = [];
  for (const name of only) groups.push(...measure(corpus(name as (typeof CORPORA)[number], genCount)));
  if (json) {
    process.stdout.write(JSON.stringify(groups.map((g) => ({ ...g, fieldAccuracy: accuracyOf(g) })), null, 1) + '\n');
  } else {
    process.stdout.write(table(groups) + '\n');
    process.stdout.write(`\nGenerated: ${genCount} filings per noise level per seed, layouts ${LAYOUTS.join(', ')}; seeds "${GEN_SEED}" (tuning) and "${GEN_HOLDOUT_SEED}" (held out).\n`);
  }
}

if (require.main === module) main(process.argv.slice(2));
