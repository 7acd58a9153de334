import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { rateLimited } from "../api-schemas.js";
import type { ApplicationApiDependencies } from "../own-application.js";
import { startApplicationHandler } from "./handler.js";
import { startApplicationSchema } from "./schema.js";

export function registerStartApplicationApi(
  app: FastifyInstance,
  dependencies: ApplicationApiDependencies,
): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    "/api/v1/applications",
    {
      schema: startApplicationSchema,
      config: rateLimited,
      preHandler: [dependencies.cases.guards.requireSignedIn],
    },
    (request, reply) => startApplicationHandler(dependencies, request, reply),
  );
}
