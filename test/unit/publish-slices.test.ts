/**
 * A publish of thousands of diagnostics runs in slices (server/src/lsp/publish.ts): the same bytes
 * as converting at once, never sent for a version a newer publish (or a close) superseded.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Finding } from '../../server/src/analysis';
import { DiagnosticConverter, PublishedDiagnostics } from '../../server/src/lsp/diagnostics';
import type { DocumentSnapshot } from '../../server/src/lsp/documents';
import { LineDocument } from '../../server/src/lsp/lineDocument';
import { Publisher, withFindings } from '../../server/src/lsp/publish';

/** Rule levels as the settings hold them: one object until a setting changes. */
const LEVELS = {};

/** One filing of `n` lines, a finding on each, the message varying with `salt`. */
function snapshot(version: number, n: number, salt: string): DocumentSnapshot {
  const text = Array.from({ length: n }, (_, i) => `row ${i}`).join('\n');
  const findings: Finding[] = Array.from({ length: n }, (_, i) => ({
    code: i % 2 ? 'missing-price' : 'holding-arithmetic',
    severity: i % 2 ? 'warning' : 'information',
    message: `row ${i}: ${salt}`,
    range: { start: { line: i, character: 0 }, end: { line: i, character: 5 } },
    filing: 0,
  })) as Finding[];
  const document = new LineDocument('file:///p.txt', 'form345', version, text);
  return { uri: 'file:///p.txt', version, languageId: 'form345', document, result: { filings: [], findings }, declined: false };
}

function recorder() {
  const sent: { method: string; params: unknown }[] = [];
  return { sent, connection: { sendNotification: async (method: string, params?: unknown) => void sent.push({ method, params }) } };
}

const diagnosticsOf = (sent: { method: string; params: unknown }[]) =>
  sent.filter((m) => m.method === 'textDocument/publishDiagnostics').map((m) => m.params as PublishedDiagnostics | { uri: string; diagnostics: unknown[] });

test('a large publish goes out after other turns of the event loop, as the same bytes as converting at once', async () => {
  const { sent, connection } = recorder();
  const publisher = new Publisher(connection, () => LEVELS);
  const snap = snapshot(1, 20000, 'a');
  const done = publisher.publish(snap);
  let turned = false;
  setImmediate(() => (turned = true));
  assert.equal(diagnosticsOf(sent).length, 0, 'not sent in the same turn');
  await done;
  assert.ok(turned, 'the event loop turned before it was sent');
  const [published] = diagnosticsOf(sent) as PublishedDiagnostics[];
  const fresh = new DiagnosticConverter().convert(snap, {});
  assert.equal(published!.paramsJson(), fresh.paramsJson());
  assert.equal(published!.paramsJson(), JSON.stringify(fresh.toJSON()));
});

test('a publish superseded by a newer one, or by a close, is never sent', async () => {
  const { sent, connection } = recorder();
  const publisher = new Publisher(connection, () => LEVELS);
  const first = publisher.publish(snapshot(1, 20000, 'a'));
  const second = publisher.publish(snapshot(2, 20000, 'b'));
  await Promise.all([first, second]);
  assert.deepStrictEqual(diagnosticsOf(sent).map((p) => (p as PublishedDiagnostics).version), [2]);
  const third = publisher.publish(snapshot(3, 20000, 'c'));
  await publisher.clear('file:///p.txt');
  await third;
  const all = diagnosticsOf(sent);
  assert.equal(all.length, 2, 'only the clear followed');
  assert.deepStrictEqual((all[1] as { diagnostics: unknown[] }).diagnostics, []);
});

test('a pull converted in slices answers as converting at once, unchanged when the client holds it', async () => {
  const sliced = new Publisher(recorder().connection, () => LEVELS);
  const atOnce = new Publisher(recorder().connection, () => LEVELS);
  const snap = snapshot(1, 5000, 'a');
  const a = JSON.parse(JSON.stringify(await sliced.reportInSlices(snap, undefined)));
  const b = JSON.parse(JSON.stringify(atOnce.report(snap, undefined)));
  assert.equal(a.kind, 'full');
  assert.equal(a.items.length, 5000);
  assert.deepStrictEqual(a.items, b.items);
  // The same list again (another version, the same findings' JSON): the client's id stands.
  const again = await sliced.reportInSlices(snapshot(2, 5000, 'a'), a.resultId);
  assert.deepStrictEqual(again, { kind: 'unchanged', resultId: a.resultId });
});

test('findings from beyond the document are merged in as the stable sort by position would place them', () => {
  // A small generator of positions with many ties, so the order among equal positions is tested.
  let seed = 7;
  const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
  const at = (line: number, character: number, tag: string, filing: number): Finding =>
    ({ code: 'missing-price', severity: 'hint', message: tag, range: { start: { line, character }, end: { line, character: character + 1 } }, filing }) as Finding;
  const before = (a: Finding, b: Finding) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
  for (let round = 0; round < 200; round++) {
    const own = Array.from({ length: rand(30) }, (_, i) => at(rand(12), rand(3), `own ${i}`, 0));
    // Most rounds in position order (as analyses give them), some not (the merge must not assume it).
    if (round % 4) own.sort(before);
    const extra = Array.from({ length: 1 + rand(6) }, (_, i) => at(rand(12), rand(3), `extra ${i}`, rand(3)));
    const snap = snapshot(1, 12, 'merge');
    const s = { ...snap, result: { filings: [{}, {}] as unknown as DocumentSnapshot['result']['filings'], findings: own } };
    const mine = extra.filter((f) => f.filing < 2);
    // Nothing of `extra` for this document's filings: the snapshot as it is.
    const expected = (mine.length ? [...own, ...mine].sort(before) : own).map((f) => f.message);
    const got = withFindings(s, extra).result.findings.map((f) => f.message);
    assert.deepEqual(got, expected, `round ${round}`);
    // Asked again for the same snapshot (a publish, then a code action): the same list.
    assert.deepEqual(withFindings(s, extra).result.findings.map((f) => f.message), expected);
  }
});
