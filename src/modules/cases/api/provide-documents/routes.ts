import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { rateLimited } from "../api-schemas.js";
import type { ApplicationApiDependencies } from "../own-application.js";
import { provideDocumentsHandler } from "./handler.js";
import { provideDocumentsSchema } from "./schema.js";

export function registerProvideDocumentsApi(
  app: FastifyInstance,
  dependencies: ApplicationApiDependencies,
): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    "/api/v1/applications/:id/provide-documents",
    {
      schema: provideDocumentsSchema,
      config: rateLimited,
      preHandler: [dependencies.cases.guards.requireSignedIn],
    },
    (request, reply) => provideDocumentsHandler(dependencies, request, reply),
  );
}
