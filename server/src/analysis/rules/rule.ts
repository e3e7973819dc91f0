/**
 * What a rule is, and the helpers rules share. Each rule is a module of its own
 * (`rules/<code>.ts`) holding its metadata (code, default level, description, docs) beside its
 * check; `rules.ts` lists them and runs them.
 *
 * Rules must not cry wolf: a value the text lost is null, and a null is reported once by the
 * rule that owns it (a lost code is `missing-transaction-code`, not also an A/D mismatch).
 */
import type { Finding, Fix, Range, RuleCode, Severity } from '../types';
import { groupDigits } from '../text/format';
import type { FilingModel } from '../filing/parse';
import type { ParsedRow } from '../filing/tables';

export interface RuleContext {
  model: FilingModel;
  /** ISO date of "today": dates after it are in the future. */
  today: string;
  /** Range of the whole filing. */
  filingRange: Range;
}

/** A rule's check: reads the filing model, returns findings (a one-line range, a message that says what to do, fixes where possible). */
export type Rule = (ctx: RuleContext) => Finding[];

/** A rule's metadata: the settings in package.json and the README's table are checked against it. */
export interface RuleMeta {
  readonly code: RuleCode;
  /** Default severity (configurable per rule). */
  readonly level: Severity;
  /** One line: settings descriptions and `form345 check --list-rules`. */
  readonly description: string;
  /** The README's rules table: what the rule reports, and its fixes. */
  readonly docs: string;
}

export interface RuleModule extends RuleMeta {
  readonly check: Rule;
}

export function finding(meta: Pick<RuleMeta, 'code' | 'level'>, message: string, range: Range, extra: Partial<Finding> = {}): Finding {
  const oneLine: Range = range.start.line === range.end.line ? range : { start: range.start, end: { line: range.start.line, character: range.start.character + 1 } };
  return { code: meta.code, severity: meta.level, message, range: oneLine, filing: 0, ...extra };
}

export function replaceFix(title: string, range: Range, newText: string, isPreferred = true): Fix {
  return { title, edits: [{ range, newText }], isPreferred };
}

export const fmt = groupDigits;

export function fieldRange(row: ParsedRow, field: string): Range | undefined {
  return row.fields.find((f) => f.field === field)?.range;
}

export function rowPointer(row: ParsedRow): string {
  return `/${row.table}/${row.index}`;
}

export function transactions(model: FilingModel): ParsedRow[] {
  return model.rows.filter((r) => r.kind === 'transaction');
}

export function firstSignatureDate(model: FilingModel): { iso: string; range: Range } | null {
  for (const s of model.signatures) if (s.date && s.dateRange) return { iso: s.date, range: s.dateRange };
  return null;
}

export function referencedIds(model: FilingModel): Map<string, Range[]> {
  const refs = new Map<string, Range[]>();
  for (const r of model.rows) for (const ref of r.refs) refs.set(ref.id, [...(refs.get(ref.id) ?? []), ref.range]);
  return refs;
}
