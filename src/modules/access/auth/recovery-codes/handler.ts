import type { FastifyReply, FastifyRequest } from "fastify";
import { parseForm } from "../../../../platform/http/index.js";
import type { AccessModule } from "../../module.js";
import { authContextOf } from "../auth-context.js";
import { oneError, view } from "../auth-page-helpers.js";
import { signInCodeForm } from "../form-schemas.js";
import { countUnusedRecoveryCodes } from "../recovery-codes.js";
import { regenerateRecoveryCodes } from "../regenerate-recovery-codes.js";
import { codeRefusal } from "../sign-in-session.js";

async function renderRegenerate(
  access: AccessModule,
  request: FastifyRequest,
  reply: FastifyReply,
  data: Record<string, unknown> = {},
) {
  return reply.render("access/auth/recovery-codes/regenerate-recovery-codes.njk", {
    title: request.t("auth.regenerateCodes.title"),
    unusedCodes: request.principal ? await countUnusedRecoveryCodes(access.db, request.principal.userId) : 0,
    ...data,
  });
}

/** Only staff signed in with their second factor (not with an API key) have recovery codes. */
const staffInBrowser = (request: FastifyRequest) =>
  request.principal?.kind === "staff" && !request.principal.apiKeyId;

export async function showRegenerate(access: AccessModule, request: FastifyRequest, reply: FastifyReply) {
  if (!staffInBrowser(request)) return reply.redirect("/account", 303);
  return renderRegenerate(access, request, reply);
}

/** A code from the authenticator app replaces every recovery code with new ones, shown once. */
export async function regenerate(access: AccessModule, request: FastifyRequest, reply: FastifyReply) {
  const principal = request.principal;
  if (!principal || !staffInBrowser(request)) return reply.redirect("/account", 303);
  const form = parseForm(signInCodeForm, request.body, request.t);
  if (!form.ok) {
    return renderRegenerate(access, request, reply.status(422), {
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
      title: request.t("auth.recoveryCodes.title"),
      recoveryCodes: result.recoveryCodes,
      continueHref: "/staff",
      enrolled: false,
    });
  }
  const refusal = codeRefusal(request, result, "auth.errors.codeWrong");
  return renderRegenerate(access, request, reply.status(refusal.status), oneError("code", refusal.message));
}
