import type { Clock } from "../../platform/clock/index.js";
import type { Database } from "../../platform/db/index.js";
import type { Principal } from "../access/index.js";
import type { CaseTypeRegistry } from "./definition/registry.js";
import type { DeadlineClock } from "./engine/case-state.js";
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
}
