import { isLocale } from "../../../platform/http/index.js";
import { findUserContacts } from "../../access/index.js";
import type { CaseState } from "../engine/case-state.js";
import type { NoticeServices } from "./mail-applicant-notice.js";

/**
 * Tells a lawyer or guardian that an officer gave them access to a case, or ended it, in the
 * language of their account. As every notice, it names the case and links to it, never personal data.
 */
export async function mailRepresentativeNotice(
  services: NoticeServices,
  state: Pick<CaseState, "id" | "number" | "typeCode" | "typeVersion">,
  representative: { id: string; userId: string },
  kind: "representativeAdded" | "representativeEnded",
): Promise<boolean> {
  const { cases } = services;
  const [account] = await findUserContacts(cases.db, [representative.userId]);
  if (!account?.active) return false;
  const locale = isLocale(account.locale) ? account.locale : "az";
  const t = services.i18n.t(locale);
  const definition = cases.registry.get(state.typeCode, state.typeVersion);
  const variables = {
    number: state.number,
    type: definition.name[locale],
    link: `${cases.config.publicUrl}/applications/${state.id}?lang=${locale}`,
  };
  await cases.mailer.send({
    id: `${kind}-${representative.id}`,
    to: account.email,
    subject: t(`notices.${kind}.subject`, variables),
    text: `${[t("notices.greeting"), t(`notices.${kind}.body`, variables), t("notices.privacy"), t("notices.signature")].join("\n\n")}\n`,
  });
  return true;
}
