import type { FastifyRequest } from "fastify";
import type { LegalCalendar } from "../../platform/calendar/index.js";
import type { Clock } from "../../platform/clock/index.js";
import type { KarvanConfig } from "../../platform/config/index.js";
import type { Database } from "../../platform/db/index.js";
import type { Mailer } from "../../platform/mail/index.js";
import type { DocumentSeal } from "../../platform/pdf/index.js";
import type { Guards } from "../access/index.js";
import type { CasesContext } from "./cases-context.js";
import type { SubmissionCheck } from "./checks/submission-checks.js";
import type { CaseTypeInput } from "./definition/case-type.js";
import { CaseTypeRegistry } from "./definition/registry.js";
import { calendarDeadlineClock } from "./engine/calendar-deadline-clock.js";
import type { DeadlineClock } from "./engine/case-state.js";
import type { PersonRegistration, RegisteredPersonsLookup } from "./operations/person-registration.js";
import { uploadLimitsOf } from "./operations/upload-limits.js";

export interface CasesDependencies {
  db: Database;
  clock: Clock;
  config: KarvanConfig;
  mailer: Mailer;
  guards: Guards;
  /** The legal calendar of the country whose law the case types apply. */
  calendar: LegalCalendar;
  caseTypes: CaseTypeInput[];
  /** The electronic seal on issued PDFs, and the check of an uploaded PDF's seal. */
  seal: DocumentSeal;
  /** Checks every submission runs (the watch lists, wired in the composition root); none by default. */
  submissionChecks?: readonly SubmissionCheck[] | undefined;
  /** Enters every submitted case's persons into the person register (wired in the composition root). */
  registerPersons?: PersonRegistration | undefined;
  /** Where a submission's persons stand in the register, for the API's answer (wired in the composition root). */
  registeredPersons?: RegisteredPersonsLookup | undefined;
}

export interface CasesModule extends CasesDependencies {
  registry: CaseTypeRegistry;
  deadlines: DeadlineClock;
  /** The context of a case operation for the person making this request. */
  contextFor(request: FastifyRequest): CasesContext;
  /** The context of a case operation run by the system itself (jobs, seeding, imports). */
  systemContext(): CasesContext;
}

export function createCasesModule(dependencies: CasesDependencies): CasesModule {
  const registry = new CaseTypeRegistry(dependencies.caseTypes);
  const deadlines = calendarDeadlineClock(dependencies.calendar);
  const base = {
    db: dependencies.db,
    clock: dependencies.clock,
    registry,
    deadlines,
    uploadLimits: uploadLimitsOf(dependencies.config),
    submissionChecks: dependencies.submissionChecks ?? [],
    registerPersons: dependencies.registerPersons,
  };
  return {
    ...dependencies,
    registry,
    deadlines,
    contextFor: (request) => ({
      ...base,
      principal: request.principal,
      ip: request.ip,
      requestId: String(request.id),
    }),
    systemContext: () => ({ ...base, principal: null }),
  };
}
