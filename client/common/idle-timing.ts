// When the idle-timeout warning shows and when the client signs out. The server ends a session after
// 30 minutes without calls; the client warns 5 minutes before. Browser tests shorten both by setting
// `window.__bsIdleTimings = { warnAfterMs, logoutAfterMs }` before the app loads (an init script);
// the values can only shorten the defaults, never extend them past the server's limit.
// Example: const { warnAfterMs, logoutAfterMs } = idleTimings(); // 1 500 000, 1 800 000

export interface IdleTimings {
  /** Idle time after which the warning shows. */
  warnAfterMs: number;
  /** Idle time after which the client signs out (the server's idle timeout). */
  logoutAfterMs: number;
  /** How often the countdown is updated. */
  tickMs: number;
}

export const DEFAULT_IDLE_TIMINGS: IdleTimings = {
  warnAfterMs: 25 * 60 * 1000,
  logoutAfterMs: 30 * 60 * 1000,
  tickMs: 1000,
};

declare global {
  interface Window {
    __bsIdleTimings?: Partial<IdleTimings>;
  }
}

const positive = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value > 0;

/** The defaults, shortened by `override` where it gives sensible smaller values. */
export function idleTimings(override: Partial<IdleTimings> | undefined = globalThis.window?.__bsIdleTimings): IdleTimings {
  const d = DEFAULT_IDLE_TIMINGS;
  const logoutAfterMs = positive(override?.logoutAfterMs) ? Math.min(override.logoutAfterMs, d.logoutAfterMs) : d.logoutAfterMs;
  const warn = positive(override?.warnAfterMs) ? override.warnAfterMs : d.warnAfterMs - (d.logoutAfterMs - logoutAfterMs);
  return {
    warnAfterMs: Math.min(Math.max(0, warn), logoutAfterMs),
    logoutAfterMs,
    tickMs: positive(override?.tickMs) ? Math.min(override.tickMs, d.tickMs) : d.tickMs,
  };
}
