/**
 * Renders a {@link FilingRecord} as the text a converter would make of the EDGAR form, in one of
 * seven layouts:
 *
 * - `tabbed`: PDF/OCR-to-text with tab-separated cells; header boxes side by side in one row of cells,
 *   sometimes with sub-column header words glued into the first data row (seeds 000/002);
 * - `markdown`: `#` headings, `**bold**`, escaped `\$` `\*`, tab-separated tables (seed 001);
 * - `markdown-html`: markdown with `<b>` box labels and `<input type="checkbox">` (seed 003);
 * - `fixed-width`: `pdftotext -layout`: space-padded columns, wrapped headers and long values;
 * - `pipe`: markdown pipe tables with `|---|` separators;
 * - `grid`: w3m-style box drawing with wrapped cells and `^(1)` markers;
 * - `linear`: lynx-style, every table row flattened to single-spaced text.
 *
 * Every non-null value of the record is printed; null values print nothing (or only their footnote
 * markers). The renderer never invents values that are not in the record.
 */

import type { FilingRecord, LayoutKind, ReportingOwnerRecord } from '../../server/src/analysis/types';
import { Rng } from './random';
import { Canvas, longestWord, padTo, wrap } from './canvas';
import { longDate, mdy } from './format';
import {
  type Boilerplate,
  type Cell,
  type Labels,
  type PowerOfAttorney,
  type RefStyle,
  type Spec,
  type Style,
  type TableModel,
  boilerplate,
  buildTables,
  cellString,
  cityLine,
  formSpec,
  labels,
  leafCount,

  mdEsc,
  pickSigPrefix,
  powerOfAttorney,
  superscriptDigits,
} from './model';

export type Layout = 'tabbed' | 'markdown' | 'markdown-html' | 'fixed-width' | 'pipe' | 'grid' | 'linear';

export const LAYOUTS: readonly Layout[] = ['tabbed', 'markdown', 'markdown-html', 'fixed-width', 'pipe', 'grid', 'linear'];

/** The analysis API's name for the layout family. */
export function layoutKind(layout: Layout): LayoutKind {
  switch (layout) {
    case 'markdown-html': return 'html';
    case 'pipe': return 'pipe-table';
    default: return layout;
  }
}

type Mark = (on: boolean | null) => string;

/**
 * Variations of how a filer or converter lays out the same form (each one a named class of the
 * varied generator, see variants.ts). All off by default, so plain renders stay as they were.
 */
export interface RenderOptions {
  /** Further reporting owners appear only in the Reporting Owners table, name and address in one cell. */
  ownersOnlyInTable?: boolean;
  /** The signature block prints its caption row ("Signature of Reporting Person | Date") before the /s/ row. */
  signatureCaptionFirst?: boolean;
  /** A Form 3 printed on a Form 4 template: Table I has a transaction-code column, with this code in this row. */
  form3Code?: { row: number; code: string };
  /** Tab and pipe tables: an empty V cell is dropped, so the cells after it move one column left. */
  dropEmptyV?: boolean;
  /** Column-aligned tables: narrow columns, so labels and long values wrap over more lines. */
  narrowColumns?: boolean;
  /** Tab-separated header: the three columns of boxes in another order (a converter's reading order). */
  boxOrder?: readonly [number, number, number];
  /**
   * References and footnote numbers printed another way than the layout's own: `[1]` or a bare
   * superscript `¹` (text taken from a PDF).
   */
  refPrint?: 'bracket' | 'bare';
  /** Signature dates printed `03-05-2021` or `March 5, 2021` instead of `03/05/2021`. */
  signatureDate?: 'dash' | 'long';
  /**
   * A printed page ends inside a table: before row `row` of `table` (or, `inside`, after the first
   * line of a row printed over several), where a {@link PAGE_BREAK} line stands for the page's
   * footer and the next page's header; the next page repeats the table's column heading, as
   * browsers print a table's heading on every page.
   */
  tableBreak?: { table: 'table1' | 'table2'; row: number; inside: boolean };
}

/** The line a page break inside a table stands on until the page furniture replaces it. */
export const PAGE_BREAK = '\u0000PAGE-BREAK\u0000';

/** Row lines with the page break and the repeated heading before row `at` (an index into `rows`). */
function breakRows(rows: string[], at: number, heading: readonly string[]): string[] {
  return [...rows.slice(0, at), PAGE_BREAK, ...heading, ...rows.slice(at)];
}

interface Ctx {
  rec: FilingRecord;
  rng: Rng;
  spec: Spec;
  lab: Labels;
  bp: Boilerplate;
  st: Style;
  t1: TableModel;
  t2: TableModel;
  sigPrefix: string;
  poa: PowerOfAttorney | null;
  ownersTable: boolean;
  /** Show the 10b5-1 box (2023+ Forms 4/5) and whether it is checked. */
  planBox: boolean;
  planChecked: boolean;
  title: string;
  tickerFmt: (t: string) => string;
  opts: RenderOptions;
}

const REF_STYLES: Record<Layout, readonly RefStyle[]> = {
  tabbed: ['paren'],
  markdown: ['paren', 'paren', 'sup', 'unicode'],
  'markdown-html': ['supParen', 'sup', 'paren'],
  'fixed-width': ['paren', 'paren', 'unicode'],
  pipe: ['paren', 'sup', 'caret'],
  grid: ['caret'],
  linear: ['caret'],
};

function makeCtx(rec: FilingRecord, layout: Layout, rng: Rng, opts: RenderOptions): Ctx {
  const spec = formSpec(rec, rng);
  const md = layout === 'markdown' || layout === 'markdown-html' || layout === 'pipe';
  const st: Style = {
    dollar: layout === 'grid' || layout === 'linear' ? '$' : rng.pick(['$', '$ ']),
    fixedCents: rng.chance(0.3),
    // The draw happens either way, so a case asking for another print keeps every other choice.
    refStyle: ((drawn: RefStyle) => opts.refPrint ?? drawn)(rng.pick(REF_STYLES[layout])),
    refGap: layout === 'grid' || layout === 'linear' ? '' : rng.pick(['', ' ']),
    mdEscape: md,
  };
  const [t1, t2] = buildTables(rec, spec, st, rng, opts.form3Code);
  const period = rec.periodOfReport ?? '';
  const planBox = spec.base !== '3' && period >= '2023-04-01';
  return {
    rec, rng, spec, st, t1, t2,
    lab: labels(spec, rng, layout === 'grid' || layout === 'linear'),
    bp: boilerplate(spec, rng),
    sigPrefix: pickSigPrefix(rng),
    poa: rng.chance(0.3) ? powerOfAttorney(rec, rng) : null,
    ownersTable: rec.reportingOwners.length > 1 || rng.chance(0.4) || !!opts.ownersOnlyInTable,
    planBox,
    planChecked: planBox && rec.footnotes.some((f) => /10b5-1/.test(f.text)),
    title: spec.amended && rng.chance(0.5) ? `${spec.title}/A` : spec.title,
    tickerFmt: rng.pick([(t: string) => `[${t}]`, (t: string) => `[ ${t} ]`]),
    opts,
  };
}

export function render(record: FilingRecord, layout: Layout, rng: Rng, opts: RenderOptions = {}): string {
  const ctx = makeCtx(record, layout, rng, opts);
  let lines: string[];
  switch (layout) {
    case 'tabbed': lines = renderFlow(ctx, 'tabbed'); break;
    case 'markdown': lines = renderFlow(ctx, 'markdown'); break;
    case 'markdown-html': lines = renderFlow(ctx, 'html'); break;
    case 'fixed-width': lines = renderFixed(ctx); break;
    case 'pipe': lines = renderPipe(ctx); break;
    case 'grid': lines = renderGrid(ctx); break;
    case 'linear': lines = renderLinear(ctx); break;
  }
  return lines.join('\n').replace(/\n{3,}/g, '\n\n') + '\n';
}

// ---------------------------------------------------------------------------------------------
// Shared pieces
// ---------------------------------------------------------------------------------------------

function rel(o: ReportingOwnerRecord): [boolean | null, boolean | null, boolean | null, boolean | null] {
  return [o.isDirector, o.isTenPercentOwner, o.isOfficer, o.isOther];
}

