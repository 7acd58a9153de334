import type { FastifyInstance, FastifyReply } from "fastify";
import { parseForm } from "../../../platform/http/index.js";
import type { AccessModule } from "../module.js";
import { sessionCookieOptions } from "../request-context.js";
import { sessionCookie } from "../sessions.js";
import { authContextOf } from "./auth-context.js";
import { hidden, oneError, perAddressLimit, typed, view } from "./auth-page-helpers.js";
import { registerEmailRequestPage } from "./email-request-routes.js";
import { resetPasswordForm } from "./form-schemas.js";
import { requestPasswordReset } from "./request-password-reset.js";
import { checkResetLink, resetPassword } from "./reset-password.js";

/** A forgotten password: asking for the link by e-mail, then choosing a new password (staff: with a code). */
export function registerPasswordResetRoutes(app: FastifyInstance, access: AccessModule): void {
  registerEmailRequestPage(app, {
    path: "/forgot-password",
    template: "forgot-password",
    titleKey: "auth.forgotPassword.title",
    sentTitleKey: "auth.forgotPassword.sentTitle",
    sentLeadKey: "auth.forgotPassword.sentLead",
    act: (request, email) => requestPasswordReset(authContextOf(access, request), email),
  });

  const renderUnusableLink = (reply: FastifyReply) =>
    reply.render(view("reset-link-unusable"), { title: reply.request.t("auth.resetPassword.unusableTitle") });

  const renderReset = (reply: FastifyReply, data: Record<string, unknown>) =>
    reply.render(view("reset-password"), { title: reply.request.t("auth.resetPassword.title"), ...data });

  app.get("/reset-password", { schema: hidden, config: perAddressLimit }, async (request, reply) => {
    const token = typed(request.query, "token");
    const link = await checkResetLink(authContextOf(access, request), token);
    if (!link.usable) return renderUnusableLink(reply);
    return renderReset(reply, { token, needsCode: link.needsCode });
  });

  app.post("/reset-password", { schema: hidden, config: perAddressLimit }, async (request, reply) => {
    const t = request.t;
    const context = authContextOf(access, request);
    const token = typed(request.body, "token");
    const link = await checkResetLink(context, token);
    if (!link.usable) return renderUnusableLink(reply);
    const form = parseForm(resetPasswordForm, request.body, t);
    if (!form.ok) {
      return renderReset(reply.status(422), {
        token,
        needsCode: link.needsCode,
        errors: form.errors,
        errorsByField: form.byField,
      });
    }
    const result = await resetPassword(context, {
      token,
      password: form.data.password,
      code: form.data.code,
    });
    if (result.outcome === "reset") {
      reply.clearCookie(sessionCookie, sessionCookieOptions(access.config));
      return reply.redirect("/sign-in?passwordReset=1", 303);
    }
    if (result.reason === "link_unusable") return renderUnusableLink(reply);
    const failure =
      result.reason === "password_problem"
        ? oneError("password", t(`access.errors.password_${result.problem}`))
        : result.reason === "locked"
          ? oneError("code", t("auth.errors.codeLocked", { minutes: result.retryAfterMinutes }))
          : oneError(
              "code",
              t(result.reason === "code_required" ? "auth.errors.codeRequired" : "auth.errors.codeWrong"),
            );
    return renderReset(reply.status(result.reason === "locked" ? 429 : 422), {
      token,
      needsCode: link.needsCode,
      ...failure,
    });
  });
}
