/**
 * One rule a module: each `rules/<code>.ts` holds its metadata beside its check, and the
 * settings of package.json and the README's rules table say exactly what the metadata says.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { RULE_CODES } from '../../server/src/analysis/types';
import { RULE_META, RULE_MODULES } from '../../server/src/analysis/rules/rules';
import { DEFAULT_SEVERITY, RULE_DESCRIPTIONS } from '../../server/src/analysis/rules/levels';

const ROOT = join(__dirname, '..', '..');
const RULES_DIR = join(ROOT, 'server', 'src', 'analysis', 'rules');
const settings = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).contributes.configuration.properties as Record<string, { default: string; markdownDescription: string }>;

test('every rule code has exactly one module named after it, and its metadata', () => {
  const modules = readdirSync(RULES_DIR)
    .filter((f) => f.endsWith('.ts') && !['rule.ts', 'rules.ts', 'levels.ts'].includes(f))
    .map((f) => f.replace(/\.ts$/, ''))
    .sort();
  assert.deepEqual(modules, [...RULE_CODES].sort());
  assert.deepEqual(Object.keys(RULE_META).sort(), [...RULE_CODES].sort());
  for (const code of RULE_CODES) assert.equal(RULE_META[code].code, code);
  // The checks run in the order of RULE_CODES (internal-error is raised by the runner, not run).
  assert.deepEqual(
    RULE_MODULES.map((m) => m.code),
    RULE_CODES.filter((c) => c !== 'internal-error'),
  );
});

test('levels and descriptions come from the modules', () => {
  for (const code of RULE_CODES) {
    assert.equal(DEFAULT_SEVERITY[code], RULE_META[code].level);
    assert.equal(RULE_DESCRIPTIONS[code], RULE_META[code].description);
    assert.ok(RULE_META[code].description.length > 20 && RULE_META[code].docs.length > 5, code);
  }
});

test("package.json's rule settings match the metadata", () => {
  for (const code of RULE_CODES) {
    const s = settings[`form345.rules.${code}`];
    assert.ok(s, `form345.rules.${code} missing`);
    assert.equal(s.default, RULE_META[code].level, `${code} default`);
    assert.equal(s.markdownDescription, `${RULE_META[code].description} (\`${code}\`)`, `${code} description`);
  }
});

test("the README's rules table matches the metadata", () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const rows = [...readme.matchAll(/^\| `([a-z0-9-]+)` \| (\w+) \| (.*) \|$/gm)].map((m) => ({ code: m[1], level: m[2], docs: m[3] }));
  assert.deepEqual(
    rows,
    RULE_CODES.map((code) => ({ code, level: RULE_META[code].level, docs: RULE_META[code].docs })),
  );
});
