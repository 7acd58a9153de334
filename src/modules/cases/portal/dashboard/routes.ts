import type { FastifyInstance } from "fastify";
import { type Guard, portalPage } from "../page-options.js";
import type { PortalServices } from "../portal-services.js";
import { presentDashboard } from "./presenter.js";

/** The dashboard of the account's applications. */
export function registerDashboardRoutes(app: FastifyInstance, services: PortalServices, guard: Guard): void {
  app.get("/applications", portalPage(guard), async (request, reply) =>
    reply.render("cases/portal/dashboard/applications.njk", await presentDashboard(request, services)),
  );
}
