import type { Clock } from "../../platform/clock/index.js";
import type { Database } from "../../platform/db/index.js";
import type { Principal } from "../access/index.js";
import type { SubmissionCheck } from "./checks/submission-checks.js";
import type { CaseTypeRegistry } from "./definition/registry.js";
import type { DeadlineClock } from "./engine/case-state.js";
import type { PersonRegistration } from "./operations/person-registration.js";
import type { UploadLimits } from "./operations/upload-limits.js";

/** What every case operation receives: who acts, from where, and the engine's services. */
export interface CasesContext {
  db: Database;
  clock: Clock;
  registry: CaseTypeRegistry;
  deadlines: DeadlineClock;
  principal: Principal | null;
  ip?: string | undefined;
  requestId?: string | undefined;
  /** The configured limits on documents; contexts built outside the module get the defaults. */
  uploadLimits?: UploadLimits | undefined;
  /** Checks run on every submission (the watch lists); none in contexts built outside the module. */
  submissionChecks?: readonly SubmissionCheck[] | undefined;
  /** Enters a submitted case's persons into the person register; none in contexts built outside the module. */
  registerPersons?: PersonRegistration | undefined;
}
