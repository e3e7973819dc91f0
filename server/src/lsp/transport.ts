/**
 * The server's side of the wire: how messages are encoded and framed.
 *
 * Messages go out through vscode-jsonrpc's own stream writers (its `Content-Length` framing, its
 * write queue and error reporting); only the step that turns a message into bytes is ours. Every
 * message is `JSON.stringify`-ed as before, except `textDocument/publishDiagnostics` with
 * {@link PublishedDiagnostics} params: those are written from the per-filing JSON text the
 * converter keeps, so a publish costs copying cached bytes instead of encoding ~800 diagnostics
 * again after each keystroke in a large document; replies to a diagnostic pull with a
 * {@link FullDiagnosticReport} are written the same way, and so are replies whose JSON was written
 * in slices before (an {@link EncodedJson}). The bytes are identical to `JSON.stringify`'s.
 *
 * Transports: `--stdio`, `--socket` and `--pipe` use the cached encoding. `--node-ipc` keeps
 * vscode-languageserver's IPC writer: Node serializes `process.send` messages itself (with
 * `JSON.stringify`, through `PublishedDiagnostics.toJSON`), so cached text cannot be handed to it.
 */
import { createConnection as connectSocket } from 'node:net';
import { format, inspect } from 'node:util';
import {
  AbstractMessageReader,
  SocketMessageWriter,
  StreamMessageWriter,
  type ContentTypeEncoder,
  type DataCallback,
  type Disposable,
  type Message,
  type MessageReader,
  type MessageWriter,
} from 'vscode-languageserver/node';
import { FullDiagnosticReport, PublishedDiagnostics } from './diagnostics';
import { EncodedJson } from './jsonSlices';

export const PUBLISH_DIAGNOSTICS_METHOD = 'textDocument/publishDiagnostics';

const PUBLISH_HEAD = Buffer.from(`,"method":${JSON.stringify(PUBLISH_DIAGNOSTICS_METHOD)},"params":`, 'utf8');
const CLOSE_BRACE = Buffer.from('}');

/**
 * A message as UTF-8 JSON: the bytes of `JSON.stringify(message)`, put together from cached pieces
 * when it is a diagnostics publish.
 */
export function encodeMessage(message: Message): Buffer {
  const m = message as { jsonrpc?: unknown; method?: unknown; params?: unknown };
  if (m.method === PUBLISH_DIAGNOSTICS_METHOD && m.params instanceof PublishedDiagnostics && typeof m.jsonrpc === 'string') {
    // The connection builds notifications as { jsonrpc, method, params }; anything else takes the plain path.
    const keys = Object.keys(m);
    if (keys.length === 3 && keys[0] === 'jsonrpc' && keys[1] === 'method' && keys[2] === 'params') {
      const head = Buffer.from(`{"jsonrpc":${JSON.stringify(m.jsonrpc)}`, 'utf8');
      return Buffer.concat([head, PUBLISH_HEAD, ...m.params.paramsChunks(), CLOSE_BRACE]);
    }
  }
  const r = message as { jsonrpc?: unknown; id?: unknown; result?: unknown };
  if ((r.result instanceof FullDiagnosticReport || r.result instanceof EncodedJson) && typeof r.jsonrpc === 'string') {
    // A reply to a diagnostic pull, or one written in slices beforehand: the connection builds it
    // as { jsonrpc, id, result }.
    const keys = Object.keys(r);
    if (keys.length === 3 && keys[0] === 'jsonrpc' && keys[1] === 'id' && keys[2] === 'result') {
      const head = Buffer.from(`{"jsonrpc":${JSON.stringify(r.jsonrpc)},"id":${JSON.stringify(r.id)},"result":`, 'utf8');
      const body = r.result instanceof EncodedJson ? r.result.pieces : r.result.published.reportChunks();
      return Buffer.concat([head, ...body, CLOSE_BRACE]);
    }
  }
  return Buffer.from(JSON.stringify(message), 'utf8');
}

