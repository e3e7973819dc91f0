/**
 * A large reply written as JSON a slice at a time. `JSON.stringify` of the records of a filing of
 * thousands of rows (megabytes of text) holds the event loop for a hundred milliseconds or more,
 * and turning that text into UTF-8 as long again. {@link JsonSlicer} writes the same text with
 * its own stack instead of the engine's recursion, so it can stop after a few milliseconds and go
 * on later, and turns it into UTF-8 a piece at a time as it goes. The reply is then handed over as
 * an {@link EncodedJson}: the stdio, socket and pipe writers (transport.ts) copy its bytes, any
 * other serializer reads the value through `toJSON()`.
 *
 * The bytes are exactly those of `JSON.stringify(value)`: `toJSON` is called with the same key,
 * properties whose value JSON cannot hold are left out (array items become null), non-finite
 * numbers are null, a cycle throws the same TypeError, and anything that is not a plain object or
 * an array (a class instance, a boxed primitive) is written by `JSON.stringify` itself.
 */
import { performance } from 'node:perf_hooks';

/** A value together with its JSON text as UTF-8 pieces (concatenated: `JSON.stringify(value)`). */
export class EncodedJson {
  constructor(
    readonly value: unknown,
    readonly pieces: readonly Buffer[],
  ) {}

  toJSON(): unknown {
    return this.value;
  }
}

type Frame =
  | { array: readonly unknown[]; index: number }
  | { object: Record<string, unknown>; keys: string[]; index: number; wrote: boolean };

/** Text gathered before it is turned into one UTF-8 piece. */
const PIECE_CHARS = 64 * 1024;
/** Values written between two looks at the clock. */
const CHECK_EVERY = 256;

function isPlain(v: object): boolean {
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

function hasToJson(v: unknown): v is { toJSON(key: string): unknown } {
  return ((v !== null && typeof v === 'object') || typeof v === 'bigint') && typeof (v as { toJSON?: unknown }).toJSON === 'function';
}

/** JSON cannot hold it: left out of an object, null in an array, nothing at the top. */
function unwritable(v: unknown): boolean {
  return v === undefined || typeof v === 'function' || typeof v === 'symbol';
}

export class JsonSlicer {
  private readonly stack: Frame[] = [];
  /** Objects and arrays being written (their ancestors included): one met again is a cycle. */
  private readonly open = new Set<object>();
  private text = '';
  private readonly pieces: Buffer[] = [];
  private finished = false;
  /** The top value had no JSON (`JSON.stringify` returns undefined for it). */
  private nothing = false;

  constructor(private readonly root: unknown) {
    const v = hasToJson(root) ? root.toJSON('') : root;
    if (unwritable(v)) {
      this.nothing = true;
      this.finished = true;
    } else this.write(v);
    if (this.stack.length === 0) this.finish();
  }

  get done(): boolean {
    return this.finished;
  }

  /**
   * Writes until `deadline` (a `performance.now()` time) or the end; true when there is more.
   * Throws as `JSON.stringify` would (a cycle, a BigInt).
   */
  step(deadline: number): boolean {
    let n = 0;
    while (this.stack.length) {
      if (++n % CHECK_EVERY === 0 && performance.now() > deadline) return true;
      const frame = this.stack[this.stack.length - 1]!;
      if ('array' in frame) {
        if (frame.index >= frame.array.length) {
          this.close(frame.array, ']');
          continue;
        }
        const i = frame.index++;
        if (i > 0) this.text += ',';
        let v = frame.array[i];
        if (hasToJson(v)) v = v.toJSON(String(i));
        if (unwritable(v)) this.text += 'null';
        else this.write(v);
      } else {
        if (frame.index >= frame.keys.length) {
          this.close(frame.object, '}');
          continue;
        }
        const key = frame.keys[frame.index++]!;
        let v = frame.object[key];
        if (hasToJson(v)) v = v.toJSON(key);
        if (unwritable(v)) continue;
        this.text += `${frame.wrote ? ',' : ''}${JSON.stringify(key)}:`;
        frame.wrote = true;
        this.write(v);
      }
      if (this.text.length >= PIECE_CHARS) this.flush();
    }
    this.finish();
    return false;
  }

  /** The value with its JSON, once {@link done}; undefined when the value has no JSON. */
  get encoded(): EncodedJson | undefined {
    if (!this.finished) throw new Error('the JSON is not written yet');
    return this.nothing ? undefined : new EncodedJson(this.root, this.pieces);
  }

  /** Writes a primitive whole, or opens an object or array (its entries follow, step by step). */
  private write(v: unknown): void {
    if (v === null || typeof v !== 'object') {
      // Strings, numbers (non-finite ones as null), booleans; a BigInt throws as it should.
      this.text += JSON.stringify(v);
      return;
    }
    if (Array.isArray(v)) this.enter(v, '[', { array: v, index: 0 });
    else if (isPlain(v)) this.enter(v, '{', { object: v as Record<string, unknown>, keys: Object.keys(v), index: 0, wrote: false });
    else this.text += JSON.stringify(v); // boxed primitives, class instances: as the engine writes them
  }

  private enter(v: object, bracket: string, frame: Frame): void {
    if (this.open.has(v)) throw new TypeError('Converting circular structure to JSON');
    this.open.add(v);
    this.stack.push(frame);
    this.text += bracket;
  }

  private close(v: object, bracket: string): void {
    this.text += bracket;
    this.open.delete(v);
    this.stack.pop();
  }

  private flush(): void {
    if (this.text) this.pieces.push(Buffer.from(this.text, 'utf8'));
    this.text = '';
  }

  private finish(): void {
    this.flush();
    this.finished = true;
  }
}

/** Longest run of writing in one turn of the event loop. */
const SLICE_MS = 4;

/**
 * `value` with its JSON written a few milliseconds at a time between other work. Resolves to
 * undefined when `cancelled()` turns true meanwhile; rejects as `JSON.stringify` would throw.
 */
export function encodeInSlices(value: unknown, cancelled: () => boolean = () => false): Promise<EncodedJson | undefined> {
  return new Promise((resolve, reject) => {
    let slicer: JsonSlicer;
    const slice = (): void => {
      try {
        if (cancelled()) return resolve(undefined);
        slicer ??= new JsonSlicer(value);
        if (slicer.step(performance.now() + SLICE_MS)) setImmediate(slice);
        else resolve(slicer.encoded);
      } catch (err) {
        reject(err);
      }
    };
    slice();
  });
}
