/**
 * Benchmark corpora: many different filings back to back, so a figure measures the analysis of
 * varied text and not a cache of one text repeated.
 *
 *  - `buildSeedCorpus`: the four real seeds (../shared/seeds), each copy with its own values:
 *    every date of a copy shifted by the same number of days, share counts and prices scaled by
 *    one factor (running balances still add up, formatting with commas and decimals kept), and
 *    the people, places, issuer and ticker renamed (case kept). Layout and damage are the seeds'.
 *  - `buildGeneratedCorpus`: synthetic filings of every layout of the test generator (test/gen),
 *    with some noise: the layouts the seeds do not show (fixed-width, pipe tables, grids).
 *
 * Deterministic: the same target size and seed give the same text.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { generateCase, LAYOUTS, Rng } from '../test/gen';

/** The repository's root, found from here whether this runs as a source file or bundled into dist/. */
export const REPO_ROOT = ((): string => {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'esbuild.mjs'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(__dirname, '..');
  }
})();

export const SEEDS_DIR = path.resolve(REPO_ROOT, '..', 'shared', 'seeds');

export interface Seed {
  name: string;
  text: string;
  /** Words (lower case) of names, places, issuer and ticker that copies rename. */
  nameWords: [string, NameKind][];
}

export interface Corpus {
  text: string;
  filings: number;
  bytes: number;
}

/** Words of the expected record that are names, never form vocabulary. */
const NOT_NAMES = new Set(['inc', 'corp', 'corporation', 'company', 'co', 'llc', 'ltd', 'plc', 'the', 'and', 'of', 'attorney', 'in', 'fact']);

export type NameKind = 'person' | 'company' | 'ticker' | 'city';

function nameWordsOf(record: unknown): [string, NameKind][] {
  const r = record as {
    issuer?: { name?: string | null; tradingSymbol?: string | null };
    reportingOwners?: { name?: string | null; city?: string | null }[];
    signatures?: { name?: string | null }[];
  };
  const sources: [string | null | undefined, NameKind][] = [
    [r.issuer?.tradingSymbol, 'ticker'],
    [r.issuer?.name, 'company'],
    ...(r.reportingOwners ?? []).flatMap((o): [string | null | undefined, NameKind][] => [
      [o.name, 'person'],
      [o.city, 'city'],
    ]),
    ...(r.signatures ?? []).map((s): [string | null | undefined, NameKind] => [s.name, 'person']),
  ];
  const words = new Map<string, NameKind>();
  for (const [s, kind] of sources) {
    for (const w of (s ?? '').split(/[^A-Za-z]+/)) {
      const key = w.toLowerCase();
      if (w.length >= 3 && !NOT_NAMES.has(key) && !words.has(key)) words.set(key, kind);
    }
  }
  return [...words];
}

export function loadSeeds(dir = SEEDS_DIR): Seed[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const text = readFileSync(path.join(dir, f), 'utf8');
      let nameWords: [string, NameKind][] = [];
      try {
        nameWords = nameWordsOf(JSON.parse(readFileSync(path.join(dir, 'expected', f.replace(/\.txt$/, '.json')), 'utf8')));
      } catch {
        // no expected record: the copy keeps its names
      }
      return { name: f, text, nameWords };
    });
}

const GIVEN = ['Alice', 'Marcus', 'Priya', 'Johan', 'Keiko', 'Samuel', 'Olga', 'Tomas', 'Grace', 'Ibrahim', 'Helen', 'Victor', 'Nadia', 'Oscar', 'Ruth', 'Dmitri', 'Laura', 'Felix'];
const FAMILY = ['Whitfield', 'Okafor', 'Brennan', 'Castellano', 'Lindqvist', 'Moreau', 'Takahashi', 'Abernathy', 'Novak', 'Delgado', 'Fairbanks', 'Halvorsen', 'Kowalski', 'Pemberton', 'Ravensworth', 'Sorensen'];
const COMPANY = ['Arcwell', 'Bluestem', 'Corvane', 'Duratek', 'Evergrid', 'Fluxion', 'Granite', 'Helionix', 'Ironleaf', 'Juniper', 'Keystar', 'Lumatech'];
const CITY = ['Springfield', 'Riverton', 'Oakdale', 'Fairview', 'Lakewood', 'Brookhaven', 'Millbrook', 'Northgate'];

