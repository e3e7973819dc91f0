/**
 * Optional damage, levels 0–3, of the kinds real OCR/converter output shows.
 *
 * Two steps, so damage can never silently change a truth value:
 * - {@link loseValues} (before rendering): a cell value is lost. The value is set to null in the
 *   truth, its JSON pointer is listed in `lost`, and the renderer then prints an empty cell.
 * - {@link damageText} (after rendering): OCR look-alike letters, dropped / duplicated / split
 *   characters, trailing spaces, CRLF line endings, a BOM. Only boilerplate words are touched, and
 *   never a word that also occurs in any value of the truth record.
 */

import type { FilingRecord } from '../../server/src/analysis/types';
import { Rng } from './random';
import { cloneFiling } from './truth';
import { amount, mdy, priceDigits } from './format';

export type NoiseLevel = 0 | 1 | 2 | 3;

/** Fields a converter may lose, by table; only non-null values are candidates. */
const LOSABLE_ND = ['shares', 'pricePerShare', 'sharesOwnedFollowing', 'directOrIndirect', 'transactionCode', 'transactionDate', 'securityTitle'] as const;
const LOSABLE_D = ['conversionOrExercisePrice', 'underlyingShares', 'sharesOwnedFollowing', 'expirationDate', 'directOrIndirect', 'transactionCode'] as const;

export function loseValues(truth: FilingRecord, level: NoiseLevel, rng: Rng): { truth: FilingRecord; lost: string[] } {
  const count = level >= 3 ? rng.int(1, 3) : level === 2 && rng.chance(0.3) ? 1 : 0;
  if (count === 0) return { truth, lost: [] };
  const rec = cloneFiling(truth);
  const candidates: { pointer: string; apply: () => void; also?: string[] }[] = [];
  // A lost code cell takes the K beside the code (equitySwapInvolved) with it.
  const loseField = (r: object, table: string, i: number, f: string): void => {
    const row = r as Record<string, unknown>;
    const swap = f === 'transactionCode' && row.equitySwapInvolved !== null;
    candidates.push({
      pointer: `/${table}/${i}/${f}`,
      apply: () => {
        row[f] = null;
        if (swap) row.equitySwapInvolved = null;
      },
      also: swap ? [`/${table}/${i}/equitySwapInvolved`] : [],
    });
  };
  rec.nonDerivative.forEach((r, i) => {
    for (const f of LOSABLE_ND) if (r[f] !== null) loseField(r, 'nonDerivative', i, f);
  });
  rec.derivative.forEach((r, i) => {
    for (const f of LOSABLE_D) if (r[f] !== null) loseField(r, 'derivative', i, f);
  });
  const o = rec.reportingOwners[0];
  if (o?.zip) candidates.push({ pointer: '/reportingOwners/0/zip', apply: () => { o.zip = null; } });
  // A lost first street line leaves the second as the only one printed: nothing on the page says it
  // was the second, so it reads (and is true) as the first, and the second slot is what was lost.
  if (o?.street1) {
    if (o.street2) candidates.push({ pointer: '/reportingOwners/0/street2', apply: () => { o.street1 = o.street2; o.street2 = null; } });
    else candidates.push({ pointer: '/reportingOwners/0/street1', apply: () => { o.street1 = null; } });
  }
  rec.signatures.forEach((s, i) => {
    if (s.date) candidates.push({ pointer: `/signatures/${i}/date`, apply: () => { s.date = null; } });
  });
  const lost: string[] = [];
  for (const c of rng.sample(candidates, count)) {
    // A row keeps two cells that make it a row: its title and a value, or an amount and its
    // ownership form. One value alone on a line cannot be told from a wrapped piece of the row
    // above or of the column labels, so no reader (nor person) reads it as a row of its own and the
    // truth does not ask for one: such a loss is skipped (the filing loses one value fewer).
    const row = rowOf(rec, c.pointer);
    if (row && !stillARow(row, [c.pointer, ...(c.also ?? [])].map((p) => p.slice(p.lastIndexOf('/') + 1)))) continue;
    c.apply();
    lost.push(c.pointer, ...(c.also ?? []));
  }
  lost.sort();
  return { truth: rec, lost };
}

/** The table row a pointer lies in (`/nonDerivative/2/shares`), if any. */
function rowOf(rec: FilingRecord, pointer: string): Record<string, unknown> | undefined {
  const m = /^\/(nonDerivative|derivative)\/(\d+)\//.exec(pointer);
  return m ? (rec[m[1] as 'nonDerivative' | 'derivative'][Number(m[2])] as unknown as Record<string, unknown>) : undefined;
}

/** Whether the row still shows its title and a value, or an amount and its ownership form, once `fields` are lost. */
function stillARow(row: Record<string, unknown>, fields: readonly string[]): boolean {
  const has = (k: string): boolean => !fields.includes(k) && row[k] !== null && row[k] !== undefined;
  const values = Object.keys(row).filter((k) => k !== 'kind' && k !== 'securityTitle' && (typeof row[k] === 'string' || typeof row[k] === 'number') && has(k));
  const amount = values.some((k) => typeof row[k] === 'number');
  return (has('securityTitle') && values.length > 0) || (amount && has('directOrIndirect'));
}

