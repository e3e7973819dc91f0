/**
 * The form345 language server: wiring only. Each feature lives in its own module under lsp/;
 * this file connects them to the LSP connection and to the document store.
 *
 * Run: `node dist/server.js --stdio` (or `npx form345-language-server --stdio`).
 */
import {
  DidChangeConfigurationNotification,
  ErrorCodes,
  ProposedFeatures,
  ResponseError,
  type InitializeError,
  createConnection,
  type CancellationToken,
  type InitializeParams,
  type InitializeResult,
  type TextDocumentPositionParams,
} from 'vscode-languageserver/node';
import path from 'node:path';
import { RECORDS_METHOD, type RecordsParams, type RecordsResult } from './protocol';
import { clientFeatures, initOptions, serverCapabilities, type ClientFeatures } from './lsp/capabilities';
import { codeActions } from './lsp/codeActions';
import { completion } from './lsp/completion';
import { DocumentStore, type DocumentSnapshot } from './lsp/documents';
import { definition, highlights, prepareRename, references, rename } from './lsp/footnotes';
import { hover } from './lsp/hover';
import { documentSymbols, flatSymbols, foldingRanges } from './lsp/outline';
import { WorkerOffload } from './lsp/offload';
import { Publisher } from './lsp/publish';
import { recordsOf } from './lsp/records';
import { describeError, guarded, guardedSync, type Logger } from './lsp/safe';
import { Settings, sectionFromPushedSettings } from './lsp/settings';
import { redirectConsole, transportFromArgs } from './lsp/transport';

// --stdio, --socket and --pipe get the transport that writes diagnostics from cached JSON text
// (lsp/transport.ts); --node-ipc is left to vscode-languageserver.
const transport = transportFromArgs(process.argv.slice(2));
const connection = transport ? createConnection(ProposedFeatures.all, transport.input, transport.output) : createConnection(ProposedFeatures.all);
if (transport?.stdio) redirectConsole(connection.console);

let shutdownReceived = false;
if (transport) {
  // A frame that cannot be read leaves no trustworthy message boundary: say so and exit non-zero,
  // so the client restarts the server instead of waiting forever on one that hears nothing.
  transport.input.onError((err) => {
    const message = `form345-language-server: ${describeError(err)}; exiting`;
    process.stderr.write(`${message}\n`);
    try {
      connection.console.error(message);
    } catch {
      // the output may be gone too
    }
    setTimeout(() => process.exit(1), 100);
    process.exitCode = 1;
  });
  // The input ended (the client went away): exit, cleanly only after a shutdown request.
  transport.input.onClose(() => process.exit(shutdownReceived ? 0 : 1));
}

// connection.console reaches the client's output channel; stdout itself carries the protocol.
const logger: Logger = {
  error: (m) => connection.console.error(m),
  info: (m) => connection.console.info(m),
};

// A bug in one handler must not take the server (and every open editor's diagnostics) down.
process.on('uncaughtException', (err) => logger.error(`uncaught: ${describeError(err)}`));
process.on('unhandledRejection', (err) => logger.error(`unhandled rejection: ${describeError(err)}`));

const settings = new Settings();
const publisher = new Publisher(connection, () => settings.ruleLevels, () => settings.ocrDetail);
let features: ClientFeatures = clientFeatures({});
let store: DocumentStore = createStore({});

let offload: WorkerOffload | undefined;

function createStore(opts: ReturnType<typeof initOptions>): DocumentStore {
  const analyzeOptions = opts.today ? { today: new Date(`${opts.today}T12:00:00Z`) } : {};
  // A filing of thousands of rows is analysed on a worker thread (bundled next to this file),
  // so the server keeps answering while it is read.
  offload?.dispose();
  offload = WorkerOffload.create(path.join(__dirname, 'filing-worker.js'), analyzeOptions, logger);
  return new DocumentStore({
    logger,
    ...(opts.diagnosticsDelay !== undefined ? { debounceMs: opts.diagnosticsDelay } : {}),
    ...(opts.maxDocumentSize !== undefined ? { maxAnalyzedLength: opts.maxDocumentSize } : {}),
    analyzeOptions,
    ...(offload ? { offload } : {}),
    onAnalyzed: publish,
  });
}

function publish(snapshot: DocumentSnapshot): void {
  void publisher.publish(snapshot);
}

// ---------------------------------------------------------------------------------------------
// Lifecycle and settings
// ---------------------------------------------------------------------------------------------

let initialized = false;

