import { type I18n, isLocale } from "../../../platform/http/index.js";
import { findUserContacts, type UserContact } from "../../access/index.js";
import type { CaseTypeDefinition } from "../definition/case-type.js";
import type { CasesModule } from "../module.js";
import { formatLongDate } from "../portal/answer-summary.js";
import { currentFollowersOfCase } from "../representative-repository.js";

/** What sending a notice needs: the engine (database, registry, mailer, public address) and translations. */
export interface NoticeServices {
  cases: CasesModule;
  i18n: I18n;
}

/** Something that changed what the applicant must do or can expect. */
export type ApplicantNotice =
  | { kind: "decisionIssued" }
  | { kind: "documentsRequested"; documentCodes: string[]; clockStopped: boolean }
  | { kind: "paused" }
  | { kind: "resumed" }
  | { kind: "newMessage" }
  | { kind: "manualCheck" }
  | { kind: "permitExpiring"; validTo: string }
  /** An appointment (an interview) set by the owning module; `path` is its page of the case in the portal. */
  | { kind: "appointmentScheduled"; path: string };

/** The case a notice is about, as the projection or a case's state holds it. */
export interface NoticeCase {
  id: string;
  number: string;
  typeCode: string;
  typeVersion: number;
  applicantUserId: string | null;
}

/** Where the applicant follows the case in the portal. */
function applicantCasePath(caseId: string): string {
  return `/applications/${caseId}`;
}

/** The decision letter as a page of the portal (the PDF is for printing). */
function decisionPagePath(caseId: string): string {
  return `${applicantCasePath(caseId)}/decision`;
}

/**
 * E-mails the applicant a notice in the language of their account, and every account an officer
 * let follow the case (`access.representatives`) in theirs. The e-mail says what happened
 * and links to the case; it never carries personal data (names, document numbers, the officer's
 * words, the reasons of a decision): an e-mail can be read by others, the portal asks who is there.
 *
 * `messageId` must name the event the notice is about (for example the case and the event's seq),
 * so that a retried job or a repeated call sends nothing twice. False when nobody can be told
 * (a case without an applicant account, or a closed account).
 */
export async function mailApplicantNotice(
  services: NoticeServices,
  target: NoticeCase,
  notice: ApplicantNotice,
  messageId: string,
): Promise<boolean> {
  const { cases } = services;
  const definition = cases.registry.get(target.typeCode, target.typeVersion);
  // Those an officer let follow the case are told what its applicant is told, each once.
  const followers = definition.access?.representatives
    ? (await currentFollowersOfCase(cases.db, target.id)).map((one) => one.userId)
    : [];
  const recipients = [
    ...(target.applicantUserId ? [{ userId: target.applicantUserId, id: messageId }] : []),
    ...followers.map((userId) => ({ userId, id: `${messageId}-${userId}` })),
  ];
  if (recipients.length === 0) return false;
  const contacts = await findUserContacts(
    cases.db,
    recipients.map((one) => one.userId),
  );
  let sent = false;
  for (const recipient of recipients) {
    const contact = contacts.find((one) => one.id === recipient.userId);
    if (!contact?.active) continue;
    await mailOne(services, definition, target, notice, contact, recipient.id);
    sent = true;
  }
  return sent;
}

async function mailOne(
  services: NoticeServices,
  definition: CaseTypeDefinition,
  target: NoticeCase,
  notice: ApplicantNotice,
  applicant: UserContact,
  messageId: string,
): Promise<void> {
  const { cases } = services;
  const locale = isLocale(applicant.locale) ? applicant.locale : "az";
  const t = services.i18n.t(locale);
  const path =
    notice.kind === "decisionIssued"
      ? decisionPagePath(target.id)
      : notice.kind === "appointmentScheduled"
        ? notice.path
        : applicantCasePath(target.id);
  const variables = {
    number: target.number,
    type: definition.name[locale],
    link: `${cases.config.publicUrl}${path}?lang=${locale}`,
    documents:
      notice.kind === "documentsRequested"
        ? notice.documentCodes
            .map((code) => `- ${definition.documents.find((one) => one.code === code)?.name[locale] ?? code}`)
            .join("\n")
        : "",
    date: notice.kind === "permitExpiring" ? formatLongDate(notice.validTo, locale) : "",
  };
  const paragraphs = [
    t("notices.greeting"),
    t(`notices.${notice.kind}.body`, variables),
    ...(notice.kind === "documentsRequested" && notice.clockStopped
      ? [t("notices.documentsRequested.clockStopped")]
      : []),
    t("notices.privacy"),
    t("notices.signature"),
  ];
  await cases.mailer.send({
    id: messageId,
    to: applicant.email,
    subject: t(`notices.${notice.kind}.subject`, variables),
    text: `${paragraphs.join("\n\n")}\n`,
  });
}
