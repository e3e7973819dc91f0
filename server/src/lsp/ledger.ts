/**
 * The holdings ledger of the workspace: every filing in the workspace folders, open or not, read
 * once and kept as a compact extract per file; an open document's latest analysis stands for its
 * file. Changes come from the editor (open documents) and from `workspace/didChangeWatchedFiles`;
 * a changed file is read again only when its size or modification time moved.
 *
 * What it gives the editor: `ledger-break` findings on a balance that does not follow from the
 * previous filing (with a fix that writes the expected figure), `short-swing` findings on each
 * matched P/S row, and a hover on a balance that shows the entry it follows from, with a link.
 */
import { promises as fsp } from 'node:fs';
import { MarkupKind, type Hover } from 'vscode-languageserver';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { analyze, type AnalysisResult, type AnalyzeOptions, type Finding, type Position, type Range } from '../analysis';
import { decodeText } from '../cli/files';
import { buildLedger, ledgerCsv, ledgerFilings, ledgerJson, type Entry, type Group, type Ledger, type LedgerFiling, type SwingPair } from '../ledger';
import type { LedgerResult } from '../protocol';
import { describeError, type Logger } from './safe';

/** Extensions of files that may hold filings (as the CLI walks directories). */
export const FILING_EXTENSIONS = ['.txt', '.md', '.form3', '.form4', '.form5', '.filing'];
/** The watcher pattern for the same files. */
export const FILING_GLOB = '**/*.{txt,md,form3,form4,form5,filing}';
/** Bounds of the folder scan: files larger than this are no filing; beyond the count, the scan stops. */
const MAX_FILE_BYTES = 8 * 1024 * 1024;
const MAX_FILES = 50_000;
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', '.vscode-test', 'dist', 'out']);

interface DiskEntry {
  size: number;
  mtimeMs: number;
  filings: LedgerFiling[];
}

/** A balance the hover explains. */
interface BalanceSpot {
  range: Range;
  entry: Entry;
  group: Group;
}

export interface WorkspaceLedgerOptions {
  logger: Logger;
  analyzeOptions?: AnalyzeOptions;
  /** Called after a rebuild with the uris whose ledger findings changed. */
  onChanged?: (uris: ReadonlySet<string>) => void;
  /** Called after every rebuild (the Ledger view re-requests). */
  onRebuilt?: () => void;
  /** Delay between a change and the rebuild it triggers (changes in a burst cost one rebuild). */
  debounceMs?: number;
}

export class WorkspaceLedger {
  private readonly disk = new Map<string, DiskEntry>();
  private readonly open = new Map<string, LedgerFiling[]>();
  /** Analyses of open documents not yet read into the ledger (read at the next rebuild, off the keystroke path). */
  private readonly pendingOpen = new Map<string, AnalysisResult>();
  /** What each open document's extract was, to rebuild only when it changed. */
  private readonly openSignature = new Map<string, string>();
  /** Something changed since the last rebuild. */
  private dirty = true;
  private findings = new Map<string, Finding[]>();
  private signatures = new Map<string, string>();
  private spots = new Map<string, BalanceSpot[]>();
  private current: Ledger = { groups: [], unplaced: [] };
  private timer: NodeJS.Timeout | undefined;
  private disposed = false;
  /**
   * A folder scan is reading the workspace. Until it ends the ledger is not built: a balance
   * judged against half the folder names the wrong previous filing (and its fix writes a figure
   * the rest of the folder contradicts). Changes meanwhile wait for the scan's own rebuild.
   */
  private scanning = 0;
  /** Number of files read from disk (tests check that unchanged files are not read again). */
  reads = 0;

  constructor(private readonly options: WorkspaceLedgerOptions) {}

  get ledger(): Ledger {
    return this.current;
  }

  /** Reads every filing file under the folders (file: uris), then rebuilds. */
  async scanFolders(folderUris: readonly string[]): Promise<void> {
    this.scanning++;
    try {
      await this.readFolders(folderUris);
    } finally {
      this.scanning--;
    }
    this.rebuildNow();
  }

