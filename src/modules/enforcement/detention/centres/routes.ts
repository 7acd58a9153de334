import type { FastifyInstance } from "fastify";
import type { EnforcementServices } from "../../enforcement-services.js";
import { staffPage } from "../../page-options.js";
import { addCentreFromForm, showCentres } from "./handler.js";

/** /detention/centres: the detention centres, and a form to enter one. */
export function registerCentresPage(app: FastifyInstance, services: EnforcementServices): void {
  const options = staffPage(services.enforcement.guards.requirePermission("detention.manage"));
  app.get("/detention/centres", options, (request, reply) => showCentres(services, request, reply));
  app.post("/detention/centres", options, (request, reply) => addCentreFromForm(services, request, reply));
}
