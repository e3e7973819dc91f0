/**
 * The form345 language server: wiring only. Each feature lives in its own module under lsp/;
 * this file connects them to the LSP connection and to the document store.
 *
 * Run: `node dist/server.js --stdio` (or `npx form345-language-server --stdio`).
 */
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  LSPErrorCodes,
  ProposedFeatures,
  ResponseError,
  type InitializeError,
  createConnection,
  type CancellationToken,
  type DocumentDiagnosticReport,
  type InitializeParams,
  type InitializeResult,
  type TextDocumentPositionParams,
} from 'vscode-languageserver/node';
import path from 'node:path';
import { EDGAR_XML_METHOD, LEDGER_CHANGED_METHOD, LEDGER_METHOD, RECORDS_METHOD, type EdgarXmlParams, type EdgarXmlResult, type LedgerResult, type RecordsParams, type RecordsResult } from './protocol';
import { clientFeatures, initOptions, serverCapabilities, type ClientFeatures } from './lsp/capabilities';
import { codeActions } from './lsp/codeActions';
import { completion } from './lsp/completion';
import { DocumentStore, type DocumentSnapshot } from './lsp/documents';
import { definition, highlights, prepareRename, references, rename } from './lsp/footnotes';
import { hover } from './lsp/hover';
import { FILING_GLOB, withLedgerHover, WorkspaceLedger } from './lsp/ledger';
import { withFindings } from './lsp/publish';
import { documentSymbols, flatSymbols, foldingRanges } from './lsp/outline';
import { hasUnread, whenRead, WorkerOffload } from './lsp/offload';
import { EMPTY_REPORT, Publisher, type UnchangedReport } from './lsp/publish';
import type { FullDiagnosticReport } from './lsp/diagnostics';
import { encodeInSlices, type EncodedJson } from './lsp/jsonSlices';
import { recordsOf } from './lsp/records';
import { edgarXmlOf } from './lsp/edgar';
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
    // Replies to the requests read before the bad frame get a moment to be written out.
    process.exitCode = 1;
    setTimeout(() => process.exit(1), 2000).unref();
    setTimeout(() => (transport.stdio ? process.stdout.write('', () => process.exit(1)) : process.exit(1)), 200);
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
let features: ClientFeatures = clientFeatures({});
let ledger: WorkspaceLedger | undefined;
const publisher = new Publisher(
  connection,
  () => settings.ruleLevels,
  (uri) => ledger?.findingsFor(uri) ?? [],
  () => settings.ocrDetail,
  () => features.pullDiagnostics,
);
let store: DocumentStore = createStore({});
let workspaceFolders: string[] = [];
let watchFiles = false;

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

/**
 * Publishes a new snapshot on the next turn of the event loop: when a request started the
 * analysis (a hover before the debounce ran out), its reply goes out first and the diagnostics,
 * which it did not ask for, follow. A snapshot superseded or closed meanwhile is not published.
 */
function publish(snapshot: DocumentSnapshot): void {
  setImmediate(() => {
    if (store.latest(snapshot.uri) !== snapshot) return;
    void publisher.publish(snapshot);
  });
  // The ledger reads the analysis later, at its next rebuild: nothing here on the keystroke path.
  // It reads filings' parts (where each row stands): a worker's filing has them parsed in slices first.
  if (ledger && hasUnread(snapshot.result.filings)) {
    void whenRead(snapshot.result.filings).then(() => {
      if (store.latest(snapshot.uri) === snapshot) ledger?.updateOpen(snapshot.uri, snapshot.result);
    }, (err: unknown) => logger.error(`ledger: reading ${snapshot.uri} failed: ${describeError(err)}`));
  } else ledger?.updateOpen(snapshot.uri, snapshot.result);
}

/**
 * The ledger's findings changed for these files: re-publish the open ones. Like the rules', they
 * show on open documents only; the Ledger view lists every break of the workspace.
 */
function republishLedger(uris: ReadonlySet<string>): void {
  let open = false;
  for (const uri of uris) {
    const snap = store.latest(uri);
    if (!snap) continue;
    open = true;
    void publisher.publish(snap);
  }
  if (open) refreshPulled();
}

