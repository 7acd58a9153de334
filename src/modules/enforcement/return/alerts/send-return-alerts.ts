import { and, eq, isNull, or, sql } from "drizzle-orm";
import type { LegalCalendar } from "../../../../platform/calendar/index.js";
import type { Clock } from "../../../../platform/clock/index.js";
import type { KarvanConfig } from "../../../../platform/config/index.js";
import { type Database, queryRows } from "../../../../platform/db/index.js";
import { type I18n, isLocale } from "../../../../platform/http/index.js";
import type { Mailer } from "../../../../platform/mail/index.js";
import { findUserContacts, recordAudit, systemActor } from "../../../access/index.js";
import { caseNumbersOf, formatLongDate } from "../../../cases/index.js";
import type { ReturnLaw } from "../return-law.js";
import { enforcementReturnOrders } from "../schema-tables.js";
import { departureStanding } from "../time-limits.js";

export interface ReturnAlertServices {
  db: Database;
  clock: Clock;
  calendar: LegalCalendar;
  law: ReturnLaw;
  config: Pick<KarvanConfig, "publicUrl">;
  mailer: Mailer;
  i18n: I18n;
}

type AlertKind = "due_soon" | "overdue";

interface WatchedOrder {
  case_id: string;
  agency_id: string;
  responsible_officer_id: string | null;
  due_date: string;
  due_soon_alerted_on: string | null;
  overdue_alerted_on: string | null;
}

/** Deadlines this many calendar days ahead at most can have reached their alert day. */
const lookAheadDays = 31;

/**
 * Notified orders whose person has neither left nor been removed (nor absconded, nor been
 * cancelled) by the latest outcome recorded, with a deadline within the look-ahead.
 */
async function ordersToWatch(db: Database, horizon: string): Promise<WatchedOrder[]> {
  return queryRows<WatchedOrder>(
    db,
    sql`select o.case_id, o.agency_id, o.responsible_officer_id, o.due_date::text as due_date,
          o.due_soon_alerted_on::text as due_soon_alerted_on, o.overdue_alerted_on::text as overdue_alerted_on
        from enforcement_return_orders o
        where o.due_date is not null and o.due_date <= ${horizon}::date
          and coalesce((select r.outcome from enforcement_return_outcomes r where r.case_id = o.case_id
                        order by r.recorded_at desc limit 1), 'none')
              not in ('departed', 'removed', 'absconded', 'cancelled')
        order by o.due_date, o.case_id`,
  );
}

/**
 * The daily return alerts. The responsible officer is told once when the departure deadline is
 * `alertWorkingDays` working days away (a run missed on that day is made up on the next, up to the
 * deadline), and every day once it has passed without a departure or a removal recorded. Each alert
 * is claimed on the order's row before it is sent, so a job run twice sends it once.
 */
export async function sendReturnAlerts(
  services: ReturnAlertServices,
): Promise<{ dueSoon: number; overdue: number }> {
  const today = services.calendar.legalDate(services.clock.now());
  const horizon = services.calendar.addCalendarDays(today, lookAheadDays);
  const sent = { dueSoon: 0, overdue: 0 };
  for (const order of await ordersToWatch(services.db, horizon)) {
    const standing = departureStanding(services.law, services.calendar, order.due_date, today);
    if (standing === "in_time") continue;
    const kind: AlertKind = standing === "overdue" ? "overdue" : "due_soon";
    if (await alertOnce(services, order, kind, today)) sent[kind === "overdue" ? "overdue" : "dueSoon"]++;
  }
  return sent;
}

function claimCondition(kind: AlertKind, today: string) {
  const column =
    kind === "due_soon" ? enforcementReturnOrders.dueSoonAlertedOn : enforcementReturnOrders.overdueAlertedOn;
  // The deadline-near alert is sent once; the overdue one once a day.
  return kind === "due_soon" ? isNull(column) : or(isNull(column), sql`${column} <> ${today}::date`);
}

async function alertOnce(
  services: ReturnAlertServices,
  order: WatchedOrder,
  kind: AlertKind,
  today: string,
): Promise<boolean> {
  const column = kind === "due_soon" ? "dueSoonAlertedOn" : "overdueAlertedOn";
  const previous = kind === "due_soon" ? order.due_soon_alerted_on : order.overdue_alerted_on;
  const claimed = await services.db.transaction(async (tx) => {
    const rows = await tx
      .update(enforcementReturnOrders)
      .set({ [column]: today })
      .where(and(eq(enforcementReturnOrders.caseId, order.case_id), claimCondition(kind, today)))
      .returning({ caseId: enforcementReturnOrders.caseId });
    if (rows.length === 0) return false;
    await recordAudit(tx, {
      actor: systemActor,
      action: `return_order.alert_${kind}`,
      outcome: "success",
      entityType: "case",
      entityId: order.case_id,
      agencyId: order.agency_id,
      details: { dueDate: order.due_date },
    });
    return true;
  });
  if (!claimed) return false;
  try {
    await mailAlert(services, order, kind, today);
    return true;
  } catch (error) {
    // Not sent: give the claim back so that the job's retry (or tomorrow's run) tries again.
    await services.db
      .update(enforcementReturnOrders)
      .set({ [column]: previous })
      .where(eq(enforcementReturnOrders.caseId, order.case_id));
    throw error;
  }
}

/**
 * The alert e-mail, in the officer's language. It names the case number, the deadline and a link to
 * the case, never the person: an e-mail can be read by others, the case page asks who is there.
 */
async function mailAlert(services: ReturnAlertServices, order: WatchedOrder, kind: AlertKind, today: string) {
  if (!order.responsible_officer_id) return;
  const [officer] = await findUserContacts(services.db, [order.responsible_officer_id]);
  if (!officer?.active) return;
  const number = (await caseNumbersOf(services.db, [order.case_id])).get(order.case_id);
  const locale = isLocale(officer.locale) ? officer.locale : "az";
  const t = services.i18n.t(locale);
  const values = {
    number: number?.number ?? order.case_id.slice(0, 8),
    date: formatLongDate(order.due_date, locale),
    link: `${services.config.publicUrl}/cases/${order.case_id}?lang=${locale}`,
  };
  await services.mailer.send({
    id: `return-${kind}-${order.case_id}-${kind === "overdue" ? today : order.due_date}`,
    to: officer.email,
    subject: t(`returnOrders.alerts.${kind}.subject`, values),
    text: [t(`returnOrders.alerts.${kind}.body`, values), values.link, t("returnOrders.alerts.footer")].join(
      "\n\n",
    ),
  });
}
