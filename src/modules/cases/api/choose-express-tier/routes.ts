import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { rateLimited } from "../api-schemas.js";
import type { ApplicationApiDependencies } from "../own-application.js";
import { chooseExpressTierHandler } from "./handler.js";
import { chooseExpressTierSchema } from "./schema.js";

export function registerChooseExpressTierApi(
  app: FastifyInstance,
  dependencies: ApplicationApiDependencies,
): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    "/api/v1/applications/:id/express-tier",
    {
      schema: chooseExpressTierSchema,
      config: rateLimited,
      preHandler: [dependencies.cases.guards.requireSignedIn],
    },
    (request, reply) => chooseExpressTierHandler(dependencies, request, reply),
  );
}
