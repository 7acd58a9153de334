import type { FastifyRequest } from "fastify";
import type { Clock } from "../../../platform/clock/index.js";
import type { Database } from "../../../platform/db/index.js";
import type { I18n } from "../../../platform/http/index.js";
import type { Guards } from "../../access/index.js";
import type { MonitoringReportContext } from "./assemble-monitoring-report.js";

/** What the monitoring report's pages need from the composition root. */
export interface ReportPagesDependencies {
  db: Database;
  clock: Clock;
  guards: Guards;
  i18n: I18n;
}

export interface ReportPages extends ReportPagesDependencies {
  contextFor(request: FastifyRequest): MonitoringReportContext & { i18n: I18n };
}

export function reportPages(dependencies: ReportPagesDependencies): ReportPages {
  const { db, clock, i18n } = dependencies;
  return {
    ...dependencies,
    contextFor: (request) => ({
      db,
      clock,
      i18n,
      principal: request.principal,
      ip: request.ip,
      requestId: String(request.id),
    }),
  };
}

/** Files and pages of reports are never kept by browsers or proxies: the full one is internal. */
export const noStore = "private, no-store";

/** A document's or a published report's id: anything else is answered as unknown (404). */
export const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
