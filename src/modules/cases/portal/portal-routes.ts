import type { FastifyInstance } from "fastify";
import { registerApplicationRoutes } from "./application-routes.js";
import { registerCaseStatusRoutes } from "./case-status-routes.js";
import { registerDecisionPageRoutes } from "./decision-page/decision-page-routes.js";
import { registerDocumentRoutes } from "./document-routes.js";
import { registerFeeRoutes } from "./fee-routes.js";
import { registerGuestCsvRoutes } from "./guest-csv-routes.js";
import { requirePortalUser } from "./portal-guard.js";
import type { PortalServices } from "./portal-services.js";
import { registerSubmissionRoutes } from "./submission-routes.js";

/**
 * The e-services of applicants, hosts and employers, for every case type: the dashboard of their
 * applications, the form, documents, fee, submission, the case page, and the hosts' guest lists.
 * Uploads need the platform's multipart forms registered first (registerMultipartForms).
 */
export async function registerPortalRoutes(app: FastifyInstance, services: PortalServices): Promise<void> {
  const guard = requirePortalUser(services.cases);
  await registerGuestCsvRoutes(app, services, guard);
  await registerApplicationRoutes(app, services, guard);
  await registerSubmissionRoutes(app, services, guard);
  await registerDocumentRoutes(app, services, guard);
  await registerFeeRoutes(app, services, guard);
  await registerCaseStatusRoutes(app, services, guard);
  await registerDecisionPageRoutes(app, services, guard);
}
