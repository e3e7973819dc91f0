// Protocol: what the editor receives per keystroke. OCR damage comes one diagnostic a damaged line
// (`form345.ocrDetail` = word for one a word); a request that arrives while an edit's analysis is
// pending gets its reply before that edit's diagnostics.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { generateDocument } from '../gen';
import { LspClient, waitFor } from './harness';

const clients: LspClient[] = [];
after(async () => {
  for (const c of clients) {
    assert.ok(c.alive, c.stderr);
    await c.stop();
  }
});

/** Filings with heavy OCR damage, several damaged words on some lines. */
const noisy = generateDocument('keystroke', 30, { noise: 3, layout: 'mixed' }).text;

function ocrByLine(diags: { code?: string | number; range: { start: { line: number } } }[]): Map<number, number> {
  const m = new Map<number, number>();
  for (const d of diags) if (d.code === 'ocr-text') m.set(d.range.start.line, (m.get(d.range.start.line) ?? 0) + 1);
  return m;
}

test('ocr-text: one diagnostic a damaged line by default, one a word with form345.ocrDetail = word', async () => {
  const c = await LspClient.start();
  clients.push(c);
  const uri = 'file:///keystroke/noisy.txt';
  await c.open(uri, noisy);
  const byLine = ocrByLine(await c.diagnosticsFor(uri, 1));
  assert.ok(byLine.size > 0);
  assert.ok([...byLine.values()].every((n) => n === 1), 'one diagnostic a line');
  const count = c.published.get(uri)!.count;
  await c.connection.sendNotification('workspace/didChangeConfiguration', { settings: { form345: { ocrDetail: 'word' } } });
  const byWord = await waitFor('word detail', () => (c.published.get(uri)!.count > count ? ocrByLine(c.published.get(uri)!.diagnostics) : undefined));
  assert.deepEqual([...byWord.keys()].sort(), [...byLine.keys()].sort(), 'the same lines');
  assert.ok([...byWord.values()].some((n) => n > 1), 'some line has several damaged words');
  // The line's quick fixes: the whole line first (preferred), then each word.
  const line = [...byWord.entries()].find(([, n]) => n > 1)![0];
  await c.connection.sendNotification('workspace/didChangeConfiguration', { settings: { 'form345.ocrDetail': 'line' } });
  const merged = await waitFor('line detail again', () => c.published.get(uri)!.diagnostics.find((d) => d.code === 'ocr-text' && d.range.start.line === line && /words damaged by OCR on this line/.test(d.message)));
  const actions = await c.request<{ title: string; isPreferred?: boolean }[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: merged.range,
    context: { diagnostics: [merged], only: ['quickfix'] },
  });
  const titles = actions.map((a) => a.title);
  assert.ok(actions.some((a) => a.isPreferred && /^Fix OCR damage on this line/.test(a.title)), titles.join(' | '));
  assert.ok(titles.filter((t) => /^Replace '/.test(t)).length >= 2, titles.join(' | '));
});

describe('a hover after a keystroke', () => {
  let c: LspClient;
  const uri = 'file:///keystroke/order.txt';
  const order: string[] = [];
  before(async () => {
    c = await LspClient.start({ initializationOptions: { diagnosticsDelay: 150 } });
    clients.push(c);
    c.connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number; diagnostics: unknown[] }) => {
      const prev = c.published.get(p.uri);
      c.published.set(p.uri, { version: p.version, diagnostics: p.diagnostics as never, count: (prev?.count ?? 0) + 1 });
      order.push(`diagnostics v${p.version}`);
    });
    c.connection.onNotification('form345/recordsChanged', (p: { uri: string; version: number }) => {
      c.recordsChanged.push(p);
      order.push(`records v${p.version}`);
    });
    await c.open(uri, noisy);
    await c.diagnosticsFor(uri, 1);
  });

  test('is answered before the edit\'s diagnostics are published', async () => {
    const lines = noisy.split('\n');
    const last = lines.length - 5;
    for (let v = 2; v <= 8; v++) {
      const at = { line: 3 + v, character: 0 };
      await c.change(uri, v, [{ range: { start: at, end: at }, text: 'x' }]);
      await c.request('textDocument/hover', { textDocument: { uri }, position: { line: last, character: 2 } });
      order.push(`hover v${v}`);
      await c.settled(uri, v);
    }
    // A version's diagnostics come before its records notification, when the list changed at all.
    const after = (v: number) => (order.includes(`diagnostics v${v}`) ? order.indexOf(`diagnostics v${v}`) : order.indexOf(`records v${v}`));
    for (let v = 2; v <= 8; v++) {
      assert.ok(order.indexOf(`hover v${v}`) >= 0 && order.indexOf(`hover v${v}`) < after(v), order.join(', '));
    }
  });
});

test('a keystroke in a 1 MB batch with form345.ocrDetail = filing receives at most 100 KB', async () => {
  let n = 100;
  let big = generateDocument(`keystroke-big-${n}`, n, { noise: 2, layout: 'mixed' }).text;
  while (big.length < 1024 * 1024) big = generateDocument(`keystroke-big-${(n = Math.ceil((n * 1024 * 1024) / big.length) + 1)}`, n, { noise: 2, layout: 'mixed' }).text;
  const c = await LspClient.start({ initializationOptions: { form345: { ocrDetail: 'filing' } } });
  clients.push(c);
  let received = 0;
  c.proc.stdout.on('data', (d: Buffer) => (received += d.length));
  const uri = 'file:///keystroke/big.txt';
  await c.open(uri, big);
  const atOpen = await c.diagnosticsFor(uri, 1, 60000);
  assert.ok(atOpen.filter((d) => d.code === 'ocr-text').length > 20, 'the batch has OCR damage');
  const line = Math.floor(big.split('\n').length / 2);
  const before = received;
  await c.change(uri, 2, [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: 'x' }]);
  await c.settled(uri, 2, 60000);
  const bytes = received - before;
  assert.ok(bytes <= 100 * 1024, `${bytes} bytes received for one keystroke`);
});
