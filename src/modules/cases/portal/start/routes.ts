import type { FastifyInstance } from "fastify";
import { type Guard, portalPage } from "../page-options.js";
import type { PortalServices } from "../portal-services.js";
import { showStartPage, startDraft } from "./handler.js";

type StartParams = { Params: { code: string } };

/** The start page of a case type and starting a draft of it. */
export function registerStartRoutes(app: FastifyInstance, services: PortalServices, guard: Guard): void {
  app.get<StartParams>("/apply/:code", portalPage(guard), (request, reply) =>
    showStartPage(services, request, reply),
  );
  app.post<StartParams>("/apply/:code", portalPage(guard, 30), (request, reply) =>
    startDraft(services, request, reply),
  );
}
