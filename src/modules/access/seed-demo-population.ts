import { randomUUID } from "node:crypto";
import { inArray, sql } from "drizzle-orm";
import type { Database } from "../../platform/db/index.js";
import { hashPassword } from "./passwords.js";
import { builtInRoles } from "./permissions.js";
import { users } from "./schema.js";
import { demoEmail, demoPassword } from "./seed-demo-users.js";

export interface DemoPerson {
  email: string;
  fullName: string;
  kind: "public" | "staff";
  /** Agency id, for staff. */
  agencyId?: string | null;
  roles: string[];
  locale?: string;
}

/**
 * DEMO ONLY: many active accounts at once (the hosts, employers and applicants of a demo
 * caseload), with one multi-row INSERT per table. They share the demo password, hashed once;
 * each can sign in like the one-per-role demo accounts. Returns the new ids in the given order.
 */
export async function insertDemoPopulation(db: Database, people: DemoPerson[], at: Date): Promise<string[]> {
  if (people.length === 0) return [];
  const passwordHash = await hashPassword(demoPassword);
  const ids = people.map(() => randomUUID());
  const users = people.map((person, index) => ({
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
  for (let start = 0; start < users.length; start += chunk) {
    await db.execute(sql`
      insert into users (id, email, full_name, password_hash, kind, agency_id, status, locale, email_verified_at,
        password_changed_at, created_at, updated_at)
      select id, email, full_name, ${passwordHash}::text, kind, agency_id, 'active', locale, ${when}, ${when},
        ${when}, ${when}
      from jsonb_to_recordset(${JSON.stringify(users.slice(start, start + chunk))}::jsonb)
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

/** The ids of the one-per-role demo accounts that exist, by role code (demo data gives them cases). */
export async function findDemoAccountIds(db: Database): Promise<Map<string, string>> {
  const emails = new Map(builtInRoles.map((role) => [demoEmail(role.code), role.code]));
  const rows = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(users.email, [...emails.keys()]));
  return new Map(rows.map((row) => [emails.get(row.email) as string, row.id]));
}
