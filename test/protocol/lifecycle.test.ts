// Protocol: initialize, open every seed, edit, close — against the real server over stdio.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { LspClient, seeds, waitFor } from './harness';

let client: LspClient;
before(async () => {
  client = await LspClient.start();
});
after(async () => {
  await client.stop();
});

test('initialize announces the features', () => {
  const caps = client.initializeResult!.capabilities;
  assert.equal(client.initializeResult!.serverInfo?.name, 'form345-language-server');
  assert.equal(caps.textDocumentSync.change, 2, 'incremental sync');
  for (const key of ['hoverProvider', 'definitionProvider', 'referencesProvider', 'documentHighlightProvider', 'documentSymbolProvider', 'foldingRangeProvider']) {
    assert.ok(caps[key], key);
  }
  assert.deepEqual(caps.renameProvider, { prepareProvider: true });
  assert.ok(caps.codeActionProvider.codeActionKinds.includes('source.fixAll.form345'));
  assert.ok(caps.completionProvider.triggerCharacters.includes('('));
});

test('a second initialize is answered (result or error), not a crash', async () => {
  await client.request('initialize', { processId: null, rootUri: null, capabilities: {} }).catch(() => undefined);
  assert.ok(client.alive);
});

test('every seed gets diagnostics published, with the version it was opened at', async () => {
  for (const s of seeds()) await client.open(s.uri, s.text, 3);
  for (const s of seeds()) {
    const diags = await client.diagnosticsFor(s.uri, 3);
    assert.ok(Array.isArray(diags));
    for (const d of diags) {
      assert.equal(d.source, 'form345');
      assert.equal(d.range.start.line, d.range.end.line, 'findings are single-line');
    }
  }
  await waitFor('records changed for every seed', () =>
    seeds().every((s) => client.recordsChanged.some((r) => r.uri === s.uri && r.version === 3)) || undefined,
  );
});

test('form345/records returns the version and one record per filing', async () => {
  for (const s of seeds()) {
    const res = await client.request<{ uri: string; version: number; filings: unknown[] }>('form345/records', { uri: s.uri });
    assert.equal(res.uri, s.uri);
    assert.equal(res.version, 3);
    assert.ok(Array.isArray(res.filings));
  }
  assert.equal(await client.request('form345/records', { uri: 'file:///not/open.txt' }), null);
});

test('form345/records sent as vscode-languageclient sends it without a token (params by position) is answered', async () => {
  // sendRequest(method, params, undefined) puts [params, null] on the wire: the handler's token slot is null.
  const s = seeds()[0]!;
  const res = (await client.connection.sendRequest('form345/records', { uri: s.uri }, undefined)) as { uri: string; filings: unknown[] } | null;
  assert.equal(res?.uri, s.uri);
  assert.ok(Array.isArray(res?.filings) && res.filings.length > 0);
});

test('form345/edgarXml returns each filing\'s ownership XML with EDGAR\'s verdict; records carry the verdict', async () => {
  for (const s of seeds()) {
    const res = await client.request<{ version: number; filings: { index: number; xml: string; verdict: string; findings: { code: string }[] }[] }>('form345/edgarXml', { uri: s.uri });
    assert.equal(res.version, 3);
    assert.ok(res.filings.length >= 1);
    for (const f of res.filings) {
      assert.match(f.xml, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<ownershipDocument>/);
      // No CIK map in the settings: EDGAR would suspend every document for its missing CIKs.
      assert.equal(f.verdict, 'suspended');
      assert.ok(f.findings.some((x) => x.code === 'edgar-missing-cik'));
    }
    const one = await client.request<{ filings: { index: number }[] }>('form345/edgarXml', { uri: s.uri, filing: 0 });
    assert.deepEqual(one.filings.map((f) => f.index), [0]);
    const rec = await client.request<{ filings: { edgar?: { verdict: string } }[] }>('form345/records', { uri: s.uri });
    assert.equal(rec.filings[0]!.edgar?.verdict, 'suspended');
  }
  assert.equal(await client.request('form345/edgarXml', { uri: 'file:///not/open.txt' }), null);
});

test('an incremental edit is analysed and published at the new version', async () => {
  const s = seeds()[0]!;
  await client.change(s.uri, 4, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }]);
  await client.change(s.uri, 5, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, text: '' }]);
  await client.diagnosticsFor(s.uri, 5);
  const res = await client.request<{ version: number }>('form345/records', { uri: s.uri });
  assert.equal(res.version, 5);
});

test('closing a document clears its diagnostics', async () => {
  for (const s of seeds()) {
    const before = client.published.get(s.uri)?.count ?? 0;
    await client.close(s.uri);
    await waitFor(`cleared diagnostics of ${s.name}`, () => {
      const p = client.published.get(s.uri);
      return p && p.count > before && p.diagnostics.length === 0 ? true : undefined;
    });
  }
  assert.ok(client.alive);
});
