import type { FastifyInstance } from "fastify";
import { registerCaseStatusPage } from "./case-status/routes.js";
import { registerCheckAnswersRoutes } from "./check-answers/routes.js";
import { registerDashboardRoutes } from "./dashboard/routes.js";
import { registerDecisionPageRoutes } from "./decision-page/routes.js";
import { registerDocumentRoutes } from "./documents/routes.js";
import { registerFeeRoutes } from "./fee/routes.js";
import { registerFormPageRoutes } from "./form-page/routes.js";
import { registerGuestListRoutes } from "./guest-list/routes.js";
import { registerIssuedDocumentRoutes } from "./issued-documents/routes.js";
import { registerMessageRoutes } from "./messages/routes.js";
import { requirePortalUser } from "./portal-guard.js";
import type { PortalServices } from "./portal-services.js";
import { registerProvideDocumentsRoutes } from "./provide-documents/routes.js";
import { registerReceiptRoutes } from "./receipt/routes.js";
import { registerStartRoutes } from "./start/routes.js";
import { registerWithdrawRoutes } from "./withdraw/routes.js";

/**
 * The e-services of applicants, hosts and employers, for every case type: the dashboard of their
 * applications, the form, documents, fee, submission, the case page, and the hosts' guest lists.
 * Uploads need the platform's multipart forms registered first (registerMultipartForms).
 */
export async function registerPortalRoutes(app: FastifyInstance, services: PortalServices): Promise<void> {
  const guard = requirePortalUser(services.cases);
  registerGuestListRoutes(app, services, guard);
  registerDashboardRoutes(app, services, guard);
  registerStartRoutes(app, services, guard);
  registerFormPageRoutes(app, services, guard);
  registerCheckAnswersRoutes(app, services, guard);
  registerReceiptRoutes(app, services, guard);
  registerDocumentRoutes(app, services, guard);
  registerFeeRoutes(app, services, guard);
  registerCaseStatusPage(app, services, guard);
  registerMessageRoutes(app, services, guard);
  registerProvideDocumentsRoutes(app, services, guard);
  registerWithdrawRoutes(app, services, guard);
  registerIssuedDocumentRoutes(app, services, guard);
  registerDecisionPageRoutes(app, services, guard);
}
