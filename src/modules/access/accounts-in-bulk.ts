import { randomUUID } from "node:crypto";
import { eq, inArray, sql } from "drizzle-orm";
import type { Database, Queryable } from "../../platform/db/index.js";
import { mfaSecretBox } from "./mfa-secret.js";
import { hashPassword } from "./passwords.js";
import { users } from "./schema.js";
import { newTotpSecret } from "./totp.js";

export interface NewActiveUser {
  email: string;
  fullName: string;
  kind: "public" | "staff";
  /** Agency id, for staff. */
  agencyId?: string | null;
  roles: string[];
  locale?: string;
}

/**
 * Many active accounts at once (a demo caseload's hosts, employers and applicants), with one
 * multi-row INSERT per table and no audit record each: they share one password, hashed once.
 * Returns the new ids in the given order.
 */
export async function createActiveUsers(
  db: Database,
  people: NewActiveUser[],
  password: string,
  at: Date,
): Promise<string[]> {
  if (people.length === 0) return [];
  const passwordHash = await hashPassword(password);
  const ids = people.map(() => randomUUID());
  const rows = people.map((person, index) => ({
    id: ids[index],
    email: person.email.toLowerCase(),
    full_name: person.fullName,
    kind: person.kind,
    agency_id: person.agencyId ?? null,
    locale: person.locale ?? "az",
  }));
  const roles = people.flatMap((person, index) =>
    person.roles.map((role) => ({ user_id: ids[index], role })),
  );
  const when = sql`${at.toISOString()}::timestamptz`;
  const chunk = 5000;
  for (let start = 0; start < rows.length; start += chunk) {
    await db.execute(sql`
      insert into users (id, email, full_name, password_hash, kind, agency_id, status, locale, email_verified_at,
        password_changed_at, created_at, updated_at)
      select id, email, full_name, ${passwordHash}::text, kind, agency_id, 'active', locale, ${when}, ${when},
        ${when}, ${when}
      from jsonb_to_recordset(${JSON.stringify(rows.slice(start, start + chunk))}::jsonb)
        as r(id uuid, email text, full_name text, kind text, agency_id uuid, locale text)`);
  }
  for (let start = 0; start < roles.length; start += chunk) {
    await db.execute(sql`
      insert into user_roles (user_id, role_code, created_at)
      select user_id, role, ${when} from jsonb_to_recordset(${JSON.stringify(roles.slice(start, start + chunk))}::jsonb)
        as r(user_id uuid, role text)`);
  }
  return ids;
}

/** The ids of the accounts with these e-mail addresses (lower case), by address. */
export async function findUserIdsByEmail(db: Queryable, emails: string[]): Promise<Map<string, string>> {
  if (emails.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(sql`lower(${users.email})`, emails));
  return new Map(rows.map((row) => [row.email.toLowerCase(), row.id]));
}

/** Enrols an account in multi-factor sign-in with a new TOTP secret, as if its owner had scanned it. */
export async function enrolNewTotpSecret(
  db: Queryable,
  fileKey: string,
  userId: string,
  at: Date,
): Promise<void> {
  await db
    .update(users)
    .set({ mfaSecretEncrypted: mfaSecretBox(fileKey).seal(newTotpSecret()), mfaEnabledAt: at })
    .where(eq(users.id, userId));
}
