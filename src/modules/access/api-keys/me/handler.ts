import type { FastifyRequest } from "fastify";
import type { z } from "zod";
import { UnauthenticatedError } from "../../../../platform/errors/index.js";
import type { meResponse } from "./schema.js";

/** GET /api/v1/me: the caller as the key sees it. */
export async function describeCaller(request: FastifyRequest): Promise<z.output<typeof meResponse>> {
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
}
