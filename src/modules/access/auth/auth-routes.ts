import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { type FieldError, formError, parseForm } from "../../../platform/http/index.js";
import type { AccessModule } from "../module.js";
import { sessionCookieOptions } from "../request-context.js";
import { type NewSession, sessionCookie } from "../sessions.js";
import { accountSummary } from "./account-summary.js";
import { authContextOf } from "./auth-context.js";
import { findAccountById } from "./auth-repository.js";
import { confirmMfaEnrolment, startMfaEnrolment } from "./enrol-mfa.js";
import { emailOnlyForm, resetPasswordForm, signInCodeForm, signInForm, signUpForm } from "./form-schemas.js";
import { countUnusedRecoveryCodes } from "./recovery-codes.js";
import { regenerateRecoveryCodes } from "./regenerate-recovery-codes.js";
import { requestPasswordReset } from "./request-password-reset.js";
import { resendVerification } from "./resend-verification.js";
import { checkResetLink, resetPassword } from "./reset-password.js";
import { safeNextPath } from "./safe-redirect.js";
import { signIn } from "./sign-in.js";
import { signOut } from "./sign-out.js";
import { signUp } from "./sign-up.js";
import { verifyEmail } from "./verify-email.js";
import { verifySignInCode } from "./verify-sign-in-code.js";

/** Guessing and e-mail sending pages: a per-address limit on top of the per-account throttle. */
const perAddressLimit = { rateLimit: { max: 10, timeWindow: "1 minute" } };
const hidden = { hide: true };

const view = (name: string) => `access/views/auth/${name}.njk`;

/** A submitted text field, to show again after an error (never used for passwords). */
function typed(body: unknown, name: string): string {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  return typeof value === "string" ? value : "";
}

function nextQuery(next: string | null): string {
  return next ? `?next=${encodeURIComponent(next)}` : "";
}

function homeOf(kind: "public" | "staff"): string {
  return kind === "staff" ? "/staff" : "/account";
}

type FormErrors = {
  errors: FieldError[];
  errorsByField: Record<string, string>;
};

function oneError(field: string, text: string): FormErrors {
  const result = formError(field, text);
  return result.ok
    ? { errors: [], errorsByField: {} }
    : { errors: result.errors, errorsByField: result.byField };
}

