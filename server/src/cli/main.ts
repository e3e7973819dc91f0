/**
 * `form345`: the analysis from the command line.
 *
 *   form345 normalize [--pretty] FILE|DIR|GLOB...
 *   form345 check [--json | --format sarif] [--rule code=level]... [--config FILE] FILE|DIR|GLOB...
 *   form345 check --list-rules
 *
 * Exit codes: 0 fine, 1 an error-level finding was reported (check), 2 usage or I/O problem.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { DEFAULT_SEVERITY, RULE_CODES, RULE_DESCRIPTIONS, type RuleLevel } from '../analysis';
import { analyzeFile, type FileJob, type FileResult } from './analyzeFile';
import { expandInputs } from './files';
import { jsonArray, sarif, textLines } from './output';

const VERSION = '0.1.0';
const LEVELS: readonly RuleLevel[] = ['error', 'warning', 'information', 'hint', 'off'];

const USAGE = `usage: form345 <command> [options] FILE|DIR|GLOB...

commands:
  normalize        print the normalized records (one JSON object per filing; JSON Lines when several)
  check            print findings as "path:line:col severity code message"

options:
  --pretty               normalize: indent the JSON
  --json                 check: one JSON array of findings
  --format text|json|sarif
  --rule CODE=LEVEL      check: set a rule's level (error|warning|information|hint|off); repeatable
  --config FILE          check: JSON file {"rules": {"CODE": "LEVEL"}}
  --list-rules           check: list the rules and their default levels
  --jobs N               worker threads for large batches (default: CPU count)
  -h, --help             this text
  -v, --version          the version

exit status: 0 fine, 1 error findings reported (check), 2 usage or I/O problem`;

class UsageError extends Error {}

interface Options {
  command: 'normalize' | 'check';
  pretty: boolean;
  format: 'text' | 'json' | 'sarif';
  levels: Record<string, RuleLevel>;
  listRules: boolean;
  jobs: number;
  inputs: string[];
}

function parseLevel(spec: string): [string, RuleLevel] {
  const m = /^([a-z0-9-]+)=([a-z]+)$/.exec(spec);
  if (!m) throw new UsageError(`--rule expects CODE=LEVEL, got '${spec}'`);
  if (!(RULE_CODES as readonly string[]).includes(m[1])) throw new UsageError(`unknown rule '${m[1]}' (see --list-rules)`);
  if (!LEVELS.includes(m[2] as RuleLevel)) throw new UsageError(`unknown level '${m[2]}' (error|warning|information|hint|off)`);
  return [m[1], m[2] as RuleLevel];
}

function readConfig(file: string): Record<string, RuleLevel> {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UsageError(`--config ${file}: ${(e as Error).message}`);
  }
  const rules = (data as { rules?: Record<string, string> }).rules ?? {};
  const out: Record<string, RuleLevel> = {};
  for (const [code, level] of Object.entries(rules)) {
    const [c, l] = parseLevel(`${code}=${level}`);
    out[c] = l;
  }
  return out;
}

export function parseArgs(argv: readonly string[]): Options | 'help' | 'version' {
  if (argv.includes('-h') || argv.includes('--help')) return 'help';
  if (argv.includes('-v') || argv.includes('--version')) return 'version';
  const [command, ...rest] = argv;
  if (command !== 'normalize' && command !== 'check') throw new UsageError(command ? `unknown command '${command}'` : 'no command given');
  const o: Options = { command, pretty: false, format: 'text', levels: {}, listRules: false, jobs: os.availableParallelism?.() ?? os.cpus().length, inputs: [] };
  let configLevels: Record<string, RuleLevel> = {};
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const value = () => {
      const v = rest[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      return v;
    };
    if (a === '--pretty') o.pretty = true;
    else if (a === '--json') o.format = 'json';
    else if (a === '--format') {
      const f = value();
      if (f !== 'text' && f !== 'json' && f !== 'sarif') throw new UsageError(`--format expects text, json or sarif, got '${f}'`);
      o.format = f;
    } else if (a === '--rule') {
      const [c, l] = parseLevel(value());
      o.levels[c] = l;
    } else if (a === '--config') configLevels = readConfig(value());
    else if (a === '--list-rules') o.listRules = true;
    else if (a === '--jobs') {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 1) throw new UsageError('--jobs expects a whole number of at least 1');
      o.jobs = n;
    } else if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option '${a}'`);
    else o.inputs.push(a);
  }
  o.levels = { ...configLevels, ...o.levels };
  if (!o.listRules && !o.inputs.length) throw new UsageError('no files given');
  return o;
}

// ---------------------------------------------------------------------------------------------

/** A one-line progress bar on stderr, only when stderr is a terminal. */
class Progress {
  private readonly enabled: boolean;
  private done = 0;
  constructor(private readonly total: number) {
    this.enabled = Boolean(process.stderr.isTTY) && total > 20;
  }
  tick(): void {
    this.done++;
    if (!this.enabled || (this.done % 5 !== 0 && this.done !== this.total)) return;
    const width = 30;
    const filled = Math.round((this.done / this.total) * width);
    process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${this.done}/${this.total}`);
  }
  end(): void {
    if (this.enabled) process.stderr.write('\r\x1b[K');
  }
}

/** Large batches go to worker threads; results come back in input order. */
async function runAll(jobs: FileJob[], threads: number, progress: Progress): Promise<FileResult[]> {
  const useWorkers = threads > 1 && jobs.length > 50;
  if (!useWorkers) {
    return jobs.map((j) => {
      const r = analyzeFile(j);
      progress.tick();
      return r;
    });
  }
  const results: FileResult[] = new Array(jobs.length);
  const workerFile = path.join(__dirname, 'cli-worker.js');
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(threads, jobs.length) }, () =>
      new Promise<void>((resolve, reject) => {
        const w = new Worker(workerFile);
        const feed = () => {
          if (next >= jobs.length) {
            void w.terminate();
            resolve();
            return;
          }
          const id = next++;
          w.postMessage({ id, job: jobs[id] });
        };
        w.on('message', (m: { id: number; result: FileResult }) => {
          results[m.id] = m.result;
          progress.tick();
          feed();
        });
        w.on('error', reject);
        feed();
      }),
    ),
  );
  return results;
}

function listRules(): string {
  return `${RULE_CODES.map((c) => `${c.padEnd(28)} ${DEFAULT_SEVERITY[c].padEnd(12)} ${RULE_DESCRIPTIONS[c]}`).join('\n')}\n`;
}

export async function main(argv: readonly string[]): Promise<number> {
  let options: ReturnType<typeof parseArgs>;
  try {
    options = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`form345: ${e.message} (form345 --help for usage)\n`);
      return 2;
    }
    throw e;
  }
  if (options === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (options === 'version') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  if (options.listRules) {
    process.stdout.write(listRules());
    return 0;
  }
  const { files, problems } = expandInputs(options.inputs);
  for (const p of problems) process.stderr.write(`form345: ${p}\n`);
  const today = process.env.FORM345_TODAY;
  const progress = new Progress(files.length);
  const results = await runAll(
    files.map((file) => ({ file, levels: options.levels, today })),
    options.jobs,
    progress,
  );
  progress.end();
  let ioProblem = problems.length > 0;
  for (const r of results) {
    if (r.problem) {
      ioProblem = true;
      process.stderr.write(`form345: ${r.file}: ${r.problem}\n`);
    }
  }
  const readable = results.filter((r) => !r.problem);
  if (options.command === 'normalize') {
    const records = readable.flatMap((r) => {
      if (!r.records.length) process.stderr.write(`form345: ${r.file}: no filing found\n`);
      return r.records;
    });
    const text = records.length === 1 && options.pretty ? `${JSON.stringify(records[0], null, 2)}\n` : records.map((rec) => `${JSON.stringify(rec, null, options.pretty ? 2 : undefined)}\n`).join('');
    process.stdout.write(text);
    return ioProblem ? 2 : 0;
  }
  const out = options.format === 'json' ? jsonArray(readable) : options.format === 'sarif' ? sarif(readable, VERSION) : textLines(readable);
  process.stdout.write(out);
  if (ioProblem) return 2;
  return readable.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

/** Runs the CLI with the process arguments and sets the exit code. */
export function run(): void {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`form345: internal error: ${(e as Error).stack ?? e}\n`);
      process.exitCode = 2;
    },
  );
}

if (require.main === module) run();
