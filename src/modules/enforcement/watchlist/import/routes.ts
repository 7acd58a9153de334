import type { FastifyInstance } from "fastify";
import type { EnforcementServices } from "../../enforcement-services.js";
import { staffPage } from "../../page-options.js";
import { importEntriesHandler, showImportPage } from "./handler.js";

/** /watch-list/import: entries from a CSV file, all of them or none when a line is wrong. */
export function registerImportPage(app: FastifyInstance, services: EnforcementServices): void {
  const options = staffPage(services.enforcement.guards.requirePermission("watchlist.manage"));
  app.get("/watch-list/import", options, (request, reply) => showImportPage(request, reply));
  app.post("/watch-list/import", options, (request, reply) => importEntriesHandler(services, request, reply));
}
