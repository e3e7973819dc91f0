/**
 * Accuracy of the reader on the varied generator (test/gen/variants.ts): per class, layout and noise
 * level, field accuracy, the share of filings read exactly and false error diagnostics on clean
 * filings; defect recall on one-defect filings.
 *
 *   npm run gen-report -- [--seed S] [--count N] [--defects N] [--noises 0,1,2,3] [--plain] [--failures K] [--json]
 *
 * `measureGenerator` is the function other reports call. The holdout seeds (900000 and up) are for
 * a final measurement only: tune on others.
 */

import { analyze } from '../../server/src/analysis';
import type { AnalysisResult, FilingRecord } from '../../server/src/analysis/types';
import {
  DEFECTS, FORM_TYPES, LAYOUTS, generateCase, generateDefectCase, generateDocument, generateVariedCase,
  type Defect, type Layout, type NoiseLevel, type VariedCase,
} from '../gen';

const TODAY = new Date('2026-11-23T12:00:00Z');

export interface Figures {
  filings: number;
  exact: number;
  /** Field values read right / field values in truth or output. */
  fieldsRight: number;
  fields: number;
  /** Error diagnostics on filings without a defect (clean filings), their number and the filings counted. */
  falseErrors: number;
  cleanFilings: number;
  /** Rules the case says must fire (a code column on a Form 3): how many did. */
  expected: number;
  expectedHit: number;
}

export interface GenReport {
  seed: string;
  /** Keys: `all`, `noise:N`, `layout:L`, `class:C` (`class:plain` for cases without a variation). */
  groups: Record<string, Figures>;
  defects: Record<string, { filings: number; hit: number }>;
  /** A few failing cases per group key (seed and first differences), to look at while tuning. */
  failures: Record<string, string[]>;
}

export interface MeasureOptions {
  seed?: string | number;
  /** Cases per noise level (default 420: 60 per layout). */
  count?: number;
  noises?: readonly NoiseLevel[];
  /** One-defect filings (default 300: 20 per defect). */
  defects?: number;
  /** Multi-filing documents of mixed layouts (default count / 20). */
  documents?: number;
  /** Keep up to this many failing cases per group (default 0). */
  keepFailures?: number;
  /** Plain generated filings (generateCase, as the accuracy table's `gen` corpus) instead of varied ones. */
  plain?: boolean;
}

function empty(): Figures {
  return { filings: 0, exact: 0, fieldsRight: 0, fields: 0, falseErrors: 0, cleanFilings: 0, expected: 0, expectedHit: 0 };
}

