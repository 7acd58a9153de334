import type { LegalCalendar } from "../../../platform/calendar/index.js";
import type { KarvanConfig } from "../../../platform/config/index.js";
import type { EnforcementContext } from "../enforcement-context.js";
import type { DetentionLaw } from "./detention-law.js";

/** What every detention operation receives: who acts, the database, the clock, the calendar and the law. */
export interface DetentionContext extends EnforcementContext {
  calendar: Pick<LegalCalendar, "addWorkingDays" | "legalDate">;
  law: DetentionLaw;
  config: Pick<KarvanConfig, "peopleLinkScore" | "peopleReviewScore" | "publicUrl">;
}

/** Today's legal date, in the country's zone. */
export function legalToday(context: Pick<DetentionContext, "calendar" | "clock">): string {
  return context.calendar.legalDate(context.clock.now());
}
