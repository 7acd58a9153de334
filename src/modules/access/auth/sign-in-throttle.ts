import { and, desc, eq, gt, inArray } from "drizzle-orm";
import type { Clock } from "../../../platform/clock/index.js";
import type { Queryable } from "../../../platform/db/index.js";
import { signInAttempts } from "../schema.js";

export type AttemptKind = "password" | "mfa" | "password_reset";

/**
 * Limits on guessing, per account and per kind of secret (password, second factor). The short
 * rule slows guessing down to a few tries a quarter of an hour; the hourly rule is the hard
 * ceiling ASVS asks for (no more than 100 failures an hour). Counting restarts after a success.
 */
export const throttleRules = {
  short: { failures: 5, windowMinutes: 15 },
  hourly: { failures: 100, windowMinutes: 60 },
} as const;

export type Throttle =
  | { locked: false }
  | { locked: true; rule: "short" | "hourly"; until: Date; retryAfterMinutes: number };

/** Successes that restart the count: a password reset also frees a password lock. */
const successesThatReset: Record<AttemptKind, AttemptKind[]> = {
  password: ["password", "password_reset"],
  mfa: ["mfa"],
  password_reset: ["password_reset"],
};

export async function recordAttempt(
  db: Queryable,
  clock: Clock,
  attempt: { userId: string; kind: AttemptKind; succeeded: boolean; ip?: string | undefined },
): Promise<void> {
  await db.insert(signInAttempts).values({
    userId: attempt.userId,
    kind: attempt.kind,
    succeeded: attempt.succeeded,
    ip: attempt.ip ?? null,
    at: clock.now(),
  });
}

/** Whether the account may try this kind of secret now and, when not, until when it must wait. */
export async function throttleFor(
  db: Queryable,
  clock: Clock,
  userId: string,
  kind: AttemptKind,
): Promise<Throttle> {
  const now = clock.now();
  const hourAgo = new Date(now.getTime() - throttleRules.hourly.windowMinutes * 60_000);
  // Ids, not times, decide what came after the last success: two attempts can share a timestamp.
  const [lastSuccess] = await db
    .select({ id: signInAttempts.id })
    .from(signInAttempts)
    .where(
      and(
        eq(signInAttempts.userId, userId),
        inArray(signInAttempts.kind, successesThatReset[kind]),
        eq(signInAttempts.succeeded, true),
        gt(signInAttempts.at, hourAgo),
      ),
    )
    .orderBy(desc(signInAttempts.id))
    .limit(1);
  // Newest first; only as many as the largest rule needs.
  const failures = await db
    .select({ at: signInAttempts.at })
    .from(signInAttempts)
    .where(
      and(
        eq(signInAttempts.userId, userId),
        eq(signInAttempts.kind, kind),
        eq(signInAttempts.succeeded, false),
        gt(signInAttempts.at, hourAgo),
        ...(lastSuccess ? [gt(signInAttempts.id, lastSuccess.id)] : []),
      ),
    )
    .orderBy(desc(signInAttempts.at), desc(signInAttempts.id))
    .limit(throttleRules.hourly.failures);

  const locks: Array<{ rule: "short" | "hourly"; until: Date }> = [];
  const hourlyEdge = failures[throttleRules.hourly.failures - 1];
  if (hourlyEdge) {
    locks.push({
      rule: "hourly",
      until: new Date(hourlyEdge.at.getTime() + throttleRules.hourly.windowMinutes * 60_000),
    });
  }
  const shortEdge = failures[throttleRules.short.failures - 1];
  if (shortEdge) {
    const until = new Date(shortEdge.at.getTime() + throttleRules.short.windowMinutes * 60_000);
    if (until > now) locks.push({ rule: "short", until });
  }
  const longest = locks.sort((a, b) => b.until.getTime() - a.until.getTime())[0];
  if (!longest) return { locked: false };
  return {
    locked: true,
    rule: longest.rule,
    until: longest.until,
    retryAfterMinutes: Math.max(1, Math.ceil((longest.until.getTime() - now.getTime()) / 60_000)),
  };
}
