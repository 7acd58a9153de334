import { isLocale } from "../../../../platform/http/index.js";
import { formatDate } from "../../../../platform/locale/index.js";
import {
  findUserContacts,
  listStaffWithPermission,
  recordAudit,
  systemActor,
} from "../../../access/index.js";
import type { PolicyAction } from "../records.js";
import { claimOverdueWarning, openActionsDueBy, releaseOverdueWarning } from "../repository.js";
import { legalToday, type PolicyStrategiesDependencies } from "../strategies-module.js";

type WarningServices = Pick<
  PolicyStrategiesDependencies,
  "db" | "clock" | "calendar" | "config" | "mailer" | "i18n"
>;

/**
 * The daily overdue warnings. An action of an adopted or in-force document whose due date has
 * passed (in the country's calendar) and that is not done is announced to the responsible agency's
 * focal points (active staff with `policy.report` in that agency), each in their language, once per
 * action and due date: moving the due date makes a new warning when the new date passes. Each
 * warning is claimed before the e-mails go out, so a job run twice (retried, or on two instances)
 * sends it once; a failed send gives the claim back for the retry.
 */
export async function sendOverdueWarnings(services: WarningServices): Promise<{ warned: number }> {
  const today = legalToday(services);
  const yesterday = services.calendar.addCalendarDays(today, -1);
  const overdue = await openActionsDueBy(services.db, yesterday);
  let warned = 0;
  for (const action of overdue) {
    if (await warnOnce(services, action)) warned++;
  }
  return { warned };
}

async function warnOnce(services: WarningServices, action: PolicyAction & { documentTitle: string }) {
  const focalPoints = await listStaffWithPermission(services.db, action.responsibleAgencyId, "policy.report");
  // Nobody to warn yet: not claimed, so the warning goes out once a focal point is appointed.
  if (focalPoints.length === 0) return false;
  const warning = { actionId: action.id, dueOn: action.dueOn };
  const claimed = await services.db.transaction(async (tx) => {
    if (!(await claimOverdueWarning(tx, { ...warning, at: services.clock.now() }))) return false;
    await recordAudit(tx, {
      actor: systemActor,
      action: "policy_action.overdue_warning",
      outcome: "success",
      entityType: "policy_action",
      entityId: action.id,
      agencyId: action.responsibleAgencyId,
      details: { dueOn: action.dueOn, recipients: focalPoints.length },
    });
    return true;
  });
  if (!claimed) return false;
  try {
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
        document: action.documentTitle,
        date: formatDate(action.dueOn, locale),
      };
      const link = `${services.config.publicUrl}/policy/actions/${action.id}?lang=${locale}`;
      await services.mailer.send({
        id: `policy-overdue-${action.id}-${action.dueOn}-${contact.id}`,
        to: contact.email,
        subject: t("policyStrategies.mail.overdue.subject", values),
        text: [t("policyStrategies.mail.overdue.body", values), link, t("policyStrategies.mail.footer")].join(
          "\n\n",
        ),
      });
    }
    return true;
  } catch (error) {
    await releaseOverdueWarning(services.db, warning);
    throw error;
  }
}
