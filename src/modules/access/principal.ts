import type { Permission } from "./permissions.js";

/** Who is acting: a signed-in person (browser session) or a host/employer system (API key). */
export interface Principal {
  userId: string;
  email: string;
  fullName: string;
  kind: "public" | "staff";
  agencyId: string | null;
  roles: string[];
  permissions: ReadonlySet<Permission>;
  locale: string;
  /** Set when the request came with an API key; the key's scopes narrow the permissions. */
  apiKeyId?: string;
  /** The scopes of that API key (see api-keys/api-key-scopes.ts); API routes check them. */
  apiKeyScopes?: readonly string[];
  /** Hash of the browser session id, when the request came with a session cookie. */
  sessionIdHash?: string;
}

/** The actor recorded in the audit trail. */
export interface AuditActor {
  type: "user" | "api_key" | "system" | "anonymous";
  id: string | null;
}

export function actorOf(principal: Principal | null | undefined): AuditActor {
  if (!principal) return { type: "anonymous", id: null };
  if (principal.apiKeyId) return { type: "api_key", id: principal.apiKeyId };
  return { type: "user", id: principal.userId };
}

export const systemActor: AuditActor = { type: "system", id: null };
