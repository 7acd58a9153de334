import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { caseParams, type Guard, portalPageWith } from "../page-options.js";
import type { PortalServices } from "../portal-services.js";
import { showDecisionPage } from "./handler.js";

/**
 * The decision letter as an accessible page of the portal (the PDF stays for printing). Only the
 * applicant of the case sees it (someone else gets 404, audited); every view is audited.
 */
export function registerDecisionPageRoutes(
  app: FastifyInstance,
  services: PortalServices,
  guard: Guard,
): void {
  app
    .withTypeProvider<ZodTypeProvider>()
    .get("/applications/:id/decision", portalPageWith(guard, caseParams), (request, reply) =>
      showDecisionPage(services, request, reply),
    );
}
