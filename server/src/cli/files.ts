/**
 * Turning command-line arguments into files, and file bytes into text.
 *
 * Arguments are plain paths, directories (walked recursively for filing extensions) and globs
 * quoted past the shell: `*` and `?` within one path segment, `**` across segments, `{a,b}`
 * alternatives (nested too), `[abc]`/`[a-z]`/`[!a]` classes and `\` to escape. Files come out
 * deduplicated, in a stable order: arguments in the order given, each directory or glob's
 * matches sorted by path.
 */
import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';

export const FILING_EXTENSIONS = ['.txt', '.md', '.form3', '.form4', '.form5', '.filing'];

export interface InputFile {
  /** The path as printed in messages: as typed, or joined from the directory typed. */
  file: string;
  /** Bytes, from stat (0 for stdin). */
  size: number;
}

export interface Expanded {
  files: InputFile[];
  /** One-line problems (missing paths, globs matching nothing, empty directories). */
  problems: string[];
}

/** The name of standard input among the arguments. */
export const STDIN = '-';

// ---------------------------------------------------------------------------------------------
// Globs
// ---------------------------------------------------------------------------------------------

/** True when the argument has glob syntax (an unescaped `*`, `?`, `[` or `{`). */
export function hasGlob(arg: string): boolean {
  for (let i = 0; i < arg.length; i++) {
    const c = arg[i];
    if (c === '\\') i++;
    else if (c === '*' || c === '?' || c === '[' || c === '{') return true;
  }
  return false;
}

/** Expands `{a,b}` alternatives (nested, several groups) into plain patterns, left to right. */
export function expandBraces(glob: string): string[] {
  let depth = 0;
  let open = -1;
  const commas: number[] = [];
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '[') {
      const close = classEnd(glob, i);
      if (close > 0) {
        i = close;
        continue;
      }
    }
    if (c === '{') {
      if (depth++ === 0) open = i;
    } else if (c === '}' && depth > 0) {
      if (--depth === 0) {
        if (!commas.length) {
          // `{x}` without a comma is literal text, as in the shells.
          const rest = expandBraces(glob.slice(i + 1));
          const head = glob.slice(0, i + 1);
          return rest.map((r) => head + r);
        }
        const head = glob.slice(0, open);
        const bounds = [open, ...commas, i];
        const tails = expandBraces(glob.slice(i + 1));
        const out: string[] = [];
        for (let k = 0; k + 1 < bounds.length; k++) {
          for (const alt of expandBraces(glob.slice(bounds[k]! + 1, bounds[k + 1]))) for (const t of tails) out.push(head + alt + t);
        }
        return out;
      }
    } else if (c === ',' && depth === 1) commas.push(i);
  }
  return [glob];
}

/** Index of the `]` closing a class opened at `start`, or -1 when it is a literal `[`. */
function classEnd(glob: string, start: number): number {
  let i = start + 1;
  if (glob[i] === '!' || glob[i] === '^') i++;
  if (glob[i] === ']') i++;
  for (; i < glob.length; i++) {
    if (glob[i] === '/') return -1;
    if (glob[i] === ']') return i;
  }
  return -1;
}

const REGEX_SPECIAL = /[.+^$()|{}[\]\\*?]/g;

/** One path segment of a glob (no `/`, braces expanded) as an anchored RegExp source. */
function segmentSource(seg: string): string {
  let re = '';
  for (let i = 0; i < seg.length; i++) {
    const c = seg[i]!;
    if (c === '\\' && i + 1 < seg.length) re += seg[++i]!.replace(REGEX_SPECIAL, '\\$&');
    else if (c === '*') {
      while (seg[i + 1] === '*') i++;
      re += '.*';
    } else if (c === '?') re += '.';
    else if (c === '[') {
      const close = classEnd(seg, i);
      if (close < 0) re += '\\[';
      else {
        let body = seg.slice(i + 1, close);
        let negate = false;
        if (body[0] === '!' || body[0] === '^') {
          negate = true;
          body = body.slice(1);
        }
        re += `[${negate ? '^' : ''}${body.replace(/[\\\]^]/g, '\\$&')}]`;
        i = close;
      }
    } else re += c.replace(REGEX_SPECIAL, '\\$&');
  }
  return re;
}

