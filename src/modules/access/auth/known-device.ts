import { randomBytes } from "node:crypto";
import { and, desc, eq, gt } from "drizzle-orm";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Clock } from "../../../platform/clock/index.js";
import type { KarvanConfig } from "../../../platform/config/index.js";
import type { Queryable } from "../../../platform/db/index.js";
import { sessionCookieOptions } from "../request-context.js";
import { knownDevices } from "../schema.js";

/**
 * A browser that has signed in to an account before (or was unlocked by the link e-mailed to the
 * account) carries a signed, long-lived cookie naming the account and a random device id. Failed
 * guesses elsewhere do not hold such a browser back, so nobody can lock the owner out; it still
 * needs the password and, for staff, the second factor, and its own failures are throttled. The
 * device is also listed in `known_devices`, and only a listed device counts: the account's owner
 * can forget one there, and the cookie stops helping that browser.
 */
export const knownDeviceCookie = "karvan_device";

/** How long a browser stays known without signing in again. */
export const knownDeviceLifetimeDays = 365;

export interface KnownDevice {
  userId: string;
  deviceId: string;
}

const valuePattern = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{16,64})\.(\d{1,12})$/;

/**
 * The known device this request's cookie claims, if its signature and age are right; whether the
 * account still lists it is `stillKnown`'s question.
 */
export function knownDeviceOf(request: FastifyRequest, clock: Clock): KnownDevice | undefined {
  const raw = request.cookies[knownDeviceCookie];
  if (!raw) return undefined;
  const unsigned = request.unsignCookie(raw);
  if (!unsigned.valid || unsigned.value === null) return undefined;
  const match = valuePattern.exec(unsigned.value);
  if (!match?.[1] || !match[2] || !match[3]) return undefined;
  const issuedMs = Number(match[3]) * 1000;
  if (clock.now().getTime() - issuedMs > knownDeviceLifetimeDays * 24 * 3600_000) return undefined;
  return { userId: match[1], deviceId: match[2] };
}

/** Whether the account still lists the device (its owner has not forgotten it). */
export async function stillKnown(db: Queryable, device: KnownDevice): Promise<boolean> {
  const [row] = await db
    .select({ id: knownDevices.id })
    .from(knownDevices)
    .where(and(eq(knownDevices.userId, device.userId), eq(knownDevices.deviceId, device.deviceId)))
    .limit(1);
  return row !== undefined;
}

/**
 * Marks this browser as a known device of the account, keeping its device id when it already was
 * one (its own throttling history stays with it); a forgotten device starts again with a new id.
 */
export async function rememberDevice(
  request: FastifyRequest,
  reply: FastifyReply,
  context: { config: KarvanConfig; clock: Clock; db: Queryable },
  userId: string,
): Promise<void> {
  const current = knownDeviceOf(request, context.clock);
  const kept = current?.userId === userId && (await stillKnown(context.db, current));
  const deviceId = kept ? current.deviceId : randomBytes(16).toString("base64url");
  const now = context.clock.now();
  const userAgent = request.headers["user-agent"];
  const named = describeUserAgent(typeof userAgent === "string" ? userAgent : "");
  await context.db
    .insert(knownDevices)
    .values({ userId, deviceId, ...named, firstUsedAt: now, lastUsedAt: now })
    .onConflictDoUpdate({
      target: [knownDevices.userId, knownDevices.deviceId],
      set: { ...named, lastUsedAt: now },
    });
  const issued = Math.floor(now.getTime() / 1000);
  reply.setCookie(knownDeviceCookie, `${userId}.${deviceId}.${issued}`, {
    ...sessionCookieOptions(context.config),
    signed: true,
    maxAge: knownDeviceLifetimeDays * 24 * 3600,
  });
}

/** A device as its owner sees it on the account page. */
export interface ListedDevice {
  id: string;
  browser: string | null;
  platform: string | null;
  firstUsedAt: Date;
  lastUsedAt: Date;
}

/**
 * The account's known devices, the most recently used first. Each sign-in renews the cookie, so a
 * device unused for its lifetime has no valid cookie left and is not listed.
 */
export async function knownDevicesOf(db: Queryable, clock: Clock, userId: string): Promise<ListedDevice[]> {
  const oldest = new Date(clock.now().getTime() - knownDeviceLifetimeDays * 24 * 3600_000);
  return db
    .select({
      id: knownDevices.id,
      browser: knownDevices.browser,
      platform: knownDevices.platform,
      firstUsedAt: knownDevices.firstUsedAt,
      lastUsedAt: knownDevices.lastUsedAt,
    })
    .from(knownDevices)
    .where(and(eq(knownDevices.userId, userId), gt(knownDevices.lastUsedAt, oldest)))
    .orderBy(desc(knownDevices.lastUsedAt), desc(knownDevices.firstUsedAt));
}

/** Deletes one of the account's devices (`id`) or all of them; returns the ids deleted. */
export async function deleteKnownDevices(db: Queryable, userId: string, id?: string): Promise<string[]> {
  const rows = await db
    .delete(knownDevices)
    .where(and(eq(knownDevices.userId, userId), ...(id ? [eq(knownDevices.id, id)] : [])))
    .returning({ id: knownDevices.id });
  return rows.map((row) => row.id);
}

// Order matters: Edge and Opera also name Chrome, and Chrome also names Safari.
const browsers: Array<[RegExp, string]> = [
  [/Edg(e|A|iOS)?\//, "Edge"],
  [/OPR\/|Opera/, "Opera"],
  [/Firefox\/|FxiOS\//, "Firefox"],
  [/Chrome\/|CriOS\//, "Chrome"],
  [/Safari\//, "Safari"],
];
const platforms: Array<[RegExp, string]> = [
  [/Android/, "Android"],
  [/iPhone|iPad|iPod/, "iOS"],
  [/Windows/, "Windows"],
  [/Mac OS X|Macintosh/, "macOS"],
  [/CrOS/, "ChromeOS"],
  [/Linux/, "Linux"],
];

/**
 * The browser family and system named by a user agent, or null where it names none we know: the
 * header itself is not kept, it says more about the person's machine than the page needs.
 */
export function describeUserAgent(userAgent: string): { browser: string | null; platform: string | null } {
  const first = (patterns: Array<[RegExp, string]>) =>
    patterns.find(([pattern]) => pattern.test(userAgent))?.[1] ?? null;
  return { browser: first(browsers), platform: first(platforms) };
}
