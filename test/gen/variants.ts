/**
 * The varied generator: the same truth records as {@link generateCase}, printed with the variety real
 * input shows. Every variation is a named class recorded with the case, so a report can give, per
 * class, the share of filings read exactly:
 *
 * - `owners-in-table`: further reporting owners only in the Reporting Owners table, name and address
 *   in one cell (no box 1 of their own);
 * - `signature-caption-first`: the signature table's caption row before the /s/ row;
 * - `label-ocr`: OCR damage inside the header box labels (letter drops, split and merged words,
 *   look-alike letters): `Issuer Nae and Ticker or Γrading Symbol`;
 * - `form3-code-column`: a Form 3 printed on a Form 4 template, a transaction code in one Table I row
 *   (the record is unchanged; `code-on-form3` must fire);
 * - `lost-v-column`: tab and pipe tables whose empty V cells are gone, so later cells shift left;
 * - `page-furniture`: a browser's print header and footer on every page (date and time, `SEC Form 4`,
 *   the page's URL, `1/2`) and form feeds between pages, breaking tables anywhere;
 * - `narrow-columns`: column-aligned tables with narrow columns (labels and titles wrap more);
 * - `box-order`: tab-separated header boxes in another column order (box 1 need not come first);
 * - `printed-values`: references and footnote numbers printed `[1]` or as a bare superscript `¹`,
 *   signatures dated `03-05-2021` or `March 5, 2021`;
 * - `table-page-break`: a printed page ends inside Table I or II (between two rows, or inside a row
 *   printed over several lines): the page's footer, a form feed, the next page's header and the
 *   table's column heading repeated, as browsers print a table over pages;
 * - `tab-expanded`: tab-separated text whose tabs an editor or converter expanded to spaces at
 *   8-column stops (cells become ragged space-aligned columns; a tab after text one column short
 *   of a stop is a single space), sometimes with trailing spaces trimmed;
 * - `ocr-rules`: a printed page's column rules read by OCR into the table rows of column-aligned
 *   text: a `|` standing in the gap between two cells, as OCR of a scanned form prints them (the
 *   record is unchanged);
 * - `plain`: none of these.
 *
 * One-defect filings ({@link generateDefectCase}) carry the rule code that must fire.
 *
 * Seeds: tuning used the string seeds `vary:<n>` and `defect:<n>`; the range 900000–999999 (numbers)
 * is kept for a final measurement nobody tunes on.
 */

import type { FilingRecord, RuleCode, FormType } from '../../server/src/analysis/types';
import { Rng, type Seed } from './random';
import { cloneFiling, randomFiling } from './truth';
import { LAYOUTS, PAGE_BREAK, type Layout, type RenderOptions, render } from './render';
import { damageText, loseValues, protectedWords, type NoiseLevel } from './noise';
import { mdy } from './format';
import type { GeneratedCase } from './index';

export type VariantClass =
  | 'owners-in-table'
  | 'signature-caption-first'
  | 'label-ocr'
  | 'form3-code-column'
  | 'lost-v-column'
  | 'page-furniture'
  | 'narrow-columns'
  | 'box-order'
  | 'printed-values'
  | 'tab-expanded'
  | 'table-page-break'
  | 'ocr-rules';

/** The classes drawn together (up to two a case). */
const FIRST_CLASSES: readonly VariantClass[] = [
  'owners-in-table', 'signature-caption-first', 'label-ocr', 'form3-code-column', 'lost-v-column', 'page-furniture', 'narrow-columns',
  'box-order', 'printed-values',
];

/**
 * Classes added later, each drawn on its own with this chance (so the cases of a seed keep the
 * classes they had before and the figures of the earlier classes stay comparable).
 */
const LATER_CLASSES: readonly [VariantClass, number][] = [['tab-expanded', 0.25], ['table-page-break', 0.2], ['ocr-rules', 0.25]];

export const VARIANT_CLASSES: readonly VariantClass[] = [...FIRST_CLASSES, ...LATER_CLASSES.map(([c]) => c)];

/** The seed range kept for the final, never-tuned measurement. */
export const HOLDOUT_SEED_BASE = 900000;

const FLOW: readonly Layout[] = ['tabbed', 'markdown', 'markdown-html'];

