/**
 * EDGAR's acceptance checks that a text can show: what would make EDGAR suspend the ownership XML
 * made from it, or warn about it (EDGAR Ownership XML Technical Specification, as
 * ../shared/docs/section16.md §2.4 and §3 lay it out).
 *
 * Checks the general rules already make are reused, not repeated (see EDGAR_CHECKS in codes.ts): a
 * lost price is `missing-price`, an unreferenced footnote `unused-footnote`, and so on. The rules
 * here report the rest, each once.
 */
import type { Finding, Range } from '../types';
import type { FilingModel } from '../filing/parse';
import type { ParsedRow } from '../filing/tables';
import { readFromImage, whenMaybeUnread, type RuleModule } from '../rules/rule';
import { EDGAR_DEFAULT_SEVERITY, EDGAR_DESCRIPTIONS, EDGAR_DOCS, type EdgarCode } from './codes';
import { BOX_LABEL_PARTS, LABEL_PATTERNS } from '../vocabulary/wording';
import { phrasePattern, wordsOf } from '../vocabulary/patterns';

/** Printed words as a message names a field: lower case. */
const named = (words: string): string => words.toLowerCase();
/** "reporting person": the last words of box 1's label. */
const REPORTING_PERSON = named(wordsOf(BOX_LABEL_PARTS.nameAndAddress, -2));
/** The amendment box's label as the form prints it, for a message that asks to fill it in. */
const AMENDMENT_LABEL = LABEL_PATTERNS['box.amendment'].find((t) => !t.includes('('))!;
/** "conversion or exercise price", "amount of underlying securities": the columns' printed words. */
const CONVERSION_PRICE = named(LABEL_PATTERNS['col.conversionOrExercisePrice'].at(-1)!);
const UNDERLYING_AMOUNT = named(LABEL_PATTERNS['col.underlying'].find((t) => t.endsWith('Underlying Securities'))!.replace(/^Title and /, ''));

export interface EdgarContext {
  model: FilingModel;
  filingRange: Range;
}

function finding(code: EdgarCode, message: string, range: Range, pointer?: string): Finding {
  const oneLine: Range = range.start.line === range.end.line ? range : { start: range.start, end: { line: range.start.line, character: range.start.character + 1 } };
  return { code, severity: EDGAR_DEFAULT_SEVERITY[code], message, range: oneLine, filing: 0, ...(pointer ? { pointer } : {}) };
}

function anchor(ctx: EdgarContext): Range {
  const r = ctx.model.titleRange ?? ctx.filingRange;
  return { start: r.start, end: r.start.line === r.end.line ? r.end : { line: r.start.line, character: r.start.character + 1 } };
}

function rowPointer(r: ParsedRow): string {
  return `/${r.table}/${r.index}`;
}

function fieldRange(r: ParsedRow, field: string): Range {
  return r.fields.find((f) => f.field === field)?.range ?? r.range;
}

/** The row shows a footnote where the field's value would be (the footnoted value EDGAR accepts). */
function footnoted(r: ParsedRow, field: string): boolean {
  if (r.footnoted.has(field) || (field === 'shares' && (r.footnoted.has('sharesA') || r.footnoted.has('sharesD')))) return true;
  return r.refs.some((x) => x.field === field);
}

const tooManyOwners = ({ model }: EdgarContext): Finding[] => {
  const n = model.owners.length;
  if (n <= 10) return [];
  const o = model.owners[10];
  return [finding('edgar-too-many-owners', `${n} reporting owners: EDGAR takes at most 10 in one document; file ${n === 11 ? 'owner 11' : `owners 11–${n}`} on a separate form with the same rows.`, o.range, '/reportingOwners/10')];
};

