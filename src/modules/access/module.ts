import type { Clock } from "../../platform/clock/index.js";
import type { KarvanConfig } from "../../platform/config/index.js";
import type { Database } from "../../platform/db/index.js";
import type { I18n } from "../../platform/http/index.js";
import type { JobLogger, JobRunner } from "../../platform/jobs/index.js";
import type { Mailer } from "../../platform/mail/index.js";
import type { MailRequests } from "./auth/auth-context.js";
import { createMailRequests } from "./auth/mail-requests.js";
import { createGuards, type Guards } from "./request-context.js";

/** What the access module needs from the platform; built once in src/app.ts. */
export interface AccessDependencies {
  db: Database;
  clock: Clock;
  config: KarvanConfig;
  mailer: Mailer;
  /** E-mails anyone can ask for are sent from jobs, so the pages answer without waiting. */
  jobs: JobRunner;
  /** E-mails written by jobs, in the recipient's language. */
  i18n: I18n;
  log?: JobLogger | undefined;
}

export interface AccessModule extends AccessDependencies {
  guards: Guards;
  mailRequests: MailRequests;
}

/** Builds the module; call before the job runner starts (it defines the module's jobs). */
export function createAccessModule(dependencies: AccessDependencies): AccessModule {
  return {
    ...dependencies,
    guards: createGuards(dependencies.db),
    mailRequests: createMailRequests(dependencies),
  };
}
