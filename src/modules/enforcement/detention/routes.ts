import type { FastifyInstance } from "fastify";
import type { EnforcementServices } from "../enforcement-services.js";
import { registerCentresPage } from "./centres/routes.js";
import { registerDetentionDashboard } from "./dashboard/routes.js";
import { registerPlacePage } from "./place/routes.js";
import { registerPlacementPage } from "./placement/routes.js";

/** The detention register's pages: dashboard, centres, placing a person, one placement. */
export function registerDetentionPages(app: FastifyInstance, services: EnforcementServices): void {
  registerDetentionDashboard(app, services);
  registerCentresPage(app, services);
  registerPlacePage(app, services);
  registerPlacementPage(app, services);
}
