/**
 * Read-only helpers over an analysis result: which filing a position is in, what a JSON pointer
 * points at, how to name a row for a human. Shared by hover, footnotes, completion and code actions.
 */
import type { AnalysisResult, AnalyzedFiling, FilingRecord, Position } from '../analysis';
import { comparePositions, lastStartingAtOrBefore, rangeContains } from './ranges';

/** The filing whose range contains `pos`; filings are sorted and disjoint, so binary search. */
export function filingAt(result: AnalysisResult, pos: Position): AnalyzedFiling | undefined {
  const i = lastStartingAtOrBefore(result.filings, pos, (f) => f.range);
  const filing = i >= 0 ? result.filings[i] : undefined;
  return filing && comparePositions(pos, filing.range.end) <= 0 ? filing : undefined;
}

/** The smallest of `items` whose range contains `pos` (the innermost span wins when spans nest). */
export function innermostAt<T extends { range: { start: Position; end: Position } }>(
  items: readonly T[],
  pos: Position,
): T | undefined {
  let best: T | undefined;
  for (const item of items) {
    if (!rangeContains(item.range, pos)) continue;
    if (!best || comparePositions(item.range.start, best.range.start) >= 0) best = item;
  }
  return best;
}

/** Resolves an RFC 6901 JSON pointer ("/nonDerivative/0/shares") against a record. */
export function resolvePointer(record: FilingRecord, pointer: string): unknown {
  if (pointer === '') return record;
  let node: unknown = record;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** "/derivative/0/shares" → "/derivative/0": the row (or owner, footnote...) a value belongs to. */
export function parentPointer(pointer: string): string {
  const i = pointer.lastIndexOf('/');
  return i <= 0 ? '' : pointer.slice(0, i);
}

/** A row pointer's table and index, e.g. { table: 'derivative', index: 0 } for "/derivative/0/shares". */
export function rowOf(pointer: string): { table: 'nonDerivative' | 'derivative'; index: number } | undefined {
  const m = /^\/(nonDerivative|derivative)\/(\d+)(?:\/|$)/.exec(pointer);
  return m ? { table: m[1] as 'nonDerivative' | 'derivative', index: Number(m[2]) } : undefined;
}

/** "Table II row 1 (Stock Option (Right to Buy))": how hovers name the place a footnote is used. */
export function describePointer(record: FilingRecord, pointer: string): string {
  const row = rowOf(pointer);
  if (row) {
    const r = record[row.table][row.index];
    const table = row.table === 'nonDerivative' ? 'Table I' : 'Table II';
    const title = r?.securityTitle ? ` (${r.securityTitle})` : '';
    return `${table} row ${row.index + 1}${title}`;
  }
  const owner = /^\/reportingOwners\/(\d+)/.exec(pointer);
  if (owner) return `reporting owner ${Number(owner[1]) + 1}`;
  const field = pointer.split('/').filter(Boolean).join(' › ');
  return field || 'the filing';
}

/** Footnotes are numbered per filing: its ids, in the order they are defined. */
export function definedFootnoteIds(filing: AnalyzedFiling): string[] {
  const ids: string[] = [];
  for (const def of filing.footnoteDefs) if (!ids.includes(def.id)) ids.push(def.id);
  for (const fn of filing.record.footnotes) if (!ids.includes(fn.id)) ids.push(fn.id);
  return ids;
}
