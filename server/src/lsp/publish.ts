/**
 * What the server sends when an analysis finishes: the document's diagnostics (rule levels applied,
 * encoded from the converter's per-filing memory) and `form345/recordsChanged` for the preview.
 * The server and the benchmark both publish through this, over a real JSON-RPC connection.
 */
import type { OcrDetail } from '../analysis';
import { RECORDS_CHANGED_METHOD } from '../protocol';
import { DiagnosticConverter } from './diagnostics';
import type { DocumentSnapshot } from './documents';
import { recordsChanged } from './records';
import type { RuleLevels } from './settings';
import { PUBLISH_DIAGNOSTICS_METHOD } from './transport';

/** The one thing needed of a connection (vscode-languageserver's and vscode-jsonrpc's both fit). */
export interface NotificationSender {
  sendNotification(method: string, params?: unknown): Promise<void>;
}

export class Publisher {
  private readonly converter = new DiagnosticConverter();

  constructor(
    private readonly connection: NotificationSender,
    private readonly levels: () => RuleLevels,
    private readonly ocrDetail: () => OcrDetail = () => 'line',
  ) {}

  /** Resolves when both notifications have been handed to the transport. */
  publish(snapshot: DocumentSnapshot): Promise<void> {
    const diagnostics = this.connection.sendNotification(PUBLISH_DIAGNOSTICS_METHOD, this.converter.convert(snapshot, this.levels(), this.ocrDetail()));
    const records = this.connection.sendNotification(RECORDS_CHANGED_METHOD, recordsChanged(snapshot));
    return Promise.all([diagnostics, records]).then(() => undefined);
  }

  /** A closed document: clear its diagnostics in the client, forget what was published. */
  clear(uri: string): Promise<void> {
    this.converter.forget(uri);
    return this.connection.sendNotification(PUBLISH_DIAGNOSTICS_METHOD, { uri, diagnostics: [] });
  }
}
