import type { FastifyInstance } from "fastify";
import { type ReportPagesDependencies, reportPages } from "../report-pages-module.js";
import { registerPublishedReportPages } from "./published-reports/routes.js";
import { registerReportFiles } from "./report-file/routes.js";
import { registerReportFormPage } from "./report-form/routes.js";

/** The monitoring report's pages: the officers' download and publish page and files, the portal's list. */
export function registerPolicyReportPages(app: FastifyInstance, dependencies: ReportPagesDependencies): void {
  const pages = reportPages(dependencies);
  registerReportFormPage(app, pages);
  registerReportFiles(app, pages);
  registerPublishedReportPages(app, pages);
}
