import { workerData } from "node:worker_threads";
import { selectCountry, statisticsContextOf } from "./composition-root.js";
import {
  chartDrawingTask,
  drawChartsInThread,
  replayRangeInThread,
  replayTask,
} from "./modules/statistics/index.js";
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

/** Tasks without a connection that serve the main thread's messages for as long as it keeps the thread. */
const serving: Record<string, () => void> = { [chartDrawingTask]: drawChartsInThread };

const { task, databaseUrl, countryProfile, input } = workerData as WorkerThreadData;
const serve = serving[task];
const chosen = tasks[task];
if (!serve && !chosen) throw new Error(`no worker thread task "${task}"`);
selectCountry({ countryProfile });
if (serve) serve();
else if (chosen) {
  if (!databaseUrl) throw new Error(`worker thread task "${task}" needs a database`);
  const database = await openDatabase({ databaseUrl, poolSize: chosen.poolSize });
  try {
    await chosen.run(database, input);
  } finally {
    await database.close();
  }
}
