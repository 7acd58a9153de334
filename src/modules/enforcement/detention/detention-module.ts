import type { FastifyRequest } from "fastify";
import type { LegalCalendar } from "../../../platform/calendar/index.js";
import type { Clock } from "../../../platform/clock/index.js";
import type { KarvanConfig } from "../../../platform/config/index.js";
import type { Database } from "../../../platform/db/index.js";
import type { I18n } from "../../../platform/http/index.js";
import type { Mailer } from "../../../platform/mail/index.js";
import type { Guards } from "../../access/index.js";
import type { DetentionContext } from "./detention-context.js";
import { type DetentionLaw, loadDetentionLaw } from "./detention-law.js";

export interface DetentionDependencies {
  db: Database;
  clock: Clock;
  config: KarvanConfig;
  guards: Guards;
  calendar: LegalCalendar;
  mailer: Mailer;
  i18n: I18n;
}

export interface DetentionModule extends DetentionDependencies {
  /** The country's detention time limits (law/<country>.json). */
  law: DetentionLaw;
  /** The context of a detention operation for the officer making this request. */
  contextFor(request: FastifyRequest): DetentionContext;
}

export function createDetentionModule(dependencies: DetentionDependencies): DetentionModule {
  const law = loadDetentionLaw(dependencies.calendar.country);
  const { db, clock, calendar, config } = dependencies;
  return {
    ...dependencies,
    law,
    contextFor: (request) => ({
      db,
      clock,
      calendar,
      law,
      config,
      principal: request.principal,
      ip: request.ip,
      requestId: String(request.id),
    }),
  };
}