  private async readFolders(folderUris: readonly string[]): Promise<void> {
    let budget = MAX_FILES;
    for (const uri of folderUris) {
      const root = toPath(uri);
      if (!root) continue;
      const stack = [root];
      while (stack.length && budget > 0 && !this.disposed) {
        const dir = stack.pop()!;
        let names;
        try {
          names = await fsp.readdir(dir, { withFileTypes: true });
        } catch {
          continue; // unreadable folder: nothing of it in the ledger
        }
        names.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        for (const d of names) {
          const full = path.join(dir, d.name);
          if (d.isDirectory()) {
            if (!SKIPPED_DIRS.has(d.name) && !d.name.startsWith('.')) stack.push(full);
          } else if (d.isFile() && FILING_EXTENSIONS.includes(path.extname(d.name).toLowerCase())) {
            if (budget-- <= 0) break;
            await this.readFile(pathToFileURL(full).toString());
          }
        }
      }
    }
    if (budget <= 0) this.options.logger.info(`ledger: more than ${MAX_FILES} filing files in the workspace; the rest are not in the ledger`);
  }

  /** An open document's latest analysis stands for its file (cheap: read at the next rebuild). */
  updateOpen(uri: string, result: AnalysisResult): void {
    this.pendingOpen.set(uri, result);
    this.schedule();
  }

  /** A closed document: its file on disk counts again (read anew if it changed). */
  async closed(uri: string): Promise<void> {
    this.pendingOpen.delete(uri);
    this.openSignature.delete(uri);
    if (this.open.delete(uri)) this.dirty = true;
    await this.readFile(uri);
    this.schedule();
  }

  /** `workspace/didChangeWatchedFiles`: type 1 created, 2 changed, 3 deleted. */
  async filesChanged(changes: readonly { uri: string; type: number }[]): Promise<void> {
    for (const c of changes) {
      if (typeof c?.uri !== 'string') continue;
      if (c.type === 3) {
        if (this.disk.delete(c.uri)) this.dirty = true;
      } else await this.readFile(c.uri);
    }
    this.schedule();
  }

  /** Ledger findings of one document (rule levels not applied). */
  findingsFor(uri: string): Finding[] {
    return this.findings.get(uri) ?? [];
  }

  /** Uris that have ledger findings now. */
  urisWithFindings(): string[] {
    return [...this.findings.keys()];
  }

  /** The balance spot under the cursor, if the ledger has one. */
  spotAt(uri: string, position: Position): BalanceSpot | undefined {
    for (const s of this.spots.get(uri) ?? []) {
      const { start, end } = s.range;
      if (position.line === start.line && position.character >= start.character && position.character <= end.character) return s;
    }
    return undefined;
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
  }

