import { isLocale } from "../../../../platform/http/index.js";
import { countryName } from "../../../../platform/reference/index.js";
import { findUserContacts } from "../../../access/index.js";
import { formatLongDate } from "../../../cases/index.js";
import type { ReadmissionContext } from "../readmission-module.js";
import {
  findRequest,
  insertCorrespondence,
  requestsPastReplyDeadline,
  requestsWithReplyDeadlineUntil,
  updateRequest,
} from "../repository.js";
import { auditReadmission } from "../request-access.js";
import { agreementOf, requestedStateWorkingDay } from "../request-dates.js";
import type { ReadmissionRequest } from "../request-record.js";
import {
  addCalendarDays,
  approachingDays,
  deemedAgreementDate,
  effectiveReplyDue,
  transferDeadline,
  travelDocumentDeadline,
} from "../time-limits.js";

type Notice = "deemed" | "approaching";

/** The responsible officer hears of it by e-mail, in their own language. */
async function notifyOfficer(
  context: ReadmissionContext,
  request: ReadmissionRequest,
  notice: Notice,
  date: string,
) {
  const [officer] = await findUserContacts(context.db, [request.responsibleOfficer]);
  if (!officer?.active) return;
  const locale = isLocale(officer.locale) ? officer.locale : "az";
  const t = context.i18n.t(locale);
  const variables = {
    name: officer.fullName,
    reference: request.reference,
    partner: countryName(request.partnerState, locale),
    date: formatLongDate(date, locale),
    link: `${context.config.publicUrl}/readmission/${request.id}?lang=${locale}`,
  };
  await context.mailer.send({
    // One notice per request, kind and date: a repeated run sends nothing twice.
    id: `readmission-${notice}-${request.id}-${date}`,
    to: officer.email,
    subject: t(`readmission.mail.${notice}.subject`, variables),
    text: `${t(`readmission.mail.${notice}.body`, variables)}\n\n${t("workspace.mail.signature")}\n`,
  });
}

/** Records one deemed agreement, unless another run (or a reply) came first; the changed request, or null. */
async function recordDeemed(
  context: ReadmissionContext,
  id: string,
  today: string,
): Promise<ReadmissionRequest | null> {
  return context.db.transaction(async (tx) => {
    const request = await findRequest(tx, id, { forUpdate: true });
    if (request?.status !== "awaiting_reply") return null;
    const agreement = agreementOf(request);
    const deemedOn = deemedAgreementDate(agreement, request, today);
    if (!deemedOn) return null;
    const workingDay = requestedStateWorkingDay(context, request.direction);
    await updateRequest(tx, id, {
      status: "deemed_agreed",
      deemedAgreedOn: deemedOn,
      agreedOn: deemedOn,
      transferDue: transferDeadline(agreement, deemedOn, workingDay),
      travelDocumentDue: travelDocumentDeadline(agreement, deemedOn, workingDay),
    });
    await insertCorrespondence(tx, {
      requestId: id,
      kind: "deemed_agreement",
      direction: "internal",
      onDate: deemedOn,
      note: effectiveReplyDue(request),
      recordedBy: null,
      at: context.clock.now(),
    });
    await auditReadmission(context, tx, "readmission_request.deemed_agreed", { entityId: id });
    return { ...request, status: "deemed_agreed", deemedAgreedOn: deemedOn };
  });
}

/**
 * The daily run: every request whose reply deadline passed with no reply becomes a deemed
 * agreement (when its agreement says so), and the officers hear of reply deadlines due within
 * `approachingDays`. Idempotent: a request is changed once, a warning is claimed once per due date.
 */
export async function recordDeemedAgreements(
  context: ReadmissionContext,
): Promise<{ deemed: number; warned: number }> {
  const today = context.calendar.legalDate(context.clock.now());
  let deemed = 0;
  for (const candidate of await requestsPastReplyDeadline(context.db, today)) {
    const changed = await recordDeemed(context, candidate.id, today);
    if (!changed?.deemedAgreedOn) continue;
    deemed++;
    await notifyOfficer(context, changed, "deemed", changed.deemedAgreedOn);
  }
  let warned = 0;
  const until = addCalendarDays(today, approachingDays);
  for (const request of await requestsWithReplyDeadlineUntil(context.db, today, until)) {
    const due = effectiveReplyDue(request);
    await updateRequest(context.db, request.id, { warnedFor: due });
    await notifyOfficer(context, request, "approaching", due);
    warned++;
  }
  return { deemed, warned };
}
