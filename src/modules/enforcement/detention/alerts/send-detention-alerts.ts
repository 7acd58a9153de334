import { type I18n, isLocale } from "../../../../platform/http/index.js";
import type { Mailer } from "../../../../platform/mail/index.js";
import { findUserContacts, recordAudit, systemActor } from "../../../access/index.js";
import { formatLongDate } from "../../../cases/index.js";
import type { DetentionContext } from "../detention-context.js";
import { legalToday } from "../detention-context.js";
import type { Centre, Placement } from "../detention-records.js";
import {
  claimAlert,
  findCentre,
  releaseAlertClaim,
  runningPlacementsEndingBy,
} from "../detention-repository.js";
import { addDays, stayStanding } from "../time-limits.js";

export type AlertServices = Pick<DetentionContext, "db" | "clock" | "calendar" | "law" | "config"> & {
  mailer: Mailer;
  i18n: I18n;
};

type AlertKind = "expiring" | "overdue";

/** Stays ending this many calendar days ahead at most can have reached their notice day. */
const lookAheadDays = 21;

/**
 * The daily detention alerts. A stay whose notice day (one working day before its last lawful day)
 * has come is announced once per period, to the centre's head and the responsible officer; a run
 * missed on the notice day is made up on the next, up to the last day. A stay past its last day
 * is announced again every day until it ends. Each alert is claimed before it is sent, so a job run
 * twice (retried, or on two instances) sends it once.
 */
export async function sendDetentionAlerts(
  services: AlertServices,
): Promise<{ expiring: number; overdue: number }> {
  const today = legalToday(services);
  const running = await runningPlacementsEndingBy(services.db, addDays(today, lookAheadDays), "all");
  const sent = { expiring: 0, overdue: 0 };
  for (const placement of running) {
    const standing = stayStanding(services.law, services.calendar, placement.permittedUntil, today);
    if (standing === "in_time") continue;
    const kind: AlertKind = standing === "overdue" ? "overdue" : "expiring";
    const forDate = kind === "overdue" ? today : placement.permittedUntil;
    if (await alertOnce(services, placement, kind, forDate)) sent[kind]++;
  }
  return sent;
}

async function alertOnce(
  services: AlertServices,
  placement: Placement,
  kind: AlertKind,
  forDate: string,
): Promise<boolean> {
  const alert = { placementId: placement.id, kind, forDate };
  const claimed = await services.db.transaction(async (tx) => {
    if (!(await claimAlert(tx, { ...alert, at: services.clock.now() }))) return false;
    await recordAudit(tx, {
      actor: systemActor,
      action: `detention_placement.alert_${kind}`,
      outcome: "success",
      entityType: "detention_placement",
      entityId: placement.id,
      agencyId: placement.agencyId,
      details: { forDate, permittedUntil: placement.permittedUntil },
    });
    return true;
  });
  if (!claimed) return false;
  try {
    await mailAlert(services, placement, kind, forDate);
    return true;
  } catch (error) {
    // Not sent: give the claim back so that the job's retry (or tomorrow's run) tries again.
    await releaseAlertClaim(services.db, alert);
    throw error;
  }
}

/**
 * The alert e-mail, in each recipient's language. It names the centre, the dates and a reference to
 * the placement's page, never the person: an e-mail can be read by others, the page asks who is there.
 */
async function mailAlert(services: AlertServices, placement: Placement, kind: AlertKind, forDate: string) {
  const centre = await findCentre(services.db, placement.centreId);
  if (!centre) throw new Error(`placement ${placement.id} has no centre`);
  const [officer] = await findUserContacts(services.db, [placement.responsibleOfficerId]);
  const recipients: Array<{ to: string; locale: string; who: string }> = [
    { to: centre.headEmail, locale: centre.headLocale, who: "head" },
  ];
  if (officer?.active) recipients.push({ to: officer.email, locale: officer.locale, who: "officer" });
  for (const recipient of recipients) {
    const locale = isLocale(recipient.locale) ? recipient.locale : "az";
    const t = services.i18n.t(locale);
    const values = {
      centre: centreName(centre, locale),
      reference: placement.id.slice(0, 8),
      date: formatLongDate(placement.permittedUntil, locale),
      link: `${services.config.publicUrl}/detention/placements/${placement.id}?lang=${locale}`,
    };
    await services.mailer.send({
      id: `detention-${kind}-${placement.id}-${forDate}-${recipient.who}`,
      to: recipient.to,
      subject: t(`detention.alerts.${kind}.subject`, values),
      text: [t(`detention.alerts.${kind}.body`, values), values.link, t("detention.alerts.footer")].join(
        "\n\n",
      ),
    });
  }
}

function centreName(centre: Centre, locale: "az" | "en" | "ru"): string {
  return centre.names[locale];
}
