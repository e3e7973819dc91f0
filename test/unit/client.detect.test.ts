import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import { detectFiling, findTitle, hasHeading, wordMatches, words } from '../../client/src/detect';

const SEEDS = join(__dirname, '..', '..', '..', 'shared', 'seeds');
const REAL = join(__dirname, '..', '..', 'fixtures', 'real');

describe('filing detection', () => {
  test('recognizes every seed text with its form number', () => {
    const forms: Record<string, string> = {
      '000_488474bd7af80319.txt': '4',
      '001_e59a361ad3bd20d9.txt': '4',
      '002_260c3c21b07e7aa1.txt': '4',
      '003_80bceb74459482a7.txt': '3',
    };
    for (const [name, form] of Object.entries(forms)) {
      assert.deepEqual(detectFiling(readFileSync(join(SEEDS, name), 'utf8')), { form }, name);
    }
  });

  test('recognizes every converter output of the real fixtures', () => {
    const files = readdirSync(REAL).filter((f) => f.endsWith('.txt') && f !== 'TOOLS.txt');
    assert.ok(files.length > 10);
    for (const f of files) {
      const expected = /form3/.test(f) ? '3' : /form5/.test(f) ? '5' : '4';
      assert.deepEqual(detectFiling(readFileSync(join(REAL, f), 'utf8')), { form: expected }, f);
    }
  });

  test('tolerates markdown headings, HTML and OCR damage', () => {
    const text = '## F0RM 4\n\n<b>STATEMENT OF CHANGFS IN BENEF1CIAL 0WNERSHIP</b> OF SECURITIES\n';
    assert.deepEqual(detectFiling(text), { form: '4' });
    assert.deepEqual(detectFiling('| FORM 5 |\n|ANNUAL STATEMENT OF|\n|CHANGES IN BENEFICIAL|\n|OWNERSHI|\n'), { form: '5' });
    assert.deepEqual(detectFiling('# FORM 3\r\n\r\nINITIAL STATEMENT OF BENEFICIAL OWNERSHIP OF SECURITIES\r\n'), { form: '3' });
  });

  test('rejects texts without a title or without a heading', () => {
    assert.equal(detectFiling(''), undefined);
    assert.equal(detectFiling('# Notes\n\nForm 4 or Form 5 obligations may continue.\nSTATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP'), undefined);
    assert.equal(detectFiling('FORM 4\n\nSome memo about a meeting.\n'), undefined);
    assert.equal(detectFiling('FORM 8-K\nSTATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP\n'), undefined);
    assert.equal(detectFiling('FORM 4\n' + 'x\n'.repeat(60) + 'STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP\n'), undefined);
  });

  test('the title must start a cell', () => {
    assert.equal(findTitle(['Check this box. Form 4 or Form 5 obligations']), undefined);
    assert.equal(findTitle(['   FORM 4     UNITED STATES']), '4');
    assert.equal(findTitle(['SEC Form 5']), '5');
    assert.equal(findTitle(['|  FORM 3/A  |']), '3');
  });

  test('word matching allows OCR errors and wrapped words only', () => {
    assert.deepEqual(words('Γransaction СОММОN 0WNERSHIP 3235'), ['TRANSACTION', 'COMMON', 'OWNERSHIP', '3235']);
    assert.ok(wordMatches('OWNERSHI', 'OWNERSHIP'));
    assert.ok(wordMatches('BENEFICAL', 'BENEFICIAL'));
    assert.ok(!wordMatches('OWN', 'OWNERSHIP'));
    assert.ok(!wordMatches('CHARGES', 'INITIAL'));
    assert.ok(hasHeading(words('statement of changes in beneficial ownership'), ['STATEMENT', 'CHANGES', 'BENEFICIAL', 'OWNERSHIP']));
  });

  test('stays fast on a long single-line document', () => {
    const text = 'FORM 4\t' + 'STATEMENT word '.repeat(100_000);
    const t0 = Date.now();
    detectFiling(text);
    assert.ok(Date.now() - t0 < 500);
  });
});
