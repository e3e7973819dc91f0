/**
 * Findings → LSP diagnostics, with the configured rule levels applied.
 *
 * The analysis keeps findings at their default severity; levels are applied here, at publish time,
 * so a settings change re-publishes from the cached snapshot without analysing anything again.
 */
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver';
import { applyRuleLevels, groupOcr, type Finding, type OcrDetail, type OcrMerge, type Severity } from '../analysis';
import type { DocumentSnapshot } from './documents';
import type { RuleLevels } from './settings';

export const DIAGNOSTIC_SOURCE = 'form345';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What a diagnostic carries back to the server in `codeAction` requests. */
export interface DiagnosticData {
  filing: number;
  pointer?: string;
}

/**
 * Merged `ocr-text` findings by their group's word findings: a filing the analyzer hands back
 * untouched keeps the very same word findings, so it gets the very same merged finding (and the
 * converter below reuses its encoded text).
 */
const mergedMemo = new WeakMap<Finding, { words: readonly Finding[]; detail: OcrDetail; merged: Finding }>();

const mergeMemo: OcrMerge = (words, lineText, detail) => {
  const hit = mergedMemo.get(words[0]!);
  if (hit && hit.detail === detail && hit.words.length === words.length && hit.words.every((w, i) => w === words[i])) return hit.merged;
  const [one] = groupOcr(words, detail, lineText);
  const merged = one!;
  mergedMemo.set(words[0]!, { words: [...words], detail, merged });
  return merged;
};

/** The findings of a snapshot as shown: OCR damage one finding a line unless `detail` says otherwise. */
export function shownFindings(snapshot: DocumentSnapshot, detail: OcrDetail = 'line'): readonly Finding[] {
  return groupOcr(snapshot.result.findings, detail, (line) => snapshot.document.lineText(line), mergeMemo);
}

/** The findings of a snapshot as the user configured them (rules set to `off` are gone). */
export function publishedFindings(snapshot: DocumentSnapshot, levels: RuleLevels, detail: OcrDetail = 'line'): Finding[] {
  return applyRuleLevels(shownFindings(snapshot, detail) as Finding[], levels);
}

export function toDiagnostic(finding: Finding): Diagnostic {
  const data: DiagnosticData = { filing: finding.filing };
  if (finding.pointer !== undefined) data.pointer = finding.pointer;
  const diagnostic: Diagnostic = {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    code: finding.code,
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
    data,
  };
  // Editors grey out "unnecessary" text: exactly what an unused footnote is.
  if (finding.code === 'unused-footnote') diagnostic.tags = [DiagnosticTag.Unnecessary];
  return diagnostic;
}

export function toDiagnostics(snapshot: DocumentSnapshot, levels: RuleLevels, detail: OcrDetail = 'line'): Diagnostic[] {
  return publishedFindings(snapshot, levels, detail).map(toDiagnostic);
}


// ---------------------------------------------------------------------------------------------
// Publishing without redoing the whole document on every edit.
//
// A publish carries every diagnostic of the document, so a 1 MB document sends ~800 of them per
// keystroke. Converting and JSON-encoding them all each time costs more than the incremental
// analysis of the edit. So each diagnostic is kept as JSON text, grouped per filing:
//  - a filing whose published findings are the very same objects as last time (the incremental
//    analyzer hands them back untouched) reuses its group, JSON text included;
//  - a finding that only moved (lines added or removed above it: the analyzer hands back shifted
//    copies) reuses the encoded text of everything but its numbers, and prints the new ones;
//  - anything else is encoded afresh.
// Reuse is decided by comparing exactly what goes into the JSON (identity, or code, message,
// pointer and level), never by guessing from the edit, so a stale diagnostic cannot leak.
// The message writer (transport.ts) joins the groups' text into the notification; Diagnostic
// objects are only built when something asks for them (other transports, traces, tests).
// ---------------------------------------------------------------------------------------------

/** JSON of a number as JSON.stringify writes it (non-finite numbers become null). */
function num(n: number): string {
  return Number.isFinite(n) ? String(n) : 'null';
}