const tooManyRows = ({ model }: EdgarContext): Finding[] => {
  const out: Finding[] = [];
  for (const table of ['nonDerivative', 'derivative'] as const) {
    const rows = model.rows.filter((r) => r.table === table);
    if (rows.length > 30) {
      const name = table === 'nonDerivative' ? 'Table I' : 'Table II';
      out.push(finding('edgar-too-many-rows', `${name} has ${rows.length} rows: EDGAR takes at most 30 a table; report ${rows.length === 31 ? 'row 31' : `rows 31–${rows.length}`} on a second form for the same period.`, rows[30].range, rowPointer(rows[30])));
    }
  }
  if (!out.length && model.rows.length > 60) {
    const r = model.rows[60];
    out.push(finding('edgar-too-many-rows', `${model.rows.length} rows in all: EDGAR takes at most 60 in one document; report the rest on a second form for the same period.`, r.range, rowPointer(r)));
  }
  return out;
};

const tooManyFootnotes = ({ model }: EdgarContext): Finding[] => {
  const out: Finding[] = [];
  model.footnotes.forEach((f, i) => {
    const n = Number(f.id);
    if (!Number.isInteger(n) || n < 1 || n > 99) out.push(finding('edgar-too-many-footnotes', `Footnote (${f.id}): EDGAR numbers footnotes F1 to F99; renumber it, or merge footnotes.`, f.markerRange, `/footnotes/${i}`));
  });
  if (model.footnotes.length > 99) {
    const f = model.footnotes[99];
    out.push(finding('edgar-too-many-footnotes', `${model.footnotes.length} footnotes: EDGAR takes at most 99; merge related footnotes or move text to the remarks.`, f.markerRange, '/footnotes/99'));
  }
  return out;
};

/** The longest text each element takes (§3.2); whitespace counts, collapsed as the XML writes it. */
const ROW_LIMITS: [string, number, string][] = [
  ['securityTitle', 60, 'security title'],
  ['underlyingSecurityTitle', 60, 'underlying security title'],
  ['natureOfOwnership', 100, 'nature of ownership'],
];

const valueTooLong = ({ model }: EdgarContext): Finding[] => {
  const out: Finding[] = [];
  // Text read from a printed image by OCR: a value may hold what OCR put beside it (another box's
  // label, captions, a table's column headings), so its length is said as a hint to check.
  let ocr: boolean | undefined;
  const check = (value: string | null | undefined, limit: number, what: string, range: Range | undefined, pointer: string) => {
    // Collapsing whitespace only shortens: a value within the limit as it is needs no more work.
    if (!value || !range || value.length <= limit) return;
    const len = value.replace(/\s+/g, ' ').trim().length;
    if (len <= limit) return;
    const misread = (ocr ??= readFromImage(model));
    const f = finding('edgar-value-too-long', `The ${what} has ${len} characters; EDGAR takes at most ${limit}.${misread ? ' The text is OCR\'s: check the page, the reader may have joined text beside the value.' : ''} Shorten it${limit <= 60 ? ' and put the rest in a footnote' : ''}.`, range, pointer);
    out.push(misread ? { ...f, severity: 'hint' } : f);
  };
  const h = model.header;
  check(model.record.issuer.name, 150, 'issuer name', h.issuerName.range, '/issuer/name');
  check(model.record.issuer.tradingSymbol, 10, 'trading symbol', h.tradingSymbol.range, '/issuer/tradingSymbol');
  model.owners.forEach((o, i) => {
    const at = (field: string) => o.fields.find((f) => f.field === field)?.range ?? o.range;
    const r = o.record;
    check(r.name, 150, `${REPORTING_PERSON}'s name`, at('name'), `/reportingOwners/${i}/name`);
    check(r.street1, 40, 'street', at('street1'), `/reportingOwners/${i}/street1`);
    check(r.street2, 40, 'second street line', at('street2'), `/reportingOwners/${i}/street2`);
    check(r.city, 30, 'city', at('city'), `/reportingOwners/${i}/city`);
    check(r.zip, 10, 'zip code', at('zip'), `/reportingOwners/${i}/zip`);
    const titleRange = (i === 0 ? h.relationship?.titleRange : undefined) ?? (i === 0 ? h.relationshipRange : undefined) ?? o.range;
    if (r.isOfficer) check(r.officerTitle, 30, 'officer title', titleRange, `/reportingOwners/${i}/officerTitle`);
    if (r.isOther) check(r.otherText, 30, '"Other" text', titleRange, `/reportingOwners/${i}/otherText`);
  });
  for (const r of model.rows) {
    for (const [field, limit, what] of ROW_LIMITS) {
      check((r.record as unknown as Record<string, string | null>)[field], limit, what, fieldRange(r, field), `${rowPointer(r)}/${field}`);
    }
  }
  model.footnotes.forEach((f, i) => check(f.text, 1000, `text of footnote (${f.id})`, f.markerRange, `/footnotes/${i}`));
  check(model.remarks.text, 2000, 'remarks', model.remarks.range, '/remarks');
  model.signatures.forEach((s, i) => check(s.name, 255, 'signature', s.range, `/signatures/${i}/name`));
  return out;
};

