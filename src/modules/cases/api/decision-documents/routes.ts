import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { rateLimited } from "../api-schemas.js";
import type { ApplicationApiDependencies } from "../own-application.js";
import { decisionDocumentHandler } from "./handler.js";
import { decisionDocumentSchema } from "./schema.js";

/** The decision letter and the permit of an issued decision as PDF downloads. */
export function registerDecisionDocumentApi(
  app: FastifyInstance,
  dependencies: ApplicationApiDependencies,
): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  for (const kind of ["decision", "permit"] as const) {
    api.get(
      `/api/v1/applications/:id/${kind}.pdf`,
      {
        schema: decisionDocumentSchema(kind),
        config: rateLimited,
        preHandler: [dependencies.cases.guards.requireSignedIn],
      },
      (request, reply) => decisionDocumentHandler(dependencies, request, reply, kind),
    );
  }
}
