import { parentPort, workerData } from "node:worker_threads";
import { sql } from "drizzle-orm";
import { CaseTypeRegistry, calendarDeadlineClock } from "../modules/cases/index.js";
import { caseTypeDefinitions } from "../modules/permits/index.js";
import { type CaseRange, replayCaseRange } from "../modules/statistics/index.js";
import { loadLegalCalendars } from "../platform/calendar/index.js";
import { openDatabase } from "../platform/db/index.js";

/** What a rebuild gives each replay worker (see stats-replay-workers.ts). */
export interface ReplayWorkerData {
  databaseUrl: string;
  country: string;
  snapshot: string;
  range: CaseRange;
}

const { databaseUrl, country, snapshot, range } = workerData as ReplayWorkerData;
if (!/^[0-9A-F]+-[0-9A-F]+-[0-9]+$/i.test(snapshot)) throw new Error(`not a snapshot id: ${snapshot}`);
const database = await openDatabase({ databaseUrl, poolSize: 1 });
try {
  const replay = {
    registry: new CaseTypeRegistry(caseTypeDefinitions),
    deadlines: calendarDeadlineClock(loadLegalCalendars().of(country)),
  };
  await database.db.transaction(
    async (tx) => {
      // The rebuild's own view of the cases: its transaction exported it.
      await tx.execute(sql.raw(`set transaction snapshot '${snapshot}'`));
      await replayCaseRange(tx, replay, range, (records, cases) => {
        parentPort?.postMessage({ records, cases });
      });
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
  parentPort?.postMessage({ done: true });
} finally {
  await database.close();
}
