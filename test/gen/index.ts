/**
 * Synthetic Section 16 filings with their truth records, for judging the parser on text it has never
 * seen.
 *
 *   generateCase(seed, opts)   one filing: { text, truth, layout, noise, lost }
 *   generateCorpus(n, seed)    n cases cycling through every layout and form type
 *   generateDocument(seed, n)  several filings back to back in one text, with truths[]
 *   propertyCases(n, seed)     the same truth rendered in two layouts (default fixed-width and pipe)
 *
 * Everything is a pure function of the seed.
 */

import type { FilingRecord, FormType } from '../../server/src/analysis/types';
import { Rng, type Seed } from './random';
import { randomFiling } from './truth';
import { LAYOUTS, type Layout, render } from './render';
import { damageText, loseValues, type NoiseLevel } from './noise';

export { LAYOUTS, layoutKind, render, type Layout } from './render';
export { randomFiling, cellNotes, cloneFiling } from './truth';
export { Rng, type Seed } from './random';
export type { NoiseLevel } from './noise';

export const FORM_TYPES: readonly FormType[] = ['3', '4', '5', '3/A', '4/A', '5/A'];

export interface CaseOptions {
  layout?: Layout;
  /** Damage level 0–3 (default 0). */
  noise?: NoiseLevel;
  formType?: FormType;
  owners?: number;
  /** Never produce a filing without table rows. */
  requireRows?: boolean;
}

export interface GeneratedCase {
  seed: Seed;
  text: string;
  /** What a careful reader extracts from `text`: values the damage destroyed are null here. */
  truth: FilingRecord;
  layout: Layout;
  noise: NoiseLevel;
  /** JSON pointers of values the damage destroyed (null in `truth`). */
  lost: string[];
}

/** Plain JSON copy of a record in schema property order (drops the generator's side tables). */
export function plainRecord(rec: FilingRecord): FilingRecord {
  return JSON.parse(JSON.stringify(rec)) as FilingRecord;
}

export function generateCase(seed: Seed, opts: CaseOptions = {}): GeneratedCase {
  const rng = new Rng(seed);
  const layout = opts.layout ?? rng.fork('layout').pick(LAYOUTS);
  const noise = opts.noise ?? 0;
  const truthOpts: Parameters<typeof randomFiling>[1] = {};
  if (opts.formType) truthOpts.formType = opts.formType;
  if (opts.owners) truthOpts.owners = opts.owners;
  if (opts.requireRows) truthOpts.requireRows = true;
  const full = randomFiling(rng.fork('truth'), truthOpts);
  const { truth, lost } = loseValues(full, noise, rng.fork('lose'));
  const rendered = render(truth, layout, rng.fork(`render:${layout}`));
  const text = damageText(rendered, truth, noise, rng.fork('noise'));
  return { seed, text, truth: plainRecord(truth), layout, noise, lost };
}

export interface CorpusOptions {
  /** Noise level of every case, or 'mixed' for 0–3 spread over the corpus (default 0). */
  noise?: NoiseLevel | 'mixed';
  layouts?: readonly Layout[];
}

/** n cases; layouts and form types cycle so that every small corpus covers all of them. */
export function generateCorpus(n: number, seed: Seed, opts: CorpusOptions = {}): GeneratedCase[] {
  const layouts = opts.layouts ?? LAYOUTS;
  const out: GeneratedCase[] = [];
  for (let i = 0; i < n; i++) {
    const noise: NoiseLevel = opts.noise === 'mixed' ? ((i % 4) as NoiseLevel) : (opts.noise ?? 0);
    out.push(generateCase(`${seed}/${i}`, {
      layout: layouts[i % layouts.length]!,
      formType: FORM_TYPES[Math.floor(i / layouts.length) % FORM_TYPES.length]!,
      noise,
    }));
  }
  return out;
}

export interface GeneratedDocument {
  text: string;
  truths: FilingRecord[];
  layouts: Layout[];
  /** Per filing: pointers of lost values. */
  lost: string[][];
  /** 0-based line of each filing's first line in `text` (after the BOM, before CRLF conversion). */
  startLines: number[];
}

/** Several filings back to back in one text (as when a user pastes a batch), with every truth. */
export function generateDocument(seed: Seed, count: number, opts: { noise?: NoiseLevel; layout?: Layout | 'mixed' } = {}): GeneratedDocument {
  const rng = new Rng(`doc:${seed}`);
  const noise = opts.noise ?? 0;
  const sameLayout = opts.layout === undefined ? rng.chance(0.5) : opts.layout !== 'mixed';
  const fixedLayout = opts.layout && opts.layout !== 'mixed' ? opts.layout : rng.pick(LAYOUTS);
  const parts: string[] = [];
  const truths: FilingRecord[] = [];
  const layouts: Layout[] = [];
  const lost: string[][] = [];
  const startLines: number[] = [];
  let line = 0;
  for (let i = 0; i < count; i++) {
    const layout = sameLayout ? fixedLayout : rng.pick(LAYOUTS);
    const r = new Rng(`${seed}#${i}`);
    const full = randomFiling(r.fork('truth'));
    const l = loseValues(full, noise, r.fork('lose'));
    const text = damageText(render(l.truth, layout, r.fork(`render:${layout}`)), l.truth, noise, r.fork('noise'), { lineEndings: false });
    if (i > 0) {
      const sep = rng.pick(['\n', '\n\f\n', '\n---\n\n', '\n\n* * *\n\n', '\n\n\n']);
      parts.push(sep);
      line += sep.split('\n').length - 1;
    }
    startLines.push(line);
    parts.push(text);
    line += text.split('\n').length - 1;
    truths.push(plainRecord(l.truth));
    layouts.push(layout);
    lost.push(l.lost);
  }
  let text = parts.join('');
  if (noise >= 2 && rng.chance(0.5)) text = text.replace(/\n/g, '\r\n');
  if (noise >= 2 && rng.chance(0.3)) text = '\uFEFF' + text;
  return { text, truths, layouts, lost, startLines };
}

export interface PropertyCase {
  seed: string;
  truth: FilingRecord;
  renderings: { layout: Layout; text: string }[];
}

/**
 * The same truth rendered in two (or more) layouts without damage: a parser must normalize every
 * rendering of a case to the same record (and to `truth`).
 */
export function* propertyCases(n: number, seed: Seed, layouts: readonly Layout[] = ['fixed-width', 'pipe']): Generator<PropertyCase> {
  for (let i = 0; i < n; i++) {
    const s = `prop:${seed}/${i}`;
    const rng = new Rng(s);
    const truth = randomFiling(rng.fork('truth'), { formType: FORM_TYPES[i % FORM_TYPES.length]! });
    yield {
      seed: s,
      truth: plainRecord(truth),
      renderings: layouts.map((layout) => ({ layout, text: render(truth, layout, rng.fork(`render:${layout}`)) })),
    };
  }
}

export {
  generateVariedCase, generateDefectCase, damageLabels, paginate, expandTabs,
  VARIANT_CLASSES, CLASS_LAYOUTS, DEFECTS, HOLDOUT_SEED_BASE,
  type VariantClass, type VariedCase, type VariedOptions, type Defect, type DefectCase,
} from './variants';
export type { RenderOptions } from './render';
