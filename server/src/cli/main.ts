/**
 * `form345`: the analysis from the command line.
 *
 *   form345 normalize [--pretty] [--source | --no-source] FILE|DIR|GLOB...
 *   form345 check [--json | --format text|json|sarif] [--rule CODE=LEVEL]... [--config FILE] FILE|DIR|GLOB...
 *   form345 xml [--out DIR] [--cik-map FILE] [--rule CODE=LEVEL]... [--config FILE] FILE|DIR|GLOB...
 *   form345 ledger [--json | --csv] FILE|DIR|GLOB...
 *   form345 --list-rules
 *
 * Exit status: 0 fine, 1 an error-severity finding was reported (check) or EDGAR would suspend a
 * document (xml), 2 usage or I/O problem
 * (each with a one-line message on stderr; the other files are still processed).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { DEFAULT_SEVERITY, parseCikMap, parseIsoDay, RULE_CODES, RULE_DESCRIPTIONS, type RuleLevel } from '../analysis';
import { analyzeFile, type FileJob, type FileResult } from './analyzeFile';
import { expandInputs, STDIN, type InputFile } from './files';
import { jsonArray, ledgerText, sarif, textLines } from './output';
import { buildLedger, ledgerCsv, ledgerJson, type LedgerFiling } from '../ledger';
import { Progress } from './progress';

function readVersion(): string {
  for (const rel of ['..', '../../..']) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(__dirname, rel, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'form345' && pkg.version) return pkg.version;
    } catch {
      // try the next place
    }
  }
  return '0.1.0';
}

export const VERSION = readVersion();
const LEVELS: readonly RuleLevel[] = ['error', 'warning', 'information', 'hint', 'off'];

/** Batches above either bound go to worker threads. */
export const WORKER_MIN_FILES = 50;
export const WORKER_MIN_BYTES = 20 * 1024 * 1024;
/** Jobs queued at each worker at a time. */
const WORKER_DEPTH = 4;

export const USAGE = `usage: form345 <command> [options] FILE|DIR|GLOB...

commands:
  normalize        print the normalized record of every filing as JSON
                   (one object per filing; JSON Lines when there are several);
                   over a batch each record starts with where it came from:
                   "source": {"file": PATH, "filing": N, "line": FIRST-LINE}
  check            print findings as "path:line:col severity code message"
  xml              print the EDGAR ownership XML (ownershipDocument) of the filing; with
                   several filings, --out DIR writes one file each (<name>.xml, <name>.<n>.xml);
                   what EDGAR would suspend or warn about goes to stderr as findings
  ledger           read the filings together: per owner and issuer, the balance of each
                   holding across filings and where it breaks, Section 16(b) short-swing
                   pairs and profit, late Form 4 counts (Item 405)

arguments:
  FILE             a text file; - reads standard input
  DIR              walked recursively for *.txt *.md *.form3 *.form4 *.form5 *.filing
  GLOB             quoted pattern: * ? [abc] within a name, ** across directories, {a,b}

options:
  --pretty               normalize: indent the JSON (2 spaces)
  --source, --no-source  normalize: add "source" to every record, or to none (default:
                         only when more than one file or a DIR or GLOB is given)
  --json                 check: one JSON array of findings (same as --format json);
                         ledger: one JSON object {"groups": [...], "unplaced": [...]}
  --csv                  ledger: the entries of every position as CSV rows
  --format text|json|sarif
                         check: output format (sarif: SARIF 2.1.0 for code-scanning tools)
  --rule CODE=LEVEL      check: set a rule's level (error|warning|information|hint|off); repeatable
  --config FILE          check: JSON file {"rules": {"CODE": "LEVEL"}}; --rule wins over it
  --out DIR              xml: write each filing's XML into DIR instead of standard output
  --cik-map FILE         xml: JSON of names or trading symbols to CIKs ({"MSFT": "789019"});
                         the form prints no CIK, so without it the XML has none
  --list-rules           list the rules with their default levels (--json for JSON)
  --jobs N               worker threads for large batches (default: number of cores)
  --no-progress          never draw the progress bar (drawn only on a terminal, for > 20 files)
  -h, --help             this text
  -v, --version          the version

environment:
  FORM345_TODAY=YYYY-MM-DD   the date rules compare with (future dates), for reproducible runs
  FORM345_DEBUG=1            say when worker threads are used; stack traces of internal errors

exit status: 0 fine, 1 error findings reported (check), EDGAR would suspend a document (xml) or a
             balance breaks (ledger), 2 usage or I/O problem`;

