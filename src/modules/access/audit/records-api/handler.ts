import type { FastifyRequest } from "fastify";
import type { z } from "zod";
import type { AccessModule } from "../../module.js";
import type { auditSearchQuery } from "../audit-filters.js";
import { auditorContextFrom } from "../auditor-pages.js";
import { searchAuditTrail } from "../search-audit-trail.js";
import type { searchResponse } from "./schema.js";

/** GET /api/v1/audit-records: a page of records, newest first, and where the next page starts. */
export async function searchAuditRecords(
  access: AccessModule,
  request: FastifyRequest,
  query: z.output<typeof auditSearchQuery>,
): Promise<z.output<typeof searchResponse>> {
  const { limit, before, ...filters } = query;
  const page = await searchAuditTrail(auditorContextFrom(request, access), filters, { before, limit });
  const last = page.records.at(-1);
  return {
    records: page.records.map((record) => ({
      id: record.id,
      at: record.at.toISOString(),
      actor: { type: record.actorType, id: record.actorId },
      action: record.action,
      outcome: record.outcome,
      entity: { type: record.entityType, id: record.entityId },
      agencyId: record.agencyId,
      ip: record.ip,
      requestId: record.requestId,
      details: record.details,
    })),
    nextBefore: page.hasOlder && last ? last.id : null,
  };
}
