/**
 * Invariants of the code's structure (ARCHITECTURE.md): converter knowledge stays in the reading
 * layer, and modules import each other without cycles.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const SERVER = join(ROOT, 'server', 'src');
const ANALYSIS = join(SERVER, 'analysis');

function tsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...tsFiles(p));
    else if (name.endsWith('.ts')) out.push(p);
  }
  return out;
}

/** Relative imports of a module: `kind` 'value' unless the whole import is `import type`. */
export function importsOf(source: string): { spec: string; typeOnly: boolean }[] {
  const out: { spec: string; typeOnly: boolean }[] = [];
  const re = /^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"](\.[^'"]+)['"]/gm;
  for (let m = re.exec(source); m; m = re.exec(source)) out.push({ spec: m[3], typeOnly: Boolean(m[2]) });
  return out;
}

function resolveSpec(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec);
  for (const cand of [base + '.ts', join(base, 'index.ts'), base]) if (existsSync(cand) && statSync(cand).isFile()) return cand;
  return null;
}

/** The cycles of a module graph (each reported once, as the path that closes it). */
export function findCycles(graph: Map<string, string[]>): string[][] {
  const state = new Map<string, 1 | 2>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (n: string) => {
    state.set(n, 1);
    stack.push(n);
    for (const m of graph.get(n) ?? []) {
      if (state.get(m) === 1) cycles.push([...stack.slice(stack.indexOf(m)), m]);
      else if (!state.has(m)) visit(m);
    }
    stack.pop();
    state.set(n, 2);
  };
  for (const n of graph.keys()) if (!state.has(n)) visit(n);
  return cycles;
}

function graphOf(files: string[], withTypes: boolean): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const f of files) {
    const deps = importsOf(readFileSync(f, 'utf8'))
      .filter((i) => withTypes || !i.typeOnly)
      .map((i) => resolveSpec(f, i.spec))
      .filter((p): p is string => p !== null);
    graph.set(f, deps);
  }
  return graph;
}

test('converter names appear in the analysis only under analysis/layout/', () => {
  const offenders = tsFiles(ANALYSIS)
    .filter((f) => !relative(ANALYSIS, f).startsWith('layout'))
    .filter((f) => /lynx|w3m|pandoc|html2text|elinks/i.test(readFileSync(f, 'utf8')))
    .map((f) => relative(ROOT, f));
  assert.deepEqual(offenders, []);
});

test('no module cycle in the server and the client, type imports included', () => {
  const files = [...tsFiles(SERVER), ...tsFiles(join(ROOT, 'client', 'src'))];
  const cycles = findCycles(graphOf(files, true)).map((c) => c.map((f) => relative(ROOT, f)).join(' -> '));
  assert.deepEqual(cycles, []);
});

test('no stage writes into the line facts of another: only prepare.ts assigns to facts', () => {
  const writers = tsFiles(ANALYSIS)
    .filter((f) => !f.endsWith(join('filing', 'prepare.ts')))
    .filter((f) => /\.facts\.\w+\s*(?:\?\?=|=(?!=))|\.facts\s*=(?!=)/.test(readFileSync(f, 'utf8')))
    .map((f) => relative(ROOT, f));
  assert.deepEqual(writers, []);
});

test('the reading layer imports nothing of the form readers', () => {
  for (const f of tsFiles(join(ANALYSIS, 'layout'))) {
    for (const i of importsOf(readFileSync(f, 'utf8'))) {
      const target = resolveSpec(f, i.spec);
      assert.ok(target, `${relative(ROOT, f)} imports ${i.spec}`);
      const rel = relative(ANALYSIS, target!);
      assert.ok(!rel.startsWith('filing') && !rel.startsWith('rules') && !rel.startsWith('domain'), `${relative(ROOT, f)} imports ${rel}`);
    }
  }
});

test('the cycle finder finds a cycle and only real ones', () => {
  const g = new Map([
    ['a', ['b']],
    ['b', ['c']],
    ['c', ['a']],
    ['d', ['a']],
  ]);
  assert.deepEqual(findCycles(g), [['a', 'b', 'c', 'a']]);
  assert.deepEqual(findCycles(new Map([['a', ['b']], ['b', []], ['c', ['b']]])), []);
  assert.deepEqual(importsOf("import type { A } from './a';\nimport { b } from \"../b\";\nexport { c } from './c';"), [
    { spec: './a', typeOnly: true },
    { spec: '../b', typeOnly: false },
    { spec: './c', typeOnly: false },
  ]);
});

/**
 * The idioms of turning text into a pattern by hand: escaping regex syntax (`'\\$&'`) and
 * joining words with a white-space pattern (`.join('\\s+')`). Where a module has either, a
 * phrase is being made a pattern outside vocabulary/patterns.ts.
 */
export function handBuiltPatterns(source: string): string[] {
  const code = source.replace(/^\s*(?:\/\/|\*|\/\*).*$/gm, '');
  return [...code.matchAll(/'\\\\\$&'|\.join\(\s*(?:String\.raw)?(['"`])\\{1,2}s[+*]\1\s*\)/g)].map((m) => m[0]);
}

test('the finder of hand-built patterns finds escaping and word joins, not comments or other joins', () => {
  assert.deepEqual(handBuiltPatterns(String.raw`const a = s.replace(/[.*]/g, '\\$&');`), [String.raw`'\\$&'`]);
  assert.deepEqual(handBuiltPatterns(String.raw`const b = P.words.split(' ').join('\\s+');`), [String.raw`.join('\\s+')`]);
  assert.deepEqual(handBuiltPatterns(String.raw`const c = words.join("\\s*");`), [String.raw`.join("\\s*")`]);
  assert.deepEqual(handBuiltPatterns('const e = words.join(String.raw`\\s+`);'), ['.join(String.raw`\\s+`)']);
  assert.deepEqual(handBuiltPatterns(String.raw`const d = parts.join('|');
  // .join('\\s+') in a comment`), []);
});

test('phrases become patterns in vocabulary/patterns.ts only: no other module of the analysis escapes regex syntax or joins words with white space', () => {
  const found = tsFiles(ANALYSIS)
    .filter((f) => !relative(ANALYSIS, f).startsWith('vocabulary'))
    .flatMap((f) => handBuiltPatterns(readFileSync(f, 'utf8')).map((h) => `${relative(ROOT, f)}: ${h}`));
  assert.deepEqual(found, []);
});

test('the vocabulary imports nothing but itself (types aside): every stage may derive from it', () => {
  for (const f of tsFiles(join(ANALYSIS, 'vocabulary'))) {
    for (const i of importsOf(readFileSync(f, 'utf8'))) {
      if (i.typeOnly) continue;
      const target = resolveSpec(f, i.spec);
      assert.ok(target && relative(ANALYSIS, target).startsWith('vocabulary'), `${relative(ROOT, f)} imports ${i.spec}`);
    }
  }
});
