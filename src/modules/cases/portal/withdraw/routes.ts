import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { caseParams, type Guard, portalPageWith } from "../page-options.js";
import type { PortalServices } from "../portal-services.js";
import { showWithdrawPage, withdrawHandler } from "./handler.js";

export function registerWithdrawRoutes(app: FastifyInstance, services: PortalServices, guard: Guard): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const path = "/applications/:id/withdraw";
  api.get(path, portalPageWith(guard, caseParams), (request, reply) =>
    showWithdrawPage(services, request, reply),
  );
  api.post(path, portalPageWith(guard, caseParams, 10), (request, reply) =>
    withdrawHandler(services, request, reply),
  );
}
