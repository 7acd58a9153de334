import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { rateLimited } from "../api-schemas.js";
import type { ApplicationApiDependencies } from "../own-application.js";
import { submitApplicationHandler } from "./handler.js";
import { submitApplicationSchema } from "./schema.js";

export function registerSubmitApplicationApi(
  app: FastifyInstance,
  dependencies: ApplicationApiDependencies,
): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    "/api/v1/applications/:id/submit",
    {
      schema: submitApplicationSchema,
      config: rateLimited,
      preHandler: [dependencies.cases.guards.requireSignedIn],
    },
    (request, reply) => submitApplicationHandler(dependencies, request, reply),
  );
}