  /** Builds the ledger now (tests, and the end of a scan); during a scan, at its end. */
  rebuildNow(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.scanning || this.disposed) return;
    try {
      this.rebuild();
    } catch (e) {
      this.options.logger.error(`ledger: rebuild failed: ${describeError(e)}`);
    }
  }

  private schedule(): void {
    if (this.disposed || this.scanning) return; // the scan rebuilds when it ends
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.rebuildNow(), this.options.debounceMs ?? 100);
  }

  private async readFile(uri: string): Promise<void> {
    const file = toPath(uri);
    if (!file || !FILING_EXTENSIONS.includes(path.extname(file).toLowerCase())) return;
    try {
      const st = await fsp.stat(file);
      if (!st.isFile() || st.size > MAX_FILE_BYTES) {
        if (this.disk.delete(uri)) this.dirty = true;
        return;
      }
      const old = this.disk.get(uri);
      if (old && old.size === st.size && old.mtimeMs === st.mtimeMs) return;
      const buf = await fsp.readFile(file);
      this.reads++;
      const decoded = decodeText(buf);
      if ('problem' in decoded) {
        if (this.disk.delete(uri)) this.dirty = true;
        return;
      }
      const filings = ledgerFilings(uri, analyze(decoded.text, this.options.analyzeOptions ?? {}));
      this.disk.set(uri, { size: st.size, mtimeMs: st.mtimeMs, filings });
      // Marked only now: a rebuild that ran while the file was being read did not include it.
      this.dirty = true;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') this.options.logger.error(`ledger: cannot read ${file}: ${describeError(e)}`);
      if (this.disk.delete(uri)) this.dirty = true;
    }
  }

  private rebuild(): void {
    for (const [uri, result] of this.pendingOpen) {
      const filings = ledgerFilings(uri, result);
      // An edit that moves no balance, no row and no header value changes nothing here.
      const signature = JSON.stringify(filings);
      if (this.openSignature.get(uri) !== signature) {
        this.openSignature.set(uri, signature);
        this.open.set(uri, filings);
        this.dirty = true;
      }
    }
    this.pendingOpen.clear();
    if (!this.dirty) return;
    this.dirty = false;
    const all: LedgerFiling[] = [];
    for (const [uri, entry] of this.disk) if (!this.open.has(uri)) all.push(...entry.filings);
    for (const filings of this.open.values()) all.push(...filings);
    this.current = buildLedger(all);
    const findings = new Map<string, Finding[]>();
    const spots = new Map<string, BalanceSpot[]>();
    const add = <T>(m: Map<string, T[]>, uri: string, x: T) => {
      const list = m.get(uri);
      if (list) list.push(x);
      else m.set(uri, [x]);
    };
    for (const g of this.current.groups) {
      for (const pos of g.positions) {
        for (const e of pos.entries) if (e.row.balanceRange) add(spots, e.filing.file, { range: e.row.balanceRange, entry: e, group: g });
      }
      for (const e of g.breaks) {
        const f = breakFinding(e);
        if (f) add(findings, e.filing.file, f);
      }
      const total = money(g.shortSwing.profitCents);
      // One finding per matched row, with every pair it is in (a row may match several).
      const byRow = new Map<Entry, SwingPair[]>();
      for (const p of g.shortSwing.pairs) {
        for (const side of [p.purchase, p.sale]) {
          const list = byRow.get(side.entry);
          if (list) list.push(p);
          else byRow.set(side.entry, [p]);
        }
      }
      for (const [entry, pairs] of byRow) {
        const describe = (p: SwingPair) =>
          `${num(p.shares)} shares bought at ${money(Math.round(p.purchase.price * 100))} on ${p.purchase.date} (${place(p.purchase.entry)}) and sold at ${money(Math.round(p.sale.price * 100))} on ${p.sale.date} (${place(p.sale.entry)}): ${money(p.profitCents)}`;
        const cents = pairs.reduce((t, p) => t + p.profitCents, 0);
        const what = pairs.length === 1
          ? `Section 16(b) short swing: ${describe(pairs[0]!)}, less than six months apart (lowest in, highest out; ${g.owner} in ${g.issuer}: ${total} in all).`
          : `Section 16(b) short swing: this row is in ${pairs.length} pairs less than six months apart, ${money(cents)} of profit: ${pairs.map(describe).join('; ')} (lowest in, highest out; ${g.owner} in ${g.issuer}: ${total} in all).`;
        add(findings, entry.filing.file, swingFinding(entry, what));
      }
    }
    // One finding per row and message; the same pair reaches a row once.
    for (const [uri, list] of findings) {
      const seen = new Set<string>();
      findings.set(uri, list.filter((f) => {
        const k = `${f.code}|${f.range.start.line}|${f.message}`;
        if (seen.has(k)) return false;
        seen.add(k);
        return true;
      }).sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character));
    }
    const signatures = new Map<string, string>();
    for (const [uri, list] of findings) signatures.set(uri, JSON.stringify(list.map((f) => [f.code, f.range, f.message, f.fixes])));
    const changed = new Set<string>();
    for (const uri of new Set([...signatures.keys(), ...this.signatures.keys()])) if (signatures.get(uri) !== this.signatures.get(uri)) changed.add(uri);
    this.findings = findings;
    this.signatures = signatures;
    this.spots = spots;
    if (changed.size) this.options.onChanged?.(changed);
    this.options.onRebuilt?.();
  }

  /** The ledger as the Ledger view reads it. */
  result(): LedgerResult {
    const json = ledgerJson(this.current);
    return { groups: json.groups, unplaced: json.unplaced, csv: ledgerCsv(this.current) };
  }
}

function toPath(uri: string): string | null {
  if (!uri.startsWith('file:')) return null;
  try {
    return fileURLToPath(uri);
  } catch {
    return null;
  }
}

function num(n: number | null): string {
  return n === null ? '?' : n.toLocaleString('en-US', { maximumFractionDigits: 4 });
}

