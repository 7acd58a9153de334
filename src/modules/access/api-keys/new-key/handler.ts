import type { FastifyReply, FastifyRequest } from "fastify";
import { DomainError, UnauthenticatedError } from "../../../../platform/errors/index.js";
import { type FieldError, parseForm } from "../../../../platform/http/index.js";
import type { AccessModule } from "../../module.js";
import { apiKeyContextFrom } from "../api-key-context.js";
import { createApiKey } from "../create-api-key.js";
import { checkedValues, newApiKeyForm } from "./form.js";
import { createdKeyView, type NewKeyValues, newKeyView } from "./presenter.js";

type FormErrors = { errors: FieldError[]; byField: Record<string, string> };

function renderNewKey(
  request: FastifyRequest,
  reply: FastifyReply,
  values: NewKeyValues,
  errors?: FormErrors,
) {
  if (!request.principal) throw new UnauthenticatedError();
  if (errors) reply.status(422);
  return reply.render("access/api-keys/new-key/new-key.njk", {
    ...newKeyView(request, request.principal, values),
    errors: errors?.errors,
    errorsByField: errors?.byField ?? {},
  });
}

export async function showNewKeyForm(request: FastifyRequest, reply: FastifyReply) {
  return renderNewKey(request, reply, { scopes: ["profile:read"], expiry: "90" });
}

/** An operation's refusal at its field: an unknown scope at the scopes, anything else at the name. */
function refusalAtField(error: unknown, request: FastifyRequest): FormErrors {
  if (!(error instanceof DomainError) || error.status >= 500 || error.status === 403) throw error;
  const field = error.code === "unknown_scope" ? "scopes" : "name";
  const text = request.t(error.messageKey);
  return { errors: [{ field, href: `#${field}`, text }], byField: { [field]: text } };
}

export async function createKeyFromForm(access: AccessModule, request: FastifyRequest, reply: FastifyReply) {
  const body = (request.body ?? {}) as Record<string, unknown>;
  const values = { name: body.name, scopes: checkedValues.parse(body.scopes), expiry: body.expiry };
  const form = parseForm(newApiKeyForm, body, request.t);
  if (!form.ok) return renderNewKey(request, reply, values, form);
  let created: Awaited<ReturnType<typeof createApiKey>>;
  try {
    created = await createApiKey(apiKeyContextFrom(request, access), {
      name: form.data.name,
      scopes: form.data.scopes,
      expiresInDays: form.data.expiry === "never" ? null : Number(form.data.expiry),
    });
  } catch (error) {
    return renderNewKey(request, reply, values, refusalAtField(error, request));
  }
  // The only time the whole key is shown: it is not stored and cannot be shown again.
  return reply
    .status(201)
    .render("access/api-keys/new-key/created.njk", createdKeyView(request, created, form.data));
}
