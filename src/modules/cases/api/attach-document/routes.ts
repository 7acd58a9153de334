import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { rateLimited } from "../api-schemas.js";
import type { ApplicationApiDependencies } from "../own-application.js";
import { attachDocumentHandler } from "./handler.js";
import { attachDocumentSchema } from "./schema.js";

export function registerAttachDocumentApi(
  app: FastifyInstance,
  dependencies: ApplicationApiDependencies,
): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    "/api/v1/applications/:id/documents",
    {
      schema: attachDocumentSchema,
      config: rateLimited,
      preHandler: [dependencies.cases.guards.requireSignedIn],
    },
    (request, reply) => attachDocumentHandler(dependencies, request, reply),
  );
}
