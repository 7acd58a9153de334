import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { renderCaseStatus } from "../case-status-view.js";
import { caseParams, type Guard, portalPageWith } from "../page-options.js";
import type { PortalServices } from "../portal-services.js";
import { readOwnCase } from "../read-own-case.js";

/** The applicant's page of one case (a draft's task list, or the submitted case). */
export function registerCaseStatusPage(app: FastifyInstance, services: PortalServices, guard: Guard): void {
  app
    .withTypeProvider<ZodTypeProvider>()
    .get("/applications/:id", portalPageWith(guard, caseParams), async (request, reply) => {
      const own = await readOwnCase(services.cases.contextFor(request), request.params.id, "status");
      return renderCaseStatus(request, reply, services, own);
    });
}
