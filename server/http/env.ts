// The Hono environment shared by all routes: what middleware puts on the context.
import type { User } from '../store/app-data.ts';

export interface AppEnv {
  Variables: {
    /** The logged-in user; set by `requireUser` on every /api route except health and login. */
    user: User;
  };
}