/** A pulling client is asked to pull again (settings or the ledger changed what it holds). */
function refreshPulled(): void {
  if (!features.pullDiagnostics) return;
  connection.languages.diagnostics.refresh().catch((err: unknown) => logger.error(`diagnostic refresh failed: ${describeError(err)}`));
}

// ---------------------------------------------------------------------------------------------
// Lifecycle and settings
// ---------------------------------------------------------------------------------------------

let initialized = false;

connection.onInitialize((params: InitializeParams): InitializeResult | ResponseError<InitializeError> => {
  // Initialize comes once per session; a second one must not drop the documents opened since.
  if (initialized) return new ResponseError(ErrorCodes.InvalidRequest, 'initialize was already received; the session and its open documents are kept', { retry: false });
  initialized = true;
  const opts = initOptions(params);
  features = clientFeatures(params.capabilities ?? {});
  if (opts.pullDiagnostics === false) features.pullDiagnostics = false;
  const requested = (params.initializationOptions as { today?: unknown } | null | undefined)?.today;
  if (requested !== undefined && !opts.today) logger.error(`initializationOptions.today ${JSON.stringify(requested)} is not a date (YYYY-MM-DD); the real date is used`);
  store = createStore(opts);
  settings.update(sectionFromPushedSettings(params.initializationOptions as unknown));
  if (opts.workspaceLedger !== false) {
    ledger = new WorkspaceLedger({
      logger,
      analyzeOptions: opts.today ? { today: new Date(`${opts.today}T12:00:00Z`) } : {},
      onChanged: republishLedger,
      onRebuilt: () => void connection.sendNotification(LEDGER_CHANGED_METHOD, {}).catch(() => undefined),
      ...(opts.diagnosticsDelay !== undefined ? { debounceMs: opts.diagnosticsDelay } : {}),
    });
    const folders = (params.workspaceFolders ?? []).map((f) => f?.uri).filter((u): u is string => typeof u === 'string');
    workspaceFolders = folders.length ? folders : typeof params.rootUri === 'string' ? [params.rootUri] : [];
    watchFiles = params.capabilities?.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  }
  return { capabilities: serverCapabilities(features), serverInfo: { name: 'form345-language-server', version: '0.1.0' } };
});

connection.onInitialized(() => {
  if (features.configuration && features.dynamicConfigurationRegistration) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'form345' });
  }
  void refreshSettings(undefined);
  if (ledger) {
    if (watchFiles) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: FILING_GLOB }] }).catch((err: unknown) => logger.error(`ledger: watching files failed: ${describeError(err)}`));
    }
    const l = ledger;
    void l.scanFolders(workspaceFolders).catch((err: unknown) => logger.error(`ledger: scan failed: ${describeError(err)}`));
  }
});

connection.onDidChangeWatchedFiles((p) =>
  guardedSync(logger, 'didChangeWatchedFiles', () => {
    if (ledger && Array.isArray(p?.changes)) void ledger.filesChanged(p.changes).catch((err: unknown) => logger.error(`ledger: ${describeError(err)}`));
  }),
);

/** Re-reads settings (pulled when the client supports it) and re-publishes if a level changed. */
async function refreshSettings(pushed: unknown): Promise<void> {
  try {
    const section = features.configuration
      ? await connection.workspace.getConfiguration({ section: 'form345' })
      : sectionFromPushedSettings(pushed);
    // A push without our section (another extension's settings) must not reset ours.
    if (!features.configuration && section === undefined) return;
    if (settings.update(section)) {
      for (const snap of store.latestSnapshots()) publish(snap);
      refreshPulled();
    }
  } catch (err) {
    logger.error(`reading settings failed: ${describeError(err)}`);
  }
}

connection.onDidChangeConfiguration((params) => void refreshSettings(params.settings));

