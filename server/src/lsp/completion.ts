/**
 * Completion in the two places where the set of valid answers is small and known:
 *  - a transaction code cell: the 20 codes of General Instruction 8, with their meanings;
 *  - a footnote reference just opened with "(" (or "<sup>"): the footnote numbers the filing defines.
 */
import { CompletionItemKind, MarkupKind, type CompletionItem, type CompletionList } from 'vscode-languageserver';
import type { AnalyzedFiling, Position, Range } from '../analysis';
import type { DocumentSnapshot } from './documents';
import { ALL_CODES, type ExpectedDirection } from '../analysis/domain/codes';
import { definedFootnoteIds, filingAt, rowOf } from './model';
import { isValidPosition, lineText, rangeContains } from './ranges';

export const COMPLETION_TRIGGERS = ['(', '>'];

const CODE_CELL_FINDINGS = new Set(['missing-transaction-code', 'unknown-transaction-code']);

export function completion(snapshot: DocumentSnapshot, position: Position): CompletionList | null {
  if (!isValidPosition(snapshot.document, position)) return null;
  const line = lineText(snapshot.document, position.line);
  const before = line.slice(0, position.character);
  const after = line.slice(position.character);
  const filing = filingAt(snapshot.result, position);

  const footnote = /(\(|\^\(|<sup>)(\d*)$/.exec(before);
  if (footnote && filing) {
    const items = footnoteItems(filing, position, footnote[1]!, footnote[2]!.length, after);
    if (items.length > 0) return { isIncomplete: false, items };
  }
  const cell = filing && codeCellAt(snapshot, filing, position);
  if (cell) return { isIncomplete: false, items: codeItems(cell.range, cell.table) };
  return null;
}

interface CodeCell {
  range: Range;
  table: 'nonDerivative' | 'derivative';
}

/** The code cell under the cursor: a transaction-code value, or the place a code is reported missing. */
function codeCellAt(snapshot: DocumentSnapshot, filing: AnalyzedFiling, position: Position): CodeCell | undefined {
  for (const field of filing.fields) {
    if (field.field === 'transactionCode' && rangeContains(field.range, position)) {
      return { range: field.range, table: rowOf(field.pointer)?.table ?? 'nonDerivative' };
    }
  }
  for (const finding of filing.findings) {
    if (!CODE_CELL_FINDINGS.has(finding.code) || !rangeContains(finding.range, position)) continue;
    return { range: wordAt(snapshot, position), table: rowOf(finding.pointer ?? '')?.table ?? 'nonDerivative' };
  }
  return undefined;
}

/** The run of letters around the cursor (what a picked code replaces); empty at a blank cell. */
function wordAt(snapshot: DocumentSnapshot, position: Position): Range {
  const line = lineText(snapshot.document, position.line);
  let start = position.character;
  let end = position.character;
  while (start > 0 && /[A-Za-z]/.test(line[start - 1]!)) start--;
  while (end < line.length && /[A-Za-z]/.test(line[end]!)) end++;
  return { start: { line: position.line, character: start }, end: { line: position.line, character: end } };
}

function implied(d: ExpectedDirection | null, table: 'nonDerivative' | 'derivative'): string {
  return d ? `(${d.direction}) in ${table === 'derivative' ? 'Table II' : 'Table I'}` : 'either (A) or (D)';
}

function codeItems(range: Range, table: 'nonDerivative' | 'derivative'): CompletionItem[] {
  return ALL_CODES.map((info, i) => ({
    label: info.code,
    kind: CompletionItemKind.EnumMember,
    detail: info.meaning,
    labelDetails: { description: info.meaning },
    documentation: {
      kind: MarkupKind.Markdown,
      value: `**${info.code}** — ${info.meaning}\n\n*${info.group} transaction codes*\n\n${info.explanation}\n\nImplies ${implied(info.direction[table], table)}. ${info.directionNote}`,
    },
    sortText: String(i).padStart(2, '0'),
    filterText: info.code,
    textEdit: { range, newText: info.code },
  }));
}

function footnoteItems(filing: AnalyzedFiling, position: Position, opener: string, typed: number, after: string): CompletionItem[] {
  const range: Range = { start: { line: position.line, character: position.character - typed }, end: position };
  const closer = opener === '<sup>' ? '</sup>' : ')';
  const close = after.startsWith(closer) ? '' : closer;
  return definedFootnoteIds(filing).map((id, i) => {
    const text = filing.footnoteDefs.find((d) => d.id === id)?.text ?? filing.record.footnotes.find((f) => f.id === id)?.text ?? '';
    return {
      label: id,
      kind: CompletionItemKind.Reference,
      detail: text.length > 80 ? `${text.slice(0, 79)}…` : text,
      documentation: { kind: MarkupKind.Markdown, value: `**Footnote (${id})**\n\n${text}` },
      sortText: String(i).padStart(4, '0'),
      filterText: id,
      textEdit: { range, newText: id + close },
    };
  });
}
