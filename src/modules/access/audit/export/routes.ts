import type { FastifyInstance } from "fastify";
import type { AccessModule } from "../../module.js";
import { auditorPage } from "../auditor-pages.js";
import { exportAuditCsv } from "./handler.js";

/** /audit/export.csv: the search's records as a spreadsheet; a heavy query, so few a minute. */
export function registerAuditExport(app: FastifyInstance, access: AccessModule): void {
  const options = { ...auditorPage(access), config: { rateLimit: { max: 10, timeWindow: "1 minute" } } };
  app.get("/audit/export.csv", options, (request, reply) => exportAuditCsv(access, request, reply));
}
