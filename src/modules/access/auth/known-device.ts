import { randomBytes } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Clock } from "../../../platform/clock/index.js";
import type { KarvanConfig } from "../../../platform/config/index.js";
import { sessionCookieOptions } from "../request-context.js";

/**
 * A browser that has signed in to an account before (or was unlocked by the link e-mailed to the
 * account) carries a signed, long-lived cookie naming the account and a random device id. Failed
 * guesses elsewhere do not hold such a browser back, so nobody can lock the owner out; it still
 * needs the password and, for staff, the second factor, and its own failures are throttled.
 */
export const knownDeviceCookie = "karvan_device";

/** How long a browser stays known without signing in again. */
export const knownDeviceLifetimeDays = 365;

export interface KnownDevice {
  userId: string;
  deviceId: string;
}

const valuePattern = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{16,64})\.(\d{1,12})$/;

/** The known device this request's cookie proves, if its signature and age are right. */
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

/**
 * Marks this browser as a known device of the account, keeping its device id when it already was
 * one (its own throttling history stays with it).
 */
export function rememberDevice(
  request: FastifyRequest,
  reply: FastifyReply,
  context: { config: KarvanConfig; clock: Clock },
  userId: string,
): void {
  const current = knownDeviceOf(request, context.clock);
  const deviceId = current?.userId === userId ? current.deviceId : randomBytes(16).toString("base64url");
  const issued = Math.floor(context.clock.now().getTime() / 1000);
  reply.setCookie(knownDeviceCookie, `${userId}.${deviceId}.${issued}`, {
    ...sessionCookieOptions(context.config),
    signed: true,
    maxAge: knownDeviceLifetimeDays * 24 * 3600,
  });
}
