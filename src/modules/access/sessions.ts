import { createHash, randomBytes } from "node:crypto";
import { and, eq, lt, sql } from "drizzle-orm";
import type { Clock } from "../../platform/clock/index.js";
import type { Queryable } from "../../platform/db/index.js";
import { sessions } from "./schema.js";

export const sessionCookie = "karvan_session";

export const sessionLimits = {
  idleMinutes: { staff: 15, public: 30 },
  absoluteHours: 12,
  /** Last-seen is written at most this often, so that reading a page is not a write. */
  touchEverySeconds: 30,
} as const;

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export interface NewSession {
  token: string;
  idHash: string;
  expiresAt: Date;
}

export async function createSession(
  db: Queryable,
  clock: Clock,
  input: { userId: string; mfaPassed: boolean; ip?: string | undefined; userAgent?: string | undefined },
): Promise<NewSession> {
  const token = randomBytes(32).toString("base64url");
  const idHash = hashToken(token);
  const now = clock.now();
  const expiresAt = new Date(now.getTime() + sessionLimits.absoluteHours * 3600_000);
  await db.insert(sessions).values({
    idHash,
    userId: input.userId,
    mfaPassed: input.mfaPassed,
    createdAt: now,
    lastSeenAt: now,
    expiresAt,
    ip: input.ip ?? null,
    userAgent: input.userAgent?.slice(0, 300) ?? null,
  });
  return { token, idHash, expiresAt };
}

export interface LiveSession {
  idHash: string;
  userId: string;
  mfaPassed: boolean;
  createdAt: Date;
  expiresAt: Date;
}

/** A session as read, with the times that decide whether it is still live. */
export interface StoredSession {
  userId: string;
  mfaPassed: boolean;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}

/**
 * The session read for a cookie token, ended when it has passed the idle or absolute limit (or
 * its holder is no longer active: `kind` null). `kind` decides the idle limit: staff sessions end
 * sooner than applicants'.
 */
export async function keepSessionLive(
  db: Queryable,
  clock: Clock,
  idHash: string,
  row: StoredSession,
  kind: "staff" | "public" | null,
): Promise<LiveSession | null> {
  const now = clock.now();
  const idleMs = sessionLimits.idleMinutes[kind ?? "staff"] * 60_000;
  if (!kind || row.expiresAt <= now || row.lastSeenAt.getTime() + idleMs <= now.getTime()) {
    await db.delete(sessions).where(eq(sessions.idHash, idHash));
    return null;
  }
  if (now.getTime() - row.lastSeenAt.getTime() >= sessionLimits.touchEverySeconds * 1000) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.idHash, idHash));
  }
  return {
    idHash,
    userId: row.userId,
    mfaPassed: row.mfaPassed,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
  };
}

export async function destroySession(db: Queryable, idHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.idHash, idHash));
}

export async function destroyUserSessions(db: Queryable, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

export async function deleteExpiredSessions(db: Queryable, clock: Clock): Promise<number> {
  const now = clock.now();
  const oldestIdle = new Date(now.getTime() - sessionLimits.idleMinutes.public * 60_000);
  const deleted = await db
    .delete(sessions)
    .where(sql`${lt(sessions.expiresAt, now)} or ${and(lt(sessions.lastSeenAt, oldestIdle))}`)
    .returning({ idHash: sessions.idHash });
  return deleted.length;
}
