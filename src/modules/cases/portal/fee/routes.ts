import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { caseParams, type Guard, portalPageWith } from "../page-options.js";
import type { PortalServices } from "../portal-services.js";
import { payFeeHandler, showFeePage } from "./handler.js";
import { paymentReturnHandler } from "./return-handler.js";

/** Choosing standard or express processing and paying the fee through the payment provider. */
export function registerFeeRoutes(app: FastifyInstance, services: PortalServices, guard: Guard): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get("/applications/:id/fee", portalPageWith(guard, caseParams), (request, reply) =>
    showFeePage(services, request, reply),
  );
  api.post("/applications/:id/fee", portalPageWith(guard, caseParams, 20), (request, reply) =>
    payFeeHandler(services, request, reply),
  );
  api.get("/applications/:id/fee/return", portalPageWith(guard, caseParams, 30), (request, reply) =>
    paymentReturnHandler(services, request, reply),
  );
}
