/**
 * The form345 extension: starts the language server and adds what only an editor can show —
 * filing detection, the records preview, exports, the code reference and a status bar item.
 *
 * Commands return useful values (the preview panel, the written Uri) so the extension-host tests
 * can drive them without UI; `activate` returns the same pieces as the extension's API.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerReferenceProvider, showCodeReference } from './commands/codeReference';
import { exportRecords } from './commands/export';
import { EDGAR_XML_SCHEME, EdgarXmlProvider, exportEdgarXml, openEdgarXml } from './commands/edgarXml';
import { FilingDetector } from './detection';
import { LedgerPanel } from './ledger/panel';
import { createLanguageClient } from './languageClient';
import { PreviewManager, registerPreviewSerializer } from './preview/panel';
import { RecordsService } from './records';
import { FilingStatusBar } from './statusBar';

export interface Form345Api {
  client: LanguageClient;
  /** Resolves when the language server is running. */
  ready: Promise<void>;
  records: RecordsService;
  preview: PreviewManager;
  detector: FilingDetector;
  statusBar: FilingStatusBar;
  edgarXml: EdgarXmlProvider;
  ledger: LedgerPanel;
}

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): Form345Api {
  client = createLanguageClient(context);
  const ready = client.start();
  ready.catch((e: unknown) => {
    void vscode.window.showErrorMessage(`Form 345: the language server did not start: ${e instanceof Error ? e.message : String(e)}`);
  });

  const records = new RecordsService(client, ready);
  const preview = new PreviewManager(context.extensionUri, records);
  const detector = new FilingDetector();
  const statusBar = new FilingStatusBar(records);
  const edgarXml = new EdgarXmlProvider(records);
  const ledger = new LedgerPanel(context.extensionUri, client, ready);

  context.subscriptions.push(
    records,
    preview,
    detector,
    statusBar,
    ledger,
    registerPreviewSerializer(preview),
    registerReferenceProvider(),
    vscode.commands.registerCommand('form345.openPreview', (uri?: unknown) =>
      preview.open(uri instanceof vscode.Uri ? uri : undefined, false),
    ),
    vscode.commands.registerCommand('form345.openPreviewToSide', (uri?: unknown) =>
      preview.open(uri instanceof vscode.Uri ? uri : undefined, true),
    ),
    vscode.commands.registerCommand('form345.exportJson', (arg?: unknown) => exportRecords(records, 'json', arg, preview.shownUri)),
    vscode.commands.registerCommand('form345.exportCsv', (arg?: unknown) => exportRecords(records, 'csv', arg, preview.shownUri)),
    vscode.commands.registerCommand('form345.showCodeReference', () => showCodeReference()),
    edgarXml,
    vscode.workspace.registerTextDocumentContentProvider(EDGAR_XML_SCHEME, edgarXml),
    vscode.commands.registerCommand('form345.openEdgarXml', (arg?: unknown) => openEdgarXml(records, arg, preview.shownUri)),
    vscode.commands.registerCommand('form345.exportEdgarXml', (arg?: unknown) => exportEdgarXml(records, arg, preview.shownUri)),
    vscode.commands.registerCommand('form345.openLedger', () => ledger.open()),
  );

  // Documents opened before activation (activation itself is triggered by opening one).
  detector.checkOpenDocuments();

  return { client, ready, records, preview, detector, statusBar, edgarXml, ledger };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