export class UsageError extends Error {}

export interface Options {
  command: 'normalize' | 'check' | 'xml' | 'ledger' | 'list-rules';
  /** xml: the directory to write into. */
  out?: string;
  /** xml: names and trading symbols (key form) to CIKs. */
  cikMap?: Record<string, string>;
  /** Things to say on stderr that do not stop the run (bad CIK map entries). */
  notes: string[];
  pretty: boolean;
  /** normalize: add the "source" envelope field; undefined means only for a batch. */
  source?: boolean;
  format: 'text' | 'json' | 'sarif' | 'csv';
  levels: Record<string, RuleLevel>;
  jobs: number;
  progress: 'auto' | 'never';
  inputs: string[];
}

function parseLevel(spec: string, where: string): [string, RuleLevel] {
  const m = /^\s*([A-Za-z0-9-]+)\s*[=:]\s*([A-Za-z]+)\s*$/.exec(spec);
  if (!m) throw new UsageError(`${where} expects CODE=LEVEL, got '${spec}'`);
  const code = m[1]!.toLowerCase();
  const level = m[2]!.toLowerCase() === 'info' ? 'information' : m[2]!.toLowerCase();
  if (!(RULE_CODES as readonly string[]).includes(code)) throw new UsageError(`${where}: unknown rule '${m[1]}' (form345 --list-rules lists them)`);
  if (!LEVELS.includes(level as RuleLevel)) throw new UsageError(`${where}: unknown level '${m[2]}' for ${code} (error|warning|information|hint|off)`);
  return [code, level as RuleLevel];
}

function readConfig(file: string): Record<string, RuleLevel> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`--config ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (e as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new UsageError(`--config ${file}: not valid JSON (${(e as Error).message.split('\n')[0]})`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new UsageError(`--config ${file}: expected an object {"rules": {"CODE": "LEVEL"}}`);
  const rules = (data as { rules?: unknown }).rules ?? {};
  if (typeof rules !== 'object' || rules === null || Array.isArray(rules)) throw new UsageError(`--config ${file}: "rules" must be an object {"CODE": "LEVEL"}`);
  const out: Record<string, RuleLevel> = {};
  for (const [code, level] of Object.entries(rules as Record<string, unknown>)) {
    if (typeof level !== 'string') throw new UsageError(`--config ${file}: the level of ${code} must be a string (error|warning|information|hint|off)`);
    const [c, l] = parseLevel(`${code}=${level}`, `--config ${file}`);
    out[c] = l;
  }
  return out;
}

const VALUE_OPTIONS = new Set(['--format', '--rule', '--config', '--jobs', '--out', '--cik-map']);

function readCikMap(file: string): { map: Record<string, string>; problems: string[] } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`--cik-map ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (e as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new UsageError(`--cik-map ${file}: not valid JSON (${(e as Error).message.split('\n')[0]})`);
  }
  const { map, problems } = parseCikMap(data);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new UsageError(`--cik-map ${file}: ${problems[0]}`);
  return { map: Object.fromEntries(map), problems: problems.map((p) => `--cik-map ${file}: ${p}; left out`) };
}

