/**
 * Turning command-line arguments into files: plain paths, directories (walked for filing
 * extensions) and globs (`*`, `**`, `?`, `{a,b}`), deduplicated, in a stable order.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const FILING_EXTENSIONS = ['.txt', '.md', '.form3', '.form4', '.form5', '.filing'];

export interface Expanded {
  files: string[];
  /** One-line problems (missing paths, globs matching nothing). */
  problems: string[];
}

function hasGlob(arg: string): boolean {
  return /[*?{[]/.test(arg);
}

/** Compiles a glob to a RegExp over '/'-separated paths. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const slash = glob[i + 2] === '/';
        re += slash ? '(?:.*/)?' : '.*';
        i += slash ? 2 : 1;
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '{') {
      const end = glob.indexOf('}', i);
      if (end < 0) re += '\\{';
      else {
        re += `(?:${glob.slice(i + 1, end).split(',').map((a) => a.replace(/[.+^$()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')).join('|')})`;
        i = end;
      }
    } else re += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

function walk(dir: string, out: string[], filter: (file: string) => boolean): void {
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
    const full = path.join(dir, e.name);
    if (e.isDirectory()) walk(full, out, filter);
    else if (e.isFile() && filter(full)) out.push(full);
  }
}

function isFilingFile(file: string): boolean {
  return FILING_EXTENSIONS.includes(path.extname(file).toLowerCase());
}

/** The static directory a glob starts from ("fixtures/**\/*.txt" → "fixtures"). */
function globRoot(glob: string): string {
  const parts = glob.split('/');
  const fixed: string[] = [];
  for (const p of parts) {
    if (hasGlob(p)) break;
    fixed.push(p);
  }
  return fixed.length ? fixed.join('/') || '/' : '.';
}

export function expandInputs(args: readonly string[]): Expanded {
  const files: string[] = [];
  const problems: string[] = [];
  for (const arg of args) {
    if (hasGlob(arg)) {
      const normalized = arg.split(path.sep).join('/');
      const re = globToRegExp(normalized.replace(/^\.\//, ''));
      const found: string[] = [];
      walk(globRoot(normalized), found, (f) => re.test(f.split(path.sep).join('/').replace(/^\.\//, '')));
      if (!found.length) problems.push(`${arg}: no file matches`);
      files.push(...found);
      continue;
    }
    let st;
    try {
      st = statSync(arg);
    } catch {
      problems.push(`${arg}: no such file or directory`);
      continue;
    }
    if (st.isDirectory()) {
      const found: string[] = [];
      walk(arg, found, isFilingFile);
      if (!found.length) problems.push(`${arg}: directory holds no filing files (${FILING_EXTENSIONS.join(' ')})`);
      files.push(...found);
    } else files.push(arg);
  }
  const seen = new Set<string>();
  const unique = files.filter((f) => {
    const key = path.resolve(f);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { files: unique, problems };
}

/** Text of a file, or why it is not one (binary content). Strips a UTF-8 BOM. */
export function decodeText(buf: Buffer): { text: string } | { problem: string } {
  const sample = buf.subarray(0, Math.min(buf.length, 65536));
  if (sample.includes(0)) return { problem: 'binary file (NUL bytes), not a text filing' };
  const text = buf.toString('utf8');
  const probe = text.slice(0, 65536);
  let bad = 0;
  for (let i = 0; i < probe.length; i++) if (probe.charCodeAt(i) === 0xfffd) bad++;
  if (probe.length > 0 && bad / probe.length > 0.1) return { problem: 'binary file (not UTF-8 text)' };
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}
