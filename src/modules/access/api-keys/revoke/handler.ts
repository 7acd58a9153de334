import type { FastifyReply, FastifyRequest } from "fastify";
import { pageId } from "../../id-params.js";
import type { AccessModule } from "../../module.js";
import { apiKeyContextFrom } from "../api-key-context.js";
import { findOwnApiKey, revokeApiKey } from "../revoke-api-key.js";

export async function showRevokeQuestion(access: AccessModule, request: FastifyRequest, reply: FastifyReply) {
  const key = await findOwnApiKey(apiKeyContextFrom(request, access), pageId(request));
  return reply.render("access/api-keys/revoke/revoke.njk", { title: request.t("apiKeys.revoke.title"), key });
}

export async function revokeKey(access: AccessModule, request: FastifyRequest, reply: FastifyReply) {
  await revokeApiKey(apiKeyContextFrom(request, access), pageId(request));
  return reply.redirect("/account/api-keys?done=revoked", 303);
}
