/**
 * Helpers for the extension-host suite. Everything that depends on the language server waits by
 * polling with a deadline: the server starts lazily, diagnostics are pushed after analysis, and the
 * first hover can arrive before the client is ready. Fixed sleeps would be either flaky or slow.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'form345.form345';
export const LANGUAGE_ID = 'form345';

/** Deadline for anything that needs the language server up (cold start on a busy 2-core box). */
export const SERVER_DEADLINE_MS = 45_000;

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace (fixtures/ + seeds/) is not open');
  return folder.uri;
}

/** Polls `probe` until it returns something other than undefined/false, or fails with `what`. */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = SERVER_DEADLINE_MS,
  describeLast?: () => string,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
      lastError = undefined;
    } catch (e) {
      // A provider that is not registered yet throws or returns nothing; both mean "not yet".
      lastError = e;
    }
    if (Date.now() > deadline) {
      const detail = describeLast?.() ?? (lastError ? String(lastError) : 'condition never held');
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}: ${detail}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** The seed copy whose name starts with `prefix` (e.g. '001') in the workspace's seeds/ folder. */
export async function seedUri(prefix: string): Promise<vscode.Uri> {
  const dir = vscode.Uri.joinPath(workspaceRoot(), 'seeds');
  const entries = await vscode.workspace.fs.readDirectory(dir);
  const name = entries.map(([n]) => n).find((n) => n.startsWith(`${prefix}_`) && n.endsWith('.txt'));
  assert.ok(name, `seed ${prefix}_*.txt not found in ${dir.fsPath}`);
  return vscode.Uri.joinPath(dir, name);
}

/**
 * A private copy of a seed for tests that edit: the edit must not change what other tests see.
 * Keeps the .txt extension so the copy goes through the same content detection.
 */
export async function scratchCopy(prefix: string, tag: string): Promise<vscode.Uri> {
  const src = await seedUri(prefix);
  const dst = vscode.Uri.joinPath(workspaceRoot(), 'scratch', `${tag}-${src.path.split('/').pop()}`);
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(workspaceRoot(), 'scratch'));
  await vscode.workspace.fs.copy(src, dst, { overwrite: true });
  return dst;
}

/** The current TextDocument for a uri: a language switch re-creates the document object. */
export function currentDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
}

/** Opens a filing in an editor and waits until the client has recognized it as `form345`. */
export async function openFiling(uri: vscode.Uri): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { preview: false });
  return waitFor(
    `${uri.path.split('/').pop()} to be recognized as ${LANGUAGE_ID}`,
    () => {
      const d = currentDocument(uri);
      return d?.languageId === LANGUAGE_ID ? d : undefined;
    },
    30_000,
    () => `languageId is '${currentDocument(uri)?.languageId}'`,
  );
}

/** Makes the filing the active editor (commands like preview and export act on it). */
export async function showFiling(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const doc = await openFiling(uri);
  const editor = await vscode.window.showTextDocument(doc, { preview: false, preserveFocus: false });
  await waitFor('the filing to be the active editor', () => vscode.window.activeTextEditor?.document.uri.toString() === uri.toString());
  return editor;
}

export function codeOf(d: vscode.Diagnostic): string {
  const c = d.code;
  if (c === undefined) return '';
  return typeof c === 'object' ? String(c.value) : String(c);
}

export function diagnosticsWithCode(uri: vscode.Uri, code: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => codeOf(d) === code);
}

export function describeDiagnostics(uri: vscode.Uri): string {
  const all = vscode.languages.getDiagnostics(uri);
  if (all.length === 0) return 'no diagnostics at all';
  return all.map((d) => `${codeOf(d)}@${d.range.start.line + 1}`).join(', ');
}

/** Waits until the document has at least `min` diagnostics with `code`. */
export function waitForDiagnostics(uri: vscode.Uri, code: string, min = 1): Promise<vscode.Diagnostic[]> {
  return waitFor(
    `${min}+ '${code}' diagnostic(s) on ${uri.path.split('/').pop()}`,
    () => {
      const found = diagnosticsWithCode(uri, code);
      return found.length >= min ? found : undefined;
    },
    SERVER_DEADLINE_MS,
    () => describeDiagnostics(uri),
  );
}

/** Waits until the server has published diagnostics for the document (seeds always have some). */
export function waitForAnalysis(uri: vscode.Uri): Promise<vscode.Diagnostic[]> {
  return waitFor(`diagnostics for ${uri.path.split('/').pop()}`, () => {
    const all = vscode.languages.getDiagnostics(uri);
    return all.length > 0 ? all : undefined;
  });
}

/** Zero-based index of the first line that satisfies `test`. */
export function lineIndex(doc: vscode.TextDocument, test: (text: string) => boolean, what: string): number {
  for (let i = 0; i < doc.lineCount; i++) if (test(doc.lineAt(i).text)) return i;
  assert.fail(`no line in ${doc.uri.path.split('/').pop()} matches ${what}`);
}

/** Position of `needle` inside the first line containing `lineNeedle`, shifted by `offset` characters. */
export function positionIn(doc: vscode.TextDocument, lineNeedle: string, needle: string, offset = 0): vscode.Position {
  const line = lineIndex(doc, (t) => t.includes(lineNeedle), JSON.stringify(lineNeedle));
  const col = doc.lineAt(line).text.indexOf(needle);
  assert.ok(col >= 0, `${JSON.stringify(needle)} not on line ${line + 1}`);
  return new vscode.Position(line, col + offset);
}

export function hoverText(hovers: readonly vscode.Hover[] | undefined): string {
  if (!hovers) return '';
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

/** Hover at `pos`, retried until its text satisfies `accept` (the first one may beat the server). */
export async function hoverUntil(uri: vscode.Uri, pos: vscode.Position, what: string, accept: (text: string) => boolean): Promise<string> {
  let last = '';
  return waitFor(
    what,
    async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, pos);
      last = hoverText(hovers);
      return accept(last) ? last : undefined;
    },
    SERVER_DEADLINE_MS,
    () => (last ? `last hover was: ${JSON.stringify(last.slice(0, 300))}` : 'no hover at all'),
  );
}

export interface Target {
  uri: vscode.Uri;
  range: vscode.Range;
}

/** Definition results come as Location or LocationLink depending on the server's capabilities. */
export function toTarget(x: vscode.Location | vscode.LocationLink): Target {
  if ('targetUri' in x) return { uri: x.targetUri, range: x.targetSelectionRange ?? x.targetRange };
  return { uri: x.uri, range: x.range };
}