export function parseArgs(argv: readonly string[]): Options | 'help' | 'version' {
  const positional: string[] = [];
  const flags: [string, string | undefined][] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--') && a.includes('=')) {
      const eq = a.indexOf('=');
      flags.push([a.slice(0, eq), a.slice(eq + 1)]);
    } else if (VALUE_OPTIONS.has(a)) {
      const v = argv[i + 1];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      flags.push([a, v]);
      i++;
    } else if (a.startsWith('-') && a !== STDIN) flags.push([a, undefined]);
    else positional.push(a);
  }
  const names = flags.map(([f]) => f);
  if (names.includes('-h') || names.includes('--help')) return 'help';
  if (names.includes('-v') || names.includes('-V') || names.includes('--version')) return 'version';

  const o: Options = { command: 'check', notes: [], pretty: false, format: 'text', levels: {}, jobs: os.availableParallelism?.() ?? os.cpus().length, progress: 'auto', inputs: [] };
  let configLevels: Record<string, RuleLevel> = {};
  let listRules = false;
  let formatGiven: string | undefined;
  let sourceGiven: string | undefined;
  for (const [flag, value] of flags) {
    const need = (): string => {
      if (value === undefined || value === '') throw new UsageError(`${flag} needs a value`);
      return value;
    };
    const none = (): void => {
      if (value !== undefined) throw new UsageError(`${flag} takes no value`);
    };
    switch (flag) {
      case '--pretty':
        none();
        o.pretty = true;
        break;
      case '--source':
      case '--no-source':
        none();
        o.source = flag === '--source';
        sourceGiven = flag;
        break;
      case '--json':
        none();
        o.format = 'json';
        formatGiven = '--json';
        break;
      case '--csv':
        none();
        o.format = 'csv';
        formatGiven = '--csv';
        break;
      case '--format': {
        const f = need();
        if (f !== 'text' && f !== 'json' && f !== 'sarif') throw new UsageError(`--format expects text, json or sarif, got '${f}'`);
        o.format = f;
        formatGiven = `--format ${f}`;
        break;
      }
      case '--rule': {
        const [c, l] = parseLevel(need(), '--rule');
        o.levels[c] = l;
        break;
      }
      case '--config':
        configLevels = { ...configLevels, ...readConfig(need()) };
        break;
      case '--list-rules':
        none();
        listRules = true;
        break;
      case '--jobs': {
        const n = Number(need());
        if (!Number.isInteger(n) || n < 1 || n > 256) throw new UsageError('--jobs expects a whole number from 1 to 256');
        o.jobs = n;
        break;
      }
      case '--no-progress':
        none();
        o.progress = 'never';
        break;
      case '--out':
        o.out = need();
        break;
      case '--cik-map': {
        const { map, problems } = readCikMap(need());
        o.cikMap = { ...o.cikMap, ...map };
        o.notes.push(...problems);
        break;
      }
      default:
        throw new UsageError(`unknown option '${flag}'`);
    }
  }
  o.levels = { ...configLevels, ...o.levels };
  if (listRules) {
    if (positional.length && !(positional.length === 1 && positional[0] === 'check')) throw new UsageError('--list-rules takes no files');
    o.command = 'list-rules';
    return o;
  }
  const [command, ...inputs] = positional;
  if (command === undefined) throw new UsageError('no command given (normalize, check, xml or ledger)');
  if (command !== 'normalize' && command !== 'check' && command !== 'xml' && command !== 'ledger') throw new UsageError(`unknown command '${command}' (normalize, check, xml or ledger)`);
  o.command = command;
  if (command !== 'xml' && o.out !== undefined) throw new UsageError('--out applies to xml');
  if (command !== 'xml' && o.cikMap !== undefined) throw new UsageError('--cik-map applies to xml');
  if (command === 'xml' && formatGiven) throw new UsageError(`${formatGiven} applies to check; xml prints XML`);
  if (command === 'xml' && o.pretty) throw new UsageError('--pretty applies to normalize; xml is always indented');
  if (command === 'normalize' && formatGiven && o.format !== 'json') throw new UsageError(`${formatGiven} applies to check; normalize always prints JSON`);
  if (command === 'check' && o.format === 'csv') throw new UsageError('--csv applies to ledger; check prints text, json or sarif');
  if (command === 'ledger' && o.format === 'sarif') throw new UsageError('--format sarif applies to check; ledger prints text, --json or --csv');
  if ((command === 'check' || command === 'ledger') && sourceGiven) throw new UsageError(`${sourceGiven} applies to normalize; ${command} output always names the file`);
  if (!inputs.length) throw new UsageError(`${command}: no files given`);
  if (inputs.filter((i) => i === STDIN).length > 1) throw new UsageError('standard input (-) can be read once');
  o.inputs = inputs;
  return o;
}

