import { type ParallelReplay, replayInThreads } from "../../modules/statistics/index.js";
import type { KarvanConfig } from "../../platform/config/index.js";
import type { DatabaseHandle } from "../../platform/db/index.js";

/** Replay threads on a PostgreSQL server; the embedded database has one connection, so none. */
export function parallelReplayOf(database: DatabaseHandle, config: KarvanConfig): ParallelReplay | undefined {
  return database.kind === "postgres" && database.url
    ? replayInThreads(database.url, config.countryProfile)
    : undefined;
}
