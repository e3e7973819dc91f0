/**
 * A large value sent between threads as JSON in pieces, so the side that receives it can rebuild it
 * a piece at a time between other work instead of in one long `JSON.parse`.
 *
 * The sender cuts the value where JSON allows: an array into runs of items, a plain object into its
 * properties, each cut only where a piece would otherwise exceed `maxChars`; what is left is one
 * piece of JSON text. The pieces are written as UTF-8 into one buffer (transferred, not copied) and
 * described by a small plan. The receiver decodes and parses one piece per `step()`, and assembles
 * the value when the last is read. The result is exactly `JSON.parse(JSON.stringify(value))`.
 */

/** A piece of JSON text at bytes [at, at + length) of the buffer. */
export interface JsonPiece {
  at: number;
  length: number;
}

/**
 * How a value was cut: one piece; an array from runs of its items (a piece is an array of items,
 * spread back; any other plan is one item); an object from runs of its properties (a piece without
 * a key is an object of properties, merged back; one with a key is that property's value).
 */
export type ChunkPlan = { json: JsonPiece } | { items: ChunkPlan[] } | { props: { key?: string; plan: ChunkPlan }[] };

export interface ChunkedJson {
  plan: ChunkPlan;
  /** The pieces' UTF-8, back to back. */
  buffer: ArrayBuffer;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  // An object with toJSON (a Date) is written as JSON.stringify writes it: whole.
  return (proto === Object.prototype || proto === null) && typeof (v as { toJSON?: unknown }).toJSON !== 'function';
}

/** How a value is cut, before the pieces are written (same shape as {@link ChunkPlan}). */
type Draft = { text: string } | { items: Draft[] } | { props: { key?: string; plan: Draft }[] };

/** What JSON.stringify leaves out of an object (and writes as null in an array). */
function unwritable(v: unknown): boolean {
  return v === undefined || typeof v === 'function' || typeof v === 'symbol';
}

/** Values with more entries than this are cut without first writing them whole (they are seldom small). */
const MANY = 64;

/**
 * `value` cut into pieces of at most about `maxChars` characters (a single string, or a value with
 * its own toJSON, larger than that stays one piece). Values JSON cannot hold behave as in
 * JSON.stringify: an undefined property is left out, an undefined array item is null.
 */
export function encodeChunked(value: unknown, maxChars = 64 * 1024): ChunkedJson {
  const draft = cut(value, maxChars);
  const texts: string[] = [];
  const collect = (d: Draft): void => {
    if ('text' in d) texts.push(d.text);
    else if ('items' in d) d.items.forEach(collect);
    else for (const p of d.props) collect(p.plan);
  };
  collect(draft);
  let total = 0;
  const sizes = texts.map((t) => {
    const n = Buffer.byteLength(t, 'utf8');
    total += n;
    return n;
  });
  const bytes = Buffer.from(new ArrayBuffer(total));
  let at = 0;
  const pieces: JsonPiece[] = texts.map((t, i) => {
    bytes.write(t, at, 'utf8');
    const piece = { at, length: sizes[i]! };
    at += sizes[i]!;
    return piece;
  });
  let next = 0;
  const place = (d: Draft): ChunkPlan =>
    'text' in d
      ? { json: pieces[next++]! }
      : 'items' in d
        ? { items: d.items.map(place) }
        : { props: d.props.map((p) => (p.key === undefined ? { plan: place(p.plan) } : { key: p.key, plan: place(p.plan) })) };
  return { plan: place(draft), buffer: bytes.buffer as ArrayBuffer };
}

/**
 * A value small enough is written whole (values of few entries are tried whole first). Otherwise
 * an array becomes runs of items and an object runs of properties, each run one piece of at most
 * `maxChars`; an item or property too large alone is cut further. Each entry of a large value is
 * written once, and joined into its run's text.
 */
