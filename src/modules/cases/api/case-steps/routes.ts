import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { apiRateLimit } from "../../../access/index.js";
import type { CaseApiDependencies } from "../case-api-shared.js";
import { caseStepHandler, readStaffCaseHandler } from "./handlers.js";
import { caseStepSchema, readStaffCaseSchema } from "./schema.js";

/** Officers read a case and move it on through the API, over the case file's own operations. */
export function registerCaseStepsApi(app: FastifyInstance, dependencies: CaseApiDependencies): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const options = {
    config: { rateLimit: apiRateLimit },
    preHandler: [dependencies.cases.guards.requireSignedIn],
  };
  api.get("/api/v1/staff/cases/:id", { ...options, schema: readStaffCaseSchema }, (request) =>
    readStaffCaseHandler(dependencies, request),
  );
  api.post("/api/v1/staff/cases/:id/steps/:transition", { ...options, schema: caseStepSchema }, (request) =>
    caseStepHandler(dependencies, request),
  );
}
