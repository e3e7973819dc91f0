/**
 * The preview panel: one webview that shows the normalized records of the active filing.
 *
 * Records come from the server (RecordsService); the panel only turns them into a display model
 * (model.ts) and posts it. Updates: at once on open, then throttled on edits and on
 * `form345/recordsChanged`. Clicks in the webview select the source text; cursor moves in the
 * editor highlight the record.
 */
import * as vscode from 'vscode';
import type { RecordsResult } from '../../../server/src/protocol';
import { currentFilingUri, isFilingDocument } from '../filings';
import type { RecordsService } from '../records';
import { pointerAt, rangeContains, sourceFor } from '../sources';
import { throttle, type Throttled } from '../throttle';
import { makeNonce, previewShellHtml } from './html';
import { isWebviewMessage, type HostMessage, type PreviewState, type WebviewMessage } from './messages';
import { fileNameOf, previewModel } from './model';

export const PREVIEW_VIEW_TYPE = 'form345.preview';

/** Milliseconds between two updates while the user types. */
export const UPDATE_INTERVAL_MS = 300;

function previewSettings(): { showFindings: boolean; highlightCursor: boolean; followActiveEditor: boolean } {
  const c = vscode.workspace.getConfiguration('form345.preview');
  return {
    showFindings: c.get<boolean>('showFindings', true),
    highlightCursor: c.get<boolean>('highlightCursor', true),
    followActiveEditor: c.get<boolean>('followActiveEditor', true),
  };
}

function toVsRange(r: { start: { line: number; character: number }; end: { line: number; character: number } }): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

