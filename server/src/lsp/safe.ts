/**
 * The guard every request handler runs inside: a handler must never throw out of the server
 * (an exception would reach the client as an error popup, or worse, kill the stdio loop).
 * A failure is logged once with the handler's name and the client gets the empty answer instead.
 */
import { ResponseError, type CancellationToken } from 'vscode-languageserver';

export interface Logger {
  error(message: string): void;
  info(message: string): void;
}

/** Logs to stderr; stdout belongs to the protocol when the server runs with --stdio. */
export const stderrLogger: Logger = {
  error: (m) => process.stderr.write(`[form345] ${m}\n`),
  info: (m) => process.stderr.write(`[form345] ${m}\n`),
};

export function describeError(err: unknown): string {
  if (err instanceof Error) return err.stack ?? `${err.name}: ${err.message}`;
  return String(err);
}

/**
 * Runs `fn`, turning exceptions and cancellation into `fallback`.
 * Cancellation is checked before and after, so a request cancelled while it waited for an analysis
 * does not spend time building an answer nobody reads.
 */
export async function guarded<T>(
  logger: Logger,
  name: string,
  fallback: T,
  token: CancellationToken | undefined,
  fn: () => T | Promise<T>,
): Promise<T> {
  if (token?.isCancellationRequested) return fallback;
  try {
    const value = await fn();
    if (token?.isCancellationRequested) return fallback;
    return value ?? fallback;
  } catch (err) {
    // A ResponseError is a deliberate answer (e.g. "not a valid footnote number" for rename).
    if (err instanceof ResponseError) throw err;
    logger.error(`${name} failed: ${describeError(err)}`);
    return fallback;
  }
}

/** The synchronous twin of {@link guarded}, for notification handlers. */
export function guardedSync(logger: Logger, name: string, fn: () => void): void {
  try {
    fn();
  } catch (err) {
    logger.error(`${name} failed: ${describeError(err)}`);
  }
}