// ---------------------------------------------------------------------------------------------
// Running the files: in process, or on worker threads for large batches; results in input order.
// ---------------------------------------------------------------------------------------------

export function shouldUseWorkers(files: readonly InputFile[], threads: number): boolean {
  if (threads < 2 || files.length < 2 || files.some((f) => f.file === STDIN)) return false;
  const bytes = files.reduce((s, f) => s + f.size, 0);
  return files.length > WORKER_MIN_FILES || bytes > WORKER_MIN_BYTES;
}

function workerScript(): string | undefined {
  const file = path.join(__dirname, 'cli-worker.js');
  return path.basename(__filename) === 'cli.js' && existsSync(file) ? file : undefined;
}

interface WorkerReply {
  id: number;
  result: FileResult;
}

/**
 * Analyses every job; `emit` receives the results in job order as soon as the ones before are in.
 * A worker that fails hands its job back to the main thread; the run goes on.
 */
async function runAll(jobs: readonly FileJob[], inputs: readonly InputFile[], threads: number, emit: (r: FileResult) => void, progress: Progress): Promise<void> {
  let nextOut = 0;
  const pending = new Map<number, FileResult>();
  const done = (id: number, r: FileResult) => {
    progress.tick(inputs[id]?.size ?? 0);
    pending.set(id, r);
    while (pending.has(nextOut)) {
      const ready = pending.get(nextOut)!;
      pending.delete(nextOut++);
      emit(ready);
    }
  };
  const script = shouldUseWorkers(inputs, threads) ? workerScript() : undefined;
  if (!script) {
    jobs.forEach((j, id) => done(id, analyzeFile(j)));
    return;
  }
  let next = 0;
  const retry: number[] = [];
  const take = (): number | undefined => (next < jobs.length ? next++ : undefined);
  const count = Math.min(threads, jobs.length);
  if (process.env.FORM345_DEBUG) progress.message(`form345: ${jobs.length} files on ${count} worker threads`);
  await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<void>((resolve) => {
          const inFlight = new Set<number>();
          let finished = false;
          const w = new Worker(script);
          const finish = () => {
            if (finished) return;
            finished = true;
            for (const id of inFlight) retry.push(id);
            inFlight.clear();
            void w.terminate();
            resolve();
          };
          const feed = () => {
            // A few jobs in flight per worker, so it never waits for the main thread.
            while (inFlight.size < WORKER_DEPTH) {
              const id = take();
              if (id === undefined) break;
              inFlight.add(id);
              w.postMessage({ id, job: jobs[id] });
            }
            if (inFlight.size === 0) finish();
          };
          w.on('message', (m: WorkerReply) => {
            inFlight.delete(m.id);
            done(m.id, m.result);
            feed();
          });
          w.on('error', (e: Error) => {
            if (!finished) progress.message(`form345: a worker thread failed (${e.message.split('\n')[0]}); its files run in the main thread`);
            finish();
          });
          w.on('exit', (code) => {
            if (!finished && code !== 0) progress.message(`form345: a worker thread stopped (exit ${code}); its files run in the main thread`);
            finish();
          });
          feed();
        }),
    ),
  );
  // Jobs a failed worker left, and any a dead pool never started, run here.
  for (let id = take(); id !== undefined; id = take()) retry.push(id);
  for (const id of retry.sort((a, b) => a - b)) done(id, analyzeFile(jobs[id]!));
}

/**
 * A record with the CLI's envelope field in front: the file as given (or as found under the
 * directory or by the pattern given; <stdin> for -), the filing's 1-based place in that file and its
 * first line. The record itself stays as ../shared/schema/filing.schema.json describes it.
 */