/** Layouts a class can occur in (what converters that produce that variation print). */
export const CLASS_LAYOUTS: Record<VariantClass, readonly Layout[]> = {
  'owners-in-table': [...FLOW, 'fixed-width', 'pipe'],
  'signature-caption-first': LAYOUTS,
  'label-ocr': LAYOUTS,
  'form3-code-column': LAYOUTS,
  'lost-v-column': [...FLOW, 'pipe'],
  'page-furniture': ['tabbed', 'fixed-width', 'linear'],
  'narrow-columns': ['fixed-width', 'grid'],
  'box-order': ['tabbed', 'markdown'],
  'printed-values': ['tabbed', 'markdown', 'fixed-width', 'pipe'],
  'tab-expanded': FLOW,
  'table-page-break': LAYOUTS,
  'ocr-rules': ['fixed-width'],
};

export interface VariedCase extends GeneratedCase {
  /** The variation classes printed in this case (empty: `plain`). */
  classes: VariantClass[];
  /** Rule codes that must fire on this text (a code column on a Form 3). */
  expect: RuleCode[];
}

export interface VariedOptions {
  layout?: Layout;
  noise?: NoiseLevel;
  /** The classes to print (default: up to two drawn from those the layout allows). */
  classes?: readonly VariantClass[];
}

function plain(rec: FilingRecord): FilingRecord {
  return JSON.parse(JSON.stringify(rec)) as FilingRecord;
}

/** One filing with the given (or randomly drawn) variation classes. */
export function generateVariedCase(seed: Seed, opts: VariedOptions = {}): VariedCase {
  const rng = new Rng(`vary:${seed}`);
  const layout = opts.layout ?? rng.fork('layout').pick(LAYOUTS);
  const noise = opts.noise ?? 0;
  const allowed = VARIANT_CLASSES.filter((c) => CLASS_LAYOUTS[c].includes(layout));
  let classes: VariantClass[];
  if (opts.classes) classes = opts.classes.filter((c) => allowed.includes(c));
  else {
    const pick = rng.fork('classes');
    classes = pick.sample(allowed.filter((c) => FIRST_CLASSES.includes(c)), pick.weighted([[0, 1], [1, 4], [2, 3]] as const));
    const later = rng.fork('later-classes');
    for (const [c, p] of LATER_CLASSES) if (later.chance(p) && allowed.includes(c)) classes.push(c);
  }
  // Truth: the classes that need a shape ask for it (two or three owners, a Form 3 with Table I rows).
  const truthOpts: Parameters<typeof randomFiling>[1] = {};
  if (classes.includes('owners-in-table')) truthOpts.owners = rng.fork('owners').int(2, 3);
  if (classes.includes('form3-code-column')) truthOpts.formType = rng.fork('form').pick(['3', '3/A'] as const);
  else if (classes.includes('lost-v-column')) truthOpts.formType = rng.fork('form').pick(['4', '4/A'] as const);
  let full = randomFiling(rng.fork('truth'), truthOpts);
  for (let k = 1; classes.includes('form3-code-column') && full.nonDerivative.length === 0 && k < 20; k++) {
    full = randomFiling(rng.fork(`truth${k}`), truthOpts);
  }
  if (classes.includes('form3-code-column') && full.nonDerivative.length === 0) classes = classes.filter((c) => c !== 'form3-code-column');
  const { truth, lost } = loseValues(full, noise, rng.fork('lose'));
  const ropts: RenderOptions = {};
  const expect: RuleCode[] = [];
  const vr = rng.fork('variant');
  if (classes.includes('owners-in-table')) ropts.ownersOnlyInTable = true;
  if (classes.includes('signature-caption-first')) ropts.signatureCaptionFirst = true;
  if (classes.includes('lost-v-column')) ropts.dropEmptyV = true;
  if (classes.includes('narrow-columns')) ropts.narrowColumns = true;
  if (classes.includes('printed-values')) {
    const pr = rng.fork('printing');
    ropts.refPrint = pr.pick(['bracket', 'bare'] as const);
    ropts.signatureDate = pr.pick(['dash', 'long'] as const);
  }
  if (classes.includes('box-order')) ropts.boxOrder = vr.pick([[1, 0, 2], [1, 2, 0], [2, 0, 1], [0, 2, 1], [2, 1, 0]] as const);
  if (classes.includes('table-page-break')) {
    const tb = rng.fork('table-break');
    const tables = (['table1', 'table2'] as const).filter((k) => (k === 'table1' ? truth.nonDerivative : truth.derivative).length > 0);
    if (tables.length) {
      const table = tb.pick(tables);
      const rows = (table === 'table1' ? truth.nonDerivative : truth.derivative).length;
      ropts.tableBreak = { table, row: tb.int(rows > 1 ? 1 : 0, rows - 1), inside: tb.chance(0.5) };
    } else classes = classes.filter((c) => c !== 'table-page-break');
  }
  if (classes.includes('form3-code-column')) {
    ropts.form3Code = { row: vr.int(0, truth.nonDerivative.length - 1), code: vr.pick(['P', 'A', 'J', 'M', 'S', 'G']) };
    expect.push('code-on-form3');
  }
  let text = render(truth, layout, rng.fork(`render:${layout}`), ropts);
  if (classes.includes('label-ocr')) text = damageLabels(text, truth, vr.fork('labels'));
  text = damageText(text, truth, noise, rng.fork('noise'), { lineEndings: !classes.includes('page-furniture') });
  if (ropts.tableBreak) text = breakPage(text, truth, layout, rng.fork('break-furniture'));
  if (classes.includes('page-furniture')) text = paginate(text, truth, layout, vr.fork('pages'));
  if (classes.includes('tab-expanded')) text = expandTabs(text, rng.fork('expand'));
  if (classes.includes('ocr-rules')) text = ruleBars(text, truth, rng.fork('ocr-rules'));
  return { seed, text, truth: plain(truth), layout, noise, lost, classes, expect };
}

