import type { FastifyRequest } from "fastify";
import type { LegalCalendar } from "../../../platform/calendar/index.js";
import type { Clock } from "../../../platform/clock/index.js";
import type { KarvanConfig } from "../../../platform/config/index.js";
import type { Database } from "../../../platform/db/index.js";
import type { Documents } from "../../../platform/files/index.js";
import type { I18n } from "../../../platform/http/index.js";
import type { Mailer } from "../../../platform/mail/index.js";
import type { Guards, Principal } from "../../access/index.js";
import type { RegisterThresholds } from "../../people/index.js";

export interface ReadmissionDependencies {
  db: Database;
  clock: Clock;
  config: KarvanConfig;
  guards: Guards;
  /** The country's legal calendar: Azerbaijan's working days when it is the requested state. */
  calendar: LegalCalendar;
  mailer: Mailer;
  i18n: I18n;
  /** The evidence attached to requests is kept in the document store. */
  documents: Documents;
  /** The person register's thresholds: the person of a request is entered into the register. */
  registerThresholds: RegisterThresholds;
}

/** What every readmission operation receives: the module, who acts and from where. */
export interface ReadmissionContext extends ReadmissionDependencies {
  principal: Principal | null;
  ip?: string | undefined;
  requestId?: string | undefined;
}

export interface ReadmissionModule extends ReadmissionDependencies {
  contextFor(request: FastifyRequest): ReadmissionContext;
  /** The context of the daily job: no principal, the system acts. */
  systemContext(): ReadmissionContext;
  /** Today's legal date in the country. */
  today(): string;
}

export function createReadmissionModule(dependencies: ReadmissionDependencies): ReadmissionModule {
  return {
    ...dependencies,
    contextFor: (request) => ({
      ...dependencies,
      principal: request.principal,
      ip: request.ip,
      requestId: String(request.id),
    }),
    systemContext: () => ({ ...dependencies, principal: null }),
    today: () => dependencies.calendar.legalDate(dependencies.clock.now()),
  };
}
