import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { rateLimited } from "../api-schemas.js";
import type { ApplicationApiDependencies } from "../own-application.js";
import { saveAnswersHandler } from "./handler.js";
import { saveAnswersSchema } from "./schema.js";

export function registerSaveAnswersApi(app: FastifyInstance, dependencies: ApplicationApiDependencies): void {
  const { cases } = dependencies;
  app.withTypeProvider<ZodTypeProvider>().put(
    "/api/v1/applications/:id/answers/:pageId",
    {
      schema: saveAnswersSchema(cases.registry.current()),
      config: rateLimited,
      preHandler: [cases.guards.requireSignedIn],
    },
    (request, reply) => saveAnswersHandler(dependencies, request, reply),
  );
}