/** vscode-jsonrpc's `application/json` encoder, with {@link encodeMessage} as the encoding. */
export const jsonEncoder: ContentTypeEncoder = {
  name: 'application/json',
  encode(message, options) {
    try {
      // Our writers ask for UTF-8; any other charset takes the library's plain path.
      const bytes = options.charset === 'utf-8' ? encodeMessage(message) : Buffer.from(JSON.stringify(message), options.charset);
      return Promise.resolve(bytes);
    } catch (err) {
      return Promise.reject(err);
    }
  },
};

/** The message writer of the stdio transport (and of the benchmark): standard framing, cached encoding. */
export function streamWriter(stream: NodeJS.WritableStream): MessageWriter {
  return new StreamMessageWriter(stream, { charset: 'utf-8', contentTypeEncoder: jsonEncoder });
}

/** Longest header block accepted (a real one is under 100 bytes). */
const MAX_HEADER_BYTES = 8 * 1024;
/** Largest message body accepted: a document of the server's maximum size, JSON-escaped, fits. */
export const MAX_BODY_BYTES = 512 * 1024 * 1024;
const HEADER_END = Buffer.from('\r\n\r\n');

/**
 * Reads `Content-Length` framed JSON-RPC messages, strictly. A frame that cannot be read (no or
 * a non-numeric, negative or huge `Content-Length`, a header block that never ends, a body that
 * is not one JSON object, as when the length given is shorter than the body) is an error: after
 * it nothing read could be trusted to be a message boundary, so the reader stops and reports it
 * (the server logs it and exits non-zero, and the client restarts it), instead of the library's
 * reader going on silently out of step with the stream and never answering again.
 */
export class FramedMessageReader extends AbstractMessageReader implements MessageReader {
  private chunks: Buffer[] = [];
  private size = 0;
  /** Length of the body being waited for, -1 while reading headers. */
  private bodyLength = -1;
  private failed = false;

  constructor(private readonly stream: NodeJS.ReadableStream) {
    super();
  }

  listen(callback: DataCallback): Disposable {
    const onData = (data: Buffer | string) => this.onData(typeof data === 'string' ? Buffer.from(data, 'utf8') : data, callback);
    const onError = (err: Error) => this.fireError(err);
    const onClose = () => this.fireClose();
    this.stream.on('data', onData);
    this.stream.on('error', onError);
    this.stream.on('end', onClose);
    this.stream.on('close', onClose);
    return {
      dispose: () => {
        this.stream.off('data', onData);
        this.stream.off('error', onError);
        this.stream.off('end', onClose);
        this.stream.off('close', onClose);
      },
    };
  }

  private fail(message: string): void {
    this.failed = true;
    this.chunks = [];
    this.size = 0;
    this.fireError(new Error(`malformed frame: ${message}`));
  }

  /** The buffered bytes as one buffer (copied only when they came in several chunks). */
  private flat(): Buffer {
    if (this.chunks.length > 1) this.chunks = [Buffer.concat(this.chunks, this.size)];
    return this.chunks[0] ?? Buffer.alloc(0);
  }

  private onData(data: Buffer, callback: DataCallback): void {
    if (this.failed) return;
    this.chunks.push(data);
    this.size += data.length;
    while (!this.failed) {
      if (this.bodyLength < 0) {
        const buf = this.flat();
        const end = buf.indexOf(HEADER_END);
        if (end < 0 || end > MAX_HEADER_BYTES) {
          if (end > MAX_HEADER_BYTES || buf.length > MAX_HEADER_BYTES + HEADER_END.length) this.fail(`no end of headers within ${MAX_HEADER_BYTES} bytes`);
          return;
        }
        const length = this.readHeaders(buf.toString('latin1', 0, end));
        if (length === undefined) return;
        this.bodyLength = length;
        this.chunks = [buf.subarray(end + HEADER_END.length)];
        this.size = buf.length - end - HEADER_END.length;
      }
      if (this.size < this.bodyLength) return;
      const buf = this.flat();
      const body = buf.subarray(0, this.bodyLength);
      this.chunks = [buf.subarray(this.bodyLength)];
      this.size = buf.length - this.bodyLength;
      this.bodyLength = -1;
      let message: unknown;
      try {
        message = JSON.parse(body.toString('utf8'));
      } catch (err) {
        this.fail(`the body is not JSON (is Content-Length the body's length in bytes?): ${(err as Error).message}`);
        return;
      }
      if (!message || typeof message !== 'object' || Array.isArray(message)) {
        this.fail('the body is not a JSON-RPC message object');
        return;
      }
      callback(message as Message);
    }
  }

