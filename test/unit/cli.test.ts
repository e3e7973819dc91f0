/**
 * The `form345` command as a user runs it: the built bin, real files, exit codes, outputs.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync, truncateSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_SEVERITY, RULE_CODES } from '../../server/src/analysis';
import { decodeText, expandBraces, globMatches, hasGlob } from '../../server/src/cli/files';
import { parseArgs, shouldUseWorkers } from '../../server/src/cli/main';
import { Progress } from '../../server/src/cli/progress';
import { Rng } from '../gen';

const ROOT = path.resolve(__dirname, '..', '..');
const SEEDS = path.resolve(ROOT, '..', 'shared', 'seeds');
const BIN = path.join(ROOT, 'bin', 'form345.js');
// Every folder a test makes lives under this one, removed when the file's tests end.
const TMP = mkdtempSync(path.join(os.tmpdir(), 'form345-cli-test-'));
after(() => rmSync(TMP, { recursive: true, force: true, maxRetries: 2 }));

function seed(prefix: string): string {
  return path.join(SEEDS, readdirSync(SEEDS).find((f) => f.startsWith(prefix) && f.endsWith('.txt'))!);
}

function cli(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, FORM345_TODAY: '2026-11-23' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

before(() => {
  const r = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
});

test('normalize of a one-filing file prints exactly one JSON object: the expected record', () => {
  for (const prefix of ['000', '001', '002', '003']) {
    const file = seed(prefix);
    const r = cli(['normalize', file]);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trim().split('\n');
    assert.equal(lines.length, 1);
    const want = JSON.parse(readFileSync(path.join(SEEDS, 'expected', path.basename(file).replace(/\.txt$/, '.json')), 'utf8'));
    assert.deepStrictEqual(JSON.parse(lines[0]), want);
  }
});

test('normalize --pretty indents; several filings print JSON Lines', () => {
  const pretty = cli(['normalize', '--pretty', seed('003')]);
  assert.match(pretty.stdout, /^\{\n {2}"formType": "3"/);
  const multi = cli(['normalize', path.join(ROOT, 'fixtures', 'real', 'multi.w3m.txt')]);
  const lines = multi.stdout.trim().split('\n');
  assert.equal(lines.length, 3);
  for (const l of lines) assert.ok(JSON.parse(l).formType);
});

test('check prints path:line:col severity code message and exits 1 on errors', () => {
  const r = cli(['check', seed('000')]);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /000_488474bd7af80319\.txt:25:1 error missing-transaction-code /);
  const late = cli(['check', seed('002')]);
  assert.equal(late.code, 0, 'warnings only');
  assert.match(late.stdout, /:39:\d+ warning late-filing Signed 07\/21\/2020/);
});

test('check --json prints one array of 1-based findings', () => {
  const r = cli(['check', '--json', seed('002')]);
  const items = JSON.parse(r.stdout) as Record<string, unknown>[];
  assert.ok(Array.isArray(items) && items.length > 0);
  for (const i of items) {
    assert.deepStrictEqual(Object.keys(i).sort(), ['code', 'column', 'endColumn', 'endLine', 'file', 'line', 'message', 'severity']);
    assert.ok((i.line as number) >= 1 && (i.column as number) >= 1);
  }
  assert.ok(items.some((i) => i.code === 'late-filing'));
});

test('check --format sarif is SARIF 2.1.0 with rules and results', () => {
  const r = cli(['check', '--format', 'sarif', seed('000')]);
  const doc = JSON.parse(r.stdout);
  assert.equal(doc.version, '2.1.0');
  const run = doc.runs[0];
  assert.ok(run.tool.driver.rules.some((x: { id: string }) => x.id === 'unused-footnote'));
  const res = run.results.find((x: { ruleId: string }) => x.ruleId === 'missing-transaction-code');
  assert.equal(res.level, 'error');
  assert.equal(res.locations[0].physicalLocation.region.startLine, 25);
});

test('--rule and --config set rule levels; off removes a rule', () => {
  const off = cli(['check', '--rule', 'missing-transaction-code=off', seed('000')]);
  assert.equal(off.code, 0);
  assert.doesNotMatch(off.stdout, /missing-transaction-code/);
  const dir = tmp('cli');
  const cfg = path.join(dir, 'cfg.json');
  writeFileSync(cfg, JSON.stringify({ rules: { 'late-filing': 'error' } }));
  const late = cli(['check', '--config', cfg, seed('002')]);
  assert.equal(late.code, 1);
  assert.match(late.stdout, /error late-filing/);
  assert.equal(cli(['check', '--rule', 'nope=error', seed('002')]).code, 2);
});

test('usage and I/O problems exit 2 with a one-line message', () => {
  for (const args of [[], ['frob', 'x'], ['check'], ['check', '--bogus', seed('000')], ['check', path.join(ROOT, 'no-such-file.txt')]]) {
    const r = cli(args);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
  }
  const dir = tmp('bin');
  const bin = path.join(dir, 'blob.txt');
  writeFileSync(bin, Buffer.from([0, 1, 2, 3, 0, 255, 254]));
  const r = cli(['check', bin]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /binary/);
});

test('directories are walked and globs expanded, each file once', () => {
  const dir = tmp('dir');
  mkdirSync(path.join(dir, 'sub'));
  writeFileSync(path.join(dir, 'a.txt'), readFileSync(seed('000')));
  writeFileSync(path.join(dir, 'sub', 'b.form4'), readFileSync(seed('001')));
  writeFileSync(path.join(dir, 'ignored.json'), '{}');
  const walked = cli(['normalize', dir]);
  assert.equal(walked.stdout.trim().split('\n').length, 2, walked.stderr);
  const globbed = cli(['normalize', 'sub/*.form4', '**/*.txt', 'a.txt'], dir);
  assert.equal(globbed.stdout.trim().split('\n').length, 2, globbed.stderr);
});