function money(cents: number): string {
  return `$${(cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** "form4-2021-03.txt:41" of an entry (the file's base name; the hover carries the link). */
function place(e: Entry): string {
  const file = e.filing.file;
  const base = decodeURIComponent(file.slice(file.lastIndexOf('/') + 1));
  return `${base}:${(e.row.balanceRange ?? e.row.range).start.line + 1}`;
}

function oneLine(r: Range): Range {
  return r.start.line === r.end.line ? r : { start: r.start, end: { line: r.start.line, character: r.start.character + 1 } };
}

function pointer(e: Entry, field?: string): string {
  return `/nonDerivative/${e.row.index}${field ? `/${field}` : ''}`;
}

/** How the expected figure is written, in the style of the reported one ("12,500" or "12500"). */
export function writeLike(n: number, raw: string | null): string {
  const grouped = raw ? raw.includes(',') : Math.abs(n) >= 10000;
  return grouped ? n.toLocaleString('en-US', { maximumFractionDigits: 4 }) : String(n);
}

/**
 * The break of an entry whose previous entry is in another filing; a break inside one filing is
 * the `holding-arithmetic` rule's (one report, not two).
 */
function breakFinding(e: Entry): Finding | null {
  if (e.computed === null || e.row.reported === null || !e.prev) return null;
  if (e.prev.filing === e.filing && e.row.kind === 'transaction' && e.prev.row.kind === 'transaction' && e.computed >= 0) return null;
  const r = e.row;
  const how = r.kind === 'holding'
    ? `the balance ${num(e.prev.row.reported ?? e.prev.computed)} of ${place(e.prev)}`
    : `${num(e.prev.row.reported ?? e.prev.computed)} at ${place(e.prev)} ${r.acquiredDisposed === 'A' ? '+' : '−'} ${num(r.shares)}`;
  const range = oneLine(r.balanceRange ?? r.range);
  const text = writeLike(e.computed, r.balanceRaw);
  return {
    code: 'ledger-break',
    severity: 'warning',
    message: `Owned after this row is ${num(r.reported)}, but it follows from the previous filing as ${num(e.computed)} (${how}); check the amounts, or a transaction not reported.`,
    range,
    filing: e.filing.index,
    pointer: pointer(e, 'sharesOwnedFollowing'),
    fixes: r.balanceRange ? [{ title: `Change to ${text} (follows from the previous filing)`, edits: [{ range: r.balanceRange, newText: text }], isPreferred: false }] : [],
  };
}

function swingFinding(e: Entry, message: string): Finding {
  return { code: 'short-swing', severity: 'information', message, range: oneLine(e.row.range), filing: e.filing.index, pointer: pointer(e) };
}

/** Markdown for a hover on a balance: what it follows from, with a link to that row. */
export function balanceHover(spot: BalanceSpot): string {
  const e = spot.entry;
  const r = e.row;
  const lines = [`**Ledger** · ${escape(spot.group.owner)} in ${escape(spot.group.issuer)} · ${escape(r.security ?? '')} (${r.directOrIndirect}${r.nature ? `, ${escape(r.nature)}` : ''})`];
  if (!e.prev) {
    lines.push('', 'Opens this position: no earlier filing in the workspace reports it.');
  } else {
    const p = e.prev;
    const link = `${p.filing.file}#L${(p.row.balanceRange ?? p.row.range).start.line + 1}`;
    const prevBal = p.row.reported ?? p.computed;
    lines.push('', `Follows from [${escape(place(p))}](${link})${p.row.date ? ` (${p.row.date})` : ''}: ${num(prevBal)}`);
    if (r.kind === 'transaction' && e.computed !== null) lines.push('', `${num(prevBal)} ${r.acquiredDisposed === 'A' ? '+' : '−'} ${num(r.shares)} = **${num(e.computed)}**`);
    if (e.isBreak) lines.push('', `Reported ${num(r.reported)}: does not follow (off by ${num((r.reported ?? 0) - (e.computed ?? 0))}).`);
    else if (e.computed !== null) lines.push('', 'Reported as it follows. ✓');
  }
  return lines.join('\n');
}

/** A hover with the ledger's part after the balance's own (the whole hover when there is none). */
export function withLedgerHover(own: Hover | null, spot: BalanceSpot | undefined): Hover | null {
  if (!spot) return own;
  const first = own && typeof own.contents === 'object' && 'value' in own.contents ? `${own.contents.value}\n\n---\n\n` : '';
  return { contents: { kind: MarkupKind.Markdown, value: `${first}${balanceHover(spot)}` }, range: own?.range ?? spot.range };
}

function escape(text: string): string {
  return text.replace(/([\\`*_[\]<>|~])/g, '\\$1');
}
