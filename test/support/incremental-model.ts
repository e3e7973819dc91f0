/**
 * Model-based testing of incremental analysis: random edit scripts applied, as an editor sends
 * them, to the server's document store (its line buffer, its incremental analyzer, its time-sliced
 * scheduling with edits queued mid-analysis, and the diagnostics converter's per-filing memory),
 * compared after every step with a fresh open of the same text. The model of the text is a plain
 * string edited by offsets: an oracle independent of the line buffer.
 *
 * A failing script is shrunk (whole notifications, then single changes, then inserted texts) to a
 * minimal one that still fails, and reported as JSON that `replay` runs again.
 */
import { isDeepStrictEqual } from 'node:util';
import assert from 'node:assert/strict';
import { analyze, type AnalysisResult, type ContentChange, type FilingOffload, type Range } from '../../server/src/analysis';
import { analyzeFiling } from '../../server/src/analysis/document';
import { DiagnosticConverter } from '../../server/src/lsp/diagnostics';
import { DocumentStore, type DocumentSnapshot } from '../../server/src/lsp/documents';
import { LineDocument } from '../../server/src/lsp/lineDocument';
import { documentSymbols, foldingRanges } from '../../server/src/lsp/outline';
import { Rng } from '../gen';

export const TODAY = new Date('2026-11-23T12:00:00Z');

/** One step: a notification of changes, then what the client does before the next one. */
export interface Step {
  changes: ContentChange[];
  /** 'check': wait for the analysis and compare; 'kick': start it and let one slice run; 'none': type on. */
  then: 'check' | 'kick' | 'none';
}

export interface Script {
  initial: string;
  steps: Step[];
}

// ---------------------------------------------------------------------------------------------
// The model: a string, edited the way the LSP specifies.

/** Start offsets of the lines of `text` (\r\n, \r and \n each end one) and their content lengths. */
function lineTable(text: string): { starts: number[]; lengths: number[] } {
  const starts = [0];
  const lengths: number[] = [];
  if (!text.includes('\r')) {
    // The common case, with the engine's fast search.
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      lengths.push(i - starts[starts.length - 1]!);
      starts.push(i + 1);
    }
  } else {
    const breaks = /\r\n?|\n/g;
    for (let m = breaks.exec(text); m; m = breaks.exec(text)) {
      lengths.push(m.index - starts[starts.length - 1]!);
      starts.push(m.index + m[0].length);
    }
  }
  lengths.push(text.length - starts[starts.length - 1]!);
  return { starts, lengths };
}

/** Offset of an LSP position, clamped into the text (past the end is the end). */
function offsetOf(table: { starts: number[]; lengths: number[] }, pos: { line: number; character: number }, textLength: number): number {
  const last = table.starts.length - 1;
  if (pos.line > last) return textLength;
  if (pos.line < 0) return 0;
  return table.starts[pos.line]! + Math.min(Math.max(0, pos.character), table.lengths[pos.line]!);
}

export function applyToModel(text: string, changes: readonly ContentChange[]): string {
  for (const c of changes) {
    if (!c.range) {
      text = c.text;
      continue;
    }
    const table = lineTable(text);
    const a = offsetOf(table, c.range.start, text.length);
    let b = offsetOf(table, c.range.end, text.length);
    if (b < a) b = a; // a reversed range inserts at its start
    text = text.slice(0, a) + c.text + text.slice(b);
  }
  return text;
}

function positionAt(table: { starts: number[] }, offset: number): { line: number; character: number } {
  let lo = 0;
  let hi = table.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (table.starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - table.starts[lo]! };
}

// ---------------------------------------------------------------------------------------------
// Random scripts.

const SNIPPETS = ['x', '4', ' ', '\t', '(1)', 'P', 'S', 'Q', '12/18/2014', '|', '│', '$', 'X', '☒', '<br>', '**', 'Γ', 'FORM 4', 'form345-disable ocr-text', 'form345-disable-next-line', '\n', '\r', '\r\n', '\n\n', ''];