// ---------------------------------------------------------------------------------------------
// OCR damage inside box labels
// ---------------------------------------------------------------------------------------------

/** Words of the header boxes' labels, as the form prints them. */
const LABEL_WORDS = [
  'Name', 'Address', 'Reporting', 'Person', 'Issuer', 'Ticker', 'Trading', 'Symbol', 'Date', 'Earliest', 'Transaction',
  'Event', 'Requiring', 'Statement', 'Amendment', 'Original', 'Filed', 'Relationship', 'Individual', 'Joint', 'Group',
  'Filing', 'Fiscal', 'Year', 'Ended', 'Month', 'Day',
];

const LOOKALIKE: [RegExp, string][] = [
  [/T/, 'Γ'], [/m/, 'rn'], [/e/, 'c'], [/l/, '1'], [/I/, 'l'], [/a/, 'o'], [/h/, 'b'], [/i/, 'í'], [/n/, 'ri'], [/S/, '5'],
];

function damageLabelWord(w: string, rng: Rng): string {
  const kind = rng.weighted([['drop', 3], ['split', 3], ['lookalike', 3], ['stutter', 1]] as const);
  if (kind === 'lookalike') {
    const options = LOOKALIKE.filter(([re]) => re.test(w));
    if (options.length) {
      const [re, rep] = rng.pick(options);
      return w.replace(re, rep);
    }
  }
  if (w.length < 4) return w;
  const i = rng.int(kind === 'stutter' ? 2 : 1, w.length - 2);
  if (kind === 'drop') return w.slice(0, i) + w.slice(i + 1);
  // "Earli iest", "Transact tion": a word split with a letter or two repeated on both sides.
  if (kind === 'stutter') return `${w.slice(0, i)} ${w.slice(i - 1)}`;
  return `${w.slice(0, i)} ${w.slice(i)}`;
}

/**
 * Damages two to five words of the header box labels (before Table I): letter drops, split words,
 * look-alikes, and a word merged with the next. Values are never touched (their words are protected).
 */