/** One published diagnostic: its finding, its level, and its JSON text. */
interface Encoded {
  readonly finding: Finding;
  readonly severity: Severity;
  /** `"severity":..,"code":..,"source":..,"message":..`: what does not move with the lines. */
  readonly body: string;
  /** After the filing number: the pointer, the tags, the closing braces. */
  readonly tail: string;
  readonly json: string;
  diagnostic?: Diagnostic;
}

/** The published diagnostics of one filing, in order. */
interface Group {
  /** The filing's findings as analysed (before OCR grouping and levels) that the items came from. */
  readonly raw: readonly Finding[];
  readonly items: readonly Encoded[];
  /**
   * Their JSON as UTF-8, in pieces of at most {@link PIECE} diagnostics (each piece joined by
   * commas, the pieces joined by commas): made when a writer first asks, or piece by piece by
   * {@link DiagnosticConverter.convertSteps}.
   */
  bytes?: Buffer[];
}

/** Diagnostics encoded (or turned into bytes) between two yields of {@link DiagnosticConverter.convertSteps}. */
const PIECE = 256;

function pieceBytes(items: readonly Encoded[], from: number): Buffer {
  let text = items[from]!.json;
  for (let i = from + 1; i < items.length && i < from + PIECE; i++) text += `,${items[i]!.json}`;
  return Buffer.from(text, 'utf8');
}

function groupBytes(group: Group): Buffer[] {
  if (!group.bytes) {
    const pieces: Buffer[] = [];
    for (let i = 0; i < group.items.length; i += PIECE) pieces.push(pieceBytes(group.items, i));
    group.bytes = pieces;
  }
  return group.bytes;
}

const OPEN_BRACKET = Buffer.from('[');
const COMMA = Buffer.from(',');
const CLOSE_BRACKET = Buffer.from(']');
const CLOSE_BRACE = Buffer.from('}');

function encodedJson(f: Finding, body: string, tail: string): string {
  const { start, end } = f.range;
  return (
    `{"range":{"start":{"line":${num(start.line)},"character":${num(start.character)}},` +
    `"end":{"line":${num(end.line)},"character":${num(end.character)}}},${body},"data":{"filing":${num(f.filing)}${tail}`
  );
}

function encode(f: Finding, severity: Severity): Encoded {
  const body = `"severity":${SEVERITY[severity]},"code":${JSON.stringify(f.code)},"source":${JSON.stringify(DIAGNOSTIC_SOURCE)},"message":${JSON.stringify(f.message)}`;
  const pointer = f.pointer !== undefined ? `,"pointer":${JSON.stringify(f.pointer)}` : '';
  const tags = f.code === 'unused-footnote' ? `,"tags":[${DiagnosticTag.Unnecessary}]` : '';
  const tail = `${pointer}}${tags}}`;
  return { finding: f, severity, body, tail, json: encodedJson(f, body, tail) };
}

/** `f` at its own place, reusing the text of `old` when only the numbers differ. */
function reencode(old: Encoded | undefined, f: Finding, severity: Severity): Encoded {
  if (old === undefined) return encode(f, severity);
  if (old.finding === f && old.severity === severity) return old;
  const o = old.finding;
  if (old.severity !== severity || o.code !== f.code || o.message !== f.message || o.pointer !== f.pointer) return encode(f, severity);
  return { finding: f, severity, body: old.body, tail: old.tail, json: encodedJson(f, old.body, old.tail) };
}

function materialize(item: Encoded): Diagnostic {
  if (!item.diagnostic) {
    const f = item.finding;
    item.diagnostic = toDiagnostic(f.severity === item.severity ? f : { ...f, severity: item.severity });
  }
  return item.diagnostic;
}

/**
 * The params of one `textDocument/publishDiagnostics` notification, kept as encoded groups.
 * `paramsChunks()` is what transport.ts writes; `toJSON()` gives any other serializer (the IPC
 * transport, message traces) the same value as plain objects.
 */
export class PublishedDiagnostics {
  private list: Diagnostic[] | undefined;

  constructor(
    readonly uri: string,
    readonly version: number | undefined,
    private readonly groups: readonly Group[],
    /**
     * Names this exact list of diagnostics: the converter keeps it while an edit leaves every
     * diagnostic's JSON the same, so a client that pulls can be told `unchanged`.
     */
    readonly resultId: string = '',
  ) {}

