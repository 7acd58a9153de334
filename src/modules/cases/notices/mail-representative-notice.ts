import { isLocale } from "../../../platform/http/index.js";
import { findUserContacts } from "../../access/index.js";
import type { CaseState } from "../engine/case-state.js";
import { isOwnAccess, type RepresentativeRole } from "../representative-repository.js";
import type { NoticeServices } from "./mail-applicant-notice.js";

/**
 * Tells a lawyer, a guardian, or the applicant or a family member of a case an officer registered,
 * that an officer gave them access to the case, or ended it, in the
 * language of their account. As every notice, it names the case and links to it, never personal data.
 */
export async function mailRepresentativeNotice(
  services: NoticeServices,
  state: Pick<CaseState, "id" | "number" | "typeCode" | "typeVersion">,
  representative: { id: string; userId: string; role: RepresentativeRole },
  change: "representativeAdded" | "representativeEnded",
): Promise<boolean> {
  // The applicant and their family follow their own case: they are told so in other words.
  const kind = isOwnAccess(representative.role)
    ? change === "representativeAdded"
      ? "ownAccessAdded"
      : "ownAccessEnded"
    : change;
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