test('a large batch runs on worker threads and keeps input order', () => {
  const dir = tmp('batch');
  const names: string[] = [];
  for (let i = 0; i < 60; i++) {
    const name = `f${String(i).padStart(3, '0')}.txt`;
    writeFileSync(path.join(dir, name), readFileSync(seed(['000', '001', '002', '003'][i % 4])));
    names.push(name);
  }
  const r = cli(['normalize', '--jobs', '2', dir]);
  assert.equal(r.code, 0, r.stderr);
  const types = r.stdout.trim().split('\n').map((l) => JSON.parse(l).formType);
  assert.equal(types.length, 60);
  assert.deepStrictEqual(types, names.map((_, i) => (i % 4 === 3 ? '3' : '4')));
  // The records worked on threads say where they came from like the others.
  const sources = r.stdout.trim().split('\n').map((l) => JSON.parse(l).source);
  assert.deepStrictEqual(sources.map((s) => s.file), names.map((n) => path.join(dir, n)));
  assert.ok(sources.every((s) => s.filing === 1 && s.line >= 1));
});

/** The source field of each JSON line, and the record without it. */
function sourcedLines(stdout: string): { source?: { file: string; filing: number; line: number }; record: Record<string, unknown> }[] {
  return stdout
    .trim()
    .split('\n')
    .map((l) => {
      const { source, ...record } = JSON.parse(l) as Record<string, unknown>;
      return { source: source as { file: string; filing: number; line: number } | undefined, record };
    });
}

test('normalize over several files: each record says which file, which filing and its first line', () => {
  const multi = path.join('fixtures', 'real', 'multi.w3m.txt');
  const one = path.relative(ROOT, seed('002'));
  const r = cli(['normalize', multi, one]);
  assert.equal(r.code, 0, r.stderr);
  const out = sourcedLines(r.stdout);
  assert.deepStrictEqual(out.map((o) => [o.source?.file, o.source?.filing]), [[multi, 1], [multi, 2], [multi, 3], [one, 1]]);
  // Each line names where its filing's title stands, and the record is the one printed without the envelope.
  const single = sourcedLines(cli(['normalize', multi]).stdout);
  for (const [i, o] of out.entries()) {
    const text = readFileSync(path.join(ROOT, o.source!.file), 'utf8').split(/\r?\n/);
    assert.match(text[o.source!.line - 1]!, /form\s*[345]\b/i, `${o.source!.file}:${o.source!.line}`);
    if (i < 3) {
      assert.equal(single[i]!.source, undefined, 'one file named on its own: bare records');
      assert.deepStrictEqual(o.record, single[i]!.record);
    }
  }
  assert.ok(out[0]!.source!.line < out[1]!.source!.line && out[1]!.source!.line < out[2]!.source!.line);
  const want = JSON.parse(readFileSync(path.join(SEEDS, 'expected', path.basename(one).replace(/\.txt$/, '.json')), 'utf8'));
  assert.deepStrictEqual(out[3]!.record, want);
  assert.deepStrictEqual(Object.keys(JSON.parse(r.stdout.split('\n')[0]!)).slice(0, 2), ['source', 'formType'], 'the envelope field comes first');
});

