import { csvLine } from "../../../../platform/csv/index.js";
import type { Locale, Translator } from "../../../../platform/http/index.js";
import { actorLabel, agencyName } from "../audit-presenter.js";
import type { AgencyChoice } from "../audit-repository.js";
import type { exportAuditTrail } from "../export-audit-trail.js";

type ExportedRecords = Awaited<ReturnType<typeof exportAuditTrail>>;

const columns = [
  "id",
  "time",
  "actorType",
  "actorId",
  "actorName",
  "action",
  "outcome",
  "entityType",
  "entityId",
  "agency",
  "ip",
  "requestId",
  "details",
] as const;

/** The export as CSV lines, the headings in the reader's language, streamed record by record. */
export async function* auditCsvLines(
  records: ExportedRecords,
  agencies: AgencyChoice[],
  t: Translator,
  locale: Locale,
): AsyncGenerator<string> {
  // A byte order mark, so that spreadsheets read Azerbaijani and Russian letters correctly.
  yield "\uFEFF";
  yield csvLine(columns.map((column) => t(`audit.columns.${column}`)));
  for await (const record of records) {
    yield csvLine([
      record.id,
      record.at.toISOString(),
      record.actorType,
      record.actorId,
      record.actorType === "user" ? actorLabel(record, t).text : null,
      record.action,
      record.outcome,
      record.entityType,
      record.entityId,
      agencyName(agencies, record.agencyId, locale),
      record.ip,
      record.requestId,
      record.details ? JSON.stringify(record.details) : null,
    ]);
  }
}
