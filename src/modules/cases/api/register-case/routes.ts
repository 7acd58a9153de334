import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { apiRateLimit } from "../../../access/index.js";
import { answersBody } from "../api-schemas.js";
import { answersDescription, type CaseApiDependencies } from "../case-api-shared.js";
import { registerCaseHandler } from "./handler.js";
import { registerCaseSchema } from "./schema.js";

export function registerStaffRegisterCaseApi(app: FastifyInstance, dependencies: CaseApiDependencies): void {
  const { cases } = dependencies;
  const staffTypes = cases.registry.current().filter((definition) => definition.applicants.includes("staff"));
  app.withTypeProvider<ZodTypeProvider>().post(
    "/api/v1/staff/cases/:typeCode",
    {
      schema: registerCaseSchema(answersBody(staffTypes, answersDescription)),
      config: { rateLimit: apiRateLimit },
      preHandler: [cases.guards.requireSignedIn],
    },
    (request, reply) => registerCaseHandler(dependencies, request, reply),
  );
}
