// OCR damage reported one finding a damaged line: the merged finding covers every damaged word of
// its line, quotes each, and its preferred fix repairs them all; the words' own fixes stay offered.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, groupOcr, groupOcrByLine, ocrLineFinding, type Finding } from '../../server/src/analysis';
import { combineFixes } from '../../server/src/lsp/codeActions';
import { generateDocument } from '../gen';

const TODAY = new Date('2026-12-01T12:00:00Z');

function applyEdits(lines: string[], edits: readonly { range: Finding['range']; newText: string }[]): string[] {
  const out = [...lines];
  const sorted = [...edits].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character);
  for (const e of sorted) {
    const l = out[e.range.start.line]!;
    out[e.range.start.line] = l.slice(0, e.range.start.character) + e.newText + l.slice(e.range.end.character);
  }
  return out;
}

const doc = generateDocument('ocr-detail', 24, { noise: 3, layout: 'mixed' }).text.replace(/\r\n/g, '\n');
const lines = doc.split('\n');
const words = analyze(doc, { today: TODAY }).findings;
const grouped = groupOcrByLine(words, (l) => lines[l] ?? '');
const key = (f: Finding) => `${f.filing}:${f.range.start.line}`;
const ocr = (fs: readonly Finding[]) => fs.filter((f) => f.code === 'ocr-text');

test('the noisy document has lines with several damaged words (else this file tests nothing)', () => {
  const perLine = new Map<string, number>();
  for (const f of ocr(words)) perLine.set(key(f), (perLine.get(key(f)) ?? 0) + 1);
  assert.ok([...perLine.values()].some((n) => n > 1), 'no line with two damaged words');
});

test('one ocr-text finding a damaged line, the other findings untouched and in order', () => {
  const lineKeys = new Set(ocr(words).map(key));
  assert.equal(ocr(grouped).length, lineKeys.size);
  assert.deepEqual(new Set(ocr(grouped).map(key)), lineKeys);
  assert.deepEqual(grouped.filter((f) => f.code !== 'ocr-text'), words.filter((f) => f.code !== 'ocr-text'));
});

test('a line with one damaged word keeps its finding as it is', () => {
  const perLine = new Map<string, Finding[]>();
  for (const f of ocr(words)) perLine.set(key(f), [...(perLine.get(key(f)) ?? []), f]);
  const single = [...perLine.values()].filter((w) => w.length === 1).map((w) => w[0]!);
  assert.ok(single.length > 0);
  for (const f of single) assert.ok(grouped.includes(f));
});

test('a merged finding covers, quotes and fixes every word of its line', () => {
  const perLine = new Map<string, Finding[]>();
  for (const f of ocr(words)) perLine.set(key(f), [...(perLine.get(key(f)) ?? []), f]);
  for (const [k, ws] of perLine) {
    if (ws.length < 2) continue;
    const m = grouped.find((f) => f.code === 'ocr-text' && key(f) === k)!;
    const text = lines[m.range.start.line]!;
    for (const w of ws) {
      assert.ok(m.range.start.character <= w.range.start.character && w.range.end.character <= m.range.end.character, 'range covers the word');
      const found = text.slice(w.range.start.character, w.range.end.character).replace(/\s+/g, ' ');
      assert.ok(m.message.includes(`'${found}'`), `${m.message} quotes '${found}'`);
      const edit = w.fixes![0]!.edits[0]!;
      assert.ok(m.fixes!.some((x) => !x.isPreferred && x.edits.length === 1 && x.edits[0] === edit), 'the word fix is offered');
    }
    const line = m.fixes!.find((x) => x.isPreferred)!;
    assert.ok(line.edits.length >= 1 && line.edits.length <= ws.length);
  }
});

test('applying the line fixes repairs what the word fixes repair', () => {
  const byWords = applyEdits(lines, combineFixes(ocr(words)).edits);
  const byLines = applyEdits(lines, combineFixes(ocr(grouped)).edits);
  assert.deepEqual(byLines, byWords);
  const left = ocr(analyze(byLines.join('\n'), { today: TODAY }).findings).length;
  assert.ok(left < ocr(words).length / 4, `${left} of ${ocr(words).length} damaged words left after fixing`);
});

test('overlapping word findings: the line fix takes the first, both stay offered', () => {
  const line = 'Table I - Non-Derivative Sесurities';
  const mk = (start: number, end: number, newText: string): Finding => ({
    code: 'ocr-text', severity: 'hint', message: 'x', filing: 0,
    range: { start: { line: 3, character: start }, end: { line: 3, character: end } },
    fixes: [{ title: 't', isPreferred: true, edits: [{ range: { start: { line: 3, character: start }, end: { line: 3, character: end } }, newText }] }],
  });
  const at = line.indexOf('Sесurities');
  const m = ocrLineFinding([mk(at, at + 10, 'Securities'), mk(at + 1, at + 3, 'ec')], line);
  assert.equal(m.fixes![0]!.edits.length, 1);
  assert.equal(m.fixes!.length, 3);
  assert.match(m.message, /^2 words damaged by OCR on this line: 'Sесurities' should read 'Securities'; 'ес' should read 'ec'\.$/);
});

test('filing detail: one finding a damaged filing, naming its other lines, whose fix repairs them all', () => {
  const perFiling = new Map<number, Finding[]>();
  for (const f of ocr(words)) perFiling.set(f.filing, [...(perFiling.get(f.filing) ?? []), f]);
  const byFiling = groupOcr(words, 'filing', (l) => lines[l] ?? '');
  assert.equal(ocr(byFiling).length, perFiling.size);
  assert.deepEqual(byFiling.filter((f) => f.code !== 'ocr-text'), words.filter((f) => f.code !== 'ocr-text'));
  let multi = 0;
  for (const [filing, ws] of perFiling) {
    const m = ocr(byFiling).find((f) => f.filing === filing)!;
    const otherLines = [...new Set(ws.map((w) => w.range.start.line))].filter((l) => l !== ws[0]!.range.start.line);
    if (otherLines.length === 0) continue;
    multi++;
    assert.equal(m.range.start.line, ws[0]!.range.start.line);
    for (const l of otherLines.slice(0, 12)) assert.match(m.message, new RegExp(`\\b${l + 1}\\b`), `${m.message} names line ${l + 1}`);
  }
  assert.ok(multi > 0);
  assert.deepEqual(applyEdits(lines, combineFixes(ocr(byFiling)).edits), applyEdits(lines, combineFixes(ocr(words)).edits));
  assert.equal(groupOcr(words, 'word', () => ''), words);
});
