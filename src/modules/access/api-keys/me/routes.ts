import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { AccessModule } from "../../module.js";
import { apiRateLimit, apiRequestsPerMinute } from "../api-rate-limit.js";
import { requireApiScope } from "../require-api-scope.js";
import { describeCaller } from "./handler.js";
import { apiError, meResponse } from "./schema.js";

const description =
  "The account behind the API key, its roles, and what this key may do. Needs the `profile:read` scope. " +
  `Each key may make ${apiRequestsPerMinute} requests a minute to each endpoint; beyond that the answer is ` +
  "429 with a `Retry-After` header.";

/** GET /api/v1/me: who is calling. */
export function registerMeApi(app: FastifyInstance, access: AccessModule): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/v1/me",
    {
      schema: {
        tags: ["Account"],
        summary: "Who am I",
        description,
        security: [{ apiKey: [] }],
        response: { 200: meResponse, 401: apiError, 403: apiError, 429: apiError },
      },
      config: { rateLimit: apiRateLimit },
      preHandler: [access.guards.requireSignedIn, requireApiScope(access.db, "profile:read")],
    },
    describeCaller,
  );
}