/** Row values EDGAR requires (each footnote may stand in for a lost value); the general rules own the rest. */
function requiredFields(r: ParsedRow, form: string): [string, string][] {
  const tx = r.kind === 'transaction';
  const out: [string, string][] = [['securityTitle', 'security title']];
  if (tx) out.push(['transactionDate', 'transaction date'], ['shares', 'amount'], ['acquiredDisposed', '(A) or (D)']);
  if (r.table === 'derivative') {
    out.push(['conversionOrExercisePrice', CONVERSION_PRICE], ['dateExercisable', 'date exercisable'], ['expirationDate', 'expiration date'], ['underlyingSecurityTitle', 'title of the underlying security'], ['underlyingShares', UNDERLYING_AMOUNT]);
  }
  // Form 3's Table II has no column for what is owned after: its amount is the underlying amount.
  if (!(form === '3' && r.table === 'derivative')) out.push(['sharesOwnedFollowing', tx ? 'amount owned following the transaction' : 'amount owned']);
  return out;
}

/** The end of the Rule 10b5-1(c) box's caption ("... conditions of Rule 10b5-1(c)"), its last two words. */
const PLAN_BOX_END_RE = new RegExp(
  phrasePattern(wordsOf(LABEL_PATTERNS['box.tenb5One'].at(-1)!, -2)),
  'i',
);

/** The header (the lines before the tables) prints the Rule 10b5-1(c) box's caption. */
function printsPlanBox(model: FilingModel): boolean {
  const header = model.sections.find((s) => s.kind === 'header');
  if (!header) return false;
  return model.lines.slice(header.start, header.end).some((l) => PLAN_BOX_END_RE.test(l.masked));
}

