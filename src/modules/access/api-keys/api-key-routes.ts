import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  DomainError,
  type FieldError,
  parseForm,
  UnauthenticatedError,
} from "../../../platform/http/index.js";
import type { AccessModule } from "../module.js";
import { registerApiDocs } from "./api-docs.js";
import { apiKeyContextFrom } from "./api-key-context.js";
import { apiKeyScopes, scopesOfferedTo, scopeTextKeys } from "./api-key-scopes.js";
import { apiRateLimit, apiRequestsPerMinute } from "./api-rate-limit.js";
import { createApiKey, maxUsableApiKeys } from "./create-api-key.js";
import { listOwnApiKeys } from "./list-api-keys.js";
import { requireApiScope } from "./require-api-scope.js";
import { findOwnApiKey, revokeApiKey } from "./revoke-api-key.js";

const views = "access/views/api-keys";

/** A group of checkboxes arrives as nothing, one string or several strings. */
const checkedValues = z.preprocess(
  (value) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value]),
  z.array(z.string()),
);

const expiryChoices = ["30", "90", "365", "never"] as const;

const newApiKeyForm = z.object({
  name: z
    .string("apiKeys.errors.nameRequired")
    .trim()
    .min(1, "apiKeys.errors.nameRequired")
    .max(100, "apiKeys.errors.nameTooLong"),
  scopes: checkedValues.pipe(z.array(z.string()).min(1, "apiKeys.errors.scopeRequired")),
  expiry: z.enum(expiryChoices, "apiKeys.errors.expiryRequired"),
});

/** The error body every JSON API answer uses (see the platform's error handler). */
const apiError = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      reference: z.string(),
      details: z.record(z.string(), z.unknown()).optional(),
    }),
  })
  .describe("An error: `code` is stable and machine-readable, `message` is for people.");

const meResponse = z
  .object({
    id: z.uuid().describe("The account the key belongs to"),
    kind: z.enum(["public", "staff"]),
    roles: z.array(z.string()).describe("Role codes of the account"),
    permissions: z
      .array(z.string())
      .describe("What this caller may do: the account's permissions narrowed to the key's scopes"),
    apiKey: z
      .object({
        id: z.uuid(),
        scopes: z.array(z.string()),
      })
      .nullable()
      .describe("The key used for this request; null when called from a signed-in browser session"),
  })
  .describe("The caller");

type IdParams = { Params: { id: string } };

export async function registerApiKeyRoutes(app: FastifyInstance, access: AccessModule): Promise<void> {
  const ownKeys = {
    preHandler: access.guards.requirePermission("api_keys.manage_own"),
    schema: { hide: true },
  };

  app.get("/account/api-keys", ownKeys, async (request, reply) => {
    const keys = await listOwnApiKeys(apiKeyContextFrom(request, access));
    const done = (request.query as { done?: unknown } | undefined)?.done;
    return reply.render(`${views}/list.njk`, {
      title: request.t("apiKeys.list.title"),
      keys,
      scopeNames: Object.fromEntries(
        apiKeyScopes.map((scope) => [scope.code, request.t(scopeTextKeys(scope).name)]),
      ),
      revoked: done === "revoked",
      statusNames: {
        active: request.t("apiKeys.statuses.active"),
        expired: request.t("apiKeys.statuses.expired"),
        revoked: request.t("apiKeys.statuses.revoked"),
      },
      perMinute: apiRequestsPerMinute,
    });
  });

  const renderNewKey = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: { name?: unknown; scopes: string[]; expiry?: unknown },
    errors?: { errors: FieldError[]; byField: Record<string, string> },
  ) => {
    if (!request.principal) throw new UnauthenticatedError();
    if (errors) reply.status(422);
    return reply.render(`${views}/new.njk`, {
      title: request.t("apiKeys.new.title"),
      values,
      errors: errors?.errors,
      errorsByField: errors?.byField ?? {},
      scopeItems: scopesOfferedTo(request.principal.permissions).map((scope) => {
        const keys = scopeTextKeys(scope);
        return {
          value: scope.code,
          text: request.t(keys.name),
          hint: { text: `${request.t(keys.description)} (${scope.code})` },
          checked: values.scopes.includes(scope.code),
        };
      }),
      expiryItems: expiryChoices.map((choice) => ({
        value: choice,
        text: request.t(`apiKeys.new.expiry.${choice === "never" ? "never" : `days${choice}`}`),
        checked: values.expiry === choice,
      })),
      maxKeys: maxUsableApiKeys,
    });
  };

  app.get("/account/api-keys/new", ownKeys, async (request, reply) =>
    renderNewKey(request, reply, { scopes: ["profile:read"], expiry: "90" }),
  );

  app.post("/account/api-keys/new", ownKeys, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const scopes = checkedValues.parse(body.scopes);
    const values = { name: body.name, scopes, expiry: body.expiry };
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
      if (!(error instanceof DomainError) || error.status >= 500 || error.status === 403) throw error;
      const field = error.code === "unknown_scope" ? "scopes" : "name";
      const text = request.t(error.messageKey);
      return renderNewKey(request, reply, values, {
        errors: [{ field, href: `#${field}`, text }],
        byField: { [field]: text },
      });
    }
    // The only time the whole key is shown: it is not stored and cannot be shown again.
    return reply.status(201).render(`${views}/created.njk`, {
      title: request.t("apiKeys.created.title"),
      key: created.key,
      name: form.data.name,
      expiresAt: created.expiresAt,
      scopeLabels: apiKeyScopes
        .filter((scope) => form.data.scopes.includes(scope.code))
        .map((scope) => request.t(scopeTextKeys(scope).name)),
    });
  });

  app.get<IdParams>("/account/api-keys/:id/revoke", ownKeys, async (request, reply) => {
    const key = await findOwnApiKey(apiKeyContextFrom(request, access), request.params.id);
    return reply.render(`${views}/revoke.njk`, { title: request.t("apiKeys.revoke.title"), key });
  });

  app.post<IdParams>("/account/api-keys/:id/revoke", ownKeys, async (request, reply) => {
    await revokeApiKey(apiKeyContextFrom(request, access), request.params.id);
    return reply.redirect("/account/api-keys?done=revoked", 303);
  });

  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/v1/me",
    {
      schema: {
        tags: ["Account"],
        summary: "Who am I",
        description:
          "The account behind the API key, its roles, and what this key may do. Needs the `profile:read` scope. " +
          `Each key may make ${apiRequestsPerMinute} requests a minute to each endpoint; beyond that the answer is ` +
          "429 with a `Retry-After` header.",
        security: [{ apiKey: [] }],
        response: { 200: meResponse, 401: apiError, 403: apiError, 429: apiError },
      },
      config: { rateLimit: apiRateLimit },
      preHandler: [access.guards.requireSignedIn, requireApiScope(access.db, "profile:read")],
    },
    async (request) => {
      const principal = request.principal;
      if (!principal) throw new UnauthenticatedError();
      return {
        id: principal.userId,
        kind: principal.kind,
        roles: [...principal.roles].sort(),
        permissions: [...principal.permissions].sort(),
        apiKey: principal.apiKeyId
          ? { id: principal.apiKeyId, scopes: [...(principal.apiKeyScopes ?? [])] }
          : null,
      };
    },
  );

  await registerApiDocs(app);
}
