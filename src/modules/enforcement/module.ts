import type { FastifyRequest } from "fastify";
import type { LegalCalendar } from "../../platform/calendar/index.js";
import type { Clock } from "../../platform/clock/index.js";
import type { KarvanConfig } from "../../platform/config/index.js";
import type { Database } from "../../platform/db/index.js";
import type { I18n } from "../../platform/http/index.js";
import type { Mailer } from "../../platform/mail/index.js";
import type { Guards } from "../access/index.js";
import type { SubmissionCheck } from "../cases/index.js";
import { createDetentionModule, type DetentionModule } from "./detention/detention-module.js";
import type { EnforcementContext } from "./enforcement-context.js";
import { watchListSubmissionCheck } from "./watchlist/check-watch-lists.js";

export interface EnforcementDependencies {
  db: Database;
  clock: Clock;
  config: KarvanConfig;
  guards: Guards;
  /** The legal date (in the country's zone) of an instant: an entry is in force by legal dates. */
  legalDate: (at: Date) => string;
  /** The detention register counts its time limits in the country's working days. */
  calendar: LegalCalendar;
  /** Detention alerts go to the centres' heads and the responsible officers. */
  mailer: Mailer;
  i18n: I18n;
}

export interface EnforcementModule extends EnforcementDependencies {
  /** The check the case engine runs on every submission (wired in the composition root). */
  submissionCheck: SubmissionCheck;
  /** The context of a watch-list operation for the person making this request. */
  contextFor(request: FastifyRequest): EnforcementContext;
  /** The detention register: placements, their time limits and alerts. */
  detention: DetentionModule;
}

export function createEnforcementModule(dependencies: EnforcementDependencies): EnforcementModule {
  const { db, clock, config, legalDate } = dependencies;
  return {
    ...dependencies,
    submissionCheck: watchListSubmissionCheck({
      legalToday: () => legalDate(clock.now()),
      threshold: config.watchListThreshold,
    }),
    contextFor: (request) => ({
      db,
      clock,
      principal: request.principal,
      ip: request.ip,
      requestId: String(request.id),
    }),
    detention: createDetentionModule(dependencies),
  };
}