export function sourced(record: object, r: FileResult, index: number): object {
  const source = { file: r.file === STDIN ? '<stdin>' : r.file, filing: index + 1, line: r.starts[index]! };
  return { source, ...record };
}

function listRules(json: boolean): string {
  if (json) return `${JSON.stringify(RULE_CODES.map((code) => ({ code, severity: DEFAULT_SEVERITY[code], description: RULE_DESCRIPTIONS[code] })), null, 2)}\n`;
  return `${RULE_CODES.map((c) => `${c.padEnd(27)} ${DEFAULT_SEVERITY[c].padEnd(11)} ${RULE_DESCRIPTIONS[c]}`).join('\n')}\n`;
}

/** FORM345_TODAY, checked to be a real calendar date (a bad one is the caller's, not a file's, problem). */
function todayFromEnv(): string | undefined {
  const t = process.env.FORM345_TODAY;
  if (!t) return undefined;
  if (!parseIsoDay(t)) throw new UsageError(`FORM345_TODAY=${JSON.stringify(t.slice(0, 40))} is not a date (YYYY-MM-DD)`);
  return t;
}

export interface Io {
  stdout: (s: string) => void;
  stderr: NodeJS.WriteStream | { write(s: string): unknown; isTTY?: boolean; columns?: number };
}

