import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const grammar = JSON.parse(readFileSync(join(ROOT, 'syntaxes', 'form345.tmLanguage.json'), 'utf8')) as {
  scopeName: string;
  repository: Record<string, { match?: string; begin?: string; end?: string; patterns?: unknown[] }>;
};

/** The grammar's regexes in the subset JavaScript and Oniguruma share; `$` means end of line. */
function rx(name: string, key: 'match' | 'begin' | 'end' = 'match'): RegExp {
  const source = grammar.repository[name]?.[key];
  assert.ok(source, `${name}.${key} exists`);
  return new RegExp(source, 'g');
}

/** The texts (or a capture) one pattern finds in a line. */
function found(name: string, line: string, group = 0): string[] {
  return [...line.matchAll(rx(name))].map((m) => m[group] ?? '');
}

describe('grammar', () => {
  test('has the scope the manifest names, and every regex compiles', () => {
    assert.equal(grammar.scopeName, 'text.form345');
    for (const [name, rule] of Object.entries(grammar.repository)) {
      for (const key of ['match', 'begin', 'end'] as const) {
        if (rule[key]) assert.doesNotThrow(() => new RegExp(rule[key]!), `${name}.${key}`);
      }
    }
  });

  test('headings', () => {
    assert.deepEqual(found('formTitle', 'FORM 4', 1), ['FORM 4']);
    assert.deepEqual(found('formTitle', '# FORM 3', 1), ['FORM 3']);
    assert.deepEqual(found('formTitle', '| FORM 5/A          |', 1), ['FORM 5/A']);
    assert.deepEqual(found('formTitle', 'Check this box. Form 4 or Form 5 obligations'), []);
    assert.deepEqual(found('statementHeading', '#### STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP OF SECURITIES'), [
      'STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP OF SECURITIES',
    ]);
    assert.equal(found('statementHeading', 'INITIAL STATEMENT OF BENEFICIAL OWNERSHIP').length, 1);
    assert.deepEqual(found('tableHeading', 'Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned (e.g., puts)'), [
      'Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned',
    ]);
    assert.deepEqual(found('sectionHeading', '## **Signatures**', 1), ['Signatures']);
    assert.deepEqual(found('sectionHeading', 'Remarks:', 1), ['Remarks:']);
    assert.match('Explanation of Responses:', rx('explanation', 'begin'));
  });

  test('box labels and instructions', () => {
    assert.deepEqual(found('boxLabel', '1. Name and Address of Reporting Person *- Benjamin Locke M.'), ['1. Name and Address of Reporting Person']);
    assert.deepEqual(found('boxLabel', '\t2A. Deemed Execution Date, if any (Month/Day/Year)'), ['2A. Deemed Execution Date, if any']);
    assert.deepEqual(found('instruction', 'Code (Instr. 8) and (Instr. 3, 4 and 5) or (Instr. 3, 4, and 5)'), [
      '(Instr. 8)',
      '(Instr. 3, 4 and 5)',
      '(Instr. 3, 4, and 5)',
    ]);
    assert.deepEqual(found('instruction', '(Month/Day/Year) (Last) (Check all applicable)'), ['(Month/Day/Year)', '(Last)', '(Check all applicable)']);
  });

  test('transaction codes only in their cells', () => {
    assert.deepEqual(found('codeAfterDate', 'Common Stock\t\t11/14/2017\t\tP\t\t2,000\tA\t\\$ 2.64', 3), ['P']);
    assert.deepEqual(found('codeAfterDate', '| 01/24/2023 | 01/23/2023 | A(1) | 519 |', 3), ['A']);
    assert.deepEqual(found('codeAfterDate', '│ 01/24/2023  │           │   A   │', 3), ['A']);
    assert.deepEqual(found('codeAfterDate', '11/14/2017 Purchase'), []);
    assert.deepEqual(found('code', 'Stock\t11/14/2017\tS\t100'), ['S']);
    assert.deepEqual(found('code', 'Stock  M (2)  100'), ['M']);
    // A, D, I (also (A)/(D) and D/I values), X (checkboxes) and V (its column header) need the date.
    assert.deepEqual(found('code', '100\tA\t$1\t200\tD\t\tX\tCode\tV'), []);
    assert.deepEqual(found('code', 'Sale of Stock'), []);
  });

  test('dates, amounts, prices', () => {
    assert.deepEqual(found('date', 'on 12/18/2014 and 7/21/11 and 2025-04-30'), ['12/18/2014', '7/21/11', '2025-04-30']);
    assert.deepEqual(found('price', 'at \\$ 2.64 and $39.52 and $0'), ['\\$ 2.64', '$39.52', '$0']);
    assert.deepEqual(found('amount', '62,500 shares, 1,234,567.5 and 3235-0287'), ['62,500', '1,234,567.5']);
    assert.deepEqual(found('cellNumber', 'Common\t163,350\t500\tD'), ['500']);
  });

  test('footnote references and definitions', () => {
    assert.deepEqual(found('footnoteReference', 'Stock (1) 519^(2) ⁽³⁾ <sup>4</sup> [^5]'), ['(1)', '^(2)', '⁽³⁾', '<sup>4</sup>', '[^5]']);
    assert.deepEqual(found('footnoteDefinition', '- (1) 25% of these options vest', 1), ['(1)']);
    assert.deepEqual(found('footnoteDefinition', '**(1)** The option becomes exercisable', 1), ['(1)']);
    assert.deepEqual(found('footnoteDefinition', '  1\\. Vesting commencement date', 1), ['1\\.']);
    assert.deepEqual(found('footnoteDefinition', '1. The Restricted Stock shall vest', 1), ['1.']);
    // Definitions end where the next section starts.
    const end = rx('explanation', 'end');
    for (const line of ['Remarks:', '## **Signatures**', 'POWER OF ATORNEY', 'FORM 4', 'Note: File three copies']) {
      end.lastIndex = 0;
      assert.match(line, end, line);
    }
  });

  test('signatures and directives', () => {
    assert.deepEqual(found('signature', '/s/ Benjamin M. Locke\t07/21/2020', 2), ['Benjamin M. Locke']);
    assert.deepEqual(found('signature', '/s/Jessica L. Brosius, Attorney  01/26/2023', 2), ['Jessica L. Brosius, Attorney']);
    assert.deepEqual(found('directive', 'form345-disable-next-line late-filing', 1), ['form345-disable-next-line']);
    assert.deepEqual(found('directive', '<!-- form345-disable ocr-text -->', 1), ['form345-disable']);
  });

  test('regexes stay linear on long hostile lines', () => {
    const lines = [
      '(Instr. 3' + ', 4'.repeat(20_000),
      '1,'.repeat(30_000),
      '/s/' + ' a'.repeat(30_000),
      '12/12/2012' + '\t'.repeat(30_000) + 'x',
      '12/12/2012' + ' '.repeat(30_000) + 'x',
      'Name and Address of Reporting '.repeat(3_000),
    ];
    for (const [name, rule] of Object.entries(grammar.repository)) {
      if (!rule.match) continue;
      const re = new RegExp(rule.match, 'g');
      for (const line of lines) {
        const t0 = Date.now();
        [...line.matchAll(re)];
        assert.ok(Date.now() - t0 < 1000, `${name} on a hostile line`);
      }
    }
  });
});

describe('language configuration', () => {
  const config = JSON.parse(readFileSync(join(ROOT, 'language-configuration.json'), 'utf8')) as {
    brackets: [string, string][];
    wordPattern: string;
  };

  test('brackets include parentheses (footnote markers)', () => {
    assert.ok(config.brackets.some(([o, c]) => o === '(' && c === ')'));
  });

  test('the word pattern keeps footnote markers, prices and dates whole', () => {
    const words = 'Option (1) $2.64 11/14/2017 \\$ 2.64 62,500 ^(2) ⁽³⁾ Co-CEO'.match(new RegExp(config.wordPattern, 'g'));
    for (const w of ['(1)', '$2.64', '11/14/2017', '\\$ 2.64', '62,500', '^(2)', '⁽³⁾', 'Co-CEO', 'Option']) {
      assert.ok(words?.includes(w), `${w} in ${JSON.stringify(words)}`);
    }
  });
});
