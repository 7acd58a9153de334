import type { FastifyInstance } from "fastify";
import type { PolicyStrategiesModule } from "../../strategies-module.js";
import { staffPageWithId } from "../route-options.js";
import { addReport, downloadEvidence, showAction } from "./handler.js";

/**
 * /policy/actions/:id: an action's page and its status reports. Every policy reader is let through
 * to the operations, which decide: a focal point reports only on its own agency's actions.
 */
export function registerActionPage(app: FastifyInstance, module: PolicyStrategiesModule): void {
  const signedIn = module.guards.requireSignedIn;
  app.get<{ Params: { id: string } }>(
    "/policy/actions/:id",
    staffPageWithId(signedIn, "policy_action_not_found"),
    (request, reply) => showAction(module, request, reply),
  );
  app.post<{ Params: { id: string } }>(
    "/policy/actions/:id/reports",
    staffPageWithId(signedIn, "policy_action_not_found"),
    (request, reply) => addReport(module, request, reply),
  );
  app.get<{ Params: { id: string } }>(
    "/policy/evidence/:id",
    staffPageWithId(signedIn, "policy_evidence_not_found"),
    (request, reply) => downloadEvidence(module, request, reply),
  );
}