/** Offsets where a filing starts in `text` (its title), for edits at filing boundaries. */
function titleOffsets(text: string): number[] {
  const out: number[] = [];
  const re = /^[ \t#*|]*(?:SEC\s+)?FORM\s+[345]\b/gim;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m.index);
  return out;
}

/** A random notification over `text` (1-3 changes; a later change may land in an earlier one's text). */
export function randomChanges(rng: Rng, text: string, filings: readonly string[], targetSize?: number): ContentChange[] {
  const changes: ContentChange[] = [];
  let model = text;
  const count = rng.chance(0.7) ? 1 : rng.int(2, 3);
  for (let k = 0; k < count; k++) {
    const table = lineTable(model);
    const boundaries = titleOffsets(model);
    const anywhere = () => rng.int(0, model.length);
    const boundary = () => (boundaries.length && rng.chance(0.7) ? Math.max(0, boundaries[rng.int(0, boundaries.length - 1)]! - rng.int(0, 3)) : anywhere());
    // The second change often lands inside what the first one inserted.
    const last = changes[changes.length - 1];
    const near = last?.range && rng.chance(0.6) ? offsetOf(table, last.range.start, model.length) + rng.int(0, last.text.length) : undefined;
    let start = near ?? anywhere();
    let end = start;
    let insert = '';
    // Around a target size, pastes and deletions keep the document near it.
    const kind = targetSize && model.length > 1.2 * targetSize ? 70 : targetSize && model.length < 0.8 * targetSize ? 55 : rng.int(0, 99);
    if (kind < 35) {
      // Typing: a character or a word, sometimes over a few characters.
      insert = rng.pick(SNIPPETS);
      if (rng.chance(0.3)) end = Math.min(model.length, start + rng.int(1, 5));
    } else if (kind < 50) {
      // A line break typed next to another one: \r before \n, \n after \r.
      const breaks: number[] = [];
      for (let i = model.indexOf('\n'); i >= 0 && breaks.length < 200; i = model.indexOf('\n', i + 1)) breaks.push(i);
      for (let i = model.indexOf('\r'); i >= 0 && breaks.length < 400; i = model.indexOf('\r', i + 1)) breaks.push(i + 1);
      if (breaks.length && near === undefined) start = end = rng.pick(breaks);
      insert = rng.pick(['\r', '\n', '\r\n', '\n\r', 'a\r']);
    } else if (kind < 65) {
      // A whole filing pasted at a filing boundary (or anywhere), with or without a break around it.
      start = end = near ?? boundary();
      const f = rng.pick(filings);
      insert = (rng.chance(0.5) ? '\n' : '') + f + (rng.chance(0.5) ? '\n' : '');
    } else if (kind < 80) {
      // Lines deleted across a filing boundary (or a random span).
      start = near ?? boundary();
      const span = rng.chance(0.5) ? rng.int(1, 400) : rng.int(400, 6000);
      end = Math.min(model.length, Math.max(start, start + rng.int(-span, span)));
      if (end < start) [start, end] = [end, start];
    } else if (kind < 90) {
      // Part of the text copied elsewhere (duplicated lines, half filings).
      start = end = near ?? anywhere();
      const from = rng.int(0, model.length);
      insert = model.slice(from, from + rng.int(0, 3000));
    } else if (kind < 94) {
      // A reversed range: the document reads it as an insertion at its start.
      end = Math.min(model.length, start + rng.int(1, 50));
      insert = rng.pick(SNIPPETS);
      const r: Range = { start: positionAt(table, end), end: positionAt(table, start) };
      changes.push({ range: r, text: insert });
      model = applyToModel(model, [changes[changes.length - 1]!]);
      continue;
    } else if (kind < 97) {
      // Whole-document replacement (a client without incremental sync, or a revert).
      const replacement = rng.chance(0.5) ? model : rng.pick(filings) + '\n' + model.slice(0, rng.int(0, model.length));
      changes.push({ text: replacement });
      model = replacement;
      continue;
    } else {
      insert = rng.pick(['form345-disable-next-line late-filing\n', 'form345-disable ocr-text\n', 'form345-disable\n']);
      start = end = model.lastIndexOf('\n', start) + 1;
    }
    start = Math.min(start, model.length);
    end = Math.min(Math.max(end, start), model.length);
    // Never split a \r\n pair: positions cannot address its middle.
    const safe = (o: number) => (model[o - 1] === '\r' && model[o] === '\n' ? o + 1 : o);
    start = safe(start);
    end = Math.max(start, safe(end));
    const change: ContentChange = { range: { start: positionAt(table, start), end: positionAt(table, end) }, text: insert };
    changes.push(change);
    model = model.slice(0, start) + insert + model.slice(end);
  }
  return changes;
}

export function randomScript(rng: Rng, initial: string, filings: readonly string[], steps: number, checkEvery = 2): Script {
  const out: Step[] = [];
  let text = initial;
  for (let i = 0; i < steps; i++) {
    // Large documents stay near their size (each fresh analysis costs what the text costs).
    const changes = randomChanges(rng, text, filings, initial.length > 100_000 ? initial.length : undefined);
    text = applyToModel(text, changes);
    out.push({ changes, then: rng.chance(1 / checkEvery) ? 'check' : rng.chance(0.5) ? 'kick' : 'none' });
  }
  return { initial, steps: out };
}

// ---------------------------------------------------------------------------------------------
// Running a script against the server's store and comparing with a fresh open.

function freshSnapshot(text: string, result: AnalysisResult): DocumentSnapshot {
  return { uri: 'file:///model', version: 0, languageId: 'form345', document: new LineDocument('file:///model', 'form345', 0, text), result, declined: false };
}

/**
 * What the editor sees of a snapshot, as JSON text: the text, the diagnostics as published,
 * outline, folding, and the whole analysis (records, spans, findings).
 */
function view(snap: DocumentSnapshot, converter: DiagnosticConverter): string {
  const published = JSON.parse(JSON.stringify(converter.convert(snap, {}))) as { diagnostics: unknown };
  return JSON.stringify({
    text: snap.document.getText(),
    diagnostics: published.diagnostics,
    outline: documentSymbols(snap),
    folding: foldingRanges(snap),
    result: snap.result,
  });
}

/** Runs a script; returns the first difference from a fresh open (or an error), or null. */
export interface RunOptions {
  sliceMs?: number;
  /** Filings analysed asynchronously (as on the server's worker), so edits land while one is away. */
  offload?: FilingOffload;
}

/**
 * An offload that analyses in this thread after a timer turn: the store's waiting path (edits
 * queued while a filing is away, the analysis resumed with its result) without a worker.
 */
export function deferredOffload(minLines: number): FilingOffload {
  return {
    minLines,
    run: (lines, base, index) => new Promise((resolve) => setTimeout(() => resolve(analyzeFiling(lines, base, index, { today: TODAY })), 0)),
  };
}

/** Filings answered before their document's analysis and checked (tests assert some were). */
export let quickChecked = 0;

export async function runScript(script: Script, opts: RunOptions = {}): Promise<string | null> {
  const errors: string[] = [];
  const store = new DocumentStore({
    logger: { error: (m) => errors.push(m), info: () => undefined },
    debounceMs: 0,
    sliceMs: opts.sliceMs ?? 0.05,
    analyzeOptions: { today: TODAY },
    ...(opts.offload ? { offload: opts.offload } : {}),
  });
  const uri = 'file:///doc';
  const converter = new DiagnosticConverter();
  let text = script.initial;
  let version = 1;
  store.open(uri, 'form345', version, text);
  try {
    const compare = async (at: string): Promise<string | null> => {
      const snap = await store.snapshot(uri);
      if (errors.length) return `${at}: the server logged ${errors[0]}`;
      if (!snap) return `${at}: no snapshot`;
      const want = view(freshSnapshot(text, analyze(text, { today: TODAY })), new DiagnosticConverter());
      const got = view(snap, converter);
      // Comparing the JSON text is much cheaper on a large document; the assertion explains.
      if (got === want) return null;
      try {
        assert.deepStrictEqual(JSON.parse(got), JSON.parse(want));
      } catch (err) {
        return `${at}: differs from a fresh open\n${String((err as Error).message).slice(0, 3000)}`;
      }
      return null;
    };
    const first = await compare('after open');
    if (first) return first;
    for (let i = 0; i < script.steps.length; i++) {
      const step = script.steps[i]!;
      store.change(uri, ++version, step.changes);
      text = applyToModel(text, step.changes);
      if (step.then === 'check') {
        // Before the analysis: a filing answered from the last one (as a hover is) must be the
        // filing a fresh open gives at that line, index and shifted spans included.
        const lineCount = text.split(/\r\n|\r|\n/).length;
        const quick: { line: number; json: string }[] = [];
        for (let k = 0; k < 8; k++) {
          const line = Math.floor((k / 8) * lineCount);
          const snap = store.filingSnapshot(uri, line);
          if (snap && snap.version === version && snap !== store.latest(uri)) quick.push({ line, json: JSON.stringify(snap.result.filings) });
        }
        const d = await compare(`after step ${i}`);
        if (d) return d;
        if (quick.length) {
          const fresh = analyze(text, { today: TODAY });
          for (const q of quick) {
            // The filing whose segment holds the line: the last to start at or above it.
            const at = fresh.filings.filter((f) => f.range.start.line <= q.line).pop();
            if (!isDeepStrictEqual(JSON.parse(q.json), JSON.parse(JSON.stringify(at ? [at] : [])))) return `after step ${i}: the filing at line ${q.line} answered before the analysis differs from a fresh open\n${q.json.slice(0, 300)}\n${JSON.stringify(at).slice(0, 300)}`;
          }
          quickChecked += quick.length;
        }
      } else if (step.then === 'kick') {
        void store.snapshot(uri);
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
    return await compare('at the end');
  } catch (err) {
    return `threw: ${(err as Error).stack ?? String(err)}`;
  } finally {
    store.dispose();
  }
}

/** The smallest script found that still fails (greedy: chunks of steps, single changes, texts). */
export async function shrink(script: Script, opts: RunOptions & { budgetMs?: number } = {}): Promise<Script> {
  const deadline = Date.now() + (opts.budgetMs ?? 60_000);
  const fails = async (s: Script) => Date.now() < deadline && (await runScript(s, opts)) !== null;
  let best = script;
  for (let chunk = Math.max(1, best.steps.length >> 1); chunk >= 1; chunk >>= 1) {
    for (let i = 0; i < best.steps.length; ) {
      const candidate = { ...best, steps: [...best.steps.slice(0, i), ...best.steps.slice(i + chunk)] };
      if (await fails(candidate)) best = candidate;
      else i += chunk;
    }
  }
  // Every step checks; fewer changes per notification; shorter inserted texts.
  for (let i = 0; i < best.steps.length; i++) {
    const step = best.steps[i]!;
    if (step.then !== 'check') {
      const candidate = { ...best, steps: best.steps.map((s, k) => (k === i ? { ...s, then: 'check' as const } : s)) };
      if (await fails(candidate)) best = candidate;
    }
    for (let c = 0; c < best.steps[i]!.changes.length && best.steps[i]!.changes.length > 1; ) {
      const changes = best.steps[i]!.changes.filter((_, k) => k !== c);
      const candidate = { ...best, steps: best.steps.map((s, k) => (k === i ? { ...s, changes } : s)) };
      if (await fails(candidate)) best = candidate;
      else c++;
    }
    for (let c = 0; c < best.steps[i]!.changes.length; c++) {
      for (;;) {
        const t = best.steps[i]!.changes[c]!.text;
        if (t.length <= 1) break;
        let shorter: Script | undefined;
        for (const cut of [t.slice(0, t.length >> 1), t.slice(t.length >> 1)]) {
          const changes = best.steps[i]!.changes.map((x, k) => (k === c ? { ...x, text: cut } : x));
          const candidate = { ...best, steps: best.steps.map((s, k) => (k === i ? { ...s, changes } : s)) };
          if (await fails(candidate)) {
            shorter = candidate;
            break;
          }
        }
        if (!shorter) break;
        best = shorter;
      }
    }
  }
  return best;
}

/** The script cut after its first `changes` changes (a notification cut in the middle keeps its first ones). */
export function firstChanges(script: Script, changes: number): Script {
  const steps: Step[] = [];
  let left = changes;
  for (const step of script.steps) {
    if (left <= 0) break;
    const kept = step.changes.slice(0, left);
    steps.push({ ...step, changes: kept });
    left -= kept.length;
  }
  return { ...script, steps };
}

/**
 * Runs random scripts over one document; throws with the shrunk script when one fails. With
 * `changes`, scripts are run until exactly that many changes were made (the last one cut short),
 * however many `scripts` that takes; without it, `scripts` scripts.
 */
export async function property(
  opts: RunOptions & { name: string; initial: string; filings: readonly string[]; seed: string; scripts: number; steps: number; checkEvery?: number; changes?: number; log?: (m: string) => void },
): Promise<number> {
  const rng = new Rng(opts.seed);
  let edits = 0;
  const total = opts.changes;
  for (let s = 0; total !== undefined ? edits < total : s < opts.scripts; s++) {
    let script = randomScript(rng.fork(`script ${s}`), opts.initial, opts.filings, opts.steps, opts.checkEvery);
    if (total !== undefined) script = firstChanges(script, total - edits);
    const failure = await runScript(script, opts);
    edits += script.steps.reduce((n, st) => n + st.changes.length, 0);
    opts.log?.(`${opts.name}: script ${s + 1}${total === undefined ? `/${opts.scripts}` : ''}, ${edits}${total === undefined ? '' : `/${total}`} changes, ${failure ? 'FAILED' : 'ok'}`);
    if (failure) {
      const small = await shrink(script, opts);
      const why = (await runScript(small, opts)) ?? failure;
      const shown = JSON.stringify({ ...small, initial: small.initial.length > 2000 ? `<${small.initial.length} characters>` : small.initial }, null, 1);
      throw new Error(`${opts.name}, seed ${opts.seed}, script ${s}: ${why.slice(0, 1500)}\nminimal script (${small.steps.length} steps):\n${shown.slice(0, 8000)}`);
    }
  }
  return edits;
}
