import type { FastifyInstance } from "fastify";
import type { EnforcementServices } from "../../enforcement-services.js";
import { staffPage } from "../../page-options.js";
import { showDashboard } from "./handler.js";

/** /detention: the detention officers' dashboard. */
export function registerDetentionDashboard(app: FastifyInstance, services: EnforcementServices): void {
  const options = staffPage(services.enforcement.guards.requirePermission("detention.manage"));
  app.get("/detention", options, (request, reply) => showDashboard(services, request, reply));
}
