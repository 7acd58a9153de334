import type { FastifyInstance } from "fastify";
import { registerActionPage } from "./pages/action/routes.js";
import { registerDashboardPage } from "./pages/dashboard/routes.js";
import { registerDocumentPage } from "./pages/document/routes.js";
import { registerDocumentFormPages } from "./pages/document-form/routes.js";
import { registerDocumentsPage } from "./pages/documents/routes.js";
import { registerPlanForms } from "./pages/plan-forms/routes.js";
import { registerPlanItemInternal } from "./pages/plan-item-internal/routes.js";
import type { PolicyStrategiesModule } from "./strategies-module.js";

/** The policy documents' pages in the staff workspace. Fixed paths come before /policy/documents/:id. */
export function registerPolicyStrategyPages(app: FastifyInstance, module: PolicyStrategiesModule): void {
  registerDashboardPage(app, module);
  registerDocumentsPage(app, module);
  registerDocumentFormPages(app, module);
  registerDocumentPage(app, module);
  registerPlanForms(app, module);
  registerPlanItemInternal(app, module);
  registerActionPage(app, module);
}
