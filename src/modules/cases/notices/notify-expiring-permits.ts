import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { recordAudit, systemActor } from "../../access/index.js";
import { cases, permitExpiryNotices } from "../schema.js";
import { mailApplicantNotice, type NoticeCase, type NoticeServices } from "./mail-applicant-notice.js";

const batchSize = 200;
const dayMs = 24 * 60 * 60 * 1000;

function plusDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
}

/**
 * The procedures whose documents an applicant holds and may need to renew: an outcome issues a
 * document and an officer decides. Registrations decided on submission (a host registering a
 * guest's stay) end with the stay, and nobody renews them.
 */
function renewableTypeCodes(services: NoticeServices): string[] {
  return services.cases.registry
    .current()
    .filter(
      (definition) =>
        !definition.decisionOnSubmission && definition.outcomes.some((outcome) => outcome.issuesDocument),
    )
    .map((definition) => definition.code);
}

type ExpiringPermit = NoticeCase & { agencyId: string; validTo: string };

/**
 * Reminds the holders of permits whose last valid day is at most `permitExpiryNoticeDays` away
 * (and not past), once per permit: the notice is claimed in `permit_expiry_notices` before it is
 * sent, so a job run twice (or retried, or run by two instances) sends one e-mail. A run missed
 * on one day is made up on the next, as the window is a range of days. Permits issued for less
 * than the lead time get no reminder: the decision notice told of their dates days ago.
 */
export async function notifyExpiringPermits(services: NoticeServices): Promise<{ notified: number }> {
  const { cases: module } = services;
  const leadDays = module.config.permitExpiryNoticeDays;
  const today = module.calendar.legalDate(module.clock.now());
  const last = plusDays(today, leadDays);
  const typeCodes = renewableTypeCodes(services);
  if (typeCodes.length === 0) return { notified: 0 };
  const validTo = sql<string>`(${cases.decision} ->> 'validTo')`;
  let notified = 0;
  let after: { validTo: string; id: string } | null = null;
  for (;;) {
    const batch: ExpiringPermit[] = await module.db
      .select({
        id: cases.id,
        number: cases.number,
        typeCode: cases.typeCode,
        typeVersion: cases.typeVersion,
        applicantUserId: cases.applicantUserId,
        agencyId: cases.agencyId,
        validTo,
      })
      .from(cases)
      .where(
        and(
          // The partial index cases_permit_valid_to holds exactly these rows.
          sql`${cases.category} = 'decided' and (${cases.decision} ->> 'documentNumber') is not null`,
          sql`${validTo} between ${today} and ${last}`,
          inArray(cases.typeCode, typeCodes),
          sql`(${validTo})::date - (${cases.decision} ->> 'validFrom')::date > ${leadDays}`,
          after ? sql`(${validTo}, ${cases.id}) > (${after.validTo}, ${after.id}::uuid)` : undefined,
          sql`not exists (select 1 from ${permitExpiryNotices} where ${permitExpiryNotices.caseId} = ${cases.id} and ${permitExpiryNotices.validTo} = (${validTo})::date)`,
        ),
      )
      .orderBy(asc(validTo), asc(cases.id))
      .limit(batchSize);
    for (const permit of batch) {
      if (await notifyOnce(services, permit)) notified++;
    }
    const tail = batch.at(-1);
    if (!tail || batch.length < batchSize) break;
    after = { validTo: tail.validTo, id: tail.id };
  }
  return { notified };
}

async function notifyOnce(services: NoticeServices, permit: ExpiringPermit): Promise<boolean> {
  const { cases: module } = services;
  const claimed = await module.db.transaction(async (tx) => {
    const inserted = await tx
      .insert(permitExpiryNotices)
      .values({ caseId: permit.id, validTo: permit.validTo, sentAt: module.clock.now() })
      .onConflictDoNothing()
      .returning({ caseId: permitExpiryNotices.caseId });
    if (inserted.length === 0) return false;
    await recordAudit(tx, {
      actor: systemActor,
      action: "case.expiry_notice_sent",
      outcome: "success",
      entityType: "case",
      entityId: permit.id,
      agencyId: permit.agencyId,
      details: { validTo: permit.validTo },
    });
    return true;
  });
  if (!claimed) return false;
  try {
    const sent = await mailApplicantNotice(
      services,
      permit,
      { kind: "permitExpiring", validTo: permit.validTo },
      `permit-expiry-${permit.id}-${permit.validTo}`,
    );
    return sent;
  } catch (error) {
    // Not sent: give the claim back so that the next run (or the job's retry) tries again.
    await module.db
      .delete(permitExpiryNotices)
      .where(and(eq(permitExpiryNotices.caseId, permit.id), eq(permitExpiryNotices.validTo, permit.validTo)));
    throw error;
  }
}
