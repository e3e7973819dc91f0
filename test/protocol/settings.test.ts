// Protocol: `form345.rules.<code>` levels change published diagnostics without a reload,
// both for clients that push settings (Neovim, Helix) and clients that are asked (VS Code).
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { LspClient, seed, waitFor } from './harness';

const clients: LspClient[] = [];
after(async () => {
  for (const c of clients) {
    assert.ok(c.alive, c.stderr);
    await c.stop();
  }
});

function lateFiling(c: LspClient, uri: string): { severity?: number } | undefined | null {
  const p = c.published.get(uri);
  if (!p) return undefined;
  return p.diagnostics.find((d) => d.code === 'late-filing') ?? null;
}

test('pushed settings: off removes the rule, error raises it', async () => {
  const c = await LspClient.start();
  clients.push(c);
  const s = seed('002');
  await c.open(s.uri, s.text);
  await waitFor('late-filing (default warning)', () => (lateFiling(c, s.uri)?.severity === 2 ? true : undefined));
  await c.connection.sendNotification('workspace/didChangeConfiguration', { settings: { form345: { rules: { 'late-filing': 'off' } } } });
  await waitFor('late-filing gone', () => (lateFiling(c, s.uri) === null ? true : undefined));
  await c.connection.sendNotification('workspace/didChangeConfiguration', { settings: { 'form345.rules.late-filing': 'error' } });
  await waitFor('late-filing as error', () => (lateFiling(c, s.uri)?.severity === 1 ? true : undefined));
  // Another tool's settings do not reset ours.
  const count = c.published.get(s.uri)!.count;
  await c.connection.sendNotification('workspace/didChangeConfiguration', { settings: { other: { x: 1 } } });
  await c.request('textDocument/hover', { textDocument: { uri: s.uri }, position: { line: 0, character: 0 } });
  assert.equal(c.published.get(s.uri)!.count, count);
});

test('pulled settings: the server asks workspace/configuration on change', async () => {
  let section: unknown = { rules: { 'late-filing': 'hint' } };
  const c = await LspClient.start({ configuration: () => section });
  clients.push(c);
  const s = seed('002');
  await c.open(s.uri, s.text);
  await waitFor('late-filing as hint', () => (lateFiling(c, s.uri)?.severity === 4 ? true : undefined));
  section = { rules: { 'late-filing': 'information' } };
  await c.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  await waitFor('late-filing as information', () => (lateFiling(c, s.uri)?.severity === 3 ? true : undefined));
});
