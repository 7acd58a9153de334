import type { FastifyInstance } from "fastify";
import type { CaseApiDependencies } from "./case-api-shared.js";
import { registerCaseStepsApi } from "./case-steps/routes.js";
import { registerCreateCaseApi } from "./create-case/routes.js";
import { registerReadCaseApi } from "./read-case/routes.js";
import { registerStaffRegisterCaseApi } from "./register-case/routes.js";

export { registerBulkCaseRoute } from "./bulk-cases/routes.js";
export type { BulkCaseRoute } from "./bulk-cases/schema.js";
export type { CaseApiDependencies } from "./case-api-shared.js";

/**
 * JSON API of the case engine: create-and-submit for hosts' and employers' systems, status, and
 * registration of staff-registered cases by officers.
 */
export async function registerCaseApiRoutes(app: FastifyInstance, dependencies: CaseApiDependencies) {
  registerCreateCaseApi(app, dependencies);
  registerReadCaseApi(app, dependencies);
  registerStaffRegisterCaseApi(app, dependencies);
  registerCaseStepsApi(app, dependencies);
}
