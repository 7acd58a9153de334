import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { apiRateLimit } from "../../../access/index.js";
import type { CaseApiDependencies } from "../case-api-shared.js";
import { readCaseHandler } from "./handler.js";
import { readCaseOfTypeSchema, readCaseSchema } from "./schema.js";

export function registerReadCaseApi(app: FastifyInstance, dependencies: CaseApiDependencies): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const options = {
    config: { rateLimit: apiRateLimit },
    preHandler: [dependencies.cases.guards.requireSignedIn],
  };
  api.get("/api/v1/cases/:id", { ...options, schema: readCaseSchema }, (request, reply) =>
    readCaseHandler(dependencies, request, reply, request.params),
  );
  api.get("/api/v1/cases/:typeCode/:id", { ...options, schema: readCaseOfTypeSchema }, (request, reply) =>
    readCaseHandler(dependencies, request, reply, request.params),
  );
}
