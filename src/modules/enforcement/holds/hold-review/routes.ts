import type { FastifyInstance } from "fastify";
import type { EnforcementServices } from "../../enforcement-services.js";
import { type IdParams, staffPageWithId } from "../../page-options.js";
import { resolveHoldHandler, showHoldReview } from "./handler.js";

/** /holds/:id: the person beside the entry they matched; the officer releases the hold or confirms the hit. */
export function registerHoldReviewPage(app: FastifyInstance, services: EnforcementServices): void {
  const options = staffPageWithId(
    services.enforcement.guards.requirePermission("holds.review"),
    "case_not_found",
  );
  app.get<IdParams>("/holds/:id", options, (request, reply) => showHoldReview(services, request, reply));
  app.post<IdParams>("/holds/:id/release", options, (request, reply) =>
    resolveHoldHandler(services, request, reply, "release"),
  );
  app.post<IdParams>("/holds/:id/confirm", options, (request, reply) =>
    resolveHoldHandler(services, request, reply, "confirm"),
  );
}
