/**
 * What the server sends when an analysis finishes: the document's diagnostics (rule levels applied,
 * encoded from the converter's per-filing memory) and `form345/recordsChanged` for the preview;
 * for a client that pulls diagnostics, the reply to its pull instead of the push.
 * The server and the benchmark both publish through this, over a real JSON-RPC connection.
 */
import { performance } from 'node:perf_hooks';
import type { OcrDetail } from '../analysis';
import { RECORDS_CHANGED_METHOD } from '../protocol';
import type { Finding } from '../analysis';
import { DiagnosticConverter, FullDiagnosticReport, type PublishedDiagnostics } from './diagnostics';
import type { DocumentSnapshot } from './documents';
import { recordsChanged } from './records';
import type { RuleLevels } from './settings';
import { PUBLISH_DIAGNOSTICS_METHOD } from './transport';

/** The one thing needed of a connection (vscode-languageserver's and vscode-jsonrpc's both fit). */
export interface NotificationSender {
  sendNotification(method: string, params?: unknown): Promise<void>;
}

/** Longest a publish runs in one turn of the event loop before it lets other work in. */
const SLICE_MS = 4;

/**
 * Pushed lists of at least this many bytes are sent only when they changed. A smaller list goes
 * out with every version (clients that match diagnostics to versions get one each time); a
 * larger one sent again unchanged after each keystroke (a 1 MB document of OCR'd filings holds
 * ~200 KB of them) costs the client far more than the version tag gains it. A client that wants
 * to know this version's analysis is done reads `form345/recordsChanged`, sent after it.
 */
export const RESEND_BYTES = 64 * 1024;

/** The reply to a diagnostic pull when the client already holds the current list. */
export interface UnchangedReport {
  kind: 'unchanged';
  resultId: string;
}

/** The reply to a diagnostic pull for a document that is not open (or no longer). */
export const EMPTY_REPORT = { kind: 'full', items: [] } as const;

export class Publisher {
  private readonly converter = new DiagnosticConverter();
  /** Per uri, the latest publish or clear: an older publish still converting gives up. */
  private readonly latest = new Map<string, number>();
  private serial = 0;
  /** Per uri, the list last pushed: its result id and size in bytes. */
  private readonly pushed = new Map<string, { resultId: string; bytes: number }>();

  constructor(
    private readonly connection: NotificationSender,
    private readonly levels: () => RuleLevels,
    /** Findings from beyond the document (the workspace ledger), published with its own. */
    private readonly extra: (uri: string) => readonly Finding[] = () => [],
    private readonly ocrDetail: () => OcrDetail = () => 'line',
    /** True when the client pulls diagnostics: then none are pushed, {@link report} answers. */
    private readonly pulled: () => boolean = () => false,
  ) {}

  /**
   * Resolves when the notifications have been handed to the transport. A document of a few
   * thousand diagnostics is converted at once; a larger one (a filing of thousands of rows) a
   * slice at a time between other work, and given up, unsent, if the document is published again
   * or cleared meanwhile (its notifications then never go out of order).
   */
  publish(snapshot: DocumentSnapshot): Promise<void> {
    const uri = snapshot.uri;
    const mine = ++this.serial;
    this.latest.set(uri, mine);
    if (this.pulled()) return this.connection.sendNotification(RECORDS_CHANGED_METHOD, recordsChanged(snapshot));
    const steps = this.converter.convertSteps(withFindings(snapshot, this.extra(uri)), this.levels(), this.ocrDetail());
    const send = (diagnostics: PublishedDiagnostics): Promise<void> => {
      // A large list the client holds already (most keystrokes change no diagnostic) is not sent
      // again: it would cost the client parsing it all, for nothing.
      const last = this.pushed.get(uri);
      const resend = !last || last.resultId !== diagnostics.resultId || last.bytes < RESEND_BYTES;
      let sent: Promise<void> = Promise.resolve();
      if (resend) {
        sent = this.connection.sendNotification(PUBLISH_DIAGNOSTICS_METHOD, diagnostics);
        this.pushed.set(uri, { resultId: diagnostics.resultId, bytes: diagnostics.byteLength });
      }
      // After the diagnostics: a client reading this knows this version's list, if any, came first.
      const records = this.connection.sendNotification(RECORDS_CHANGED_METHOD, recordsChanged(snapshot));
      return Promise.all([sent, records]).then(() => undefined);
    };
    return new Promise<void>((resolve, reject) => {
      const slice = (): void => {
        if (this.latest.get(uri) !== mine) return resolve();
        try {
          const end = performance.now() + SLICE_MS;
          for (;;) {
            const r = steps.next();
            if (r.done) return resolve(send(r.value));
            if (performance.now() > end) break;
          }
          setImmediate(slice);
        } catch (err) {
          reject(err);
        }
      };
      slice();
    });
  }

