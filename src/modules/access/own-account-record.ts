import { asc, desc, eq, sql } from "drizzle-orm";
import { anyOf, type Queryable, queryRows } from "../../platform/db/index.js";
import type { Principal } from "./principal.js";
import { apiKeys, knownDevices, roles, sessions, signInAttempts, userRoles, users } from "./schema.js";

type Names = { az: string; en: string; ru: string };

/**
 * What the access module holds about a public account, for the person's own access to their data.
 * Secrets (password hash, second-factor secret, key and session hashes) are data about them too,
 * but handing them out would only weaken them: their existence is stated, never their value.
 */
export interface OwnAccountRecord {
  id: string;
  email: string;
  fullName: string;
  status: string;
  locale: string;
  createdAt: string;
  emailVerifiedAt: string | null;
  passwordChangedAt: string;
  twoFactorEnabled: boolean;
  roles: Array<{ code: string; names: Names }>;
  apiKeys: Array<{
    name: string;
    prefix: string;
    scopes: string[];
    createdAt: string;
    lastUsedAt: string | null;
    expiresAt: string | null;
    revokedAt: string | null;
  }>;
  sessions: Array<{
    createdAt: string;
    lastSeenAt: string;
    expiresAt: string;
    ip: string | null;
    userAgent: string | null;
  }>;
  /** The latest sign-in attempts kept for throttling (the older ones are not listed). */
  signInAttempts: Array<{ at: string; kind: string; succeeded: boolean; ip: string | null }>;
  /** Browsers that signed in before (the device id in their cookie is a secret, like a session's). */
  knownDevices: Array<{
    browser: string | null;
    platform: string | null;
    firstUsedAt: string;
    lastUsedAt: string;
  }>;
}

const iso = (value: Date | null) => (value ? value.toISOString() : null);

/** The most sign-in attempts listed: they are kept for throttling, a handful is what tells the story. */
const attemptsListed = 200;

/** The account of the signed-in member of the public; null for staff and API keys. */
export async function ownAccountRecord(
  db: Queryable,
  principal: Principal,
): Promise<OwnAccountRecord | null> {
  if (principal.kind !== "public" || principal.apiKeyId) return null;
  const userId = principal.userId;
  const [user] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!user) return null;
  const [roleRows, keyRows, sessionRows, attemptRows, deviceRows] = await Promise.all([
    db
      .select({ code: roles.code, az: roles.nameAz, en: roles.nameEn, ru: roles.nameRu })
      .from(userRoles)
      .innerJoin(roles, eq(roles.code, userRoles.roleCode))
      .where(eq(userRoles.userId, userId))
      .orderBy(asc(roles.code)),
    db.select().from(apiKeys).where(eq(apiKeys.userId, userId)).orderBy(asc(apiKeys.createdAt)),
    db.select().from(sessions).where(eq(sessions.userId, userId)).orderBy(desc(sessions.lastSeenAt)),
    db
      .select()
      .from(signInAttempts)
      .where(eq(signInAttempts.userId, userId))
      .orderBy(desc(signInAttempts.at))
      .limit(attemptsListed),
    db
      .select({
        browser: knownDevices.browser,
        platform: knownDevices.platform,
        firstUsedAt: knownDevices.firstUsedAt,
        lastUsedAt: knownDevices.lastUsedAt,
      })
      .from(knownDevices)
      .where(eq(knownDevices.userId, userId))
      .orderBy(desc(knownDevices.lastUsedAt)),
  ]);
  return {
    id: user.id,
    email: user.email,
    fullName: user.fullName,
    status: user.status,
    locale: user.locale,
    createdAt: user.createdAt.toISOString(),
    emailVerifiedAt: iso(user.emailVerifiedAt),
    passwordChangedAt: user.passwordChangedAt.toISOString(),
    twoFactorEnabled: user.mfaEnabledAt !== null,
    roles: roleRows.map((row) => ({ code: row.code, names: { az: row.az, en: row.en, ru: row.ru } })),
    apiKeys: keyRows.map((key) => ({
      name: key.name,
      prefix: key.prefix,
      scopes: key.scopes,
      createdAt: key.createdAt.toISOString(),
      lastUsedAt: iso(key.lastUsedAt),
      expiresAt: iso(key.expiresAt),
      revokedAt: iso(key.revokedAt),
    })),
    sessions: sessionRows.map((session) => ({
      createdAt: session.createdAt.toISOString(),
      lastSeenAt: session.lastSeenAt.toISOString(),
      expiresAt: session.expiresAt.toISOString(),
      ip: session.ip,
      userAgent: session.userAgent,
    })),
    signInAttempts: attemptRows.map((attempt) => ({
      at: attempt.at.toISOString(),
      kind: attempt.kind,
      succeeded: attempt.succeeded,
      ip: attempt.ip,
    })),
    knownDevices: deviceRows.map((device) => ({
      browser: device.browser,
      platform: device.platform,
      firstUsedAt: device.firstUsedAt.toISOString(),
      lastUsedAt: device.lastUsedAt.toISOString(),
    })),
  };
}

