/**
 * The server's side of the wire: how messages are encoded and framed.
 *
 * Messages go out through vscode-jsonrpc's own stream writers (its `Content-Length` framing, its
 * write queue and error reporting); only the step that turns a message into bytes is ours. Every
 * message is `JSON.stringify`-ed as before, except `textDocument/publishDiagnostics` with
 * {@link PublishedDiagnostics} params: those are written from the per-filing JSON text the
 * converter keeps, so a publish costs copying cached bytes instead of encoding ~800 diagnostics
 * again after each keystroke in a large document. The bytes are identical to `JSON.stringify`'s.
 *
 * Transports: `--stdio`, `--socket` and `--pipe` use the cached encoding. `--node-ipc` keeps
 * vscode-languageserver's IPC writer: Node serializes `process.send` messages itself (with
 * `JSON.stringify`, through `PublishedDiagnostics.toJSON`), so cached text cannot be handed to it.
 */
import { createConnection as connectSocket } from 'node:net';
import { format, inspect } from 'node:util';
import {
  SocketMessageReader,
  SocketMessageWriter,
  StreamMessageWriter,
  type ContentTypeEncoder,
  type Message,
  type MessageReader,
  type MessageWriter,
} from 'vscode-languageserver/node';
import { PublishedDiagnostics } from './diagnostics';

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

export interface Transport {
  /** A stream is given to vscode-languageserver as such, so it still exits when stdin ends. */
  input: NodeJS.ReadableStream | MessageReader;
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
    if (arg === '--stdio') return { input: process.stdin, output: streamWriter(process.stdout), stdio: true };
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
    input: new SocketMessageReader(socket, 'utf-8'),
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
