/**
 * Starts the form345 language server (dist/server.js, Node IPC) and keeps the client.
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
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: LANGUAGE_ID }],
    // The server pulls `form345` settings (workspace/configuration) when told they changed.
    synchronize: { configurationSection: LANGUAGE_ID },
    outputChannelName: 'Form 345 Language Server',
  };
  // The id `form345` makes the client honour the `form345.trace.server` setting.
  return new LanguageClient(LANGUAGE_ID, 'Form 345 Language Server', serverOptions, clientOptions);
}