test('source: paths as given (joined under a directory, as a glob found them); <stdin>; --source and --no-source', () => {
  const dir = tmp('src');
  mkdirSync(path.join(dir, 'sub'));
  writeFileSync(path.join(dir, 'a.txt'), readFileSync(seed('000')));
  writeFileSync(path.join(dir, 'sub', 'b.form4'), readFileSync(seed('001')));
  const files = (stdout: string) => sourcedLines(stdout).map((o) => o.source?.file);
  assert.deepStrictEqual(files(cli(['normalize', 'sub'], dir).stdout), [path.join('sub', 'b.form4')], 'a directory is a batch even with one file');
  assert.deepStrictEqual(files(cli(['normalize', '**/*.form4'], dir).stdout), ['sub/b.form4'], 'so is a glob');
  assert.deepStrictEqual(files(cli(['normalize', dir]).stdout), [path.join(dir, 'a.txt'), path.join(dir, 'sub', 'b.form4')]);
  const text = readFileSync(seed('003'), 'utf8');
  assert.deepStrictEqual(files(cliIn(['normalize', 'a.txt', '-'], text, dir).stdout), ['a.txt', '<stdin>']);
  assert.deepStrictEqual(files(cliIn(['normalize', '-'], text).stdout), [undefined], 'standard input alone: the bare record');
  const forced = sourcedLines(cli(['normalize', '--source', 'a.txt'], dir).stdout);
  assert.deepStrictEqual(forced.map((o) => o.source), [{ file: 'a.txt', filing: 1, line: 1 }]);
  assert.deepStrictEqual(files(cli(['normalize', '--no-source', 'a.txt', 'sub'], dir).stdout), [undefined, undefined]);
  const pretty = cli(['normalize', '--pretty', 'a.txt', 'sub'], dir).stdout;
  assert.match(pretty, /^\{\n {2}"source": \{\n {4}"file": "a\.txt",\n {4}"filing": 1,\n {4}"line": 1\n {2}\},\n {2}"formType"/);
  const misuse = cli(['check', '--source', 'a.txt'], dir);
  assert.equal(misuse.code, 2);
  assert.match(misuse.stderr, /--source applies to normalize/);
});

// ---------------------------------------------------------------------------------------------
// More of the command line: help, rules, input forms, encodings, outputs, batches.
// ---------------------------------------------------------------------------------------------

function tmp(prefix: string): string {
  return mkdtempSync(path.join(TMP, `${prefix}-`));
}

function cliIn(args: string[], input: string | Buffer, cwd = ROOT) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, input, encoding: 'utf8', env: { ...process.env, FORM345_TODAY: '2026-11-23' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('--help and --version exit 0 on stdout; --list-rules lists every rule with its default level', () => {
  const help = cli(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /^usage: form345/);
  assert.equal(help.stderr, '');
  assert.match(cli(['check', '-h']).stdout, /^usage: form345/);
  const version = cli(['--version']);
  assert.equal(version.code, 0);
  assert.equal(version.stdout.trim(), JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
  const list = cli(['--list-rules']);
  assert.equal(list.code, 0);
  for (const [code, severity] of Object.entries(DEFAULT_SEVERITY)) assert.match(list.stdout, new RegExp(`^${code} +${severity} +\\S`, 'm'));
  assert.equal(list.stdout.trim().split('\n').length, RULE_CODES.length);
  assert.deepStrictEqual(cli(['check', '--list-rules']).stdout, list.stdout);
  const json = JSON.parse(cli(['--list-rules', '--json']).stdout) as { code: string; severity: string; description: string }[];
  assert.deepStrictEqual(json.map((r) => r.code), [...RULE_CODES]);
});

test('usage errors: each exits 2 with one line on stderr and nothing on stdout', () => {
  const cases: string[][] = [
    ['normalize'],
    ['check', '--format'],
    ['check', '--format', 'xml', seed('000')],
    ['check', '--rule', 'late-filing', seed('000')],
    ['check', '--rule', 'late-filing=loud', seed('000')],
    ['check', '--jobs', '0', seed('000')],
    ['check', '--pretty=yes', seed('000')],
    ['normalize', '--format', 'sarif', seed('000')],
    ['check', '--config', path.join(ROOT, 'no-such-config.json'), seed('000')],
    ['check', '-', '-'],
    ['-x'],
  ];
  for (const args of cases) {
    const r = cli(args);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.equal(r.stdout, '', args.join(' '));
    assert.equal(r.stderr.split('\n').filter(Boolean).length, 1, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, /^form345: /);
  }
});

test('--config: bad JSON, bad shape and unknown rules are usage errors; --rule=CODE=LEVEL wins over it', () => {
  const dir = tmp('cfg');
  const write = (name: string, text: string) => {
    writeFileSync(path.join(dir, name), text);
    return path.join(dir, name);
  };
  for (const bad of ['{', '[]', '{"rules": []}', '{"rules": {"late-filing": 3}}', '{"rules": {"no-such-rule": "error"}}', '{"rules": {"late-filing": "loud"}}']) {
    const r = cli(['check', '--config', write('bad.json', bad), seed('002')]);
    assert.equal(r.code, 2, bad);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
  }
  const cfg = write('ok.json', '\uFEFF{"rules": {"late-filing": "error", "no-rows": "off"}}');
  const withConfig = cli(['check', '--config', cfg, seed('002')]);
  assert.equal(withConfig.code, 1);
  assert.match(withConfig.stdout, / error late-filing /);
  assert.doesNotMatch(withConfig.stdout, /no-rows/);
  const overridden = cli(['check', `--config=${cfg}`, '--rule=late-filing=information', seed('002')]);
  assert.equal(overridden.code, 0);
  assert.match(overridden.stdout, / information late-filing /);
});

test('standard input is read with -', () => {
  const text = readFileSync(seed('000'), 'utf8');
  const r = cliIn(['normalize', '-'], text);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, cli(['normalize', seed('000')]).stdout);
  const c = cliIn(['check', '-'], text);
  assert.equal(c.code, 1);
  assert.match(c.stdout, /^<stdin>:25:1 error missing-transaction-code /m);
});

test('a UTF-8 BOM, CRLF line ends and UTF-16 give the same records and positions', () => {
  const dir = tmp('enc');
  const text = readFileSync(seed('001'), 'utf8');
  writeFileSync(path.join(dir, 'plain.txt'), text);
  writeFileSync(path.join(dir, 'bom-crlf.txt'), `\uFEFF${text.replace(/\n/g, '\r\n')}`);
  writeFileSync(path.join(dir, 'utf16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
  const plain = cli(['normalize', 'plain.txt'], dir).stdout;
  const plainCheck = cli(['check', 'plain.txt'], dir).stdout.replace(/^plain\.txt/gm, '');
  assert.ok(plain.length > 10);
  for (const name of ['bom-crlf.txt', 'utf16.txt']) {
    const r = cli(['normalize', name], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, plain, name);
    assert.equal(cli(['check', name], dir).stdout.replace(new RegExp(`^${name.replace('.', '\\.')}`, 'gm'), ''), plainCheck, name);
  }
});

test('binary input is skipped with one line each, the other files still run, exit 2', () => {
  const dir = tmp('bin');
  const rng = new Rng('binary');
  const noise = Buffer.alloc(4096);
  for (let i = 0; i < noise.length; i++) noise[i] = rng.int(0x80, 0xff);
  writeFileSync(path.join(dir, 'a-noise.txt'), noise);
  writeFileSync(path.join(dir, 'b-nul.txt'), Buffer.concat([Buffer.from('FORM 4\n'), Buffer.from([0, 0, 0])]));
  writeFileSync(path.join(dir, 'c-real.txt'), readFileSync(seed('003')));
  const r = cli(['normalize', dir]);
  assert.equal(r.code, 2);
  assert.equal(r.stdout.trim().split('\n').length, 1, 'the real filing is still printed');
  assert.equal(JSON.parse(r.stdout).formType, '3');
  const lines = r.stderr.trim().split('\n');
  assert.equal(lines.length, 2, r.stderr);
  assert.match(lines[0]!, /a-noise\.txt: binary/);
  assert.match(lines[1]!, /b-nul\.txt: binary/);
});

test('a file that holds no filing: nothing on stdout, one note on stderr, exit 0', () => {
  const dir = tmp('none');
  writeFileSync(path.join(dir, 'notes.md'), '# Meeting notes\n\nNothing to see here.\n');
  const r = cli(['normalize', path.join(dir, 'notes.md')]);
  assert.equal(r.code, 0);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr.trim().split('\n').length, 1);
  assert.match(r.stderr, /notes\.md: no Form 3, 4 or 5 filing found/);
});

test('a file over the 200 MB cap is refused without being read', () => {
  const dir = tmp('big');
  const file = path.join(dir, 'huge.txt');
  writeFileSync(file, '');
  truncateSync(file, 201 * 1024 * 1024);
  const r = cli(['check', file]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /huge\.txt: .*larger than the 200 MB limit/);
});

test('globs: ?, [..], {a,b}, ** and no match; hidden files and node_modules are skipped; order is stable', () => {
  const dir = tmp('glob');
  for (const p of ['a/one.txt', 'a/two.txt', 'a/b/three.txt', 'a/b/c/four.form4', 'x/five.md', '.hidden/six.txt', 'node_modules/m/seven.txt']) {
    mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
    writeFileSync(path.join(dir, p), readFileSync(seed(['000', '001', '002', '003'][p.length % 4]!)));
  }
  const files = (args: string[]) => {
    const r = cli(['check', '--json', '--rule', 'ocr-text=off', ...args], dir);
    return { code: r.code, stderr: r.stderr, files: [...new Set((JSON.parse(r.stdout || '[]') as { file: string }[]).map((i) => i.file))] };
  };
  assert.deepStrictEqual(files(['a/???.txt']).files, ['a/one.txt', 'a/two.txt']);
  assert.deepStrictEqual(files(['a/[o]*.txt']).files, ['a/one.txt']);
  assert.deepStrictEqual(files(['{x,a/b}/*.{md,txt}']).files, ['a/b/three.txt', 'x/five.md'], 'one sorted list per glob');
  assert.deepStrictEqual(files(['**/*.txt']).files, ['a/b/three.txt', 'a/one.txt', 'a/two.txt']);
  assert.deepStrictEqual(files(['a/**']).files, ['a/b/c/four.form4', 'a/b/three.txt', 'a/one.txt', 'a/two.txt']);
  assert.deepStrictEqual(files(['./a/**/f*']).files, ['a/b/c/four.form4']);
  assert.deepStrictEqual(files(['a/two.txt', 'a/*.txt', 'a']).files, ['a/two.txt', 'a/one.txt', 'a/b/c/four.form4', 'a/b/three.txt']);
  const none = files(['a/*.nope']);
  assert.equal(none.code, 2);
  assert.match(none.stderr, /a\/\*\.nope: no file matches/);
  const walked = files(['.']);
  assert.ok(!walked.files.some((f) => /hidden|node_modules/.test(f)), walked.files.join(' '));
});

test('--json items have exactly the documented keys in order; text lines are sorted by file then position', () => {
  const r = cli(['check', '--json', seed('000'), seed('002')]);
  const items = JSON.parse(r.stdout) as Record<string, unknown>[];
  for (const i of items) assert.deepStrictEqual(Object.keys(i), ['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'code', 'message']);
  const text = cli(['check', seed('002'), seed('000')]).stdout.trim().split('\n');
  const keys = text.map((l) => {
    const m = /^(.*):(\d+):(\d+) (error|warning|information|hint) ([a-z0-9-]+) \S/.exec(l);
    assert.ok(m, l);
    return [m[1]!, Number(m[2]), Number(m[3])] as const;
  });
  assert.ok(keys[0]![0].includes('002_'), 'files in the order given');
  for (let i = 1; i < keys.length; i++) {
    const [f0, l0, c0] = keys[i - 1]!;
    const [f1, l1, c1] = keys[i]!;
    if (f0 === f1) assert.ok(l0 < l1 || (l0 === l1 && c0 <= c1), `${text[i - 1]} before ${text[i]}`);
  }
});

test('SARIF: 2.1.0 document, every rule, relative uris, 1-based regions, information and hint as note', () => {
  const r = cli(['check', '--format', 'sarif', '--rule', 'late-filing=information', path.relative(ROOT, seed('002'))]);
  assert.equal(r.code, 0);
  const doc = JSON.parse(r.stdout);
  assert.equal(doc.version, '2.1.0');
  assert.match(doc.$schema, /sarif-2\.1\.0/);
  const run = doc.runs[0];
  assert.equal(run.tool.driver.name, 'form345');
  assert.deepStrictEqual(run.tool.driver.rules.map((x: { id: string }) => x.id), [...RULE_CODES]);
  for (const rule of run.tool.driver.rules) assert.ok(rule.shortDescription.text.length > 10 && ['error', 'warning', 'note'].includes(rule.defaultConfiguration.level));
  const late = run.results.find((x: { ruleId: string }) => x.ruleId === 'late-filing');
  assert.equal(late.level, 'note');
  assert.equal(run.tool.driver.rules[late.ruleIndex].id, 'late-filing');
  const loc = late.locations[0].physicalLocation;
  assert.equal(loc.artifactLocation.uri, '../shared/seeds/002_260c3c21b07e7aa1.txt');
  assert.ok(loc.region.startLine >= 1 && loc.region.startColumn >= 1 && loc.region.endColumn >= loc.region.startColumn);
  assert.equal(loc.region.startLine, loc.region.endLine);
  for (const res of run.results) assert.ok(['error', 'warning', 'note'].includes(res.level));
  const hint = JSON.parse(cli(['check', '--format', 'sarif', seed('001')]).stdout).runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'ocr-text');
  assert.equal(hint.level, 'note');
});

test('no progress bar when stderr is a pipe, even for many files; large batches use worker threads', () => {
  const dir = tmp('many');
  for (let i = 0; i < 60; i++) writeFileSync(path.join(dir, `f${String(i).padStart(2, '0')}.txt`), readFileSync(seed(['000', '001', '002', '003'][i % 4]!)));
  const r = cli(['check', '--rule', 'ocr-text=off', dir]);
  assert.equal(r.stderr, '');
  const debug = spawnSync(process.execPath, [BIN, 'normalize', '--jobs', '2', dir], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, FORM345_DEBUG: '1' } });
  assert.match(debug.stderr, /60 files on 2 worker threads/);
  const inProcess = spawnSync(process.execPath, [BIN, 'normalize', '--jobs', '1', dir], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, FORM345_DEBUG: '1' } });
  assert.equal(inProcess.stderr, '');
  assert.equal(inProcess.stdout, debug.stdout, 'same output in the same order');
});

