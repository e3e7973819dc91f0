// Robustness: bad positions, racing edits, huge and binary documents, rapid open/close.
// The server must answer (or decline) every request and stay alive.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import { LspClient, positionOf, seed, seeds, waitFor } from './harness';

let client: LspClient;
before(async () => {
  client = await LspClient.start();
});
after(async () => {
  assert.ok(client.alive, `server died; stderr:\n${client.stderr}`);
  await client.stop();
});

const POSITION_REQUESTS = [
  'textDocument/hover',
  'textDocument/definition',
  'textDocument/references',
  'textDocument/documentHighlight',
  'textDocument/prepareRename',
  'textDocument/completion',
];

function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || (Array.isArray(v) && v.length === 0);
}

test('out-of-range and malformed positions get empty answers', async () => {
  const s = seed('001');
  await client.open(s.uri, s.text);
  const bad = [
    { line: 100000, character: 0 },
    { line: 0, character: 100000 },
    { line: -1, character: 0 },
    { line: 0, character: -5 },
    { line: 1.5, character: 0 },
    { line: 'x', character: 0 },
  ];
  for (const method of POSITION_REQUESTS) {
    for (const position of bad) {
      const res = await client.request(method, { textDocument: { uri: s.uri }, position, context: { includeDeclaration: true }, newName: '9' });
      assert.ok(isEmpty(res), `${method} at ${JSON.stringify(position)} answered ${JSON.stringify(res)}`);
    }
  }
  const rename = await client.request('textDocument/rename', { textDocument: { uri: s.uri }, position: bad[0], newName: '9' });
  assert.ok(isEmpty(rename));
  const actions = await client.request('textDocument/codeAction', {
    textDocument: { uri: s.uri },
    range: { start: { line: 99999, character: 0 }, end: { line: 99999, character: 1 } },
    context: { diagnostics: [] },
  });
  assert.ok(isEmpty(actions));
  // Unknown documents too.
  const res = await client.request('textDocument/hover', { textDocument: { uri: 'file:///nowhere.txt' }, position: { line: 0, character: 0 } });
  assert.equal(res, null);
  await client.close(s.uri);
});

test('edits racing requests: every request answers, the last version wins', async () => {
  const s = seed('002');
  await client.open(s.uri, s.text, 1);
  const pending: Promise<unknown>[] = [];
  let version = 1;
  for (let i = 0; i < 100; i++) {
    version++;
    const at = { line: 2, character: 0 };
    const change = i % 2 === 0 ? { range: { start: at, end: at }, text: 'Z' } : { range: { start: at, end: { line: 2, character: 1 } }, text: '' };
    void client.change(s.uri, version, [change]);
    pending.push(client.request('textDocument/hover', { textDocument: { uri: s.uri }, position: { line: 2, character: i % 5 } }));
    pending.push(client.request('textDocument/documentSymbol', { textDocument: { uri: s.uri } }));
  }
  const answers = await Promise.all(pending);
  assert.equal(answers.length, 200);
  await client.diagnosticsFor(s.uri, version);
  const res = await client.request<{ version: number }>('form345/records', { uri: s.uri });
  assert.equal(res.version, version);
  await client.close(s.uri);
});

