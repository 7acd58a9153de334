import type { FastifyInstance } from "fastify";
import type { PolicyStrategiesModule } from "../../strategies-module.js";
import { staffPage, staffPageWithId } from "../route-options.js";
import { saveDocument, showEditDocumentForm, showNewDocumentForm } from "./handler.js";

/** /policy/documents/new and /policy/documents/:id/edit: the document form. */
export function registerDocumentFormPages(app: FastifyInstance, module: PolicyStrategiesModule): void {
  const guard = module.guards.requirePermission("policy.manage");
  app.get("/policy/documents/new", staffPage(guard), (request, reply) => showNewDocumentForm(request, reply));
  app.post("/policy/documents/new", staffPage(guard), (request, reply) =>
    saveDocument(module, request, reply),
  );
  const withId = staffPageWithId(guard, "policy_document_not_found");
  app.get<{ Params: { id: string } }>("/policy/documents/:id/edit", withId, (request, reply) =>
    showEditDocumentForm(module, request, reply),
  );
  app.post<{ Params: { id: string } }>("/policy/documents/:id/edit", withId, (request, reply) =>
    saveDocument(module, request, reply),
  );
}
