/**
 * The records of open filings, fetched from the server (`form345/records`) and never parsed here.
 * Shared by the preview, the exports and the status bar; forwards `form345/recordsChanged`.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  EDGAR_XML_METHOD,
  type EdgarXmlParams,
  type EdgarXmlResult,
  RECORDS_CHANGED_METHOD,
  RECORDS_METHOD,
  type RecordsChangedParams,
  type RecordsParams,
  type RecordsResult,
} from '../../server/src/protocol';

export class RecordsService implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<RecordsChangedParams>();
  /** Fires when the server reports new records for a document. */
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[] = [this.changed];

  constructor(
    private readonly client: LanguageClient,
    /** Resolves once the client has started (rejects if it failed to). */
    private readonly ready: Promise<void>,
  ) {
    this.subscriptions.push(client.onNotification(RECORDS_CHANGED_METHOD, (p: RecordsChangedParams) => this.changed.fire(p)));
  }

  /**
   * The records of the document at `uri`. Resolves null when the server has no such document
   * (not opened as `form345`). Rejects when the server is not running.
   */
  async get(uri: vscode.Uri, token?: vscode.CancellationToken): Promise<RecordsResult | null> {
    await this.ready;
    const params: RecordsParams = { uri: this.client.code2ProtocolConverter.asUri(uri) };
    return this.request<RecordsResult | null>(RECORDS_METHOD, params, token);
  }

  /** The EDGAR ownership XML of the document's filings (one when `filing` is given), or null. */
  async edgarXml(uri: vscode.Uri, filing?: number, token?: vscode.CancellationToken): Promise<EdgarXmlResult | null> {
    await this.ready;
    const params: EdgarXmlParams = { uri: this.client.code2ProtocolConverter.asUri(uri), ...(filing === undefined ? {} : { filing }) };
    return this.request<EdgarXmlResult | null>(EDGAR_XML_METHOD, params, token);
  }

  /** Without a token, sendRequest would send [params, null] by position: pass only what there is. */
  private request<T>(method: string, params: object, token: vscode.CancellationToken | undefined): Promise<T> {
    return token ? this.client.sendRequest<T>(method, params, token) : this.client.sendRequest<T>(method, params);
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
  }
}