export function damageLabels(text: string, truth: FilingRecord, rng: Rng): string {
  const end = text.search(/Table I\b/);
  const head = end < 0 ? text : text.slice(0, end);
  const keep = protectedWords(truth);
  const words = new Set(LABEL_WORDS.filter((w) => !keep.has(w)));
  const spots: { at: number; word: string }[] = [];
  const re = /[A-Za-z][A-Za-z'’-]*/g;
  for (let m = re.exec(head); m; m = re.exec(head)) if (words.has(m[0])) spots.push({ at: m.index, word: m[0] });
  const chosen = rng.sample(spots, rng.int(2, 5)).sort((a, b) => a.at - b.at);
  let out = '';
  let last = 0;
  for (const s of chosen) {
    out += head.slice(last, s.at);
    // A merged word: the space after the word goes (only a single space, never a cell gap).
    if (rng.chance(0.2) && head[s.at + s.word.length] === ' ' && /[A-Za-z]/.test(head[s.at + s.word.length + 1] ?? '')) {
      out += s.word;
      last = s.at + s.word.length + 1;
    } else {
      out += damageLabelWord(s.word, rng);
      last = s.at + s.word.length;
    }
  }
  return out + head.slice(last) + (end < 0 ? '' : text.slice(end));
}

// ---------------------------------------------------------------------------------------------
// Printed pages: a browser's header and footer on every page
// ---------------------------------------------------------------------------------------------

interface Furniture {
  /** The page's header lines (before its text). */
  head: string[];
  /** The footer lines of page `p` (1-based) of `n`. */
  foot: (p: number, n: number) => string[];
}

/** A browser's print header and footer, as a text converter lays out their lines. */
function furniture(truth: FilingRecord, layout: Layout, rng: Rng): Furniture {
  const base = (truth.formType ?? '4').charAt(0);
  const d = new Date(Date.UTC(2024 + rng.int(0, 2), rng.int(0, 11), rng.int(1, 28), rng.int(0, 23), rng.int(0, 59)));
  const hh = d.getUTCHours() % 12 || 12;
  const stamp = rng.pick([
    `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${String(d.getUTCFullYear()).slice(2)}, ${hh}:${String(d.getUTCMinutes()).padStart(2, '0')} ${d.getUTCHours() < 12 ? 'AM' : 'PM'}`,
    `${mdy(d.toISOString().slice(0, 10))}, ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`,
  ]);
  const title = rng.pick([`SEC Form ${base}`, `SEC FORM ${base}`]);
  const cik = rng.int(1000000, 1999999);
  const url = rng.pick([
    `https://www.sec.gov/Archives/edgar/data/${cik}/000${rng.int(1000000, 9999999)}${rng.int(10, 99)}00${rng.int(1000, 9999)}/xslF345X0${rng.int(3, 5)}/form${base}.xml`,
    `file:///home/user/Downloads/form${base}-${cik}.html`,
    `file:///C:/Users/analyst/Documents/filings/wf-form${base}_${cik}.htm`,
  ]);
  const wide = layout === 'fixed-width' ? 150 : 100;
  const spread = (a: string, b: string, w: number): string => `${a}${' '.repeat(Math.max(2, w - a.length - b.length))}${b}`;
  return {
    head: [layout === 'tabbed' ? `${stamp}\t${title}` : spread(stamp, title, Math.floor(wide / 2) + title.length / 2), ''],
    foot: (p, n) => ['', layout === 'tabbed' ? `${url}\t${p}/${n}` : spread(url, `${p}/${n}`, wide)],
  };
}

/** Page furniture of a browser's print-to-PDF, as a text converter lays out its lines. */
export function paginate(text: string, truth: FilingRecord, layout: Layout, rng: Rng): string {
  const lines = text.replace(/\n$/, '').split('\n');
  const per = rng.int(40, 70);
  const pages = Math.max(1, Math.ceil(lines.length / per));
  const f = furniture(truth, layout, rng);
  const out: string[] = [];
  for (let p = 0; p < pages; p++) {
    if (p > 0) out.push('\f');
    out.push(...f.head);
    out.push(...lines.slice(p * per, (p + 1) * per));
    out.push(...f.foot(p + 1, pages));
  }
  return out.join('\n') + '\n';
}

/**
 * The page break a render left inside a table ({@link PAGE_BREAK}): the first page's footer, a
 * form feed and the second page's header (the text is two pages: a header before it, a footer after).
 */
export function breakPage(text: string, truth: FilingRecord, layout: Layout, rng: Rng): string {
  const f = furniture(truth, layout, rng);
  const at = text.indexOf(PAGE_BREAK);
  if (at < 0) return text;
  const lineEnd = text.indexOf('\n', at);
  const eol = text.slice(at + PAGE_BREAK.length, lineEnd < 0 ? text.length : lineEnd).replace(/ +/, '');
  const mid = [...f.foot(1, 2), '\f', ...f.head].join(`${eol}\n`);
  const body = text.slice(0, at) + mid + text.slice(lineEnd < 0 ? text.length : lineEnd);
  const bom = body.startsWith('\uFEFF') ? '\uFEFF' : '';
  return bom + [...f.head, body.slice(bom.length).replace(/\r?\n$/, ''), ...f.foot(2, 2)].join(`${eol}\n`) + `${eol}\n`;
}

// ---------------------------------------------------------------------------------------------
// Tabs expanded to spaces
// ---------------------------------------------------------------------------------------------

/**
 * The text as an editor or converter leaves it that expands every tab to the next 8-column stop
 * (`expand`, an editor's "convert tabs to spaces"), half the time also trimming trailing spaces.
 * A byte-order mark is not a column; line endings stay as they are.
 */
export function expandTabs(text: string, rng: Rng): string {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const trim = rng.chance(0.5);
  const lines = text.slice(bom.length).split('\n').map((line) => {
    const cr = line.endsWith('\r') ? '\r' : '';
    let out = '';
    for (const ch of cr ? line.slice(0, -1) : line) out += ch === '\t' ? ' '.repeat(8 - (out.length % 8)) : ch;
    return (trim ? out.trimEnd() : out) + cr;
  });
  return bom + lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Column rules read as bars
// ---------------------------------------------------------------------------------------------

/**
 * OCR of a printed form reads some of a table's vertical rules as `|`: in a table row (a line that
 * starts with a row's security title and holds a digit), one to three gaps between cells get a bar
 * in their middle (a space of the gap becomes the bar, so the columns stay where they are). A rule
 * stands clear of the cells' text: gaps of five spaces or more. Only the rows' lines change.
 */
export function ruleBars(text: string, truth: FilingRecord, rng: Rng): string {
  const titles = new Set([...truth.nonDerivative, ...truth.derivative].map((r) => r.securityTitle).filter((t): t is string => !!t));
  return text
    .split('\n')
    .map((line) => {
      const body = line.trimStart();
      if (!/\d/.test(line) || ![...titles].some((t) => body.startsWith(t))) return line;
      const title = [...titles].filter((t) => body.startsWith(t)).sort((a, b) => b.length - a.length)[0]!;
      const from = line.length - body.length + title.length;
      const gaps: number[] = [];
      const wide = /\S( {5,})(?=\S)/g;
      for (let m = wide.exec(line); m; m = wide.exec(line)) if (m.index >= from - 1) gaps.push(m.index + 1 + Math.floor(m[1]!.length / 2));
      if (!gaps.length) return line;
      // Code units, not code points: the bar takes the place of one space.
      const chars = line.split('');
      for (const at of rng.sample(gaps, Math.min(gaps.length, rng.int(1, 3)))) chars[at] = '|';
      return chars.join('');
    })
    .join('\n');
}

// ---------------------------------------------------------------------------------------------
// One-defect filings
// ---------------------------------------------------------------------------------------------

export type Defect =
  | 'missing-transaction-code' | 'unknown-transaction-code' | 'acquired-disposed-mismatch' | 'undefined-footnote'
  | 'unused-footnote' | 'duplicate-footnote' | 'missing-signature' | 'relationship-unchecked' | 'officer-title-missing'
  | 'indirect-without-nature' | 'missing-ownership-form' | 'missing-price' | 'late-filing' | 'no-rows' | 'code-on-form3';

export const DEFECTS: readonly Defect[] = [
  'missing-transaction-code', 'unknown-transaction-code', 'acquired-disposed-mismatch', 'undefined-footnote',
  'unused-footnote', 'duplicate-footnote', 'missing-signature', 'relationship-unchecked', 'officer-title-missing',
  'indirect-without-nature', 'missing-ownership-form', 'missing-price', 'late-filing', 'no-rows', 'code-on-form3',
];

export interface DefectCase {
  seed: Seed;
  text: string;
  layout: Layout;
  defect: Defect;
  /** The rule code that must fire. */
  expect: RuleCode;
}

function addDays(iso: string, n: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86400000).toISOString().slice(0, 10);
}

/** The form types a defect can be printed on. */
function defectForm(d: Defect, rng: Rng): FormType {
  switch (d) {
    case 'code-on-form3': return '3';
    case 'late-filing': return '4';
    case 'missing-transaction-code': case 'unknown-transaction-code': case 'acquired-disposed-mismatch': case 'missing-price': case 'no-rows':
      return rng.pick(['4', '5'] as const);
    default: return rng.pick(['3', '4', '5'] as const);
  }
}

/**
 * Applies one defect to a clean record (the filer's mistake, printed faithfully). Returns false when
 * the record has nothing the defect can apply to.
 */
function applyDefect(rec: FilingRecord, d: Defect, rng: Rng): boolean {
  const tx = rec.nonDerivative.filter((r) => r.kind === 'transaction');
  const rows = [...rec.nonDerivative, ...rec.derivative];
  switch (d) {
    case 'missing-transaction-code': {
      if (!tx.length) return false;
      rng.pick(tx).transactionCode = null;
      return true;
    }
    case 'unknown-transaction-code': {
      if (!tx.length) return false;
      rng.pick(tx).transactionCode = rng.pick(['Q', 'B', 'N', 'Y']);
      return true;
    }
    case 'acquired-disposed-mismatch': {
      const ps = tx.filter((r) => r.transactionCode === 'P' || r.transactionCode === 'S');
      if (!ps.length) return false;
      const r = rng.pick(ps);
      r.acquiredDisposed = r.acquiredDisposed === 'A' ? 'D' : 'A';
      return true;
    }
    case 'undefined-footnote': {
      if (!rec.footnotes.length) return false;
      const gone = rng.pick(rec.footnotes).id;
      rec.footnotes = rec.footnotes.filter((f) => f.id !== gone);
      return true;
    }
    case 'unused-footnote': {
      const id = String(rec.footnotes.length + 1);
      rec.footnotes.push({ id, text: 'The reporting person disclaims beneficial ownership of these securities except to the extent of any pecuniary interest therein.' });
      return true;
    }
    case 'duplicate-footnote': {
      if (!rec.footnotes.length) return false;
      const f = rng.pick(rec.footnotes);
      rec.footnotes.push({ id: f.id, text: 'The price reported is a weighted average price; full information is available on request.' });
      return true;
    }
    case 'missing-signature': {
      rec.signatures = [];
      return true;
    }
    case 'relationship-unchecked': {
      const o = rec.reportingOwners[0]!;
      o.isDirector = o.isOfficer = o.isTenPercentOwner = o.isOther = false;
      o.officerTitle = o.otherText = null;
      return true;
    }
    case 'officer-title-missing': {
      const o = rec.reportingOwners[0]!;
      o.isOfficer = true;
      o.officerTitle = null;
      // With Other checked and its text printed, which of the two lost its text is ambiguous.
      o.isOther = false;
      o.otherText = null;
      return true;
    }
    case 'indirect-without-nature': {
      const ind = rows.filter((r) => r.directOrIndirect === 'I');
      const dir = rows.filter((r) => r.directOrIndirect === 'D');
      if (ind.length) rng.pick(ind).natureOfOwnership = null;
      else if (dir.length) rng.pick(dir).directOrIndirect = 'I';
      else return false;
      return true;
    }
    case 'missing-ownership-form': {
      const withDi = rows.filter((r) => r.directOrIndirect === 'D');
      if (!withDi.length) return false;
      rng.pick(withDi).directOrIndirect = null;
      return true;
    }
    case 'missing-price': {
      const priced = tx.filter((r) => r.pricePerShare !== null && r.footnoteIds.length === 0);
      if (!priced.length) return false;
      rng.pick(priced).pricePerShare = null;
      return true;
    }
    case 'late-filing': {
      const dates = rows.filter((r) => r.kind === 'transaction').map((r) => r.transactionDate!).sort();
      if (!dates.length || !rec.signatures.length) return false;
      for (const s of rec.signatures) s.date = addDays(dates[dates.length - 1]!, rng.int(12, 40));
      return true;
    }
    case 'no-rows': {
      rec.nonDerivative = [];
      rec.derivative = [];
      rec.footnotes = [];
      rec.notSubjectToSection16 = false;
      return true;
    }
    case 'code-on-form3':
      return rec.nonDerivative.length > 0;
  }
}

/** A clean filing with exactly one defect of the given (or a drawn) kind, and the rule that must fire. */
export function generateDefectCase(seed: Seed, opts: { layout?: Layout; defect?: Defect } = {}): DefectCase {
  const rng = new Rng(`defect:${seed}`);
  const layout = opts.layout ?? rng.fork('layout').pick(LAYOUTS);
  const defect = opts.defect ?? rng.fork('defect').pick(DEFECTS);
  for (let k = 0; ; k++) {
    const r = rng.fork(`try${k}`);
    const rec = cloneFiling(randomFiling(r.fork('truth'), { formType: defectForm(defect, r), requireRows: defect !== 'no-rows' }));
    if (!applyDefect(rec, defect, r.fork('apply')) && k < 50) continue;
    const ropts: RenderOptions = {};
    if (defect === 'code-on-form3') ropts.form3Code = { row: r.int(0, Math.max(0, rec.nonDerivative.length - 1)), code: r.pick(['P', 'A', 'J', 'M', 'S', 'G']) };
    const text = render(rec, layout, r.fork(`render:${layout}`), ropts);
    return { seed, text, layout, defect, expect: defect };
  }
}