/** Sign-up, e-mail verification, sign-in with the second factor, password reset, sign-out, account. */
export async function registerAuthRoutes(app: FastifyInstance, access: AccessModule): Promise<void> {
  const { guards } = access;

  function startSession(reply: FastifyReply, session: NewSession): void {
    reply.setCookie(sessionCookie, session.token, sessionCookieOptions(access.config));
  }

  /** The session this browser holds now, signed in or half-way through the second factor. */
  function currentSession(request: FastifyRequest): { userId: string; sessionIdHash: string } | null {
    if (request.principal?.sessionIdHash) {
      return { userId: request.principal.userId, sessionIdHash: request.principal.sessionIdHash };
    }
    return request.pendingMfa;
  }

  // ---- Sign-up and e-mail verification -------------------------------------------------------

  const renderSignUp = (reply: FastifyReply, data: Record<string, unknown> = {}) =>
    reply.render(view("sign-up"), { title: reply.request.t("auth.signUp.title"), values: {}, ...data });

  app.get("/sign-up", { schema: hidden }, async (request, reply) => {
    if (request.principal) return reply.redirect(homeOf(request.principal.kind), 303);
    return renderSignUp(reply);
  });

  app.post("/sign-up", { schema: hidden, config: perAddressLimit }, async (request, reply) => {
    const form = parseForm(signUpForm, request.body, request.t);
    if (!form.ok) {
      return renderSignUp(reply.status(422), {
        errors: form.errors,
        errorsByField: form.byField,
        values: {
          fullName: typed(request.body, "fullName"),
          email: typed(request.body, "email"),
          hostOrEmployer: typed(request.body, "hostOrEmployer") === "yes",
        },
      });
    }
    await signUp(authContextOf(access, request), form.data);
    return reply.redirect("/sign-up/check-email", 303);
  });

  app.get("/sign-up/check-email", { schema: hidden }, async (request, reply) =>
    reply.render(view("email-sent"), {
      title: request.t("auth.signUp.checkEmailTitle"),
      lead: request.t("auth.signUp.checkEmailLead"),
      showResendLink: true,
    }),
  );

  app.get("/verify-email", { schema: hidden, config: perAddressLimit }, async (request, reply) => {
    const token = typed(request.query, "token");
    const { verified } = await verifyEmail(authContextOf(access, request), token);
    return reply.render(view("verify-email"), {
      title: request.t(verified ? "auth.verifyEmail.verifiedTitle" : "auth.verifyEmail.unusableTitle"),
      verified,
    });
  });

  const renderResend = (reply: FastifyReply, data: Record<string, unknown> = {}) =>
    reply.render(view("resend-verification"), {
      title: reply.request.t("auth.resendVerification.title"),
      values: {},
      ...data,
    });

  app.get("/verify-email/resend", { schema: hidden }, async (_request, reply) => renderResend(reply));

  app.post("/verify-email/resend", { schema: hidden, config: perAddressLimit }, async (request, reply) => {
    const form = parseForm(emailOnlyForm, request.body, request.t);
    if (!form.ok) {
      return renderResend(reply.status(422), {
        errors: form.errors,
        errorsByField: form.byField,
        values: { email: typed(request.body, "email") },
      });
    }
    await resendVerification(authContextOf(access, request), form.data.email);
    return reply.redirect("/verify-email/resend/sent", 303);
  });

  app.get("/verify-email/resend/sent", { schema: hidden }, async (request, reply) =>
    reply.render(view("email-sent"), {
      title: request.t("auth.resendVerification.sentTitle"),
      lead: request.t("auth.resendVerification.sentLead"),
      showResendLink: false,
    }),
  );

  // ---- Sign-in: password, then (staff) the second factor -------------------------------------

  const renderSignIn = (reply: FastifyReply, data: Record<string, unknown> = {}) =>
    reply.render(view("sign-in"), { title: reply.request.t("auth.signIn.title"), values: {}, ...data });

  app.get("/sign-in", { schema: hidden }, async (request, reply) => {
    const next = safeNextPath(typed(request.query, "next"));
    if (request.principal) return reply.redirect(next ?? homeOf(request.principal.kind), 303);
    return renderSignIn(reply, {
      next,
      passwordReset: typed(request.query, "passwordReset") === "1",
    });
  });

  app.post("/sign-in", { schema: hidden, config: perAddressLimit }, async (request, reply) => {
    const t = request.t;
    const next = safeNextPath(typed(request.body, "next"));
    const values = { email: typed(request.body, "email") };
    const form = parseForm(signInForm, request.body, t);
    if (!form.ok) {
      return renderSignIn(reply.status(422), {
        errors: form.errors,
        errorsByField: form.byField,
        values,
        next,
      });
    }
    const result = await signIn(authContextOf(access, request), {
      email: form.data.email,
      password: form.data.password,
      previousSessionIdHash: currentSession(request)?.sessionIdHash,
    });
    switch (result.outcome) {
      case "signed_in":
        startSession(reply, result.session);
        return reply.redirect(next ?? "/account", 303);
      case "second_factor_required":
        startSession(reply, result.session);
        return reply.redirect(
          `${result.enrolled ? "/sign-in/code" : "/sign-in/set-up-code"}${nextQuery(next)}`,
          303,
        );
      case "refused": {
        const message =
          result.reason === "locked"
            ? t("auth.errors.signInLocked", { minutes: result.retryAfterMinutes })
            : t(`auth.errors.signIn_${result.reason}`);
        return renderSignIn(reply.status(result.reason === "locked" ? 429 : 422), {
          ...oneError("email", message),
          values,
          next,
          unverified: result.reason === "unverified",
        });
      }
    }
  });

  const renderCode = (reply: FastifyReply, data: Record<string, unknown> = {}) =>
    reply.render(view("sign-in-code"), { title: reply.request.t("auth.signInCode.title"), ...data });

  app.get("/sign-in/code", { schema: hidden }, async (request, reply) => {
    const next = safeNextPath(typed(request.query, "next"));
    const pending = request.pendingMfa;
    if (!pending) return reply.redirect(`/sign-in${nextQuery(next)}`, 303);
    const account = await findAccountById(access.db, pending.userId);
    if (!account?.mfaEnrolled) return reply.redirect(`/sign-in/set-up-code${nextQuery(next)}`, 303);
    return renderCode(reply, { next });
  });

  app.post("/sign-in/code", { schema: hidden, config: perAddressLimit }, async (request, reply) => {
    const t = request.t;
    const next = safeNextPath(typed(request.body, "next"));
    const pending = request.pendingMfa;
    if (!pending) return reply.redirect(`/sign-in${nextQuery(next)}`, 303);
    const form = parseForm(signInCodeForm, request.body, t);
    if (!form.ok)
      return renderCode(reply.status(422), { errors: form.errors, errorsByField: form.byField, next });
    const result = await verifySignInCode(authContextOf(access, request), pending, form.data.code);
    if (result.outcome === "signed_in") {
      startSession(reply, result.session);
      return reply.redirect(next ?? "/staff", 303);
    }
    if (result.reason === "not_enrolled")
      return reply.redirect(`/sign-in/set-up-code${nextQuery(next)}`, 303);
    const message =
      result.reason === "locked"
        ? t("auth.errors.codeLocked", { minutes: result.retryAfterMinutes })
        : t("auth.errors.codeWrong");
    return renderCode(reply.status(result.reason === "locked" ? 429 : 422), {
      ...oneError("code", message),
      next,
    });
  });

  async function renderSetUp(
    request: FastifyRequest,
    reply: FastifyReply,
    pending: { userId: string; sessionIdHash: string },
    next: string | null,
    data: Record<string, unknown> = {},
  ) {
    const enrolment = await startMfaEnrolment(authContextOf(access, request), pending);
    if ("alreadyEnrolled" in enrolment) return reply.redirect(`/sign-in/code${nextQuery(next)}`, 303);
    return reply.render(view("set-up-code"), {
      title: request.t("auth.setUpCode.title"),
      qrCodeDataUrl: enrolment.qrCodeDataUrl,
      secretGroups: enrolment.secret.match(/.{1,4}/g) ?? [enrolment.secret],
      next,
      ...data,
    });
  }

  app.get("/sign-in/set-up-code", { schema: hidden }, async (request, reply) => {
    const next = safeNextPath(typed(request.query, "next"));
    const pending = request.pendingMfa;
    if (!pending) return reply.redirect(`/sign-in${nextQuery(next)}`, 303);
    return renderSetUp(request, reply, pending, next);
  });

  app.post("/sign-in/set-up-code", { schema: hidden, config: perAddressLimit }, async (request, reply) => {
    const t = request.t;
    const next = safeNextPath(typed(request.body, "next"));
    const pending = request.pendingMfa;
    if (!pending) return reply.redirect(`/sign-in${nextQuery(next)}`, 303);
    const form = parseForm(signInCodeForm, request.body, t);
    if (!form.ok) {
      reply.status(422);
      return renderSetUp(request, reply, pending, next, { errors: form.errors, errorsByField: form.byField });
    }
    const result = await confirmMfaEnrolment(authContextOf(access, request), pending, form.data.code);
    if (result.outcome === "enrolled") {
      startSession(reply, result.session);
      // Shown in this response only: the codes are not stored anywhere they could be shown again.
      return reply.render(view("recovery-codes"), {
        title: t("auth.recoveryCodes.title"),
        recoveryCodes: result.recoveryCodes,
        continueHref: next ?? "/staff",
        enrolled: true,
      });
    }
    if (result.reason === "already_enrolled") return reply.redirect(`/sign-in/code${nextQuery(next)}`, 303);
    const message =
      result.reason === "locked"
        ? t("auth.errors.codeLocked", { minutes: result.retryAfterMinutes })
        : t("auth.errors.setUpCodeWrong");
    reply.status(result.reason === "locked" ? 429 : 422);
    return renderSetUp(request, reply, pending, next, oneError("code", message));
  });

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

  // ---- Password reset ------------------------------------------------------------------------

  const renderForgot = (reply: FastifyReply, data: Record<string, unknown> = {}) =>
    reply.render(view("forgot-password"), {
      title: reply.request.t("auth.forgotPassword.title"),
      values: {},
      ...data,
    });

  app.get("/forgot-password", { schema: hidden }, async (_request, reply) => renderForgot(reply));

  app.post("/forgot-password", { schema: hidden, config: perAddressLimit }, async (request, reply) => {
    const form = parseForm(emailOnlyForm, request.body, request.t);
    if (!form.ok) {
      return renderForgot(reply.status(422), {
        errors: form.errors,
        errorsByField: form.byField,
        values: { email: typed(request.body, "email") },
      });
    }
    await requestPasswordReset(authContextOf(access, request), form.data.email);
    return reply.redirect("/forgot-password/sent", 303);
  });

  app.get("/forgot-password/sent", { schema: hidden }, async (request, reply) =>
    reply.render(view("email-sent"), {
      title: request.t("auth.forgotPassword.sentTitle"),
      lead: request.t("auth.forgotPassword.sentLead"),
      showResendLink: false,
    }),
  );

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