// ---------------------------------------------------------------------------------------------
// The pieces in process: glob matcher, decoding, progress bar, argument parsing.
// ---------------------------------------------------------------------------------------------

test('glob matcher: segments, globstar, classes, braces, escapes, dot files', () => {
  const yes: [string, string][] = [
    ['*.txt', 'a.txt'],
    ['a/?.txt', 'a/b.txt'],
    ['**/*.txt', 'a.txt'],
    ['**/*.txt', 'a/b/c.txt'],
    ['a/**/c.txt', 'a/c.txt'],
    ['a/**/c.txt', 'a/x/y/c.txt'],
    ['{a,b}/*.md', 'b/x.md'],
    ['x.{form3,form4}', 'x.form4'],
    ['{a,{b,c}}.txt', 'c.txt'],
    ['[ab]*.txt', 'bz.txt'],
    ['[!a]*.txt', 'bz.txt'],
    ['[a-c].txt', 'b.txt'],
    ['\\*.txt', '*.txt'],
    ['.*.txt', '.x.txt'],
    ['/tmp/*.txt', '/tmp/a.txt'],
  ];
  const no: [string, string][] = [
    ['*.txt', 'a/b.txt'],
    ['*.txt', '.a.txt'],
    ['a/?.txt', 'a/bc.txt'],
    ['**/*.txt', '.git/a.txt'],
    ['{a,b}/*.md', 'c/x.md'],
    ['[!a]*.txt', 'az.txt'],
    ['\\*.txt', 'a.txt'],
    ['a/**/c.txt', 'b/c.txt'],
  ];
  for (const [g, f] of yes) assert.ok(globMatches(g, f), `${g} should match ${f}`);
  for (const [g, f] of no) assert.ok(!globMatches(g, f), `${g} should not match ${f}`);
  assert.deepStrictEqual(expandBraces('a{b,c{d,e}}f{1,2}'), ['abf1', 'abf2', 'acdf1', 'acdf2', 'acef1', 'acef2']);
  assert.deepStrictEqual(expandBraces('{x}'), ['{x}']);
  assert.ok(hasGlob('a/*') && hasGlob('{a,b}') && !hasGlob('plain/path.txt') && !hasGlob('a\\*b'));
});

