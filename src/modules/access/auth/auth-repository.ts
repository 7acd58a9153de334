import { asc, eq, sql } from "drizzle-orm";
import type { Clock } from "../../../platform/clock/index.js";
import type { Queryable } from "../../../platform/db/index.js";
import { roles, userRoles, users } from "../schema.js";

/** An account as the sign-in journeys need it, whatever its status. */
export interface Account {
  id: string;
  email: string;
  fullName: string;
  kind: "public" | "staff";
  agencyId: string | null;
  status: "pending_verification" | "active" | "disabled";
  locale: string;
  passwordHash: string;
  mfaEnrolled: boolean;
  mfaSecretSealed: string | null;
  mfaLastStep: number | null;
}

const accountColumns = {
  id: users.id,
  email: users.email,
  fullName: users.fullName,
  kind: users.kind,
  agencyId: users.agencyId,
  status: users.status,
  locale: users.locale,
  passwordHash: users.passwordHash,
  mfaEnabledAt: users.mfaEnabledAt,
  mfaSecretSealed: users.mfaSecretEncrypted,
  mfaLastStep: users.mfaLastStep,
};

function selectAccounts(db: Queryable) {
  return db.select(accountColumns).from(users).$dynamic();
}

type AccountRow = Awaited<ReturnType<typeof selectAccounts>>[number];

function toAccount(row: AccountRow): Account {
  const { mfaEnabledAt, ...rest } = row;
  return { ...rest, mfaEnrolled: mfaEnabledAt !== null };
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function findAccountByEmail(db: Queryable, email: string): Promise<Account | null> {
  const [row] = await selectAccounts(db)
    .where(sql`lower(${users.email}) = ${normaliseEmail(email)}`)
    .limit(1);
  return row ? toAccount(row) : null;
}

/**
 * `lock` takes the row lock for the rest of the transaction, so that parallel guesses against one
 * account are counted one after the other and cannot slip past the throttle together.
 */
export async function findAccountById(
  db: Queryable,
  userId: string,
  options: { lock?: boolean } = {},
): Promise<Account | null> {
  const query = selectAccounts(db).where(eq(users.id, userId)).limit(1);
  const [row] = options.lock ? await query.for("update") : await query;
  return row ? toAccount(row) : null;
}

export async function setPasswordHash(
  db: Queryable,
  clock: Clock,
  userId: string,
  passwordHash: string,
): Promise<void> {
  const now = clock.now();
  await db
    .update(users)
    .set({ passwordHash, passwordChangedAt: now, updatedAt: now })
    .where(eq(users.id, userId));
}

/** Turns a pending account active once its e-mail address is proven; never revives a disabled one. */
export async function markEmailVerified(db: Queryable, clock: Clock, userId: string): Promise<boolean> {
  const now = clock.now();
  const updated = await db
    .update(users)
    .set({ status: "active", emailVerifiedAt: now, updatedAt: now })
    .where(sql`${users.id} = ${userId} and ${users.status} = 'pending_verification'`)
    .returning({ id: users.id });
  return updated.length > 0;
}

export async function storeMfaSecret(db: Queryable, clock: Clock, userId: string, sealed: string) {
  await db
    .update(users)
    .set({ mfaSecretEncrypted: sealed, updatedAt: clock.now() })
    .where(eq(users.id, userId));
}

export async function markMfaEnrolled(db: Queryable, clock: Clock, userId: string, step: number) {
  const now = clock.now();
  await db
    .update(users)
    .set({ mfaEnabledAt: now, mfaLastStep: step, updatedAt: now })
    .where(eq(users.id, userId));
}

/**
 * Remembers the time step of an accepted code; false when that step (or a later one) was already
 * used, which is how a replayed code is refused even by two requests racing each other.
 */
export async function advanceMfaStep(db: Queryable, userId: string, step: number): Promise<boolean> {
  const updated = await db
    .update(users)
    .set({ mfaLastStep: step })
    .where(sql`${users.id} = ${userId} and (${users.mfaLastStep} is null or ${users.mfaLastStep} < ${step})`)
    .returning({ id: users.id });
  return updated.length > 0;
}

/** The names of the user's roles in the given language. */
export async function roleNamesOf(db: Queryable, userId: string, locale: string): Promise<string[]> {
  const rows = await db
    .select({ code: roles.code, az: roles.nameAz, en: roles.nameEn, ru: roles.nameRu })
    .from(userRoles)
    .innerJoin(roles, eq(roles.code, userRoles.roleCode))
    .where(eq(userRoles.userId, userId))
    .orderBy(asc(roles.code));
  return rows.map((row) => (locale === "en" ? row.en : locale === "ru" ? row.ru : row.az));
}