function issuerValue(ctx: Ctx): string {
  const { name, tradingSymbol } = ctx.rec.issuer;
  return [name ?? '', tradingSymbol ? ctx.tickerFmt(tradingSymbol) : ''].filter(Boolean).join(' ');
}

function dateValue(ctx: Ctx): string {
  return ctx.rec.periodOfReport ? mdy(ctx.rec.periodOfReport) : '';
}

function amendValue(ctx: Ctx): string {
  return ctx.rec.dateOfOriginalSubmission ? mdy(ctx.rec.dateOfOriginalSubmission) : '';
}

function jointMarks(ctx: Ctx): [boolean | null, boolean | null] {
  const j = ctx.rec.jointFiling;
  return j === null ? [null, null] : [!j, j];
}

function titleTexts(o: ReportingOwnerRecord): string[] {
  return [o.isOfficer ? o.officerTitle : null, o.isOther ? o.otherText : null].filter((x): x is string => !!x);
}

function sigName(ctx: Ctx, name: string | null): string {
  return name === null ? '' : `${ctx.sigPrefix}${name}`;
}

function footnoteMarker(id: string, style: 'paren' | 'dot' | 'boldParen', ctx?: Ctx): string {
  if (ctx?.opts.refPrint === 'bracket') return `[${id}]`;
  if (ctx?.opts.refPrint === 'bare') return superscriptDigits(id);
  return style === 'paren' ? `(${id})` : style === 'dot' ? `${id}.` : `**(${id})**`;
}

