import type { FastifyRequest } from "fastify";
import type { Clock } from "../../../platform/clock/index.js";
import type { Database } from "../../../platform/db/index.js";
import type { I18n } from "../../../platform/http/index.js";
import type { Mailer } from "../../../platform/mail/index.js";
import type { Guards } from "../../access/index.js";
import type { IndicatorContext } from "./indicator-context.js";

/** What the indicator pages need from the composition root. */
export interface IndicatorPagesDependencies {
  db: Database;
  clock: Clock;
  guards: Guards;
  mailer: Mailer;
  i18n: I18n;
  publicUrl: string;
}

export interface IndicatorPages extends IndicatorPagesDependencies {
  contextFor(request: FastifyRequest): IndicatorContext;
}

export function indicatorPages(dependencies: IndicatorPagesDependencies): IndicatorPages {
  const { db, clock, mailer, i18n, publicUrl } = dependencies;
  return {
    ...dependencies,
    contextFor: (request) => ({
      db,
      clock,
      principal: request.principal,
      ip: request.ip,
      requestId: String(request.id),
      notices: { mailer, i18n, publicUrl },
    }),
  };
}
