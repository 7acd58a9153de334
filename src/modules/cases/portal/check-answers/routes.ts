import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { caseParams, type Guard, portalPageWith } from "../page-options.js";
import type { PortalServices } from "../portal-services.js";
import { showCheckPage, submitHandler } from "./handler.js";

/** "Check your answers" and the submission. */
export function registerCheckAnswersRoutes(
  app: FastifyInstance,
  services: PortalServices,
  guard: Guard,
): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get("/applications/:id/check", portalPageWith(guard, caseParams), (request, reply) =>
    showCheckPage(services, request, reply),
  );
  api.post("/applications/:id/submit", portalPageWith(guard, caseParams, 20), (request, reply) =>
    submitHandler(services, request, reply),
  );
}
