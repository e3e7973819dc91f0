// Protocol: the features on the real seed filings, as a client sees them.
// These need the real analysis core (a placeholder analysis finds nothing to hover or navigate).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { LspClient, applyEdits, hoverText, positionOf, seed, symbolNames, type TextEditLike } from './harness';

let client: LspClient;
before(async () => {
  client = await LspClient.start();
});
after(async () => {
  assert.ok(client.alive, client.stderr);
  await client.stop();
});

interface CodeAction {
  title: string;
  kind?: string;
  isPreferred?: boolean;
  diagnostics?: { code?: string }[];
  edit?: { changes?: Record<string, TextEditLike[]> };
}

async function hoverAt(uri: string, text: string, needle: string, occurrence = 0, delta = 0): Promise<string> {
  const position = positionOf(text, needle, occurrence, delta);
  return hoverText(await client.request('textDocument/hover', { textDocument: { uri }, position }));
}

describe('seed 001 (Form 4, markdown, one P row)', () => {
  const s = seed('001');
  before(() => client.open(s.uri, s.text));

  test('ocr-text is reported on "DMB Number"', async () => {
    const diags = await client.diagnosticsFor(s.uri, 1);
    const line = positionOf(s.text, 'DMB Number').line;
    assert.ok(diags.some((d) => d.code === 'ocr-text' && d.range.start.line === line), JSON.stringify(diags.map((d) => d.code)));
  });

  test('hover on the transaction code explains it and how the row uses it', async () => {
    const text = await hoverAt(s.uri, s.text, '\tP\t\t2,000', 0, 1);
    assert.match(text, /\*\*P\*\*/);
    assert.match(text, /[Pp]urchase/);
    assert.match(text, /2,000 shares acquired at \$2\.64/);
  });

  test('hover on a date gives the ISO date and weekday', async () => {
    const text = await hoverAt(s.uri, s.text, '11/14/2017\t\tP', 0, 1);
    assert.match(text, /2017-11-14/);
    assert.match(text, /Tuesday/);
  });

  test('hover on the signature date says the Form 4 was due and met', async () => {
    const text = await hoverAt(s.uri, s.text, 'Benjamin Locke\t11/14/2017', 0, 'Benjamin Locke\t'.length + 1);
    assert.match(text, /2017-11-14/);
    assert.match(text, /due/i);
    assert.match(text, /met/);
  });

  test('hover on a box label explains the box', async () => {
    const text = await hoverAt(s.uri, s.text, '5. Relationship of Reporting Person(s)', 0, 5);
    assert.match(text, /Relationship of Reporting Person/);
    assert.match(text, /At least one box must be checked/);
  });

  test('completion in the code cell offers the 20 codes with meanings', async () => {
    const position = positionOf(s.text, '\tP\t\t2,000', 0, 2);
    const list = await client.request<{ items: { label: string; detail?: string }[] } | null>('textDocument/completion', { textDocument: { uri: s.uri }, position });
    const labels = (list?.items ?? []).map((i) => i.label);
    assert.equal(labels.length, 20, JSON.stringify(labels));
    for (const c of ['P', 'S', 'M', 'K', 'V']) assert.ok(labels.includes(c), c);
    assert.ok(list!.items.every((i) => i.detail && i.detail.length > 5));
  });

  test('document symbols: filing → Table I → a row named after its content', async () => {
    const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri: s.uri } });
    const names = symbolNames(symbols);
    assert.ok(names.some((n) => /2,000/.test(n) && /Common Stock/.test(n)), JSON.stringify(names));
    const folds = await client.request<unknown[]>('textDocument/foldingRange', { textDocument: { uri: s.uri } });
    assert.ok(folds.length > 0);
  });

  test('form345/records carries the normalized record and source ranges', async () => {
    const res = await client.request<{ filings: { record: any; sources: Record<string, unknown> }[] }>('form345/records', { uri: s.uri });
    assert.equal(res.filings.length, 1);
    const r = res.filings[0]!.record;
    assert.equal(r.formType, '4');
    assert.equal(r.issuer.name, 'TECOGEN INC.');
    assert.equal(r.nonDerivative[0].shares, 2000);
    assert.ok(res.filings[0]!.sources['/nonDerivative/0']);
  });
});

describe('seed 002 (Form 4 signed late)', () => {
  const s = seed('002');
  before(() => client.open(s.uri, s.text));

  test('late-filing is reported', async () => {
    const diags = await client.diagnosticsFor(s.uri, 1);
    assert.ok(diags.some((d) => d.code === 'late-filing'), JSON.stringify(diags.map((d) => d.code)));
  });

  test('hover on the signature date shows the due date and that it was missed', async () => {
    const text = await hoverAt(s.uri, s.text, '07/21/2020', 0, 1);
    assert.match(text, /2020-07-21/);
    assert.match(text, /Tuesday/);
    assert.match(text, /2020-07-17/);
    assert.match(text, /late/);
  });
});

