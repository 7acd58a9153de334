import type { Clock } from "../../../platform/clock/index.js";
import type { Database } from "../../../platform/db/index.js";
import type { Guards } from "../../access/index.js";
import type { CasesModule } from "../../cases/index.js";
import type { RegisterChangeFollower } from "../entry/register-changes.js";

/**
 * What the register's officer pages need from the composition root: the cases module too, because
 * a person page lists the person's cases only as far as the viewer may read them, and a decided
 * review leaves a note on the case it came from.
 */
export interface RegisterWorkspace {
  db: Database;
  clock: Clock;
  guards: Guards;
  cases: CasesModule;
  /** Told of every link a decision, merge or undo changes, in its transaction (the statistics re-count). */
  followChanges: RegisterChangeFollower;
}
