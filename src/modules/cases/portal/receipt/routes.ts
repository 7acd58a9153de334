import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { caseParams, type Guard, portalPageWith } from "../page-options.js";
import type { PortalServices } from "../portal-services.js";
import { showReceipt } from "./handler.js";

export function registerReceiptRoutes(app: FastifyInstance, services: PortalServices, guard: Guard): void {
  app
    .withTypeProvider<ZodTypeProvider>()
    .get("/applications/:id/receipt", portalPageWith(guard, caseParams), (request, reply) =>
      showReceipt(services, request, reply),
    );
}
