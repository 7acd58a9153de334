import type { FastifyReply, FastifyRequest } from "fastify";
import type { AccessModule } from "../../module.js";
import { authContextOf } from "../auth-context.js";
import { typed } from "../auth-page-helpers.js";
import { rememberDevice } from "../known-device.js";
import { checkUnlockLink, unlockSignIn } from "../unlock-sign-in.js";

const renderUnusable = (reply: FastifyReply) =>
  reply.render("access/auth/unlock/unlock-link-unusable.njk", {
    title: reply.request.t("auth.unlock.unusableTitle"),
  });

/** The link opens a page with a button: mail scanners open links, and must not use them up. */
export async function showUnlock(access: AccessModule, request: FastifyRequest, reply: FastifyReply) {
  const token = typed(request.query, "token");
  if (!(await checkUnlockLink(authContextOf(access, request), token))) return renderUnusable(reply);
  return reply.render("access/auth/unlock/unlock-sign-in.njk", {
    title: request.t("auth.unlock.title"),
    token,
  });
}

export async function unlock(access: AccessModule, request: FastifyRequest, reply: FastifyReply) {
  const result = await unlockSignIn(authContextOf(access, request), typed(request.body, "token"));
  if (!result.unlocked) return renderUnusable(reply);
  await rememberDevice(request, reply, access, result.userId);
  return reply.redirect("/sign-in?unlocked=1", 303);
}
