import type { FastifyInstance, FastifyRequest } from "fastify";
import { NotFoundError } from "../../../../../platform/errors/index.js";
import { reportFormats } from "../../render-monitoring-report.js";
import { type ReportPages, uuidPattern } from "../../report-pages-module.js";
import { downloadReport } from "./handler.js";

/** /policy/documents/:id/monitoring-report.pdf and .docx: the report file for policy officers. */
export function registerReportFiles(app: FastifyInstance, pages: ReportPages): void {
  for (const format of reportFormats) {
    app.get<{ Params: { id: string } }>(
      `/policy/documents/:id/monitoring-report.${format}`,
      {
        preHandler: [
          pages.guards.requirePermission("policy.manage"),
          async (request: FastifyRequest<{ Params: { id: string } }>) => {
            if (!uuidPattern.test(request.params.id)) throw new NotFoundError("policy_document_not_found");
          },
        ],
        schema: { hide: true },
      },
      (request, reply) => downloadReport(pages, format, request, reply),
    );
  }
}
