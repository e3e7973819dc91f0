/**
 * The Ledger view: one webview with the holdings ledger of the workspace, from the server's
 * `form345/ledger` (never computed here). Refreshes on `form345/ledgerChanged`; a click on a
 * point, a row or a pair opens that filing at that line; "Export CSV" writes the entries.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { LEDGER_CHANGED_METHOD, LEDGER_METHOD, type LedgerResult } from '../../../server/src/protocol';
import { makeNonce } from '../preview/html';
import { throttle, type Throttled } from '../throttle';
import { ledgerShellHtml } from './html';
import { ledgerView, type LedgerView } from './model';

export const LEDGER_VIEW_TYPE = 'form345.ledger';

type FromWebview = { type: 'ready' } | { type: 'open'; uri: string; line: number } | { type: 'exportCsv' };

function isMessage(m: unknown): m is FromWebview {
  if (typeof m !== 'object' || m === null) return false;
  const t = (m as { type?: unknown }).type;
  if (t === 'open') return typeof (m as { uri?: unknown }).uri === 'string' && Number.isInteger((m as { line?: unknown }).line);
  return t === 'ready' || t === 'exportCsv';
}

export class LedgerPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  private result: LedgerResult | null = null;
  private readonly schedule: Throttled;
  private readonly updated = new vscode.EventEmitter<LedgerView | undefined>();
  /** Fires after each update was posted (tests wait on it). */
  readonly onDidUpdate = this.updated.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly client: LanguageClient,
    private readonly ready: Promise<void>,
  ) {
    this.schedule = throttle(() => void this.update(), 300);
    this.subscriptions.push(this.updated);
    void ready.then(() => this.subscriptions.push(client.onNotification(LEDGER_CHANGED_METHOD, () => this.panel && this.schedule())), () => undefined);
  }

  get activePanel(): vscode.WebviewPanel | undefined {
    return this.panel;
  }

  /** The last ledger shown (tests). */
  get shown(): LedgerResult | null {
    return this.result;
  }

  open(): vscode.WebviewPanel {
    if (this.panel) {
      this.panel.reveal();
      void this.update();
      return this.panel;
    }
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    const panel = vscode.window.createWebviewPanel(LEDGER_VIEW_TYPE, 'Ledger', vscode.ViewColumn.Active, {
      enableScripts: true,
      enableFindWidget: true,
      retainContextWhenHidden: false,
      localResourceRoots: [media],
    });
    const w = panel.webview;
    w.html = ledgerShellHtml({
      cspSource: w.cspSource,
      nonce: makeNonce(),
      scriptUri: w.asWebviewUri(vscode.Uri.joinPath(media, 'ledger.js')).toString(),
      styleUri: w.asWebviewUri(vscode.Uri.joinPath(media, 'ledger.css')).toString(),
    });
    const subs = [
      w.onDidReceiveMessage((m: unknown) => void this.onMessage(m)),
      panel.onDidChangeViewState(() => panel.visible && this.schedule()),
    ];
    panel.onDidDispose(() => {
      for (const d of subs) d.dispose();
      this.panel = undefined;
    });
    this.panel = panel;
    void this.update();
    return panel;
  }

  /** Asks the server for the ledger and posts it. */
  async update(): Promise<void> {
    const panel = this.panel;
    if (!panel) return;
    try {
      await this.ready;
      this.result = await this.client.sendRequest<LedgerResult | null>(LEDGER_METHOD, {});
      const view = this.result ? ledgerView(this.result) : undefined;
      await panel.webview.postMessage(view ? { type: 'ledger', view } : { type: 'notice', text: 'The language server keeps no workspace ledger (open a folder of filings).' });
      this.updated.fire(view);
    } catch (e) {
      await panel.webview.postMessage({ type: 'notice', text: `The ledger could not be read: ${e instanceof Error ? e.message : String(e)}` });
      this.updated.fire(undefined);
    }
  }

  /** Writes the entries as CSV; returns the file written, or undefined when cancelled. */
  async exportCsv(target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    if (!this.result) await this.update();
    const csv = this.result?.csv;
    if (!csv) return undefined;
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const uri = target ?? (await vscode.window.showSaveDialog({ defaultUri: folder ? vscode.Uri.joinPath(folder, 'ledger.csv') : undefined, filters: { CSV: ['csv'] } }));
    if (!uri) return undefined;
    await vscode.workspace.fs.writeFile(uri, Buffer.from(csv, 'utf8'));
    return uri;
  }

  private async onMessage(m: unknown): Promise<void> {
    if (!isMessage(m)) return;
    if (m.type === 'ready') return this.update();
    if (m.type === 'exportCsv') {
      const uri = await this.exportCsv();
      if (uri) void vscode.window.showInformationMessage(`Form 345: ledger written to ${vscode.workspace.asRelativePath(uri)}.`);
      return;
    }
    // Only files the ledger holds are opened.
    if (!this.result || !this.knows(m.uri)) return;
    const line = Math.max(0, m.line - 1);
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(m.uri));
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, selection: new vscode.Range(line, 0, line, doc.lineAt(Math.min(line, doc.lineCount - 1)).text.length) });
  }

  private knows(uri: string): boolean {
    return this.result!.groups.some((g) => g.filings.some((f) => f.file === uri));
  }

  dispose(): void {
    this.panel?.dispose();
    for (const d of this.subscriptions) d.dispose();
  }
}
