import type { FastifyInstance } from "fastify";
import { staffPageWithIds } from "../page-options.js";
import type { Workspace } from "../workspace.js";
import { type DocumentParams, documentParams } from "./form.js";
import { downloadDocument, viewDocument } from "./handler.js";

/** A document of a case, downloaded or shown in the browser. */
export async function registerCaseDocumentRoutes(app: FastifyInstance, workspace: Workspace): Promise<void> {
  const options = staffPageWithIds(workspace.cases.guards.requirePermission("cases.read"), {
    schema: documentParams,
    notFoundCode: "case_not_found",
  });
  app.get<DocumentParams>("/cases/:id/documents/:documentId", options, (request, reply) =>
    downloadDocument(workspace, request, reply),
  );
  app.get<DocumentParams>("/cases/:id/documents/:documentId/view", options, (request, reply) =>
    viewDocument(workspace, request, reply),
  );
}