export class PreviewManager implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private panelSubscriptions: vscode.Disposable[] = [];
  private readonly subscriptions: vscode.Disposable[] = [];
  /** The document shown. */
  private shown: vscode.Uri | undefined;
  /** The last records posted, for click-to-source and cursor highlighting. */
  private result: RecordsResult | undefined;
  /** Increases per request so a slow, older answer never overwrites a newer one. */
  private requestSeq = 0;
  private readonly scheduleUpdate: Throttled;
  private readonly updated = new vscode.EventEmitter<RecordsResult | undefined>();
  /** Fires after each update was posted (tests wait on it). */
  readonly onDidUpdate = this.updated.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly records: RecordsService,
  ) {
    this.scheduleUpdate = throttle(() => void this.update(), UPDATE_INTERVAL_MS);
    this.subscriptions.push(
      this.updated,
      records.onDidChange((p) => this.isShown(p.uri) && this.scheduleUpdate()),
      vscode.workspace.onDidChangeTextDocument((e) => this.isShown(e.document.uri.toString()) && this.scheduleUpdate()),
      // A detected .txt filing is reopened as form345: its records appear only then.
      vscode.workspace.onDidOpenTextDocument((doc) => this.isShown(doc.uri.toString()) && this.scheduleUpdate()),
      vscode.window.onDidChangeActiveTextEditor((e) => this.followEditor(e)),
      vscode.window.onDidChangeTextEditorSelection((e) => this.highlightSelection(e.textEditor)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('form345.preview')) void this.update();
      }),
    );
  }

  /** The open panel, if any (tests and the status of the command). */
  get activePanel(): vscode.WebviewPanel | undefined {
    return this.panel;
  }

  get shownUri(): vscode.Uri | undefined {
    return this.shown;
  }

  /**
   * Opens (or reveals) the preview of `uri`, or of the current filing. `toSide` opens it beside
   * the editor. Returns the panel, or undefined when there is no filing to preview.
   */
  open(uri: vscode.Uri | undefined, toSide: boolean): vscode.WebviewPanel | undefined {
    const target = uri ?? currentFilingUri(this.shown);
    if (!target) {
      void vscode.window.showInformationMessage('Form 345: open a Form 3, 4 or 5 filing to preview it.');
      return undefined;
    }
    const column = toSide ? vscode.ViewColumn.Beside : vscode.window.activeTextEditor?.viewColumn ?? vscode.ViewColumn.Active;
    if (this.panel) {
      this.panel.reveal(toSide ? undefined : column, toSide);
    } else {
      const panel = vscode.window.createWebviewPanel(
        PREVIEW_VIEW_TYPE,
        'Preview',
        { viewColumn: column, preserveFocus: toSide },
        { enableScripts: true, enableFindWidget: true, localResourceRoots: [this.mediaRoot()] },
      );
      this.attach(panel);
    }
    this.show(target);
    return this.panel;
  }

  /** Takes over a panel VS Code restored after a reload (the serializer's half). */
  restore(panel: vscode.WebviewPanel, state: PreviewState | undefined): void {
    panel.webview.options = { enableScripts: true, localResourceRoots: [this.mediaRoot()] };
    this.attach(panel);
    const uri = state?.uri ? vscode.Uri.parse(state.uri) : currentFilingUri();
    if (uri) this.show(uri);
    else this.post({ type: 'notice', uri: null, text: 'Open a Form 3, 4 or 5 filing to preview it.' });
  }

  /**
   * Selects the source text of `pointer` (or of its nearest ancestor that has one) in filing
   * `filing` of the shown document. Returns the selected range, or undefined.
   */
  async reveal(filing: number, pointer: string): Promise<vscode.Range | undefined> {
    const uri = this.shown;
    const sources = this.result?.filings.find((f) => f.index === filing)?.sources;
    const found = sources && sourceFor(sources, pointer);
    if (!uri || !found) return undefined;
    const range = toVsRange(found.range);
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
    const doc = visible?.document ?? (await vscode.workspace.openTextDocument(uri));
    const editor = await vscode.window.showTextDocument(doc, {
      viewColumn: visible?.viewColumn ?? this.editorColumn(),
      preserveFocus: false,
      selection: range,
    });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return range;
  }

  dispose(): void {
    this.scheduleUpdate.cancel();
    this.panel?.dispose();
    for (const d of this.subscriptions) d.dispose();
  }

  // -------------------------------------------------------------------------------------------

  private mediaRoot(): vscode.Uri {
    return vscode.Uri.joinPath(this.extensionUri, 'media');
  }

  /** A column for the source editor that is not the preview's own. */
  private editorColumn(): vscode.ViewColumn {
    const own = this.panel?.viewColumn;
    return own === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One;
  }

  private isShown(uri: string): boolean {
    return !!this.panel && !!this.shown && this.shown.toString() === uri;
  }

  private attach(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    const webview = panel.webview;
    const media = this.mediaRoot();
    webview.html = previewShellHtml({
      cspSource: webview.cspSource,
      nonce: makeNonce(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.css')).toString(),
      title: 'Form 345 Preview',
    });
    this.panelSubscriptions.push(
      webview.onDidReceiveMessage((m: unknown) => this.onMessage(m)),
      panel.onDidDispose(() => {
        for (const d of this.panelSubscriptions) d.dispose();
        this.panelSubscriptions = [];
        this.panel = undefined;
        this.shown = undefined;
        this.result = undefined;
        this.scheduleUpdate.cancel();
      }),
    );
  }

  private show(uri: vscode.Uri): void {
    if (this.panel) this.panel.title = `Preview ${fileNameOf(uri.toString())}`;
    const same = this.shown?.toString() === uri.toString();
    this.shown = uri;
    if (!same) this.result = undefined;
    // First update at once, not after the throttle window.
    void this.update();
  }

  private followEditor(editor: vscode.TextEditor | undefined): void {
    if (!this.panel || !editor || !isFilingDocument(editor.document)) return;
    if (!previewSettings().followActiveEditor) return;
    if (editor.document.uri.toString() !== this.shown?.toString()) this.show(editor.document.uri);
  }

  private onMessage(raw: unknown): void {
    if (!isWebviewMessage(raw)) return;
    const m: WebviewMessage = raw;
    if (m.type === 'ready') void this.update();
    else void this.reveal(m.filing, m.pointer);
  }

  private post(message: HostMessage): void {
    void this.panel?.webview.postMessage(message);
  }

  private async update(): Promise<void> {
    const uri = this.shown;
    if (!this.panel || !uri) return;
    const seq = ++this.requestSeq;
    const uriText = uri.toString();
    try {
      const result = await this.records.get(uri);
      if (seq !== this.requestSeq || this.shown?.toString() !== uriText) return;
      if (!result || result.filings.length === 0) {
        this.result = result ?? undefined;
        const why = result ? 'No filing found in this document.' : 'No records yet: the document is not open as a Form 345 filing.';
        this.post({ type: 'notice', uri: uriText, text: why });
      } else {
        this.result = result;
        this.post({ type: 'update', model: previewModel(result, previewSettings()) });
        const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uriText);
        if (editor) this.highlightSelection(editor);
      }
      this.updated.fire(this.result);
    } catch (e) {
      if (seq !== this.requestSeq) return;
      const message = e instanceof Error ? e.message : String(e);
      this.post({ type: 'notice', uri: uriText, text: `Records are not available: ${message}`, error: true });
      this.updated.fire(undefined);
    }
  }

  private highlightSelection(editor: vscode.TextEditor): void {
    if (!this.result || !this.isShown(editor.document.uri.toString())) return;
    if (!previewSettings().highlightCursor) return;
    const pos = editor.selection.active;
    const at = { line: pos.line, character: pos.character };
    const filing = this.result.filings.find((f) => rangeContains(f.range, at));
    if (!filing) {
      this.post({ type: 'highlight', filing: -1, pointer: null });
      return;
    }
    this.post({ type: 'highlight', filing: filing.index, pointer: pointerAt(filing.sources, at) ?? null });
  }
}

/** Restores the preview after a window reload (`onWebviewPanel:form345.preview`). */
export function registerPreviewSerializer(manager: PreviewManager): vscode.Disposable {
  return vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
    async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
      manager.restore(panel, (state ?? undefined) as PreviewState | undefined);
    },
  });
}