function cut(value: unknown, maxChars: number): Draft {
  const isArray = Array.isArray(value);
  if (!isArray && !isPlainObject(value)) return { text: JSON.stringify(value) ?? 'null' };
  const entries: [string | undefined, unknown][] = isArray
    ? (value as unknown[]).map((v) => [undefined, unwritable(v) ? null : v])
    : Object.entries(value as Record<string, unknown>).filter(([, v]) => !unwritable(v));
  if (entries.length <= MANY) {
    const whole = JSON.stringify(value);
    if (whole.length <= maxChars) return { text: whole };
  }
  const [open, close] = isArray ? ['[', ']'] : ['{', '}'];
  const runs: { key?: string; plan: Draft }[] = [];
  let run: string[] = [];
  let size = 0;
  const flush = (): void => {
    if (run.length) runs.push({ plan: { text: `${open}${run.join(',')}${close}` } });
    run = [];
    size = 0;
  };
  for (const [key, v] of entries) {
    const d = cut(v, maxChars);
    if (!('text' in d)) {
      flush();
      runs.push(key === undefined ? { plan: d } : { key, plan: d });
      continue;
    }
    const text = key === undefined ? d.text : `${JSON.stringify(key)}:${d.text}`;
    if (run.length && size + text.length > maxChars) flush();
    run.push(text);
    size += text.length + 1;
  }
  flush();
  // A value whose entries all fit one run is one piece after all.
  if (runs.length === 1 && 'text' in runs[0]!.plan) return runs[0]!.plan;
  if (runs.length === 0) return { text: `${open}${close}` };
  return isArray ? { items: runs.map((r) => r.plan) } : { props: runs };
}

/** `out[key] = value`, as JSON.parse sets it: "__proto__" is an own property, never the prototype. */
function setOwn(out: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  else out[key] = value;
}

/**
 * Rebuilds a {@link ChunkedJson} one piece per {@link step}; {@link value} once `done`.
 * Pieces are read in the order they were written, so the buffer is walked once.
 */
export class ChunkedJsonReader {
  private readonly bytes: Uint8Array;
  private readonly decoder = new TextDecoder();
  /** Parsed pieces, in plan order. */
  private readonly parsed: unknown[] = [];
  private readonly pieces: JsonPiece[] = [];
  private result: unknown;
  private assembled = false;

  constructor(private readonly chunked: ChunkedJson) {
    this.bytes = new Uint8Array(chunked.buffer);
    const collect = (p: ChunkPlan): void => {
      if ('json' in p) this.pieces.push(p.json);
      else if ('items' in p) p.items.forEach(collect);
      else for (const x of p.props) collect(x.plan);
    };
    collect(chunked.plan);
  }

  get done(): boolean {
    return this.assembled;
  }

  /** Parses the next piece (or assembles the value after the last); false once there is nothing left. */
  step(): boolean {
    if (this.assembled) return false;
    const i = this.parsed.length;
    if (i < this.pieces.length) {
      const { at, length } = this.pieces[i]!;
      if (at < 0 || length < 0 || at + length > this.bytes.length) throw new Error(`piece ${i} lies outside the buffer`);
      this.parsed.push(JSON.parse(this.decoder.decode(this.bytes.subarray(at, at + length))));
      return true;
    }
    let next = 0;
    const build = (p: ChunkPlan): unknown => {
      if ('json' in p) return this.parsed[next++];
      if ('items' in p) {
        const out: unknown[] = [];
        for (const run of p.items) {
          if ('json' in run) for (const item of this.parsed[next++] as unknown[]) out.push(item);
          else out.push(build(run));
        }
        return out;
      }
      const out: Record<string, unknown> = {};
      for (const { key, plan } of p.props) {
        if (key !== undefined) setOwn(out, key, build(plan));
        else for (const [k, v] of Object.entries(build(plan) as Record<string, unknown>)) setOwn(out, k, v);
      }
      return out;
    };
    this.result = build(this.chunked.plan);
    this.assembled = true;
    return false;
  }

  /** The value, parsing whatever is left first. */
  get value(): unknown {
    while (this.step());
    return this.result;
  }
}
