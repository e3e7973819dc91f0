// Protocol: pulled diagnostics (LSP 3.17 `textDocument/diagnostic`), what VS Code uses. A client
// that announces pulls (and refresh support) gets no pushed diagnostics; each pull answers the
// whole list with a result id, or `unchanged` when the client's previous id names the current
// list, so a keystroke that changes no diagnostic costs a few bytes instead of the document's list.
// Clients without pulls (Neovim) keep the push: the other protocol tests.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Message } from 'vscode-jsonrpc/node';
import { DiagnosticConverter, FullDiagnosticReport } from '../../server/src/lsp/diagnostics';
import { DocumentStore } from '../../server/src/lsp/documents';
import { encodeMessage } from '../../server/src/lsp/transport';
import { generateDocument } from '../gen';
import { LspClient, seeds, waitFor, type Diagnostic, type Position } from './harness';

const clients: LspClient[] = [];
after(async () => {
  for (const c of clients) {
    assert.ok(c.alive, c.stderr);
    await c.stop();
  }
});

type Report = { kind: 'full'; resultId?: string; items: Diagnostic[] } | { kind: 'unchanged'; resultId: string };

function pull(c: LspClient, uri: string, previousResultId?: string): Promise<Report> {
  return c.request<Report>('textDocument/diagnostic', { textDocument: { uri }, ...(previousResultId !== undefined ? { previousResultId } : {}) });
}

function full(r: Report): { resultId?: string; items: Diagnostic[] } {
  assert.equal(r.kind, 'full', JSON.stringify(r).slice(0, 200));
  return r as { resultId?: string; items: Diagnostic[] };
}

/** Several filings, with OCR damage on some lines. */
const text = `${seeds()
  .map((s) => s.text)
  .join('\n\n')}\n\n${generateDocument('pull', 6, { noise: 2, layout: 'mixed' }).text}`;

