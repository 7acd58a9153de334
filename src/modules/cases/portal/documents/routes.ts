import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { caseParams, type Guard, portalPageWith } from "../page-options.js";
import type { PortalServices } from "../portal-services.js";
import { documentParams } from "./form.js";
import { downloadDocumentHandler, removeDocumentHandler, showDocumentsPage } from "./handler.js";
import { uploadDocumentHandler } from "./upload-handler.js";

/** Uploading, listing, downloading and removing the applicant's documents. */
export function registerDocumentRoutes(app: FastifyInstance, services: PortalServices, guard: Guard): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const caseOptions = (max?: number) => portalPageWith(guard, caseParams, max);
  const documentOptions = (max?: number) => portalPageWith(guard, documentParams, max);
  api.get("/applications/:id/documents", caseOptions(), (request, reply) =>
    showDocumentsPage(services, request, reply),
  );
  api.post("/applications/:id/documents", caseOptions(30), (request, reply) =>
    uploadDocumentHandler(services, request, reply),
  );
  api.post("/applications/:id/documents/:documentId/remove", documentOptions(30), (request, reply) =>
    removeDocumentHandler(services, request, reply),
  );
  api.get("/applications/:id/documents/:documentId", documentOptions(), (request, reply) =>
    downloadDocumentHandler(services, request, reply),
  );
}
