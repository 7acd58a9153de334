import { type I18n, isLocale } from "../../../platform/http/index.js";
import { findUserContacts } from "../../access/index.js";
import { type CasesModule, formatLongDate, type IdleDraft } from "../../cases/index.js";

export type DraftNotice = { kind: "warning"; removalOn: Date } | { kind: "removed"; idleDays: number };

/**
 * E-mails the applicant about their unfinished application, in the language of their account:
 * that it will be removed on a date unless they change it, or that it was removed. Like every
 * notice, it names the application by number and procedure, never the person's answers. False
 * when nobody can be told (no account, or a closed one).
 */
export async function mailDraftNotice(
  services: { cases: CasesModule; i18n: I18n },
  draft: IdleDraft,
  notice: DraftNotice,
): Promise<boolean> {
  const { cases } = services;
  if (!draft.applicantUserId) return false;
  const [applicant] = await findUserContacts(cases.db, [draft.applicantUserId]);
  if (!applicant?.active) return false;
  const locale = isLocale(applicant.locale) ? applicant.locale : "az";
  const t = services.i18n.t(locale);
  const definition = cases.registry.get(draft.typeCode, draft.typeVersion);
  const path = notice.kind === "warning" ? `/applications/${draft.id}` : "/services";
  const variables = {
    number: draft.number,
    type: definition.name[locale],
    link: `${cases.config.publicUrl}${path}?lang=${locale}`,
    lastChange: formatLongDate(draft.updatedAt, locale),
    date: notice.kind === "warning" ? formatLongDate(notice.removalOn, locale) : "",
    days: notice.kind === "removed" ? notice.idleDays : 0,
  };
  const paragraphs = [
    t("privacy.retention.mail.greeting"),
    t(`privacy.retention.mail.${notice.kind}.body`, variables),
    t("privacy.retention.mail.signature"),
  ];
  const stamp = draft.updatedAt.getTime();
  await cases.mailer.send({
    id: `draft-${notice.kind}-${draft.id}-${stamp}`,
    to: applicant.email,
    subject: t(`privacy.retention.mail.${notice.kind}.subject`, variables),
    text: `${paragraphs.join("\n\n")}\n`,
  });
  return true;
}