  /** Bytes of the diagnostics' JSON (the array's items; brackets and commas left out). */
  get byteLength(): number {
    let n = 0;
    for (const g of this.groups) for (const piece of groupBytes(g)) n += piece.length;
    return n;
  }

  get count(): number {
    let n = 0;
    for (const g of this.groups) n += g.items.length;
    return n;
  }

  /** The diagnostics as LSP objects (built on first use; unchanged ones are shared between publishes). */
  get diagnostics(): Diagnostic[] {
    if (!this.list) {
      const list: Diagnostic[] = [];
      for (const g of this.groups) for (const item of g.items) list.push(materialize(item));
      this.list = list;
    }
    return this.list;
  }

  /**
   * `JSON.stringify(this)` as UTF-8, in pieces: the uri and version, then the groups' cached bytes
   * with the brackets and commas between them. Concatenated, they are the exact bytes (UTF-8 of
   * joined JSON text is the join of the pieces' UTF-8: no piece ends inside a string).
   */
  paramsChunks(): Buffer[] {
    const version = this.version !== undefined ? `,"version":${num(this.version)}` : '';
    const chunks: Buffer[] = [Buffer.from(`{"uri":${JSON.stringify(this.uri)}${version},"diagnostics":`, 'utf8')];
    this.pushItems(chunks);
    chunks.push(CLOSE_BRACE);
    return chunks;
  }

  /** The diagnostics array as UTF-8 pieces: `[`, the groups' cached bytes with commas, `]`. */
  private pushItems(chunks: Buffer[]): void {
    chunks.push(OPEN_BRACKET);
    let first = true;
    for (const g of this.groups) {
      for (const piece of groupBytes(g)) {
        if (!first) chunks.push(COMMA);
        chunks.push(piece);
        first = false;
      }
    }
    chunks.push(CLOSE_BRACKET);
  }

  /**
   * `JSON.stringify` of the full report of a `textDocument/diagnostic` reply
   * (`{"kind":"full","resultId":..,"items":[..]}`), in pieces like {@link paramsChunks}.
   */
  reportChunks(): Buffer[] {
    const chunks: Buffer[] = [Buffer.from(`{"kind":"full","resultId":${JSON.stringify(this.resultId)},"items":`, 'utf8')];
    this.pushItems(chunks);
    chunks.push(CLOSE_BRACE);
    return chunks;
  }

  /** The text of {@link paramsChunks}: exactly `JSON.stringify(this)`. */
  paramsJson(): string {
    return Buffer.concat(this.paramsChunks()).toString('utf8');
  }

  toJSON(): { uri: string; version?: number; diagnostics: Diagnostic[] } {
    return this.version !== undefined
      ? { uri: this.uri, version: this.version, diagnostics: this.diagnostics }
      : { uri: this.uri, diagnostics: this.diagnostics };
  }
}

/**
 * The reply to a `textDocument/diagnostic` request that carries the document's whole list.
 * transport.ts writes it from the cached groups ({@link PublishedDiagnostics.reportChunks});
 * `toJSON()` gives any other serializer the same value.
 */
export class FullDiagnosticReport {
  constructor(readonly published: PublishedDiagnostics) {}

  toJSON(): { kind: 'full'; resultId: string; items: Diagnostic[] } {
    return { kind: 'full', resultId: this.published.resultId, items: this.published.diagnostics };
  }
}

/** Result ids of this process: a random prefix, so an id from an earlier server never matches. */
const RESULT_PREFIX = Math.floor(Math.random() * 0x7fffffff).toString(36);
let resultCount = 0;

function newResultId(): string {
  return `${RESULT_PREFIX}.${(++resultCount).toString(36)}`;
}

/** True when two lists of groups write the same JSON (cached groups compare by identity first). */
function sameJson(a: readonly Group[], b: readonly Group[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    const p = groupBytes(x);
    const q = groupBytes(y);
    if (p.length !== q.length || p.some((piece, k) => !piece.equals(q[k]!))) return false;
  }
  return true;
}

interface DocumentState {
  readonly levels: RuleLevels;
  readonly detail: OcrDetail;
  /** Last published group of each filing, by filing index. */
  groups: (Group | undefined)[];
  /** The groups last converted, in order, and the result id naming their JSON. */
  last: readonly Group[];
  resultId: string;
}

