// Custom events of signing in and out: login, password change, the idle warning.
// Their detail types and the events with their details; client/events.ts re-exports them.
import type { SessionUser } from '../../server/domain/types.ts';

export interface LoginDetail {
  user: SessionUser;
  /** The user logged in with a one-time password and must choose their own before anything else. */
  mustChangePassword: boolean;
}

export interface PasswordChangedDetail {
  user: SessionUser;
}

export interface SessionEventMap {
  /** Login view: the user signed in. */
  'bs-login': LoginDetail;
  /** Password view: the password was changed (the server started a new session). */
  'bs-password-changed': PasswordChangedDetail;
  /** Password view: the user chose not to change their password after all. */
  'bs-password-cancel': Record<string, never>;
  /** Idle warning: stay signed in. */
  'bs-idle-continue': Record<string, never>;
  /** Idle warning: sign out now. */
  'bs-idle-logout': Record<string, never>;
}