test('decoding: UTF-8 with BOM, UTF-16 LE/BE, Windows-1252 fallback, binary refused', () => {
  assert.deepStrictEqual(decodeText(Buffer.from('\uFEFFFORM 4\r\n', 'utf8')), { text: 'FORM 4\r\n' });
  assert.deepStrictEqual(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('FORM 4 ☒', 'utf16le')])), { text: 'FORM 4 ☒' });
  assert.deepStrictEqual(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('FORM 4', 'utf16le').swap16()])), { text: 'FORM 4' });
  const cp1252 = decodeText(Buffer.from([...Buffer.from('Caf'), 0xe9, ...Buffer.from(' \u0093quoted\u0094 text'.replace(/[\u0093\u0094]/g, '"'))]));
  assert.ok('text' in cp1252 && cp1252.text.startsWith('Café') && cp1252.note);
  assert.ok('problem' in decodeText(Buffer.from([1, 2, 3, 4, 5, 6, 7, 8, 65, 66])));
  assert.ok('problem' in decodeText(Buffer.from('FORM 4\u0000')));
  const rng = new Rng('decode');
  const noise = Buffer.alloc(2000);
  for (let i = 0; i < noise.length; i++) noise[i] = rng.int(0x20, 0xff);
  assert.ok('problem' in decodeText(noise));
  assert.deepStrictEqual(decodeText(Buffer.alloc(0)), { text: '' });
});