/** Words of the printed form that carry no value: the only ones damage may touch. */
export const BOILERPLATE_WORDS: readonly string[] = [
  'Transaction', 'Securities', 'Beneficially', 'Reporting', 'Instruction', 'Amendment', 'Relationship', 'Ownership',
  'Derivative', 'Exchange', 'Commission', 'Washington', 'Estimated', 'average', 'burden', 'response', 'Explanation',
  'Responses', 'Intentional', 'misstatements', 'Signature', 'separate', 'OMB', 'Number', 'Disposed', 'Acquired',
  'Expiration', 'Exercisable', 'Conversion', 'Indirect', 'Beneficial', 'Individual', 'Applicable', 'Persons',
  'collection', 'information', 'currently', 'Reminder', 'Nature', 'Deemed', 'Execution', 'Statement', 'STATEMENT',
  'CHANGES', 'BENEFICIAL', 'OWNERSHIP', 'SECURITIES', 'APPROVAL', 'Criminal', 'Violations', 'omissions', 'Federal',
  'pursuant', 'Investment', 'Company', 'insufficient', 'procedure', 'copies', 'manually', 'signed', 'Filed', 'filed',
  'Relationships', 'Following', 'Reported', 'Underlying', 'Conversion', 'Exercise', 'Security', 'Issuer', 'Ticker',
  'Trading', 'Symbol', 'Earliest', 'obligations', 'continue', 'UNITED', 'STATES', 'EXCHANGE', 'COMMISSION',
];

const LOOKALIKES: [RegExp, string][] = [
  [/T/, 'Γ'], [/O/, 'D'], [/l/, '1'], [/I/, 'l'], [/m/, 'rn'], [/rn/, 'm'], [/e/, 'c'], [/S/, '5'], [/a/, 'o'],
  [/h/, 'b'], [/cl/, 'd'], [/i/, 'í'], [/B/, '8'], [/u/, 'v'], [/n/, 'ri'], [/f/, 't'],
];

function damageWord(w: string, rng: Rng, level: NoiseLevel): string {
  const kind = rng.weighted([['lookalike', 4], ['drop', 2], ['dup', 1], ['split', 2]] as const);
  if (kind === 'lookalike') {
    const options = LOOKALIKES.filter(([re]) => re.test(w));
    if (options.length) {
      const [re, rep] = rng.pick(options);
      return w.replace(re, rep);
    }
  }
  if (w.length < 4) return w.length > 1 ? w.slice(1) : w;
  const i = rng.int(1, w.length - 2);
  if (kind === 'drop') return w.slice(0, i) + w.slice(i + 1);
  if (kind === 'dup') return w.slice(0, i) + w[i] + w.slice(i);
  return `${w.slice(0, i)}${level >= 3 ? rng.pick([' ', '  ', '\t']) : ' '}${w.slice(i)}`;
}

/** Every printed form of every value in the record, split into words: these are never damaged. */
export function protectedWords(truth: FilingRecord): Set<string> {
  const out = new Set<string>();
  const addText = (s: string): void => {
    for (const w of s.split(/[\s,;:()"[\]]+/)) if (w) out.add(w);
    for (const w of s.match(/[A-Za-z][A-Za-z'’-]*/g) ?? []) out.add(w);
  };
  const visit = (v: unknown, key: string): void => {
    if (v === null || v === undefined || typeof v === 'boolean') return;
    if (typeof v === 'string') {
      addText(/^\d{4}-\d{2}-\d{2}$/.test(v) ? mdy(v) : v);
      return;
    }
    if (typeof v === 'number') {
      out.add(amount(v));
      out.add(priceDigits(v, true));
      return;
    }
    if (Array.isArray(v)) v.forEach((x) => visit(x, key));
    else if (typeof v === 'object') for (const [k, x] of Object.entries(v)) visit(x, k);
  };
  visit(truth, '');
  return out;
}

export interface DamageOptions {
  /** Allow CRLF line endings and a BOM (off when filings are concatenated into one document). */
  lineEndings?: boolean;
}

export function damageText(text: string, truth: FilingRecord, level: NoiseLevel, rng: Rng, opts: DamageOptions = {}): string {
  if (level === 0) return text;
  const keep = protectedWords(truth);
  const boiler = new Set(BOILERPLATE_WORDS.filter((w) => !keep.has(w)));
  // Word damage.
  const budget = level === 1 ? rng.int(2, 4) : level === 2 ? rng.int(6, 12) : rng.int(15, 30);
  const spots: number[] = [];
  // Whole words, apostrophes and hyphens included, so "Issuer's" is never taken for "Issuer".
  const re = /[A-Za-z][A-Za-z'’-]*/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (boiler.has(m[0])) spots.push(m.index);
  }
  const chosen = new Set(rng.sample(spots, budget));
  let out = '';
  let last = 0;
  for (const at of [...chosen].sort((a, b) => a - b)) {
    const word = /^[A-Za-z][A-Za-z'’-]*/.exec(text.slice(at))![0];
    out += text.slice(last, at) + damageWord(word, rng, level);
    last = at + word.length;
  }
  out += text.slice(last);
  // Trailing spaces.
  const pTrail = level === 1 ? 0.15 : level === 2 ? 0.3 : 0.5;
  out = out.split('\n').map((l) => (l && rng.chance(pTrail) ? l + ' '.repeat(rng.int(1, 3)) : l)).join('\n');
  if (opts.lineEndings !== false) {
    if (level >= 2 && rng.chance(level === 3 ? 0.7 : 0.4)) out = out.replace(/\n/g, '\r\n');
    if (level >= 2 && rng.chance(level === 3 ? 0.5 : 0.25)) out = '\uFEFF' + out;
  }
  return out;
}
