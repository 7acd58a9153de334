import type { FastifyInstance } from "fastify";
import type { PolicyStrategiesModule } from "../../strategies-module.js";
import { staffPageWithId } from "../route-options.js";
import { changeStatus, showDocument } from "./handler.js";

/** /policy/documents/:id: a document's page, and its status form. */
export function registerDocumentPage(app: FastifyInstance, module: PolicyStrategiesModule): void {
  app.get<{ Params: { id: string } }>(
    "/policy/documents/:id",
    staffPageWithId(module.guards.requireSignedIn, "policy_document_not_found"),
    (request, reply) => showDocument(module, request, reply),
  );
  app.post<{ Params: { id: string } }>(
    "/policy/documents/:id/status",
    staffPageWithId(module.guards.requirePermission("policy.manage"), "policy_document_not_found"),
    (request, reply) => changeStatus(module, request, reply),
  );
}