test('progress bar: drawn only on a terminal for more than 20 files, cleared around messages and at the end', () => {
  const sink = (isTTY: boolean) => {
    const chunks: string[] = [];
    return { chunks, stream: { isTTY, columns: 80, write: (s: string) => chunks.push(s) } };
  };
  let now = 0;
  const pipe = sink(false);
  const quiet = new Progress(100, pipe.stream, 'auto', () => now);
  for (let i = 0; i < 100; i++) quiet.tick(10);
  quiet.message('form345: hello');
  quiet.end();
  assert.deepStrictEqual(pipe.chunks, ['form345: hello\n']);
  const few = sink(true);
  const small = new Progress(20, few.stream, 'auto', () => now);
  small.tick();
  assert.deepStrictEqual(few.chunks, []);
  const tty = sink(true);
  const bar = new Progress(50, tty.stream, 'auto', () => now);
  for (let i = 0; i < 50; i++) {
    now += 30;
    bar.tick(1024 * 1024);
  }
  const draws = tty.chunks.filter((c) => c.startsWith('\r['));
  assert.ok(draws.length >= 10 && draws.length <= 20, `throttled to ~100 ms: ${draws.length} draws`);
  assert.match(draws[draws.length - 1]!, /\[#{10,}\] 100% 50\/50 files, 50\.0 MB/);
  for (const d of draws) assert.ok(d.length <= 82, d);
  bar.message('form345: note');
  assert.deepStrictEqual(tty.chunks.slice(-3).map((c) => c.slice(0, 2)), ['\r\x1b', 'fo', '\r[']);
  bar.end();
  assert.equal(tty.chunks[tty.chunks.length - 1], '\r\x1b[K');
  const never = sink(true);
  const off = new Progress(100, never.stream, 'never', () => now);
  for (let i = 0; i < 100; i++) off.tick();
  assert.deepStrictEqual(never.chunks, []);
});

test('argument parsing: options anywhere, --opt=value, -- ends options, worker decision', () => {
  const o = parseArgs(['--rule', 'late-filing=error', 'check', 'a.txt', '--json', '--', '--weird-name.txt']);
  assert.ok(typeof o === 'object');
  assert.equal(o.command, 'check');
  assert.equal(o.format, 'json');
  assert.deepStrictEqual(o.inputs, ['a.txt', '--weird-name.txt']);
  assert.deepStrictEqual(o.levels, { 'late-filing': 'error' });
  assert.equal(parseArgs(['normalize', '--help', '--bogus']), 'help');
  assert.throws(() => parseArgs(['check', '--bogus', 'a']), /unknown option '--bogus'/);
  assert.throws(() => parseArgs(['lint', 'a']), /unknown command 'lint'/);
  const file = (size: number) => ({ file: 'x.txt', size });
  assert.equal(shouldUseWorkers(Array.from({ length: 51 }, () => file(100)), 2), true);
  assert.equal(shouldUseWorkers(Array.from({ length: 50 }, () => file(100)), 2), false);
  assert.equal(shouldUseWorkers([file(15 * 1024 * 1024), file(6 * 1024 * 1024)], 2), true);
  assert.equal(shouldUseWorkers(Array.from({ length: 100 }, () => file(100)), 1), false);
  assert.equal(shouldUseWorkers([file(30 * 1024 * 1024)], 4), false, 'one file: nothing to share');
});

test('a worker thread that fails hands its files back: same output, one note per failed worker', () => {
  const dir = tmp('crash');
  const files = path.join(dir, 'files');
  mkdirSync(files);
  for (let i = 0; i < 60; i++) writeFileSync(path.join(files, `f${String(i).padStart(2, '0')}.txt`), readFileSync(seed(['000', '001', '002', '003'][i % 4]!)));
  const expected = cli(['check', '--jobs', '1', files]);
  for (const [name, worker] of [
    ['throws', "require('node:worker_threads').parentPort.on('message', () => { throw new Error('boom'); });"],
    ['exits after a few', `let n = 0; require('node:worker_threads').parentPort.on('message', () => { if (++n > 3) process.exit(7); }); require(${JSON.stringify(path.join(ROOT, 'dist', 'cli-worker.js'))});`],
  ] as const) {
    const bin = path.join(dir, name);
    mkdirSync(bin);
    writeFileSync(path.join(bin, 'cli.js'), readFileSync(path.join(ROOT, 'dist', 'cli.js')));
    writeFileSync(path.join(bin, 'cli-worker.js'), worker);
    const r = spawnSync(process.execPath, [path.join(bin, 'cli.js'), 'check', '--jobs', '2', files], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, FORM345_TODAY: '2026-11-23' } });
    assert.equal(r.status, expected.code, `${name}: ${r.stderr}`);
    assert.equal(r.stdout, expected.stdout, name);
    const notes = r.stderr.trim().split('\n');
    assert.ok(notes.length >= 1 && notes.length <= 2, r.stderr);
    for (const n of notes) assert.match(n, /^form345: a worker thread (failed|stopped)/);
  }
});

