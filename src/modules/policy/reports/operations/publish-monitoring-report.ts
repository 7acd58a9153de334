import { randomUUID } from "node:crypto";
import { ConflictError } from "../../../../platform/errors/index.js";
import { type I18n, supportedLocales } from "../../../../platform/http/index.js";
import { actorOf, authorize, recordAudit } from "../../../access/index.js";
import { assembleMonitoringReport, type MonitoringReportContext } from "../assemble-monitoring-report.js";
import { type MonitoringReport, publicVersion } from "../monitoring-report.js";
import { savePublishedReport } from "../published-report-repository.js";

/** Documents the public may read about: a draft or one in consultation has no monitoring to publish. */
const publishableStatuses = new Set(["adopted", "in_force", "ended"]);

/**
 * A policy officer publishes the public version of a document's monitoring report for a period:
 * the report is put together in every language, its internal items left out, and kept as it is
 * now for the portal. Publishing the same period again replaces it. Stored and audited together.
 */
export async function publishMonitoringReport(
  context: MonitoringReportContext & { i18n: I18n },
  documentId: string,
  period: string,
): Promise<string> {
  const record = { entityType: "policy_document", entityId: documentId };
  const userId = context.principal?.userId;
  await authorize(context, "policy.manage", record);
  if (!userId) throw new Error("authorize lets no one without a principal through");
  const reports = Object.fromEntries(
    await Promise.all(
      supportedLocales.map(async (locale) => {
        const full = await assembleMonitoringReport(context, documentId, period, {
          locale,
          t: context.i18n.t(locale),
        });
        return [locale, publicVersion(full)] as const;
      }),
    ),
  ) as Record<(typeof supportedLocales)[number], MonitoringReport>;
  if (!publishableStatuses.has(reports.az.strategy.status))
    throw new ConflictError("policy_report_document_not_adopted", "policyReports.errors.notAdopted");
  const publishedAt = context.clock.now();
  return context.db.transaction(async (tx) => {
    const id = await savePublishedReport(tx, {
      id: randomUUID(),
      documentId,
      period,
      title: reports.az.strategy.title,
      reports,
      publishedBy: userId,
      publishedAt,
    });
    await recordAudit(tx, {
      actor: actorOf(context.principal),
      action: "policy.monitoring_report.published",
      outcome: "success",
      ...record,
      agencyId: context.principal?.agencyId ?? null,
      ip: context.ip,
      requestId: context.requestId,
      details: { period, publishedReportId: id },
    });
    return id;
  });
}