connection.onInitialize((params: InitializeParams): InitializeResult | ResponseError<InitializeError> => {
  // Initialize comes once per session; a second one must not drop the documents opened since.
  if (initialized) return new ResponseError(ErrorCodes.InvalidRequest, 'initialize was already received; the session and its open documents are kept', { retry: false });
  initialized = true;
  features = clientFeatures(params.capabilities ?? {});
  const opts = initOptions(params);
  const requested = (params.initializationOptions as { today?: unknown } | null | undefined)?.today;
  if (requested !== undefined && !opts.today) logger.error(`initializationOptions.today ${JSON.stringify(requested)} is not a date (YYYY-MM-DD); the real date is used`);
  store = createStore(opts);
  settings.update(sectionFromPushedSettings(params.initializationOptions as unknown));
  return { capabilities: serverCapabilities(features), serverInfo: { name: 'form345-language-server', version: '0.1.0' } };
});

connection.onInitialized(() => {
  if (features.configuration && features.dynamicConfigurationRegistration) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'form345' });
  }
  void refreshSettings(undefined);
});

/** Re-reads settings (pulled when the client supports it) and re-publishes if a level changed. */
async function refreshSettings(pushed: unknown): Promise<void> {
  try {
    const section = features.configuration
      ? await connection.workspace.getConfiguration({ section: 'form345' })
      : sectionFromPushedSettings(pushed);
    // A push without our section (another extension's settings) must not reset ours.
    if (!features.configuration && section === undefined) return;
    if (settings.update(section)) for (const snap of store.latestSnapshots()) publish(snap);
  } catch (err) {
    logger.error(`reading settings failed: ${describeError(err)}`);
  }
}

connection.onDidChangeConfiguration((params) => void refreshSettings(params.settings));

connection.onShutdown(() => {
  shutdownReceived = true;
  store.dispose();
  offload?.dispose();
});

// ---------------------------------------------------------------------------------------------
// Text synchronisation
// ---------------------------------------------------------------------------------------------

connection.onDidOpenTextDocument((p) =>
  guardedSync(logger, 'didOpen', () => {
    const d = p.textDocument;
    store.open(d.uri, d.languageId, d.version, typeof d.text === 'string' ? d.text : '');
  }),
);

connection.onDidChangeTextDocument((p) =>
  guardedSync(logger, 'didChange', () => store.change(p.textDocument.uri, p.textDocument.version, p.contentChanges)),
);

connection.onDidCloseTextDocument((p) =>
  guardedSync(logger, 'didClose', () => {
    if (store.close(p.textDocument.uri)) void publisher.clear(p.textDocument.uri);
  }),
);

// ---------------------------------------------------------------------------------------------
// Requests: each waits for the current analysis, then asks one feature module.
// ---------------------------------------------------------------------------------------------

function onSnapshot<T>(
  name: string,
  fallback: T,
  uri: string | undefined,
  token: CancellationToken,
  fn: (snapshot: DocumentSnapshot) => T,
): Promise<T> {
  return guarded(logger, name, fallback, token, async () => {
    if (typeof uri !== 'string') return fallback;
    const snapshot = await store.snapshot(uri, token);
    return snapshot ? fn(snapshot) : fallback;
  });
}

const uriOf = (p: TextDocumentPositionParams): string | undefined => p?.textDocument?.uri;

connection.onHover((p, token) => onSnapshot('hover', null, uriOf(p), token, (s) => hover(s, p.position)));
connection.onDefinition((p, token) => onSnapshot('definition', [], uriOf(p), token, (s) => definition(s, p.position)));
connection.onReferences((p, token) =>
  onSnapshot('references', [], uriOf(p), token, (s) => references(s, p.position, p.context?.includeDeclaration !== false)),
);
connection.onDocumentHighlight((p, token) => onSnapshot('highlight', [], uriOf(p), token, (s) => highlights(s, p.position)));
connection.onPrepareRename((p, token) => onSnapshot('prepareRename', null, uriOf(p), token, (s) => prepareRename(s, p.position)));
connection.onRenameRequest((p, token) =>
  onSnapshot('rename', null, uriOf(p), token, (s) => rename(s, p.position, typeof p.newName === 'string' ? p.newName : '')),
);
connection.onDocumentSymbol((p, token) =>
  onSnapshot('documentSymbol', [], p?.textDocument?.uri, token, (s) => (features.hierarchicalSymbols ? documentSymbols(s) : flatSymbols(s))),
);
connection.onFoldingRanges((p, token) => onSnapshot('foldingRange', [], p?.textDocument?.uri, token, foldingRanges));
connection.onCodeAction((p, token) =>
  onSnapshot('codeAction', [], p?.textDocument?.uri, token, (s) => codeActions(s, p, settings.ruleLevels, settings.ocrDetail)),
);
connection.onCompletion((p, token) => onSnapshot('completion', null, uriOf(p), token, (s) => completion(s, p.position)));

connection.onRequest(RECORDS_METHOD, (p: RecordsParams, token) =>
  onSnapshot<RecordsResult | null>('records', null, p?.uri, token, (s) => recordsOf(s, settings.ruleLevels)),
);

connection.listen();
