import type { Clock } from "../../platform/clock/index.js";
import type { KarvanConfig } from "../../platform/config/index.js";
import type { Database } from "../../platform/db/index.js";
import type { Mailer } from "../../platform/mail/index.js";
import { createGuards, type Guards } from "./request-context.js";

/** What the access module needs from the platform; built once in src/app.ts. */
export interface AccessDependencies {
  db: Database;
  clock: Clock;
  config: KarvanConfig;
  mailer: Mailer;
}

export interface AccessModule extends AccessDependencies {
  guards: Guards;
}

export function createAccessModule(dependencies: AccessDependencies): AccessModule {
  return { ...dependencies, guards: createGuards(dependencies.db) };
}