const requiredValue = (ctx: EdgarContext): Finding[] => {
  const { model } = ctx;
  const out: Finding[] = [];
  const form = model.form;
  if (form === null) return [];
  const rec = model.record;
  // A value the text does not show where the reading may have lost it (OCR text, a row with text
  // no column took) is a hint to check the page.
  const header = whenMaybeUnread(model);
  const say = (f: Finding, extra: { severity?: 'hint' }) => out.push({ ...f, ...extra });
  if (!rec.periodOfReport) say(finding('edgar-required-value', `No ${form === '3' ? 'date of the event requiring the statement (box 2)' : 'date of the earliest transaction (box 3)'}${header.note}: EDGAR requires periodOfReport; fill in the box.`, anchor(ctx), '/periodOfReport'), header.extra);
  if (!rec.issuer.tradingSymbol) say(finding('edgar-required-value', `No trading symbol in box 2${header.note}: EDGAR requires issuerTradingSymbol; write it after the issuer's name, e.g. "Tesla, Inc. [TSLA]" (NONE if there is none).`, model.header.issuerName.range ?? anchor(ctx), '/issuer/tradingSymbol'), header.extra);
  // The 10b5-1 box is required in Forms 4 and 5 filed from April 2023 on (EDGAR Release 23.1).
  const filed = model.signatures.find((s) => s.date)?.date ?? null;
  if (form !== '3' && model.planBox.value === null && filed !== null && filed >= '2023-04-01') {
    // The box's caption printed in the header, but its mark not read (a reading order that parted
    // the caption from its box): the form has the box, the reader lost its value.
    if (printsPlanBox(model)) say(finding('edgar-required-value', `Signed ${filed}; the form prints the Rule 10b5-1(c) box, but whether it is checked was not read: EDGAR requires aff10b5One; check the box on the page.`, anchor(ctx)), { severity: 'hint' });
    else out.push(finding('edgar-required-value', `Signed ${filed}, but the form has no Rule 10b5-1(c) box: EDGAR requires aff10b5One in Forms 4 and 5 filed from 2023-04-01; use the current form and check or leave the box.`, anchor(ctx)));
  }
  for (const r of model.rows) {
    // A Form 3 row read as a transaction is code-on-form3's: its values stand in other columns.
    if (r.form3Code) continue;
    const rec = r.record as unknown as Record<string, unknown>;
    // A cell with text that is not a value (an impossible date) is the general rules' to report.
    const missing = requiredFields(r, form).filter(([field]) => {
      const v = rec[field];
      return (v === null || v === '') && !r.fields.some((f) => f.field === field) && !footnoted(r, field);
    });
    if (!missing.length) continue;
    const names = missing.map(([, what]) => what);
    const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
    const lost = whenMaybeUnread(model, r);
    say(finding('edgar-required-value', `This row does not show its ${list}${lost.note}: EDGAR requires ${names.length === 1 ? 'it' : 'them'}; fill in the value, or a footnote explaining why there is none.`, r.range, `${rowPointer(r)}/${missing[0][0]}`), lost.extra);
  }
  return out;
};

const natureOnDirect = ({ model }: EdgarContext): Finding[] =>
  model.rows
    .filter((r) => !r.form3Code && r.record.directOrIndirect === 'D' && r.record.natureOfOwnership)
    .map((r) => {
      // Where the reading may have misplaced text (OCR text, a row with text no column took), the
      // "nature" may be another cell's text, or the D another row's: a hint to check.
      const { extra, note } = whenMaybeUnread(model, r);
      return { ...finding('edgar-nature-on-direct', `A nature of ownership ("${r.record.natureOfOwnership}") on a direct (D) holding${note}: EDGAR suspends it; clear the last column, or mark the holding I if it is indirect.`, fieldRange(r, 'natureOfOwnership'), `${rowPointer(r)}/natureOfOwnership`), ...extra };
    });

const missingOriginalDate = (ctx: EdgarContext): Finding[] => {
  const { model } = ctx;
  if (!model.formType?.endsWith('/A') || model.record.dateOfOriginalSubmission) return [];
  return [finding('edgar-missing-original-date', `An amendment (${model.formType}) without the date the original was filed: EDGAR requires dateOfOriginalSubmission; fill in "${AMENDMENT_LABEL}".`, anchor(ctx), '/dateOfOriginalSubmission')];
};

export const EDGAR_RULES: Record<Exclude<EdgarCode, 'edgar-missing-cik'>, (ctx: EdgarContext) => Finding[]> = {
  'edgar-too-many-owners': tooManyOwners,
  'edgar-too-many-rows': tooManyRows,
  'edgar-too-many-footnotes': tooManyFootnotes,
  'edgar-value-too-long': valueTooLong,
  'edgar-required-value': requiredValue,
  'edgar-nature-on-direct': natureOnDirect,
  'edgar-missing-original-date': missingOriginalDate,
};

/**
 * The rule module of one `edgar-` code (`rules/edgar-*.ts`): its metadata from codes.ts and its
 * check; `edgar-missing-cik` is reported by the XML export, which has the CIK map, so its check
 * here finds nothing.
 */
export function edgarRuleModule(code: EdgarCode): RuleModule {
  const run = code === 'edgar-missing-cik' ? () => [] : EDGAR_RULES[code];
  return {
    code,
    level: EDGAR_DEFAULT_SEVERITY[code],
    description: EDGAR_DESCRIPTIONS[code],
    docs: EDGAR_DOCS[code],
    check: (ctx) => run(ctx),
  };
}
