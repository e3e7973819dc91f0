/**
 * What the server sends when an analysis finishes: the document's diagnostics (rule levels applied,
 * encoded from the converter's per-filing memory) and `form345/recordsChanged` for the preview;
 * for a client that pulls diagnostics, the reply to its pull instead of the push.
 * The server and the benchmark both publish through this, over a real JSON-RPC connection.
 */
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

/** The reply to a diagnostic pull when the client already holds the current list. */
export interface UnchangedReport {
  kind: 'unchanged';
  resultId: string;
}

/** The reply to a diagnostic pull for a document that is not open (or no longer). */
export const EMPTY_REPORT = { kind: 'full', items: [] } as const;

export class Publisher {
  private readonly converter = new DiagnosticConverter();

  constructor(
    private readonly connection: NotificationSender,
    private readonly levels: () => RuleLevels,
    /** Findings from beyond the document (the workspace ledger), published with its own. */
    private readonly extra: (uri: string) => readonly Finding[] = () => [],
    private readonly ocrDetail: () => OcrDetail = () => 'line',
    /** True when the client pulls diagnostics: then none are pushed, {@link report} answers. */
    private readonly pulled: () => boolean = () => false,
  ) {}

  /** Resolves when the notifications have been handed to the transport. */
  publish(snapshot: DocumentSnapshot): Promise<void> {
    const records = this.connection.sendNotification(RECORDS_CHANGED_METHOD, recordsChanged(snapshot));
    if (this.pulled()) return records;
    const diagnostics = this.connection.sendNotification(PUBLISH_DIAGNOSTICS_METHOD, this.convert(snapshot));
    return Promise.all([diagnostics, records]).then(() => undefined);
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

  /** A closed document: clear its pushed diagnostics in the client, forget what was published. */
  clear(uri: string): Promise<void> {
    this.converter.forget(uri);
    // A pulling client drops a closed document's diagnostics itself.
    if (this.pulled()) return Promise.resolve();
    return this.connection.sendNotification(PUBLISH_DIAGNOSTICS_METHOD, { uri, diagnostics: [] });
  }

  private convert(snapshot: DocumentSnapshot): PublishedDiagnostics {
    return this.converter.convert(withFindings(snapshot, this.extra(snapshot.uri)), this.levels(), this.ocrDetail());
  }
}

/**
 * The snapshot with `extra` findings merged in position order (the converter groups findings by
 * filing, and filings follow each other in the text, so position order keeps each group whole).
 */
export function withFindings(snapshot: DocumentSnapshot, extra: readonly Finding[]): DocumentSnapshot {
  if (!extra.length || !snapshot.result.filings.length) return snapshot;
  const count = snapshot.result.filings.length;
  const mine = extra.filter((f) => f.filing < count);
  if (!mine.length) return snapshot;
  const before = (a: Finding, b: Finding) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
  const findings = [...snapshot.result.findings, ...mine].sort(before);
  return { ...snapshot, result: { ...snapshot.result, findings } };
}
