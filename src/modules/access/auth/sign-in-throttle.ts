import { createHmac } from "node:crypto";
import { and, count, desc, eq, gt, inArray, like, max, or } from "drizzle-orm";
import type { Clock } from "../../../platform/clock/index.js";
import { derivePurposeKey } from "../../../platform/crypto/secret-box.js";
import type { Queryable } from "../../../platform/db/index.js";
import { signInAttempts } from "../schema.js";
import type { AuthContext } from "./auth-context.js";
import { normaliseEmail } from "./auth-repository.js";
import { stillKnown } from "./known-device.js";

export type AttemptKind = "password" | "mfa" | "password_reset";

/**
 * Whose secret is being guessed and from where. The subject is a keyed hash of the address typed,
 * so an address without an account is throttled exactly like one with (the answers cannot tell
 * them apart), and the table holds no typed address. The source is the browser's known-device id
 * when it has one for this account, otherwise its network address.
 */
export interface AttemptKey {
  subject: string;
  source: string;
}

/**
 * Growing delays instead of a lock (ASVS 2.2.1): each account and source may fail a few times
 * freely, then must wait before each next try, twice as long each time up to a cap. Guesses from
 * one place never lock the owner out elsewhere. Across all sources that are not known devices
 * the account takes at most 100 failures an hour; a known device (or a browser unlocked by the
 * e-mailed link) is not held back by other sources' failures.
 */
export const throttleRules = {
  freeFailures: 5,
  firstDelayMinutes: 1,
  maxDelayMinutes: 15,
  /** How long a source's failures are remembered when none of its tries succeeds. */
  sourceMemoryHours: 24,
  accountFailuresPerHour: 100,
} as const;

export type Throttle =
  | { locked: false }
  | { locked: true; rule: "source" | "account"; until: Date; retryAfterMinutes: number };

/** Successes that restart a source's count: a password reset restarts every source's. */
const successesThatReset: Record<AttemptKind, AttemptKind[]> = {
  password: ["password", "password_reset"],
  mfa: ["mfa"],
  password_reset: ["password_reset"],
};

const knownDevicePrefix = "device:";

/** The subject of an e-mail address: the same for whatever case or spaces it was typed with. */
function attemptSubject(fileKey: string, email: string): string {
  return createHmac("sha256", derivePurposeKey(fileKey, "sign-in-subject"))
    .update(normaliseEmail(email))
    .digest("base64url");
}

function attemptSource(origin: { ip?: string | undefined; knownDeviceId?: string | undefined }): string {
  return origin.knownDeviceId
    ? `${knownDevicePrefix}${origin.knownDeviceId}`
    : `ip:${origin.ip ?? "unknown"}`;
}

/**
 * The key of an attempt at this address: a browser counts as a known device only for the account
 * its cookie names, and only while that account still lists it (`accountId` is null when the
 * address has no account).
 */
export async function attemptKeyFor(
  context: Pick<AuthContext, "db" | "config" | "ip" | "knownDevice">,
  email: string,
  accountId: string | null,
  /** The transaction the attempt is part of, if any. */
  db: Queryable = context.db,
): Promise<AttemptKey> {
  const device = context.knownDevice;
  const known =
    device !== undefined && accountId !== null && device.userId === accountId
      ? await stillKnown(db, device)
      : false;
  return {
    subject: attemptSubject(context.config.fileKey, email),
    source: attemptSource({ ip: context.ip, knownDeviceId: known ? device?.deviceId : undefined }),
  };
}

/** The wait after `failures` failures in a row from one source (0 while they are free). */
export function delayMinutesAfter(failures: number): number {
  if (failures < throttleRules.freeFailures) return 0;
  return Math.min(
    throttleRules.maxDelayMinutes,
    throttleRules.firstDelayMinutes * 2 ** (failures - throttleRules.freeFailures),
  );
}

export async function recordAttempt(
  db: Queryable,
  clock: Clock,
  attempt: {
    key: AttemptKey;
    userId: string | null;
    kind: AttemptKind;
    succeeded: boolean;
    ip?: string | undefined;
  },
): Promise<void> {
  await db.insert(signInAttempts).values({
    userId: attempt.userId,
    kind: attempt.kind,
    succeeded: attempt.succeeded,
    ip: attempt.ip ?? null,
    at: clock.now(),
    subject: attempt.key.subject,
    source: attempt.key.source,
  });
}

function locked(rule: "source" | "account", until: Date, now: Date): Throttle {
  return {
    locked: true,
    rule,
    until,
    retryAfterMinutes: Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000)),
  };
}

/** Whether this source may try this kind of secret for this subject now, and if not, until when. */
export async function throttleFor(
  db: Queryable,
  clock: Clock,
  key: AttemptKey,
  kind: AttemptKind,
): Promise<Throttle> {
  const now = clock.now();
  const memoryStart = new Date(now.getTime() - throttleRules.sourceMemoryHours * 3600_000);
  const hourAgo = new Date(now.getTime() - 3600_000);
  const ofSubject = eq(signInAttempts.subject, key.subject);
  // Ids, not times, decide what came after the last success: two attempts can share a timestamp.
  const [lastSuccess] = await db
    .select({ id: signInAttempts.id })
    .from(signInAttempts)
    .where(
      and(
        ofSubject,
        eq(signInAttempts.succeeded, true),
        gt(signInAttempts.at, memoryStart),
        or(
          and(eq(signInAttempts.kind, kind), eq(signInAttempts.source, key.source)),
          and(
            inArray(signInAttempts.kind, successesThatReset[kind]),
            eq(signInAttempts.kind, "password_reset"),
          ),
        ),
      ),
    )
    .orderBy(desc(signInAttempts.id))
    .limit(1);
  const [fromSource] = await db
    .select({ failures: count(), last: max(signInAttempts.at) })
    .from(signInAttempts)
    .where(
      and(
        ofSubject,
        eq(signInAttempts.kind, kind),
        eq(signInAttempts.source, key.source),
        eq(signInAttempts.succeeded, false),
        gt(signInAttempts.at, memoryStart),
        ...(lastSuccess ? [gt(signInAttempts.id, lastSuccess.id)] : []),
      ),
    );
  const delay = delayMinutesAfter(Number(fromSource?.failures ?? 0));
  const sourceUntil =
    delay > 0 && fromSource?.last ? new Date(new Date(fromSource.last).getTime() + delay * 60_000) : null;
  if (sourceUntil && sourceUntil > now) return locked("source", sourceUntil, now);

  if (key.source.startsWith(knownDevicePrefix)) return { locked: false };
  const hourly = await db
    .select({ at: signInAttempts.at })
    .from(signInAttempts)
    .where(
      and(
        ofSubject,
        eq(signInAttempts.kind, kind),
        eq(signInAttempts.succeeded, false),
        like(signInAttempts.source, "ip:%"),
        gt(signInAttempts.at, hourAgo),
      ),
    )
    .orderBy(desc(signInAttempts.at), desc(signInAttempts.id))
    .limit(throttleRules.accountFailuresPerHour);
  const edge = hourly[throttleRules.accountFailuresPerHour - 1];
  if (edge) return locked("account", new Date(edge.at.getTime() + 3600_000), now);
  return { locked: false };
}
