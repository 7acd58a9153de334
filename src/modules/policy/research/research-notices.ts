import { isLocale } from "../../../platform/http/index.js";
import { findUserContacts, listActiveUsersWithPermission } from "../../access/index.js";
import type { ResearchApplication } from "./research-repository.js";
import type { ResearchServices } from "./research-services.js";

/** Where the researcher reads their application, its decision and the download. */
export function ownApplicationPath(id: string): string {
  return `/research/applications/${id}`;
}

/** Where the data protection officer reviews an application. */
export function reviewPath(id: string): string {
  return `/research/reviews/${id}`;
}

/**
 * Tells every data protection officer (each active user holding `research.review`, whichever agency
 * they belong to) that an application waits for them, each in their own language. The e-mail names
 * the application by its number and links to it; what it asks for is read after signing in.
 */
export async function mailNewApplicationNotice(
  services: ResearchServices,
  application: ResearchApplication,
): Promise<void> {
  for (const reviewer of await listActiveUsersWithPermission(services.db, "research.review")) {
    const locale = isLocale(reviewer.locale) ? reviewer.locale : "az";
    const t = services.i18n.t(locale);
    const variables = {
      reference: application.reference,
      link: `${services.config.publicUrl}${reviewPath(application.id)}?lang=${locale}`,
    };
    await services.mailer.send({
      id: `research-${application.id}-submitted-${reviewer.id}`,
      to: reviewer.email,
      subject: t("research.notices.submitted.subject", variables),
      text: `${[t("notices.greeting"), t("research.notices.submitted.body", variables), t("notices.signature")].join("\n\n")}\n`,
    });
  }
}

/**
 * Tells the researcher, in their account's language, that their application was decided. The
 * decision and its reasons are read after signing in. False when nobody can be told.
 */
export async function mailDecisionNotice(
  services: ResearchServices,
  application: ResearchApplication,
): Promise<boolean> {
  const [researcher] = await findUserContacts(services.db, [application.applicantUserId]);
  if (!researcher?.active) return false;
  const locale = isLocale(researcher.locale) ? researcher.locale : "az";
  const t = services.i18n.t(locale);
  const variables = {
    reference: application.reference,
    link: `${services.config.publicUrl}${ownApplicationPath(application.id)}?lang=${locale}`,
    days: services.config.researchExtractDays,
  };
  const body = application.status === "refused" ? "refused" : "approved";
  await services.mailer.send({
    id: `research-${application.id}-decided`,
    to: researcher.email,
    subject: t("research.notices.decided.subject", variables),
    text: `${[
      t("notices.greeting"),
      t(`research.notices.decided.${body}`, variables),
      t("notices.privacy"),
      t("notices.signature"),
    ].join("\n\n")}\n`,
  });
  return true;
}