test('a 10 MB document is analysed without starving other requests', async () => {
  const unit = seeds().map((s) => s.text).join('\n\n');
  const big = unit.repeat(Math.ceil((10 * 1024 * 1024) / unit.length));
  const uri = 'file:///tmp/form345-big.txt';
  const small = seed('003');
  await client.open(small.uri, small.text);
  await client.diagnosticsFor(small.uri, 1);
  const opened = Date.now();
  await client.open(uri, big);
  // A request on the big document, cancelled while its analysis runs, settles at once.
  const source = new CancellationTokenSource();
  const tc = Date.now();
  const cancelled = client.connection
    .sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 5, character: 0 } }, source.token)
    .then(() => 'answered', () => 'rejected');
  setTimeout(() => source.cancel(), 20);
  await cancelled;
  const cancelLatency = Date.now() - tc;
  // The small document stays responsive while the big one is analysed.
  const t0 = Date.now();
  await client.request('textDocument/documentSymbol', { textDocument: { uri: small.uri } });
  const smallLatency = Date.now() - t0;
  await client.diagnosticsFor(uri, 1, 120000);
  const analysis = Date.now() - opened;
  const lastLine = big.split('\n').length - 1;
  await client.change(uri, 2, [{ range: { start: { line: lastLine, character: 0 }, end: { line: lastLine, character: 0 } }, text: 'x' }]);
  // Its large list is pushed again only if the edit changed it: wait for the version to settle.
  await client.settled(uri, 2, 120000);
  await client.close(uri);
  await client.close(small.uri);
  // Relative to the analysis time, so a loaded machine does not make the test flaky: neither
  // request may wait for the analysis to finish.
  assert.ok(smallLatency < analysis / 3, `small-document request took ${smallLatency} ms of a ${analysis} ms analysis`);
  assert.ok(cancelLatency < analysis / 3, `cancelled request took ${cancelLatency} ms of a ${analysis} ms analysis`);
});

test('binary text is accepted and answered', async () => {
  let bin = '';
  for (let i = 0; i < 20000; i++) bin += String.fromCharCode((i * 7919) % 0xd800);
  bin += '\u0000\uFFFD\uD83D\uDE00\r\r\n\u2028';
  const uri = 'file:///tmp/form345-binary.bin';
  await client.open(uri, bin);
  await client.diagnosticsFor(uri, 1);
  for (const method of POSITION_REQUESTS) {
    await client.request(method, { textDocument: { uri }, position: { line: 0, character: 3 }, context: { includeDeclaration: true } });
  }
  await client.request('textDocument/documentSymbol', { textDocument: { uri } });
  await client.request('textDocument/foldingRange', { textDocument: { uri } });
  await client.close(uri);
});

test('rapid open/close leaves nothing behind and diagnostics end empty', async () => {
  const s = seed('000');
  const uri = 'file:///tmp/form345-rapid.txt';
  for (let i = 0; i < 50; i++) {
    void client.open(uri, s.text, i + 1);
    if (i % 3 === 0) void client.change(uri, i + 100, [{ text: s.text + 'x' }]);
    void client.close(uri);
  }
  // After the last close, the final published state for the uri is empty.
  const answer = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
  assert.equal(answer, null);
  await waitFor('final clear', () => {
    const p = client.published.get(uri);
    return p && p.diagnostics.length === 0 ? true : undefined;
  });
});

test('changes to an unopened document and garbage notifications are ignored', async () => {
  await client.change('file:///never-opened.txt', 2, [{ text: 'x' }]);
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///x.txt' } });
  await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: 'file:///x.txt', version: 3 }, contentChanges: [{ range: { start: { line: 50, character: 0 }, end: { line: 60, character: 0 } }, text: 'abc' }] });
  await client.close('file:///x.txt');
  const res = await client.request('textDocument/hover', { textDocument: { uri: 'file:///x.txt' }, position: { line: 0, character: 0 } });
  assert.equal(res, null);
  assert.ok(client.alive);
});

test('a document over maxDocumentSize is declined: empty diagnostics, empty answers', async () => {
  const small = await LspClient.start({ initializationOptions: { maxDocumentSize: 1000 } });
  try {
    const s = seed('002');
    await small.open(s.uri, s.text);
    assert.deepEqual(await small.diagnosticsFor(s.uri, 1), []);
    assert.equal(await small.request('textDocument/hover', { textDocument: { uri: s.uri }, position: positionOf(s.text, '07/21/2020') }), null);
    const records = await small.request<{ filings: unknown[] }>('form345/records', { uri: s.uri });
    assert.deepEqual(records.filings, []);
  } finally {
    await small.stop();
  }
});
