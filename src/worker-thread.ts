import { workerData } from "node:worker_threads";
import { selectCountry, statisticsContextOf } from "./composition-root.js";
import { replayRangeInThread, replayTask } from "./modules/statistics/index.js";
import { type DatabaseHandle, openDatabase } from "./platform/db/index.js";
import type { WorkerThreadData } from "./platform/threads/index.js";

/** The tasks a worker thread runs: the connections each needs, and its work built by the composition root. */
const tasks: Record<
  string,
  { poolSize: number; run(database: DatabaseHandle, input: unknown): Promise<void> }
> = {
  [replayTask]: {
    poolSize: 1,
    run: (database, input) => replayRangeInThread(statisticsContextOf(database), input),
  },
};

const { task, databaseUrl, countryProfile, input } = workerData as WorkerThreadData;
const chosen = tasks[task];
if (!chosen) throw new Error(`no worker thread task "${task}"`);
selectCountry({ countryProfile });
const database = await openDatabase({ databaseUrl, poolSize: chosen.poolSize });
try {
  await chosen.run(database, input);
} finally {
  await database.close();
}
