import type { FastifyInstance } from "fastify";
import { reportFormats } from "../../render-monitoring-report.js";
import type { ReportPages } from "../../report-pages-module.js";
import { downloadPublishedReport, showPublishedReports } from "./handler.js";

/** /policy-reports on the portal: the published (public) versions of monitoring reports, open to all. */
export function registerPublishedReportPages(app: FastifyInstance, pages: ReportPages): void {
  const open = { schema: { hide: true } };
  // Writing a document costs a fifth of a second of CPU: one address may ask for a few a minute.
  const download = { ...open, config: { rateLimit: { max: 20, timeWindow: "1 minute" } } };
  app.get("/policy-reports", open, (request, reply) => showPublishedReports(pages, request, reply));
  for (const format of reportFormats) {
    app.get<{ Params: { id: string }; Querystring: { language?: string } }>(
      `/policy-reports/:id/monitoring-report.${format}`,
      download,
      (request, reply) => downloadPublishedReport(pages, format, request, reply),
    );
  }
}
