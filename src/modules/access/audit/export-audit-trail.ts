import { actorOf } from "../principal.js";
import { recordAudit } from "../record-audit.js";
import type { AuditSearchFilters } from "./audit-filters.js";
import { type AuditRecordView, findAuditRecords } from "./audit-repository.js";
import type { AuditorContext } from "./auditor-context.js";
import { resolveAuditQuery, searchDetails } from "./search-audit-trail.js";

/** An export holds at most this many records; narrow the filters for more. */
export const maxExportRecords = 50_000;

/**
 * Exports the records a search finds, newest first. The export is audited before the first
 * record leaves, with the filters that chose them.
 */
export async function exportAuditTrail(
  context: AuditorContext,
  filters: AuditSearchFilters,
): Promise<AsyncGenerator<AuditRecordView>> {
  const query = await resolveAuditQuery(context, filters);
  await recordAudit(context.db, {
    actor: actorOf(context.principal),
    action: "audit.exported",
    outcome: "success",
    entityType: "audit_trail",
    ip: context.ip,
    requestId: context.requestId,
    details: { ...searchDetails(query), limit: maxExportRecords },
  });
  const db = context.db;
  async function* records(): AsyncGenerator<AuditRecordView> {
    let before: number | undefined;
    let sent = 0;
    while (sent < maxExportRecords) {
      const page = await findAuditRecords(db, query, { before, limit: 1000 });
      for (const record of page.records) {
        if (sent >= maxExportRecords) return;
        sent += 1;
        yield record;
      }
      if (!page.hasOlder) return;
      before = page.records.at(-1)?.id;
    }
  }
  return records();
}