  /**
   * The reply to `textDocument/diagnostic`: `unchanged` when the client's previous result is this
   * very list (most keystrokes change no diagnostic), else the whole list and its new result id.
   */
  report(snapshot: DocumentSnapshot, previousResultId: string | undefined): FullDiagnosticReport | UnchangedReport {
    const published = this.convert(snapshot);
    if (previousResultId !== undefined && previousResultId === published.resultId) return { kind: 'unchanged', resultId: published.resultId };
    return new FullDiagnosticReport(published);
  }

  /**
   * {@link report} converted a slice at a time between other work (a pull of a filing of
   * thousands of rows must not hold the server either).
   */
  reportInSlices(snapshot: DocumentSnapshot, previousResultId: string | undefined): Promise<FullDiagnosticReport | UnchangedReport> {
    const steps = this.converter.convertSteps(withFindings(snapshot, this.extra(snapshot.uri)), this.levels(), this.ocrDetail());
    return new Promise((resolve, reject) => {
      const slice = (): void => {
        try {
          const end = performance.now() + SLICE_MS;
          for (;;) {
            const r = steps.next();
            if (r.done) {
              const published = r.value;
              if (previousResultId !== undefined && previousResultId === published.resultId) return resolve({ kind: 'unchanged', resultId: published.resultId });
              return resolve(new FullDiagnosticReport(published));
            }
            if (performance.now() > end) break;
          }
          setImmediate(slice);
        } catch (err) {
          reject(err);
        }
      };
      slice();
    });
  }

  /** A closed document: clear its pushed diagnostics in the client, forget what was published. */
  clear(uri: string): Promise<void> {
    // A publish of it still converting gives up.
    this.latest.delete(uri);
    this.pushed.delete(uri);
    this.converter.forget(uri);
    // A pulling client drops a closed document's diagnostics itself.
    if (this.pulled()) return Promise.resolve();
    return this.connection.sendNotification(PUBLISH_DIAGNOSTICS_METHOD, { uri, diagnostics: [] });
  }

  private convert(snapshot: DocumentSnapshot): PublishedDiagnostics {
    return this.converter.convert(withFindings(snapshot, this.extra(snapshot.uri)), this.levels(), this.ocrDetail());
  }
}

/** Position order of findings: by start line, then start character. */
function before(a: Finding, b: Finding): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

/** True when `list` is in {@link before} order already. */
function inOrder(list: readonly Finding[]): boolean {
  for (let i = 1; i < list.length; i++) if (before(list[i - 1]!, list[i]!) > 0) return false;
  return true;
}

/** The last merge of each snapshot's findings, so a publish and a code action share one. */
const merged = new WeakMap<readonly Finding[], { extra: readonly Finding[]; findings: Finding[] }>();

/**
 * The snapshot with `extra` findings merged in position order (the converter groups findings by
 * filing, and filings follow each other in the text, so position order keeps each group whole).
 * The result is the stable sort of the snapshot's findings followed by `extra`'s; the snapshot's
 * are nearly always in order already, and then `extra`'s few are merged in by one pass.
 */
export function withFindings(snapshot: DocumentSnapshot, extra: readonly Finding[]): DocumentSnapshot {
  if (!extra.length || !snapshot.result.filings.length) return snapshot;
  const count = snapshot.result.filings.length;
  const mine = extra.filter((f) => f.filing < count);
  if (!mine.length) return snapshot;
  const own = snapshot.result.findings;
  let findings: Finding[];
  const hit = merged.get(own);
  if (hit && hit.extra === extra) findings = hit.findings;
  else {
    if (inOrder(own)) {
      // Ties keep the snapshot's finding first, as the stable sort of own-then-extra does.
      const add = mine.sort(before);
      findings = [];
      let j = 0;
      for (const f of own) {
        while (j < add.length && before(add[j]!, f) < 0) findings.push(add[j++]!);
        findings.push(f);
      }
      while (j < add.length) findings.push(add[j++]!);
    } else findings = [...own, ...mine].sort(before);
    merged.set(own, { extra, findings });
  }
  return { ...snapshot, result: { ...snapshot.result, findings } };
}