describe('pulled diagnostics', () => {
  let c: LspClient;
  let push: LspClient;
  const uri = 'file:///pull/doc.txt';

  before(async () => {
    [c, push] = await Promise.all([LspClient.start({ pullDiagnostics: true }), LspClient.start()]);
    clients.push(c, push);
    await Promise.all([c.open(uri, text), push.open(uri, text)]);
  });

  test('announced only to clients that pull and accept refreshes', async () => {
    assert.deepEqual(c.initializeResult!.capabilities.diagnosticProvider, { identifier: 'form345', interFileDependencies: false, workspaceDiagnostics: false });
    assert.equal(push.initializeResult!.capabilities.diagnosticProvider, undefined);
    // initializationOptions.pullDiagnostics = false: pushed even to a client that could pull.
    const pushed = await LspClient.start({ pullDiagnostics: true, initializationOptions: { pullDiagnostics: false } });
    clients.push(pushed);
    assert.equal(pushed.initializeResult!.capabilities.diagnosticProvider, undefined);
    await pushed.open(uri, text);
    assert.ok((await pushed.diagnosticsFor(uri, 1)).length > 10);
  });

  test('the full list is the pushed one, and nothing is pushed to a pulling client', async () => {
    const pushed = await push.diagnosticsFor(uri, 1);
    const first = full(await pull(c, uri));
    assert.ok(first.resultId);
    assert.ok(pushed.length > 10);
    assert.deepEqual(first.items, pushed);
    // The records notification of the same analysis arrives; diagnostics never do.
    await waitFor('records of v1', () => c.recordsChanged.some((r) => r.uri === uri && r.version === 1) || undefined);
    assert.equal(c.published.get(uri), undefined);
  });

  test('`unchanged` exactly when the list is the same, after each of a series of edits', async () => {
    let current = full(await pull(c, uri));
    const lines = text.split('\n');
    let version = 1;
    let unchanged = 0;
    let changed = 0;
    // Insert a letter at a spread of places, then take it out again: many edits change nothing shown.
    for (let k = 0; k < 24; k++) {
      const line = Math.floor(((k * 0.618034) % 1) * lines.length);
      const at: Position = { line, character: Math.min(2, lines[line]!.length) };
      for (const change of [
        { range: { start: at, end: at }, text: 'q' },
        { range: { start: at, end: { line, character: at.character + 1 } }, text: '' },
      ]) {
        await c.change(uri, ++version, [change]);
        await push.change(uri, version, [change]);
        const answer = await pull(c, uri, current.resultId);
        const truth = await push.diagnosticsFor(uri, version);
        const same = JSON.stringify(truth) === JSON.stringify(current.items);
        if (answer.kind === 'unchanged') {
          assert.ok(same, `v${version}: unchanged, but the list changed`);
          assert.equal(answer.resultId, current.resultId);
          unchanged++;
        } else {
          assert.deepEqual(answer.items, truth, `v${version}`);
          assert.ok(!same, `v${version}: the same list sent again`);
          assert.notEqual(answer.resultId, current.resultId);
          current = answer;
          changed++;
        }
      }
    }
    assert.ok(unchanged > 0 && changed > 0, `${unchanged} unchanged, ${changed} changed`);
  });

  test('a hover sent after the pull that follows a keystroke is answered first', async () => {
    let current = full(await pull(c, uri));
    const first = current.items[0]!;
    let version = 1000;
    let hoverFirst = 0;
    for (let k = 0; k < 6; k++) {
      // Typing just before the first diagnostic moves it: each pull answers the whole list.
      const at = first.range.start;
      const change = k % 2 === 0 ? { range: { start: at, end: at }, text: 'q' } : { range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '' };
      await c.change(uri, ++version, [change]);
      const order: string[] = [];
      const pulled = pull(c, uri, current.resultId).then((r) => (order.push('pull'), r));
      const hovered = c.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }).then(() => order.push('hover'));
      const [r] = await Promise.all([pulled, hovered]);
      current = full(r);
      if (order[0] === 'hover') hoverFirst++;
    }
    // A hover that reaches the server only after the analysis ended may come second; without the
    // ordering every pull (sent first) would answer first.
    assert.ok(hoverFirst >= 4, `the hover first in ${hoverFirst} of 6`);
  });

  test('an id the server did not give for this list gets the full list', async () => {
    const now = full(await pull(c, uri));
    assert.deepEqual(full(await pull(c, uri, 'not-an-id')).items, now.items);
    assert.deepEqual(full(await pull(c, 'file:///pull/never-opened.txt')).items, []);
  });

  test('quick fixes read the pulled diagnostics', async () => {
    const items = full(await pull(c, uri)).items;
    const withFix = items.filter((d) => d.code === 'ocr-text');
    assert.ok(withFix.length > 0);
    const d = withFix[0]!;
    const actions = await c.request<{ title: string; isPreferred?: boolean }[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: d.range,
      context: { diagnostics: [d], only: ['quickfix'] },
    });
    assert.ok(actions.some((a) => a.isPreferred), actions.map((a) => a.title).join(' | '));
  });

  test('a settings change asks the client to pull again, and the pull shows it', async () => {
    const before = full(await pull(c, uri));
    assert.ok(before.items.some((d) => d.code === 'ocr-text'));
    const refreshes = c.refreshes;
    await c.connection.sendNotification('workspace/didChangeConfiguration', { settings: { form345: { rules: { 'ocr-text': 'off' } } } });
    await waitFor('a refresh request', () => c.refreshes > refreshes || undefined);
    const after = await pull(c, uri, before.resultId);
    const items = full(after).items;
    assert.ok(!items.some((d) => d.code === 'ocr-text'));
    assert.deepEqual(items, before.items.filter((d) => d.code !== 'ocr-text'));
    await c.connection.sendNotification('workspace/didChangeConfiguration', { settings: { form345: { rules: {} } } });
    await waitFor('a second refresh', () => c.refreshes > refreshes + 1 || undefined);
  });

  test('closing the document pushes nothing', async () => {
    await c.close(uri);
    await c.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
    assert.equal(c.published.get(uri), undefined);
  });
});

test('a full report is written from the cached groups with the bytes of JSON.stringify', async () => {
  const logger = { error: (m: string) => assert.fail(m), info: () => undefined };
  const store = new DocumentStore({ logger, debounceMs: 0, analyzeOptions: { today: new Date('2025-06-02T12:00:00Z') } });
  store.open('file:///pull/bytes.txt', 'plaintext', 1, text);
  const snap = await store.snapshot('file:///pull/bytes.txt');
  store.dispose();
  assert.ok(snap);
  for (const levels of [{}, { 'ocr-text': 'off' as const }]) {
    const report = new FullDiagnosticReport(new DiagnosticConverter().convert(snap, levels));
    for (const id of [7, 'seven']) {
      const m = { jsonrpc: '2.0', id, result: report } as unknown as Message;
      const bytes = encodeMessage(m);
      assert.deepEqual(bytes, Buffer.from(JSON.stringify(m), 'utf8'));
      const parsed = JSON.parse(bytes.toString('utf8')) as { result: { kind: string; items: unknown[] } };
      assert.equal(parsed.result.kind, 'full');
      assert.ok(parsed.result.items.length > 0);
    }
  }
});