connection.onShutdown(() => {
  shutdownReceived = true;
  store.dispose();
  offload?.dispose();
  ledger?.dispose();
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
    const uri = p.textDocument.uri;
    if (store.close(uri)) void publisher.clear(uri);
    if (ledger) void ledger.closed(uri).catch((err: unknown) => logger.error(`ledger: ${describeError(err)}`));
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
  fn: (snapshot: DocumentSnapshot) => T | Promise<T>,
): Promise<T> {
  return guarded(logger, name, fallback, token, async () => {
    if (typeof uri !== 'string') return fallback;
    const snapshot = await store.snapshot(uri, token);
    if (!snapshot) return fallback;
    // A filing from the worker has parts not parsed yet: read them in slices, never all at once.
    await whenRead(snapshot.result.filings);
    // A client that sends no token (params by position, the token slot null) still gets an answer.
    return token?.isCancellationRequested ? fallback : fn(snapshot);
  });
}

const uriOf = (p: TextDocumentPositionParams): string | undefined => p?.textDocument?.uri;

const hoverOf = (s: DocumentSnapshot, p: TextDocumentPositionParams) => withLedgerHover(hover(s, p.position), ledger?.spotAt(s.uri, p.position));
connection.onHover((p, token) => {
  // A hover reads one filing: when an edit elsewhere left it as analysed, it is answered from that
  // analysis at once instead of waiting for the filings the edit touched.
  const uri = uriOf(p);
  const line = p?.position?.line;
  const quick = typeof uri === 'string' && typeof line === 'number' ? store.filingSnapshot(uri, line) : undefined;
  if (!quick) return onSnapshot('hover', null, uri, token, (s) => hoverOf(s, p));
  return guarded(logger, 'hover', null, token, async () => {
    await whenRead(quick.result.filings);
    return token?.isCancellationRequested ? null : hoverOf(quick, p);
  });
});
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
  onSnapshot('codeAction', [], p?.textDocument?.uri, token, (s) => codeActions(withFindings(s, ledger?.findingsFor(s.uri) ?? []), p, settings.ruleLevels, settings.ocrDetail)),
);
connection.onCompletion((p, token) => onSnapshot('completion', null, uriOf(p), token, (s) => completion(s, p.position)));

// Diagnostics pulled (clients that announce it): the current analysis's list, or `unchanged`
// when the client holds it already. A cancelled pull is answered as cancelled, never as an
// empty list (which would clear the editor's diagnostics).
connection.languages.diagnostics.on(async (p, token) => {
  const uri = p?.textDocument?.uri;
  const report = await guarded<FullDiagnosticReport | UnchangedReport | typeof EMPTY_REPORT | undefined>(logger, 'diagnostic', undefined, undefined, async () => {
    if (typeof uri !== 'string') return EMPTY_REPORT;
    // A pull comes right after each edit, often with a request the person waits on (a hover)
    // queued behind it. The connection dispatches one message a turn: two turns let that request
    // be answered (from the filing it reads) before this starts the document's analysis.
    for (let turn = 0; turn < 2; turn++) await new Promise((resolve) => setImmediate(resolve));
    const snapshot = await store.snapshot(uri, token);
    if (!snapshot) return token?.isCancellationRequested ? undefined : EMPTY_REPORT;
    // A request that waited for the same analysis (a hover after the keystroke) answers first:
    // the list, when it changed, is the larger message and the person is waiting on the hover.
    await new Promise((resolve) => setImmediate(resolve));
    if (token?.isCancellationRequested) return undefined;
    return publisher.reportInSlices(snapshot, typeof p.previousResultId === 'string' ? p.previousResultId : undefined);
  });
  if (token?.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'the diagnostic request was cancelled');
  return (report ?? EMPTY_REPORT) as DocumentDiagnosticReport;
});

connection.onRequest(RECORDS_METHOD, (p: RecordsParams, token) =>
  onSnapshot<RecordsResult | EncodedJson | null>('records', null, p?.uri, token, (s) =>
    // The records of a filing of thousands of rows are megabytes of JSON: written in slices.
    encodeInSlices(recordsOf(s, settings.ruleLevels, settings.cikMap), () => token?.isCancellationRequested === true).then((e) => e ?? null),
  ),
);

connection.onRequest(EDGAR_XML_METHOD, (p: EdgarXmlParams, token) =>
  onSnapshot<EdgarXmlResult | null>('edgarXml', null, p?.uri, token, (s) =>
    edgarXmlOf(s, settings.ruleLevels, settings.cikMap, typeof p.filing === 'number' ? p.filing : undefined),
  ),
);

connection.onRequest(LEDGER_METHOD, (_p: unknown, token) =>
  guarded<LedgerResult | null>(logger, 'ledger', null, token, async () => ledger?.result() ?? null),
);

connection.listen();