/** A signature's date as the case prints it. */
function sigDate(ctx: Ctx, iso: string | null): string {
  if (!iso) return '';
  if (ctx.opts.signatureDate === 'dash') return mdy(iso).replace(/\//g, '-');
  if (ctx.opts.signatureDate === 'long') return longDate(iso);
  return mdy(iso);
}

// ---------------------------------------------------------------------------------------------
// tabbed / markdown / markdown-html: line-oriented, tab-separated cells
// ---------------------------------------------------------------------------------------------

type FlowVariant = 'tabbed' | 'markdown' | 'html';

function flowMark(ctx: Ctx, v: FlowVariant): Mark {
  const { rng } = ctx;
  if (v === 'html') {
    const on = rng.pick(['<input checked="" type="checkbox"/>', '<input type="checkbox" checked>', '<input type="checkbox" checked="checked"/>']);
    const off = on.includes('/>') ? '<input type="checkbox"/>' : '<input type="checkbox">';
    return (b) => (b ? `${on} ` : `${off} `);
  }
  const style = rng.pick(v === 'markdown' ? ['x', 'under', 'bracket', 'ballot'] : ['x', 'under', 'bracket', 'ballot', 'x']);
  switch (style) {
    case 'under': return (b) => (b ? '_X_' : '_');
    case 'bracket': return (b) => (b ? '[X] ' : '[ ] ');
    case 'ballot': return (b) => (b ? '☒ ' : '☐ ');
    default: return (b) => (b ? 'X ' : '');
  }
}

function renderFlow(ctx: Ctx, v: FlowVariant): string[] {
  const { rec, rng, spec, lab, bp, st } = ctx;
  const md = v !== 'tabbed';
  const E = (s: string): string => mdEsc(s, st);
  const mark = flowMark(ctx, v);
  const gap = (): string => '\t'.repeat(rng.int(1, 4));
  const bold = (s: string): string => (v === 'html' ? `<b>${s}</b>` : s);
  const out: string[] = [];
  const h = (level: number, s: string): string => (md ? `${'#'.repeat(level)} ${s}` : s);

  // Title block.
  out.push(h(1, ctx.title), '');
  if (v === 'html') out.push('**UNITED STATES SECURITIES AND EXCHANGE  ', 'COMMISSION  ', 'Washington, D.C. 20549**', '');
  else out.push(h(2, 'UNITED STATES SECURITIES AND EXCHANGE COMMISSION Washington, D.C. 20549'), '');
  const sep = md ? '\t' : rng.pick([' ', '\t']);
  out.push('OMB APPROVAL', `OMB Number:${sep}${spec.omb}`);
  if (rng.chance(0.5)) out.push('Estimated average burden', `hours per response...${sep}${spec.burden}`);
  else out.push(`Estimated average burden hours per response...${sep}${spec.burden}`);
  out.push('');
  if (spec.base !== '3') {
    out.push(`${mark(rec.notSubjectToSection16)}${md ? lab.exitBox : lab.exitBox.replace(/\*See\*/, 'See')}`, '');
    if (spec.base === '5') out.push(`${mark(false)}${lab.form3Holdings}`, `${mark(false)}${lab.form4Transactions}`, '');
    if (ctx.planBox) out.push(`${mark(ctx.planChecked)}${lab.planBox}`, '');
  }
  out.push(h(rng.pick([2, 4]), spec.statement), '');
  out.push('Filed pursuant to Section 16(a) of the Securities Exchange Act of 1934 or Section 30(h) of the Investment Company Act of 1940', '');
  if (rng.chance(0.5)) out.push(lab.printType, '');

  // Header boxes.
  const owner = rec.reportingOwners[0];
  out.push(...flowHeader(ctx, v, owner, mark, gap, bold));
  out.push('');

  // Tables.
  for (const t of [ctx.t1, ctx.t2]) {
    out.push(h(3, t.title + (t.subtitle ? ` ${t.subtitle}` : '')), '');
    out.push(...flowTable(ctx, t));
    out.push('');
    if (t.key === 'table1' && rng.chance(0.6)) out.push(bp.reminder, '');
  }
  if (rng.chance(0.4)) out.push(spec.secNumber, '');

  // Further reporting persons.
  for (const o of ctx.opts.ownersOnlyInTable ? [] : rec.reportingOwners.slice(1)) {
    out.push(...flowOwnerBlock(ctx, v, o, bold), '');
  }
  if (ctx.ownersTable) {
    out.push(md ? h(rng.pick([2, 3]), rng.chance(0.5) ? '**Reporting Owners**' : 'Reporting Owners') : 'Reporting Owners', '');
    out.push(...flowOwnersTable(ctx, v), '');
  }

  const sigFirst = rng.chance(0.6);
  const sigs = (): string[] => {
    const s: string[] = [md ? h(2, rng.chance(0.5) ? '**Signatures**' : 'Signatures') : 'Signatures', ''];
    const label = `${rng.pick(['** ', '**', ''])}Signature of Reporting Person`;
    const labelOnce = rng.chance(0.4);
    if (ctx.opts.signatureCaptionFirst) {
      // A table whose caption row comes first: the caption, then one /s/ row per signer.
      s.push(`${E(label)}\tDate`);
      for (const sg of rec.signatures) s.push(`${E(sigName(ctx, sg.name))}\t${sigDate(ctx, sg.date)}`);
      s.push('');
      return s;
    }
    rec.signatures.forEach((sg, i) => {
      s.push(`${E(sigName(ctx, sg.name))}\t${sigDate(ctx, sg.date)}`);
      if (!labelOnce || i === rec.signatures.length - 1) s.push(`${E(label)}\tDate`);
    });
    s.push('');
    return s;
  };
  if (sigFirst) out.push(...sigs());

  // Explanation of responses.
  out.push(md ? h(2, rng.chance(0.5) ? '**Explanation of Responses:**' : 'Explanation of Responses:') : 'Explanation of Responses:', '');
  const bullet = md ? rng.pick(['- ', '']) : rng.pick(['- ', '']);
  const fnStyle = rng.pick(md ? (['paren', 'boldParen'] as const) : (['paren', 'paren', 'dot'] as const));
  const boilerFirst = rng.chance(0.7);
  const boil = [`${bullet}${E(bp.joint)}`, `${bullet}${E(bp.intentional)}`];
  const notes = rec.footnotes.map((f) => `${bullet}${footnoteMarker(f.id, fnStyle, ctx)} ${E(f.text)}`);
  const blank = bullet ? [] : [''];
  const interleave = (xs: string[]): string[] => xs.flatMap((x) => [x, ...blank]);
  if (boilerFirst) out.push(...interleave(boil), ...interleave(notes));
  else out.push(...interleave(notes), ...interleave(boil));
  out.push('');
  if (rec.remarks !== null || rng.chance(0.4)) {
    const label = md ? '**Remarks:**' : 'Remarks:';
    if (rec.remarks && rng.chance(0.5)) out.push(`${label} ${E(rec.remarks)}`, '');
    else out.push(label, '', ...(rec.remarks ? [E(rec.remarks), ''] : []));
  }
  if (!sigFirst) out.push(...sigs());
  out.push(E(bp.note), '', E(bp.persons), '');
  if (ctx.poa) out.push(...flowPoa(ctx, v));
  return out;
}

function flowCheckLine(ctx: Ctx, o: ReportingOwnerRecord | undefined, mark: Mark): string {
  const { lab } = ctx;
  const [d, t, of, ot] = o ? rel(o) : [null, null, null, null];
  return `${mark(d)}${lab.director} ${mark(t)}${lab.tenPct} ${mark(of)}${lab.officer} ${mark(ot)}${lab.other}`;
}

function flowHeader(ctx: Ctx, v: FlowVariant, o: ReportingOwnerRecord | undefined, mark: Mark, gap: () => string, bold: (s: string) => string): string[] {
  const { lab, spec, st, rec } = ctx;
  const E = (s: string): string => mdEsc(s, st);
  const splitMdy = (label: string): string => label.replace(/ ?(\(Month\/Day\/Year\))$/, (_m, x: string) => (v === 'html' ? `</b> ${x}` : ` ${x}`));
  const boxLabel = (label: string): string => {
    if (v !== 'html') return E(label);
    const l = splitMdy(label);
    return l.includes('</b>') ? `<b>${E(l)}` : bold(E(label));
  };
  const comma = ctx.rng.chance(0.7);
  const titles = o ? titleTexts(o).map(E) : [];
  const jm = jointMarks(ctx);
  const joint = `${boxLabel(lab.joint)} ${lab.jointSub} ${mark(jm[0])}${lab.one} ${mark(jm[1])}${lab.more}`;
  const relBox = `${boxLabel(lab.rel)} ${lab.relSub}`;
  const checks = flowCheckLine(ctx, o, mark);
  const issuer = `${boxLabel(lab.issuer)} ${E(issuerValue(ctx))}`;
  const date = `${boxLabel(lab.date)} ${dateValue(ctx)}`.trim();
  const amend = `${boxLabel(lab.amend)} ${amendValue(ctx)}`.trim();
  const name = o?.name ? E(o.name) : '';
  const st1 = o?.street1 ? E(o.street1) : '';
  const st2 = o?.street2 ? E(o.street2) : '';
  const city = o ? E(cityLine(o, comma)) : '';

  if (v === 'html') {
    const box1 = `${bold(E(lab.box1))} ${name} ${lab.lastFirstMiddle} ${st1}${st2 ? `<br/>${st2}` : ''} ${lab.street} ${city} ${lab.cityStateZip}`.replace(/ +/g, ' ');
    const relFull = `${relBox} ${checks}${titles.length ? ` ${titles.join('<br/>')}` : ''}`;
    if (spec.base === '3') {
      return [
        `${box1}\t${date}\t${issuer}\t`,
        `\t\t${relFull}\t${amend}`,
        `\t\t${joint}\t`,
      ];
    }
    return [
      `${box1}\t${issuer}\t${relFull}`,
      `\t${date}\t${joint}`,
      `\t${amend}\t`,
    ];
  }

  const relLine = `${checks}${titles.length ? `${gap()}${titles.join(gap())}` : ''}`;
  const rows: string[][] = [];
  if (spec.base === '3') {
    rows.push([`${E(lab.box1)} ${name}`, date, issuer]);
    rows.push([`${lab.lastFirstMiddle} ${st1}`, `${relBox} ${relLine}`, amend]);
    if (st2) rows.push([st2, '', '']);
    rows.push([`${lab.street} ${city}`, '', joint]);
    rows.push([lab.cityStateZip, '', '']);
  } else {
    rows.push([`${E(lab.box1)} ${name}`, issuer, relBox]);
    rows.push([`${lab.lastFirstMiddle} ${st1}`, date, relLine]);
    if (st2) rows.push([st2, '', '']);
    rows.push([`${lab.street} ${city}`, amend, joint]);
    rows.push([lab.cityStateZip, '', '']);
  }
  void rec;
  const order = ctx.opts.boxOrder;
  const placed = order ? rows.map((r) => order.map((k) => r[k] ?? '')) : rows;
  return placed.map((r) => r.map((c) => c.trim()).join(gap()).replace(/\s+$/, ''));
}

function flowOwnerBlock(ctx: Ctx, v: FlowVariant, o: ReportingOwnerRecord, bold: (s: string) => string): string[] {
  const { lab, st } = ctx;
  const E = (s: string): string => mdEsc(s, st);
  const lines = [
    `${bold(E(lab.box1))} ${o.name ? E(o.name) : ''}`.trim(),
    `${lab.lastFirstMiddle} ${o.street1 ? E(o.street1) : ''}`.trim(),
  ];
  if (o.street2) lines.push(E(o.street2));
  lines.push(`${lab.street} ${E(cityLine(o, true))}`.trim(), lab.cityStateZip);
  return v === 'tabbed' ? lines : lines.map((l, i) => (i < lines.length - 1 ? `${l}  ` : l));
}

function flowOwnersTable(ctx: Ctx, v: FlowVariant): string[] {
  const { rec, st, rng } = ctx;
  const E = (s: string): string => mdEsc(s, st);
  const out: string[] = [];
  if (rng.chance(0.5)) out.push('\tRelationships\t\t\t', 'Reporting Owner Name / Address\tDirector\t10% Owner\tOfficer\tOther');
  else out.push('Reporting Owner Name / Address\tRelationships\t\t\t', '\tDirector\t10% Owner\tOfficer\tOther');
  for (const o of rec.reportingOwners) {
    const addr = [o.name, o.street1, o.street2, cityLine(o, true)].filter(Boolean).map((x) => E(x!));
    const who = v === 'html' ? addr.join('<br/>') : addr.join(' ');
    out.push([
      who,
      o.isDirector ? 'X' : '',
      o.isTenPercentOwner ? 'X' : '',
      o.isOfficer ? E(o.officerTitle ?? 'X') : '',
      o.isOther ? E(o.otherText ?? 'X') : '',
    ].join('\t'));
  }
  return out;
}

function flowTable(ctx: Ctx, t: TableModel): string[] {
  const { st, rng } = ctx;
  const out: string[] = [];
  const head = t.cols.flatMap((c) => [mdEsc(c.label, st), ...Array<string>((c.subs?.length ?? 1) - 1).fill('')]);
  const subs = t.cols.flatMap((c) => c.subs ?? ['']);
  out.push(head.join('\t'));
  const rows = t.rows.map((r) => r.map((c) => cellString(c, st)));
  const glue = rows.length > 0 && rng.chance(0.25);
  if (glue) {
    // The sub-column header row merged into the first data row (what OCR does to a tight table).
    rows[0] = rows[0]!.map((cell, i) => (subs[i] && subs[i] !== 'V' ? `${mdEsc(subs[i]!, st)} ${cell}`.trim() : cell));
  } else {
    out.push(subs.join('\t'));
  }
  const body = rows.map((r) => dropV(ctx, t, r).join('\t'));
  const brk = ctx.opts.tableBreak;
  // The repeated heading is the printed one (the sub-column row too, even where the first page glued it).
  if (brk?.table === t.key) return [...out, ...breakRows(body, brk.row, [head.join('\t'), subs.join('\t')])];
  return [...out, ...body];
}

/** The row's cells without an empty V cell when the case drops it (the cells after it shift left). */
function dropV(ctx: Ctx, t: TableModel, cells: string[]): string[] {
  if (!ctx.opts.dropEmptyV) return cells;
  const v = t.cols.flatMap((c) => c.subs ?? ['']).indexOf('V');
  return v >= 0 && cells[v] === '' ? cells.filter((_c, i) => i !== v) : cells;
}

function flowPoa(ctx: Ctx, v: FlowVariant): string[] {
  const poa = ctx.poa!;
  const md = v !== 'tabbed';
  const E = (s: string): string => mdEsc(s, ctx.st);
  const bullet = ctx.rng.pick(['- ', '']);
  return [
    md ? `#### ${poa.title}` : poa.title, '',
    E(poa.intro), '',
    ...poa.items.flatMap((i) => [`${bullet}${E(i)}`, ...(bullet ? [] : [''])]), '',
    ...poa.after.flatMap((p) => [E(p), '']),
    E(poa.witness), '',
    `/s/ ${E(poa.signer)}`, E(poa.signer), '',
  ];
}

// ---------------------------------------------------------------------------------------------
// Column-aligned tables on a canvas (grid: box drawing; fixed-width: spaces)
// ---------------------------------------------------------------------------------------------

interface GridOpts {
  borders: boolean;
  /** Separator lines between data rows. */
  rowRules: boolean;
  /** Width budget for wide (title/nature) columns. */
  wideWidth: number;
  narrowWidth: number;
  titleCentered: boolean;
  style: Style;
}

/** Narrow columns: every label wraps over more lines and long titles over several. */
function narrow(o: GridOpts, rng: Rng): void {
  o.wideWidth = rng.int(8, 12);
  o.narrowWidth = rng.int(5, 7);
}

function tableLines(t: TableModel, o: GridOpts, brk?: RenderOptions['tableBreak']): string[] {
  const n = leafCount(t.cols);
  const cellStrs = t.rows.map((r) => r.map((c: Cell) => cellString(c, o.style, false)));
  // Leaf widths: fit the longest word of every value and of the sub-label, at least a base width.
  const widths: number[] = [];
  let leaf = 0;
  for (const c of t.cols) {
    const k = c.subs?.length ?? 1;
    for (let j = 0; j < k; j++, leaf++) {
      let w = c.wide ? o.wideWidth : o.narrowWidth;
      if (c.subs) w = Math.max(c.subs[j] === 'Title' ? Math.max(w, o.narrowWidth + 4) : Math.min(w, 9), longestWord(c.subs[j]!));
      else w = Math.max(w, longestWord(c.label));
      for (const r of cellStrs) {
        const s = r[leaf] ?? '';
        w = Math.max(w, longestWord(s));
        // Dates and amounts never wrap.
        if (/^[\d$,./ ^()⁽⁾¹²³⁴⁵⁶⁷⁸⁹⁰-]+$/.test(s)) w = Math.max(w, [...s].length);
      }
      widths.push(w);
    }
  }
  // Group labels must fit their span (at least their longest word).
  leaf = 0;
  for (const c of t.cols) {
    const k = c.subs?.length ?? 1;
    if (c.subs) {
      const span = widths.slice(leaf, leaf + k).reduce((s, w) => s + w + 3, -3);
      const need = longestWord(c.label);
      if (span < need) widths[leaf + k - 1]! += need - span;
    }
    leaf += k;
  }
  // x of each leaf's left border; cell interior = width + 2 spaces.
  const xs: number[] = [0];
  for (const w of widths) xs.push(xs[xs.length - 1]! + w + 3);
  const right = xs[n]!;
  const cv = new Canvas();
  let y = 0;
  // Title box.
  const titleLines = [t.title, ...(t.subtitle ? [t.subtitle] : [])].flatMap((s) => wrap(s, right - 4));
  cv.box({ x0: 0, x1: right, y0: y, y1: y + titleLines.length + 1, lines: titleLines, align: o.titleCentered ? 'c' : 'l' }, o.borders);
  y += titleLines.length + 1;
  // Header bands.
  const groupLines: string[][] = [];
  const subLines: string[][] = [];
  leaf = 0;
  let h1 = 1;
  let h2 = 1;
  for (const c of t.cols) {
    const k = c.subs?.length ?? 1;
    if (c.subs) {
      const span = xs[leaf + k]! - xs[leaf]! - 3;
      const gl = wrap(c.label, span);
      groupLines.push(gl);
      h1 = Math.max(h1, gl.length);
      c.subs.forEach((s, j) => {
        const sl = wrap(s, widths[leaf + j]!);
        subLines.push(sl);
        h2 = Math.max(h2, sl.length);
      });
    } else {
      groupLines.push(wrap(c.label, widths[leaf]!));
    }
    leaf += k;
  }
  // Non-grouped labels span both bands: (h1 + 1 + h2) interior lines.
  const hasGroups = t.cols.some((c) => c.subs);
  leaf = 0;
  for (const [i, c] of t.cols.entries()) {
    if (!c.subs) {
      const need = groupLines[i]!.length;
      const avail = hasGroups ? h1 + 1 + h2 : h1;
      if (need > avail) h1 += need - avail;
    }
  }
  const headTop = y;
  const band2 = headTop + h1 + 1;
  const headBottom = hasGroups ? band2 + h2 + 1 : headTop + h1 + 1;
  leaf = 0;
  let sub = 0;
  for (const [i, c] of t.cols.entries()) {
    const k = c.subs?.length ?? 1;
    if (c.subs) {
      cv.box({ x0: xs[leaf]!, x1: xs[leaf + k]!, y0: headTop, y1: band2, lines: groupLines[i]! }, o.borders);
      for (let j = 0; j < k; j++) {
        // Sub-labels sit at the bottom of their band, centered (as w3m prints them).
        const sl = subLines[sub++]!;
        const pad = Array<string>(h2 - sl.length).fill('');
        cv.box({ x0: xs[leaf + j]!, x1: xs[leaf + j + 1]!, y0: band2, y1: headBottom, lines: [...pad, ...sl], align: 'c' }, o.borders);
      }
    } else {
      cv.box({ x0: xs[leaf]!, x1: xs[leaf + 1]!, y0: headTop, y1: headBottom, lines: groupLines[i]! }, o.borders);
    }
    leaf += k;
  }
  y = headBottom;
  // Data rows.
  const rowTops: number[] = [];
  const rowHeights: number[] = [];
  t.rows.forEach((r, ri) => {
    const wrapped = r.map((_c, i) => wrap(cellStrs[ri]![i]!, widths[i]!));
    const hgt = Math.max(1, ...wrapped.map((w) => w.length));
    rowTops.push(y);
    rowHeights.push(hgt);
    for (let i = 0; i < n; i++) {
      cv.box({ x0: xs[i]!, x1: xs[i + 1]!, y0: y, y1: y + hgt + 1, lines: wrapped[i]!, align: r[i]!.align }, o.borders);
    }
    y += hgt + (o.rowRules || !o.borders ? 1 : 1);
  });
  const lines = cv.render(!o.borders);
  if (!brk || brk.table !== t.key) return lines;
  // The heading from its top rule to its bottom rule, repeated on the next page; the break goes
  // after the rule above the row (or after the row's first line).
  const heading = lines.slice(headTop, headBottom + 1);
  const top = rowTops[brk.row] ?? y;
  const inside = brk.inside && (rowHeights[brk.row] ?? 0) > 1 ? 1 : 0;
  return breakRows(lines, top + 1 + inside, heading);
}

// ---------------------------------------------------------------------------------------------
// grid (w3m)
// ---------------------------------------------------------------------------------------------

function gridCheckbox(on: boolean | null): string[] {
  return on ? ['┌─┐', '│X│', '└─┘'] : ['┌─┐', '└─┘'];
}

function ownerBoxLines(ctx: Ctx, o: ReportingOwnerRecord | undefined, width: number, rule: string): string[] {
  const { lab } = ctx;
  const w3 = Math.floor(width / 3);
  const cityCols = o ? [o.city ?? '', o.state ?? '', o.zip ?? ''] : ['', '', ''];
  const cityRow = cityCols[0]!.length >= w3 - 1
    ? cityCols.filter(Boolean).join('  ')
    : padTo(cityCols[0]!, w3) + padTo(cityCols[1]!, w3) + cityCols[2]!;
  return [
    ...wrap(lab.box1, width), '',
    ...wrap(o?.name ?? '', width), '',
    rule, '',
    `${padTo('(Last)', w3)}${padTo('(First)', w3)}(Middle)`, '',
    ...[o?.street1, o?.street2].filter((x): x is string => !!x).flatMap((s) => wrap(s, width)), '',
    rule,
    '(Street)', '',
    cityRow.trimEnd(), '',
    rule, '',
    `${padTo('(City)', w3)}${padTo('(State)', w3)}(Zip)`,
  ];
}

function relBoxLines(ctx: Ctx, o: ReportingOwnerRecord | undefined, width: number): string[] {
  const { lab } = ctx;
  const [d, t, of, ot] = o ? rel(o) : [null, null, null, null];
  const m = (b: boolean | null): string => (b ? 'X' : ' ');
  const lines = [...wrap(`${lab.rel}`, width), lab.relSub, ''];
  lines.push(`  ${m(d)}  ${padTo(lab.director, 20)}${m(t)}  ${lab.tenPct}`);
  lines.push(`  ${m(of)}  ${padTo('Officer (give', 20)}${m(ot)}  Other (specify`);
  lines.push(`     ${padTo('title below)', 21)}  below)`);
  const titleLines = o?.isOfficer && o.officerTitle ? wrap(o.officerTitle, 19) : [];
  const otherLines = o?.isOther && o.otherText ? wrap(o.otherText, Math.max(12, width - 31)) : [];
  for (let i = 0; i < Math.max(titleLines.length, otherLines.length); i++) {
    lines.push(`     ${padTo(titleLines[i] ?? '', 21)}  ${otherLines[i] ?? ''}`.trimEnd());
  }
  return lines;
}

function jointBoxLines(ctx: Ctx, width: number): string[] {
  const { lab } = ctx;
  const [one, more] = jointMarks(ctx);
  const m = (b: boolean | null): string => (b ? 'X' : ' ');
  const inner = width - 9;
  const a = wrap(lab.one, inner);
  const b = wrap(lab.more, inner);
  return [
    ...wrap(`${lab.joint} ${lab.jointSub}`, width), '',
    `   ${m(one)}    ${a[0]}`, ...a.slice(1).map((l) => `        ${l}`),
    `   ${m(more)}    ${b[0]}`, ...b.slice(1).map((l) => `        ${l}`),
  ];
}

function renderGrid(ctx: Ctx): string[] {
  const { rec, rng, spec, lab, bp, st } = ctx;
  const out: string[] = [`SEC Form ${spec.base}`, ''];
  // Title block with the OMB box on the right.
  const top = new Canvas();
  top.text(14, 0, ctx.title);
  top.text(57, 0, 'UNITED STATES SECURITIES AND EXCHANGE COMMISSION');
  top.text(70, 1, 'Washington, D.C. 20549');
  top.text(spec.base === '5' ? 56 : 57, 3, spec.statement);
  top.text(46, 5, 'Filed pursuant to Section 16(a) of the Securities Exchange Act of 1934');
  top.text(54, 6, 'or Section 30(h) of the Investment Company Act of 1940');
  top.box({ x0: 129, x1: 160, y0: 0, y1: 7, lines: [], inset: 0 });
  top.hline(2, 129, 160);
  top.text(130, 1, 'OMB APPROVAL');
  top.text(130, 3, `OMB Number:          ${spec.omb}`);
  top.text(130, 4, 'Estimated average burden');
  top.text(130, 5, `hours per response:  ${spec.burden}`);
  let y = 9;
  if (spec.base !== '3') {
    const exitText = wrap(lab.exitBox.replace(/\*See\*/, 'See'), 29);
    const cb = gridCheckbox(rec.notSubjectToSection16);
    cb.forEach((l, i) => top.text(0, 3 + i, l));
    exitText.forEach((l, i) => top.text(5, 2 + i, l));
    y = Math.max(y, 2 + exitText.length + 1);
    const extra: [string, boolean][] = [];
    if (spec.base === '5') extra.push([lab.form3Holdings, false], [lab.form4Transactions, false]);
    if (ctx.planBox) extra.push([lab.planBox, ctx.planChecked]);
    for (const [text, on] of extra) {
      const tl = wrap(text, 29);
      const c = gridCheckbox(on);
      tl.forEach((l, i) => top.text(5, y + i, l));
      c.forEach((l, i) => top.text(0, y + Math.max(0, Math.floor(tl.length / 2) - 1) + i, l));
      y += Math.max(tl.length, c.length) + 1;
    }
  }
  out.push(...top.render(), '');

  // Header boxes.
  const owner = rec.reportingOwners[0];
  const cv = new Canvas();
  const rule = '━'.repeat(50);
  if (spec.base === '3') {
    const b1 = ownerBoxLines(ctx, owner, 43, rule.slice(0, 42));
    const b2 = [...wrap(lab.date.replace(' (Month', '\n(Month'), 22), dateValue(ctx)];
    const b3 = [lab.issuer, issuerValue(ctx)];
    const b4 = relBoxLines(ctx, owner, 44);
    const b5 = [...wrap(lab.amend, 37), amendValue(ctx)];
    const b6 = jointBoxLines(ctx, 37);
    const h3 = b3.length + 1;
    const h5 = b5.length + 1;
    const H = Math.max(b1.length + 1, b2.length + 1, h3 + b4.length + 1, h3 + h5 + b6.length + 1) + 1;
    cv.box({ x0: 0, x1: 46, y0: 0, y1: H, lines: b1 });
    cv.box({ x0: 46, x1: 71, y0: 0, y1: H, lines: b2 });
    cv.box({ x0: 71, x1: 158, y0: 0, y1: h3, lines: b3 });
    cv.box({ x0: 71, x1: 118, y0: h3, y1: H, lines: b4 });
    cv.box({ x0: 118, x1: 158, y0: h3, y1: h3 + h5, lines: b5 });
    cv.box({ x0: 118, x1: 158, y0: h3 + h5, y1: H, lines: b6 });
  } else {
    const b1 = ownerBoxLines(ctx, owner, 52, rule);
    const b2 = [lab.issuer, issuerValue(ctx), ''];
    const b3 = [...wrap(lab.date, 52), dateValue(ctx), ''];
    const b4 = [...wrap(lab.amend, 52), amendValue(ctx)];
    const b5 = relBoxLines(ctx, owner, 45);
    const b6 = jointBoxLines(ctx, 45);
    const h2 = b2.length + 1;
    const h3 = b3.length + 1;
    const h5 = Math.max(b5.length + 1, h2 + h3);
    const H = Math.max(b1.length + 1, h2 + h3 + b4.length + 1, h5 + b6.length + 1) + 1;
    cv.box({ x0: 0, x1: 55, y0: 0, y1: H, lines: b1 });
    cv.box({ x0: 55, x1: 110, y0: 0, y1: h2, lines: b2 });
    cv.box({ x0: 55, x1: 110, y0: h2, y1: h2 + h3, lines: b3 });
    cv.box({ x0: 55, x1: 110, y0: h2 + h3, y1: H, lines: b4 });
    cv.box({ x0: 110, x1: 158, y0: 0, y1: h5, lines: b5 });
    cv.box({ x0: 110, x1: 158, y0: h5, y1: H, lines: b6 });
  }
  out.push(...cv.render());

  const gridOpts: GridOpts = { borders: true, rowRules: true, wideWidth: rng.int(12, 24), narrowWidth: rng.int(8, 11), titleCentered: true, style: st };
  if (ctx.opts.narrowColumns) narrow(gridOpts, ctx.rng.fork('narrow'));
  out.push(...tableLines(ctx.t1, { ...gridOpts, wideWidth: rng.int(16, 36) }, ctx.opts.tableBreak));
  out.push(...tableLines(ctx.t2, gridOpts, ctx.opts.tableBreak));

  // Further reporting persons: box 1 and their relationship side by side.
  if (rec.reportingOwners.length > 1) {
    const oc = new Canvas();
    let oy = 0;
    for (const o of rec.reportingOwners.slice(1)) {
      const b1 = ownerBoxLines(ctx, o, 58, '━'.repeat(57));
      const b5 = relBoxLines(ctx, o, 45);
      const h = Math.max(b1.length, b5.length) + 1;
      oc.box({ x0: 0, x1: 62, y0: oy, y1: oy + h, lines: b1 });
      oc.box({ x0: 62, x1: 110, y0: oy, y1: oy + h, lines: b5 });
      oy += h;
    }
    out.push(...oc.render());
  }
  out.push('');
  out.push(...gridFooter(ctx, bp, 160));
  return out;
}

function gridFooter(ctx: Ctx, bp: Boilerplate, width: number): string[] {
  const { rec } = ctx;
  const out: string[] = ['Explanation of Responses:'];
  for (const f of rec.footnotes) out.push(...wrap(`${f.id}. ${f.text}`, width));
  out.push('Remarks:');
  if (rec.remarks) out.push(...wrap(rec.remarks, width));
  out.push('');
  if (ctx.opts.signatureCaptionFirst && rec.signatures.length) out.push(`${' '.repeat(95)}${bp.sigLabel} Date`);
  for (const s of rec.signatures) {
    const nameLines = wrap(sigName(ctx, s.name), 31);
    nameLines.forEach((l, i) => out.push(`${' '.repeat(95)}${padTo(l, 33)}${i === 0 ? sigDate(ctx, s.date) : ''}`.trimEnd()));
    if (!ctx.opts.signatureCaptionFirst) out.push(`${' '.repeat(95)}${bp.sigLabel} Date`);
  }
  if (rec.signatures.length === 0) out.push(`${' '.repeat(95)}${bp.sigLabel} Date`);
  for (const p of [bp.reminder, bp.joint, bp.intentional, bp.note, bp.persons]) out.push(...wrap(p, width));
  if (ctx.poa) out.push('', ...poaPlain(ctx.poa, width));
  return out;
}

function poaPlain(poa: PowerOfAttorney, width: number, indent = ''): string[] {
  const w = (s: string): string[] => wrap(s, width - indent.length).map((l) => indent + l);
  return [
    `${indent}${poa.title}`, '', ...w(poa.intro), '',
    ...poa.items.flatMap((i) => [...w(i), '']),
    ...poa.after.flatMap((p) => [...w(p), '']),
    ...w(poa.witness), '',
    `${indent}/s/ ${poa.signer}`, `${indent}${poa.signer}`,
  ];
}

// ---------------------------------------------------------------------------------------------
// fixed-width (pdftotext -layout)
// ---------------------------------------------------------------------------------------------

/** Places blocks of lines side by side at the given columns. */
function sideBySide(blocks: { x: number; lines: string[] }[]): string[] {
  const h = Math.max(0, ...blocks.map((b) => b.lines.length));
  const out: string[] = [];
  for (let i = 0; i < h; i++) {
    let line = '';
    for (const b of blocks) {
      const s = b.lines[i] ?? '';
      if (!s) continue;
      if (line.length < b.x) line = padTo(line, b.x);
      else if (line.length > 0) line += '  ';
      line += s;
    }
    out.push(line.trimEnd());
  }
  return out;
}

function renderFixed(ctx: Ctx): string[] {
  const { rec, rng, spec, lab, bp, st } = ctx;
  const markStyle = rng.pick(['x', 'bracket', 'ballot'] as const);
  const mark = (b: boolean | null): string =>
    markStyle === 'x' ? (b ? 'X ' : '  ') : markStyle === 'bracket' ? (b ? '[X] ' : '[ ] ') : b ? '☒ ' : '☐ ';
  const left: string[] = [ctx.title, ''];
  if (spec.base !== '3') {
    const tl = wrap(lab.exitBox.replace(/\*See\*/, 'See'), 32);
    left.push(`${mark(rec.notSubjectToSection16)}${tl[0]}`, ...tl.slice(1).map((l) => `${' '.repeat(mark(false).length)}${l}`));
    if (ctx.planBox) {
      const pl = wrap(lab.planBox, 32);
      left.push('', `${mark(ctx.planChecked)}${pl[0]}`, ...pl.slice(1).map((l) => `${' '.repeat(mark(false).length)}${l}`));
    }
    if (spec.base === '5') left.push('', `${mark(false)}${lab.form3Holdings}`, `${mark(false)}${lab.form4Transactions}`);
  }
  const mid = ['UNITED STATES SECURITIES AND EXCHANGE COMMISSION', '          Washington, D.C. 20549', '',
    ...wrap(spec.statement, 56), '', 'Filed pursuant to Section 16(a) of the Securities Exchange Act of 1934',
    '   or Section 30(h) of the Investment Company Act of 1940'];
  const omb = ['OMB APPROVAL', `OMB Number:         ${spec.omb}`, 'Estimated average burden', `hours per response ...  ${spec.burden}`];
  const out = sideBySide([{ x: 2, lines: left }, { x: 42, lines: mid }, { x: 118, lines: omb }]);
  out.push('');
  if (rng.chance(0.5)) out.push(`  ${lab.printType}`, '');

  // Header boxes as three columns of text.
  const owner = rec.reportingOwners[0];
  const col1 = fixedOwnerLines(ctx, owner, 40);
  const relLines = fixedRelLines(ctx, owner, mark, 46);
  const [one, more] = jointMarks(ctx);
  const jointLines = [...wrap(`${lab.joint} ${lab.jointSub}`, 46), `${mark(one)}${lab.one}`, `${mark(more)}${lab.more}`];
  const issuerLines = [...wrap(lab.issuer, 44), `  ${issuerValue(ctx)}`];
  const dateLines = [...wrap(lab.date, 44), `  ${dateValue(ctx)}`];
  const amendLines = [...wrap(lab.amend, 44), `  ${amendValue(ctx)}`];
  let col2: string[];
  let col3: string[];
  if (spec.base === '3') {
    col2 = [...dateLines, '', ...relLines];
    col3 = [...issuerLines, '', ...amendLines, '', ...jointLines];
  } else {
    col2 = [...issuerLines, '', ...dateLines, '', ...amendLines];
    col3 = [...relLines, '', ...jointLines];
  }
  out.push(...sideBySide([{ x: 0, lines: col1 }, { x: 44, lines: col2 }, { x: 92, lines: col3 }]), '');

  const o: GridOpts = { borders: false, rowRules: false, wideWidth: rng.int(14, 30), narrowWidth: rng.int(8, 11), titleCentered: rng.chance(0.5), style: st };
  if (ctx.opts.narrowColumns) narrow(o, ctx.rng.fork('narrow'));
  out.push(...tableLines(ctx.t1, o, ctx.opts.tableBreak), '');
  if (rng.chance(0.6)) out.push(bp.reminder, `${' '.repeat(100)}${spec.secNumber}`, '');
  out.push(...tableLines(ctx.t2, o, ctx.opts.tableBreak), '');

  for (const ow of ctx.opts.ownersOnlyInTable ? [] : rec.reportingOwners.slice(1)) {
    out.push(...sideBySide([{ x: 0, lines: fixedOwnerLines(ctx, ow, 40) }, { x: 44, lines: fixedRelLines(ctx, ow, mark, 46) }]), '');
  }
  if (ctx.ownersTable) out.push(...fixedOwnersTable(ctx), '');

  const fnMarker = rng.pick(['paren', 'dot'] as const);
  out.push('Explanation of Responses:');
  for (const b of [bp.joint, bp.intentional]) out.push(...wrap(b, 150));
  for (const f of rec.footnotes) {
    const m = footnoteMarker(f.id, fnMarker, ctx);
    const wl = wrap(f.text, 146);
    out.push(`${m} ${wl[0]}`, ...wl.slice(1).map((l) => `    ${l}`));
  }
  out.push('');
  if (rec.remarks !== null || rng.chance(0.5)) out.push('Remarks:', ...(rec.remarks ? wrap(rec.remarks, 150) : []), '');
  if (ctx.opts.signatureCaptionFirst) out.push(`${' '.repeat(70)}${padTo(bp.sigLabel, 50)}  Date`);
  for (const s of rec.signatures) {
    out.push(`${' '.repeat(70)}${padTo(sigName(ctx, s.name), 50)}  ${sigDate(ctx, s.date)}`.trimEnd());
    if (!ctx.opts.signatureCaptionFirst) out.push(`${' '.repeat(70)}${padTo(bp.sigLabel, 50)}  Date`);
    out.push('');
  }
  for (const p of [bp.note, bp.persons]) out.push(...wrap(p, 150));
  if (ctx.poa) out.push('', '\f', ...poaPlain(ctx.poa, 100, '    '));
  return out.map((l) => (l === '\f' ? '\f' : l));
}

function fixedOwnerLines(ctx: Ctx, o: ReportingOwnerRecord | undefined, width: number): string[] {
  const { lab } = ctx;
  return [
    ...wrap(lab.box1, width), '',
    ...wrap(o?.name ?? '', width),
    lab.lastFirstMiddle, '',
    ...[o?.street1, o?.street2].filter((x): x is string => !!x),
    lab.street, '',
    o ? [o.city ?? '', o.state ?? '', o.zip ?? ''].filter(Boolean).join('    ') : '',
    '(City)          (State)         (Zip)',
  ];
}

function fixedRelLines(ctx: Ctx, o: ReportingOwnerRecord | undefined, mark: Mark, width: number): string[] {
  const { lab } = ctx;
  const [d, t, of, ot] = o ? rel(o) : [null, null, null, null];
  const lines = [...wrap(lab.rel, width), lab.relSub];
  lines.push(`${mark(d)}${padTo(lab.director, 28)}${mark(t)}${lab.tenPct}`);
  lines.push(`${mark(of)}${padTo(lab.officer, 28)}${mark(ot)}${lab.other}`);
  const titles = o ? titleTexts(o) : [];
  // Both titles side by side, each wrapped in its own column as pdftotext lays out separate text runs.
  if (o?.isOfficer && o.officerTitle && o.isOther && o.otherText) lines.push(...sideBySide([{ x: 4, lines: wrap(o.officerTitle, 24) }, { x: 30, lines: wrap(o.otherText, width - 30) }]));
  else if (titles.length) lines.push(`    ${titles[0]}`);
  return lines;
}

function fixedOwnersTable(ctx: Ctx): string[] {
  const { rec } = ctx;
  const out = [`${padTo('Reporting Owner Name / Address', 46)}Relationships`, `${' '.repeat(46)}${padTo('Director', 10)}${padTo('10% Owner', 11)}${padTo('Officer', 28)}Other`];
  for (const o of rec.reportingOwners) {
    const addr = [o.name, o.street1, o.street2, cityLine(o, true)].filter((x): x is string => !!x);
    const rels = `${padTo(o.isDirector ? '   X' : '', 10)}${padTo(o.isTenPercentOwner ? '    X' : '', 11)}${padTo(o.isOfficer ? o.officerTitle ?? 'X' : '', 28)}${o.isOther ? o.otherText ?? 'X' : ''}`;
    addr.forEach((a, i) => out.push(`${padTo(a, 46)}${i === 0 ? rels : ''}`.trimEnd()));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// pipe (markdown pipe tables)
// ---------------------------------------------------------------------------------------------

function pipeRow(cells: string[]): string {
  return `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
}

function renderPipe(ctx: Ctx): string[] {
  const { rec, rng, spec, lab, bp, st } = ctx;
  const E = (s: string): string => mdEsc(s, st);
  const markStyle = rng.pick(['bracket', 'x', 'ballot'] as const);
  const mark = (b: boolean | null): string =>
    markStyle === 'bracket' ? (b ? '[x] ' : '[ ] ') : markStyle === 'x' ? (b ? 'X ' : '') : b ? '☒ ' : '☐ ';
  const sepCell = rng.pick(['---', ' --- ', ':---']);
  const sepRow = (n: number): string => `|${Array<string>(n).fill(sepCell).join('|')}|`;
  const br = rng.pick(['<br>', '<br/>', '<br />']);
  const b = (s: string): string => `**${s}**`;
  const out: string[] = [`# ${ctx.title}`, '', b('UNITED STATES SECURITIES AND EXCHANGE COMMISSION'), '', 'Washington, D.C. 20549', ''];
  out.push(pipeRow(['OMB APPROVAL', '']), sepRow(2), pipeRow(['OMB Number:', spec.omb]), pipeRow(['Estimated average burden hours per response:', spec.burden]), '');
  if (spec.base !== '3') {
    out.push(`${mark(rec.notSubjectToSection16)}${lab.exitBox}`, '');
    if (spec.base === '5') out.push(`${mark(false)}${lab.form3Holdings}`, '', `${mark(false)}${lab.form4Transactions}`, '');
    if (ctx.planBox) out.push(`${mark(ctx.planChecked)}${lab.planBox}`, '');
  }
  out.push(`## ${spec.statement}`, '', 'Filed pursuant to Section 16(a) of the Securities Exchange Act of 1934 or Section 30(h) of the Investment Company Act of 1940', '');

  const owner = rec.reportingOwners[0];
  const box1 = pipeOwnerCell(ctx, owner, br);
  const relCell = pipeRelCell(ctx, owner, mark, br);
  const [one, more] = jointMarks(ctx);
  const jointCell = [E(lab.jointSub), `${mark(one)}${lab.one}`, `${mark(more)}${lab.more}`].join(br);
  const issuerCell = E(issuerValue(ctx));
  if (spec.base === '3') {
    out.push(pipeRow([E(lab.box1), lab.date, lab.issuer]), sepRow(3));
    out.push(pipeRow([box1, dateValue(ctx), issuerCell]));
    out.push(pipeRow(['', b(lab.rel), b(lab.amend)]));
    out.push(pipeRow(['', relCell, amendValue(ctx)]));
    out.push(pipeRow(['', '', b(lab.joint)]));
    out.push(pipeRow(['', '', jointCell]), '');
  } else {
    out.push(pipeRow([E(lab.box1), lab.issuer, lab.rel]), sepRow(3));
    out.push(pipeRow([box1, issuerCell, relCell]));
    out.push(pipeRow(['', b(lab.date), b(lab.joint)]));
    out.push(pipeRow(['', dateValue(ctx), jointCell]));
    out.push(pipeRow(['', b(lab.amend), '']));
    out.push(pipeRow(['', amendValue(ctx), '']), '');
  }

  const repeatSpan = rng.chance(0.3);
  for (const t of [ctx.t1, ctx.t2]) {
    out.push(b(t.title + (t.subtitle ? ` ${t.subtitle}` : '')), '');
    const head = t.cols.flatMap((c) => {
      const k = c.subs?.length ?? 1;
      return [E(c.label), ...Array<string>(k - 1).fill(repeatSpan ? E(c.label) : '')];
    });
    const heading = [pipeRow(head), sepRow(head.length), pipeRow(t.cols.flatMap((c) => c.subs ?? ['']))];
    out.push(...heading);
    const body = t.rows.map((r) => pipeRow(dropV(ctx, t, r.map((c) => cellString(c, st)))));
    const brk = ctx.opts.tableBreak;
    out.push(...(brk?.table === t.key ? breakRows(body, brk.row, heading) : body));
    out.push('');
  }
  out.push(E(bp.reminder), '');

  for (const o of ctx.opts.ownersOnlyInTable ? [] : rec.reportingOwners.slice(1)) {
    out.push(pipeRow([E(lab.box1), lab.rel]), sepRow(2), pipeRow([pipeOwnerCell(ctx, o, br), pipeRelCell(ctx, o, mark, br)]), '');
  }
  if (ctx.ownersTable) {
    out.push('## Reporting Owners', '');
    out.push(pipeRow(['Reporting Owner Name / Address', 'Director', '10% Owner', 'Officer', 'Other']), sepRow(5));
    for (const o of rec.reportingOwners) {
      const addr = [o.name, o.street1, o.street2, cityLine(o, true)].filter((x): x is string => !!x).map(E).join(br);
      out.push(pipeRow([addr, o.isDirector ? 'X' : '', o.isTenPercentOwner ? 'X' : '', o.isOfficer ? E(o.officerTitle ?? 'X') : '', o.isOther ? E(o.otherText ?? 'X') : '']));
    }
    out.push('');
  }

  out.push(b('Explanation of Responses:'), '');
  const fnMarker = rng.pick(['paren', 'dot', 'boldParen'] as const);
  for (const f of rec.footnotes) out.push(`${footnoteMarker(f.id, fnMarker, ctx)} ${E(f.text)}`, '');
  out.push(b('Remarks:'), '');
  if (rec.remarks) out.push(E(rec.remarks), '');
  if (ctx.opts.signatureCaptionFirst) {
    out.push(pipeRow([E(bp.sigLabel), 'Date']), sepRow(2));
    for (const s of rec.signatures) out.push(pipeRow([E(sigName(ctx, s.name)), sigDate(ctx, s.date)]));
    out.push('');
  } else {
    out.push(pipeRow(['Signature', 'Date']), sepRow(2));
    for (const s of rec.signatures) out.push(pipeRow([E(sigName(ctx, s.name)), sigDate(ctx, s.date)]));
    out.push(pipeRow([E(bp.sigLabel), 'Date']), '');
  }
  for (const p of [bp.joint, bp.intentional, bp.note, bp.persons]) out.push(E(p), '');
  if (ctx.poa) {
    const poa = ctx.poa;
    out.push('---', '', `## ${poa.title}`, '', E(poa.intro), '', ...poa.items.flatMap((i) => [E(i), '']), ...poa.after.flatMap((p) => [E(p), '']), E(poa.witness), '', `/s/ ${E(poa.signer)}  `, E(poa.signer), '');
  }
  return out;
}

function pipeOwnerCell(ctx: Ctx, o: ReportingOwnerRecord | undefined, br: string): string {
  const { lab, st } = ctx;
  const E = (s: string): string => mdEsc(s, st);
  if (!o) return '';
  return [E(o.name ?? ''), lab.lastFirstMiddle, ...[o.street1, o.street2].filter((x): x is string => !!x).map(E), lab.street,
    E(cityLine(o, ctx.rng.chance(0.5))), lab.cityStateZip].join(br);
}

function pipeRelCell(ctx: Ctx, o: ReportingOwnerRecord | undefined, mark: Mark, br: string): string {
  const { lab, st } = ctx;
  const [d, t, of, ot] = o ? rel(o) : [null, null, null, null];
  const parts = [lab.relSub, `${mark(d)}${lab.director}`, `${mark(t)}${lab.tenPct}`, `${mark(of)}${lab.officer}`, `${mark(ot)}${lab.other}`];
  if (o) {
    if (o.isOfficer && o.officerTitle) parts.push(`Officer title: ${mdEsc(o.officerTitle, st)}`);
    if (o.isOther && o.otherText) parts.push(`Other: ${mdEsc(o.otherText, st)}`);
  }
  return parts.join(br);
}

// ---------------------------------------------------------------------------------------------
// linear (lynx)
// ---------------------------------------------------------------------------------------------

function renderLinear(ctx: Ctx): string[] {
  const { rec, spec, lab, bp, st } = ctx;
  const W = 157;
  const I = '   ';
  const para = (s: string): string[] => wrap(s, W).map((l) => I + l);
  const m = (b: boolean | null): string => (b ? 'X' : ' ');
  const out: string[] = [`${I}SEC Form ${spec.base}`, ''];
  out.push(`${I}${ctx.title} UNITED STATES SECURITIES AND EXCHANGE COMMISSION`, `${I}Washington, D.C. 20549`, `${I}${spec.statement}`,
    `${I}Filed pursuant to Section 16(a) of the Securities Exchange Act of 1934`, `${I}or Section 30(h) of the Investment Company Act of 1940`,
    `${I}OMB APPROVAL`, `${I}OMB Number:         ${spec.omb}`, `${I}Estimated average burden`, `${I}hours per response: ${spec.burden}`);
  if (spec.base !== '3') {
    out.push(...para(`${rec.notSubjectToSection16 ? 'X ' : ''}${lab.exitBox.replace(/\*See\*/, 'See')}`));
    if (spec.base === '5') out.push(...para(lab.form3Holdings), ...para(lab.form4Transactions));
    if (ctx.planBox) out.push(...para(`${ctx.planChecked ? 'X ' : ''}${lab.planBox}`));
  }
  out.push('');
  const owner = rec.reportingOwners[0];
  const ownerLines = (o: ReportingOwnerRecord | undefined): string[] => {
    const rule = `${I}  ${'_'.repeat(147)}`;
    return [
      `${I}${lab.box1}`, `${I}${o?.name ?? ''}`, rule, '', `${I}${lab.lastFirstMiddle}`,
      ...[o?.street1, o?.street2].filter((x): x is string => !!x).map((s) => I + s), rule, '', `${I}${lab.street}`,
      `${I}${o ? [o.city, o.state, o.zip].filter(Boolean).join(' ') : ''}`, rule, '', `${I}${lab.cityStateZip}`,
    ];
  };
  const relLines = (o: ReportingOwnerRecord | undefined, prefix: string): string[] => {
    const [d, t, of, ot] = o ? rel(o) : [null, null, null, null];
    const lines = [`${I}${prefix}${lab.rel}`, `${I}${lab.relSub}`,
      `${I}${m(d)} ${padTo(lab.director, 26)} ${t ? 'X ' : ''}${lab.tenPct}`,
      `${I}${m(of)} ${lab.officer} ${ot ? 'X ' : ''}${lab.other}`];
    if (o?.isOfficer && o.officerTitle) lines.push(`${I}  ${o.officerTitle}`);
    if (o?.isOther && o.otherText) lines.push(`${I}${' '.repeat(29)}${o.otherText}`);
    return lines;
  };
  const [one, more] = jointMarks(ctx);
  const jointLines = [`${I}${lab.joint} ${lab.jointSub}`, `${I}${m(one)} ${lab.one}`, `${I}${m(more)} ${lab.more}`];
  out.push(...ownerLines(owner));
  if (spec.base === '3') {
    out.push(`${I}${lab.date}`, `${I}${dateValue(ctx)}`);
    const rl = relLines(owner, '');
    out.push(`${I}${lab.issuer}`, `${I}${issuerValue(ctx)} ${rl[0]!.trim()}`, ...rl.slice(1));
    out.push(`${I}${lab.amend}`, ...(amendValue(ctx) ? [`${I}${amendValue(ctx)}`] : []), ...jointLines);
  } else {
    const rl = relLines(owner, '');
    out.push(`${I}${lab.issuer}`, `${I}${issuerValue(ctx)} ${rl[0]!.trim()}`, ...rl.slice(1));
    out.push(`${I}${lab.date}`, `${I}${dateValue(ctx)}`);
    out.push(`${I}${lab.amend}`, ...(amendValue(ctx) ? [`${I}${amendValue(ctx)}`] : []), ...jointLines);
  }
  out.push('');
  for (const t of [ctx.t1, ctx.t2]) {
    out.push(`${I}${t.title}`);
    if (t.subtitle) out.push(`${I}${t.subtitle}`);
    const heading = para(t.cols.map((c) => c.label).join(' '));
    const subs = t.cols.flatMap((c) => c.subs ?? []);
    if (subs.length) heading.push(`${I}${subs.join(' ')}`);
    out.push(...heading);
    const rowLines = t.rows.map((r) => para(r.map((c) => cellString(c, st, false)).filter(Boolean).join(' ')));
    const brk = ctx.opts.tableBreak;
    if (brk?.table === t.key) {
      // Inside a row wrapped over lines: the page ends after its first line.
      const starts = rowLines.map((_l, k) => rowLines.slice(0, k).reduce((n, l) => n + l.length, 0));
      const inside = brk.inside && (rowLines[brk.row]?.length ?? 0) > 1 ? 1 : 0;
      out.push(...breakRows(rowLines.flat(), (starts[brk.row] ?? rowLines.flat().length) + inside, heading));
    } else out.push(...rowLines.flat());
    out.push('');
  }
  for (const o of rec.reportingOwners.slice(1)) out.push(...ownerLines(o), ...relLines(o, ''), '');
  out.push(`${I}Explanation of Responses:`);
  for (const f of rec.footnotes) out.push(...para(`${f.id}. ${f.text}`));
  out.push(`${I}Remarks:`);
  if (rec.remarks) out.push(...para(rec.remarks));
  out.push('');
  if (ctx.opts.signatureCaptionFirst && rec.signatures.length) out.push(`${I}${bp.sigLabel} Date`);
  for (const s of rec.signatures) {
    const sn = sigName(ctx, s.name);
    out.push(`${I}${sn} ${sigDate(ctx, s.date)}`.trimEnd());
    if (!ctx.opts.signatureCaptionFirst) out.push(`${I}${padTo(bp.sigLabel, Math.max(bp.sigLabel.length + 1, sn.length + 1))}Date`);
  }
  for (const p of [bp.reminder, bp.joint, bp.intentional, bp.note, bp.persons]) out.push(...para(p));
  if (ctx.poa) out.push('', ...poaPlain(ctx.poa, W, I));
  return out;
}
