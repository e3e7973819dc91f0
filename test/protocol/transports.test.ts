// The transports other than stdio: --node-ipc (what VS Code uses; Node serializes the messages, the
// diagnostics go through PublishedDiagnostics.toJSON) and --pipe (the cached encoding over a socket).
// Each must deliver the same diagnostics as stdio for the same text.
import assert from 'node:assert/strict';
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { test } from 'node:test';
import {
  IPCMessageReader,
  IPCMessageWriter,
  createClientPipeTransport,
  createMessageConnection,
  generateRandomPipeName,
  type MessageConnection,
  type MessageReader,
  type MessageWriter,
} from 'vscode-jsonrpc/node';
import { LspClient, ensureBuilt, repoRoot, seeds, serverJs, waitFor, type Diagnostic } from './harness';

interface Session {
  connection: MessageConnection;
  proc: ChildProcess;
  published: Map<string, { version?: number; diagnostics: Diagnostic[] }>;
}

async function session(proc: ChildProcess, reader: MessageReader, writer: MessageWriter): Promise<Session> {
  const connection = createMessageConnection(reader, writer);
  const published = new Map<string, { version?: number; diagnostics: Diagnostic[] }>();
  connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number; diagnostics: Diagnostic[] }) => {
    published.set(p.uri, { version: p.version, diagnostics: p.diagnostics });
  });
  connection.onNotification(() => undefined);
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    initializationOptions: { diagnosticsDelay: 20, today: '2025-06-02' },
    capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } },
  });
  await connection.sendNotification('initialized', {});
  return { connection, proc, published };
}

/** Opens `text`, makes a line-inserting edit, returns the diagnostics published for version 2. */
async function diagnosticsAfterEdit(s: Session, uri: string, text: string): Promise<Diagnostic[]> {
  await s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
  await waitFor('diagnostics v1', () => (s.published.get(uri)?.version === 1 ? true : undefined));
  const at = { line: 0, character: 0 };
  await s.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri, version: 2 },
    contentChanges: [{ range: { start: at, end: at }, text: 'inserted\n\n' }],
  });
  return waitFor('diagnostics v2', () => {
    const p = s.published.get(uri);
    return p?.version === 2 ? p.diagnostics : undefined;
  });
}

async function stop(s: Session): Promise<void> {
  await Promise.race([s.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]).catch(() => undefined);
  await s.connection.sendNotification('exit').catch(() => undefined);
  await waitFor('server exit', () => (s.proc.exitCode !== null || s.proc.signalCode !== null ? true : undefined), 3000).catch(() =>
    s.proc.kill('SIGKILL'),
  );
  s.connection.dispose();
}

const uri = 'file:///tmp/transport-Γ.txt';
const text = seeds().map((s) => s.text).join('\n\n');

async function overStdio(): Promise<Diagnostic[]> {
  const client = await LspClient.start();
  try {
    await client.open(uri, text);
    await client.diagnosticsFor(uri, 1);
    const at = { line: 0, character: 0 };
    await client.change(uri, 2, [{ range: { start: at, end: at }, text: 'inserted\n\n' }]);
    return await client.diagnosticsFor(uri, 2);
  } finally {
    await client.stop();
  }
}

test('--node-ipc and --pipe publish the same diagnostics as --stdio', async () => {
  ensureBuilt();
  const expected = await overStdio();
  assert.ok(expected.length > 5, `${expected.length} diagnostics`);
  assert.ok(expected.some((d) => /[^\x00-\x7f]/.test(d.message)), 'a message with non-ASCII text');

  const ipcProc = fork(serverJs, ['--node-ipc'], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  const ipc = await session(ipcProc, new IPCMessageReader(ipcProc), new IPCMessageWriter(ipcProc));
  try {
    assert.deepEqual(await diagnosticsAfterEdit(ipc, uri, text), expected);
  } finally {
    await stop(ipc);
  }

  const pipeName = generateRandomPipeName();
  const transport = await createClientPipeTransport(pipeName);
  const pipeProc = spawn(process.execPath, [serverJs, `--pipe=${pipeName}`], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'pipe'] });
  const [reader, writer] = await transport.onConnected();
  const pipe = await session(pipeProc, reader, writer);
  try {
    assert.deepEqual(await diagnosticsAfterEdit(pipe, uri, text), expected);
  } finally {
    await stop(pipe);
  }
});
