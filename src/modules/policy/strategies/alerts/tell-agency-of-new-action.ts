import { isLocale } from "../../../../platform/http/index.js";
import { formatDate } from "../../../../platform/locale/index.js";
import { findUserContacts, listStaffWithPermission } from "../../../access/index.js";
import type { ActionContent } from "../records.js";
import type { PolicyStrategiesDependencies } from "../strategies-module.js";

type NoticeServices = Pick<PolicyStrategiesDependencies, "db" | "config" | "mailer" | "i18n">;

/**
 * An action given to an agency changes what the agency must do: its focal points (active staff with
 * `policy.report` in that agency) are told at once, each in their language, with the due date and
 * the link where they report. Sent after the action is saved; each e-mail has its own id, so a
 * second attempt does not send it twice.
 */
export async function tellAgencyOfNewAction(
  services: NoticeServices,
  action: Pick<ActionContent, "code" | "title" | "dueOn" | "responsibleAgencyId"> & { id: string },
  documentTitle: string,
): Promise<number> {
  const focalPoints = await listStaffWithPermission(services.db, action.responsibleAgencyId, "policy.report");
  if (focalPoints.length === 0) return 0;
  const contacts = await findUserContacts(
    services.db,
    focalPoints.map((one) => one.id),
  );
  for (const contact of contacts) {
    const locale = isLocale(contact.locale) ? contact.locale : "az";
    const t = services.i18n.t(locale);
    const values = {
      code: action.code,
      action: action.title,
      document: documentTitle,
      date: formatDate(action.dueOn, locale),
    };
    await services.mailer.send({
      id: `policy-assigned-${action.id}-${contact.id}`,
      to: contact.email,
      subject: t("policyStrategies.mail.assigned.subject", values),
      text: [
        t("policyStrategies.mail.assigned.body", values),
        `${services.config.publicUrl}/policy/actions/${action.id}?lang=${locale}`,
        t("policyStrategies.mail.footer"),
      ].join("\n\n"),
    });
  }
  return contacts.length;
}
