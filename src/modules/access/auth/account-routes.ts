import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { parseForm } from "../../../platform/http/index.js";
import type { AccessModule } from "../module.js";
import { sessionCookieOptions } from "../request-context.js";
import { sessionCookie } from "../sessions.js";
import { accountSummary } from "./account-summary.js";
import { authContextOf } from "./auth-context.js";
import { currentSession, hidden, oneError, perAddressLimit, view } from "./auth-page-helpers.js";
import { signInCodeForm } from "./form-schemas.js";
import { countUnusedRecoveryCodes } from "./recovery-codes.js";
import { regenerateRecoveryCodes } from "./regenerate-recovery-codes.js";
import { signOut } from "./sign-out.js";

/** Once signed in: the public account page, new recovery codes for staff, and signing out. */
export function registerAccountRoutes(app: FastifyInstance, access: AccessModule): void {
  const { guards } = access;

  // ---- Recovery codes of a signed-in staff member --------------------------------------------

  const renderRegenerate = async (
    request: FastifyRequest,
    reply: FastifyReply,
    data: Record<string, unknown> = {},
  ) =>
    reply.render(view("regenerate-recovery-codes"), {
      title: request.t("auth.regenerateCodes.title"),
      unusedCodes: request.principal
        ? await countUnusedRecoveryCodes(access.db, request.principal.userId)
        : 0,
      ...data,
    });

  app.get(
    "/staff/recovery-codes",
    { schema: hidden, preHandler: guards.requireSignedIn },
    async (request, reply) => {
      if (request.principal?.kind !== "staff" || request.principal.apiKeyId)
        return reply.redirect("/account", 303);
      return renderRegenerate(request, reply);
    },
  );

  app.post(
    "/staff/recovery-codes",
    { schema: hidden, preHandler: guards.requireSignedIn, config: perAddressLimit },
    async (request, reply) => {
      const t = request.t;
      const principal = request.principal;
      if (principal?.kind !== "staff" || principal.apiKeyId) return reply.redirect("/account", 303);
      const form = parseForm(signInCodeForm, request.body, t);
      if (!form.ok) {
        return renderRegenerate(request, reply.status(422), {
          errors: form.errors,
          errorsByField: form.byField,
        });
      }
      const result = await regenerateRecoveryCodes(
        authContextOf(access, request),
        principal.userId,
        form.data.code,
      );
      if (result.outcome === "regenerated") {
        return reply.render(view("recovery-codes"), {
          title: t("auth.recoveryCodes.title"),
          recoveryCodes: result.recoveryCodes,
          continueHref: "/staff",
          enrolled: false,
        });
      }
      const message =
        result.reason === "locked"
          ? t("auth.errors.codeLocked", { minutes: result.retryAfterMinutes })
          : t("auth.errors.codeWrong");
      return renderRegenerate(
        request,
        reply.status(result.reason === "locked" ? 429 : 422),
        oneError("code", message),
      );
    },
  );

  // ---- Sign-out and the account page ---------------------------------------------------------

  app.post("/sign-out", { schema: hidden }, async (request, reply) => {
    const session = currentSession(request);
    if (session) await signOut(authContextOf(access, request), session);
    reply.clearCookie(sessionCookie, sessionCookieOptions(access.config));
    return reply.redirect(session ? "/signed-out" : "/", 303);
  });

  app.get("/signed-out", { schema: hidden }, async (request, reply) =>
    reply.render(view("signed-out"), { title: request.t("auth.signedOut.title") }),
  );

  app.get("/account", { schema: hidden, preHandler: guards.requireSignedIn }, async (request, reply) => {
    const principal = request.principal;
    if (!principal || principal.kind === "staff") return reply.redirect("/staff", 303);
    return reply.render(view("account"), {
      title: request.t("auth.account.title"),
      account: await accountSummary(access.db, principal, request.locale),
    });
  });
}
