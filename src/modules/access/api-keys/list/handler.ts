import type { FastifyReply, FastifyRequest } from "fastify";
import type { AccessModule } from "../../module.js";
import { apiKeyContextFrom } from "../api-key-context.js";
import { apiKeyScopes, scopeTextKeys } from "../api-key-scopes.js";
import { apiRequestsPerMinute } from "../api-rate-limit.js";
import { listOwnApiKeys } from "../list-api-keys.js";

export async function showApiKeyList(access: AccessModule, request: FastifyRequest, reply: FastifyReply) {
  const keys = await listOwnApiKeys(apiKeyContextFrom(request, access));
  const done = (request.query as { done?: unknown } | undefined)?.done;
  return reply.render("access/api-keys/list/list.njk", {
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
}
