import type { Clock } from "../../platform/clock/index.js";
import type { Database } from "../../platform/db/index.js";
import type { Principal } from "../access/index.js";

/** What every watch-list operation receives: who acts, from where, the database and the clock. */
export interface EnforcementContext {
  db: Database;
  clock: Clock;
  principal: Principal | null;
  ip?: string | undefined;
  requestId?: string | undefined;
}
