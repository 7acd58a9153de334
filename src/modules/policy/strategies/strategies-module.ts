import type { FastifyRequest } from "fastify";
import type { LegalCalendar } from "../../../platform/calendar/index.js";
import type { Clock } from "../../../platform/clock/index.js";
import type { KarvanConfig } from "../../../platform/config/index.js";
import type { Database, Queryable } from "../../../platform/db/index.js";
import type { Documents } from "../../../platform/files/index.js";
import type { I18n } from "../../../platform/http/index.js";
import type { Mailer } from "../../../platform/mail/index.js";
import type { Guards, Principal } from "../../access/index.js";
import type { DocumentStatus } from "./records.js";

/** A consultation on a document, as the document's page lists it. */
export interface DocumentConsultation {
  id: string;
  standing: "scheduled" | "open" | "closed";
  opensOn: string;
  /** The day it closed early on, or its closing date. */
  lastDay: string;
  pending: number;
}

/**
 * What the rest of the policy module adds to a document. The consultations build on the documents,
 * so the documents call them through this, wired in by the policy module, rather than import them.
 */
export interface PolicyDocumentFollowers {
  /** Called in the status change's transaction, once the change is recorded. */
  statusChanged(
    context: PolicyStrategiesContext,
    tx: Queryable,
    change: { documentId: string; from: DocumentStatus; to: DocumentStatus; onDate: string },
  ): Promise<void>;
  consultationsOf(db: Queryable, documentId: string, today: string): Promise<DocumentConsultation[]>;
}

export interface PolicyStrategiesDependencies {
  db: Database;
  clock: Clock;
  config: KarvanConfig;
  guards: Guards;
  /** The country's legal calendar: due dates and "overdue" are the country's dates. */
  calendar: LegalCalendar;
  mailer: Mailer;
  i18n: I18n;
  /** The evidence attached to status reports is kept in the document store. */
  documents: Documents;
  followers?: PolicyDocumentFollowers | undefined;
}

/** What every operation receives: the module, who acts and from where. */
export interface PolicyStrategiesContext extends PolicyStrategiesDependencies {
  principal: Principal | null;
  ip?: string | undefined;
  requestId?: string | undefined;
}

export interface PolicyStrategiesModule extends PolicyStrategiesDependencies {
  contextFor(request: FastifyRequest): PolicyStrategiesContext;
  /** The context of the daily job: no principal, the system acts. */
  systemContext(): PolicyStrategiesContext;
  /** Today's legal date in the country. */
  today(): string;
}

export function createPolicyStrategiesModule(
  dependencies: PolicyStrategiesDependencies,
): PolicyStrategiesModule {
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

/** Today's legal date in the country, for an operation. */
export function legalToday(context: Pick<PolicyStrategiesContext, "calendar" | "clock">): string {
  return context.calendar.legalDate(context.clock.now());
}
