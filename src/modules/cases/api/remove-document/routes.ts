import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { rateLimited } from "../api-schemas.js";
import type { ApplicationApiDependencies } from "../own-application.js";
import { removeDocumentHandler } from "./handler.js";
import { removeDocumentSchema } from "./schema.js";

export function registerRemoveDocumentApi(
  app: FastifyInstance,
  dependencies: ApplicationApiDependencies,
): void {
  app.withTypeProvider<ZodTypeProvider>().delete(
    "/api/v1/applications/:id/documents/:documentId",
    {
      schema: removeDocumentSchema,
      config: rateLimited,
      preHandler: [dependencies.cases.guards.requireSignedIn],
    },
    (request, reply) => removeDocumentHandler(dependencies, request, reply),
  );
}
