/**
 * `node --import tsx test/tools/false-findings.ts [--only CORPUS[,CORPUS]] [--route R[,R]] [--code C[,C]]
 *   [--warnings] [--file STEM] [--summary]`
 *
 * Every error (and with `--warnings`, every warning) the rules raise on the clean filings of a corpus
 * (real filings EDGAR accepted, generated filings without noise: every error there is false), one line
 * each: file, line, code, message, then the text of the line under it. `--summary` prints only the
 * counts per route and code. The corpora and their cleanliness are `npm run accuracy`'s.
 */
import path from 'node:path';
import { analyze } from '../../server/src/analysis';
import { TODAY } from '../support/fixtures';
import { CORPORA, corpus, type Doc } from './accuracy';

interface Listed {
  corpus: string;
  route: string;
  stem: string;
  line: number;
  code: string;
  severity: string;
  message: string;
  text: string;
}

function option(argv: string[], name: string): string[] | null {
  const at = argv.indexOf(name);
  return at >= 0 && argv[at + 1] ? argv[at + 1]!.split(',') : null;
}

/** The false findings of one document (none when the document is not clean). */
export function falseFindings(doc: Doc & { stem?: string }, withWarnings: boolean): Listed[] {
  if (!doc.clean) return [];
  const lines = doc.text.split(/\r\n|\r|\n/);
  let result;
  try {
    result = analyze(doc.text, { today: TODAY });
  } catch (e) {
    return [{ corpus: doc.corpus, route: doc.route, stem: doc.stem ?? '', line: 0, code: 'threw', severity: 'error', message: String(e), text: '' }];
  }
  const out: Listed[] = [];
  for (const f of result.findings) {
    if (f.severity !== 'error' && !(withWarnings && f.severity === 'warning')) continue;
    const line = f.range.start.line;
    out.push({ corpus: doc.corpus, route: doc.route, stem: doc.stem ?? '', line: line + 1, code: f.code, severity: f.severity, message: f.message, text: (lines[line] ?? '').trimEnd() });
  }
  return out;
}

function main(argv: string[]): void {
  const only = option(argv, '--only') ?? ['pdf'];
  const routes = option(argv, '--route');
  const codes = option(argv, '--code');
  const files = option(argv, '--file');
  const withWarnings = argv.includes('--warnings');
  const summary = argv.includes('--summary');
  const unknown = only.filter((c) => !(CORPORA as readonly string[]).includes(c));
  if (unknown.length) {
    process.stderr.write(`unknown corpus: ${unknown.join(', ')} (one of ${CORPORA.join(', ')})\n`);
    process.exit(2);
  }
  const counts = new Map<string, Map<string, number>>();
  for (const name of only) {
    for (const doc of corpus(name as (typeof CORPORA)[number], 140)) {
      if (routes && !routes.includes(doc.route)) continue;
      const stem = doc.file ? path.basename(doc.file).split('.').slice(0, -2).join('.') : '';
      if (files && !files.some((f) => stem.startsWith(f))) continue;
      for (const l of falseFindings({ ...doc, stem }, withWarnings)) {
        if (codes && !codes.includes(l.code)) continue;
        const key = `${l.corpus}/${l.route}`;
        const per = counts.get(key) ?? new Map<string, number>();
        counts.set(key, per);
        per.set(`${l.severity} ${l.code}`, (per.get(`${l.severity} ${l.code}`) ?? 0) + 1);
        if (summary) continue;
        process.stdout.write(`${l.corpus}/${l.stem}.${l.route}.txt:${l.line} ${l.severity} ${l.code}: ${l.message}\n    | ${l.text}\n`);
      }
    }
  }
  for (const [key, per] of counts) {
    const list = [...per].sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c} ${n}`).join(', ');
    process.stdout.write(`${summary ? '' : '\n'}${key}: ${list}\n`);
  }
}

if (require.main === module) main(process.argv.slice(2));