// ---------------------------------------------------------------------------------------------
// form345 xml

const EVANS = path.join(ROOT, 'fixtures', 'real', 'form4.Evans.lynx.txt');

test('xml prints one filing\'s ownership XML; without CIKs EDGAR would suspend it: exit 1, said on stderr', () => {
  const r = cli(['xml', EVANS]);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stdout, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<ownershipDocument>\n {2}<documentType>4<\/documentType>/);
  assert.doesNotMatch(r.stdout, /Cik>/);
  assert.match(r.stderr, /form4\.Evans\.lynx\.txt:\d+:\d+ warning edgar-missing-cik No CIK for the issuer \(EVBN\), SULLIVAN NORA B/);
  assert.equal(r.stderr.trim().split('\n').length, 1, 'once per document');
});

test('xml --cik-map fills the CIKs by symbol and name; a clean filing exits 0', () => {
  const dir = tmp('cikmap');
  const map = path.join(dir, 'ciks.json');
  writeFileSync(map, JSON.stringify({ EVBN: 842518, 'Sullivan Nora B': '0001057067', broken: 'abc' }));
  const r = cli(['xml', '--cik-map', map, EVANS]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /<issuerCik>0000842518<\/issuerCik>/);
  assert.match(r.stdout, /<rptOwnerCik>0001057067<\/rptOwnerCik>/);
  assert.match(r.stderr, /--cik-map .*ciks\.json: "broken": a CIK is 1 to 10 digits, got "abc"; left out/);
  writeFileSync(map, '{not json');
  assert.equal(cli(['xml', '--cik-map', map, EVANS]).code, 2);
  assert.equal(cli(['xml', '--cik-map', path.join(dir, 'missing.json'), EVANS]).code, 2);
  assert.equal(cli(['check', '--cik-map', map, EVANS]).code, 2, '--cik-map applies to xml');
});

