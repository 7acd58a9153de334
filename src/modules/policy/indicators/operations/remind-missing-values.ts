import { and, eq, notExists } from "drizzle-orm";
import type { Clock } from "../../../../platform/clock/index.js";
import type { Database } from "../../../../platform/db/index.js";
import type { I18n } from "../../../../platform/http/index.js";
import type { Mailer } from "../../../../platform/mail/index.js";
import { listStaffWithPermission } from "../../../access/index.js";
import { addMonthsToMonth } from "../../../statistics/index.js";
import { policyIndicators, policyIndicatorValues } from "../schema.js";

export interface ReminderServices {
  db: Database;
  clock: Clock;
  mailer: Mailer;
  i18n: I18n;
  publicUrl: string;
}

/**
 * Reminds the focal points of each entered indicator still without a value for last month. The
 * message id names the indicator, the month and the person, so a job run twice reminds once.
 */
export async function remindMissingValues(services: ReminderServices): Promise<{ reminded: number }> {
  const { db, mailer, i18n } = services;
  const month = addMonthsToMonth(services.clock.now().toISOString().slice(0, 7), -1);
  const missing = await db
    .select({
      id: policyIndicators.id,
      code: policyIndicators.code,
      names: policyIndicators.names,
      agencyId: policyIndicators.responsibleAgencyId,
    })
    .from(policyIndicators)
    .where(
      and(
        eq(policyIndicators.kind, "entered"),
        notExists(
          db
            .select({ period: policyIndicatorValues.period })
            .from(policyIndicatorValues)
            .where(
              and(
                eq(policyIndicatorValues.indicatorId, policyIndicators.id),
                eq(policyIndicatorValues.period, month),
              ),
            ),
        ),
      ),
    );
  let reminded = 0;
  for (const indicator of missing) {
    const link = `${services.publicUrl.replace(/\/$/, "")}/policy/indicators/${indicator.code}/values`;
    for (const person of await listStaffWithPermission(db, indicator.agencyId, "policy.report")) {
      const texts = (["az", "en"] as const).map((language) =>
        i18n.t(language)("policyIndicators.reminder.text", { name: indicator.names[language], month, link }),
      );
      await mailer.send({
        id: `policy-indicator-reminder-${indicator.id}-${month}-${person.id}`,
        to: person.email,
        subject: (["az", "en"] as const)
          .map((language) =>
            i18n.t(language)("policyIndicators.reminder.subject", { name: indicator.names[language], month }),
          )
          .join(" / "),
        text: texts.join("\n\n—\n\n"),
      });
      reminded += 1;
    }
  }
  return { reminded };
}
