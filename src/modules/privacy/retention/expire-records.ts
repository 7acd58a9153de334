import {
  countUnverifiedAccounts,
  recordAudit,
  removeUnverifiedAccounts,
  systemActor,
} from "../../access/index.js";
import { countConsultationCommentersDue, removeConsultationCommenters } from "../../policy/index.js";
import { expireDrafts } from "./expire-drafts.js";
import { expireFinishedCases } from "./expire-finished-cases.js";
import { daysBefore, monthsBeforeDate, type RetentionServices } from "./retention-services.js";

/** What a run removed, or with `dryRun` what is due now and would be removed. */
export interface ExpiryReport {
  dryRun: boolean;
  at: string;
  draftsWarned: number;
  draftsRemoved: number;
  unverifiedAccountsRemoved: number;
  casesAnonymised: number;
  caseDocumentsRemoved: number;
  consultationCommentersRemoved: number;
}

/**
 * The daily retention run (and `karvan privacy expire`): removes or anonymises every record whose
 * period has run out under the retention rules. Each removal is audited where it happens (its kind,
 * rule and the record's id, never personal data), and the run as a whole with its counts. The audit
 * trail and the statistical counts are kept (see docs/retention.md). With `dryRun` nothing changes
 * and nobody is told; the counts are of what is due now.
 */
export async function expireRecords(
  services: RetentionServices,
  options: { dryRun: boolean },
): Promise<ExpiryReport> {
  const { cases, rules } = services;
  const { dryRun } = options;
  const now = cases.clock.now();
  const drafts = await expireDrafts(services, dryRun);
  const accountsBefore = daysBefore(now, rules.unverifiedAccounts.removeAfterDays);
  const unverifiedAccountsRemoved = dryRun
    ? await countUnverifiedAccounts(cases.db, accountsBefore)
    : await removeUnverifiedAccounts(
        cases.db,
        accountsBefore,
        `unverifiedAccounts.removeAfterDays=${rules.unverifiedAccounts.removeAfterDays}`,
      );
  const finished = await expireFinishedCases(services, dryRun);
  const { removeAfterMonths } = rules.consultationCommenters;
  const closedBefore = monthsBeforeDate(now, removeAfterMonths);
  const consultationCommentersRemoved = dryRun
    ? await countConsultationCommentersDue(cases.db, closedBefore)
    : await removeConsultationCommenters(
        cases.db,
        closedBefore,
        `consultationCommenters.removeAfterMonths=${removeAfterMonths}`,
      );
  const report: ExpiryReport = {
    dryRun,
    at: now.toISOString(),
    draftsWarned: drafts.warned,
    draftsRemoved: drafts.removed,
    unverifiedAccountsRemoved,
    casesAnonymised: finished.anonymised,
    caseDocumentsRemoved: finished.documentsRemoved,
    consultationCommentersRemoved,
  };
  await recordAudit(cases.db, {
    actor: systemActor,
    action: dryRun ? "privacy.expiry_previewed" : "privacy.expiry_run",
    outcome: "success",
    entityType: "retention",
    details: {
      draftsWarned: report.draftsWarned,
      draftsRemoved: report.draftsRemoved,
      unverifiedAccountsRemoved: report.unverifiedAccountsRemoved,
      casesAnonymised: report.casesAnonymised,
      caseDocumentsRemoved: report.caseDocumentsRemoved,
      consultationCommentersRemoved: report.consultationCommentersRemoved,
    },
  });
  return report;
}