test('xml of several filings needs --out and writes <name>.xml and <name>.<n>.xml', () => {
  const multi = path.join(ROOT, 'fixtures', 'real', 'multi.w3m.txt');
  const refused = cli(['xml', multi]);
  assert.equal(refused.code, 2);
  assert.equal(refused.stdout, '');
  assert.match(refused.stderr, /3 filings: give --out DIR/);
  const out = path.join(tmp('xmlout'), 'out');
  const r = cli(['xml', '--out', out, multi, EVANS]);
  assert.equal(r.code, 1, 'no CIK map');
  assert.equal(r.stdout, '');
  assert.deepStrictEqual(readdirSync(out).sort(), ['form4.Evans.lynx.xml', 'multi.w3m.1.xml', 'multi.w3m.2.xml', 'multi.w3m.3.xml']);
  assert.match(readFileSync(path.join(out, 'multi.w3m.2.xml'), 'utf8'), /<documentType>3<\/documentType>/);
});

test('xml reports what EDGAR would suspend, at the configured levels', () => {
  const unused = path.join(ROOT, 'fixtures', 'rules', 'unused-footnote.txt');
  const r = cli(['xml', '--rule', 'edgar-missing-cik=off', unused]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /warning unused-footnote /);
  assert.doesNotMatch(r.stderr, /edgar-missing-cik|late-filing|holding-arithmetic/, 'only EDGAR checks');
  const quiet = cli(['xml', '--rule', 'edgar-missing-cik=off', '--rule', 'unused-footnote=off', unused]);
  assert.equal(quiet.code, 0, quiet.stderr);
  assert.equal(quiet.stderr, '');
});