/**
 * One access by someone else to a person's records, as the audit trail holds it, told the way
 * the person may be told it: the agency and the roles of whoever acted, never their name
 * (docs/adr/0024). The agency and roles are the actor's as they stand now: the trail records
 * who acted, not which posts they held at the time.
 */
export interface AccessByOthers {
  at: string;
  action: string;
  outcome: string;
  entityType: string;
  entityId: string;
  actor: "staff" | "system" | "other";
  agency: { code: string; names: Names } | null;
  roles: Array<{ code: string; names: Names }>;
  /** The part of the record that was read (a page of the case file), when the trail says. */
  view: string | null;
}

interface AccessRow {
  at: Date;
  action: string;
  outcome: string;
  entity_type: string;
  entity_id: string;
  actor_type: string;
  actor_kind: string | null;
  agency_code: string | null;
  agency_az: string | null;
  agency_en: string | null;
  agency_ru: string | null;
  roles: Array<{ code: string; az: string; en: string; ru: string }> | null;
  details: Record<string, unknown> | null;
}

/**
 * Who else read or changed the person's account and cases, newest first, from the audit trail:
 * staff, the system (deadline watches, notices) and anyone refused. The person's own actions and
 * those of their API keys are left out: they know those. At most `limit` entries.
 */
export async function accessByOthers(
  db: Queryable,
  subjectUserId: string,
  caseIds: readonly string[],
  limit: number,
): Promise<AccessByOthers[]> {
  const rows = await queryRows<AccessRow>(
    db,
    sql`select r.at, r.action, r.outcome, r.entity_type, r.entity_id, r.actor_type, u.kind as actor_kind,
          a.code as agency_code, a.name_az as agency_az, a.name_en as agency_en, a.name_ru as agency_ru,
          (select jsonb_agg(jsonb_build_object('code', ro.code, 'az', ro.name_az, 'en', ro.name_en,
             'ru', ro.name_ru) order by ro.code)
           from user_roles ur join roles ro on ro.code = ur.role_code
           where u.kind = 'staff' and ur.user_id = u.id) as roles,
          r.details
        from audit_records r
        left join users u on r.actor_type = 'user' and u.id::text = r.actor_id
        left join agencies a on a.id = u.agency_id
        where ((r.entity_type = 'case' and r.entity_id = ${anyOf(caseIds)})
            or (r.entity_type = 'user' and r.entity_id = ${subjectUserId}))
          and not (r.actor_type = 'user' and r.actor_id = ${subjectUserId})
          and not (r.actor_type = 'api_key' and r.actor_id in
            (select k.id::text from api_keys k where k.user_id = ${subjectUserId}))
        order by r.id desc
        limit ${limit}`,
  );
  return rows.map((row) => ({
    at: new Date(row.at).toISOString(),
    action: row.action,
    outcome: row.outcome,
    entityType: row.entity_type,
    entityId: row.entity_id,
    actor: row.actor_type === "system" ? "system" : row.actor_kind === "staff" ? "staff" : "other",
    agency: row.agency_code
      ? {
          code: row.agency_code,
          names: { az: row.agency_az ?? "", en: row.agency_en ?? "", ru: row.agency_ru ?? "" },
        }
      : null,
    roles: (row.roles ?? []).map((role) => ({
      code: role.code,
      names: { az: role.az, en: role.en, ru: role.ru },
    })),
    view: viewOf(row.details),
  }));
}

function viewOf(details: Record<string, unknown> | null): string | null {
  const view = details?.page ?? details?.view;
  return typeof view === "string" ? view : null;
}