export async function main(argv: readonly string[], io: Io = { stdout: (s) => void process.stdout.write(s), stderr: process.stderr }): Promise<number> {
  let options: ReturnType<typeof parseArgs>;
  try {
    options = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`form345: ${e.message} (form345 --help for usage)\n`);
      return 2;
    }
    throw e;
  }
  if (options === 'help') {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (options === 'version') {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  if (options.command === 'list-rules') {
    io.stdout(listRules(options.format === 'json'));
    return 0;
  }
  const command = options.command;
  let today: string | undefined;
  try {
    today = todayFromEnv();
  } catch (e) {
    io.stderr.write(`form345: ${(e as Error).message}\n`);
    return 2;
  }
  for (const n of options.notes) io.stderr.write(`form345: ${n}\n`);
  if (command === 'xml') return xmlCommand(options, io);
  const { files, problems } = expandInputs(options.inputs);
  const progress = new Progress(files.length, io.stderr, options.progress);
  const say = (line: string) => progress.message(`form345: ${line}`);
  for (const p of problems) say(p);
  let ioProblem = problems.length > 0;
  let errors = false;
  const collected: FileResult[] = [];
  // A batch's records say where each came from, so its output can be joined back to the inputs;
  // one file named on its own prints the bare records (it is known where they came from).
  const single = options.inputs.length === 1 && files.length === 1 && files[0]!.file === options.inputs[0];
  const withSource = options.source ?? !single;
  const streaming = command === 'normalize' || (command === 'check' && options.format === 'text');
  const extracts: LedgerFiling[] = [];
  const emit = (r: FileResult) => {
    if (r.problem) {
      ioProblem = true;
      say(`${r.file}: ${r.problem}`);
      return;
    }
    if (r.note) say(`${r.file}: ${r.note}`);
    if (!r.filings) say(`${r.file}: no Form 3, 4 or 5 filing found`);
    if (r.findings.some((f) => f.severity === 'error')) errors = true;
    if (command === 'ledger') extracts.push(...(r.ledger ?? []));
    else if (command === 'normalize') {
      if (r.records.length) io.stdout(r.records.map((rec, i) => `${JSON.stringify(withSource ? sourced(rec, r, i) : rec, null, options.pretty ? 2 : undefined)}\n`).join(''));
    } else if (streaming) io.stdout(textLines([r]));
    else collected.push(r);
  };
  const jobs: FileJob[] = files.map((f) => ({ file: f.file, levels: options.levels, today, want: command === 'normalize' ? 'records' : command === 'ledger' ? 'ledger' : 'findings' }));
  try {
    await runAll(jobs, files, options.jobs, emit, progress);
  } finally {
    progress.end();
  }
  if (command === 'ledger') {
    const ledger = buildLedger(extracts);
    io.stdout(options.format === 'json' ? `${JSON.stringify(ledgerJson(ledger), null, options.pretty ? 2 : undefined)}\n` : options.format === 'csv' ? ledgerCsv(ledger) : ledgerText(ledger));
    if (ioProblem) return 2;
    return ledger.groups.some((g) => g.breaks.length > 0) ? 1 : 0;
  }
  if (!streaming) io.stdout(options.format === 'sarif' ? sarif(collected, VERSION) : jsonArray(collected));
  if (ioProblem) return 2;
  return command === 'check' && errors ? 1 : 0;
}

/** The file name of a filing's XML: `<name>.xml`, `<name>.<n>.xml` when the file holds several. */
function xmlNames(results: readonly FileResult[]): string[][] {
  const used = new Set<string>();
  return results.map((r) => {
    const base = r.file === STDIN ? 'stdin' : path.basename(r.file).replace(/\.[^.]*$/, '') || 'filing';
    let stem = base;
    // Files of the same name in different directories get -2, -3...
    for (let k = 2; used.has(stem); k++) stem = `${base}-${k}`;
    used.add(stem);
    const n = r.xml?.length ?? 0;
    return Array.from({ length: n }, (_, i) => (n === 1 ? `${stem}.xml` : `${stem}.${i + 1}.xml`));
  });
}

/**
 * `form345 xml`: each filing's ownership XML, to standard output (one filing) or into --out DIR.
 * EDGAR's objections go to stderr as findings; exit 1 when EDGAR would suspend a document.
 */
async function xmlCommand(options: Options, io: Io): Promise<number> {
  const { files, problems } = expandInputs(options.inputs);
  const progress = new Progress(files.length, io.stderr, options.progress);
  const say = (line: string) => progress.message(`form345: ${line}`);
  for (const p of problems) say(p);
  let ioProblem = problems.length > 0;
  const results: FileResult[] = [];
  const jobs: FileJob[] = files.map((f) => ({ file: f.file, levels: options.levels, today: todayFromEnv(), want: 'xml', cikMap: options.cikMap }));
  try {
    await runAll(jobs, files, options.jobs, (r) => results.push(r), progress);
  } finally {
    progress.end();
  }
  for (const r of results) {
    if (r.problem) {
      ioProblem = true;
      say(`${r.file}: ${r.problem}`);
    } else {
      if (r.note) say(`${r.file}: ${r.note}`);
      if (!r.filings) say(`${r.file}: no Form 3, 4 or 5 filing found`);
    }
  }
  const documents = results.reduce((n, r) => n + (r.xml?.length ?? 0), 0);
  if (documents > 1 && options.out === undefined) {
    io.stderr.write(`form345: ${documents} filings: give --out DIR to write one XML file each\n`);
    return 2;
  }
  const findings = textLines(results);
  if (findings) io.stderr.write(findings);
  if (options.out === undefined) {
    for (const r of results) for (const x of r.xml ?? []) io.stdout(x.xml);
  } else {
    try {
      mkdirSync(options.out, { recursive: true });
      const names = xmlNames(results);
      results.forEach((r, i) => (r.xml ?? []).forEach((x, k) => writeFileSync(path.join(options.out!, names[i]![k]!), x.xml)));
    } catch (e) {
      io.stderr.write(`form345: --out ${options.out}: ${(e as Error).message.split('\n')[0]}\n`);
      return 2;
    }
  }
  if (ioProblem) return 2;
  return results.some((r) => r.xml?.some((x) => x.verdict === 'suspended')) ? 1 : 0;
}

/** Runs the CLI with the process arguments and sets the exit code. */
export function run(): void {
  // `form345 ... | head`: a closed pipe ends the run quietly.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`form345: internal error: ${((e as Error).message ?? String(e)).split('\n')[0]}\n`);
      if (process.env.FORM345_DEBUG) process.stderr.write(`${(e as Error).stack}\n`);
      process.exitCode = 2;
    },
  );
}

if (require.main === module) run();
