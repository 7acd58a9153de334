import type { FastifyInstance, FastifyReply } from "fastify";
import type { AccessModule } from "../module.js";
import { authContextOf } from "./auth-context.js";
import { hidden, perAddressLimit, typed, view } from "./auth-page-helpers.js";
import { rememberDevice } from "./known-device.js";
import { checkUnlockLink, unlockSignIn } from "./unlock-sign-in.js";

/**
 * The link e-mailed when guesses made sign-in wait: the page asks for a press of a button (mail
 * scanners open links, and must not use them up), then this browser becomes a known device.
 */
export function registerUnlockRoutes(app: FastifyInstance, access: AccessModule): void {
  const renderUnusable = (reply: FastifyReply) =>
    reply.render(view("unlock-link-unusable"), { title: reply.request.t("auth.unlock.unusableTitle") });

  app.get("/sign-in/unlock", { schema: hidden, config: perAddressLimit }, async (request, reply) => {
    const token = typed(request.query, "token");
    if (!(await checkUnlockLink(authContextOf(access, request), token))) return renderUnusable(reply);
    return reply.render(view("unlock-sign-in"), { title: request.t("auth.unlock.title"), token });
  });

  app.post("/sign-in/unlock", { schema: hidden, config: perAddressLimit }, async (request, reply) => {
    const result = await unlockSignIn(authContextOf(access, request), typed(request.body, "token"));
    if (!result.unlocked) return renderUnusable(reply);
    rememberDevice(request, reply, access, result.userId);
    return reply.redirect("/sign-in?unlocked=1", 303);
  });
}
