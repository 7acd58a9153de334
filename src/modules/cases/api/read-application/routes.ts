import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { rateLimited } from "../api-schemas.js";
import type { ApplicationApiDependencies } from "../own-application.js";
import { readApplicationHandler } from "./handler.js";
import { readApplicationSchema } from "./schema.js";

export function registerReadApplicationApi(
  app: FastifyInstance,
  dependencies: ApplicationApiDependencies,
): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/v1/applications/:id",
    {
      schema: readApplicationSchema,
      config: rateLimited,
      preHandler: [dependencies.cases.guards.requireSignedIn],
    },
    (request, reply) => readApplicationHandler(dependencies, request, reply),
  );
}
