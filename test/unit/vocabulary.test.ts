/**
 * One table of look-alike letters and one OCR tolerance module: masking, the ocr-text rule and
 * filing detection (server and client) read through the same letters; the parser's tolerant
 * patterns accept the misreadings the module names.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LOOKALIKE_TO_LATIN } from '../../server/src/analysis/text/lookalikes';
import { maskLine } from '../../server/src/analysis/layout/mask';
import { findLookalikeLetters } from '../../server/src/analysis/domain/ocr';
import { fuzzyWord, fuzzyRe, OCR_SPLITS } from '../../server/src/analysis/vocabulary/patterns';
import { words } from '../../client/src/detect';

test('masking reads every look-alike letter of the table as its Latin letter', () => {
  for (const [ch, latin] of LOOKALIKE_TO_LATIN) {
    assert.equal(maskLine(`Co${ch}mon`).text, `Co${latin}mon`, `${ch} (U+${ch.charCodeAt(0).toString(16)})`);
  }
});

test('the ocr-text finder reports every look-alike of the table inside a Latin word', () => {
  for (const [ch, latin] of LOOKALIKE_TO_LATIN) {
    const hits = findLookalikeLetters(`Report${ch}ng Person`);
    assert.equal(hits.length, 1, ch);
    assert.equal(hits[0].corrected, `Report${latin}ng`);
  }
});

test('client detection reads capitals of the table as their Latin letter', () => {
  for (const [ch, latin] of LOOKALIKE_TO_LATIN) {
    if (ch !== ch.toUpperCase()) continue;
    assert.deepEqual(words(`STATE${ch}ENT`), [`STATE${latin.toUpperCase()}ENT`], ch);
  }
});

test('tolerant words: one edit, and the letters OCR splits in two', () => {
  const re = new RegExp(`^${fuzzyWord('Reporting')}$`, 'i');
  for (const ok of ['Reporting', 'Rcporting', 'Reportng', 'Reporrting']) assert.ok(re.test(ok), ok);
  for (const bad of ['Rep', 'Rcportlng Person', 'Rxportxng']) assert.ok(!re.test(bad), bad);
  for (const [one, two] of Object.entries(OCR_SPLITS)) {
    const word = `Sa${one}ple`;
    assert.ok(new RegExp(`^${fuzzyWord(word)}$`, 'i').test(`Sa${two}ple`), `${one} read as ${two}`);
  }
  // Short words match exactly.
  assert.ok(!new RegExp(`^${fuzzyWord('Code')}$`, 'i').test('Cobe'));
  assert.ok(fuzzyRe('Explanation of Responses').test('Explanation of Rcsponses'));
});
