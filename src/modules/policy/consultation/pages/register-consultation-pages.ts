import type { FastifyInstance } from "fastify";
import type { PolicyStrategiesModule } from "../../strategies/strategies-module.js";
import { registerPortalConsultationPages } from "./portal/routes.js";
import { registerStaffConsultationPages } from "./staff/routes.js";

/**
 * Public consultation on policy drafts: the portal's pages (reading, commenting, the report) and the
 * policy officers' (opening, moderating, answering). They run on the strategies' module.
 */
export function registerConsultationPages(app: FastifyInstance, module: PolicyStrategiesModule): void {
  registerPortalConsultationPages(app, module);
  registerStaffConsultationPages(app, module);
}
