import { Readable } from "node:stream";
import type { FastifyReply, FastifyRequest } from "fastify";
import { parseForm } from "../../../../platform/http/index.js";
import type { AccessModule } from "../../module.js";
import { auditSearchForm, filtersOf } from "../audit-filters.js";
import { listAgencies } from "../audit-repository.js";
import { auditorContextFrom, searchHref, typedFilters } from "../auditor-pages.js";
import { exportAuditTrail } from "../export-audit-trail.js";
import { auditCsvLines } from "./csv-lines.js";

/** GET /audit/export.csv: every record the filters find; invalid filters go back to the form. */
export async function exportAuditCsv(access: AccessModule, request: FastifyRequest, reply: FastifyReply) {
  const form = parseForm(auditSearchForm, request.query, request.t);
  if (!form.ok) return reply.redirect(searchHref("/audit", typedFilters(request.query)), 303);
  const agencies = await listAgencies(access.db);
  const records = await exportAuditTrail(auditorContextFrom(request, access), filtersOf(form.data));
  const day = new Date().toISOString().slice(0, 10);
  return reply
    .type("text/csv; charset=utf-8")
    .header("content-disposition", `attachment; filename="audit-trail-${day}.csv"`)
    .send(Readable.from(auditCsvLines(records, agencies, request.t, request.locale)));
}
