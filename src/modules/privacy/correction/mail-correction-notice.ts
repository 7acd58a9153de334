import { isLocale } from "../../../platform/http/index.js";
import { findUserContacts } from "../../access/index.js";
import type { PrivacyServices } from "../privacy-services.js";
import type { CorrectionRequest } from "./correction-repository.js";

/** Where the requester reads their request and its answer. */
export function ownCorrectionPath(id: string): string {
  return `/account/my-data/corrections/${id}`;
}

/**
 * E-mails the requester, in the language of their account, that their correction request was
 * received or answered. Like the case notices, the e-mail names the request by its number and
 * links to it; it never carries what is wrong, what is right, or the answer: those are read after
 * signing in. One message per request and step (`correction-<id>-received`), so a repeated call
 * sends nothing twice. False when nobody can be told (the account is closed).
 */
export async function mailCorrectionNotice(
  services: PrivacyServices,
  request: CorrectionRequest,
  step: "received" | "answered",
): Promise<boolean> {
  const { cases } = services;
  const [requester] = await findUserContacts(cases.db, [request.requesterUserId]);
  if (!requester?.active) return false;
  const locale = isLocale(requester.locale) ? requester.locale : "az";
  const t = services.i18n.t(locale);
  const variables = {
    reference: request.reference,
    link: `${cases.config.publicUrl}${ownCorrectionPath(request.id)}?lang=${locale}`,
  };
  const paragraphs = [
    t("notices.greeting"),
    t(`privacy.correction.notices.${step}.body`, variables),
    t("notices.privacy"),
    t("notices.signature"),
  ];
  await cases.mailer.send({
    id: `correction-${request.id}-${step}`,
    to: requester.email,
    subject: t(`privacy.correction.notices.${step}.subject`, variables),
    text: `${paragraphs.join("\n\n")}\n`,
  });
  return true;
}
