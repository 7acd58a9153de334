import type { Clock } from "../../../platform/clock/index.js";
import type { Database } from "../../../platform/db/index.js";
import type { Guards } from "../../access/index.js";

/** What the people module's staff pages need from the composition root. */
export interface PeopleWorkspace {
  db: Database;
  clock: Clock;
  guards: Guards;
}
