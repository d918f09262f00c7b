// Server-side sessions: a 128-bit random token in an HttpOnly cookie; only its SHA-256 is stored.
// Idle timeout 30 min and absolute lifetime 12 h.
import { createHash, randomBytes } from 'node:crypto';
import type { Session, User } from '../store/app-data.ts';
import type { JsonRecord } from '../store/json-record.ts';
import type { AppData } from '../store/app-data.ts';

export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export type SessionLookup =
  | { status: 'valid'; user: User; session: Session }
  | { status: 'expired' }
  | { status: 'none' };

export class Sessions {
  #app: JsonRecord<AppData>;
  #clock: () => Date;
  // Last activity lives in memory: touching app.json on every request would cost a durable write.
  #lastSeen = new Map<string, number>();

  constructor(app: JsonRecord<AppData>, clock: () => Date) {
    this.#app = app;
    this.#clock = clock;
  }

  /** Starts a session for `user`, ending `previousToken`'s session if any (id rotation at login). */
  async create(user: User, previousToken?: string): Promise<string> {
    const token = randomBytes(16).toString('base64url');
    const now = this.#clock().toISOString();
    const oldHash = previousToken ? hashToken(previousToken) : undefined;
    const limit = this.#clock().getTime() - ABSOLUTE_TIMEOUT_MS;
    await this.#app.mutate((d) => {
      // Drop the rotated session and any that are past their absolute lifetime.
      d.sessions = d.sessions.filter((s) => s.idHash !== oldHash && Date.parse(s.createdAt) > limit);
      d.sessions.push({ idHash: hashToken(token), userId: user.id, createdAt: now, lastSeenAt: now });
    });
    this.#lastSeen.set(hashToken(token), this.#clock().getTime());
    return token;
  }

  /** Resolves a cookie token; counts as activity for the idle timeout when valid. */
  async lookup(token: string | undefined): Promise<SessionLookup> {
    if (!token) return { status: 'none' };
    const idHash = hashToken(token);
    const session = this.#app.data.sessions.find((s) => s.idHash === idHash);
    if (!session) return { status: 'none' };
    const now = this.#clock().getTime();
    const lastSeen = this.#lastSeen.get(idHash) ?? Date.parse(session.lastSeenAt);
    const user = this.#app.data.users.find((u) => u.id === session.userId);
    if (!user || user.disabled || now - lastSeen > IDLE_TIMEOUT_MS || now - Date.parse(session.createdAt) > ABSOLUTE_TIMEOUT_MS) {
      await this.destroy(token);
      return { status: 'expired' };
    }
    this.#lastSeen.set(idHash, now);
    return { status: 'valid', user, session };
  }

  async destroy(token: string): Promise<void> {
    const idHash = hashToken(token);
    this.#lastSeen.delete(idHash);
    if (!this.#app.data.sessions.some((s) => s.idHash === idHash)) return;
    await this.#app.mutate((d) => {
      d.sessions = d.sessions.filter((s) => s.idHash !== idHash);
    });
  }
}