type Segment = { kind: 'globstar' } | { kind: 'literal'; name: string } | { kind: 'pattern'; re: RegExp; dot: boolean };

function compileSegment(seg: string): Segment {
  if (seg === '**') return { kind: 'globstar' };
  if (!hasGlob(seg)) return { kind: 'literal', name: seg.replace(/\\(.)/g, '$1') };
  // `*` and `?` do not match a leading dot unless the pattern starts with one.
  return { kind: 'pattern', re: new RegExp(`^${segmentSource(seg)}$`), dot: seg.startsWith('.') };
}

/** A compiled glob (braces already expanded): the fixed directory it starts from, then segments. */
interface CompiledGlob {
  root: string;
  segments: Segment[];
}

function compileGlob(glob: string): CompiledGlob {
  const parts = glob.split('/');
  const fixed: string[] = [];
  let i = 0;
  for (; i < parts.length - 1 && !hasGlob(parts[i]!); i++) fixed.push(parts[i]!.replace(/\\(.)/g, '$1'));
  let root = fixed.join('/');
  if (fixed.length === 1 && fixed[0] === '') root = '/';
  const segments = parts
    .slice(i)
    .filter((p) => p !== '')
    .map(compileSegment)
    // `**/**` is `**`.
    .filter((s, k, all) => !(s.kind === 'globstar' && all[k - 1]?.kind === 'globstar'));
  return { root, segments };
}

/** Tests a '/'-separated path against a glob: the same rules the file walk applies. */
export function globMatches(glob: string, file: string): boolean {
  const parts = file.split('/').filter((p, k) => p !== '' || k === 0);
  return expandBraces(glob).some((g) => {
    const { root, segments } = compileGlob(g);
    const rootParts = root === '' ? [] : root === '/' ? [''] : root.split('/');
    for (let k = 0; k < rootParts.length; k++) if (parts[k] !== rootParts[k]) return false;
    return matchFrom(segments, 0, parts, rootParts.length);
  });
}

function nameMatches(seg: Segment, name: string): boolean {
  if (seg.kind === 'literal') return seg.name === name;
  if (seg.kind === 'pattern') return (seg.dot || !name.startsWith('.')) && seg.re.test(name);
  return !name.startsWith('.');
}

function matchFrom(segments: readonly Segment[], si: number, parts: readonly string[], pi: number): boolean {
  if (si === segments.length) return pi === parts.length;
  const seg = segments[si]!;
  if (seg.kind === 'globstar') {
    for (let k = pi; k <= parts.length; k++) {
      if (matchFrom(segments, si + 1, parts, k)) return true;
      if (k < parts.length && !nameMatches(seg, parts[k]!)) return false;
    }
    return false;
  }
  return pi < parts.length && nameMatches(seg, parts[pi]!) && matchFrom(segments, si + 1, parts, pi + 1);
}

