import type { FastifyInstance } from "fastify";
import { authorize, requestOrigin } from "../../../access/index.js";
import { type Guard, portalPage } from "../page-options.js";
import type { PortalServices } from "../portal-services.js";
import { sendGuestListTemplate, showGuestListPage, uploadGuestListHandler } from "./handler.js";
import { guestCsvTemplatePath } from "./presenter.js";

/** A host registers many guests at once from a CSV file (all of them, or none when a line is wrong). */
export function registerGuestListRoutes(app: FastifyInstance, services: PortalServices, guard: Guard): void {
  const { cases } = services;
  const hostGuard: Guard = async (request, reply) => {
    const redirected = await guard(request, reply);
    if (redirected) return redirected;
    await authorize(
      { db: cases.db, principal: request.principal, ...requestOrigin(request) },
      "portal.register_guests",
    );
    return undefined;
  };
  app.get("/applications/guests/csv", portalPage(hostGuard), (request, reply) =>
    showGuestListPage(services, request, reply),
  );
  app.get(guestCsvTemplatePath, portalPage(hostGuard), (_request, reply) =>
    sendGuestListTemplate(services, reply),
  );
  app.post("/applications/guests/csv", portalPage(hostGuard, 10), (request, reply) =>
    uploadGuestListHandler(services, request, reply),
  );
}
