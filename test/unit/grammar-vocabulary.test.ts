/**
 * The TextMate grammar's keywords agree with the parser's vocabulary: every printed label the
 * parser and the hovers know (domain/labels.ts) is highlighted as a label or heading, and the
 * statement headings of the three forms are recognized alike by the grammar, the server and the
 * client's filing detection.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LABEL_PATTERNS } from '../../server/src/analysis/domain/labels';
import { STATEMENT_RE } from '../../server/src/analysis/filing/vocabulary';
import { detectFiling } from '../../client/src/detect';
import type { LabelKey } from '../../server/src/analysis/types';

const grammar = JSON.parse(readFileSync(join(__dirname, '..', '..', 'syntaxes', 'form345.tmLanguage.json'), 'utf8')) as {
  repository: Record<string, { match?: string; begin?: string }>;
};
const rx = (name: string) => new RegExp(grammar.repository[name].match ?? grammar.repository[name].begin!, 'g');

/** The grammar rule that highlights each kind of printed label. */
function ruleFor(key: LabelKey): string | null {
  if (key === 'box.exit' || key === 'box.tenb5One') return null; // check-box sentences, not labels
  if (key === 'table1' || key === 'table2') return 'tableHeading';
  if (key === 'explanation') return 'explanation';
  if (key === 'remarks') return 'sectionHeading';
  if (key === 'signature') return null; // a caption under the signature line
  return 'boxLabel';
}

test('every printed box and column label of the vocabulary is highlighted by the grammar', () => {
  const missed: string[] = [];
  for (const [key, texts] of Object.entries(LABEL_PATTERNS) as [LabelKey, readonly string[]][]) {
    const rule = ruleFor(key);
    if (!rule) continue;
    for (const text of texts) {
      const line = rule === 'sectionHeading' ? text : `1. ${text}`;
      // The label's words, without the instructions printed after it (highlighted on their own).
      const core = text.replace(/\*+$/, '').replace(/(?:\s*\((?:Instr|Month|Check)[^)]*\))+\s*:?$/, '').trim();
      const hit = [...line.matchAll(rx(rule))].some((m) => m[0].includes(core));
      if (!hit) missed.push(`${key}: ${text}`);
    }
  }
  assert.deepEqual(missed, []);
});

const STATEMENT_HEADINGS = {
  '3': 'INITIAL STATEMENT OF BENEFICIAL OWNERSHIP OF SECURITIES',
  '4': 'STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP OF SECURITIES',
  '5': 'ANNUAL STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP OF SECURITIES',
};

test('the statement headings: grammar, server and client agree', () => {
  for (const [form, heading] of Object.entries(STATEMENT_HEADINGS)) {
    assert.ok(rx('statementHeading').test(heading), `grammar: Form ${form}`);
    const m = STATEMENT_RE.exec(heading);
    assert.ok(m, `server: Form ${form}`);
    assert.equal(m[1] ? '3' : m[2] ? '5' : '4', form);
    assert.equal(detectFiling(`FORM ${form}\n${heading}\n`)?.form, form, `client: Form ${form}`);
  }
});
