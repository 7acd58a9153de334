import type { FastifyReply, FastifyRequest } from "fastify";
import type { AccessModule } from "../../module.js";
import { sessionCookieOptions } from "../../request-context.js";
import { sessionCookie } from "../../sessions.js";
import { accountSummary } from "../account-summary.js";
import { authContextOf } from "../auth-context.js";
import { currentSession } from "../auth-page-helpers.js";
import { knownDevicesOf } from "../known-device.js";
import { signOut } from "../sign-out.js";

/** GET /account: a public account's own page; staff have theirs at /staff. */
export async function showAccount(access: AccessModule, request: FastifyRequest, reply: FastifyReply) {
  const principal = request.principal;
  if (!principal || principal.kind === "staff") return reply.redirect("/staff", 303);
  const done = (request.query as { done?: unknown } | undefined)?.done;
  return reply.render("access/auth/account/account.njk", {
    title: request.t("auth.account.title"),
    account: await accountSummary(access.db, principal, request.locale),
    devices: await knownDevicesOf(access.db, access.clock, principal.userId),
    done: done === "deviceForgotten" || done === "allDevicesForgotten" ? done : null,
  });
}

/** POST /sign-out: the session ends here and on the server, half-way through a sign-in too. */
export async function signOutHere(access: AccessModule, request: FastifyRequest, reply: FastifyReply) {
  const session = currentSession(request);
  if (session) await signOut(authContextOf(access, request), session);
  reply.clearCookie(sessionCookie, sessionCookieOptions(access.config));
  return reply.redirect(session ? "/signed-out" : "/", 303);
}

export async function showSignedOut(request: FastifyRequest, reply: FastifyReply) {
  return reply.render("access/auth/account/signed-out.njk", { title: request.t("auth.signedOut.title") });
}