  /** The body length the headers announce, or undefined after reporting why there is none. */
  private readHeaders(text: string): number | undefined {
    let length: number | undefined;
    for (const line of text.split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon <= 0) {
        this.fail(`a header line without a name and a colon: ${JSON.stringify(line.slice(0, 80))}`);
        return undefined;
      }
      const name = line.slice(0, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim();
      if (name === 'content-length') {
        if (!/^\d{1,10}$/.test(value) || Number(value) > MAX_BODY_BYTES) {
          this.fail(`Content-Length ${JSON.stringify(value.slice(0, 40))} is not a byte count up to ${MAX_BODY_BYTES}`);
          return undefined;
        }
        length = Number(value);
      } else if (name === 'content-type') {
        const charset = /charset\s*=\s*"?([^";\s]+)/i.exec(value)?.[1]?.toLowerCase();
        if (charset && charset !== 'utf-8' && charset !== 'utf8') {
          this.fail(`charset ${charset} (only utf-8 is read)`);
          return undefined;
        }
      }
    }
    if (length === undefined) this.fail('no Content-Length header');
    return length;
  }
}

export interface Transport {
  input: MessageReader;
  output: MessageWriter;
  stdio: boolean;
}

/**
 * The transport the command line asks for, read the way vscode-languageserver reads it (the first
 * of --node-ipc, --stdio, --socket[=]N, --pipe[=]NAME), or undefined to let it set up the transport
 * itself (--node-ipc, or no argument it knows).
 */
export function transportFromArgs(argv: readonly string[]): Transport | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--node-ipc') return undefined;
    if (arg === '--stdio') return { input: new FramedMessageReader(process.stdin), output: streamWriter(process.stdout), stdio: true };
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg : arg.slice(0, eq);
    const inline = eq < 0 ? undefined : arg.slice(eq + 1);
    if (name !== '--socket' && name !== '--pipe') continue;
    const value = inline ?? argv[i + 1];
    if (name === '--socket') {
      const port = parseInt(value ?? '', 10);
      if (!port) return undefined;
      return socketTransport(connectSocket(port, '127.0.0.1'));
    }
    if (!value) return undefined;
    return socketTransport(connectSocket(value));
  }
  return undefined;
}

function socketTransport(socket: ReturnType<typeof connectSocket>): Transport {
  return {
    input: new FramedMessageReader(socket),
    output: new SocketMessageWriter(socket, { charset: 'utf-8', contentTypeEncoder: jsonEncoder }),
    stdio: false,
  };
}

interface ConsoleSink {
  log(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/**
 * With stdio, stdout carries the protocol: a stray `console.log` would corrupt it. This sends the
 * console to the client's log instead (what vscode-languageserver does when it opens stdio itself).
 */
export function redirectConsole(sink: ConsoleSink): void {
  const text = (args: unknown[]): string => format(...args);
  console.log = (...args: unknown[]) => sink.log(text(args));
  console.debug = (...args: unknown[]) => sink.log(text(args));
  console.info = (...args: unknown[]) => sink.info(text(args));
  console.warn = (...args: unknown[]) => sink.warn(text(args));
  console.error = (...args: unknown[]) => sink.error(text(args));
  console.trace = (...args: unknown[]) => sink.log(`${text(args)}\n${new Error().stack ?? ''}`);
  console.dir = (item: unknown, options?: object) => sink.log(inspect(item, options));
}
