// A Lit controller for the idle-timeout warning. It counts from the last API call that reached the server
// with a live session (Api.lastActivityAt; other tabs of the app share theirs over a BroadcastChannel, so
// one idle tab does not sign out a user who is busy in another). At warnAfterMs it shows <bs-idle-warning>
// with a countdown; "Fortsätt vara inloggad" calls the server (which resets its timer); at logoutAfterMs
// it calls `expire()`. Wall-clock based, so a sleeping laptop or a throttled background tab still ends on
// time. Timings come from client/common/idle-timing.ts (25 and 30 minutes unless a test shortens them).
// Example: private _idle = new IdleController(this, { api: () => this.api, active: () => this._signedIn, … });
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { idleTimings, type IdleTimings } from '../../common/idle-timing.ts';
import type { Api } from '../../data/api.ts';
import { keepSessionAlive } from '../../data/session.ts';
import '../../components/bs-idle-warning.ts';

/** What the controller needs from the app shell. */
export interface IdleContext {
  api(): Api | undefined;
  /** True while someone is signed in. */
  active(): boolean;
  /** The session ran out: sign out and say why. */
  expire(): void;
  /** The user chose "Logga ut" in the warning. */
  logout(): void;
}

const CHANNEL = 'backspegel-activity';

export class IdleController implements ReactiveController {
  /** Seconds left while the warning shows; null otherwise. */
  remaining: number | null = null;
  private _interval: ReturnType<typeof setInterval> | null = null;
  private _boundApi: Api | null = null;
  private _unsubscribe: (() => void) | null = null;
  private _channel: BroadcastChannel | null = null;
  private _otherTabsAt = 0;

  constructor(
    private readonly _host: ReactiveControllerHost,
    private readonly _ctx: IdleContext,
    private readonly _timings: IdleTimings = idleTimings(),
    private readonly _now: () => number = () => Date.now(),
  ) {
    _host.addController(this);
  }

  hostConnected(): void {
    this._interval = setInterval(() => this.tick(), this._timings.tickMs);
    if (typeof BroadcastChannel === 'function') {
      this._channel = new BroadcastChannel(CHANNEL);
      this._channel.onmessage = (e: MessageEvent) => {
        if (typeof e.data === 'number' && Number.isFinite(e.data)) this._otherTabsAt = Math.max(this._otherTabsAt, e.data);
        this.tick();
      };
    }
  }

  hostDisconnected(): void {
    if (this._interval !== null) clearInterval(this._interval);
    this._interval = null;
    this._unsubscribe?.();
    this._unsubscribe = null;
    this._boundApi = null;
    this._channel?.close();
    this._channel = null;
  }

  /** Recomputes the idle time: hides or updates the warning, or expires the session. */
  tick(): void {
    const api = this._ctx.api();
    if (api && api !== this._boundApi) this._bind(api);
    const before = this.remaining;
    if (!api || !this._ctx.active()) {
      this.remaining = null;
    } else {
      const now = this._now();
      const idle = now - (Math.max(api.lastActivityAt, this._otherTabsAt) || now);
      if (idle >= this._timings.logoutAfterMs) {
        this.remaining = null;
        this._ctx.expire();
      } else {
        this.remaining = idle >= this._timings.warnAfterMs ? Math.ceil((this._timings.logoutAfterMs - idle) / 1000) : null;
      }
    }
    if (this.remaining !== before) this._host.requestUpdate();
  }

  private _bind(api: Api): void {
    this._unsubscribe?.();
    this._boundApi = api;
    this._unsubscribe = api.onActivity((at) => {
      this._channel?.postMessage(at);
      if (this.remaining !== null) this.tick();
    });
  }

  private async _continue(): Promise<void> {
    const api = this._ctx.api();
    if (!api) return;
    // A 401 reaches the app through the API client's hook; a network failure leaves the warning up.
    await keepSessionAlive(api).catch(() => undefined);
    this.tick();
  }

  /** The warning; render it once in the shell. */
  render() {
    if (this.remaining === null) return nothing;
    return html`<bs-idle-warning open remaining=${this.remaining} minutes=${Math.round(this._timings.logoutAfterMs / 60000)}
      @bs-idle-continue=${() => void this._continue()} @bs-idle-logout=${() => this._ctx.logout()}></bs-idle-warning>`;
  }
}
