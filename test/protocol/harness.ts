/**
 * A real LSP client for protocol tests: starts `node dist/server.js --stdio` as a child process and
 * talks JSON-RPC to it with vscode-jsonrpc. Everything waits by polling with a deadline.
 */
import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  StreamMessageReader,
  StreamMessageWriter,
  createMessageConnection,
  type MessageConnection,
} from 'vscode-jsonrpc/node';

export const repoRoot = path.resolve(__dirname, '..', '..');
export const seedsDir = path.resolve(repoRoot, '..', 'shared', 'seeds');
/** The bundle under test; FORM345_SERVER points elsewhere (e.g. a bundle built from a clean checkout). */
export const serverJs = process.env.FORM345_SERVER ?? path.join(repoRoot, 'dist', 'server.js');

export interface Seed {
  name: string;
  file: string;
  uri: string;
  text: string;
}

export function seeds(): Seed[] {
  return readdirSync(seedsDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((name) => {
      const file = path.join(seedsDir, name);
      return { name, file, uri: pathToFileURL(file).href, text: readFileSync(file, 'utf8') };
    });
}

export function seed(prefix: string): Seed {
  const s = seeds().find((x) => x.name.startsWith(prefix));
  if (!s) throw new Error(`no seed ${prefix} in ${seedsDir}`);
  return s;
}

/** Builds dist/server.js if a test is run on its own before any build. */
export function ensureBuilt(): void {
  if (!existsSync(serverJs)) execFileSync(process.execPath, ['esbuild.mjs'], { cwd: repoRoot, stdio: 'inherit' });
}

export interface Position {
  line: number;
  character: number;
}

/** Position of the `occurrence`-th (0-based) match of `needle` in `text`, plus `delta` characters. */
export function positionOf(text: string, needle: string, occurrence = 0, delta = 0): Position {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" #${occurrence} not found`);
  }
  at += delta;
  const before = text.slice(0, at);
  const line = before.split(/\r\n|\r|\n/).length - 1;
  const lastBreak = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
  return { line, character: at - lastBreak - 1 };
}

export interface Diagnostic {
  range: { start: Position; end: Position };
  severity?: number;
  code?: string | number;
  message: string;
  source?: string;
}

export interface Published {
  version?: number;
  diagnostics: Diagnostic[];
  count: number;
}

export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 15000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let delay = 5;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, delay));
    delay = Math.min(delay * 2, 100);
  }
}

export interface StartOptions {
  initializationOptions?: Record<string, unknown>;
  /** Announce `workspace/configuration` support and answer it with this section. */
  configuration?: () => unknown;
  /**
   * A workspace folder whose holdings ledger the server keeps (announcing dynamic registration of
   * file watching). Without it the ledger is off, so other tests see one document's findings only.
   */
  ledgerFolder?: string;
  /** Announce pulled diagnostics (`textDocument/diagnostic` and refresh support), as VS Code does. */
  pullDiagnostics?: boolean;
}

export class LspClient {
  readonly published = new Map<string, Published>();
  readonly recordsChanged: { uri: string; version: number }[] = [];
  readonly registrations: { method: string; registerOptions?: unknown }[] = [];
  /** How many `workspace/diagnostic/refresh` requests the server sent. */
  refreshes = 0;
  stderr = '';
  initializeResult: { capabilities: Record<string, any>; serverInfo?: { name: string } } | undefined;
  private exited: number | null | undefined;

  private constructor(
    readonly proc: ChildProcessWithoutNullStreams,
    readonly connection: MessageConnection,
  ) {
    proc.on('exit', (code) => (this.exited = code));
    proc.stderr.on('data', (d: Buffer) => (this.stderr += d.toString()));
  }

