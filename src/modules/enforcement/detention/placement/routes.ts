import type { FastifyInstance } from "fastify";
import type { EnforcementServices } from "../../enforcement-services.js";
import { type IdParams, staffPageWithId } from "../../page-options.js";
import { endFromForm, extendFromForm, reviewFromForm, showPlacement } from "./handler.js";

/** /detention/placements/:id: one stay, its history, and the forms to extend, review and end it. */
export function registerPlacementPage(app: FastifyInstance, services: EnforcementServices): void {
  const options = staffPageWithId(
    services.enforcement.guards.requirePermission("detention.manage"),
    "detention_placement_not_found",
  );
  const base = "/detention/placements/:id";
  app.get<IdParams>(base, options, (request, reply) => showPlacement(services, request, reply));
  app.post<IdParams>(`${base}/extend`, options, (request, reply) => extendFromForm(services, request, reply));
  app.post<IdParams>(`${base}/review`, options, (request, reply) => reviewFromForm(services, request, reply));
  app.post<IdParams>(`${base}/end`, options, (request, reply) => endFromForm(services, request, reply));
}