function withCase(model: string, word: string): string {
  if (model === model.toUpperCase()) return word.toUpperCase();
  if (model === model.toLowerCase()) return word.toLowerCase();
  return word[0]!.toUpperCase() + word.slice(1).toLowerCase();
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

const DAY_MS = 86_400_000;

function shiftDate(y: number, m: number, d: number, days: number): [number, number, number] | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const t = new Date(Date.UTC(y, m - 1, d) + days * DAY_MS);
  return [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()];
}

/** `1,234.50` scaled by `factor`, printed in the same style (commas, number of decimals). */
function scaleNumber(token: string, factor: number): string {
  const decimals = token.includes('.') ? token.length - token.indexOf('.') - 1 : 0;
  const value = Number(token.replace(/,/g, '')) * factor;
  let s = value.toFixed(decimals);
  if (token.includes(',')) {
    const [int, frac] = s.split('.');
    s = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac !== undefined ? `.${frac}` : '');
  }
  return s;
}

/** One copy of a seed with its own dates, figures and names. */
export function varySeed(seed: Seed, rng: Rng): string {
  const days = -rng.int(0, 2500);
  const factor = [0.5, 0.75, 1.25, 1.5, 2, 2.5, 3, 4][rng.int(0, 7)]!;
  const renames = new Map<string, string>();
  for (const [w, kind] of seed.nameWords) {
    if (kind === 'ticker') {
      let t = '';
      for (let i = 0; i < w.length; i++) t += String.fromCharCode(65 + rng.int(0, 25));
      renames.set(w, t);
    } else renames.set(w, rng.pick(kind === 'company' ? COMPANY : kind === 'city' ? CITY : rng.chance(0.5) ? GIVEN : FAMILY));
  }
  let text = seed.text;
  // Dates: MM/DD/YYYY (and M/D/YYYY) and YYYY-MM-DD, all shifted by the same number of days.
  text = text.replace(/\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/g, (all, m: string, d: string, y: string) => {
    const t = shiftDate(Number(y), Number(m), Number(d), days);
    return t ? `${m.length === 2 ? pad2(t[1]) : t[1]}/${d.length === 2 ? pad2(t[2]) : t[2]}/${t[0]}` : all;
  });
  text = text.replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, (all, y: string, m: string, d: string) => {
    const t = shiftDate(Number(y), Number(m), Number(d), days);
    return t ? `${t[0]}-${pad2(t[1])}-${pad2(t[2])}` : all;
  });
  // Figures: numbers with thousands separators or decimals (share counts, prices).
  text = text.replace(/(?<![\d./-])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d/-])|(?<![\d./-])\d+\.\d+(?![\d./-])/g, (t) => scaleNumber(t, factor));
  // Names, places, issuer, ticker.
  if (renames.size) {
    const re = new RegExp(`\\b(${[...renames.keys()].join('|')})\\b`, 'gi');
    text = text.replace(re, (w: string) => withCase(w, renames.get(w.toLowerCase()) ?? w));
  }
  return text;
}

/** The seeds, copy after copy with varied values, up to `targetBytes` (UTF-8). */
export function buildSeedCorpus(targetBytes = 10 * 1024 * 1024, seed = 'bench-seeds'): Corpus {
  const seeds = loadSeeds();
  const rng = new Rng(seed);
  const parts: string[] = [];
  let bytes = 0;
  for (let i = 0; bytes < targetBytes; i++) {
    const text = i < seeds.length ? seeds[i]!.text : varySeed(seeds[i % seeds.length]!, rng);
    parts.push(text);
    bytes += Buffer.byteLength(text) + 2;
  }
  const text = parts.join('\n\n');
  return { text, filings: parts.length, bytes: Buffer.byteLength(text) };
}

/** Synthetic filings of every layout (a tenth of them with noise), up to `targetBytes`. */
export function buildGeneratedCorpus(targetBytes = 10 * 1024 * 1024): Corpus {
  const parts: string[] = [];
  let bytes = 0;
  for (let i = 0; bytes < targetBytes; i++) {
    const text = generateCase(i, { layout: LAYOUTS[i % LAYOUTS.length], noise: i % 3 === 0 ? 1 : 0 }).text;
    parts.push(text);
    bytes += Buffer.byteLength(text) + 2;
  }
  const text = parts.join('\n\n');
  return { text, filings: parts.length, bytes: Buffer.byteLength(text) };
}
