/**
 * The grammar's keyword rules are written from the forms' wording by scripts/grammar.ts:
 * regenerating them changes nothing, and each generated rule finds what the form prints.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { GRAMMAR_PATH, boxLabelSource, generateGrammar, statementHeadingSource, tableHeadingSource } from '../../scripts/grammar';

test('syntaxes/form345.tmLanguage.json is what scripts/grammar.ts writes (run it after changing the wording)', () => {
  const current = readFileSync(GRAMMAR_PATH, 'utf8');
  assert.equal(generateGrammar(current), current);
});

test('generated rules: labels wrapped or cased as converters print them, and no bare caption word', () => {
  const label = new RegExp(boxLabelSource());
  for (const line of ['4. Securities Acquired (A) or Disposed Of (D)', '5. Amount of Securities Beneficially Owned at End of Issuers Fiscal Year', '6. Ownership Form', 'Code (Instr. 8)']) {
    assert.match(line, label, line);
  }
  // "Code" is a label only where its instruction follows; prose is no label.
  assert.doesNotMatch('the code P means a purchase', label);
  assert.doesNotMatch('the transaction date of the sale', label);
  assert.match('STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP', new RegExp(statementHeadingSource()));
  assert.match('Table II — Derivative Securities Acquired, Disposed of, or Beneficially Owned', new RegExp(tableHeadingSource()));
});
