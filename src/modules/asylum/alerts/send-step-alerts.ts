import { sql } from "drizzle-orm";
import type { LegalCalendar } from "../../../platform/calendar/index.js";
import type { Clock } from "../../../platform/clock/index.js";
import type { KarvanConfig } from "../../../platform/config/index.js";
import { type Database, queryRows } from "../../../platform/db/index.js";
import { type I18n, isLocale } from "../../../platform/http/index.js";
import type { Mailer } from "../../../platform/mail/index.js";
import { findUserContacts, recordAudit, systemActor } from "../../access/index.js";
import {
  type CaseTypeRegistry,
  caseNumbersOf,
  formatLongDate,
  loadCaseStandings,
  loadEventsOfCases,
  type OpenCase,
  openCasesOfType,
} from "../../cases/index.js";
import type { AsylumLaw } from "../asylum-law.js";
import { type StepTiming, stepTimingsOfCase } from "../time-limits.js";

export interface AsylumAlertServices {
  db: Database;
  clock: Clock;
  calendar: LegalCalendar;
  law: AsylumLaw;
  registry: CaseTypeRegistry;
  config: Pick<KarvanConfig, "publicUrl">;
  mailer: Mailer;
  i18n: I18n;
}

type AlertKind = "due_soon" | "overdue";

/**
 * The alert a running step has reached today: `due_soon` from the working day before its last day
 * (a run missed that day is made up up to the last day), `overdue` once the last day has passed.
 */
export function stepAlertOn(
  timing: Pick<StepTiming, "status" | "due">,
  calendar: Pick<LegalCalendar, "addWorkingDays">,
  today: string,
): AlertKind | null {
  if (timing.status === "overdue") return "overdue";
  if (timing.status !== "running") return null;
  return today >= calendar.addWorkingDays(timing.due, -1) ? "due_soon" : null;
}

/**
 * The daily asylum step alerts. For every open asylum case, each running step whose last day is the
 * next working day, and each step whose last day has passed, is told to the officer the case is
 * assigned to: once per step and kind, claimed (and audited) before the e-mail goes, so that a job
 * run twice sends it once. A case nobody is assigned to is still claimed and audited; its overdue
 * steps show on the case's time-limit page and its deadline in the engine's overdue lists.
 */
export async function sendAsylumStepAlerts(
  services: AsylumAlertServices,
): Promise<{ dueSoon: number; overdue: number }> {
  const today = services.calendar.legalDate(services.clock.now());
  const open = await openCasesOfType(services.db, "asylum");
  const sent = { dueSoon: 0, overdue: 0 };
  const ids = open.map((one) => one.id);
  const standings = await loadCaseStandings(services.db, ids, ["asylum"]);
  const events = await loadEventsOfCases(services.db, ids);
  for (const one of open) {
    const standing = standings.get(one.id);
    if (!standing) continue;
    const definition = services.registry.get("asylum", standing.typeVersion);
    const timings = stepTimingsOfCase({
      events: events.get(one.id) ?? [],
      answers: standing.answers,
      definition,
      law: services.law,
      calendar: services.calendar,
      today,
    });
    for (const timing of timings) {
      const kind = stepAlertOn(timing, services.calendar, today);
      if (kind && (await alertOnce(services, one, timing, kind, today)))
        sent[kind === "overdue" ? "overdue" : "dueSoon"]++;
    }
  }
  return sent;
}

async function alertOnce(
  services: AsylumAlertServices,
  one: OpenCase,
  timing: StepTiming,
  kind: AlertKind,
  today: string,
): Promise<boolean> {
  const claimed = await services.db.transaction(async (tx) => {
    const rows = await queryRows<{ case_id: string }>(
      tx,
      sql`insert into asylum_step_alerts (case_id, step, kind, due_date, alerted_on)
        values (${one.id}::uuid, ${timing.step}, ${kind}, ${timing.due}::date, ${today}::date)
        on conflict do nothing returning case_id`,
    );
    if (rows.length === 0) return false;
    await recordAudit(tx, {
      actor: systemActor,
      action: `asylum.step_alert_${kind}`,
      outcome: "success",
      entityType: "case",
      entityId: one.id,
      agencyId: one.agencyId,
      details: { step: timing.step, dueDate: timing.due, to: one.assignedTo },
    });
    return true;
  });
  if (!claimed) return false;
  try {
    await mailAlert(services, one, timing, kind);
    return true;
  } catch (error) {
    // Not sent: give the claim back so that the job's retry (or tomorrow's run) tries again.
    await services.db.execute(
      sql`delete from asylum_step_alerts where case_id = ${one.id}::uuid and step = ${timing.step} and kind = ${kind}`,
    );
    throw error;
  }
}

/**
 * The alert e-mail, in the officer's language: the case number, the step, its last day and a link
 * to the case's time limits; never the applicant, whose name an e-mail should not carry.
 */
async function mailAlert(services: AsylumAlertServices, one: OpenCase, timing: StepTiming, kind: AlertKind) {
  if (!one.assignedTo) return;
  const [officer] = await findUserContacts(services.db, [one.assignedTo]);
  if (!officer?.active) return;
  const number = (await caseNumbersOf(services.db, [one.id])).get(one.id);
  const locale = isLocale(officer.locale) ? officer.locale : "az";
  const t = services.i18n.t(locale);
  const values = {
    number: number?.number ?? one.id.slice(0, 8),
    step: t(`asylum.steps.${timing.step}`),
    date: formatLongDate(timing.due, locale),
    link: `${services.config.publicUrl}/asylum/cases/${one.id}/time-limits?lang=${locale}`,
  };
  await services.mailer.send({
    id: `asylum-${kind}-${one.id}-${timing.step}`,
    to: officer.email,
    subject: t(`asylum.alerts.${kind}.subject`, values),
    text: [t(`asylum.alerts.${kind}.body`, values), values.link, t("asylum.alerts.footer")].join("\n\n"),
  });
}