/** Leaf values by JSON pointer. */
function leaves(v: unknown, at: string, out: Map<string, unknown>): Map<string, unknown> {
  if (Array.isArray(v)) v.forEach((x, i) => leaves(x, `${at}/${i}`, out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) leaves(x, `${at}/${k}`, out);
  else out.set(at, v);
  return out;
}

/** Field score of one record against its truth: values lost by the damage count right when null. */
export function fieldScore(got: FilingRecord | undefined, want: FilingRecord, lost: ReadonlySet<string>): { right: number; total: number; diffs: string[] } {
  const w = leaves(want, '', new Map());
  const g = got ? leaves(got, '', new Map()) : new Map<string, unknown>();
  const keys = new Set([...w.keys(), ...g.keys()]);
  let right = 0;
  const diffs: string[] = [];
  for (const k of keys) {
    const a = g.get(k);
    const b = w.get(k);
    if (JSON.stringify(a) === JSON.stringify(b) || (lost.has(k) && (a === null || a === undefined))) right++;
    else diffs.push(`${k}: got ${JSON.stringify(a)} want ${JSON.stringify(b)}`);
  }
  return { right, total: keys.size, diffs };
}

export function lostSet(layout: Layout, truth: FilingRecord, lost: readonly string[]): Set<string> {
  const s = new Set(lost);
  // Flattened rows (lynx-like) lose which Table II sub-column, (A) or (D), held the amount.
  if (layout === 'linear') truth.derivative.forEach((_, k) => s.add(`/derivative/${k}/acquiredDisposed`));
  return s;
}

function add(groups: Record<string, Figures>, keys: string[], f: Partial<Figures>): void {
  for (const k of keys) {
    const g = (groups[k] ??= empty());
    for (const [name, v] of Object.entries(f) as [keyof Figures, number][]) g[name] += v;
  }
}

function judge(result: AnalysisResult, c: Pick<VariedCase, 'truth' | 'layout' | 'lost' | 'expect'>): { f: Partial<Figures>; diffs: string[] } {
  const lost = lostSet(c.layout, c.truth, c.lost);
  const one = result.filings.length === 1;
  // Several filings read from one: judge the best match, never exact.
  let best = { right: 0, total: 1, diffs: ['no filing read'] };
  for (const fl of result.filings.length ? result.filings : [undefined]) {
    const s = fieldScore(fl?.record, c.truth, lost);
    if (s.right / s.total > best.right / best.total || best.diffs[0] === 'no filing read') best = s;
  }
  const exact = one && best.diffs.length === 0;
  const codes = new Set(result.findings.map((x) => x.code));
  const falseErrors = result.findings.filter((x) => x.severity === 'error' && !(c.expect as readonly string[]).includes(x.code)).length;
  const diffs = one ? best.diffs : [`${result.filings.length} filings`, ...best.diffs];
  for (const e of c.expect) if (!codes.has(e)) diffs.push(`${e} did not fire`);
  return {
    f: {
      filings: 1, exact: exact ? 1 : 0, fieldsRight: best.right, fields: best.total,
      falseErrors, cleanFilings: 1, expected: c.expect.length, expectedHit: c.expect.filter((e) => codes.has(e)).length,
    },
    diffs,
  };
}

export function measureGenerator(opts: MeasureOptions = {}): GenReport {
  const seed = String(opts.seed ?? 'tune');
  const count = opts.count ?? 420;
  const groups: Record<string, Figures> = {};
  const failures: Record<string, string[]> = {};
  const keep = opts.keepFailures ?? 0;
  const note = (keys: string[], line: string): void => {
    for (const k of keys) {
      const l = (failures[k] ??= []);
      if (l.length < keep) l.push(line);
    }
  };
  for (const noise of opts.noises ?? ([0, 1, 2] as const)) {
    for (let i = 0; i < count; i++) {
      const c: Pick<VariedCase, 'text' | 'truth' | 'layout' | 'lost' | 'expect' | 'classes' | 'seed'> = opts.plain
        ? { ...generateCase(`${seed}/${noise}/${i}`, { noise, layout: LAYOUTS[i % LAYOUTS.length]!, formType: FORM_TYPES[Math.floor(i / LAYOUTS.length) % FORM_TYPES.length]! }), expect: [], classes: [] }
        : generateVariedCase(`${seed}/${noise}/${i}`, { noise, layout: LAYOUTS[i % LAYOUTS.length] });
      const { f, diffs } = judge(analyze(c.text, { today: TODAY }), c);
      // False errors are counted on clean text only (noise 0): damage may rightly cost a diagnostic.
      if (noise !== 0) { f.falseErrors = 0; f.cleanFilings = 0; }
      const keys = ['all', `noise:${noise}`, `layout:${c.layout}`, `noise:${noise}/${c.layout}`, ...(c.classes.length ? c.classes : ['plain']).map((k) => `class:${k}`)];
      add(groups, keys, f);
      if (diffs.length) note(keys, `${c.seed} ${c.layout} [${c.classes.join(',')}]: ${diffs.slice(0, 4).join('; ')}`);
    }
  }
  // Documents of several filings in mixed layouts: each filing judged on its own.
  const docs = opts.documents ?? Math.ceil(count / 20);
  for (let i = 0; i < docs; i++) {
    const d = generateDocument(`${seed}/doc/${i}`, 3, { layout: 'mixed' });
    const result = analyze(d.text, { today: TODAY });
    d.truths.forEach((truth, k) => {
      const fl = result.filings[k];
      const s = fieldScore(fl?.record, truth, lostSet(d.layouts[k]!, truth, d.lost[k]!));
      const ok = result.filings.length === d.truths.length && s.diffs.length === 0;
      add(groups, ['class:mixed-document'], {
        filings: 1, exact: ok ? 1 : 0, fieldsRight: s.right, fields: s.total,
        falseErrors: fl ? fl.findings.filter((x) => x.severity === 'error').length : 0, cleanFilings: 1,
      });
      if (!ok) note(['class:mixed-document'], `${seed}/doc/${i}#${k} ${d.layouts[k]}: ${result.filings.length} filings; ${s.diffs.slice(0, 3).join('; ')}`);
    });
  }
  const defects: GenReport['defects'] = {};
  const nd = opts.defects ?? 300;
  for (let i = 0; i < nd; i++) {
    const defect: Defect = DEFECTS[i % DEFECTS.length]!;
    const c = generateDefectCase(`${seed}/${i}`, { defect, layout: LAYOUTS[Math.floor(i / DEFECTS.length) % LAYOUTS.length] });
    const hit = analyze(c.text, { today: TODAY }).findings.some((x) => x.code === c.expect);
    const g = (defects[defect] ??= { filings: 0, hit: 0 });
    g.filings++;
    if (hit) g.hit++;
    else note([`defect:${defect}`], `${c.seed} ${c.layout}`);
  }
  return { seed, groups, defects, failures };
}

// ---------------------------------------------------------------------------------------------

function pct(a: number, b: number): string {
  return b ? (a / b).toFixed(3) : '-';
}

export function formatReport(r: GenReport): string {
  const lines = [`seed ${r.seed}`, '', '| group | filings | field accuracy | exact | false errors / clean filing | expected rule fired |', '|---|---|---|---|---|---|'];
  const order = (k: string): string => (k === 'all' ? '0' : k.startsWith('noise') ? `1${k}` : k.startsWith('layout') ? `2${k}` : `3${k}`);
  for (const k of Object.keys(r.groups).sort((a, b) => order(a).localeCompare(order(b)))) {
    const g = r.groups[k]!;
    lines.push(`| ${k} | ${g.filings} | ${pct(g.fieldsRight, g.fields)} | ${pct(g.exact, g.filings)} | ${g.cleanFilings ? (g.falseErrors / g.cleanFilings).toFixed(3) : '-'} | ${g.expected ? `${g.expectedHit}/${g.expected}` : '-'} |`);
  }
  let n = 0;
  let hit = 0;
  lines.push('', '| defect | filings | recall |', '|---|---|---|');
  for (const [d, g] of Object.entries(r.defects)) {
    n += g.filings;
    hit += g.hit;
    lines.push(`| ${d} | ${g.filings} | ${pct(g.hit, g.filings)} |`);
  }
  lines.push(`| all | ${n} | ${pct(hit, n)} |`);
  return lines.join('\n');
}

if (process.argv[1] && /gen-report\.ts$/.test(process.argv[1])) {
  const args = process.argv.slice(2);
  const val = (name: string): string | undefined => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const started = Date.now();
  const report = measureGenerator({
    seed: val('--seed') ?? 'tune',
    count: val('--count') ? +val('--count')! : undefined,
    defects: val('--defects') ? +val('--defects')! : undefined,
    keepFailures: val('--failures') ? +val('--failures')! : 0,
    noises: val('--noises') ? (val('--noises')!.split(',').map(Number) as NoiseLevel[]) : undefined,
    plain: args.includes('--plain'),
  });
  if (args.includes('--json')) console.log(JSON.stringify(report, null, 2));
  else {
    console.log(formatReport(report));
    for (const [k, l] of Object.entries(report.failures)) if (l.length) console.log(`\n${k}\n  ${l.join('\n  ')}`);
    console.log(`\n${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}
