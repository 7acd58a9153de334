import type { FastifyInstance } from "fastify";
import type { EnforcementServices } from "../../enforcement-services.js";
import { staffPage } from "../../page-options.js";
import { showHeldCases } from "./handler.js";

/** /holds: the cases a watch-list hit put on hold, oldest first, for the officers who review them. */
export function registerHeldCasesPage(app: FastifyInstance, services: EnforcementServices): void {
  const guard = services.enforcement.guards.requirePermission("holds.review");
  app.get("/holds", staffPage(guard), (request, reply) => showHeldCases(services, request, reply));
}
