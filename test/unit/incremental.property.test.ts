/**
 * Model-based property test of incremental analysis (bounded here; `npm run fuzz` runs it long):
 * random edit scripts over real and generated multi-filing documents — pastes and deletions at
 * filing boundaries, several changes per notification, \r / \n / \r\n typed next to other breaks,
 * changes inside what an earlier change wrote, whole-text replacements, edits while an analysis
 * is half done — and after every checked step the server's diagnostics, outline, folding and
 * records equal a fresh open of the same text. A failure is shrunk to a minimal script.
 */
import { test } from 'node:test';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { generateCase, generateDocument } from '../gen';
import assert from 'node:assert/strict';
import * as model from '../support/incremental-model';
import { deferredOffload, property } from '../support/incremental-model';

const SEEDS = path.resolve(__dirname, '..', '..', '..', 'shared', 'seeds');
const seedTexts = readdirSync(SEEDS)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(path.join(SEEDS, f), 'utf8'));
const generated = Array.from({ length: 6 }, (_, i) => generateCase(`incremental-${i}`, { noise: i % 3 === 0 ? 1 : 0 }).text);
const filings = [...seedTexts, ...generated];

test('real filings back to back: random edit scripts equal a fresh open after every step', async () => {
  await property({ name: 'seeds', initial: seedTexts.join('\n'), filings, seed: 'seeds', scripts: 4, steps: 30 });
});

test('generated multi-filing documents, CRLF and CR-only line breaks', async () => {
  const doc = generateDocument('incremental', 5, { layout: 'mixed' }).text;
  await property({ name: 'generated', initial: doc, filings, seed: 'generated', scripts: 2, steps: 30 });
  await property({ name: 'crlf', initial: seedTexts.slice(0, 2).join('\n').replace(/\r?\n/g, '\r\n'), filings, seed: 'crlf', scripts: 2, steps: 25 });
  await property({ name: 'cr', initial: seedTexts.slice(2).join('\n').replace(/\r?\n/g, '\r'), filings, seed: 'cr', scripts: 2, steps: 25 });
});

test('from nearly nothing: a newline, then filings pasted and cut', async () => {
  await property({ name: 'newline', initial: '\n', filings, seed: 'newline', scripts: 3, steps: 20 });
});

test('filings analysed asynchronously (the worker path): edits that land while one is away', async () => {
  await property({ name: 'offload', initial: seedTexts.join('\n'), filings, seed: 'offload', scripts: 2, steps: 25, offload: deferredOffload(1) });
});

test('filings answered before the analysis (hovers after an edit elsewhere) were checked against a fresh open', () => {
  assert.ok(model.quickChecked > 20, `only ${model.quickChecked} checked`);
});
