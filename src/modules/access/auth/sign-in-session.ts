import type { FastifyReply, FastifyRequest } from "fastify";
import type { AccessModule } from "../module.js";
import { sessionCookieOptions } from "../request-context.js";
import { type NewSession, sessionCookie } from "../sessions.js";
import { rememberDevice } from "./known-device.js";

// What the steps of signing in share: the session cookie and where to go next.

export function nextQuery(next: string | null): string {
  return next ? `?next=${encodeURIComponent(next)}` : "";
}

export function startSession(access: AccessModule, reply: FastifyReply, session: NewSession): void {
  reply.setCookie(sessionCookie, session.token, sessionCookieOptions(access.config));
}

/** A full sign-in: the session, and this browser becomes a known device of the account. */
export async function signedIn(
  access: AccessModule,
  request: FastifyRequest,
  reply: FastifyReply,
  session: NewSession,
  userId: string,
): Promise<void> {
  startSession(access, reply, session);
  await rememberDevice(request, reply, access, userId);
}

/** The message of a refused code: locked for a while, or simply wrong. */
export function codeRefusal(
  request: FastifyRequest,
  result: { reason: string; retryAfterMinutes?: number },
  wrongKey: string,
): { status: number; message: string } {
  return result.reason === "locked"
    ? {
        status: 429,
        message: request.t("auth.errors.codeLocked", { minutes: result.retryAfterMinutes }),
      }
    : { status: 422, message: request.t(wrongKey) };
}
