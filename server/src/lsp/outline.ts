/**
 * Document symbols and folding ranges, both from the analysis outline: each filing → header boxes,
 * reporting owners, Table I and Table II (one child per row), footnotes, signatures.
 *
 * Clients without hierarchical symbol support get the same nodes flattened, each naming its parent
 * as container. Ranges are repaired rather than trusted: LSP requires selectionRange ⊆ range, and
 * a client (VS Code) drops the whole answer if one node breaks that.
 */
import { FoldingRangeKind, SymbolKind, type DocumentSymbol, type FoldingRange, type SymbolInformation } from 'vscode-languageserver';
import type { OutlineNode, Range, SymbolKind as NodeKind } from '../analysis';
import type { DocumentSnapshot } from './documents';
import { comparePositions, rangeContains } from './ranges';

const KIND: Record<NodeKind, SymbolKind> = {
  filing: SymbolKind.File,
  section: SymbolKind.Namespace,
  box: SymbolKind.Field,
  owner: SymbolKind.Object,
  row: SymbolKind.Event,
  footnote: SymbolKind.String,
  signature: SymbolKind.Key,
};

function validRange(r: Range): boolean {
  return comparePositions(r.start, r.end) <= 0;
}

function toSymbol(node: OutlineNode): DocumentSymbol | undefined {
  if (!validRange(node.range)) return undefined;
  const selection =
    validRange(node.selectionRange) && rangeContains(node.range, node.selectionRange.start) && rangeContains(node.range, node.selectionRange.end)
      ? node.selectionRange
      : { start: node.range.start, end: node.range.start };
  const children: DocumentSymbol[] = [];
  for (const child of node.children) {
    const c = toSymbol(child);
    if (c) children.push(c);
  }
  const symbol: DocumentSymbol = {
    // An empty name is a protocol error; an OCR-damaged row can have no title at all.
    name: node.name.trim() || '(untitled)',
    kind: KIND[node.kind] ?? SymbolKind.Object,
    range: node.range,
    selectionRange: selection,
    children,
  };
  if (node.detail) symbol.detail = node.detail;
  return symbol;
}

export function documentSymbols(snapshot: DocumentSnapshot): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  for (const filing of snapshot.result.filings) {
    const s = toSymbol(filing.outline);
    if (s) out.push(s);
  }
  return out;
}

export function flatSymbols(snapshot: DocumentSnapshot): SymbolInformation[] {
  const out: SymbolInformation[] = [];
  const walk = (symbols: DocumentSymbol[], container?: string): void => {
    for (const s of symbols) {
      const info: SymbolInformation = { name: s.name, kind: s.kind, location: { uri: snapshot.uri, range: s.range } };
      if (container) info.containerName = container;
      out.push(info);
      walk(s.children ?? [], s.name);
    }
  };
  walk(documentSymbols(snapshot));
  return out;
}

/** One fold per outline node that spans lines (rows are one line each, so they do not fold). */
export function foldingRanges(snapshot: DocumentSnapshot): FoldingRange[] {
  const out: FoldingRange[] = [];
  const seen = new Set<string>();
  const add = (r: Range, kind?: FoldingRangeKind): void => {
    // Keep the last line visible when the node ends at column 0 of the next line.
    const endLine = r.end.character === 0 && r.end.line > r.start.line ? r.end.line - 1 : r.end.line;
    if (endLine <= r.start.line) return;
    const key = `${r.start.line}:${endLine}`;
    if (seen.has(key)) return;
    seen.add(key);
    const fold: FoldingRange = { startLine: r.start.line, endLine };
    if (kind) fold.kind = kind;
    out.push(fold);
  };
  const walk = (node: OutlineNode): void => {
    if (validRange(node.range)) add(node.range, FoldingRangeKind.Region);
    for (const child of node.children) walk(child);
  };
  for (const filing of snapshot.result.filings) {
    walk(filing.outline);
    for (const def of filing.footnoteDefs) if (validRange(def.range)) add(def.range);
  }
  return out.sort((a, b) => a.startLine - b.startLine);
}
