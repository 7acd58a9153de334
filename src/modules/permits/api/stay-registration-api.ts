import type { FastifyInstance } from "fastify";
import { type CaseApiDependencies, registerBulkCaseRoute } from "../../cases/index.js";
import { stayRegistration } from "../case-types/stay-registration.js";

/**
 * The permits' own API endpoints. Single cases go through the case engine's generic
 * `POST /api/v1/cases/:typeCode`; hotels register the night's arrivals in batches here.
 */
export async function registerPermitApiRoutes(
  app: FastifyInstance,
  dependencies: CaseApiDependencies,
): Promise<void> {
  await registerBulkCaseRoute(app, dependencies, {
    url: "/api/v1/stay-registrations/bulk",
    typeCode: stayRegistration.code,
    tag: "Stay registrations",
    summary: "Register guests in a batch",
    description:
      "A host registers several guests at the place of stay in one call (scope `stay-registrations:write`); " +
      "each item holds the answers of one registration, as for `POST /api/v1/cases/stay-registration`.",
  });
}
