/**
 * Status bar item while a filing is active: form type(s) and error/warning counts of its
 * diagnostics. Clicking it opens the Problems panel.
 */
import * as vscode from 'vscode';
import { isFilingDocument } from './filings';
import type { RecordsService } from './records';
import { statusText, statusTooltip, type Counts } from './status';
import { throttle } from './throttle';

export class FilingStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('form345.status', vscode.StatusBarAlignment.Left, 100);
  private readonly subscriptions: vscode.Disposable[] = [this.item];
  /** Form types per document, from the last records seen. */
  private readonly forms = new Map<string, (string | null)[]>();
  private readonly refreshForms = throttle(() => void this.fetchForms(), 500);

  constructor(private readonly records: RecordsService) {
    this.item.name = 'Form 345 filing';
    this.item.command = 'workbench.actions.view.problems';
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => {
        this.render();
        this.refreshForms();
      }),
      vscode.languages.onDidChangeDiagnostics(() => this.render()),
      records.onDidChange((p) => {
        if (p.uri === this.activeUri()?.toString()) this.refreshForms();
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.forms.delete(d.uri.toString())),
      vscode.workspace.onDidOpenTextDocument(() => this.render()),
    );
    this.render();
    this.refreshForms();
  }

  /** The filing the item is about; kept while focus is in a non-editor (the preview, a panel). */
  private lastUri: vscode.Uri | undefined;

  private activeUri(): vscode.Uri | undefined {
    const editor = vscode.window.activeTextEditor;
    if (!editor) {
      const last = this.lastUri?.toString();
      const stillOpen = vscode.workspace.textDocuments.some((d) => d.uri.toString() === last && isFilingDocument(d));
      return stillOpen ? this.lastUri : undefined;
    }
    this.lastUri = isFilingDocument(editor.document) ? editor.document.uri : undefined;
    return this.lastUri;
  }

  private counts(uri: vscode.Uri): Counts {
    const counts: Counts = { errors: 0, warnings: 0 };
    for (const d of vscode.languages.getDiagnostics(uri)) {
      if (d.severity === vscode.DiagnosticSeverity.Error) counts.errors++;
      else if (d.severity === vscode.DiagnosticSeverity.Warning) counts.warnings++;
    }
    return counts;
  }

  /** Current text and tooltip; exposed so tests can read what the item shows. */
  render(): { text: string; tooltip: string } | undefined {
    const uri = this.activeUri();
    if (!uri) {
      this.item.hide();
      return undefined;
    }
    const forms = this.forms.get(uri.toString());
    const counts = this.counts(uri);
    this.item.text = statusText(forms, counts);
    this.item.tooltip = statusTooltip(forms, counts);
    this.item.accessibilityInformation = { label: statusTooltip(forms, counts), role: 'button' };
    this.item.show();
    return { text: this.item.text, tooltip: statusTooltip(forms, counts) };
  }

  private async fetchForms(): Promise<void> {
    const uri = this.activeUri();
    if (!uri) return;
    try {
      const result = await this.records.get(uri);
      if (result) this.forms.set(uri.toString(), result.filings.map((f) => f.record.formType));
    } catch {
      // Server not (yet) running: the item shows the generic label until records arrive.
    }
    this.render();
  }

  dispose(): void {
    this.refreshForms.cancel();
    for (const d of this.subscriptions) d.dispose();
  }
}
