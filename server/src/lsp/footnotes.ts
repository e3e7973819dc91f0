/**
 * Footnote navigation: go to definition, find references, document highlights and rename.
 *
 * Footnote numbers are scoped to one filing (a document of concatenated filings has many "(1)"),
 * so every answer stays inside the filing the cursor is in. Markers come in several spellings —
 * "(1)", "^(1)", "⁽¹⁾", "<sup>1</sup>", and "1." for a definition — so rename rewrites only the
 * number inside each marker, in the marker's own digit style.
 */
import {
  DocumentHighlightKind,
  ErrorCodes,
  ResponseError,
  type DocumentHighlight,
  type Location,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { AnalyzedFiling, Position, Range, TextEdit } from '../analysis';
import type { DocumentSnapshot } from './documents';
import { filingAt, innermostAt } from './model';
import { isValidPosition, rangeContains } from './ranges';

export interface FootnoteTarget {
  filing: AnalyzedFiling;
  id: string;
  /** The marker under the cursor. */
  marker: Range;
  isDefinition: boolean;
}

export function footnoteAt(snapshot: DocumentSnapshot, position: Position): FootnoteTarget | undefined {
  if (!isValidPosition(snapshot.document, position)) return undefined;
  const filing = filingAt(snapshot.result, position);
  if (!filing) return undefined;
  const ref = innermostAt(filing.footnoteRefs, position);
  if (ref) return { filing, id: ref.id, marker: ref.range, isDefinition: false };
  const def = filing.footnoteDefs.find((d) => rangeContains(d.markerRange, position));
  if (def) return { filing, id: def.id, marker: def.markerRange, isDefinition: true };
  return undefined;
}

function location(uri: string, range: Range): Location {
  return { uri, range };
}

export function definition(snapshot: DocumentSnapshot, position: Position): Location[] {
  const target = footnoteAt(snapshot, position);
  if (!target) return [];
  return target.filing.footnoteDefs.filter((d) => d.id === target.id).map((d) => location(snapshot.uri, d.markerRange));
}

export function references(snapshot: DocumentSnapshot, position: Position, includeDeclaration: boolean): Location[] {
  const target = footnoteAt(snapshot, position);
  if (!target) return [];
  const out: Location[] = [];
  if (includeDeclaration) {
    for (const d of target.filing.footnoteDefs) if (d.id === target.id) out.push(location(snapshot.uri, d.markerRange));
  }
  for (const r of target.filing.footnoteRefs) if (r.id === target.id) out.push(location(snapshot.uri, r.range));
  return out;
}

export function highlights(snapshot: DocumentSnapshot, position: Position): DocumentHighlight[] {
  const target = footnoteAt(snapshot, position);
  if (!target) return [];
  const out: DocumentHighlight[] = [];
  for (const d of target.filing.footnoteDefs) {
    if (d.id === target.id) out.push({ range: d.markerRange, kind: DocumentHighlightKind.Write });
  }
  for (const r of target.filing.footnoteRefs) {
    if (r.id === target.id) out.push({ range: r.range, kind: DocumentHighlightKind.Read });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Rename
// ---------------------------------------------------------------------------------------------

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

function toSuperscript(digits: string): string {
  return digits.replace(/[0-9]/g, (d) => SUPERSCRIPT[Number(d)]!);
}

/** Where the number sits inside a marker, and whether it is written in superscript digits. */
function idRangeInMarker(snapshot: DocumentSnapshot, marker: Range, id: string): { range: Range; superscript: boolean } | undefined {
  // Markers sit on one line; look on the marker's first line only.
  const line = snapshot.document.lineText(marker.start.line);
  const end = marker.end.line === marker.start.line ? marker.end.character : line.length;
  const text = line.slice(marker.start.character, end);
  let superscript = false;
  let at = text.indexOf(id);
  if (at < 0) {
    at = text.indexOf(toSuperscript(id));
    superscript = at >= 0;
  }
  if (at < 0) return undefined;
  const character = marker.start.character + at;
  return {
    range: { start: { line: marker.start.line, character }, end: { line: marker.start.line, character: character + id.length } },
    superscript,
  };
}

export function prepareRename(snapshot: DocumentSnapshot, position: Position): { range: Range; placeholder: string } | null {
  const target = footnoteAt(snapshot, position);
  if (!target) return null;
  const span = idRangeInMarker(snapshot, target.marker, target.id);
  return span ? { range: span.range, placeholder: target.id } : null;
}

export function rename(snapshot: DocumentSnapshot, position: Position, newName: string): WorkspaceEdit | null {
  const target = footnoteAt(snapshot, position);
  if (!target) return null;
  const next = newName.trim().replace(/^\((.*)\)$/, '$1');
  if (!/^[0-9]{1,4}$/.test(next)) {
    throw new ResponseError(ErrorCodes.InvalidParams, `A footnote number is digits only, like 3 (got "${newName}").`);
  }
  if (next === target.id) return { changes: { [snapshot.uri]: [] } };
  const taken = target.filing.footnoteDefs.some((d) => d.id === next) || target.filing.footnoteRefs.some((r) => r.id === next);
  if (taken) {
    throw new ResponseError(ErrorCodes.InvalidParams, `Footnote (${next}) already exists in this filing; renumber that one first.`);
  }
  const markers = [
    ...target.filing.footnoteDefs.filter((d) => d.id === target.id).map((d) => d.markerRange),
    ...target.filing.footnoteRefs.filter((r) => r.id === target.id).map((r) => r.range),
  ];
  const edits = new Map<string, TextEdit>();
  for (const marker of markers) {
    const span = idRangeInMarker(snapshot, marker, target.id);
    if (!span) continue;
    const key = `${span.range.start.line}:${span.range.start.character}`;
    edits.set(key, { range: span.range, newText: span.superscript ? toSuperscript(next) : next });
  }
  return { changes: { [snapshot.uri]: [...edits.values()] } };
}