function readDir(dir: string): Dirent[] {
  try {
    return readdirSync(dir === '' ? '.' : dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

function joinPath(dir: string, name: string): string {
  if (dir === '' || dir === '.') return name;
  return dir.endsWith('/') ? dir + name : `${dir}/${name}`;
}

/** Kind of a directory entry, following symbolic links. */
function entryKind(dir: string, e: Dirent): 'file' | 'dir' | null {
  if (e.isFile()) return 'file';
  if (e.isDirectory()) return 'dir';
  if (e.isSymbolicLink()) {
    try {
      const st = statSync(joinPath(dir, e.name));
      return st.isFile() ? 'file' : st.isDirectory() ? 'dir' : null;
    } catch {
      return null;
    }
  }
  return null;
}

/** Real path of a directory, to walk each one once even through symbolic-link loops. */
function realDir(dir: string): string {
  try {
    return realpathSync(dir === '' ? '.' : dir);
  } catch {
    return path.resolve(dir);
  }
}

/** Files matching a compiled glob, walking only the directories the pattern can reach. */
function globFiles(g: CompiledGlob, out: string[]): void {
  const seen = new Set<string>();
  const visit = (dir: string, si: number): void => {
    const key = `${si}\0${realDir(dir)}`;
    if (seen.has(key)) return;
    seen.add(key);
    const seg = g.segments[si];
    if (!seg) return;
    const last = si === g.segments.length - 1;
    if (seg.kind === 'globstar') {
      if (last) {
        // A trailing `**` matches every file below.
        for (const e of readDir(dir)) {
          if (e.name.startsWith('.') || e.name === 'node_modules') continue;
          const kind = entryKind(dir, e);
          if (kind === 'file') out.push(joinPath(dir, e.name));
          else if (kind === 'dir') visit(joinPath(dir, e.name), si);
        }
        return;
      }
      visit(dir, si + 1);
      for (const e of readDir(dir)) {
        if (e.name.startsWith('.') || e.name === 'node_modules') continue;
        if (entryKind(dir, e) === 'dir') visit(joinPath(dir, e.name), si);
      }
      return;
    }
    if (seg.kind === 'literal') {
      const full = joinPath(dir, seg.name);
      let st;
      try {
        st = statSync(full === '' ? '.' : full);
      } catch {
        return;
      }
      if (last ? st.isFile() : st.isDirectory()) last ? out.push(full) : visit(full, si + 1);
      return;
    }
    for (const e of readDir(dir)) {
      if (!nameMatches(seg, e.name)) continue;
      const kind = entryKind(dir, e);
      if (last && kind === 'file') out.push(joinPath(dir, e.name));
      else if (!last && kind === 'dir') visit(joinPath(dir, e.name), si + 1);
    }
  };
  if (g.segments.length === 0) return;
  visit(g.root, 0);
}

// ---------------------------------------------------------------------------------------------
// Directories and arguments
// ---------------------------------------------------------------------------------------------

export function isFilingFile(file: string): boolean {
  return FILING_EXTENSIONS.includes(path.extname(file).toLowerCase());
}

/** Filing files below a directory; hidden entries and node_modules are skipped. */
function walk(dir: string, out: string[], seen = new Set<string>()): void {
  const real = realDir(dir);
  if (seen.has(real)) return;
  seen.add(real);
  for (const e of readDir(dir)) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const full = path.join(dir, e.name);
    const kind = entryKind(dir, e);
    if (kind === 'dir') walk(full, out, seen);
    else if (kind === 'file' && isFilingFile(e.name)) out.push(full);
  }
}

function byPath(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

export function expandInputs(args: readonly string[]): Expanded {
  const files: string[] = [];
  const problems: string[] = [];
  for (const arg of args) {
    if (arg === STDIN) {
      files.push(STDIN);
      continue;
    }
    if (hasGlob(arg)) {
      const normalized = path.sep === '\\' ? arg.split(path.sep).join('/') : arg;
      const found: string[] = [];
      for (const g of expandBraces(normalized)) globFiles(compileGlob(g.replace(/^(\.\/)+/, '')), found);
      if (!found.length) {
        // A file whose name holds glob characters, given literally.
        if (existsAsFile(arg)) files.push(arg);
        else problems.push(`${arg}: no file matches`);
        continue;
      }
      files.push(...[...new Set(found)].sort(byPath));
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
      walk(arg, found);
      if (!found.length) problems.push(`${arg}: directory holds no filing files (${FILING_EXTENSIONS.join(' ')})`);
      files.push(...found.sort(byPath));
    } else files.push(arg);
  }
  const seen = new Set<string>();
  const unique: InputFile[] = [];
  for (const f of files) {
    const key = f === STDIN ? STDIN : path.resolve(f);
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push({ file: f, size: f === STDIN ? 0 : sizeOf(f) });
  }
  return { files: unique, problems };
}

function existsAsFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Bytes to text
// ---------------------------------------------------------------------------------------------

export type Decoded = { text: string; note?: string } | { problem: string };

const utf8Strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Bytes that are not UTF-8, counted over a sample: lone continuation bytes, bad leads, truncations. */
function invalidUtf8Bytes(buf: Uint8Array): number {
  let bad = 0;
  for (let i = 0; i < buf.length; ) {
    const b = buf[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) {
      bad++;
      i++;
      continue;
    }
    let ok = true;
    for (let k = 1; k <= need; k++) if (i + k >= buf.length || (buf[i + k]! & 0xc0) !== 0x80) ok = false;
    if (ok) i += need + 1;
    else {
      bad++;
      i++;
    }
  }
  return bad;
}

/**
 * Which UTF-16 a text without a BOM is in, from where its NUL bytes fall: text of Latin letters
 * in UTF-16 has a zero byte in nearly every code unit, always on the same side (the high byte),
 * while binary data has its zeros anywhere.
 */
function utf16WithoutBom(sample: Uint8Array): 'le' | 'be' | null {
  const units = sample.length >> 1;
  if (units < 2) return null;
  let zeroLow = 0;
  let zeroHigh = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0) zeroLow++;
    if (sample[i + 1] === 0) zeroHigh++;
  }
  if (zeroHigh >= units * 0.5 && zeroLow <= units * 0.02) return 'le';
  if (zeroLow >= units * 0.5 && zeroHigh <= units * 0.02) return 'be';
  return null;
}

/**
 * Text of a file, or why it is not one. UTF-8 (a BOM is stripped), UTF-16 with a BOM or without
 * one (told by where its zero bytes fall), and
 * single-byte text with a few non-UTF-8 bytes (read as Windows-1252, with a note) are text;
 * NUL bytes, many control bytes or mostly invalid UTF-8 are binary.
 */
export function decodeText(buf: Buffer): Decoded {
  if (buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))) {
    const le = buf[0] === 0xff;
    const body = buf.subarray(2, 2 + ((buf.length - 2) & ~1));
    const text = le ? body.toString('utf16le') : Buffer.from(body).swap16().toString('utf16le');
    return { text };
  }
  const start = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  const sample = buf.subarray(start, Math.min(buf.length, start + 65536));
  const utf16 = start === 0 ? utf16WithoutBom(sample) : null;
  if (utf16) {
    const body = buf.subarray(0, buf.length & ~1);
    const text = utf16 === 'le' ? body.toString('utf16le') : Buffer.from(body).swap16().toString('utf16le');
    // Decoded, it must read as text: no NUL characters, few controls.
    let control = 0;
    const head = text.slice(0, 32768);
    for (let i = 0; i < head.length; i++) {
      const c = head.charCodeAt(i);
      if (c === 0 || (c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12 && c !== 11)) control++;
    }
    if (control <= head.length * 0.01) return { text };
  }
  if (sample.includes(0)) return { problem: 'binary file (NUL bytes), not a text filing' };
  let control = 0;
  for (const b of sample) if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x0b && b !== 0x1b) || b === 0x7f) control++;
  if (sample.length && control / sample.length > 0.1) return { problem: 'binary file (control bytes), not a text filing' };
  const body = buf.subarray(start);
  try {
    return { text: utf8Strict.decode(body) };
  } catch {
    // not valid UTF-8: see below
  }
  let high = 0;
  for (const b of sample) if (b >= 0x80) high++;
  const bad = invalidUtf8Bytes(sample);
  // Mostly invalid UTF-8 among the non-ASCII bytes and many of them: binary.
  if (bad / Math.max(1, sample.length) > 0.3 || (high > 64 && bad / high > 0.5 && high / sample.length > 0.3)) return { problem: 'binary file (not UTF-8 text)' };
  if (bad / Math.max(1, high) > 0.5) return { text: new TextDecoder('windows-1252').decode(body), note: 'not UTF-8; read as Windows-1252' };
  return { text: body.toString('utf8'), note: `${bad} invalid UTF-8 byte${bad === 1 ? '' : 's'} replaced` };
}
