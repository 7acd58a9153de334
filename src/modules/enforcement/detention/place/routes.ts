import type { FastifyInstance } from "fastify";
import type { EnforcementServices } from "../../enforcement-services.js";
import { staffPage } from "../../page-options.js";
import { placeFromForm, showPlaceForm } from "./handler.js";

/** /detention/place: placing a person of the register (or a person registered now) in a centre. */
export function registerPlacePage(app: FastifyInstance, services: EnforcementServices): void {
  const options = staffPage(services.enforcement.guards.requirePermission("detention.manage"));
  app.get("/detention/place", options, (request, reply) => showPlaceForm(services, request, reply));
  app.post("/detention/place", options, (request, reply) => placeFromForm(services, request, reply));
}
