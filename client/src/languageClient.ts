/**
 * Starts the form345 language server (dist/server.js over stdio) and keeps the client.
 *
 * Stdio rather than Node IPC: over IPC Node serializes every message itself, while over a stream
 * the server writes diagnostics from the JSON it keeps per filing (server/src/lsp/transport.ts),
 * so a keystroke in a large document does not re-encode every diagnostic. VS Code pulls them
 * (LSP 3.17 `textDocument/diagnostic`), so a keystroke that changes none does not resend them.
 *
 * The document selector is the `form345` language in every scheme (files, untitled, virtual
 * file systems): plain-text and markdown documents detected as filings are switched to `form345`
 * by detection.ts, so they reach the server through the same selector without sending every
 * `.txt` file in the workspace to it.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

export const LANGUAGE_ID = 'form345';

export function createLanguageClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.stdio },
    debug: { module, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: LANGUAGE_ID }],
    // The server pulls `form345` settings (workspace/configuration) when told they changed.
    synchronize: { configurationSection: LANGUAGE_ID },
    // Diagnostics are pulled after each edit: the server answers `unchanged` when the edit
    // changed none (most keystrokes), so a large document's list is not resent every time.
    diagnosticPullOptions: { onChange: true, onSave: false },
    outputChannelName: 'Form 345 Language Server',
  };
  // The id `form345` makes the client honour the `form345.trace.server` setting.
  return new LanguageClient(LANGUAGE_ID, 'Form 345 Language Server', serverOptions, clientOptions);
}