describe('seed 003 (Form 3, footnote (1) in Table II)', () => {
  const s = seed('003');
  const ref = positionOf(s.text, '\t(1)\t', 0, 2);
  const defLine = positionOf(s.text, '**(1)** The option').line;
  before(() => client.open(s.uri, s.text));

  test('definition of the reference is the footnote under Explanation of Responses', async () => {
    await client.diagnosticsFor(s.uri, 1);
    const locs = await client.request<{ range: { start: { line: number } } }[]>('textDocument/definition', { textDocument: { uri: s.uri }, position: ref });
    assert.equal(locs.length, 1);
    assert.equal(locs[0]!.range.start.line, defLine);
  });

  test('references and highlights find the reference and the definition', async () => {
    const withDecl = await client.request<unknown[]>('textDocument/references', { textDocument: { uri: s.uri }, position: ref, context: { includeDeclaration: true } });
    assert.equal(withDecl.length, 2);
    const without = await client.request<unknown[]>('textDocument/references', { textDocument: { uri: s.uri }, position: ref, context: { includeDeclaration: false } });
    assert.equal(without.length, 1);
    const hl = await client.request<unknown[]>('textDocument/documentHighlight', { textDocument: { uri: s.uri }, position: ref });
    assert.equal(hl.length, 2);
  });

  test('hover on the reference shows the footnote text; on the definition, where it is used', async () => {
    assert.match(await hoverAt(s.uri, s.text, '\t(1)\t', 0, 2), /four equal installments/);
    assert.match(await hoverAt(s.uri, s.text, '**(1)** The option', 0, 3), /Table II/);
  });

  test('rename renumbers the definition and every reference', async () => {
    const prep = await client.request<{ placeholder: string } | null>('textDocument/prepareRename', { textDocument: { uri: s.uri }, position: ref });
    assert.equal(prep?.placeholder, '1');
    const edit = await client.request<{ changes: Record<string, TextEditLike[]> }>('textDocument/rename', { textDocument: { uri: s.uri }, position: ref, newName: '7' });
    const edits = edit.changes[s.uri]!;
    assert.equal(edits.length, 2);
    const renamed = applyEdits(s.text, edits);
    assert.ok(renamed.includes('\t(7)\t'));
    assert.ok(renamed.includes('**(7)** The option'));
    await assert.rejects(client.request('textDocument/rename', { textDocument: { uri: s.uri }, position: ref, newName: 'x1' }));
  });

  test('completion after "(" offers the defined footnote numbers', async () => {
    const at = positionOf(s.text, 'Common Stock\t163,350\tD\t', 0, 'Common Stock\t163,350\tD\t'.length);
    await client.change(s.uri, 2, [{ range: { start: at, end: at }, text: '(' }]);
    const position = { line: at.line, character: at.character + 1 };
    const list = await client.request<{ items: { label: string; textEdit?: { newText: string } }[] } | null>('textDocument/completion', { textDocument: { uri: s.uri }, position });
    assert.deepEqual(list?.items.map((i) => i.label), ['1']);
    assert.equal(list!.items[0]!.textEdit?.newText, '1)');
    await client.change(s.uri, 3, [{ range: { start: at, end: position }, text: '' }]);
  });
});

describe('seed 000 (footnotes defined, never referenced)', () => {
  const s = seed('000');
  before(() => client.open(s.uri, s.text));

  test('unused-footnote is reported for (1) and (2)', async () => {
    const diags = await client.diagnosticsFor(s.uri, 1);
    const unused = diags.filter((d) => d.code === 'unused-footnote');
    assert.equal(unused.length, 2, JSON.stringify(diags.map((d) => d.code)));
  });

  test('hover on a definition says it is never referenced', async () => {
    assert.match(await hoverAt(s.uri, s.text, '(1) 25% of these options', 0, 1), /never referenced/);
  });

  test('code actions: the fix, disable for this line, disable for this file; the file-wide one works', async () => {
    const diags = await client.diagnosticsFor(s.uri, 1);
    const d = diags.find((x) => x.code === 'unused-footnote')!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: s.uri }, range: d.range, context: { diagnostics: [d] } });
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Disable unused-footnote for this line'), JSON.stringify(titles));
    assert.ok(titles.includes('Disable unused-footnote for this file'));
    assert.ok(actions.some((a) => !a.title.startsWith('Disable') && a.kind === 'quickfix'), 'a real fix for the footnote');
    const fileWide = actions.find((a) => a.title === 'Disable unused-footnote for this file')!;
    const text = applyEdits(s.text, fileWide.edit!.changes![s.uri]!);
    assert.ok(text.startsWith('form345-disable unused-footnote\n'));
    await client.change(s.uri, 2, [{ text }]);
    const after = await client.diagnosticsFor(s.uri, 2);
    assert.ok(!after.some((x) => x.code === 'unused-footnote'));
    await client.change(s.uri, 3, [{ text: s.text }]);
  });

  test('disable for this line inserts the directive right above the line', async () => {
    const diags = await client.diagnosticsFor(s.uri, 3);
    const d = diags.find((x) => x.code === 'unused-footnote')!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: s.uri }, range: d.range, context: { diagnostics: [d] } });
    const lineWide = actions.find((a) => a.title === 'Disable unused-footnote for this line')!;
    const [edit] = lineWide.edit!.changes![s.uri]!;
    assert.deepEqual(edit!.range.start, { line: d.range.start.line, character: 0 });
    assert.equal(edit!.newText, 'form345-disable-next-line unused-footnote\n');
  });

  test('source.fixAll.form345 combines non-overlapping preferred fixes', async () => {
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: s.uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.ok(actions.every((a) => a.kind === 'source.fixAll.form345'));
    assert.equal(actions.length, 1, 'two unused footnotes can be removed at once');
    const edits = actions[0]!.edit!.changes![s.uri]!;
    const fixed = applyEdits(s.text, edits);
    assert.ok(!fixed.includes('(1) 25% of these options'));
  });
});
