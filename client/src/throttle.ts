/**
 * Leading-and-trailing throttle: the first call runs at once (the preview shows up without delay),
 * later calls within `wait` ms collapse into one run at the end of the window (typing stays cheap).
 * Pure: timers are injectable so unit tests need no real time.
 */
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
};

export interface Throttled {
  (): void;
  /** Drops a pending trailing run (on dispose). */
  cancel(): void;
}

export function throttle(fn: () => void, wait: number, timers: Timers = realTimers): Throttled {
  let last = -Infinity;
  let pending: unknown;
  const run = (): void => {
    pending = undefined;
    last = timers.now();
    fn();
  };
  const throttled = (): void => {
    if (pending !== undefined) return;
    const elapsed = timers.now() - last;
    if (elapsed >= wait) run();
    else pending = timers.setTimeout(run, wait - elapsed);
  };
  throttled.cancel = (): void => {
    if (pending !== undefined) timers.clearTimeout(pending);
    pending = undefined;
  };
  return throttled;
}