  static async start(options: StartOptions = {}): Promise<LspClient> {
    ensureBuilt();
    const proc = spawn(process.execPath, [serverJs, '--stdio'], { cwd: repoRoot, stdio: 'pipe' });
    const connection = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
    const client = new LspClient(proc, connection);
    connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number; diagnostics: Diagnostic[] }) => {
      const prev = client.published.get(p.uri);
      client.published.set(p.uri, { version: p.version, diagnostics: p.diagnostics, count: (prev?.count ?? 0) + 1 });
    });
    connection.onNotification('form345/recordsChanged', (p: { uri: string; version: number }) => {
      client.recordsChanged.push(p);
    });
    connection.onNotification('window/logMessage', () => undefined);
    connection.onRequest('client/registerCapability', (p: { registrations?: { method: string; registerOptions?: unknown }[] }) => {
      client.registrations.push(...(p?.registrations ?? []));
      return null;
    });
    connection.onRequest('workspace/diagnostic/refresh', () => {
      client.refreshes++;
      return null;
    });
    connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => options.configuration?.() ?? null));
    connection.listen();
    client.initializeResult = await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(options.ledgerFolder ?? repoRoot).href,
      ...(options.ledgerFolder ? { workspaceFolders: [{ uri: pathToFileURL(options.ledgerFolder).href, name: 'filings' }] } : {}),
      initializationOptions: { diagnosticsDelay: 20, today: '2025-06-02', workspaceLedger: options.ledgerFolder !== undefined, ...options.initializationOptions },
      capabilities: {
        workspace: {
          configuration: options.configuration !== undefined,
          didChangeConfiguration: { dynamicRegistration: false },
          didChangeWatchedFiles: { dynamicRegistration: options.ledgerFolder !== undefined },
          ...(options.pullDiagnostics ? { diagnostics: { refreshSupport: true } } : {}),
        },
        textDocument: {
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          rename: { prepareSupport: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          publishDiagnostics: { versionSupport: true },
          ...(options.pullDiagnostics ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
        },
      },
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  get alive(): boolean {
    return this.exited === undefined && this.proc.exitCode === null;
  }

  open(uri: string, text: string, version = 1, languageId = 'plaintext'): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, contentChanges: unknown[]): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request<T = any>(method: string, params: unknown): Promise<T> {
    return this.connection.sendRequest(method, params) as Promise<T>;
  }

  /** Diagnostics published for `uri` at `version` (or at any version when omitted). */
  diagnosticsFor(uri: string, version?: number, timeoutMs?: number): Promise<Diagnostic[]> {
    return waitFor(
      `diagnostics of ${path.basename(uri)}${version !== undefined ? ` v${version}` : ''}`,
      () => {
        const p = this.published.get(uri);
        if (!p) return undefined;
        return version === undefined || p.version === version ? p.diagnostics : undefined;
      },
      timeoutMs,
    );
  }

  /**
   * Waits until the server is done with `version` of `uri`: `form345/recordsChanged` follows each
   * analysed version's diagnostics (a large list the client holds already is not pushed again).
   */
  settled(uri: string, version: number, timeoutMs?: number): Promise<true> {
    return waitFor(`${path.basename(uri)} v${version} settled`, () => this.recordsChanged.some((r) => r.uri === uri && r.version === version) || undefined, timeoutMs);
  }

  async stop(): Promise<void> {
    try {
      if (this.alive) {
        await Promise.race([this.request('shutdown', null), new Promise((r) => setTimeout(r, 2000))]);
        await this.connection.sendNotification('exit');
      }
    } catch {
      // The process may already be gone; killing below is enough.
    }
    await waitFor('server exit', () => (this.alive ? undefined : true), 3000).catch(() => this.proc.kill('SIGKILL'));
    this.connection.dispose();
  }
}

export interface TextEditLike {
  range: { start: Position; end: Position };
  newText: string;
}

function offsetAt(text: string, pos: Position): number {
  let line = 0;
  let i = 0;
  while (line < pos.line && i < text.length) {
    const c = text[i++];
    if (c === '\r' && text[i] === '\n') i++;
    if (c === '\n' || c === '\r') line++;
  }
  return i + pos.character;
}

/** Applies LSP text edits (non-overlapping, any order) the way an editor would. */
export function applyEdits(text: string, edits: readonly TextEditLike[]): string {
  const withOffsets = edits
    .map((e) => ({ start: offsetAt(text, e.range.start), end: offsetAt(text, e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of withOffsets) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/** All DocumentSymbol names, depth first. */
export function symbolNames(symbols: { name: string; children?: unknown[] }[] | null): string[] {
  const out: string[] = [];
  const walk = (list: { name: string; children?: unknown[] }[]): void => {
    for (const s of list) {
      out.push(s.name);
      walk((s.children ?? []) as { name: string; children?: unknown[] }[]);
    }
  };
  walk(symbols ?? []);
  return out;
}

export function hoverText(hover: { contents: { value: string } | string } | null): string {
  if (!hover) return '';
  return typeof hover.contents === 'string' ? hover.contents : hover.contents.value;
}
