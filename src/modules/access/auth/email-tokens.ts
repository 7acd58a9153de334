import { createHmac, randomBytes } from "node:crypto";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Clock } from "../../../platform/clock/index.js";
import { derivePurposeKey } from "../../../platform/crypto/secret-box.js";
import type { Queryable } from "../../../platform/db/index.js";
import { emailTokens } from "../schema.js";
import { hashToken } from "../sessions.js";

export type EmailTokenPurpose = "verify_email" | "reset_password" | "unlock_sign_in";

/**
 * How long a link sent by e-mail works: a day to confirm an address or to unlock sign-in on a
 * device (its owner may read the mail later), an hour to reset a password.
 */
export const emailTokenLifetimeMs: Record<EmailTokenPurpose, number> = {
  verify_email: 24 * 3600_000,
  reset_password: 3600_000,
  unlock_sign_in: 24 * 3600_000,
};

/**
 * The token of the link one e-mail request sends, derived from the request's own key: a job
 * delivered twice issues the same link (and the mailer drops the repeated message) rather than a
 * second link that would stop the first from working.
 */
export function requestLinkToken(fileKey: string, requestKey: string): string {
  return createHmac("sha256", derivePurposeKey(fileKey, "email-link-token"))
    .update(requestKey)
    .digest("base64url");
}

/** Whether this token was issued already (used or not). */
export async function emailTokenExists(db: Queryable, token: string): Promise<boolean> {
  const [row] = await db
    .select({ tokenHash: emailTokens.tokenHash })
    .from(emailTokens)
    .where(eq(emailTokens.tokenHash, hashToken(token)))
    .limit(1);
  return row !== undefined;
}

/**
 * Creates a single-use token for a link sent by e-mail and returns it; only its SHA-256 is stored,
 * so a copy of the database does not hold working links. Earlier unused tokens for the same
 * purpose stop working: only the newest link in the inbox is valid.
 */
export async function issueEmailToken(
  db: Queryable,
  clock: Clock,
  userId: string,
  purpose: EmailTokenPurpose,
  /** A token derived for the request (`requestLinkToken`); a random one otherwise. */
  given?: string,
): Promise<string> {
  const now = clock.now();
  await db
    .update(emailTokens)
    .set({ usedAt: now })
    .where(and(eq(emailTokens.userId, userId), eq(emailTokens.purpose, purpose), isNull(emailTokens.usedAt)));
  const token = given ?? randomBytes(32).toString("base64url");
  await db.insert(emailTokens).values({
    tokenHash: hashToken(token),
    userId,
    purpose,
    createdAt: now,
    expiresAt: new Date(now.getTime() + emailTokenLifetimeMs[purpose]),
  });
  return token;
}

/** The user a token belongs to, when it is unused and unexpired; does not use it up. */
export async function findUsableEmailToken(
  db: Queryable,
  clock: Clock,
  token: string,
  purpose: EmailTokenPurpose,
  options: { lock?: boolean } = {},
): Promise<{ userId: string } | null> {
  if (!token) return null;
  const query = db
    .select({ userId: emailTokens.userId })
    .from(emailTokens)
    .where(
      and(
        eq(emailTokens.tokenHash, hashToken(token)),
        eq(emailTokens.purpose, purpose),
        isNull(emailTokens.usedAt),
        gt(emailTokens.expiresAt, clock.now()),
      ),
    )
    .limit(1);
  const [row] = options.lock ? await query.for("update") : await query;
  return row ?? null;
}

/** Uses a token up; returns its user, or null when it was already used, expired or never existed. */
export async function consumeEmailToken(
  db: Queryable,
  clock: Clock,
  token: string,
  purpose: EmailTokenPurpose,
): Promise<{ userId: string } | null> {
  if (!token) return null;
  const now = clock.now();
  const [row] = await db
    .update(emailTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(emailTokens.tokenHash, hashToken(token)),
        eq(emailTokens.purpose, purpose),
        isNull(emailTokens.usedAt),
        gt(emailTokens.expiresAt, now),
      ),
    )
    .returning({ userId: emailTokens.userId });
  return row ?? null;
}

/** How many links of this purpose the user was sent recently; caps e-mails anyone can trigger. */
export async function countRecentEmailTokens(
  db: Queryable,
  clock: Clock,
  userId: string,
  purpose: EmailTokenPurpose,
  withinMs: number,
): Promise<number> {
  const since = new Date(clock.now().getTime() - withinMs);
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(emailTokens)
    .where(
      and(eq(emailTokens.userId, userId), eq(emailTokens.purpose, purpose), gt(emailTokens.createdAt, since)),
    );
  return Number(row?.count ?? 0);
}
