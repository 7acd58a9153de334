import type { FastifyInstance } from "fastify";
import { NotFoundError } from "../../../../../platform/errors/index.js";
import { type ReportPages, uuidPattern } from "../../report-pages-module.js";
import { type DocumentRequest, publishFromForm, showReportForm } from "./handler.js";

/**
 * /policy/documents/:id/monitoring-report: policy officers download a document's monitoring report
 * for a period (PDF or DOCX, any language, full or public version) and publish the public version.
 */
export function registerReportFormPage(app: FastifyInstance, pages: ReportPages): void {
  const options = {
    preHandler: [
      pages.guards.requirePermission("policy.manage"),
      async (request: DocumentRequest) => {
        if (!uuidPattern.test(request.params.id)) throw new NotFoundError("policy_document_not_found");
      },
    ],
    schema: { hide: true },
  };
  app.get<{ Params: { id: string } }>("/policy/documents/:id/monitoring-report", options, (request, reply) =>
    showReportForm(pages, request, reply),
  );
  app.post<{ Params: { id: string } }>(
    "/policy/documents/:id/monitoring-report/publish",
    options,
    (request, reply) => publishFromForm(pages, request, reply),
  );
}
