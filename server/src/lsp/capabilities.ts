/**
 * What the server announces in `initialize`, and the few client capabilities it adapts to.
 */
import {
  CodeActionKind,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type InitializeParams,
  type ServerCapabilities,
} from 'vscode-languageserver';
import { parseIsoDay } from '../analysis';
import { FIX_ALL_KIND } from './codeActions';
import { COMPLETION_TRIGGERS } from './completion';

export interface ClientFeatures {
  /** `workspace/configuration` pull; otherwise settings come pushed in didChangeConfiguration. */
  configuration: boolean;
  dynamicConfigurationRegistration: boolean;
  hierarchicalSymbols: boolean;
  prepareRename: boolean;
  /**
   * Diagnostics are pulled (`textDocument/diagnostic`, LSP 3.17) rather than pushed: the client
   * asks for them and can tell the server to re-ask (`workspace/diagnostic/refresh`, needed when
   * settings or the workspace ledger change them). Clients without both keep the push.
   */
  pullDiagnostics: boolean;
}

export function clientFeatures(caps: ClientCapabilities): ClientFeatures {
  return {
    configuration: caps.workspace?.configuration === true,
    dynamicConfigurationRegistration: caps.workspace?.didChangeConfiguration?.dynamicRegistration === true,
    hierarchicalSymbols: caps.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport === true,
    prepareRename: caps.textDocument?.rename?.prepareSupport === true,
    pullDiagnostics: caps.textDocument?.diagnostic !== undefined && caps.textDocument.diagnostic !== null && caps.workspace?.diagnostics?.refreshSupport === true,
  };
}

/** Options a client may pass in `initializationOptions` (all optional; for tests, benches, tuning). */
export interface InitOptions {
  /** Debounce between an edit and its analysis, in ms (default 150). */
  diagnosticsDelay?: number;
  /** Documents longer than this many characters are not analysed (default 32 Mi). */
  maxDocumentSize?: number;
  /** Pin "today" (ISO date) for rules about future dates, so tests are reproducible. */
  today?: string;
  /** Keep the holdings ledger of the workspace folders (default true; false: open documents only, no ledger). */
  workspaceLedger?: boolean;
  /** Offer pulled diagnostics to clients that can pull (default true; false: always push). */
  pullDiagnostics?: boolean;
}

export function initOptions(params: InitializeParams): InitOptions {
  const raw = params.initializationOptions as Record<string, unknown> | null | undefined;
  const out: InitOptions = {};
  if (!raw || typeof raw !== 'object') return out;
  if (typeof raw.diagnosticsDelay === 'number' && raw.diagnosticsDelay >= 0) out.diagnosticsDelay = raw.diagnosticsDelay;
  if (typeof raw.maxDocumentSize === 'number' && raw.maxDocumentSize > 0) out.maxDocumentSize = raw.maxDocumentSize;
  // A real calendar date only: `2020-13-45` would make every analysis fail.
  if (parseIsoDay(raw.today)) out.today = raw.today as string;
  if (typeof raw.workspaceLedger === 'boolean') out.workspaceLedger = raw.workspaceLedger;
  if (typeof raw.pullDiagnostics === 'boolean') out.pullDiagnostics = raw.pullDiagnostics;
  return out;
}

export function serverCapabilities(features: ClientFeatures): ServerCapabilities {
  return {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
    hoverProvider: true,
    definitionProvider: true,
    referencesProvider: true,
    documentHighlightProvider: true,
    documentSymbolProvider: { label: 'Form 345' },
    foldingRangeProvider: true,
    renameProvider: features.prepareRename ? { prepareProvider: true } : true,
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll, FIX_ALL_KIND] },
    completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: false },
    // A document's findings come from its own text; the ledger's (from other files) are
    // re-pulled through a refresh when they change, so no background pulls of other documents.
    ...(features.pullDiagnostics ? { diagnosticProvider: { identifier: 'form345', interFileDependencies: false, workspaceDiagnostics: false } } : {}),
  };
}
