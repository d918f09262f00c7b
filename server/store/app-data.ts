// Accounts, sessions and the study index: app.json, the one file shared by all studies.
import type { StudyRole } from '../domain/types.ts';

export interface User {
  id: string;
  username: string;
  displayName: string;
  /** Account administrators manage accounts; they see case data only as study members. */
  admin: boolean;
  /** `scrypt$<log2 N>$<r>$<p>$<salt b64>$<hash b64>` */
  passwordHash: string;
  disabled: boolean;
  createdAt: string;
  /** Set for a one-time password (new or reset account): only changing it is allowed. Missing = false. */
  mustChangePassword?: boolean;
  /** An admin has allowed this account to create studies (admins may anyway). Missing = false. */
  mayCreateStudies?: boolean;
}

export interface Session {
  /** SHA-256 of the cookie value: a leaked app.json does not leak live sessions. */
  idHash: string;
  userId: string;
  createdAt: string;
  lastSeenAt: string;
}

export interface AppData {
  users: User[];
  sessions: Session[];
  studies: string[];
}

export type { StudyRole };
