/**
 * Diagnostics published by the real server for the seeds, with their rule codes: the problems the
 * seed README says each text has.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { LEDGER_CODES, RULE_CODES } from '../../../server/src/analysis/types';
import { codeOf, openFiling, seedUri, waitForDiagnostics } from './helpers';

describe('diagnostics', () => {
  it("seed 000: footnotes (1) and (2) are defined but never referenced → 'unused-footnote' on both", async () => {
    const uri = await seedUri('000');
    const doc = await openFiling(uri);
    const found = await waitForDiagnostics(uri, 'unused-footnote', 2);
    const lines = found.map((d) => doc.lineAt(d.range.start.line).text);
    assert.ok(lines.some((t) => t.includes('25% of these options vest')), `no unused-footnote on footnote (1): ${JSON.stringify(lines)}`);
    assert.ok(lines.some((t) => t.includes('Subject to the terms of')), `no unused-footnote on footnote (2): ${JSON.stringify(lines)}`);
    // The power of attorney after the form numbers its paragraphs (1) (2) (3): those are not footnotes.
    assert.ok(!lines.some((t) => t.includes('execute for and on behalf')), 'power-of-attorney paragraph reported as a footnote');
    for (const d of found) {
      assert.ok(d.message.length > 0, 'empty message');
      assert.equal(d.range.start.line, d.range.end.line, 'a finding spans one line');
    }
  });

  it("seed 002: signed 07/21 for a 07/15 transaction → 'late-filing'", async () => {
    const uri = await seedUri('002');
    await openFiling(uri);
    const [late] = await waitForDiagnostics(uri, 'late-filing');
    assert.ok(late.message.length > 0);
  });

  it("seed 001: OCR damage in the boilerplate → 'ocr-text'", async () => {
    const uri = await seedUri('001');
    const doc = await openFiling(uri);
    const found = await waitForDiagnostics(uri, 'ocr-text');
    const texts = found.map((d) => doc.getText(d.range));
    assert.ok(texts.some((t) => /DMB|averag/.test(t)), `ocr-text findings do not cover 'DMB Number'/'averag ge': ${JSON.stringify(texts)}`);
  });

  it('every published code is one of the rule codes (or the ledger\'s, across filings)', async () => {
    const uri = await seedUri('000');
    await openFiling(uri);
    await waitForDiagnostics(uri, 'unused-footnote');
    const known = new Set<string>([...RULE_CODES, ...LEDGER_CODES]);
    for (const d of vscode.languages.getDiagnostics(uri)) {
      assert.ok(known.has(codeOf(d)), `unknown code ${JSON.stringify(d.code)} at line ${d.range.start.line + 1}`);
    }
  });
});