/**
 * Findings → published diagnostics, with a memory per open document (see above). Rule levels are
 * applied here, at publish time; a new levels object (a settings change) starts every memory over.
 */
export class DiagnosticConverter {
  private readonly documents = new Map<string, DocumentState>();

  convert(snapshot: DocumentSnapshot, levels: RuleLevels, detail: OcrDetail = 'line'): PublishedDiagnostics {
    const steps = this.convertSteps(snapshot, levels, detail);
    for (;;) {
      const r = steps.next();
      if (r.done) return r.value;
    }
  }

  /**
   * {@link convert} as a generator that yields every few hundred diagnostics encoded (and, for
   * groups encoded afresh, turned into bytes), so a caller can publish a filing of thousands of
   * rows between other work. The memory is updated only when it finishes: a run given up halfway
   * (a newer snapshot is published instead) leaves it as it was.
   */
  *convertSteps(snapshot: DocumentSnapshot, levels: RuleLevels, detail: OcrDetail = 'line'): Generator<void, PublishedDiagnostics, void> {
    let state = this.documents.get(snapshot.uri);
    if (!state || state.levels !== levels || state.detail !== detail) state = { levels, detail, groups: [], last: [], resultId: newResultId() };
    const previous = state.groups;
    const current: (Group | undefined)[] = [];
    const groups: Group[] = [];
    // Filing by filing: a filing the analyzer handed back untouched (the very same findings)
    // keeps its group without grouping its OCR damage again, so the work follows the edit.
    const findings = snapshot.result.findings;
    const lineText = (line: number) => snapshot.document.lineText(line);
    const n = findings.length;
    let work = 0;
    for (let i = 0; i < n; ) {
      const filing = findings[i]!.filing;
      let j = i + 1;
      while (j < n && findings[j]!.filing === filing) j++;
      const old = previous[filing];
      let group: Group;
      if (old && sameSlice(old.raw, findings, i, j)) group = old;
      else {
        const raw = findings.slice(i, j);
        const shown = groupOcr(raw, detail, lineText, mergeMemo);
        if (old && unchanged(old, shown, levels)) group = { ...old, raw };
        else {
          const items: Encoded[] = [];
          for (const f of shown) {
            regroupOne(items, old, f, levels);
            if (++work % PIECE === 0) yield;
          }
          group = { raw, items };
          if (items.length > PIECE) {
            const pieces: Buffer[] = [];
            for (let k = 0; k < items.length; k += PIECE) {
              pieces.push(pieceBytes(items, k));
              yield;
            }
            group.bytes = pieces;
          }
        }
      }
      groups.push(group);
      current[filing] = group;
      i = j;
    }
    state.groups = current;
    // A keystroke that leaves every diagnostic as it was (most do) keeps the result id.
    if (!sameJson(groups, state.last)) state.resultId = newResultId();
    state.last = groups;
    this.documents.set(snapshot.uri, state);
    return new PublishedDiagnostics(snapshot.uri, snapshot.version, groups, state.resultId);
  }

  /** Drops the memory of a closed document. */
  forget(uri: string): void {
    this.documents.delete(uri);
  }
}

/** True when `raw` holds exactly findings[from, to). */
function sameSlice(raw: readonly Finding[], findings: readonly Finding[], from: number, to: number): boolean {
  if (raw.length !== to - from) return false;
  for (let k = from; k < to; k++) if (raw[k - from] !== findings[k]) return false;
  return true;
}

/** True when the shown findings minus the rules set to off are exactly the group's findings. */
function unchanged(group: Group, shown: readonly Finding[], levels: RuleLevels): boolean {
  const items = group.items;
  let m = 0;
  for (let k = 0; k < shown.length; k++) {
    const f = shown[k]!;
    if (levels[f.code] === 'off') continue;
    if (m >= items.length || items[m]!.finding !== f) return false;
    m++;
  }
  return m === items.length;
}

/** Appends `f` to a group being rebuilt (unless its rule is off), reusing what `old` encoded at that place. */
function regroupOne(items: Encoded[], old: Group | undefined, f: Finding, levels: RuleLevels): void {
  const level = levels[f.code];
  if (level === 'off') return;
  items.push(reencode(old?.items[items.length], f, level ?? f.severity));
}
