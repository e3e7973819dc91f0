/**
 * Which fields the reader gets wrong on generated filings, worst first:
 *
 *   node --import tsx test/tools/gen-field-errors.ts [--seed S] [--noise N] [--layout L] [--count N]
 *                                                     [--show K] [--case SEED]
 *
 * Generates the accuracy table's corpus (test/tools/accuracy.ts: `generateCorpus(count,
 * "<seed>/noise<N>")`, default seed its tuning seed, noise 3, 140 cases), reads every case, and
 * counts wrong leaves by path with indices folded (`/derivative/*\/shares`), lost values excused as
 * the table excuses them. Each example names the case (its seed and layout), the wanted and read
 * values, and the text line where the wanted value is printed (or, when it is not printed, the
 * line holding the read value), so a miss can be traced to what the reader saw.
 * `--case SEED` (or just its index) prints that one case's text and differences.
 */
import { analyze } from '../../server/src/analysis';
import { generateCorpus, LAYOUTS, type Layout, type NoiseLevel } from '../gen/index';
import { amount, mdy, priceDigits } from '../gen/format';
import { GEN_SEED, layoutLost, leaves } from './accuracy';
import { TODAY } from '../support/fixtures';

function arg(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

const seed = arg('seed') ?? GEN_SEED;
const noise = Number(arg('noise') ?? 3) as NoiseLevel;
const count = Number(arg('count') ?? 140);
const show = Number(arg('show') ?? 3);
const layout = arg('layout') as Layout | undefined;
const oneCase = arg('case');
if (![0, 1, 2, 3].includes(noise) || !Number.isInteger(count) || count < 1 || (layout && !LAYOUTS.includes(layout))) {
  process.stderr.write(`usage: gen-field-errors [--seed S] [--noise 0-3] [--layout ${LAYOUTS.join('|')}] [--count N] [--show K] [--case SEED]\n`);
  process.exit(2);
}

/** The ways a leaf's value may be printed: as written, a date as m/d/y, a number with commas or cents. */
function printed(json: string | undefined): string[] {
  if (json === undefined || json === 'null' || json === 'true' || json === 'false') return [];
  const v = JSON.parse(json) as unknown;
  if (typeof v === 'number') return [...new Set([priceDigits(v, true), amount(v), String(v)])];
  if (typeof v === 'string') return /^\d{4}-\d{2}-\d{2}$/.test(v) ? [mdy(v), v] : v.length >= 1 ? [v] : [];
  return [];
}

/** The first line of `text` holding one of the printed forms, trimmed, with its 1-based number. */
function lineOf(text: string, forms: readonly string[]): string | undefined {
  const lines = text.split(/\r?\n/);
  for (const form of forms) {
    // A one-character value ("D", "P") would match everywhere: look for it as a word only.
    const re = new RegExp(`(^|[^A-Za-z0-9])${form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^A-Za-z0-9])`);
    const i = lines.findIndex((l) => re.test(l));
    if (i >= 0) return `${i + 1}: ${lines[i]!.trim().slice(0, 160)}`;
  }
  return undefined;
}

interface Wrong { key: string; want?: string; have?: string }

function wrongLeaves(got: unknown, truth: unknown, lost: ReadonlySet<string>): Wrong[] {
  const g = got === undefined ? new Map<string, string>() : leaves(got);
  const t = leaves(truth);
  const out: Wrong[] = [];
  for (const key of new Set([...g.keys(), ...t.keys()])) {
    const want = t.get(key);
    const have = g.get(key);
    if (have === want) continue;
    const isLost = [...lost].some((l) => key === l || key.startsWith(`${l}/`));
    if (isLost && (have === 'null' || have === undefined)) continue;
    out.push({ key, want, have });
  }
  return out;
}

if (oneCase) {
  // The case as the corpus makes it (its layout and form type follow from its index).
  const c = generateCorpus(count, `${seed}/noise${noise}`, { noise }).find((x) => x.seed === oneCase || String(x.seed).endsWith(`/${oneCase}`));
  if (!c) {
    process.stderr.write(`no case ${oneCase} among the first ${count} of seed ${seed}, noise ${noise}\n`);
    process.exit(2);
  }
  process.stdout.write(`${c.text}\n---- ${c.layout}, noise ${c.noise}, lost ${c.lost.join(' ') || '-'}\n`);
  const got = analyze(c.text, { today: TODAY }).filings.map((f) => f.record);
  const lost = new Set([...c.lost, ...layoutLost(c.layout, c.truth)]);
  for (const w of wrongLeaves(got[0], c.truth, lost)) process.stdout.write(`${w.key}: want ${w.want} got ${w.have}\n`);
  if (got.length !== 1) process.stdout.write(`filings read: ${got.length}\n`);
  process.exit(0);
}

const counts = new Map<string, { n: number; cases: Set<string>; examples: string[] }>();
let total = 0;
let wrongTotal = 0;
let exact = 0;
let cases = 0;
for (const c of generateCorpus(count, `${seed}/noise${noise}`, { noise })) {
  if (layout && c.layout !== layout) continue;
  cases++;
  const got = analyze(c.text, { today: TODAY }).filings.map((f) => f.record);
  const lost = new Set([...c.lost, ...layoutLost(c.layout, c.truth)]);
  const wrong = wrongLeaves(got[0], c.truth, lost);
  // A filing read beyond the first is wrong whole, as in the accuracy table.
  for (const extra of got.slice(1)) for (const key of leaves(extra).keys()) wrong.push({ key: `[extra filing]${key}`, have: 'read' });
  total += new Set([...leaves(c.truth).keys(), ...(got[0] ? leaves(got[0]).keys() : [])]).size;
  wrongTotal += wrong.length;
  if (wrong.length === 0) exact++;
  for (const w of wrong) {
    const folded = w.key.replace(/\/\d+(?=\/|$)/g, '/*');
    let e = counts.get(folded);
    if (!e) counts.set(folded, (e = { n: 0, cases: new Set(), examples: [] }));
    e.n++;
    e.cases.add(String(c.seed));
    if (e.examples.length < show) {
      const line = lineOf(c.text, printed(w.want)) ?? lineOf(c.text, printed(w.have));
      e.examples.push(`${c.seed} [${c.layout}] ${w.key}: want ${w.want} got ${w.have}${line ? `\n             line ${line}` : ''}`);
    }
  }
}
process.stdout.write(`seed ${seed}, noise ${noise}${layout ? `, ${layout}` : ''}: ${cases} cases, ${exact} exact; ${wrongTotal} wrong of ${total} leaves (${(1 - wrongTotal / Math.max(1, total)).toFixed(4)})\n`);
for (const [k, e] of [...counts].sort((a, b) => b[1].n - a[1].n)) {
  process.stdout.write(`${String(e.n).padStart(5)}  ${k}  (${e.cases.size} case${e.cases.size === 1 ? '' : 's'})\n`);
  for (const x of e.examples) process.stdout.write(`         ${x}\n`);
}
