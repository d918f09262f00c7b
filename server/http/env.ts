// The Hono environment shared by all routes: what middleware puts on the context.
import type { User } from '../store/app-data.ts';

export interface AppEnv {
  Variables: {
    /** The logged-in user; set by `requireUser` on every /api route except health and login. */
    user: User;
    /** What a handler learnt about the object it touched, for the audit line (see http/audit.ts). */
    audit: { object?: string; family?: string; action?: string; /** The study, when the request removed it (an erasure). */ study?: string };
  };
}
