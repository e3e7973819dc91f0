// The server never disagrees with a fresh open: edits as an editor sends them (several changes per
// notification, notifications back to back inside the debounce window, requests in between),
// then what the server publishes and answers equals what it gives a fresh open of the same text.
// Also: a second initialize keeps the session; a bad `today` option does not stop analysis.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Rng } from '../gen';
import { applyToModel, randomChanges } from '../support/incremental-model';
import { LspClient, seeds } from './harness';

let client: LspClient;
before(async () => {
  client = await LspClient.start({ initializationOptions: { diagnosticsDelay: 30 } });
});
after(async () => {
  assert.ok(client.alive, `server died; stderr:\n${client.stderr}`);
  await client.stop();
});

const texts = () => seeds().map((s) => s.text);

/** What the server says about `uri` at `version`: diagnostics, outline, folding, records. */
async function viewOf(uri: string, version: number): Promise<unknown> {
  const diagnostics = await client.diagnosticsFor(uri, version, 60_000);
  const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
  const folding = await client.request('textDocument/foldingRange', { textDocument: { uri } });
  const records = await client.request<{ filings: unknown }>('form345/records', { uri });
  return { diagnostics, symbols, folding, records: records.filings };
}

let fresh = 0;
/** The same view of a fresh open of `text`. */
async function freshView(text: string): Promise<unknown> {
  const uri = `file:///fresh-${++fresh}.txt`;
  await client.open(uri, text, 1);
  const v = await viewOf(uri, 1);
  await client.close(uri);
  return v;
}

test('a paste of three filings at the end of one: the same diagnostics and outline as a fresh open', async () => {
  const [first, ...rest] = texts();
  const uri = 'file:///paste.txt';
  await client.open(uri, first!, 1);
  await client.diagnosticsFor(uri, 1);
  const lines = first!.split(/\r\n|\r|\n/);
  const end = { line: lines.length - 1, character: lines[lines.length - 1]!.length };
  const pasted = '\n' + rest.join('\n');
  await client.change(uri, 2, [{ range: { start: end, end }, text: pasted }]);
  assert.deepStrictEqual(await viewOf(uri, 2), await freshView(first + pasted));
  await client.close(uri);
});

test('random edit scripts through the server process equal a fresh open at every checkpoint', async () => {
  const rng = new Rng('protocol-sync');
  const all = texts();
  let text = all.join('\n');
  const uri = 'file:///edited.txt';
  let version = 1;
  await client.open(uri, text, version);
  for (let step = 1; step <= 60; step++) {
    const changes = randomChanges(rng, text, all);
    text = applyToModel(text, changes);
    // Sent without waiting: the next notifications land inside the debounce window.
    void client.change(uri, ++version, changes);
    if (rng.chance(0.2)) void client.request('textDocument/hover', { textDocument: { uri }, position: { line: rng.int(0, 200), character: rng.int(0, 40) } });
    if (rng.chance(0.1)) void client.request('textDocument/documentSymbol', { textDocument: { uri } });
    if (step % 15 === 0) {
      assert.deepStrictEqual(await viewOf(uri, version), await freshView(text), `checkpoint after step ${step} (version ${version})`);
    }
  }
  await client.close(uri);
});

test('while a filing of 4,000 rows is analysed, another document is answered', async () => {
  const base = seeds().find((x) => x.name.startsWith('001'))!.text.split('\n');
  const table = base.findIndex((l) => /Table I\b/i.test(l));
  const row = base.findIndex((l, i) => i > table && /\d{2}\/\d{2}\/\d{4}/.test(l) && /\t[A-Z]\t/.test(l) && !/Month|Last|Street/.test(l));
  const huge = [...base.slice(0, row), ...Array.from({ length: 4000 }, (_, k) => base[row]!.replace(/\b\d{1,3},\d{3}\b/, String(1000 + k))), ...base.slice(row + 1)].join('\n');
  const hugeUri = 'file:///huge.txt';
  const small = seeds()[0]!;
  const smallUri = 'file:///small.txt';
  await client.open(hugeUri, huge, 1);
  await client.open(smallUri, small.text, 1);
  const symbols = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri: smallUri } });
  assert.ok(symbols.length > 0);
  assert.equal(client.published.get(hugeUri), undefined, 'the small document was answered before the huge one was published');
  await client.diagnosticsFor(hugeUri, 1, 120_000);
  await client.close(hugeUri);
  await client.close(smallUri);
});

test('a request that starts the analysis gets its reply before the diagnostics it did not ask for', async () => {
  // A long debounce: only the hover starts the analysis of the edit.
  const other = await LspClient.start({ initializationOptions: { diagnosticsDelay: 10_000 } });
  try {
    let raw = '';
    other.proc.stdout.on('data', (d: Buffer) => (raw += d.toString('utf8')));
    const s = seeds()[0]!;
    await other.open(s.uri, s.text, 1);
    await other.diagnosticsFor(s.uri, 1);
    await other.change(s.uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }]);
    const hover = other.request('textDocument/hover', { textDocument: { uri: s.uri }, position: { line: 3, character: 2 } });
    await hover;
    await other.diagnosticsFor(s.uri, 2);
    const reply = raw.search(/"id":\d+,"result"/);
    const published = raw.indexOf('"version":2');
    assert.ok(reply >= 0 && published >= 0, 'both sent');
    assert.ok(reply < published, 'the reply came first');
  } finally {
    await other.stop();
  }
});

test('a second initialize is refused and keeps the open documents', async () => {
  const s = seeds()[0]!;
  const uri = 'file:///kept.txt';
  await client.open(uri, s.text, 1);
  await client.diagnosticsFor(uri, 1);
  await assert.rejects(client.request('initialize', { processId: null, rootUri: null, capabilities: {} }), /already/);
  const records = await client.request<{ filings: unknown[] } | null>('form345/records', { uri });
  assert.ok(records && records.filings.length > 0, 'the document opened before is still known');
  await client.close(uri);
});

test('initializationOptions.today that is no date: logged, and documents are still analysed', async () => {
  const other = await LspClient.start({ initializationOptions: { today: '2020-13-45' } });
  try {
    const s = seeds()[0]!;
    await other.open(s.uri, s.text, 1);
    const diagnostics = await other.diagnosticsFor(s.uri, 1);
    const records = await other.request<{ filings: unknown[] }>('form345/records', { uri: s.uri });
    assert.ok(records.filings.length > 0, 'the filing is read');
    assert.ok(diagnostics.length > 0, 'findings are published');
  } finally {
    await other.stop();
  }
});
