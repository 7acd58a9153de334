import type { FastifyInstance } from "fastify";
import type { EnforcementServices } from "../../enforcement-services.js";
import { staffPage } from "../../page-options.js";
import { addEntryFromForm, showNewEntryForm } from "./handler.js";

/** /watch-list/new: one entry typed in by an officer who keeps the lists. */
export function registerNewEntryPage(app: FastifyInstance, services: EnforcementServices): void {
  const options = staffPage(services.enforcement.guards.requirePermission("watchlist.manage"));
  app.get("/watch-list/new", options, (request, reply) => showNewEntryForm(request, reply));
  app.post("/watch-list/new", options, (request, reply) => addEntryFromForm(services, request, reply));
}
